#include "websockettransport.h"

#include <QNetworkRequest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

using Level = LogEntry::Level;

WebSocketTransport::WebSocketTransport(QObject *parent)
    : Transport(parent)
{
    connect(&m_reader, &SocketReader::bufferGrown, this, [this](qint64 from, qint64 to) {
        emit logged(Level::Trace, QStringLiteral("Read buffer %1 -> %2 bytes for a large frame").arg(from).arg(to));
    });
}

WebSocketTransport::~WebSocketTransport()
{
    abort();
}

void WebSocketTransport::abort()
{
    m_reader.detach();
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void WebSocketTransport::open(const SessionOptions &options, const QByteArray &initial)
{
    Q_UNUSED(initial)
    abort();
    m_opened = false;
    m_ended = false;
    m_rule = CloseInfo::Rule::None;
    m_closeFrameSent = false;
    m_hasSocketError = false;
    m_socketError = QAbstractSocket::UnknownSocketError;
    m_certificateRejected = false;

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &WebSocketTransport::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketTransport::onDisconnected);
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        const QByteArray payload = message.toUtf8();
        m_reader.noteFrame(payload.size());
        emit received(payload, false);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &message) {
        m_reader.noteFrame(message.size());
        emit received(message, true);
    });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &WebSocketTransport::onError);
    connect(m_socket, &QWebSocket::pong, this, [this](quint64 elapsedTime, const QByteArray &payload) {
        emit logged(Level::Trace,
                    QStringLiteral("WebSocket pong frame after %1 ms (%2 bytes)").arg(elapsedTime).arg(payload.size()));
    });
    connect(m_socket, &QWebSocket::sslErrors, this,
            [this, ignore = options.ignoreCertificateErrors](const QList<QSslError> &errors) {
                m_certificateRejected = !ignore;
                if (reportSslErrors(errors, ignore))
                    m_socket->ignoreSslErrors();
            });
    connect(m_socket, &QWebSocket::aboutToClose, this, &WebSocketTransport::onAboutToClose);

    if (options.url.scheme() == QLatin1String("wss"))
        m_socket->setSslConfiguration(tlsConfiguration(options));

    QNetworkRequest request(options.url);
    for (const auto &h : options.headers)
        request.setRawHeader(h.first, h.second);
    QWebSocketHandshakeOptions handshake;
    if (options.format == Protocol::Format::Protobuf)
        handshake.setSubprotocols({QStringLiteral("centrifuge-protobuf")});

    if (m_trace) {
        emit logged(Level::Trace, QStringLiteral("> GET %1 HTTP/1.1").arg(options.url.path(QUrl::FullyEncoded)));
        // Host as the request sends it: never the user info of the URL.
        const QString host = options.url.port() < 0
                                 ? options.url.host()
                                 : QStringLiteral("%1:%2").arg(options.url.host()).arg(options.url.port());
        emit logged(Level::Trace, QStringLiteral("> Host: %1").arg(host));
        emit logged(Level::Trace, QStringLiteral("> Upgrade: websocket"));
        emit logged(Level::Trace, QStringLiteral("> Connection: Upgrade"));
        emit logged(Level::Trace, QStringLiteral("> Sec-WebSocket-Version: 13"));
        for (const QString &p : handshake.subprotocols())
            emit logged(Level::Trace, QStringLiteral("> Sec-WebSocket-Protocol: %1").arg(p));
        traceHeaders(options);
    }
    m_socket->open(request, handshake);
    m_reader.attach(m_socket);
}

void WebSocketTransport::send(const QByteArray &payload, bool binary)
{
    if (!m_socket)
        return;
    if (binary)
        m_socket->sendBinaryMessage(payload);
    else
        m_socket->sendTextMessage(QString::fromUtf8(payload));
}

void WebSocketTransport::close(CloseInfo::Rule rule)
{
    if (!m_socket || m_ended)
        return;
    if (rule == CloseInfo::Rule::UserClose) {
        if (m_rule == CloseInfo::Rule::None)
            m_rule = rule;
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("client closed"));
        return;
    }
    m_rule = rule;
    if (!m_opened) {
        // No WebSocket yet, so no close frame to send: drop the TCP connection.
        m_socket->abort();
        return;
    }
    // The reason tells the server's log why (Centrifugo logs it); 1000 because nothing was wrong on the wire.
    m_socket->close(QWebSocketProtocol::CloseCodeNormal, QString::fromLatin1(CloseInfo::ruleName(rule)));
}

