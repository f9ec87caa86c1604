#pragma once

#include <QtGlobal>

#include <cstring>

namespace Utf8 {

// Length (2 to 4) of the strict UTF-8 multi-byte sequence at p (no overlong forms, no surrogates, at most
// U+10FFFF), or 0 when there is none. avail is how many bytes p may read. Used by scanners on hot paths.
int sequenceLength(const unsigned char *p, qsizetype avail);

// How many bytes from p (at most avail, in steps of 8) are plain ASCII that a JSON string keeps as they are: no
// quote, backslash, control character or byte >= 0x80. Lets string scanners and writers skip the common case a
// word at a time instead of a byte at a time.
inline qsizetype plainJsonStringRun(const char *p, qsizetype avail)
{
    constexpr quint64 kOnes = 0x0101010101010101ULL;
    constexpr quint64 kHighs = 0x8080808080808080ULL;
    // Non-zero when some byte of x is zero (exact about existence, not about which byte).
    const auto hasZeroByte = [](quint64 x) { return (x - kOnes) & ~x & kHighs; };
    qsizetype n = 0;
    while (avail - n >= 8) {
        quint64 v;
        std::memcpy(&v, p + n, 8);
        if ((v & kHighs) | hasZeroByte(v ^ (kOnes * '"')) | hasZeroByte(v ^ (kOnes * '\\')) |
            hasZeroByte(v & (kOnes * 0xE0)))
            break;
        n += 8;
    }
    return n;
}

} // namespace Utf8
