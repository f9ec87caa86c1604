#include "jsontext.h"

#include "jsonscanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char kHex[] = "0123456789abcdef";

void appendUnicodeEscape(QByteArray &out, char32_t code)
{
    out += "\\u";
    out += kHex[(code >> 12) & 0xF];
    out += kHex[(code >> 8) & 0xF];
    out += kHex[(code >> 4) & 0xF];
    out += kHex[code & 0xF];
}

// Copies the string literal starting at text[i] (a '"') to out; returns the index after its closing quote.
qsizetype copyString(const QByteArray &text, qsizetype i, QByteArray &out, bool escapeHtml)
{
    out += text.at(i++);
    while (i < text.size()) {
        const char c = text.at(i);
        if (c == '\\' && i + 1 < text.size()) {
            out += c;
            out += text.at(i + 1);
            i += 2;
            continue;
        }
        if (escapeHtml && (c == '<' || c == '>' || c == '&')) {
            appendUnicodeEscape(out, static_cast<uchar>(c));
            ++i;
            continue;
        }
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
        if (escapeHtml && static_cast<uchar>(c) == 0xE2 && i + 2 < text.size() &&
            static_cast<uchar>(text.at(i + 1)) == 0x80 && (static_cast<uchar>(text.at(i + 2)) & ~1) == 0xA8) {
            appendUnicodeEscape(out, 0x2028 + (static_cast<uchar>(text.at(i + 2)) & 1));
            i += 3;
            continue;
        }
        out += c;
        ++i;
        if (c == '"')
            break;
    }
    return i;
}

} // namespace

QByteArrayView JsonText::memberText(QByteArrayView text, QByteArrayView key)
{
    JsonScanner s(text, JsonScanner::Check::Structure);
    if (s.peek() != '{')
        return {};
    QByteArrayView found;
    const bool ok = s.object(1, [&](const JsonScanner::Span &k, const JsonScanner::Span &value) {
        if (k.view() == key)
            found = value.text();
        return true;
    });
    return ok ? found : QByteArrayView();
}

QList<QByteArrayView> JsonText::elementTexts(QByteArrayView text)
{
    JsonScanner s(text, JsonScanner::Check::Structure);
    if (s.peek() != '[')
        return {};
    QList<QByteArrayView> elements;
    const bool ok = s.array(1, [&](const JsonScanner::Span &value) {
        elements.append(value.text());
        return true;
    });
    return ok ? elements : QList<QByteArrayView>();
}

bool JsonText::isValid(const QByteArray &text, QString *error)
{
    // QJsonDocument only parses objects and arrays: wrapping in [ ] accepts scalars too, and the element count
    // rejects "1, 2".
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson('[' + text + ']', &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error) {
            const int offset = qBound(0, parseError.offset - 1, int(text.size()));
            *error = tr("%1 at character %2").arg(parseError.errorString()).arg(offset + 1);
        }
        return false;
    }
    const qsizetype count = document.array().size();
    if (count != 1) {
        if (error)
            *error = count == 0 ? tr("no JSON value") : tr("more than one JSON value (%1)").arg(count);
        return false;
    }
    return true;
}

QByteArray JsonText::compact(const QByteArray &text, bool escapeHtml)
{
    if (!isValid(text))
        return {};
    QByteArray out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const char c = text.at(i);
        if (c == '"') {
            i = copyString(text, i, out, escapeHtml);
        } else {
            if (!isJsonSpace(c))
                out += c;
            ++i;
        }
    }
    return out;
}

QByteArray JsonText::indent(const QByteArray &text, int indent)
{
    if (!isValid(text))
        return text;
    QByteArray out;
    out.reserve(text.size() * 2);
    int depth = 0;
    const auto newline = [&] {
        out += '\n';
        out += QByteArray(depth * indent, ' ');
    };
    const auto nextNonSpace = [&](qsizetype from) {
        while (from < text.size() && isJsonSpace(text.at(from)))
            ++from;
        return from;
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const char c = text.at(i);
        if (c == '"') {
            i = copyString(text, i, out, false);
            continue;
        }
        ++i;
        if (isJsonSpace(c))
            continue;
        switch (c) {
        case '{':
        case '[': {
            const qsizetype next = nextNonSpace(i);
            if (next < text.size() && (text.at(next) == '}' || text.at(next) == ']')) {
                out += c;
                out += text.at(next);
                i = next + 1;
            } else {
                out += c;
                ++depth;
                newline();
            }
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray JsonText::goQuote(const QString &value)
{
    QByteArray out;
    out.reserve(value.size() + 2);
    out += '"';
    const qsizetype size = value.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = value.at(i).unicode();
        if (unit < 0x80) {
            const char c = char(unit);
            switch (c) {
            case '"':
            case '\\':
                out += '\\';
                out += c;
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '<':
            case '>':
            case '&':
                appendUnicodeEscape(out, unit);
                break;
            default:
                if (unit < 0x20)
                    appendUnicodeEscape(out, unit);
                else
                    out += c;
            }
            continue;
        }
        if (unit == 0x2028 || unit == 0x2029) {
            appendUnicodeEscape(out, unit);
            continue;
        }
        if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(value.at(i + 1).unicode())) {
            out += QStringView(value).sliced(i, 2).toUtf8();
            ++i;
            continue;
        }
        if (QChar::isSurrogate(unit)) {
            out += "\\ufffd";
            continue;
        }
        out += QString(QChar(unit)).toUtf8();
    }
    out += '"';
    return out;
}
