#pragma once

#include "wirecodec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// Protocol v2 Protobuf (WebSocket subprotocol `centrifuge-protobuf`): each Command/Reply is prefixed with its
// length as a varint, several per binary frame; the empty message (byte 0x00) is a ping or a pong.
//
// Messages are converted to and from the same JSON the JSON protocol uses (snake_case names, zero values
// omitted, bytes fields as embedded JSON), so everything above the codec works unchanged. Bytes that are not
// JSON appear as {"$base64": "...", "$text": "..."} ($text only when the bytes are valid UTF-8); a command may
// use {"$base64": "..."} to send arbitrary bytes. Fields the schema does not know are listed in
// "$unknown_fields" (their numbers). Each message's `raw` includes its own length prefix, so the raws of a
// frame's messages add up to the frame. See docs/protobuf.md.
class ProtobufCodec : public WireCodec
{
public:
    ProtobufCodec();

    Protocol::Format format() const override { return Protocol::Format::Protobuf; }
    bool binaryFrames() const override { return true; }
    QByteArray encodeCommands(const QList<QJsonObject> &commands, QString *error = nullptr) const override;
    QByteArray encodePong() const override;
    QList<ProtocolMessage> decodeServerFrame(const QByteArray &payload) const override;
    QList<ProtocolMessage> decodeClientFrame(const QByteArray &payload) const override;

    // Server side of the conversion (JSON Reply objects -> length-delimited Replies), for tests, fixtures and
    // replaying recordings. Returns an empty array and sets *error when an object does not fit the schema.
    static QByteArray encodeReplies(const QList<QJsonObject> &replies, QString *error = nullptr);

    // The JSON of one server message from its bytes as decodeServerFrame() keeps them (length prefix and
    // Reply): what json() of such a message converts lazily. Empty when the bytes are not one Reply.
    static QJsonObject serverMessageJson(const QByteArray &raw);
    // How bytes fields appear in JSON: parsed JSON when the bytes are one JSON value, else the $base64 form.
    static QJsonValue bytesToJson(const QByteArray &bytes);
    // The reverse: {"$base64": ...} objects give their bytes, any other value its compact JSON text.
    // Returns false and sets *error for a $base64 object with invalid base64.
    static bool jsonToBytes(const QJsonValue &value, QByteArray *bytes, QString *error = nullptr);

    // Frames with more messages than this end in one Invalid message holding the rest of the bytes, so a
    // hostile frame of zero bytes cannot turn into millions of objects.
    static constexpr int kMaxMessagesPerFrame = 100000;
    // Depth limit when converting JSON to Protobuf (the Protobuf parser's own default recursion limit).
    static constexpr int kMaxDepth = 100;
};
