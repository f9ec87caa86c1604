#include "proxyserver.h"

#include "logging.h"

#include <QTcpSocket>
#include <QWebSocket>

ProxyServer::ProxyServer(QObject *parent)
    : QObject(parent)
    , m_server(QStringLiteral("centrifugo-inspector-proxy"), QWebSocketServer::NonSecureMode)
{
    // JSON has no subprotocol; the Protobuf SDKs ask for this one, and the upstream is opened with it too.
    m_server.setSupportedSubprotocols({QStringLiteral("centrifuge-protobuf")});
    // Applications that connect at the same moment are accepted, not refused by a short pending queue.
    m_server.setMaxPendingConnections(1000);
    connect(&m_server, &QWebSocketServer::newConnection, this, &ProxyServer::onNewConnection);
    connect(&m_server, &QWebSocketServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        const QString text = tr("The proxy could not accept a connection: %1").arg(m_server.errorString());
        qCWarning(lcProxy).noquote() << text;
        emit message(0, LogEntry::Level::Warning, text);
    });
    connect(&m_server, &QWebSocketServer::serverError, this, [this](QWebSocketProtocol::CloseCode code) {
        const QString text =
            tr("An application's handshake was refused (%1): %2").arg(int(code)).arg(m_server.errorString());
        qCWarning(lcProxy).noquote() << text;
        emit message(0, LogEntry::Level::Warning, text);
    });
}

ProxyServer::~ProxyServer()
{
    // Connections are children: they go with the server, their sockets closed by their own destructors.
    m_server.close();
}

bool ProxyServer::listen(const ProxyOptions &options, QString *error)
{
    const QString scheme = options.upstream.url.scheme();
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) {
        *error = tr("The upstream URL must start with ws:// or wss://: %1")
                     .arg(options.upstream.url.toString(QUrl::RemovePassword));
        return false;
    }
    if (!options.listenAddress.isLoopback()) {
        if (!options.allowNonLoopback) {
            *error = tr("The proxy listens on loopback only unless asked otherwise: %1 would let anyone who reaches "
                        "it use the credentials of the applications it forwards.")
                         .arg(options.listenAddress.toString());
            return false;
        }
        const QString text = tr("Warning: the proxy listens on %1, not loopback: anyone who reaches it can connect "
                                "through it, and it forwards the applications' cookies and tokens in plain ws://.")
                                 .arg(options.listenAddress.toString());
        qCWarning(lcProxy).noquote() << text;
        emit message(0, LogEntry::Level::Warning, text);
    }
    m_options = options;
    if (!m_server.listen(options.listenAddress, options.port)) {
        *error = tr("The proxy cannot listen on %1:%2: %3")
                     .arg(options.listenAddress.toString())
                     .arg(options.port)
                     .arg(m_server.errorString());
        return false;
    }
    const QString text = tr("Proxy listening on %1, forwarding to %2")
                             .arg(url().toString(), options.upstream.url.toString(QUrl::RemovePassword));
    qCInfo(lcProxy).noquote() << text;
    emit message(0, LogEntry::Level::Info, text);
    return true;
}

void ProxyServer::close()
{
    m_server.close();
    for (const auto &c : std::as_const(m_connections)) {
        if (c && c->state() != ProxyConnection::State::Closed)
            c->shutdown();
    }
}

QUrl ProxyServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("ws"));
    u.setHost(m_server.serverAddress().toString());
    u.setPort(m_server.serverPort());
    u.setPath(QStringLiteral("/connection/websocket"));
    return u;
}

QList<ProxyConnection *> ProxyServer::connections() const
{
    QList<ProxyConnection *> out;
    for (const auto &c : m_connections) {
        if (c)
            out.append(c.data());
    }
    return out;
}

ProxyConnection *ProxyServer::connection(int id) const
{
    for (const auto &c : m_connections) {
        if (c && c->id() == id)
            return c.data();
    }
    return nullptr;
}

int ProxyServer::openConnections() const
{
    int n = 0;
    for (const auto &c : m_connections)
        n += c && c->state() != ProxyConnection::State::Closed ? 1 : 0;
    return n;
}

void ProxyServer::onNewConnection()
{
    while (QWebSocket *app = m_server.nextPendingConnection()) {
        // QWebSocketServer leaves the accepted TCP socket a child of its own server; as the WebSocket's child the
        // SocketReader can bound its buffer, so an application's flood cannot freeze the proxy.
        const auto sockets = m_server.findChildren<QTcpSocket *>();
        for (QTcpSocket *tcp : sockets) {
            if (tcp->peerPort() == app->peerPort() && tcp->peerAddress() == app->peerAddress() &&
                tcp->localPort() == app->localPort()) {
                tcp->setParent(app);
                break;
            }
        }
        auto *c = new ProxyConnection(m_nextId++, app, m_options, this);
        m_connections.append(c);
        connect(c, &ProxyConnection::frame, this, &ProxyServer::frame);
        connect(c, &ProxyConnection::message, this,
                [this, id = c->id()](LogEntry::Level level, const QString &text) { emit message(id, level, text); });
        connect(c, &ProxyConnection::finished, this, [this, c] { emit connectionFinished(c); });
        emit connectionAccepted(c);
        c->start();
    }
}
