// The HAR importer on any bytes: the streaming reader, the per-message decoding and the time sort.
#include "harimporter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const HarImporter::Result result = HarImporter::parse(bytes);
    if (!result.ok() && !result.frames.isEmpty())
        std::abort(); // nothing of a file that is not a HAR is kept
    for (const Frame &f : result.frames) {
        for (const ProtocolMessage &m : f.messages)
            (void)m.json();
    }
    return 0;
}
