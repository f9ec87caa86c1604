#include "commandtemplates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using Protocol::Method;

namespace {

QJsonObject body(Method method)
{
    const QString channel = QStringLiteral("<channel>");
    switch (method) {
    case Method::Connect:
        return {{QLatin1String("name"), QStringLiteral("centrifugo-inspector")},
                {QLatin1String("version"), QStringLiteral(INSPECTOR_VERSION)}};
    case Method::Subscribe:
        return {{QLatin1String("channel"), channel},
                {QLatin1String("recoverable"), true},
                {QLatin1String("positioned"), true},
                {QLatin1String("join_leave"), true}};
    case Method::Publish:
        return {{QLatin1String("channel"), channel},
                {QLatin1String("data"), QJsonObject{{QLatin1String("text"), QStringLiteral("<message>")}}}};
    case Method::History:
        return {{QLatin1String("channel"), channel}, {QLatin1String("limit"), 10}, {QLatin1String("reverse"), true}};
    case Method::Unsubscribe:
    case Method::Presence:
    case Method::PresenceStats:
        return {{QLatin1String("channel"), channel}};
    case Method::Ping:
        return {};
    case Method::Send:
        return {{QLatin1String("data"), QJsonObject{{QLatin1String("text"), QStringLiteral("<message>")}}}};
    case Method::Rpc:
        return {{QLatin1String("method"), QStringLiteral("<rpc method>")}, {QLatin1String("data"), QJsonObject{}}};
    case Method::Refresh:
        return {{QLatin1String("token"), QStringLiteral("<connection token>")}};
    case Method::SubRefresh:
        return {{QLatin1String("channel"), channel}, {QLatin1String("token"), QStringLiteral("<subscription token>")}};
    case Method::None:
        break;
    }
    return {};
}

} // namespace

QString CommandTemplates::text(Method method, quint32 id)
{
    QJsonObject command;
    if (method != Method::Send)
        command.insert(QLatin1String("id"), qint64(id));
    command.insert(Protocol::methodName(method), body(method));
    return QString::fromUtf8(QJsonDocument(command).toJson(QJsonDocument::Indented)).trimmed();
}

QString CommandTemplates::subscribeWithTagsFilter()
{
    const QJsonObject leaf{{QLatin1String("key"), QStringLiteral("<tag>")},
                           {QLatin1String("cmp"), QStringLiteral("eq")},
                           {QLatin1String("val"), QStringLiteral("<value>")}};
    const QJsonObject inList{{QLatin1String("key"), QStringLiteral("<tag>")},
                             {QLatin1String("cmp"), QStringLiteral("in")},
                             {QLatin1String("vals"), QJsonArray{QStringLiteral("<value>"), QStringLiteral("<value>")}}};
    const QJsonObject tf{{QLatin1String("op"), QStringLiteral("and")},
                         {QLatin1String("nodes"), QJsonArray{leaf, inList}}};
    const QJsonObject body{{QLatin1String("channel"), QStringLiteral("<channel>")}, {QLatin1String("tf"), tf}};
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QLatin1String("subscribe"), body}}).toJson()).trimmed();
}

QString CommandTemplates::subscribeWithDelta()
{
    const QJsonObject body{{QLatin1String("channel"), QStringLiteral("<channel>")},
                           {QLatin1String("delta"), QStringLiteral("fossil")}};
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QLatin1String("subscribe"), body}}).toJson()).trimmed();
}

QString CommandTemplates::connectWithHeadersAndFlag()
{
    QJsonObject body = ::body(Method::Connect);
    body.insert(QLatin1String("headers"), QJsonObject{{QStringLiteral("<header name>"), QStringLiteral("<value>")}});
    body.insert(QLatin1String("flag"), 0);
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QLatin1String("connect"), body}}).toJson()).trimmed();
}

QString CommandTemplates::description(Method method)
{
    switch (method) {
    case Method::Connect:
        return tr("Authenticate the connection; must be the first command. Add \"token\" for a user, omit it for "
                  "anonymous access.");
    case Method::Subscribe:
        return tr("Subscribe to a channel and receive its publications as pushes.");
    case Method::Unsubscribe:
        return tr("Stop receiving a channel's publications.");
    case Method::Publish:
        return tr("Publish data into a channel (needs publish permission).");
    case Method::Presence:
        return tr("List the clients subscribed to a channel (needs presence enabled).");
    case Method::PresenceStats:
        return tr("Count the clients and users subscribed to a channel.");
    case Method::History:
        return tr("Read a channel's recent publications (limit 0 returns only the stream position).");
    case Method::Ping:
        return tr("A client ping; part of the schema, but see the server note.");
    case Method::Send:
        return tr("Send an asynchronous message to the server, without a reply.");
    case Method::Rpc:
        return tr("Call a server-side method through the RPC proxy.");
    case Method::Refresh:
        return tr("Give the server a new connection token before the old one expires.");
    case Method::SubRefresh:
        return tr("Give the server a new subscription token for a channel.");
    case Method::None:
        break;
    }
    return {};
}

QString CommandTemplates::serverNote(Method method)
{
    switch (method) {
    case Method::Ping:
        return tr("Centrifugo v6 does not accept a client ping: it closes the connection with 3501 bad request. The "
                  "server pings with {} and expects {} back.");
    case Method::Send:
        return tr("Centrifugo v6 has no handler for send: it closes the connection with 3508 not available.");
    case Method::Rpc:
        return tr("Without an RPC proxy configured, Centrifugo answers with error 108 not available.");
    default:
        break;
    }
    return {};
}
