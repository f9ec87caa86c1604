#include "jsonscanner.h"

#include "utf8.h"

#include <cstring>

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool hex4(const char *&p, const char *end, unsigned *v)
{
    if (end - p < 4)
        return false;
    unsigned r = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = JsonScanner::hexDigit(p[i]);
        if (h < 0)
            return false;
        r = (r << 4) | unsigned(h);
    }
    p += 4;
    *v = r;
    return true;
}

char *writeUtf8(char *out, unsigned cp)
{
    if (cp < 0x80) {
        *out++ = char(cp);
    } else if (cp < 0x800) {
        *out++ = char(0xC0 | (cp >> 6));
        *out++ = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = char(0xE0 | (cp >> 12));
        *out++ = char(0x80 | ((cp >> 6) & 0x3F));
        *out++ = char(0x80 | (cp & 0x3F));
    } else {
        *out++ = char(0xF0 | (cp >> 18));
        *out++ = char(0x80 | ((cp >> 12) & 0x3F));
        *out++ = char(0x80 | ((cp >> 6) & 0x3F));
        *out++ = char(0x80 | (cp & 0x3F));
    }
    return out;
}

} // namespace

bool JsonScanner::string(Span *content)
{
    ++p;
    const char *start = p;
    bool escaped = false;
    while (p < m_end) {
        p += Utf8::plainJsonStringRun(p, m_end - p);
        if (p >= m_end)
            break;
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            *content = {start, p, escaped, true};
            ++p;
            return true;
        }
        if (c == '\\') {
            escaped = true;
            if (++p >= m_end)
                return false;
            if (!m_strict) {
                ++p;
                continue;
            }
            switch (*p) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                ++p;
                continue;
            case 'u':
                if (m_end - p < 5)
                    return false;
                for (int i = 1; i <= 4; ++i) {
                    if (JsonScanner::hexDigit(p[i]) < 0)
                        return false;
                }
                p += 5;
                continue;
            default:
                return false;
            }
        }
        if (!m_strict || c < 0x80) {
            // Control characters are not JSON; a full parser decides what it makes of them.
            if (m_strict && c < 0x20)
                return false;
            ++p;
            continue;
        }
        const int len = Utf8::sequenceLength(reinterpret_cast<const unsigned char *>(p), m_end - p);
        if (len == 0)
            return false;
        p += len;
    }
    return false;
}

bool JsonScanner::value(int depth, Span *span)
{
    const char *start = p;
    bool ok = false;
    if (p >= m_end)
        return false;
    switch (*p) {
    case '{':
        ok = object(depth + 1, [](const Span &, const Span &) { return true; });
        break;
    case '[':
        ok = array(depth + 1, [](const Span &) { return true; });
        break;
    case '"': {
        Span s;
        ok = string(&s);
        if (ok && span)
            *span = s;
        return ok;
    }
    case 't':
        ok = literal("true", 4);
        break;
    case 'f':
        ok = literal("false", 5);
        break;
    case 'n':
        ok = literal("null", 4);
        break;
    default:
        ok = number();
    }
    if (ok && span)
        *span = {start, p, false, false};
    return ok;
}

bool JsonScanner::skipValue(Span *span)
{
    const bool strict = m_strict;
    m_strict = false;
    const bool ok = value(0, span);
    m_strict = strict;
    return ok;
}

QByteArrayView JsonScanner::numberText()
{
    skipSpace();
    const char *start = p;
    while (p < m_end && (isDigit(*p) || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E'))
        ++p;
    return QByteArrayView(start, p - start);
}

bool JsonScanner::literal(const char *word, int n)
{
    if (m_end - p < n || std::memcmp(p, word, size_t(n)) != 0)
        return false;
    p += n;
    return true;
}

int JsonScanner::afterElement(char closer)
{
    skipSpace();
    if (p >= m_end)
        return -1;
    if (*p == ',') {
        ++p;
        skipSpace();
        return 0;
    }
    if (*p == closer) {
        ++p;
        return 1;
    }
    return -1;
}

// Strict: at most 15 significant digits and a two-digit exponent, which any parser reads as the same double.
bool JsonScanner::number()
{
    if (!m_strict)
        return !numberText().isEmpty();
    if (p < m_end && *p == '-')
        ++p;
    if (p >= m_end)
        return false;
    int digits = 0;
    if (*p == '0') {
        ++p;
        digits = 1;
    } else if (isDigit(*p)) {
        while (p < m_end && isDigit(*p)) {
            ++p;
            ++digits;
        }
    } else {
        return false;
    }
    if (p < m_end && *p == '.') {
        ++p;
        if (p >= m_end || !isDigit(*p))
            return false;
        while (p < m_end && isDigit(*p)) {
            ++p;
            ++digits;
        }
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        int exp = 0;
        while (p < m_end && isDigit(*p)) {
            ++p;
            ++exp;
        }
        if (exp == 0 || exp > 2)
            return false;
    }
    return digits <= 15;
}

bool JsonScanner::isJsonObject(QByteArrayView text)
{
    JsonScanner s(text);
    if (s.peek() != '{' || !s.value(0, nullptr))
        return false;
    s.skipSpace();
    return s.atEnd();
}

bool JsonScanner::plainInteger(QByteArrayView text, bool *negative, quint64 *magnitude, int maxDigits)
{
    const char *q = text.data();
    const char *const end = q + text.size();
    *negative = q < end && *q == '-';
    if (*negative)
        ++q;
    const auto digits = end - q;
    if (digits <= 0 || digits > maxDigits)
        return false;
    quint64 value = 0;
    for (; q < end; ++q) {
        if (!isDigit(*q))
            return false;
        value = value * 10 + quint64(*q - '0');
    }
    *magnitude = value;
    return true;
}

char *JsonScanner::unescape(QByteArrayView text, char *dst)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    const char *p = text.data();
    const char *const q = p + text.size();
    while (p < q) {
        // Runs without a backslash 8 bytes at a time (recorded payloads escape every few bytes, so no memchr).
        while (q - p >= 8) {
            quint64 w;
            std::memcpy(&w, p, sizeof w);
            const quint64 x = w ^ (ones * 0x5C);
            if (((x - ones) & ~x & (ones * 0x80)) != 0)
                break;
            std::memcpy(dst, &w, sizeof w);
            p += 8;
            dst += 8;
        }
        while (p < q && *p != '\\')
            *dst++ = *p++;
        if (p >= q)
            break;
        ++p; // the backslash
        if (p >= q)
            return nullptr;
        switch (*p++) {
        case '"':
            *dst++ = '"';
            break;
        case '\\':
            *dst++ = '\\';
            break;
        case '/':
            *dst++ = '/';
            break;
        case 'b':
            *dst++ = '\b';
            break;
        case 'f':
            *dst++ = '\f';
            break;
        case 'n':
            *dst++ = '\n';
            break;
        case 'r':
            *dst++ = '\r';
            break;
        case 't':
            *dst++ = '\t';
            break;
        case 'u': {
            unsigned cp = 0;
            if (!hex4(p, q, &cp))
                return nullptr;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo = 0;
                if (q - p < 2 || p[0] != '\\' || p[1] != 'u')
                    return nullptr; // a lone surrogate: a full parser's business
                p += 2;
                if (!hex4(p, q, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return nullptr;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return nullptr;
            }
            dst = writeUtf8(dst, cp); // at most as long as its escape
            break;
        }
        default:
            return nullptr;
        }
    }
    return dst;
}

int JsonScanner::hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
