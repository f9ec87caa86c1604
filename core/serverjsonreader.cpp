#include "serverjsonreader.h"

#include "jsonscanner.h"

#include <QVarLengthArray>

namespace {

// Containers deeper than this are checked but not stored: no command field is nested that deep.
constexpr int kMaxKeptDepth = 16;

void appendUtf8(QByteArray *out, char32_t cp)
{
    if (cp < 0x80) {
        out->append(char(cp));
    } else if (cp < 0x800) {
        out->append(char(0xc0 | (cp >> 6)));
        out->append(char(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out->append(char(0xe0 | (cp >> 12)));
        out->append(char(0x80 | ((cp >> 6) & 0x3f)));
        out->append(char(0x80 | (cp & 0x3f)));
    } else {
        out->append(char(0xf0 | (cp >> 18)));
        out->append(char(0x80 | ((cp >> 12) & 0x3f)));
        out->append(char(0x80 | ((cp >> 6) & 0x3f)));
        out->append(char(0x80 | (cp & 0x3f)));
    }
}

} // namespace

ServerJsonReader::Result ServerJsonReader::read(const QByteArray &line)
{
    ServerJsonReader r(line);
    Result result;
    r.skipSpaces();
    if (r.m_pos >= line.size()) {
        r.fail(r.m_pos, tr("the line is empty: there is no command on it"));
    } else if (r.value(&result.value, 0)) {
        result.ok = true;
        return result;
    }
    result.errorOffset = r.m_errorOffset;
    result.error = r.m_error;
    return result;
}

bool ServerJsonReader::keyMatches(const QByteArray &key, const char *field)
{
    if (key == field)
        return true;
    bool ascii = true;
    for (char c : key)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    QByteArray folded;
    folded.reserve(key.size());
    if (ascii) {
        for (char c : key)
            folded.append(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
        return folded == field;
    }
    // A key with any non-ASCII character is folded rune by rune with Unicode simple folding, keeping the result
    // when it is not an ASCII capital: U+017F (long s) becomes 's' and U+212A (Kelvin sign) 'k', but a plain 's'
    // becomes U+017F and a plain 'k' U+212A, so such keys never match a field with an 's' or a 'k'.
    for (const char32_t cp : QString::fromUtf8(key).toUcs4()) {
        if (cp == 0x17f)
            folded.append('s');
        else if (cp == 0x212a)
            folded.append('k');
        else if (cp == 's')
            folded.append("\xc5\xbf");
        else if (cp == 'k')
            folded.append("\xe2\x84\xaa");
        else if (cp >= 'A' && cp <= 'Z')
            folded.append(char(cp - 'A' + 'a'));
        else
            folded.append(QString::fromUcs4(&cp, 1).toUtf8());
    }
    return folded == field;
}

void ServerJsonReader::skipSpaces()
{
    while (m_pos < m_data.size() && isSpace(m_data.at(m_pos)))
        ++m_pos;
}

bool ServerJsonReader::fail(qsizetype at, const QString &message)
{
    m_errorOffset = at;
    m_error = message;
    return false;
}

bool ServerJsonReader::literal(const char *word)
{
    const QByteArray w(word);
    if (m_data.mid(m_pos, w.size()) != w)
        return fail(m_pos, tr("expected \"%1\"").arg(QString::fromLatin1(word)));
    m_pos += w.size();
    return true;
}

bool ServerJsonReader::number()
{
    const qsizetype start = m_pos;
    const qsizetype n = m_data.size();
    if (m_pos < n && m_data.at(m_pos) == '-')
        ++m_pos;
    if (m_pos >= n || m_data.at(m_pos) < '0' || m_data.at(m_pos) > '9')
        return fail(m_pos, tr("a number needs a digit here"));
    if (m_data.at(m_pos) == '0') {
        ++m_pos; // a leading zero ends the integer part
    } else {
        while (m_pos < n && m_data.at(m_pos) >= '0' && m_data.at(m_pos) <= '9')
            ++m_pos;
    }
    if (m_pos < n && m_data.at(m_pos) == '.') {
        ++m_pos;
        const qsizetype digits = m_pos;
        while (m_pos < n && m_data.at(m_pos) >= '0' && m_data.at(m_pos) <= '9')
            ++m_pos;
        if (m_pos == digits)
            return fail(m_pos, tr("a number needs digits after the decimal point"));
    }
    if (m_pos < n && (m_data.at(m_pos) == 'e' || m_data.at(m_pos) == 'E')) {
        ++m_pos;
        if (m_pos < n && (m_data.at(m_pos) == '+' || m_data.at(m_pos) == '-'))
            ++m_pos;
        const qsizetype digits = m_pos;
        while (m_pos < n && m_data.at(m_pos) >= '0' && m_data.at(m_pos) <= '9')
            ++m_pos;
        if (m_pos == digits)
            return fail(m_pos, tr("a number needs digits in its exponent"));
    }
    Q_UNUSED(start)
    return true;
}

bool ServerJsonReader::string(QByteArray *decoded)
{
    const qsizetype start = m_pos;
    const qsizetype n = m_data.size();
    ++m_pos; // opening quote
    while (m_pos < n) {
        const char c = m_data.at(m_pos);
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return fail(m_pos, tr("a control character (byte 0x%1) must be escaped inside a string")
                                   .arg(int(static_cast<unsigned char>(c)), 2, 16, QLatin1Char('0')));
        if (c != '\\') {
            if (decoded)
                decoded->append(c);
            ++m_pos;
            continue;
        }
        const qsizetype escape = m_pos;
        if (++m_pos >= n)
            break;
        const char e = m_data.at(m_pos);
        char plain = 0;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            plain = e;
            break;
        case 'n':
            plain = '\n';
            break;
        case 'r':
            plain = '\r';
            break;
        case 't':
            plain = '\t';
            break;
        case 'b':
            plain = '\b';
            break;
        case 'f':
            plain = '\f';
            break;
        case 'u': {
            auto unit = [this](qsizetype at) {
                if (at + 4 > m_data.size())
                    return -1;
                int v = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = JsonScanner::hexDigit(m_data.at(at + i));
                    if (h < 0)
                        return -1;
                    v = v * 16 + h;
                }
                return v;
            };
            const int u1 = unit(m_pos + 1);
            if (u1 < 0)
                return fail(escape, tr("\"\\u\" must be followed by four hex digits"));
            m_pos += 5;
            char32_t cp = char32_t(u1);
            if (u1 >= 0xd800 && u1 <= 0xdfff) {
                cp = 0xfffd; // a lone surrogate becomes U+FFFD, as the server does
                if (m_data.mid(m_pos, 2) == "\\u") {
                    const int u2 = unit(m_pos + 2);
                    if (u2 < 0)
                        return fail(m_pos, tr("\"\\u\" must be followed by four hex digits"));
                    if (u1 < 0xdc00 && u2 >= 0xdc00 && u2 <= 0xdfff) {
                        cp = 0x10000 + ((char32_t(u1) - 0xd800) << 10) + (char32_t(u2) - 0xdc00);
                        m_pos += 6;
                    }
                }
            }
            if (decoded)
                appendUtf8(decoded, cp);
            continue;
        }
        default:
            return fail(escape, tr("\"\\%1\" is not a JSON escape").arg(QChar::fromLatin1(e)));
        }
        if (decoded)
            decoded->append(plain);
        ++m_pos;
    }
    return fail(start, tr("the string has no closing quote"));
}

bool ServerJsonReader::memberName(QByteArray *decoded)
{
    skipSpaces();
    if (m_pos >= m_data.size() || m_data.at(m_pos) != '"')
        return fail(m_pos, tr("an object member must start with a quoted name"));
    if (!string(decoded))
        return false;
    skipSpaces();
    if (m_pos >= m_data.size() || m_data.at(m_pos) != ':')
        return fail(m_pos, tr("a ':' must follow the member name"));
    ++m_pos;
    return true;
}

bool ServerJsonReader::skipValue()
{
    // Iterative: a frame may nest tens of thousands of brackets.
    QVarLengthArray<char, 64> stack;
    const qsizetype n = m_data.size();
    bool expectValue = true;
    for (;;) {
        skipSpaces();
        if (m_pos >= n)
            return fail(m_pos, tr("the JSON ends in the middle of a value"));
        const char c = m_data.at(m_pos);
        if (expectValue) {
            if (c == '{' || c == '[') {
                stack.append(c);
                ++m_pos;
                skipSpaces();
                const char close = c == '{' ? '}' : ']';
                if (m_pos < n && m_data.at(m_pos) == close) {
                    ++m_pos;
                    stack.removeLast();
                    expectValue = false;
                } else if (c == '{' && !memberName(nullptr)) {
                    return false;
                }
                if (stack.isEmpty())
                    return true;
                continue;
            }
            bool ok = false;
            if (c == '"')
                ok = string(nullptr);
            else if (c == 't')
                ok = literal("true");
            else if (c == 'f')
                ok = literal("false");
            else if (c == 'n')
                ok = literal("null");
            else if (c == '-' || (c >= '0' && c <= '9'))
                ok = number();
            else
                return fail(m_pos, tr("a value cannot start with '%1'").arg(QChar::fromLatin1(c)));
            if (!ok)
                return false;
            expectValue = false;
            if (stack.isEmpty())
                return true;
            continue;
        }
        // After a value inside a container.
        const char top = stack.last();
        if (c == ',') {
            ++m_pos;
            if (top == '{' && !memberName(nullptr))
                return false;
            expectValue = true;
        } else if ((c == '}' && top == '{') || (c == ']' && top == '[')) {
            ++m_pos;
            stack.removeLast();
            if (stack.isEmpty())
                return true;
        } else {
            return fail(m_pos, tr("expected ',' or '%1' here").arg(QChar::fromLatin1(top == '{' ? '}' : ']')));
        }
    }
}

bool ServerJsonReader::value(ServerJsonValue *out, int depth)
{
    const qsizetype n = m_data.size();
    out->offset = m_pos;
    if (m_pos >= n)
        return fail(m_pos, tr("the JSON ends where a value should be"));
    const char c = m_data.at(m_pos);
    bool ok = true;
    if ((c == '{' || c == '[') && depth >= kMaxKeptDepth) {
        out->type = c == '{' ? ServerJsonValue::Type::Object : ServerJsonValue::Type::Array;
        out->children = false;
        ok = skipValue();
    } else if (c == '{') {
        out->type = ServerJsonValue::Type::Object;
        ++m_pos;
        skipSpaces();
        if (m_pos < n && m_data.at(m_pos) == '}') {
            ++m_pos;
        } else {
            for (;;) {
                skipSpaces();
                const qsizetype keyOffset = m_pos;
                QByteArray key;
                if (!memberName(&key))
                    return false;
                skipSpaces();
                ServerJsonValue member;
                if (!value(&member, depth + 1))
                    return false;
                out->keys.push_back(key);
                out->keyOffsets.push_back(keyOffset);
                out->items.push_back(std::move(member));
                skipSpaces();
                if (m_pos < n && m_data.at(m_pos) == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < n && m_data.at(m_pos) == '}') {
                    ++m_pos;
                    break;
                }
                return fail(m_pos, tr("expected ',' or '}' here"));
            }
        }
    } else if (c == '[') {
        out->type = ServerJsonValue::Type::Array;
        ++m_pos;
        skipSpaces();
        if (m_pos < n && m_data.at(m_pos) == ']') {
            ++m_pos;
        } else {
            for (;;) {
                skipSpaces();
                ServerJsonValue item;
                if (!value(&item, depth + 1))
                    return false;
                out->items.push_back(std::move(item));
                skipSpaces();
                if (m_pos < n && m_data.at(m_pos) == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < n && m_data.at(m_pos) == ']') {
                    ++m_pos;
                    break;
                }
                return fail(m_pos, tr("expected ',' or ']' here"));
            }
        }
    } else if (c == '"') {
        out->type = ServerJsonValue::Type::String;
        ok = string(&out->text);
    } else if (c == 't') {
        out->type = ServerJsonValue::Type::True;
        ok = literal("true");
    } else if (c == 'f') {
        out->type = ServerJsonValue::Type::False;
        ok = literal("false");
    } else if (c == 'n') {
        out->type = ServerJsonValue::Type::Null;
        ok = literal("null");
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        out->type = ServerJsonValue::Type::Number;
        const qsizetype start = m_pos;
        ok = number();
        out->text = m_data.mid(start, m_pos - start);
    } else {
        return fail(m_pos, tr("a value cannot start with '%1'").arg(QChar::fromLatin1(c)));
    }
    out->end = m_pos;
    return ok;
}
