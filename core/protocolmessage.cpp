#include "protocolmessage.h"

#include "jsonwriter.h"

#include <QJsonDocument>

#include <array>
#include <cstring>

using Protocol::MessageKind;

namespace {

constexpr std::array<const char *, 8> kMessageKindNames = {"invalid", "command", "reply", "error",
                                                           "push",    "ping",    "pong",  "disconnect"};

} // namespace

std::pair<QLatin1String, QLatin1String> ProtocolMessage::kindNameParts() const
{
    using Protocol::Method;
    switch (kind) {
    case MessageKind::Command:
        if (method == Method::None)
            return {QLatin1String("command"), {}};
        return {Protocol::methodName(method), {}};
    case MessageKind::Reply:
        if (method == Method::None)
            return {QLatin1String("reply"), {}};
        return {Protocol::methodName(method), QLatin1String("_reply")};
    case MessageKind::Push:
        return {QLatin1String("push_"), Protocol::pushTypeName(push)};
    case MessageKind::Error:
    case MessageKind::Ping:
    case MessageKind::Pong:
    case MessageKind::Disconnect:
    case MessageKind::Invalid:
        break;
    }
    return {messageKindName(kind), {}};
}

QString ProtocolMessage::kindName() const
{
    const auto parts = kindNameParts();
    return parts.first + parts.second;
}

ProtocolMessage ProtocolMessage::invalid(const QByteArray &raw, const QString &why)
{
    ProtocolMessage m;
    m.kind = MessageKind::Invalid;
    m.raw = raw;
    m.text = why;
    return m;
}

QLatin1String ProtocolMessage::messageKindName(MessageKind kind)
{
    return QLatin1String(kMessageKindNames.at(size_t(kind)));
}

QString ProtocolMessage::channelName(QByteArrayView utf8)
{
    thread_local QByteArray lastBytes;
    thread_local QString lastChannel = QLatin1String(""); // empty, not null: as QString::fromUtf8 gives it
    if (utf8.size() != lastBytes.size() ||
        (!utf8.isEmpty() && std::memcmp(utf8.data(), lastBytes.constData(), size_t(utf8.size())) != 0)) {
        lastBytes = utf8.toByteArray();
        lastChannel = QString::fromUtf8(utf8);
    }
    return lastChannel;
}

bool ProtocolMessage::messageKindFromName(QByteArrayView name, MessageKind *kind)
{
    for (size_t i = 0; i < kMessageKindNames.size(); ++i) {
        if (name == kMessageKindNames.at(i)) {
            *kind = MessageKind(i);
            return true;
        }
    }
    return false;
}

const QJsonObject &ProtocolMessage::json() const
{
    if (m_jsonPending) {
        m_jsonPending = false;
        m_json = m_convert ? m_convert->toJson(raw) : QJsonDocument::fromJson(raw).object();
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

void ProtocolMessage::setJsonConverter(const JsonConverter *convert)
{
    m_json = QJsonObject();
    m_jsonPending = true;
    m_convert = convert;
    m_validatedRaw = QByteArray();
}

bool ProtocolMessage::appendConvertedJsonText(QByteArray *out) const
{
    if (!m_convert)
        return false;
    JsonWriter w(out);
    m_convert->appendJsonText(raw, w);
    w.finish();
    return true;
}

bool ProtocolMessage::appendConvertedJsonText(JsonWriter &out) const
{
    if (!m_convert)
        return false;
    m_convert->appendJsonText(raw, out);
    return true;
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
