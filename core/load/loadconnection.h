#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

class QTcpSocket;
class LoadRunner;

// One connection of a load run, as small as it can be: a QTcpSocket and a minimal RFC 6455 client (handshake,
// masked frames out, unmasked frames in), no QWebSocket, no Session, no decoded messages kept. It sends connect and
// subscribe in one frame, answers the server's pings, and reports only what the run counts: subscribed, each
// publication's latency (from the "t" the publisher put in its data), errors and closes.
class LoadConnection
{
public:
    LoadConnection(LoadRunner *runner, const QUrl &url, Protocol::Format format, const QString &channel);
    ~LoadConnection();
    LoadConnection(const LoadConnection &) = delete;
    LoadConnection &operator=(const LoadConnection &) = delete;

    void open();
    void close();
    bool isSubscribed() const { return m_subscribed; }
    const QString &channel() const { return m_channel; }

private:
    void onConnected();
    void onReadyRead();
    bool readHandshake();
    void handleFrame(int opcode, const QByteArray &payload);
    void handleJson(const QByteArray &payload);
    void handleProtobuf(const QByteArray &payload);
    void onPublicationData(QByteArrayView data);
    void sendFrame(int opcode, const QByteArray &payload);
    QByteArray connectAndSubscribe() const;

    LoadRunner *m_runner;
    QUrl m_url;
    Protocol::Format m_format;
    QString m_channel;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_buffer;
    bool m_upgraded = false;
    bool m_subscribed = false;
    bool m_closed = false;
};
