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

} // namespace Utf8
