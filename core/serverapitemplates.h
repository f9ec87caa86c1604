#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// A starting point for every method of Centrifugo v6's server HTTP API, like CommandTemplates for client commands.
// Values a user must fill in are "<placeholders>". Also the bodies of the chaos actions a tester starts from a
// session (disconnect or unsubscribe one client).
class ServerApiTemplates
{
    Q_DECLARE_TR_FUNCTIONS(ServerApiTemplates)

public:
    // publish, broadcast, subscribe, unsubscribe, disconnect, refresh, presence, presence_stats, history,
    // history_remove, channels, info, batch.
    static QStringList methods();
    static bool isKnownMethod(const QString &method) { return methods().contains(method); }
    // The request body of the method; an empty object for an unknown method.
    static QJsonObject body(const QString &method);
    // body() pretty-printed.
    static QString text(const QString &method);
    // One sentence on what the method does.
    static QString description(const QString &method);

    // Closes the connection of one client (by its client id; user narrows it down) with a code and reason.
    static QJsonObject disconnectClient(const QString &user, const QString &client, int code, const QString &reason);
    // Unsubscribes one client (client id; user narrows it down) from a channel.
    static QJsonObject unsubscribeClient(const QString &channel, const QString &user, const QString &client);
};
