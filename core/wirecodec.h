#pragma once

#include "protocol.h"
#include "protocolmessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// Turns protocol messages into WebSocket frame payloads and back for one encoding (JSON or Protobuf).
// Implementations are stateless: decoding is a pure function of the bytes, so it can be fuzzed and reused.
class WireCodec
{
public:
    virtual ~WireCodec() = default;

    virtual Protocol::Format format() const = 0;
    // Whether frames are sent as binary WebSocket messages.
    virtual bool binaryFrames() const = 0;

    // Encodes commands (each a JSON object as the user sees it) into one frame payload.
    // Returns an empty array and sets *error when a command cannot be encoded in this format.
    virtual QByteArray encodeCommands(const QList<QJsonObject> &commands, QString *error = nullptr) const = 0;
    // The reply to a server ping: JSON `{}` or Protobuf's empty message.
    virtual QByteArray encodePong() const = 0;

    // Splits and decodes a frame the server sent (replies, pushes, pings).
    virtual QList<ProtocolMessage> decodeServerFrame(const QByteArray &payload) const = 0;
    // Splits and decodes a frame a client sent (commands, pongs), for the timeline and the linter.
    virtual QList<ProtocolMessage> decodeClientFrame(const QByteArray &payload) const = 0;
};

#include <memory>

// The codec for a format. Protobuf support is added by the Protobuf codec; until then JSON is used.
std::unique_ptr<WireCodec> createWireCodec(Protocol::Format format);
