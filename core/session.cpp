#include "session.h"

#include "commandbuilder.h"
#include "explainer.h"
#include "framemasker.h"
#include "jsoncodec.h"
#include "logging.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

using Protocol::MessageKind;
using Protocol::Method;
using Level = LogEntry::Level;

namespace {

const char *stateName(Session::State s)
{
    switch (s) {
    case Session::State::Disconnected:
        return "disconnected";
    case Session::State::Connecting:
        return "connecting";
    case Session::State::Open:
        return "open";
    case Session::State::Connected:
        return "connected";
    }
    return "?";
}

QString preview(const QByteArray &payload, bool binary)
{
    constexpr int kMax = 512;
    if (binary)
        return QStringLiteral("[%1 bytes] %2")
            .arg(payload.size())
            .arg(QString::fromLatin1(payload.left(kMax).toHex(' ')));
    QString text = QString::fromUtf8(payload.left(kMax));
    if (payload.size() > kMax)
        text += QStringLiteral("… (%1 bytes)").arg(payload.size());
    return text;
}

} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
    , m_codec(createWireCodec(Protocol::Format::Json))
{
    m_clock.start();
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this]() { refreshToken(); });
}

Session::~Session()
{
    if (m_transport)
        m_transport->disconnect(this);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Session::log(Level level, const QString &text)
{
    if (!logs(level))
        return;
    const QString message = m_showSecrets ? text : m_masker.mask(text);
    const bool trace = level == Level::Trace;
    const QLoggingCategory &cat = trace ? lcSessionTrace() : lcSession();
    switch (level) {
    case Level::Trace:
    case Level::Debug:
        qCDebug(cat).noquote() << message;
        break;
    case Level::Info:
        qCInfo(cat).noquote() << message;
        break;
    case Level::Warning:
        qCWarning(cat).noquote() << message;
        break;
    case Level::Error:
        qCCritical(cat).noquote() << message;
        break;
    }
    LogEntry e;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.level = level;
    e.category = QString::fromLatin1(cat.categoryName());
    e.message = message;
    emit logged(e);
}

void Session::logFrame(const char *arrow, const QByteArray &payload, bool binary)
{
    if (!logs(Level::Trace))
        return;
    // Masked before the preview is cut and before bytes become hex, where a token would no longer be seen.
    QByteArray shown = payload;
    if (!m_showSecrets)
        shown = binary ? m_masker.maskSameLength(payload) : m_masker.mask(payload);
    log(Level::Trace, QLatin1String(arrow) + QLatin1Char(' ') + preview(shown, binary));
}

void Session::setShowSecrets(bool show)
{
    if (show == m_showSecrets)
        return;
    m_showSecrets = show;
    log(Level::Info,
        show ? tr("Secrets are shown in the log from now on.") : tr("Secrets are masked in the log from now on."));
}

void Session::setState(State state)
{
    if (state == m_state)
        return;
    log(Level::Debug, tr("State: %1 -> %2").arg(QLatin1String(stateName(m_state)), QLatin1String(stateName(state))));
    m_state = state;
    emit stateChanged(state);
}

void Session::resetConnectionState()
{
    m_inFlight.clear();
    m_inFlightMethod.clear();
    m_clientId.clear();
    m_serverVersion.clear();
    m_connectResult = {};
    m_pingInterval = 0;
    m_pongRequired = false;
    m_pingOutstanding = false;
    m_connectSent = false;
    m_connectFailed = false;
    m_closeReported = false;
    m_closedByClient = false;
    m_refreshTimer.stop();
    m_expiresAtMs = -1;
    qDeleteAll(m_subRefreshTimers);
    m_subRefreshTimers.clear();
    m_subscribeChannels.clear();
    m_closeCode = 0;
    m_closeReason.clear();
}

void Session::open(const SessionOptions &options)
{
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_transport)
            m_transport->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_transport = nullptr;
    m_options = options;
    m_masker.addToken(options.token);
    for (const auto &h : options.headers) {
        if (SecretMasker::isSecretHeaderName(QString::fromLatin1(h.first)))
            m_masker.addSecret(QString::fromUtf8(h.second));
    }
    m_codec = createWireCodec(options.format);
    resetConnectionState();
    m_nextId = 1;

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &Session::onSocketConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &Session::onSocketDisconnected);
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState && m_state != State::Disconnected)
            onSocketDisconnected();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Session::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Session::onBinaryMessage);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &Session::onSocketError);
    connect(m_socket, &QWebSocket::pong, this, &Session::onPong);
    connect(m_socket, &QWebSocket::sslErrors, this, &Session::onSslErrors);

    if (options.url.scheme() == QLatin1String("wss")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!options.caCertificatesFile.isEmpty()) {
            const QList<QSslCertificate> cas = QSslCertificate::fromPath(options.caCertificatesFile, QSsl::Pem);
            if (cas.isEmpty())
                log(Level::Error,
                    tr("No PEM certificate could be read from the CA file %1.").arg(options.caCertificatesFile));
            else
                log(Level::Info, tr("Trusting %n extra CA certificate(s) from %1.", nullptr, int(cas.size()))
                                     .arg(options.caCertificatesFile));
            tls.addCaCertificates(cas);
        }
        if (options.ignoreCertificateErrors)
            log(Level::Warning, tr("Certificate errors are ignored for this connection: the server's identity is not "
                                   "checked."));
        m_socket->setSslConfiguration(tls);
    }

    QNetworkRequest request(options.url);
    for (const auto &h : options.headers)
        request.setRawHeader(h.first, h.second);
    QWebSocketHandshakeOptions handshake;
    if (options.format == Protocol::Format::Protobuf)
        handshake.setSubprotocols({QStringLiteral("centrifuge-protobuf")});

    setState(State::Connecting);
    log(Level::Info,
        tr("Opening %1 (%2)")
            .arg(options.url.toString(QUrl::RemovePassword), QString(Protocol::formatName(options.format))));
    if (logs(Level::Trace)) {
        log(Level::Trace, QStringLiteral("> GET %1 HTTP/1.1").arg(options.url.path(QUrl::FullyEncoded)));
        // Host as the request sends it: never the user info of the URL.
        const QString host = options.url.port() < 0
                                 ? options.url.host()
                                 : QStringLiteral("%1:%2").arg(options.url.host()).arg(options.url.port());
        log(Level::Trace, QStringLiteral("> Host: %1").arg(host));
        log(Level::Trace, QStringLiteral("> Upgrade: websocket"));
        log(Level::Trace, QStringLiteral("> Connection: Upgrade"));
        log(Level::Trace, QStringLiteral("> Sec-WebSocket-Version: 13"));
        for (const QString &p : handshake.subprotocols())
            log(Level::Trace, QStringLiteral("> Sec-WebSocket-Protocol: %1").arg(p));
        for (const auto &h : options.headers) {
            const bool hide = !m_showSecrets && SecretMasker::isSecretHeaderName(QString::fromLatin1(h.first));
            log(Level::Trace, QStringLiteral("> %1: %2")
                                  .arg(QString::fromLatin1(h.first),
                                       hide ? QString(SecretMasker::secretMask()) : QString::fromUtf8(h.second)));
        }
    }
    m_socket->open(request, handshake);
    limitReads();
}

