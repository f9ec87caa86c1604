#pragma once

#include "frame.h"
#include "serverapireply.h"

#include <QHash>
#include <QObject>
#include <QString>

class ServerApiClient;

// The server API calls of one ServerApiClient as timeline rows of the session that made them: each call becomes
// an Out frame of origin ServerCall (raw: {"method":M,"params":BODY}, the body as sent; the API key travels in a
// header and is never in it) and its reply an In frame of origin ServerReply (raw: the reply body, or the failure
// in words when no HTTP answer came). Each frame carries one message that the store never decodes: the call's id
// (pairs a reply with its call), the channel of the call, the round trip on the reply and its HTTP status as code.
class ServerCallFrames : public QObject
{
    Q_OBJECT

public:
    explicit ServerCallFrames(ServerApiClient *client, QObject *parent = nullptr);

    static Frame callFrame(qint64 timeMs, quint32 id, const QString &method, const QByteArray &body);
    static Frame replyFrame(qint64 timeMs, quint32 id, const QString &channel, const ServerApiReply &reply);

    // The method of a call row's bytes ("publish"), empty when they are not a call.
    static QString methodOfCall(QByteArrayView raw);
    // The reply as the client parsed it, again from a reply row: its method (from the call), HTTP status (the
    // row's code, 0 when no HTTP answer came) and bytes. Without an HTTP answer the bytes are the failure in words.
    static ServerApiReply replyOf(const QString &method, int httpStatus, const QByteArray &raw);
    // What a server call or reply row says, in the words of ServerApiReply's explanation.
    static QString describeCall(const QString &method, const QString &channel);
    static QString describeReply(const QString &method, int httpStatus, const QByteArray &raw);

signals:
    void frame(const Frame &frame);

private:
    QHash<quint64, QString> m_channels; // pending call id -> its channel
};
