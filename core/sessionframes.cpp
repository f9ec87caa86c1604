#include "sessionframes.h"

#include <QDateTime>
#include <QJsonDocument>

using Protocol::MessageKind;

namespace {

// An incoming frame of one message the session made itself, its bytes the message's.
Frame incoming(const ProtocolMessage &m)
{
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::In;
    f.raw = m.raw;
    f.messages.append(m);
    return f;
}

} // namespace

Frame SessionFrames::outgoing(const QByteArray &payload, bool binary, QList<ProtocolMessage> messages)
{
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::Out;
    f.binary = binary;
    f.raw = payload;
    f.messages = std::move(messages);
    return f;
}

Frame SessionFrames::closed(const CloseInfo &close)
{
    ProtocolMessage m;
    m.kind = MessageKind::Disconnect;
    m.code = close.code;
    m.text = close.reason;
    m.raw = close.reason.toUtf8();
    Frame f = incoming(m);
    f.close = true;
    f.closedBy = close.side;
    return f;
}

Frame SessionFrames::rejected(const CloseInfo &close)
{
    ProtocolMessage m;
    m.kind = MessageKind::Invalid;
    m.text = tr("A frame from the server was rejected by the WebSocket layer (bytes not available): %1 (%2).")
                 .arg(CloseInfo::ruleWords(close.rule), close.reason);
    m.raw = m.text.toUtf8();
    Frame f = incoming(m);
    f.rejected = true;
    return f;
}

QList<ProtocolMessage> SessionFrames::decodeServer(const WireCodec &codec, const QByteArray &payload,
                                                   bool unidirectional)
{
    if (!unidirectional || payload.trimmed() == "{}")
        return codec.decodeServerFrame(payload);
    return codec.decodeServerFrame(QByteArrayLiteral("{\"push\":") + payload + '}');
}

Frame SessionFrames::httpExchange(const HttpExchange &exchange)
{
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::Out;
    f.origin = Frame::Origin::HttpExchange;
    f.raw = exchange.toJson();
    return f;
}

ProtocolMessage SessionFrames::connectRequest(const QJsonObject &request)
{
    ProtocolMessage m;
    m.kind = MessageKind::Command;
    m.method = Protocol::Method::Connect;
    m.raw = QJsonDocument(request).toJson(QJsonDocument::Compact);
    m.setJson(QJsonObject{{QLatin1String("connect"), request}});
    return m;
}