void Session::limitReads()
{
    // QWebSocket decodes everything its socket has buffered in one go, and an unlimited socket buffers whatever
    // the kernel holds: under a flood that is megabytes, i.e. tens of thousands of messages in ONE event-loop turn
    // (a frozen window). A bounded buffer makes each turn handle at most kReadChunkBytes; the rest waits in the
    // kernel for the next turn, nothing is lost. QWebSocket only reads a frame once all of it is buffered, so the
    // buffer must grow for a larger frame: that needs the socket QWebSocket reads from (its child, created by
    // open()). Without it the buffer stays unlimited, as before.
    m_transport = m_socket->findChild<QAbstractSocket *>(QString(), Qt::FindDirectChildrenOnly);
    if (!m_transport)
        return;
    m_socket->setReadBufferSize(kReadChunkBytes);
    // Connected after QWebSocket's own readyRead handler, so this runs once it decoded all complete frames.
    connect(m_transport, &QIODevice::readyRead, this, &Session::onTransportReadyRead);
}

qint64 Session::readBufferSize() const
{
    return m_socket ? m_socket->readBufferSize() : 0;
}

void Session::onTransportReadyRead()
{
    if (!m_transport || !m_socket)
        return;
    const qint64 limit = m_socket->readBufferSize();
    // A full buffer left over after decoding is the start of a frame larger than the buffer: double it (the frame
    // is read on the next turns); it shrinks back once a message came through.
    if (limit > 0 && m_transport->bytesAvailable() >= limit) {
        log(Level::Trace, QStringLiteral("Read buffer %1 -> %2 bytes for a large frame").arg(limit).arg(limit * 2));
        m_socket->setReadBufferSize(limit * 2);
    }
}

