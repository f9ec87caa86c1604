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

// The run of bytes from p (at most avail) before the first "special" one, found 16 bytes at a time (mask16: the
// movemask of the special bytes of 16), then 8 (mask8: a word whose special bytes have their high bit set, exact at
// least in the lowest one), then one by one (isSpecial). The three tests must agree on what is special.
template <typename Mask16, typename Mask8, typename IsSpecial>
inline qsizetype runBefore(const char *p, qsizetype avail, [[maybe_unused]] Mask16 mask16, [[maybe_unused]] Mask8 mask8,
                           IsSpecial isSpecial)
{
    qsizetype n = 0;
#ifdef __SSE2__
    while (avail - n >= 16) {
        const int mask = mask16(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + n)));
        if (mask)
            return n + qCountTrailingZeroBits(quint32(mask));
        n += 16;
    }
#endif
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    // The first special byte of the 8 at `at`, or -1.
    const auto firstSpecial = [p, &mask8](qsizetype at) {
        quint64 v;
        std::memcpy(&v, p + at, 8);
        const quint64 special = mask8(v);
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
    while (n < avail && !isSpecial(static_cast<unsigned char>(p[n])))
        ++n;
    return n;
}

// How many bytes from p (at most avail) are plain ASCII that a JSON string keeps as they are: no quote,
// backslash, control character or byte >= 0x80. Lets string scanners and writers skip the common case 16 (or 8)
// bytes at a time instead of one.
inline qsizetype plainJsonStringRun(const char *p, qsizetype avail)
{
    return runBefore(
        p, avail,
#ifdef __SSE2__
        [](__m128i v) {
            // As signed bytes, control characters and bytes >= 0x80 are exactly those below 0x20.
            const __m128i special = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
            return _mm_movemask_epi8(special);
        },
#else
        nullptr,
#endif
        [](quint64 v) {
            constexpr quint64 kOnes = 0x0101010101010101ULL;
            constexpr quint64 kHighs = 0x8080808080808080ULL;
            // Sets the high bit of each zero byte of x; a borrow can only mark bytes above a real zero byte, so the
            // lowest mark is exact.
            const auto zeroBytes = [](quint64 x) { return (x - kOnes) & ~x & kHighs; };
            return (v & kHighs) | zeroBytes(v ^ (kOnes * '"')) | zeroBytes(v ^ (kOnes * '\\')) |
                   zeroBytes(v & (kOnes * 0xE0));
        },
        [](unsigned char c) { return c < 0x20 || c >= 0x80 || c == '"' || c == '\\'; });
}

// How many bytes from p (at most avail) are ASCII (below 0x80): the run that UTF-8 checks can skip 16 (or 8) bytes
// at a time.
inline qsizetype asciiRun(const char *p, qsizetype avail)
{
    return runBefore(
        p, avail,
#ifdef __SSE2__
        [](__m128i v) { return _mm_movemask_epi8(v); },
#else
        nullptr,
#endif
        [](quint64 v) { return v & 0x8080808080808080ULL; }, [](unsigned char c) { return c >= 0x80; });
}

} // namespace Utf8
