#include "serverapitemplates.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QJsonObject message()
{
    return {{QLatin1String("text"), QStringLiteral("<message>")}};
}

} // namespace

QStringList ServerApiTemplates::methods()
{
    return {QStringLiteral("publish"),        QStringLiteral("broadcast"),      QStringLiteral("subscribe"),
            QStringLiteral("unsubscribe"),    QStringLiteral("disconnect"),     QStringLiteral("refresh"),
            QStringLiteral("presence"),       QStringLiteral("presence_stats"), QStringLiteral("history"),
            QStringLiteral("history_remove"), QStringLiteral("channels"),       QStringLiteral("info"),
            QStringLiteral("batch")};
}

QJsonObject ServerApiTemplates::body(const QString &method)
{
    const QLatin1String channelKey("channel");
    const QString channel = QStringLiteral("<channel>");
    const QString user = QStringLiteral("<user id>");
    if (method == QLatin1String("publish"))
        return {{channelKey, channel}, {QLatin1String("data"), message()}};
    if (method == QLatin1String("broadcast"))
        return {{QLatin1String("channels"), QJsonArray{QStringLiteral("<channel 1>"), QStringLiteral("<channel 2>")}},
                {QLatin1String("data"), message()}};
    if (method == QLatin1String("subscribe"))
        return {{QLatin1String("user"), user}, {channelKey, channel}};
    if (method == QLatin1String("unsubscribe"))
        return unsubscribeClient(channel, user, QStringLiteral("<client id, or remove for all of the user's>"));
    if (method == QLatin1String("disconnect"))
        return disconnectClient(user, QStringLiteral("<client id, or remove for all of the user's>"), 4000,
                                QStringLiteral("disconnected by the inspector"));
    if (method == QLatin1String("refresh"))
        return {{QLatin1String("user"), user}, {QLatin1String("expired"), true}};
    if (method == QLatin1String("presence") || method == QLatin1String("presence_stats") ||
        method == QLatin1String("history_remove"))
        return {{channelKey, channel}};
    if (method == QLatin1String("history"))
        return {{channelKey, channel}, {QLatin1String("limit"), 10}, {QLatin1String("reverse"), true}};
    if (method == QLatin1String("channels"))
        return {{QLatin1String("pattern"), QStringLiteral("*")}};
    if (method == QLatin1String("info"))
        return {};
    if (method == QLatin1String("batch"))
        return {{QLatin1String("commands"),
                 QJsonArray{QJsonObject{{QLatin1String("publish"), body(QStringLiteral("publish"))}},
                            QJsonObject{{QLatin1String("presence_stats"), body(QStringLiteral("presence_stats"))}}}},
                {QLatin1String("parallel"), false}};
    return {};
}

QString ServerApiTemplates::text(const QString &method)
{
    return QString::fromUtf8(QJsonDocument(body(method)).toJson(QJsonDocument::Indented)).trimmed();
}

QString ServerApiTemplates::description(const QString &method)
{
    if (method == QLatin1String("publish"))
        return tr("Publish data into a channel, as the server: no client permissions apply.");
    if (method == QLatin1String("broadcast"))
        return tr("Publish the same data into several channels at once.");
    if (method == QLatin1String("subscribe"))
        return tr("Subscribe a user's connections (or one client) to a channel on the server side.");
    if (method == QLatin1String("unsubscribe"))
        return tr("Unsubscribe a user's connections (or one client) from a channel.");
    if (method == QLatin1String("disconnect"))
        return tr("Close a user's connections (or one client) with a disconnect code and reason; codes 3500-3999 "
                  "and 4500-4999 tell the client not to reconnect.");
    if (method == QLatin1String("refresh"))
        return tr("Refresh or expire a user's connections (or one client) when tokens are not used.");
    if (method == QLatin1String("presence"))
        return tr("List the clients subscribed to a channel, on every node (needs presence enabled).");
    if (method == QLatin1String("presence_stats"))
        return tr("Count the clients and users subscribed to a channel (needs presence enabled).");
    if (method == QLatin1String("history"))
        return tr("Read a channel's publications and its stream position (needs history_size and history_ttl).");
    if (method == QLatin1String("history_remove"))
        return tr("Remove a channel's publications; the stream position stays.");
    if (method == QLatin1String("channels"))
        return tr("List the active channels (with at least one subscriber) matching a pattern.");
    if (method == QLatin1String("info"))
        return tr("List the nodes of the cluster with their clients, users, channels and version.");
    if (method == QLatin1String("batch"))
        return tr("Run several API commands in one request, in order (or in parallel with \"parallel\": true).");
    return QString();
}

QJsonObject ServerApiTemplates::disconnectClient(const QString &user, const QString &client, int code,
                                                 const QString &reason)
{
    QJsonObject body{
        {QLatin1String("disconnect"), QJsonObject{{QLatin1String("code"), code}, {QLatin1String("reason"), reason}}}};
    body.insert(QLatin1String("user"), user);
    if (!client.isEmpty())
        body.insert(QLatin1String("client"), client);
    return body;
}

QJsonObject ServerApiTemplates::unsubscribeClient(const QString &channel, const QString &user, const QString &client)
{
    QJsonObject body{{QLatin1String("channel"), channel}, {QLatin1String("user"), user}};
    if (!client.isEmpty())
        body.insert(QLatin1String("client"), client);
    return body;
}