void Session::close()
{
    if (!m_socket || m_state == State::Disconnected)
        return;
    log(Level::Info, tr("Closing the connection"));
    m_closedByClient = true;
    m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("client closed"));
}

void Session::onSocketConnected()
{
    if (logs(Level::Trace)) {
        log(Level::Trace, QStringLiteral("< HTTP/1.1 101 Switching Protocols"));
        log(Level::Trace, QStringLiteral("< Upgrade: websocket"));
        log(Level::Trace, QStringLiteral("< Connection: Upgrade"));
        if (!m_socket->subprotocol().isEmpty())
            log(Level::Trace, QStringLiteral("< Sec-WebSocket-Protocol: %1").arg(m_socket->subprotocol()));
        // QWebSocket checked these and Sec-WebSocket-Accept before reporting success; Qt 6.4 exposes no others.
        log(Level::Trace, tr("(response headers as validated by QWebSocket; Qt 6.4 does not expose the others)"));
        log(Level::Trace, QStringLiteral("peer %1:%2, local port %3")
                              .arg(m_socket->peerAddress().toString())
                              .arg(m_socket->peerPort())
                              .arg(m_socket->localPort()));
    }
    log(Level::Info, tr("WebSocket handshake complete"));
    setState(State::Open);
    if (m_options.autoConnect)
        sendConnect();
}

void Session::onSocketDisconnected()
{
    if (m_closeReported || !m_socket)
        return;
    m_closeReported = true;
    m_closeCode = int(m_socket->closeCode());
    m_closeReason = m_socket->closeReason();
    if (m_state == State::Connecting) {
        // The handshake never completed: there was no close frame, whatever QWebSocket reports.
        m_closeCode = QWebSocketProtocol::CloseCodeAbnormalDisconnection;
        m_closeReason = m_socket->errorString();
    }

    ProtocolMessage m;
    m.kind = MessageKind::Disconnect;
    m.code = m_closeCode;
    m.text = m_closeReason;
    m.raw = m_closeReason.toUtf8();
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::In;
    f.close = true;
    f.raw = m.raw;
    f.messages.append(m);

    log(m_closeCode == QWebSocketProtocol::CloseCodeNormal ? Level::Info : Level::Warning, Explainer::describe(m));
    m_inFlight.clear();
    m_inFlightMethod.clear();
    m_subscribeChannels.clear();
    m_pingOutstanding = false;
    m_refreshTimer.stop();
    m_expiresAtMs = -1;
    qDeleteAll(m_subRefreshTimers);
    m_subRefreshTimers.clear();
    setState(State::Disconnected);
    emit frame(f);
    emit closed(m_closeCode, m_closeReason);
}

void Session::onSocketError(QAbstractSocket::SocketError error)
{
    log(Level::Error, tr("Socket error %1: %2").arg(int(error)).arg(m_socket ? m_socket->errorString() : QString()));
}

void Session::onPong(quint64 elapsedTime, const QByteArray &payload)
{
    log(Level::Trace,
        QStringLiteral("WebSocket pong frame after %1 ms (%2 bytes)").arg(elapsedTime).arg(payload.size()));
}

void Session::onTextMessage(const QString &message)
{
    handleIncoming(message.toUtf8(), false);
}

