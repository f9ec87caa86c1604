#pragma once

#include "closeinfo.h"
#include "httpexchange.h"
#include "logentry.h"
#include "sessionoptions.h"
#include "socketreader.h"
#include "transportkind.h"

#include <QObject>
#include <QSslConfiguration>
#include <QSslError>

// One connection's byte pipe under a Session: it opens, carries messages both ways and says how it ended. The
// Session keeps everything of the protocol (ids, connect, pings, tokens, frames); a transport knows only its wire.
// Every transport reports its end exactly once with closed(), after opened() or without it.
class Transport : public QObject
{
    Q_OBJECT

public:
    explicit Transport(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    // The transport for a kind (the unidirectional WebSocket is the WebSocket one: the Session sends differently).
    static Transport *create(TransportKind kind, QObject *parent);

    // Starts the connection. initial is what the transport carries in its opening request (HTTP-streaming and SSE
    // carry the connect command there, the unidirectional HTTP ones the connect request); empty for WebSocket.
    virtual void open(const SessionOptions &options, const QByteArray &initial) = 0;
    // Sends one message (a frame over WebSocket, an emulation request over HTTP). binary: Protobuf.
    virtual void send(const QByteArray &payload, bool binary) = 0;
    // Ends the connection for a rule of this client (Rule::UserClose: asked for). closed() follows later.
    virtual void close(CloseInfo::Rule rule) = 0;
    // Drops the connection at once without any signal (the Session is going away or opening anew).
    virtual void abort() = 0;
    // The emulation session and node from the connect reply: the address of later commands.
    virtual void setEmulationSession(const QString &session, const QString &node)
    {
        Q_UNUSED(session)
        Q_UNUSED(node)
    }
    // Whether send() can work at all (false for the unidirectional transports).
    virtual bool canSend() const { return true; }
    // Read-path figures (WebSocket only; the others read what arrives).
    virtual qint64 readBufferSize() const { return 0; }
    virtual const SocketReader::Stats &readStats() const;

    // Trace detail: the handshake lines and HTTP exchanges, with secret header values shown or masked.
    void setTrace(bool trace, bool showSecrets)
    {
        m_trace = trace;
        m_showSecrets = showSecrets;
    }

signals:
    // The connection is up (WebSocket handshake done, or the streaming response started with HTTP 200).
    void opened();
    // One message from the server (binary for Protobuf), as the server framed it.
    void received(const QByteArray &payload, bool binary);
    // The connection ended; who ended it and why.
    void closed(const CloseInfo &info);
    void logged(LogEntry::Level level, const QString &message);
    // One HTTP request of an emulation transport answered or failed (its own timeline row).
    void httpExchange(const HttpExchange &exchange);
    // TLS problems in words, and whether they were ignored as the options asked.
    void certificateErrors(const QStringList &errors, bool ignored);

protected:
    // The TLS configuration the options ask for (system CAs plus the CA file), with what was done in the log.
    QSslConfiguration tlsConfiguration(const SessionOptions &options);
    // Logs TLS errors in words and emits certificateErrors(); returns whether to ignore them.
    bool reportSslErrors(const QList<QSslError> &errors, bool ignore);
    // The options' headers as trace lines, secret values masked unless secrets are shown.
    void traceHeaders(const SessionOptions &options);

    bool m_trace = false;
    bool m_showSecrets = false;
};