void WebSocketTransport::onConnected()
{
    if (m_trace) {
        emit logged(Level::Trace, QStringLiteral("< HTTP/1.1 101 Switching Protocols"));
        emit logged(Level::Trace, QStringLiteral("< Upgrade: websocket"));
        emit logged(Level::Trace, QStringLiteral("< Connection: Upgrade"));
        if (!m_socket->subprotocol().isEmpty())
            emit logged(Level::Trace, QStringLiteral("< Sec-WebSocket-Protocol: %1").arg(m_socket->subprotocol()));
        // QWebSocket checked these and Sec-WebSocket-Accept before reporting success; Qt 6.4 exposes no others.
        emit logged(Level::Trace,
                    tr("(response headers as validated by QWebSocket; Qt 6.4 does not expose the others)"));
        emit logged(Level::Trace, QStringLiteral("peer %1:%2, local port %3")
                                      .arg(m_socket->peerAddress().toString())
                                      .arg(m_socket->peerPort())
                                      .arg(m_socket->localPort()));
    }
    emit logged(Level::Info, tr("WebSocket handshake complete"));
    m_opened = true;
    emit opened();
}

void WebSocketTransport::onDisconnected()
{
    if (m_ended || !m_socket)
        return;
    m_ended = true;
    m_reader.detach();
    emit closed(attributeClose());
}

void WebSocketTransport::onError(QAbstractSocket::SocketError error)
{
    if (!m_hasSocketError) {
        m_hasSocketError = true;
        m_socketError = error;
    }
    if (!m_opened && m_socket) {
        // QWebSocket reports a refused upgrade (e.g. HTTP 200 instead of 101) but keeps the TCP connection:
        // nothing more can come of it. Dropped on the next turn, outside QWebSocket's own handler.
        QMetaObject::invokeMethod(
            this,
            [this, socket = QPointer<QWebSocket>(m_socket)] {
                if (socket && socket == m_socket && !m_opened && !m_ended)
                    m_socket->abort();
            },
            Qt::QueuedConnection);
    }
    emit logged(Level::Error,
                tr("Socket error %1: %2").arg(int(error)).arg(m_socket ? m_socket->errorString() : QString()));
}

void WebSocketTransport::onAboutToClose()
{
    // QWebSocket announces its close frame (its own, or the echo of the server's) before the TCP socket goes; the
    // TCP socket announces its own close too, but only after an error when the network went first.
    if (!m_hasSocketError && m_opened && !m_ended)
        m_closeFrameSent = true;
}

CloseInfo WebSocketTransport::attributeClose() const
{
    CloseInfo c;
    c.certificateRejected = m_certificateRejected;
    c.hasSocketError = m_hasSocketError;
    c.socketError = m_socketError;
    if (!c.hasSocketError && m_socket->error() != QAbstractSocket::UnknownSocketError) {
        // A failed connection attempt reports the state change before the error signal.
        c.hasSocketError = true;
        c.socketError = m_socket->error();
    }
    const bool ourRule = m_rule != CloseInfo::Rule::None;
    if (!m_opened || !m_closeFrameSent) {
        // No close frame either way (1006): the handshake never completed, or the connection was lost.
        c.code = QWebSocketProtocol::CloseCodeAbnormalDisconnection;
        c.side = ourRule ? CloseInfo::Side::Client : CloseInfo::Side::Transport;
        c.rule = m_rule;
        c.reason =
            ourRule && !m_hasSocketError ? QString::fromLatin1(CloseInfo::ruleName(m_rule)) : m_socket->errorString();
        return c;
    }
    c.code = int(m_socket->closeCode());
    c.reason = m_socket->closeReason();
    if (ourRule) {
        c.side = CloseInfo::Side::Client;
        c.rule = m_rule;
        return c;
    }
    c.rule = CloseInfo::ruleOfQtReason(c.reason);
    c.side = c.rule == CloseInfo::Rule::None ? CloseInfo::Side::Server : CloseInfo::Side::Client;
    return c;
}
