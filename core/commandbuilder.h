#pragma once

#include "protocol.h"
#include "subscribeoptions.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

// Builds protocol-valid commands as JSON objects (id added by the caller or the session).
class CommandBuilder
{
public:
    struct ConnectParams
    {
        QString token;
        QString name;
        QString version;
        QByteArray data; // raw JSON, empty for none
    };

    static QJsonObject command(quint32 id, Protocol::Method method, const QJsonObject &body);
    static QJsonObject connect(const ConnectParams &params);
    static QJsonObject subscribe(const SubscribeOptions &options);
    static QJsonObject unsubscribe(const QString &channel);
    static QJsonObject publish(const QString &channel, const QJsonValue &data);
    static QJsonObject presence(const QString &channel);
    static QJsonObject presenceStats(const QString &channel);
    // limit 0 returns only the stream position; -1 as many as the server allows.
    static QJsonObject history(const QString &channel, int limit, bool reverse = false, quint64 sinceOffset = 0,
                               const QString &sinceEpoch = {});
    static QJsonObject rpc(const QString &method, const QJsonValue &data);
    static QJsonObject send(const QJsonValue &data);
    static QJsonObject refresh(const QString &token);
    static QJsonObject subRefresh(const QString &channel, const QString &token);

    // Raw JSON text to a value; invalid text becomes a JSON string so nothing typed is lost.
    static QJsonValue jsonValue(const QByteArray &raw);
};
