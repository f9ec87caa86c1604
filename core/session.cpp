#include "session.h"

#include "commandbuilder.h"
#include "explainer.h"
#include "framemasker.h"
#include "jsoncodec.h"
#include "logging.h"

#include "transport/transport.h"

#include <QDateTime>
#include <QJsonDocument>

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
    connect(&m_watchdog, &ConnectionWatchdog::handshakeTimedOut, this, [this](int ms) {
        closeForRule(CloseInfo::Rule::HandshakeTimeout,
                     Transports::usesWebSocket(m_options.transport)
                         ? tr("The server accepted the TCP connection but did not answer the WebSocket handshake "
                              "within %1 ms: giving up.")
                               .arg(ms)
                         : tr("The server did not start the %1 response within %2 ms: giving up.")
                               .arg(Transports::name(m_options.transport))
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
    dropTransport();
}

void Session::dropTransport()
{
    if (!m_transport)
        return;
    m_transport->disconnect(this);
    m_transport->abort();
    m_transport->deleteLater();
    m_transport = nullptr;
}

qint64 Session::readBufferSize() const
{
    return m_transport ? m_transport->readBufferSize() : 0;
}

const SocketReader::Stats &Session::readStats() const
{
    static const SocketReader::Stats none;
    return m_transport ? m_transport->readStats() : none;
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
    m_disconnectPushCode = 0;
    m_disconnectPushReason.clear();
}

void Session::open(const SessionOptions &options)
{
    dropTransport();
    m_options = options;
    m_masker.addToken(options.token);
    for (const auto &h : options.headers) {
        if (SecretMasker::isSecretHeaderName(QString::fromLatin1(h.first)))
            m_masker.addSecret(QString::fromUtf8(h.second));
    }
    if (Transports::isUnidirectional(options.transport) && options.format == Protocol::Format::Protobuf) {
        log(Level::Warning, tr("%1 speaks JSON only: using JSON.").arg(Transports::name(options.transport)));
        m_options.format = Protocol::Format::Json;
    }
    m_codec = createWireCodec(m_options.format);
    resetConnectionState();
    m_nextId = 1;

    m_transport = Transport::create(m_options.transport, this);
    m_transport->setTrace(logs(Level::Trace), m_showSecrets);
    connect(m_transport, &Transport::opened, this, &Session::onTransportOpened);
    connect(m_transport, &Transport::received, this, &Session::handleIncoming);
    connect(m_transport, &Transport::closed, this, &Session::onTransportClosed);
    connect(m_transport, &Transport::logged, this, &Session::log);
    connect(m_transport, &Transport::certificateErrors, this, &Session::certificateErrors);

    setState(State::Connecting);
    log(Level::Info, tr("Opening %1 (%2, %3)")
                         .arg(m_options.url.toString(QUrl::RemovePassword), Transports::name(m_options.transport),
                              QString(Protocol::formatName(m_options.format))));
    // HTTP-streaming and SSE carry the connect command in the opening request, the unidirectional HTTP
    // transports the bare connect request: there is no open connection to send it on later.
    QByteArray initial;
    QList<ProtocolMessage> messages;
    if (Transports::isEmulation(m_options.transport)) {
        if (!m_options.autoConnect)
            log(Level::Info, tr("%1 cannot open without connect: sending it in the opening request.")
                                 .arg(Transports::name(m_options.transport)));
        QList<QJsonObject> commands{
            CommandBuilder::command(0, Method::Connect, CommandBuilder::connect(connectParams()))};
        QList<quint32> ids;
        initial = encodeCommands(&commands, &messages, &ids);
    } else if (!Transports::usesWebSocket(m_options.transport)) {
        initial = connectRequest(&messages);
    }
    m_transport->open(m_options, initial);
    m_watchdog.startHandshake(m_options.handshakeTimeoutMs);
    if (!initial.isEmpty())
        recordOutgoing(initial, messages);
}

void Session::close()
{
    if (!m_transport || m_state == State::Disconnected)
        return;
    log(Level::Info, tr("Closing the connection"));
    m_closedByClient = true;
    m_transport->close(CloseInfo::Rule::UserClose);
}

void Session::closeForRule(CloseInfo::Rule rule, const QString &why)
{
    if (!m_transport || m_state == State::Disconnected)
        return;
    log(Level::Warning, why);
    m_transport->close(rule);
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

void Session::onTransportOpened()
{
    m_watchdog.handshakeDone();
    setState(State::Open);
    if (!m_options.autoConnect || m_connectSent)
        return;
    if (m_options.transport == TransportKind::UniWebSocket) {
        // The unidirectional WebSocket takes the connect request as its first message.
        QList<ProtocolMessage> messages;
        transmit(connectRequest(&messages), messages);
        return;
    }
    sendConnect();
}

void Session::onTransportClosed(CloseInfo close)
{
    if (m_closeReported)
        return;
    m_closeReported = true;
    m_watchdog.stop();
    if (close.side == CloseInfo::Side::Server && close.code == 0) {
        // An HTTP stream has no close frame: the disconnect push said why, if the server sent one.
        if (m_disconnectPushCode != 0) {
            close.code = m_disconnectPushCode;
            close.reason = m_disconnectPushReason;
        } else {
            close.side = CloseInfo::Side::Transport;
            close.code = 1006;
            close.reason = tr("the server ended the response without a disconnect push");
        }
    }
    m_lastClose = close;
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

    const bool quiet = m_lastClose.rule == CloseInfo::Rule::UserClose ||
                       (m_lastClose.side == CloseInfo::Side::Server && m_closeCode == 1000);
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

QList<ProtocolMessage> Session::decodeIncoming(const QByteArray &payload) const
{
    if (!Transports::isUnidirectional(m_options.transport) || payload.trimmed() == "{}")
        return m_codec->decodeServerFrame(payload);
    // Unidirectional transports send bare pushes; wrapped as the bidirectional ones, they decode and show alike
    // (the frame keeps the bytes as received).
    return m_codec->decodeServerFrame(QByteArrayLiteral("{\"push\":") + payload + '}');
}

void Session::handleIncoming(const QByteArray &payload, bool binary)
{
    m_watchdog.activity();
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::In;
    f.binary = binary;
    f.raw = payload;
    f.messages = decodeIncoming(payload);
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
        if (m.push == Protocol::PushType::Disconnect) {
            m_disconnectPushCode = m.code;
            m_disconnectPushReason = m.text;
        }
        if (m.push == Protocol::PushType::Connect && m.id == 0) {
            // The unidirectional transports answer connect with a connect push.
            const QJsonObject json = m.json();
            const QJsonObject push =
                json.contains(QLatin1String("push")) ? json.value(QLatin1String("push")).toObject() : json;
            onConnectResult(push.value(QLatin1String("connect")).toObject(), after);
        }
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
    if (m.method == Method::Connect)
        onConnectResult(m.json().value(QLatin1String("connect")).toObject(), after);
    m_tokens->handleReply(m);
}

void Session::onConnectResult(const QJsonObject &result, QList<std::function<void()>> *after)
{
    m_connectResult = result;
    m_clientId = m_connectResult.value(QLatin1String("client")).toString();
    m_serverVersion = m_connectResult.value(QLatin1String("version")).toString();
    m_pingInterval = m_connectResult.value(QLatin1String("ping")).toInt();
    m_pongRequired = m_connectResult.value(QLatin1String("pong")).toBool();
    m_watchdog.connectReplied(m_pingInterval, m_options.pingToleranceMs);
    if (Transports::isEmulation(m_options.transport))
        m_transport->setEmulationSession(m_connectResult.value(QLatin1String("session")).toString(),
                                         m_connectResult.value(QLatin1String("node")).toString());
    log(Level::Info, tr("Connected: client %1, server %2, ping every %3 s, pong %4")
                         .arg(m_clientId, m_serverVersion)
                         .arg(m_pingInterval)
                         .arg(m_pongRequired ? tr("required") : tr("not required")));
    after->append([this]() {
        setState(State::Connected);
        emit connected(m_clientId);
    });
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
    if (Transports::isUnidirectional(m_options.transport)) {
        QList<ProtocolMessage> messages;
        transmit(connectRequest(&messages), messages);
        return 0;
    }
    return sendCommand(CommandBuilder::command(0, Method::Connect, CommandBuilder::connect(connectParams())));
}

CommandBuilder::ConnectParams Session::connectParams() const
{
    CommandBuilder::ConnectParams p;
    p.token = m_options.token;
    p.name = m_options.name;
    p.version = m_options.version;
    p.data = m_options.connectData;
    return p;
}

QByteArray Session::connectRequest(QList<ProtocolMessage> *messages) const
{
    const QJsonObject request = CommandBuilder::connect(connectParams());
    ProtocolMessage m;
    m.kind = MessageKind::Command;
    m.method = Method::Connect;
    m.raw = QJsonDocument(request).toJson(QJsonDocument::Compact);
    m.setJson(QJsonObject{{QLatin1String("connect"), request}});
    messages->append(m);
    return m.raw;
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
    const QByteArray payload = encodeCommands(&commands, &messages, &ids);
    if (payload.isEmpty())
        return {};
    transmit(payload, messages);
    return ids;
}

QByteArray Session::encodeCommands(QList<QJsonObject> *commands, QList<ProtocolMessage> *messages, QList<quint32> *ids)
{
    for (QJsonObject &c : *commands) {
        ProtocolMessage m = JsonCodec::classifyClientObject(c, {});
        if (m.id == 0 && !c.contains(QLatin1String("id")) && Protocol::expectsReply(m.method)) {
            m.id = m_nextId++;
            c.insert(QLatin1String("id"), qint64(m.id));
            m.setJson(c);
        } else if (m.id >= m_nextId) {
            m_nextId = m.id + 1; // keep automatic ids clear of ids the user chose
        }
        ids->append(m.id);
        messages->append(m);
    }
    QString error;
    const QByteArray payload = m_codec->encodeCommands(*commands, &error);
    if (payload.isEmpty() && !error.isEmpty()) {
        log(Level::Error, tr("Cannot encode the command: %1").arg(error));
        return {};
    }
    // Each message's own bytes, for the timeline; JSON has one line per command.
    const QList<ProtocolMessage> decoded = m_codec->decodeClientFrame(payload);
    for (qsizetype i = 0; i < messages->size() && i < decoded.size(); ++i)
        (*messages)[i].raw = decoded.at(i).raw;
    return payload;
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
    if (!m_transport || !(m_state == State::Open || m_state == State::Connected)) {
        log(Level::Warning, tr("Not sent: the connection is not open."));
        return;
    }
    if (!m_transport->canSend()) {
        log(Level::Warning, tr("Not sent: %1 is unidirectional, the server takes nothing after the connect request.")
                                .arg(Transports::name(m_options.transport)));
        return;
    }
    m_transport->send(payload, m_codec->binaryFrames());
    recordOutgoing(payload, std::move(messages));
}

void Session::recordOutgoing(const QByteArray &payload, QList<ProtocolMessage> messages)
{
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
