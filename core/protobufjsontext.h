#pragma once

#include "protobufschema.h"

#include <QByteArray>
#include <QByteArrayView>

class JsonWriter;

namespace google::protobuf {
class Descriptor;
class Message;
} // namespace google::protobuf

// The JSON of a Protobuf message (ProtobufJson::toJson) written as text, without building a QJsonObject: for
// what needs every message's JSON during a flood (recordings, publication offsets). Parsed, the text equals
// toJson(); embedded JSON in bytes fields is copied as it is, so its key order and spelling stay as the sender
// wrote them. Compact: no line breaks. Thread-safe.
// ProtobufTextToWire turns such text back into the bytes.
class ProtobufJsonText
{
public:
    // From the parsed message: any message.
    static void append(const google::protobuf::Message &message, QByteArray *out);
    static void append(const google::protobuf::Message &message, JsonWriter &out);
    // Straight from the wire bytes of a message of `type`, without parsing it (the common messages of a flood).
    // False, appending nothing, for what only the parsed message tells exactly (a field given twice, maps, unknown
    // fields, bytes that are not a valid message): then parse and use the overload above.
    static bool append(QByteArrayView wire, const ProtobufSchema::Message &type, QByteArray *out);
    static bool append(QByteArrayView wire, const ProtobufSchema::Message &type, JsonWriter &out);
    // Whether append(wire, type, out) would succeed, without writing anything. Such bytes are a message that
    // libprotobuf parses, with each field given at most once (zero values aside), so its fields may be read
    // straight from the wire. For a Reply that is a Push of a Publication with nothing but its data, each field once
    // and in libprotobuf's layout (the messages of a flood), *publicationChannel (when given) is set to its channel,
    // which is all there is to read; for any other bytes it is left as it was.
    static bool isPlainMessage(QByteArrayView wire, const ProtobufSchema::Message &type,
                               QByteArrayView *publicationChannel = nullptr);
};
