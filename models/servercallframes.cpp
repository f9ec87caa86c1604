#include "servercallframes.h"

#include "jsonwriter.h"
#include "serverapiclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace {

Frame serverFrame(qint64 timeMs, Protocol::Direction direction, Frame::Origin origin, const QByteArray &raw)
{
    Frame f;
    f.timeMs = timeMs;
    f.direction = direction;
    f.origin = origin;
    f.raw = raw;
    // Kind Invalid: the message is never decoded as client protocol; the origin says what it is.
    ProtocolMessage m;
    m.kind = Protocol::MessageKind::Invalid;
    m.raw = raw;
    f.messages.append(m);
    return f;
}

} // namespace

ServerCallFrames::ServerCallFrames(ServerApiClient *client, QObject *parent)
    : QObject(parent)
{
    connect(client, &ServerApiClient::started, this, [this](quint64 id, const QString &method, const QByteArray &body) {
        const Frame f = callFrame(QDateTime::currentMSecsSinceEpoch(), quint32(id), method, body);
        m_channels.insert(id, f.messages.first().channel);
        emit frame(f);
    });
    connect(client, &ServerApiClient::finished, this, [this](quint64 id, const ServerApiReply &reply) {
        emit frame(replyFrame(QDateTime::currentMSecsSinceEpoch(), quint32(id), m_channels.take(id), reply));
    });
}

Frame ServerCallFrames::callFrame(qint64 timeMs, quint32 id, const QString &method, const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QByteArray raw;
    JsonWriter w(&raw);
    w.openObject();
    w.key("method");
    w.string(method);
    w.key("params");
    // The body exactly as sent when it is JSON; otherwise as a string, so that the row stays one JSON object.
    if (doc.isNull())
        w.string(QString::fromUtf8(body));
    else
        w.put(QByteArrayView(body).trimmed());
    w.closeObject();
    w.finish();
    Frame f = serverFrame(timeMs, Protocol::Direction::Out, Frame::Origin::ServerCall, raw);
    ProtocolMessage &m = f.messages.first();
    m.id = id;
    m.channel = doc.object().value(QLatin1String("channel")).toString();
    return f;
}

Frame ServerCallFrames::replyFrame(qint64 timeMs, quint32 id, const QString &channel, const ServerApiReply &reply)
{
    const bool answered = reply.httpStatus != 0 && !reply.body.isEmpty();
    Frame f = serverFrame(timeMs, Protocol::Direction::In, Frame::Origin::ServerReply,
                          answered ? reply.body : reply.sentence().toUtf8());
    ProtocolMessage &m = f.messages.first();
    m.id = id;
    m.channel = channel;
    m.rttMs = double(reply.elapsedMs);
    m.code = reply.httpStatus;
    return f;
}

QString ServerCallFrames::methodOfCall(QByteArrayView raw)
{
    return QJsonDocument::fromJson(raw.toByteArray()).object().value(QLatin1String("method")).toString();
}

ServerApiReply ServerCallFrames::replyOf(const QString &method, int httpStatus, const QByteArray &raw)
{
    if (httpStatus != 0)
        return ServerApiReply::fromHttp(method, httpStatus, raw);
    return ServerApiReply::fromHttp(method, 0, {}, QString::fromUtf8(raw));
}

QString ServerCallFrames::describeCall(const QString &method, const QString &channel)
{
    return channel.isEmpty()
               ? tr("Server API call %1, made beside this client over the server's HTTP API.").arg(method)
               : tr("Server API call %1 for channel %2, made beside this client over the server's HTTP API.")
                     .arg(method, channel);
}

QString ServerCallFrames::describeReply(const QString &method, int httpStatus, const QByteArray &raw)
{
    if (httpStatus == 0) // the failure is already in words
        return tr("Server API reply to %1: %2").arg(method, QString::fromUtf8(raw));
    const ServerApiReply reply = replyOf(method, httpStatus, raw);
    return tr("Server API reply to %1 (%2): %3").arg(method, reply.shortStatus(), reply.sentence());
}