void Session::onBinaryMessage(const QByteArray &message)
{
    handleIncoming(message, true);
}

void Session::handleIncoming(const QByteArray &payload, bool binary)
{
    if (m_transport && m_socket->readBufferSize() > kReadChunkBytes)
        m_socket->setReadBufferSize(kReadChunkBytes); // the large frame is through
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::In;
    f.binary = binary;
    f.raw = payload;
    f.messages = m_codec->decodeServerFrame(payload);
    bool pinged = false;
    // State signals wait until the frame is out, so whatever a listener sends in reaction (subscribes after
    // connected) is recorded after the reply that caused it.
    QList<std::function<void()>> after;
    for (ProtocolMessage &m : f.messages) {
        handleMessage(m, &after);
        pinged = pinged || m.kind == MessageKind::Ping;
    }
    logFrame("<", payload, binary);
    emit frame(f);
    for (const auto &effect : after)
        effect();

    if (pinged) {
        if (m_options.autoPong && m_pongRequired)
            sendPong();
        else if (m_pongRequired)
            log(Level::Warning, tr("Server ping not answered (auto-pong is off): the server closes the connection "
                                   "with 3012 no pong after its pong timeout."));
    }
}

void Session::handleMessage(ProtocolMessage &m, QList<std::function<void()>> *after)
{
    switch (m.kind) {
    case MessageKind::Ping:
        m_pingOutstanding = true;
        log(Level::Trace, tr("Server ping"));
        return;
    case MessageKind::Reply:
    case MessageKind::Error: {
        const auto it = m_inFlight.find(m.id);
        if (it != m_inFlight.end()) {
            m.rttMs = double(m_clock.nsecsElapsed() - it.value()) / 1e6;
            m_lastRttMs = m.rttMs;
            if (m.kind == MessageKind::Error)
                m.method = m_inFlightMethod.value(m.id);
            m_inFlight.erase(it);
            m_inFlightMethod.remove(m.id);
        }
        // Replies carry no channel; the command did.
        if (m.channel.isEmpty())
            m.channel = m_subscribeChannels.take(m.id);
        break;
    }
    case MessageKind::Invalid:
        log(Level::Warning, tr("Could not decode a server message: %1").arg(m.text));
        return;
    case MessageKind::Push:
        if (m.push == Protocol::PushType::Unsubscribe)
            delete m_subRefreshTimers.take(m.channel);
        return;
    default:
        return;
    }

    if (m.kind == MessageKind::Error) {
        log(Level::Warning, Explainer::describe(m));
        if (m.method == Method::Connect) {
            m_connectFailed = true;
            log(Level::Warning, tr("Connect failed: Centrifugo answers nothing more on this connection and drops it "
                                   "about 5 s later."));
            after->append([this, code = m.code, text = m.text]() { emit connectFailed(code, text); });
        }
        return;
    }
    if (m.method == Method::Connect) {
        m_connectResult = m.json().value(QLatin1String("connect")).toObject();
        m_clientId = m_connectResult.value(QLatin1String("client")).toString();
        m_serverVersion = m_connectResult.value(QLatin1String("version")).toString();
        m_pingInterval = m_connectResult.value(QLatin1String("ping")).toInt();
        m_pongRequired = m_connectResult.value(QLatin1String("pong")).toBool();
        log(Level::Info, tr("Connected: client %1, server %2, ping every %3 s, pong %4")
                             .arg(m_clientId, m_serverVersion)
                             .arg(m_pingInterval)
                             .arg(m_pongRequired ? tr("required") : tr("not required")));
        after->append([this]() {
            setState(State::Connected);
            emit connected(m_clientId);
        });
    }
    handleExpiry(m);
}

void Session::handleExpiry(const ProtocolMessage &reply)
{
    const QJsonObject result = reply.json().value(Protocol::methodName(reply.method)).toObject();
    if (!result.value(QLatin1String("expires")).toBool())
        return;
    const int ttl = result.value(QLatin1String("ttl")).toInt();
    switch (reply.method) {
    case Method::Connect:
    case Method::Refresh:
        scheduleConnectionRefresh(ttl);
        break;
    case Method::Subscribe:
    case Method::SubRefresh:
        if (!reply.channel.isEmpty())
            scheduleSubscriptionRefresh(reply.channel, ttl);
        break;
    default:
        break;
    }
}

