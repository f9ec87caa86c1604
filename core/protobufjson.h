#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace google::protobuf {
class Message;
} // namespace google::protobuf

// The messages of core/proto/client.proto as the JSON the JSON protocol uses, and back: snake_case field names,
// zero values omitted (except the fields the server always writes), 64-bit integers beyond 2^53 as decimal
// strings, bytes fields as embedded JSON. Bytes that are not one JSON value appear as
// {"$base64": "...", "$text": "..."} ($text only when they are valid UTF-8); fields the schema does not know are
// listed by number in "$unknown_fields". docs/protobuf.md describes the mapping; ProtobufJsonText writes the same
// JSON as text. Thread-safe.
class ProtobufJson
{
public:
    static QJsonObject toJson(const google::protobuf::Message &message);
    // Fills *message from JSON as toJson() writes it. Returns false and sets *error (a translated sentence naming
    // the field) when the JSON does not fit the schema.
    static bool fromJson(const QJsonObject &object, google::protobuf::Message *message, QString *error);

    // How bytes fields appear in JSON: parsed JSON when the bytes are one JSON value, else the $base64 form.
    static QJsonValue bytesToJson(const QByteArray &bytes);
    // The reverse: {"$base64": ...} objects give their bytes, any other value its compact JSON text.
    // Returns false and sets *error for a $base64 object with invalid base64.
    static bool jsonToBytes(const QJsonValue &value, QByteArray *bytes, QString *error = nullptr);

    // Depth limit when converting JSON to Protobuf (the Protobuf parser's own default recursion limit).
    static constexpr int kMaxDepth = 100;
};
