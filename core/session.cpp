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
    , m_tokens(new TokenRefresher(this))
{
    m_clock.start();
    connect(m_tokens, &TokenRefresher::logged, this, &Session::log);
    connect(m_tokens, &TokenRefresher::tokenRefreshSent, this, &Session::tokenRefreshSent);
    connect(&m_reader, &SocketReader::bufferGrown, this, [this](qint64 from, qint64 to) {
        log(Level::Trace, QStringLiteral("Read buffer %1 -> %2 bytes for a large frame").arg(from).arg(to));
    });
    connect(&m_watchdog, &ConnectionWatchdog::handshakeTimedOut, this, [this](int ms) {
        closeForRule(CloseInfo::Rule::HandshakeTimeout,
                     tr("The server accepted the TCP connection but did not answer the WebSocket handshake within "
                        "%1 ms: giving up.")
                         .arg(ms));
    });
    connect(&m_watchdog, &ConnectionWatchdog::connectReplyTimedOut, this, [this](int ms) {
        closeForRule(CloseInfo::Rule::ConnectReplyTimeout,
                     tr("No reply to connect within %1 ms: closing the connection.").arg(ms));
    });
    connect(&m_watchdog, &ConnectionWatchdog::pingLate, this, [this](int silentMs) {
        log(Level::Warning, tr("The server's ping is late: nothing from it for %1 ms, its ping interval is %2 s. "
                               "The connection is closed if this goes on.")
                                .arg(silentMs)
                                .arg(m_pingInterval));
        emit pingLate(silentMs);
    });
    connect(&m_watchdog, &ConnectionWatchdog::pingSilent, this, [this](int silentMs) {
        closeForRule(CloseInfo::Rule::PingSilence,
                     tr("No ping from the server for %1 ms (interval %2 s plus tolerance): the connection is "
                        "considered dead and closed, as the official SDKs do.")
                         .arg(silentMs)
                         .arg(m_pingInterval));
    });
}

Session::~Session()
{
    m_reader.detach();
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
    m_tokens->reset();
    m_watchdog.stop();
    m_subscribeChannels.clear();
    m_closeCode = 0;
    m_closeReason.clear();
    m_closeRule = CloseInfo::Rule::None;
    m_closeRuleText.clear();
    m_closeFrameSent = false;
    m_hasSocketError = false;
    m_socketError = QAbstractSocket::UnknownSocketError;
    m_certificateRejected = false;
}

void Session::open(const SessionOptions &options)
{
    m_reader.detach();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
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
    connect(m_socket, &QWebSocket::aboutToClose, this, &Session::onAboutToClose);

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
    m_reader.attach(m_socket);
    m_watchdog.startHandshake(options.handshakeTimeoutMs);
}

void Session::close()
{
    if (!m_socket || m_state == State::Disconnected)
        return;
    log(Level::Info, tr("Closing the connection"));
    m_closedByClient = true;
    if (m_closeRule == CloseInfo::Rule::None)
        m_closeRule = CloseInfo::Rule::UserClose;
    m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("client closed"));
}

void Session::closeForRule(CloseInfo::Rule rule, const QString &why)
{
    if (!m_socket || m_state == State::Disconnected)
        return;
    log(Level::Warning, why);
    m_closeRule = rule;
    m_closeRuleText = why;
    if (m_state == State::Connecting) {
        // No WebSocket yet, so no close frame to send: drop the TCP connection.
        m_socket->abort();
        return;
    }
    // The reason tells the server's log why (Centrifugo logs it); 1000 because nothing was wrong on the wire.
    m_socket->close(QWebSocketProtocol::CloseCodeNormal, QString::fromLatin1(CloseInfo::ruleName(rule)));
}

void Session::onAboutToClose()
{
    // QWebSocket announces its close frame (its own, or the echo of the server's) before the TCP socket goes; the
    // TCP socket announces its own close too, but only after an error when the network went first.
    if (!m_hasSocketError && (m_state == State::Open || m_state == State::Connected))
        m_closeFrameSent = true;
}

CloseInfo Session::attributeClose() const
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
    const bool ourRule = m_closeRule != CloseInfo::Rule::None;
    if (m_state == State::Connecting || !m_closeFrameSent) {
        // No close frame either way (1006): the handshake never completed, or the connection was lost.
        c.code = QWebSocketProtocol::CloseCodeAbnormalDisconnection;
        c.side = ourRule ? CloseInfo::Side::Client : CloseInfo::Side::Transport;
        c.rule = m_closeRule;
        c.reason = ourRule && !m_hasSocketError ? QString::fromLatin1(CloseInfo::ruleName(m_closeRule))
                                                : m_socket->errorString();
        return c;
    }
    c.code = int(m_socket->closeCode());
    c.reason = m_socket->closeReason();
    if (ourRule) {
        c.side = CloseInfo::Side::Client;
        c.rule = m_closeRule;
        return c;
    }
    c.rule = CloseInfo::ruleOfQtReason(c.reason);
    c.side = c.rule == CloseInfo::Rule::None ? CloseInfo::Side::Server : CloseInfo::Side::Client;
    return c;
}

