#pragma once

#include <QtGlobal>

namespace Utf8 {

// Length (2 to 4) of the strict UTF-8 multi-byte sequence at p (no overlong forms, no surrogates, at most
// U+10FFFF), or 0 when there is none. avail is how many bytes p may read. Used by scanners on hot paths.
int sequenceLength(const unsigned char *p, qsizetype avail);

} // namespace Utf8
