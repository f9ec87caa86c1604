// Protobuf codec: any bytes as a server frame (Replies) and a client frame (Commands); every message is opened
// (its JSON is converted from the bytes) and explained, and its JSON text must parse to its JSON.
#include "explainer.h"
#include "jsonwriter.h"
#include "protobufcodec.h"
#include "protobufjson.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray payload(reinterpret_cast<const char *>(data), qsizetype(size));
    static const ProtobufCodec codec;
    for (const ProtocolMessage &m : codec.decodeServerFrame(payload)) {
        QByteArray text;
        if (m.appendConvertedJsonText(&text) && QJsonDocument::fromJson(text).object() != m.json())
            std::abort(); // the text recordings write must say what json() says
        (void)Explainer::describe(m);
    }
    for (const ProtocolMessage &m : codec.decodeClientFrame(payload)) {
        (void)m.json();
        (void)Explainer::describe(m);
    }
    (void)ProtobufCodec::serverMessageJson(payload);
    (void)ProtobufJson::bytesToJson(payload);
    QByteArray text;
    JsonWriter w(&text);
    ProtobufCodec::appendServerMessageJsonText(payload, w);
    w.finish();
    return 0;
}
