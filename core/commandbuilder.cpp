#include "commandbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

QJsonObject CommandBuilder::command(quint32 id, Protocol::Method method, const QJsonObject &body)
{
    QJsonObject c;
    if (id != 0)
        c.insert(QLatin1String("id"), qint64(id));
    c.insert(Protocol::methodName(method), body);
    return c;
}

QJsonValue CommandBuilder::jsonValue(const QByteArray &raw)
{
    // Wrapping in an array lets scalars ("5", "\"x\"") parse on Qt versions whose fromJson wants a container.
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + raw + ']', &pe);
    if (pe.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
        return doc.array().at(0);
    return QJsonValue(QString::fromUtf8(raw));
}

QJsonObject CommandBuilder::connect(const ConnectParams &p)
{
    QJsonObject body;
    if (!p.token.isEmpty())
        body.insert(QLatin1String("token"), p.token);
    if (!p.data.trimmed().isEmpty())
        body.insert(QLatin1String("data"), jsonValue(p.data));
    if (!p.name.isEmpty())
        body.insert(QLatin1String("name"), p.name);
    if (!p.version.isEmpty())
        body.insert(QLatin1String("version"), p.version);
    return body;
}

QJsonObject CommandBuilder::subscribe(const SubscribeOptions &o)
{
    QJsonObject body{{QLatin1String("channel"), o.channel}};
    if (!o.token.isEmpty())
        body.insert(QLatin1String("token"), o.token);
    if (o.recover) {
        body.insert(QLatin1String("recover"), true);
        body.insert(QLatin1String("epoch"), o.epoch);
        body.insert(QLatin1String("offset"), qint64(o.offset));
    }
    if (o.positioned)
        body.insert(QLatin1String("positioned"), true);
    if (o.recoverable)
        body.insert(QLatin1String("recoverable"), true);
    if (o.joinLeave)
        body.insert(QLatin1String("join_leave"), true);
    if (!o.delta.isEmpty())
        body.insert(QLatin1String("delta"), o.delta);
    if (!o.data.trimmed().isEmpty())
        body.insert(QLatin1String("data"), jsonValue(o.data));
    return body;
}

namespace {
QJsonObject channelOnly(const QString &channel)
{
    return QJsonObject{{QLatin1String("channel"), channel}};
}
} // namespace

QJsonObject CommandBuilder::unsubscribe(const QString &channel)
{
    return channelOnly(channel);
}

QJsonObject CommandBuilder::publish(const QString &channel, const QJsonValue &data)
{
    return QJsonObject{{QLatin1String("channel"), channel}, {QLatin1String("data"), data}};
}

QJsonObject CommandBuilder::presence(const QString &channel)
{
    return channelOnly(channel);
}

QJsonObject CommandBuilder::presenceStats(const QString &channel)
{
    return channelOnly(channel);
}

QJsonObject CommandBuilder::history(const QString &channel, int limit, bool reverse, quint64 sinceOffset,
                                    const QString &sinceEpoch)
{
    QJsonObject body = channelOnly(channel);
    if (limit != 0)
        body.insert(QLatin1String("limit"), limit);
    if (!sinceEpoch.isEmpty())
        body.insert(QLatin1String("since"),
                    QJsonObject{{QLatin1String("offset"), qint64(sinceOffset)}, {QLatin1String("epoch"), sinceEpoch}});
    if (reverse)
        body.insert(QLatin1String("reverse"), true);
    return body;
}

QJsonObject CommandBuilder::rpc(const QString &method, const QJsonValue &data)
{
    QJsonObject body{{QLatin1String("data"), data}};
    if (!method.isEmpty())
        body.insert(QLatin1String("method"), method);
    return body;
}

QJsonObject CommandBuilder::send(const QJsonValue &data)
{
    return QJsonObject{{QLatin1String("data"), data}};
}

QJsonObject CommandBuilder::refresh(const QString &token)
{
    return QJsonObject{{QLatin1String("token"), token}};
}

QJsonObject CommandBuilder::subRefresh(const QString &channel, const QString &token)
{
    return QJsonObject{{QLatin1String("channel"), channel}, {QLatin1String("token"), token}};
}
