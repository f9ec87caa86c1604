#pragma once

#include "httpexchange.h"
#include "logentry.h"
#include "sessionoptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

class QNetworkAccessManager;
class QNetworkReply;

// The client-to-server half of an emulated connection (HTTP-streaming, SSE): each command goes in its own POST to
// the emulation endpoint, addressed with the session and node the connect reply named. Every exchange is logged
// with its status, size and time; a refusal is said in words.
class EmulationSender : public QObject
{
    Q_OBJECT

public:
    EmulationSender(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void start(const SessionOptions &options, const QSslConfiguration &tls);
    // Commands sent before the connect reply wait for it: without session and node the server cannot route them.
    void setSession(const QString &session, const QString &node);
    void send(const QByteArray &payload);
    // Drops the requests still pending (the connection is over).
    void stop();

    // The refusal of an emulation request in words ("404: the node ... is unknown ..."), empty for success.
    static QString statusWords(int status, const QString &node);

signals:
    void logged(LogEntry::Level level, const QString &message);
    // The server cannot deliver commands of this connection any more (unknown node, server failure, network).
    void failed(const QString &words);
    // Each POST once answered or failed, for the timeline.
    void exchanged(const HttpExchange &exchange);

private:
    void post(const QByteArray &payload);
    void onFinished(QNetworkReply *reply, qsizetype bytes, qint64 startedNs);

    QNetworkAccessManager *m_nam;
    SessionOptions m_options;
    QSslConfiguration m_tls;
    QUrl m_url;
    QString m_session;
    QString m_node;
    QList<QByteArray> m_waiting;
    QList<QPointer<QNetworkReply>> m_pending;
    QElapsedTimer m_clock;
};
