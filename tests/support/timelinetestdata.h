#pragma once

#include "frame.h"
#include "jsoncodec.h"

#include <QByteArray>
#include <QList>

// Frames as the Session emits them, built with the real JSON codec from lines a Centrifugo v6 server and
// centrifuge-js actually send.
namespace TimelineTestData {

inline const QByteArray kConnectReply =
    R"({"id":1,"connect":{"client":"3c0a7a3e-5a7e-4c7b-9a57-2f7c0d4f1b11","version":"6.9.1","ping":25,"pong":true}})";
inline const QByteArray kSubscribeReply = R"({"id":2,"subscribe":{}})";
inline const QByteArray kPublication = R"({"push":{"channel":"news","pub":{"data":{"text":"hello"},"offset":7}}})";
inline const QByteArray kJoin =
    R"({"push":{"channel":"chat:room","join":{"info":{"user":"42","client":"b9d1e0e4-6c1c-4d8e-8d0e-1f2a3b4c5d6e"}}}})";
inline const QByteArray kPermissionDenied = R"({"id":3,"error":{"code":103,"message":"permission denied"}})";
inline const QByteArray kPing = "{}";
inline const QByteArray kUnsubscribePush =
    R"({"push":{"channel":"news","unsubscribe":{"code":2000,"reason":"server unsubscribe"}}})";
inline const QByteArray kConnectCommand = R"({"id":1,"connect":{"name":"centrifugo-inspector"}})";
inline const QByteArray kSubscribeCommand = R"({"id":2,"subscribe":{"channel":"news"}})";
inline const QByteArray kPong = "{}";

inline Frame serverFrame(const QByteArray &payload, qint64 timeMs = 1714564800123)
{
    Frame f;
    f.timeMs = timeMs;
    f.direction = Protocol::Direction::In;
    f.raw = payload;
    f.messages = JsonCodec().decodeServerFrame(payload);
    return f;
}

inline Frame clientFrame(const QByteArray &payload, qint64 timeMs = 1714564800100)
{
    Frame f;
    f.timeMs = timeMs;
    f.direction = Protocol::Direction::Out;
    f.raw = payload;
    f.messages = JsonCodec().decodeClientFrame(payload);
    return f;
}

// A close as Session reports it: one Disconnect message whose bytes are the reason.
inline Frame closeFrame(int code, const QString &reason, qint64 timeMs = 1714564801000)
{
    ProtocolMessage m;
    m.kind = Protocol::MessageKind::Disconnect;
    m.code = code;
    m.text = reason;
    m.raw = reason.toUtf8();
    Frame f;
    f.timeMs = timeMs;
    f.direction = Protocol::Direction::In;
    f.close = true;
    f.raw = m.raw;
    f.messages.append(m);
    return f;
}

// A publication push on a channel with a counter, about 100-150 bytes like a typical small publication.
inline Frame publication(int n, const QString &channel = QStringLiteral("news"), qint64 timeMs = 1714564800123)
{
    const QByteArray line = R"({"push":{"channel":")" + channel.toUtf8() + R"(","pub":{"data":{"n":)" +
                            QByteArray::number(n) + R"(,"text":"price update"},"offset":)" + QByteArray::number(n) +
                            "}}}";
    return serverFrame(line, timeMs + n);
}

} // namespace TimelineTestData