void Session::scheduleConnectionRefresh(int ttlSec)
{
    m_expiresAtMs = m_clock.elapsed() + qint64(ttlSec) * 1000;
    if (!m_tokenProvider) {
        log(Level::Warning, tr("The connection token expires in %1 s and no token source is set for refresh: the "
                               "server will close the connection with 3005 connection expired.")
                                .arg(ttlSec));
        return;
    }
    const int delay = qMax(1, ttlSec - m_refreshMarginSec);
    log(Level::Info, tr("The connection token expires in %1 s; refreshing in %2 s.").arg(ttlSec).arg(delay));
    m_refreshTimer.start(delay * 1000);
}

void Session::scheduleSubscriptionRefresh(const QString &channel, int ttlSec)
{
    if (!m_subTokenProvider) {
        log(Level::Warning, tr("The subscription token of %1 expires in %2 s and no token source is set for "
                               "refresh: the server will unsubscribe with 2501 subscription expired.")
                                .arg(channel)
                                .arg(ttlSec));
        return;
    }
    QTimer *&timer = m_subRefreshTimers[channel];
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, channel]() { refreshSubscriptionToken(channel); });
    }
    const int delay = qMax(1, ttlSec - m_refreshMarginSec);
    log(Level::Info,
        tr("The subscription token of %1 expires in %2 s; refreshing in %3 s.").arg(channel).arg(ttlSec).arg(delay));
    timer->start(delay * 1000);
}

int Session::connectionExpiresInSec() const
{
    if (m_expiresAtMs < 0)
        return -1;
    return int(qMax<qint64>(0, (m_expiresAtMs - m_clock.elapsed()) / 1000));
}

quint32 Session::refreshToken()
{
    const QString token = m_tokenProvider ? m_tokenProvider() : QString();
    if (token.isEmpty()) {
        log(Level::Warning, tr("No new connection token to refresh with."));
        return 0;
    }
    const quint32 id = sendCommand(CommandBuilder::command(0, Method::Refresh, CommandBuilder::refresh(token)));
    if (id)
        emit tokenRefreshSent(QString(), id);
    return id;
}

quint32 Session::refreshSubscriptionToken(const QString &channel)
{
    const QString token = m_subTokenProvider ? m_subTokenProvider(channel) : QString();
    if (token.isEmpty()) {
        log(Level::Warning, tr("No new subscription token for %1.").arg(channel));
        return 0;
    }
    const quint32 id =
        sendCommand(CommandBuilder::command(0, Method::SubRefresh, CommandBuilder::subRefresh(channel, token)));
    if (id)
        emit tokenRefreshSent(channel, id);
    return id;
}

void Session::onSslErrors(const QList<QSslError> &errors)
{
    QStringList words;
    for (const QSslError &e : errors) {
        const QSslCertificate c = e.certificate();
        QString line = e.errorString();
        if (!c.isNull())
            line += tr(" (certificate: subject %1, issuer %2, valid until %3)")
                        .arg(c.subjectDisplayName(), c.issuerDisplayName(), c.expiryDate().toString(Qt::ISODate));
        words.append(line);
        log(m_options.ignoreCertificateErrors ? Level::Warning : Level::Error, tr("TLS: %1").arg(line));
    }
    if (m_options.ignoreCertificateErrors)
        m_socket->ignoreSslErrors();
    emit certificateErrors(words, m_options.ignoreCertificateErrors);
}

void Session::setAutoPong(bool on)
{
    m_options.autoPong = on;
    log(Level::Info, on ? tr("Auto-pong on") : tr("Auto-pong off"));
}

LintContext Session::lintContext() const
{
    LintContext c;
    c.socketOpen = m_state == State::Open || m_state == State::Connected;
    c.connectSent = m_connectSent;
    c.connected = m_state == State::Connected;
    c.connectFailed = m_connectFailed;
    c.format = m_options.format;
    c.pingOutstanding = m_pingOutstanding;
    for (auto it = m_inFlight.constBegin(); it != m_inFlight.constEnd(); ++it)
        c.inFlightIds.insert(it.key());
    return c;
}

