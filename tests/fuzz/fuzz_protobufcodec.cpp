// Protobuf codec: any bytes as a server frame (Replies) and a client frame (Commands); every message is opened
// (its JSON is converted from the bytes) and explained.
#include "explainer.h"
#include "protobufcodec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray payload(reinterpret_cast<const char *>(data), qsizetype(size));
    static const ProtobufCodec codec;
    for (const ProtocolMessage &m : codec.decodeServerFrame(payload)) {
        (void)m.json();
        (void)Explainer::describe(m);
    }
    for (const ProtocolMessage &m : codec.decodeClientFrame(payload)) {
        (void)m.json();
        (void)Explainer::describe(m);
    }
    (void)ProtobufCodec::serverMessageJson(payload);
    (void)ProtobufCodec::bytesToJson(payload);
    return 0;
}
