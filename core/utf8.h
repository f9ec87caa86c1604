#pragma once

#include <QtAlgorithms>
#include <QtGlobal>

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Utf8 {

// Length (2 to 4) of the strict UTF-8 multi-byte sequence at p (no overlong forms, no surrogates, at most
// U+10FFFF), or 0 when there is none. avail is how many bytes p may read. Used by scanners on hot paths.
int sequenceLength(const unsigned char *p, qsizetype avail);

// Whether s (n bytes) is strict UTF-8 in the sense of sequenceLength(): what libprotobuf accepts in a string field.
bool isValid(const char *s, qsizetype n);

// Writes s (n bytes of UTF-8) as a JSON string, quotes included, at dst, which has room for 6 * n + 2 bytes;
// returns the end of the output. Quotes and backslashes are escaped, control characters too (\n, \u0001, ...),
// everything else is copied. Returns nullptr, for the caller to fall back (e.g. to base64), when s is not strict
// UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
char *writeJsonString(const char *s, qsizetype n, char *dst);

// How many bytes from p (at most avail) are plain ASCII that a JSON string keeps as they are: no quote,
// backslash, control character or byte >= 0x80. Lets string scanners and writers skip the common case 16 (or 8)
// bytes at a time instead of one.
inline qsizetype plainJsonStringRun(const char *p, qsizetype avail)
{
    qsizetype n = 0;
#ifdef __SSE2__
    // 16 bytes per step. As signed bytes, control characters and bytes >= 0x80 are exactly those below 0x20.
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (avail - n >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + n));
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                             _mm_cmplt_epi8(v, space));
        const int mask = _mm_movemask_epi8(special);
        if (mask)
            return n + qCountTrailingZeroBits(quint32(mask));
        n += 16;
    }
#endif
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    // The first special byte of the 8 at `at`, or -1.
    const auto firstSpecial = [p](qsizetype at) {
        constexpr quint64 kOnes = 0x0101010101010101ULL;
        constexpr quint64 kHighs = 0x8080808080808080ULL;
        // Sets the high bit of each zero byte of x; a borrow can only mark bytes above a real zero byte, so the
        // lowest mark is exact.
        const auto zeroBytes = [](quint64 x) { return (x - kOnes) & ~x & kHighs; };
        quint64 v;
        std::memcpy(&v, p + at, 8);
        const quint64 special =
            (v & kHighs) | zeroBytes(v ^ (kOnes * '"')) | zeroBytes(v ^ (kOnes * '\\')) | zeroBytes(v & (kOnes * 0xE0));
        return special ? at + qsizetype(qCountTrailingZeroBits(special) / 8) : -1;
    };
    while (avail - n >= 16) {
        const qsizetype at = firstSpecial(n);
        if (at >= 0)
            return at;
        n += 8;
    }
    if (avail - n >= 8) {
        // 8 to 15 bytes left (a channel name written on its own): two overlapping words cover them; the second
        // starts inside the first, which had none, so its first special byte is the first of the run.
        qsizetype at = firstSpecial(n);
        if (at < 0)
            at = firstSpecial(avail - 8);
        return at >= 0 ? at : avail;
    }
#endif
    for (; n < avail; ++n) {
        const auto c = static_cast<unsigned char>(p[n]);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
            break;
    }
    return n;
}

// How many bytes from p (at most avail) are ASCII (below 0x80): the run that UTF-8 checks can skip 16 (or 8) bytes
// at a time.
inline qsizetype asciiRun(const char *p, qsizetype avail)
{
    qsizetype n = 0;
#ifdef __SSE2__
    while (avail - n >= 16) {
        const int mask = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + n)));
        if (mask)
            return n + qCountTrailingZeroBits(quint32(mask));
        n += 16;
    }
#endif
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    const auto firstHigh = [p](qsizetype at) {
        quint64 v;
        std::memcpy(&v, p + at, 8);
        const quint64 high = v & 0x8080808080808080ULL;
        return high ? at + qsizetype(qCountTrailingZeroBits(high) / 8) : -1;
    };
    while (avail - n >= 16) {
        const qsizetype at = firstHigh(n);
        if (at >= 0)
            return at;
        n += 8;
    }
    if (avail - n >= 8) {
        // 8 to 15 bytes left (short strings such as channel names): two overlapping words cover them; the second
        // starts within the first, so its first high byte is the first of the run.
        qsizetype at = firstHigh(n);
        if (at < 0)
            at = firstHigh(avail - 8);
        return at >= 0 ? at : avail;
    }
#endif
    while (n < avail && static_cast<unsigned char>(p[n]) < 0x80)
        ++n;
    return n;
}

} // namespace Utf8
