#include "protocolmessage.h"

using Protocol::MessageKind;

QString ProtocolMessage::kindName() const
{
    switch (kind) {
    case MessageKind::Command:
        return method == Protocol::Method::None ? QStringLiteral("command") : QString(Protocol::methodName(method));
    case MessageKind::Reply:
        return method == Protocol::Method::None ? QStringLiteral("reply")
                                                : QString(Protocol::methodName(method)) + QLatin1String("_reply");
    case MessageKind::Error:
        return QStringLiteral("error");
    case MessageKind::Push:
        return QLatin1String("push_") + Protocol::pushTypeName(push);
    case MessageKind::Ping:
        return QStringLiteral("ping");
    case MessageKind::Pong:
        return QStringLiteral("pong");
    case MessageKind::Disconnect:
        return QStringLiteral("disconnect");
    case MessageKind::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}