quint32 Session::sendConnect()
{
    CommandBuilder::ConnectParams p;
    p.token = m_options.token;
    p.name = m_options.name;
    p.version = m_options.version;
    p.data = m_options.connectData;
    return sendCommand(CommandBuilder::command(0, Method::Connect, CommandBuilder::connect(p)));
}

void Session::sendPong()
{
    ProtocolMessage m;
    m.kind = MessageKind::Pong;
    m.raw = m_codec->encodePong();
    log(Level::Trace, tr("Pong"));
    transmit(m.raw, {m});
}

quint32 Session::sendCommand(QJsonObject command)
{
    return sendCommands({std::move(command)}).value(0);
}

QList<quint32> Session::sendCommands(QList<QJsonObject> commands)
{
    QList<quint32> ids;
    QList<ProtocolMessage> messages;
    for (QJsonObject &c : commands) {
        ProtocolMessage m = JsonCodec::classifyClientObject(c, {});
        if (m.id == 0 && !c.contains(QLatin1String("id")) && Protocol::expectsReply(m.method)) {
            m.id = m_nextId++;
            c.insert(QLatin1String("id"), qint64(m.id));
            m.setJson(c);
        } else if (m.id >= m_nextId) {
            m_nextId = m.id + 1; // keep automatic ids clear of ids the user chose
        }
        ids.append(m.id);
        messages.append(m);
    }
    QString error;
    const QByteArray payload = m_codec->encodeCommands(commands, &error);
    if (payload.isEmpty() && !error.isEmpty()) {
        log(Level::Error, tr("Cannot encode the command: %1").arg(error));
        return {};
    }
    // Each message's own bytes, for the timeline; JSON has one line per command.
    const QList<ProtocolMessage> decoded = m_codec->decodeClientFrame(payload);
    for (qsizetype i = 0; i < messages.size() && i < decoded.size(); ++i)
        messages[i].raw = decoded.at(i).raw;
    transmit(payload, messages);
    return ids;
}

void Session::sendRaw(const QByteArray &payload)
{
    QList<ProtocolMessage> messages = m_codec->decodeClientFrame(payload);
    for (const ProtocolMessage &m : messages) {
        if (m.id >= m_nextId)
            m_nextId = m.id + 1;
    }
    transmit(payload, messages);
}

void Session::transmit(const QByteArray &payload, QList<ProtocolMessage> messages)
{
    if (!m_socket || !(m_state == State::Open || m_state == State::Connected)) {
        log(Level::Warning, tr("Not sent: the connection is not open."));
        return;
    }
    const qint64 now = m_clock.nsecsElapsed();
    for (const ProtocolMessage &m : messages) {
        if (m.kind == MessageKind::Command && m.id != 0) {
            m_inFlight.insert(m.id, now);
            m_inFlightMethod.insert(m.id, m.method);
        }
        if (m.kind == MessageKind::Command && m.method == Method::Connect)
            m_connectSent = true;
        if (m.kind == MessageKind::Command && m.id != 0 && !m.channel.isEmpty() &&
            (m.method == Method::Subscribe || m.method == Method::SubRefresh))
            m_subscribeChannels.insert(m.id, m.channel);
        if (m.kind == MessageKind::Command && m.method == Method::Unsubscribe)
            delete m_subRefreshTimers.take(m.channel);
        if (m.kind == MessageKind::Pong)
            m_pingOutstanding = false;
    }
    if (m_codec->binaryFrames())
        m_socket->sendBinaryMessage(payload);
    else
        m_socket->sendTextMessage(QString::fromUtf8(payload));

    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::Out;
    f.binary = m_codec->binaryFrames();
    f.raw = payload;
    f.messages = std::move(messages);
    // Tokens typed into commands (connect, refresh, subscribe, sub_refresh) are secrets from now on.
    FrameMasker::learnTokens(f, &m_masker);
    logFrame(">", payload, f.binary);
    emit frame(f);
}
