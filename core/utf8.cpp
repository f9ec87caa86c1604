#include "utf8.h"

namespace Utf8 {

int sequenceLength(const unsigned char *p, qsizetype avail)
{
    if (avail < 1)
        return 0;
    const unsigned char c = p[0];
    int len = 0;
    unsigned cp = 0;
    unsigned min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (avail < len)
        return 0;
    for (int k = 1; k < len; ++k) {
        const unsigned char cc = p[k];
        if ((cc & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool isValid(const char *s, qsizetype n)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s);
    for (qsizetype i = 0; i < n;) {
        i += asciiRun(s + i, n - i);
        if (i >= n)
            break;
        const int len = sequenceLength(p + i, n - i);
        if (len == 0)
            return false;
        i += len;
    }
    return true;
}

char *writeJsonString(const char *s, qsizetype n, char *dst)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const auto *p = reinterpret_cast<const unsigned char *>(s);
    *dst++ = '"';
    for (qsizetype i = 0; i < n;) {
        const qsizetype plain = plainJsonStringRun(s + i, n - i);
        if (plain) {
            std::memcpy(dst, p + i, size_t(plain));
            dst += plain;
            i += plain;
            if (i >= n)
                break;
        }
        const unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80) {
            if (c == '"' || c == '\\')
                *dst++ = '\\';
            *dst++ = char(c);
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const int len = sequenceLength(p + i, n - i);
            if (len == 0)
                return nullptr;
            std::memcpy(dst, p + i, size_t(len));
            dst += len;
            i += len;
            continue;
        }
        *dst++ = '\\';
        switch (c) {
        case '\n':
            *dst++ = 'n';
            break;
        case '\r':
            *dst++ = 'r';
            break;
        case '\t':
            *dst++ = 't';
            break;
        case '\b':
            *dst++ = 'b';
            break;
        case '\f':
            *dst++ = 'f';
            break;
        default:
            *dst++ = 'u';
            *dst++ = '0';
            *dst++ = '0';
            *dst++ = kHex[c >> 4];
            *dst++ = kHex[c & 0xF];
        }
        ++i;
    }
    *dst++ = '"';
    return dst;
}

} // namespace Utf8
