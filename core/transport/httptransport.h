#pragma once

#include "transport.h"
#include "transportkind.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

class EmulationSender;

// The part HTTP-streaming and SSE share: one long response carries the server's messages (QNetworkAccessManager,
// no HTTP of our own), its status and its end are judged in words, and for the bidirectional kinds the commands
// go through the emulation endpoint. Subclasses make the opening request and cut the body into messages.
class HttpTransport : public Transport
{
    Q_OBJECT

public:
    HttpTransport(TransportKind kind, QObject *parent = nullptr);
    ~HttpTransport() override;

    void open(const SessionOptions &options, const QByteArray &initial) override;
    void send(const QByteArray &payload, bool binary) override;
    void close(CloseInfo::Rule rule) override;
    void abort() override;
    void setEmulationSession(const QString &session, const QString &node) override;
    bool canSend() const override { return !Transports::isUnidirectional(m_kind); }

    // What an HTTP status of the opening request means for this transport, in words.
    static QString openStatusWords(int status, TransportKind kind);

protected:
    // Sends the opening request.
    virtual QNetworkReply *start(QNetworkAccessManager *nam, QNetworkRequest request, const SessionOptions &options,
                                 const QByteArray &initial) = 0;
    // Body bytes as they arrive: emit received() for each complete message.
    virtual void consume(const QByteArray &bytes) = 0;
    // Bytes of a message started and not finished (the stream was cut mid-message if it ends now).
    virtual qsizetype partialBytes() const = 0;
    virtual void resetFraming() = 0;

    TransportKind m_kind;

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    // The opening request as a timeline row (error: the failure in words).
    HttpExchange connectExchange(int status, double ms, const QString &error) const;
    // Reports the end once, on the next turn (as a socket would), and forgets the reply.
    void end(CloseInfo info);

    QNetworkAccessManager m_nam;
    QPointer<QNetworkReply> m_reply;
    EmulationSender *m_emulation; // child
    QElapsedTimer m_clock;
    qint64 m_bytes = 0;
    QString m_path; // the endpoint's path, without the query (SSE's carries the token)
    qint64 m_initialBytes = 0;
    quint64 m_generation = 0; // a queued end of an earlier connection is not this one's
    bool m_opened = false;
    bool m_ended = false;
    CloseInfo::Rule m_rule = CloseInfo::Rule::None;
    QString m_emulationFailure;
};
