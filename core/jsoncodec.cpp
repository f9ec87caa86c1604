#include "jsoncodec.h"

#include "fastclassifier.h"

#include <QJsonDocument>
#include <QJsonParseError>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

const QList<Method> &dispatchOrder()
{
    // The server looks at method fields in this order; the first one present wins.
    static const QList<Method> order = {Method::Connect,  Method::Subscribe,     Method::Unsubscribe, Method::Publish,
                                        Method::Presence, Method::PresenceStats, Method::History,     Method::Rpc,
                                        Method::Send,     Method::Refresh,       Method::SubRefresh,  Method::Ping};
    return order;
}

quint32 readId(const QJsonObject &object)
{
    const QJsonValue id = object.value(QLatin1String("id"));
    if (!id.isDouble())
        return 0;
    const double v = id.toDouble();
    return (v > 0 && v <= 4294967295.0) ? quint32(v) : 0;
}

QJsonObject parseObject(QByteArrayView line, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = pe.errorString() + QLatin1String(" at offset ") + QString::number(pe.offset);
        return {};
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object");
        return {};
    }
    return doc.object();
}

} // namespace

QByteArray JsonCodec::encodeCommands(const QList<QJsonObject> &commands, QString *error) const
{
    Q_UNUSED(error);
    QByteArray out;
    for (const QJsonObject &c : commands) {
        if (!out.isEmpty())
            out += '\n';
        out += QJsonDocument(c).toJson(QJsonDocument::Compact);
    }
    return out;
}

QByteArray JsonCodec::encodePong() const
{
    return QByteArrayLiteral("{}");
}

QList<QByteArrayView> JsonCodec::splitLines(QByteArrayView payload)
{
    QList<QByteArrayView> lines;
    // A temporary list: room for lines of 64 bytes saves regrowing it for a server's batched frames (capped, so a
    // huge single-line frame does not reserve megabytes).
    lines.reserve(qMin<qsizetype>(payload.size() / 64 + 1, 1024));
    qsizetype start = 0;
    const qsizetype n = payload.size();
    while (start < n) {
        qsizetype end = payload.indexOf('\n', start);
        if (end < 0)
            end = n;
        const QByteArrayView line = payload.sliced(start, end - start);
        if (!line.trimmed().isEmpty())
            lines.append(line);
        start = end + 1;
    }
    return lines;
}

ProtocolMessage JsonCodec::decodeServerLine(QByteArrayView line)
{
    QString error;
    const QJsonObject object = parseObject(line, &error);
    if (!error.isEmpty())
        return ProtocolMessage::invalid(line.toByteArray(), error);
    return classifyServerObject(object, line.toByteArray());
}

ProtocolMessage JsonCodec::decodeClientLine(QByteArrayView line)
{
    QString error;
    const QJsonObject object = parseObject(line, &error);
    if (!error.isEmpty())
        return ProtocolMessage::invalid(line.toByteArray(), error);
    return classifyClientObject(object, line.toByteArray());
}

ProtocolMessage JsonCodec::classifyServerObject(const QJsonObject &object, const QByteArray &raw)
{
    ProtocolMessage m;
    m.raw = raw;
    m.setJson(object);
    m.id = readId(object);

    if (object.isEmpty()) {
        m.kind = MessageKind::Ping;
        return m;
    }
    if (object.contains(QLatin1String("push"))) {
        const QJsonObject push = object.value(QLatin1String("push")).toObject();
        m.kind = MessageKind::Push;
        m.channel = push.value(QLatin1String("channel")).toString();
        for (auto it = push.constBegin(); it != push.constEnd(); ++it) {
            const PushType t = Protocol::pushTypeFromName(it.key());
            if (t != PushType::None) {
                m.push = t;
                break;
            }
        }
        if (m.push == PushType::Unsubscribe || m.push == PushType::Disconnect) {
            const QJsonObject body = push.value(Protocol::pushTypeName(m.push)).toObject();
            m.code = body.value(QLatin1String("code")).toInt();
            m.text = body.value(QLatin1String("reason")).toString();
        }
        return m;
    }
    if (object.contains(QLatin1String("error"))) {
        const QJsonObject err = object.value(QLatin1String("error")).toObject();
        m.kind = MessageKind::Error;
        m.code = err.value(QLatin1String("code")).toInt();
        m.text = err.value(QLatin1String("message")).toString();
        return m;
    }
    for (Method method : Protocol::allMethods()) {
        if (object.contains(Protocol::methodName(method))) {
            m.method = method;
            break;
        }
    }
    if (m.id == 0 && m.method == Method::Connect) {
        // Unidirectional transports send a bare connect push without the Reply wrapper.
        m.kind = MessageKind::Push;
        m.push = PushType::Connect;
        return m;
    }
    if (m.id == 0 && m.method == Method::None) {
        // Unknown fields only: decoders must ignore them, so this is still a ping.
        m.kind = MessageKind::Ping;
        return m;
    }
    m.kind = MessageKind::Reply;
    return m;
}

ProtocolMessage JsonCodec::classifyClientObject(const QJsonObject &object, const QByteArray &raw)
{
    ProtocolMessage m;
    m.raw = raw;
    m.setJson(object);
    m.id = readId(object);
    for (Method method : dispatchOrder()) {
        const QJsonValue v = object.value(Protocol::methodName(method));
        if (!v.isUndefined() && !v.isNull()) {
            m.method = method;
            break;
        }
    }
    if (m.method == Method::None) {
        // The server takes a command without id and method as a pong.
        m.kind = m.id == 0 ? MessageKind::Pong : MessageKind::Command;
        return m;
    }
    m.kind = MessageKind::Command;
    const QJsonObject body = object.value(Protocol::methodName(m.method)).toObject();
    m.channel = body.value(QLatin1String("channel")).toString();
    return m;
}

QList<ProtocolMessage> JsonCodec::decodeServerFrame(const QByteArray &payload) const
{
    QList<ProtocolMessage> out;
    const QList<QByteArrayView> lines = splitLines(payload);
    out.reserve(lines.size());
    for (QByteArrayView line : lines) {
        // The scanner classifies typical lines without building a document; JSON is parsed only when opened.
        ProtocolMessage m;
        if (FastClassifier::classifyServerLine(line, &m, &payload)) {
            m.setJsonFromRaw(ProtocolMessage::RawText::Validated);
            out.append(std::move(m));
        } else {
            out.append(decodeServerLine(line));
        }
    }
    if (out.isEmpty())
        out.append(ProtocolMessage::invalid(payload, QStringLiteral("empty frame")));
    return out;
}

QList<ProtocolMessage> JsonCodec::decodeClientFrame(const QByteArray &payload) const
{
    QList<ProtocolMessage> out;
    const QList<QByteArrayView> lines = splitLines(payload);
    out.reserve(lines.size());
    for (QByteArrayView line : lines)
        out.append(decodeClientLine(line));
    if (out.isEmpty())
        out.append(ProtocolMessage::invalid(payload, QStringLiteral("empty frame")));
    return out;
}
