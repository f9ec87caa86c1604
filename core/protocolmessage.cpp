#include "protocolmessage.h"

#include <QJsonDocument>

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

const QJsonObject &ProtocolMessage::json() const
{
    if (m_jsonPending) {
        m_jsonPending = false;
        m_json = m_convert ? m_convert(raw) : QJsonDocument::fromJson(raw).object();
    }
    return m_json;
}

void ProtocolMessage::setJson(const QJsonObject &object)
{
    m_json = object;
    m_jsonPending = false;
    m_convert = nullptr;
    m_validatedRaw = QByteArray();
}

void ProtocolMessage::setJsonFromRaw(RawText check)
{
    m_json = QJsonObject();
    m_jsonPending = true;
    m_convert = nullptr;
    m_validatedRaw = check == RawText::Validated ? raw : QByteArray();
}

void ProtocolMessage::setJsonConverter(JsonConverter convert)
{
    m_json = QJsonObject();
    m_jsonPending = true;
    m_convert = convert;
    m_validatedRaw = QByteArray();
}

bool ProtocolMessage::parseKindName(QStringView name, Protocol::Direction direction, ProtocolMessage *out)
{
    out->kind = MessageKind::Invalid;
    out->method = Protocol::Method::None;
    out->push = Protocol::PushType::None;
    if (name == QLatin1String("error")) {
        out->kind = MessageKind::Error;
    } else if (name == QLatin1String("pong")) {
        out->kind = MessageKind::Pong;
    } else if (name == QLatin1String("disconnect")) {
        out->kind = MessageKind::Disconnect;
    } else if (name == QLatin1String("invalid")) {
        out->kind = MessageKind::Invalid;
    } else if (name == QLatin1String("command")) {
        out->kind = MessageKind::Command;
    } else if (name == QLatin1String("reply")) {
        out->kind = MessageKind::Reply;
    } else if (name == QLatin1String("ping") && direction == Protocol::Direction::In) {
        out->kind = MessageKind::Ping;
    } else if (name.startsWith(QLatin1String("push_"))) {
        // kindName() writes "push_" alone for a push of unknown type.
        out->kind = MessageKind::Push;
        const QStringView type = name.mid(5);
        out->push = Protocol::pushTypeFromName(type);
        return type.isEmpty() || out->push != Protocol::PushType::None;
    } else if (name.endsWith(QLatin1String("_reply"))) {
        out->kind = MessageKind::Reply;
        out->method = Protocol::methodFromName(name.chopped(6));
        return out->method != Protocol::Method::None;
    } else {
        out->kind = MessageKind::Command;
        out->method = Protocol::methodFromName(name);
        return out->method != Protocol::Method::None;
    }
    return true;
}
