#pragma once

#include "wirecodec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

class JsonWriter;

// Protocol v2 Protobuf (WebSocket subprotocol `centrifuge-protobuf`): each Command/Reply is prefixed with its
// length as a varint, several per binary frame; the empty message (byte 0x00) is a ping or a pong.
//
// Messages are converted to and from the same JSON the JSON protocol uses (ProtobufJson), so everything above the
// codec works unchanged. Server messages are classified from their bytes (ProtobufJsonText::isPlainMessage; from the
// Reply libprotobuf parsed when they are not plain) and converted only when someone opens them (or records them:
// appendServerMessageJsonText). Each message's `raw` includes its own length prefix, so the raws of a frame's
// messages add up to the frame. See docs/protobuf.md.
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
    // The same JSON as text, appended to out ("{}" when the bytes are not one Reply). Clears out's reversible flag
    // unless the bytes are in libprotobuf's own form, so that serverMessageFromJsonText() gives them back exactly.
    static void appendServerMessageJsonText(const QByteArray &raw, JsonWriter &out);
    // The reverse for text written with the flag kept: appends the message's bytes (length prefix and Reply) to
    // *out. False, appending nothing, for text that is not such a message.
    static bool serverMessageFromJsonText(QByteArrayView json, QByteArray *out);

    // What delta compression reads from a server message (bytes as decodeServerFrame() keeps them), each
    // publication's data as the exact bytes received: the JSON form re-encodes data that is JSON, which a fossil
    // delta cannot apply to.
    struct DeltaPublication
    {
        qint64 offset = 0;
        bool delta = false; // data is a fossil delta against the channel's previous data
        QByteArray data;
    };
    struct DeltaFields
    {
        bool delta = false;                   // a subscribe reply's: the subscription has delta compression
        bool recovered = false;               // a subscribe reply's
        QList<DeltaPublication> publications; // a subscribe reply's recovered ones, or a publication push's one
    };
    // False, filling nothing, for bytes that are neither a subscribe reply nor a publication push.
    static bool deltaFields(const QByteArray &raw, DeltaFields *out);

    // Frames with more messages than this end in one Invalid message holding the rest of the bytes, so a
    // hostile frame of zero bytes cannot turn into millions of objects.
    static constexpr int kMaxMessagesPerFrame = 100000;
};
