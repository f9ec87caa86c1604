#pragma once

#include "frame.h"
#include "logentry.h"
#include "proxyconnection.h"
#include "proxyoptions.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QWebSocketServer>

// The proxy's listening side: a plain ws:// server (loopback unless asked otherwise) where applications connect
// instead of Centrifugo; each accepted connection becomes a ProxyConnection with its own upstream. The server
// relays every connection's frames (Frame::conn says which) and keeps the connections, finished ones included,
// for the timeline and the summary.
class ProxyServer : public QObject
{
    Q_OBJECT

public:
    explicit ProxyServer(QObject *parent = nullptr);
    ~ProxyServer() override;

    // Starts listening. False with *error set when the address is not loopback and allowNonLoopback is off, the
    // upstream URL is not ws:// or wss://, or the port cannot be bound.
    bool listen(const ProxyOptions &options, QString *error);
    // Stops listening and closes every open connection (1001 going away on both sides).
    void close();
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    // ws://ADDRESS:PORT/connection/websocket, what an application points its SDK at.
    QUrl url() const;
    const ProxyOptions &options() const { return m_options; }

    // Every connection so far, in the order they arrived (ids 1, 2, ...).
    QList<ProxyConnection *> connections() const;
    ProxyConnection *connection(int id) const;
    int openConnections() const;

signals:
    void connectionAccepted(ProxyConnection *connection);
    void frame(const Frame &frame);
    // A connection, or the proxy itself (connection 0), has something to say (already masked).
    void message(int connection, LogEntry::Level level, const QString &text);
    void connectionFinished(ProxyConnection *connection);

private:
    void onNewConnection();

    QWebSocketServer m_server;
    ProxyOptions m_options;
    QList<QPointer<ProxyConnection>> m_connections;
    int m_nextId = 1;
};
