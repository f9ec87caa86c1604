#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// One command, reply, push, ping, pong or close, decoded from the wire. A frame may carry several.
struct ProtocolMessage
{
    Protocol::MessageKind kind = Protocol::MessageKind::Invalid;
    Protocol::Method method = Protocol::Method::None; // command method, or the result a reply carries
    Protocol::PushType push = Protocol::PushType::None;
    quint32 id = 0;
    QString channel;
    QJsonObject json;  // the message as JSON (Protobuf messages are converted)
    QByteArray raw;    // this message's own bytes on the wire
    int code = 0;      // error code, or close code for Disconnect
    QString text;      // error message, close reason, or why it could not be decoded
    double rttMs = -1; // for replies: time since the command with the same id was sent

    // Stable machine name: "subscribe", "subscribe_reply", "error", "push_pub", "ping", "pong", "disconnect",
    // "invalid". Used in recordings and filters; never translated.
    QString kindName() const;
};
