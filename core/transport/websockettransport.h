#pragma once

#include "transport.h"

#include <QAbstractSocket>
#include <QPointer>

class QWebSocket;

// WebSocket (bidirectional, and the unidirectional endpoint, which is the same wire) on QWebSocket: the handshake,
// the bounded read path (SocketReader) and who closed the socket, from its close frame or its error.
class WebSocketTransport : public Transport
{
    Q_OBJECT

public:
    explicit WebSocketTransport(QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void open(const SessionOptions &options, const QByteArray &initial) override;
    void send(const QByteArray &payload, bool binary) override;
    void close(CloseInfo::Rule rule) override;
    void abort() override;
    qint64 readBufferSize() const override { return m_reader.bufferLimit(); }
    const SocketReader::Stats &readStats() const override { return m_reader.stats(); }

private:
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onAboutToClose();
    CloseInfo attributeClose() const;

    QWebSocket *m_socket = nullptr;
    SocketReader m_reader;
    bool m_opened = false;
    bool m_ended = false;
    CloseInfo::Rule m_rule = CloseInfo::Rule::None; // a rule of ours that closed it
    bool m_closeFrameSent = false;                  // QWebSocket sent a close frame (ours, or the server's echo)
    bool m_hasSocketError = false;
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
    bool m_certificateRejected = false;
};