void Session::emitRejectedFrame(const CloseInfo &close)
{
    // QWebSocket drops a frame it rejects and closes: the frame's bytes are gone, but not the fact.
    ProtocolMessage m;
    m.kind = MessageKind::Invalid;
    m.text = tr("A frame from the server was rejected by the WebSocket layer (bytes not available): %1 (%2).")
                 .arg(CloseInfo::ruleWords(close.rule), close.reason);
    m.raw = m.text.toUtf8();
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::In;
    f.rejected = true;
    f.raw = m.raw;
    f.messages.append(m);
    log(Level::Warning, m.text);
    emit frame(f);
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
    m_watchdog.handshakeDone();
    setState(State::Open);
    if (m_options.autoConnect)
        sendConnect();
}

void Session::onSocketDisconnected()
{
    if (m_closeReported || !m_socket)
        return;
    m_closeReported = true;
    m_watchdog.stop();
    m_reader.detach();
    m_lastClose = attributeClose();
    m_closeCode = m_lastClose.code;
    m_closeReason = m_lastClose.reason;
    if (m_lastClose.rejectedAFrame())
        emitRejectedFrame(m_lastClose);

    ProtocolMessage m;
    m.kind = MessageKind::Disconnect;
    m.code = m_closeCode;
    m.text = m_closeReason;
    m.raw = m_closeReason.toUtf8();
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::In;
    f.close = true;
    f.closedBy = m_lastClose.side;
    f.raw = m.raw;
    f.messages.append(m);

    const bool quiet =
        m_lastClose.rule == CloseInfo::Rule::UserClose ||
        (m_lastClose.side == CloseInfo::Side::Server && m_closeCode == QWebSocketProtocol::CloseCodeNormal);
    log(quiet ? Level::Info : Level::Warning, Explainer::describeClose(m_lastClose));
    m_inFlight.clear();
    m_inFlightMethod.clear();
    m_subscribeChannels.clear();
    m_pingOutstanding = false;
    m_tokens->reset();
    setState(State::Disconnected);
    emit frame(f);
    emit closed(m_closeCode, m_closeReason);
}

void Session::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_hasSocketError) {
        m_hasSocketError = true;
        m_socketError = error;
    }
    if (m_state == State::Connecting && m_socket) {
        // QWebSocket reports a refused upgrade (e.g. HTTP 200 instead of 101) but keeps the TCP connection:
        // nothing more can come of it. Dropped on the next turn, outside QWebSocket's own handler.
        QMetaObject::invokeMethod(
            this,
            [this, socket = QPointer<QWebSocket>(m_socket)] {
                if (socket && socket == m_socket && m_state == State::Connecting)
                    m_socket->abort();
            },
            Qt::QueuedConnection);
    }
    log(Level::Error, tr("Socket error %1: %2").arg(int(error)).arg(m_socket ? m_socket->errorString() : QString()));
}

void Session::onPong(quint64 elapsedTime, const QByteArray &payload)
{
    log(Level::Trace,
        QStringLiteral("WebSocket pong frame after %1 ms (%2 bytes)").arg(elapsedTime).arg(payload.size()));
}

void Session::onTextMessage(const QString &message)
{
    const QByteArray payload = message.toUtf8();
    m_reader.noteFrame(payload.size());
    handleIncoming(payload, false);
}

void Session::onBinaryMessage(const QByteArray &message)
{
    m_reader.noteFrame(message.size());
    handleIncoming(message, true);
}

void Session::handleIncoming(const QByteArray &payload, bool binary)
{
    m_watchdog.activity();
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
            m_tokens->forget(m.channel);
        return;
    default:
        return;
    }

    if (m.kind == MessageKind::Error) {
        log(Level::Warning, Explainer::describe(m));
        if (m.method == Method::Connect) {
            m_connectFailed = true;
            m_watchdog.connectReplied(0, 0);
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
        m_watchdog.connectReplied(m_pingInterval, m_options.pingToleranceMs);
        log(Level::Info, tr("Connected: client %1, server %2, ping every %3 s, pong %4")
                             .arg(m_clientId, m_serverVersion)
                             .arg(m_pingInterval)
                             .arg(m_pongRequired ? tr("required") : tr("not required")));
        after->append([this]() {
            setState(State::Connected);
            emit connected(m_clientId);
        });
    }
    m_tokens->handleReply(m);
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
    m_certificateRejected = !m_options.ignoreCertificateErrors;
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
        if (m.kind == MessageKind::Command && m.method == Method::Connect) {
            m_connectSent = true;
            m_watchdog.startConnectReply(m_options.connectTimeoutMs);
        }
        if (m.kind == MessageKind::Command && m.id != 0 && !m.channel.isEmpty() &&
            (m.method == Method::Subscribe || m.method == Method::SubRefresh))
            m_subscribeChannels.insert(m.id, m.channel);
        if (m.kind == MessageKind::Command && m.method == Method::Unsubscribe)
            m_tokens->forget(m.channel);
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

QString Session::maskCommandText(const QString &text, const QString &command)
{
    Frame f;
    f.direction = Protocol::Direction::Out;
    f.raw = command.toUtf8();
    f.messages = m_codec->decodeClientFrame(f.raw);
    FrameMasker::learnTokens(f, &m_masker);
    return m_showSecrets ? text : m_masker.mask(text);
}
