// JSON codec: any bytes as a server frame and as a client frame; every message is opened (json()) and explained.
#include "explainer.h"
#include "jsoncodec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray payload(reinterpret_cast<const char *>(data), qsizetype(size));
    const JsonCodec codec;
    for (const ProtocolMessage &m : codec.decodeServerFrame(payload)) {
        (void)m.json();
        (void)Explainer::describe(m);
    }
    for (const ProtocolMessage &m : codec.decodeClientFrame(payload)) {
        (void)m.json();
        (void)Explainer::describe(m);
    }
    return 0;
}
