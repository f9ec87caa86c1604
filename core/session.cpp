#include "session.h"

#include "commandbuilder.h"
#include "explainer.h"
#include "framemasker.h"
#include "jsoncodec.h"
#include "sessionframes.h"

#include "transport/transport.h"

#include <QDateTime>
#include <QMetaEnum>

using Protocol::MessageKind;
using Protocol::Method;
using Level = LogEntry::Level;

namespace {

// "connecting" for State::Connecting.
QString stateName(Session::State s)
{
    return QString::fromLatin1(QMetaEnum::fromType<Session::State>().valueToKey(int(s))).toLower();
}

} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
    , m_codec(createWireCodec(Protocol::Format::Json))
    , m_tokens(new TokenRefresher(this))
{
    connect(&m_log, &SessionLog::logged, this, &Session::logged);
    connect(m_tokens, &TokenRefresher::logged, this, &Session::log);
    connect(m_tokens, &TokenRefresher::tokenRefreshSent, this, &Session::tokenRefreshSent);
    connect(&m_watchdog, &ConnectionWatchdog::expired, this, &Session::closeForRule);
    connect(&m_watchdog, &ConnectionWatchdog::pingLate, this, [this](int silentMs) {
        log(Level::Warning, tr("The server's ping is late: nothing from it for %1 ms, its ping interval is %2 s. "
                               "The connection is closed if this goes on.")
                                .arg(silentMs)
                                .arg(m_conn.pingInterval));
        emit pingLate(silentMs);
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
    m_log.log(level, text);
}

void Session::setShowSecrets(bool show)
{
    if (show == m_log.showSecrets())
        return;
    m_log.setShowSecrets(show);
    log(Level::Info,
        show ? tr("Secrets are shown in the log from now on.") : tr("Secrets are masked in the log from now on."));
}

void Session::setState(State state)
{
    if (state == m_state)
        return;
    log(Level::Debug, tr("State: %1 -> %2").arg(stateName(m_state), stateName(state)));
    m_state = state;
    emit stateChanged(state);
}

void Session::open(const SessionOptions &options)
{
    dropTransport();
    m_options = options;
    m_log.masker().addToken(options.token);
    for (const auto &h : options.headers) {
        if (SecretMasker::isSecretHeaderName(QString::fromLatin1(h.first)))
            m_log.masker().addSecret(QString::fromUtf8(h.second));
    }
    if (!Transports::supportsProtobuf(options.transport) && options.format == Protocol::Format::Protobuf) {
        log(Level::Warning, tr("%1 speaks JSON only: using JSON.").arg(Transports::name(options.transport)));
        m_options.format = Protocol::Format::Json;
    }
    m_codec = createWireCodec(m_options.format);
    m_conn = {};
    m_inFlight.clear();
    m_deltas.newConnection();
    m_tokens->reset();
    m_watchdog.stop();
    m_nextId = 1;

    m_transport = Transport::create(m_options.transport, this);
    m_transport->setTrace(logs(Level::Trace), m_log.showSecrets());
    connect(m_transport, &Transport::opened, this, &Session::onTransportOpened);
    connect(m_transport, &Transport::received, this, &Session::handleIncoming);
    connect(m_transport, &Transport::closed, this, &Session::onTransportClosed);
    connect(m_transport, &Transport::logged, this, &Session::log);
    connect(m_transport, &Transport::certificateErrors, this, &Session::certificateErrors);
    connect(m_transport, &Transport::httpExchange, this,
            [this](const HttpExchange &e) { emit frame(SessionFrames::httpExchange(e)); });

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
    m_watchdog.startHandshake(m_options.handshakeTimeoutMs, Transports::usesWebSocket(m_options.transport));
    if (!initial.isEmpty())
        recordOutgoing(initial, messages);
}

void Session::close()
{
    if (!m_transport || m_state == State::Disconnected)
        return;
    log(Level::Info, tr("Closing the connection"));
    m_conn.closedByClient = true;
    m_transport->close(CloseInfo::Rule::UserClose);
}

void Session::closeForRule(CloseInfo::Rule rule, const QString &why)
{
    if (!m_transport || m_state == State::Disconnected)
        return;
    log(Level::Warning, why);
    m_transport->close(rule);
}

void Session::onTransportOpened()
{
    m_watchdog.handshakeDone();
    setState(State::Open);
    // The unidirectional WebSocket takes the connect request as its first message (sendConnect() knows).
    if (m_options.autoConnect && !m_conn.connectSent)
        sendConnect();
}

void Session::onTransportClosed(CloseInfo close)
{
    if (m_conn.closeReported)
        return;
    m_conn.closeReported = true;
    m_watchdog.stop();
    if (close.side == CloseInfo::Side::Server && close.code == 0) {
        // An HTTP stream has no close frame: the disconnect push said why, if the server sent one.
        if (m_conn.disconnectPushCode != 0) {
            close.code = m_conn.disconnectPushCode;
            close.reason = m_conn.disconnectPushReason;
        } else {
            close.side = CloseInfo::Side::Transport;
            close.code = 1006;
            close.reason = tr("the server ended the response without a disconnect push");
        }
    }
    m_lastClose = close;
    m_conn.closeCode = m_lastClose.code;
    m_conn.closeReason = m_lastClose.reason;
    if (m_lastClose.rejectedAFrame()) {
        const Frame rejected = SessionFrames::rejected(m_lastClose);
        log(Level::Warning, rejected.messages.constFirst().text);
        emit frame(rejected);
    }
    const bool quiet = m_lastClose.rule == CloseInfo::Rule::UserClose ||
                       (m_lastClose.side == CloseInfo::Side::Server && m_conn.closeCode == 1000);
    log(quiet ? Level::Info : Level::Warning, Explainer::describeClose(m_lastClose));
    m_inFlight.clear();
    m_conn.pingOutstanding = false;
    m_tokens->reset();
    setState(State::Disconnected);
    emit frame(SessionFrames::closed(m_lastClose));
    emit closed(m_conn.closeCode, m_conn.closeReason);
}

void Session::handleIncoming(const QByteArray &payload, bool binary)
{
    m_watchdog.activity();
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = Protocol::Direction::In;
    f.binary = binary;
    f.raw = payload;
    f.messages = SessionFrames::decodeServer(*m_codec, payload, Transports::isUnidirectional(m_options.transport));
    bool pinged = false;
    // State signals wait until the frame is out, so whatever a listener sends in reaction (subscribes after
    // connected) is recorded after the reply that caused it.
    QList<std::function<void()>> after;
    for (ProtocolMessage &m : f.messages) {
        handleMessage(m, &after);
        pinged = pinged || m.kind == MessageKind::Ping;
    }
    m_log.logFrame("<", payload, binary);
    emit frame(f);
    for (const auto &effect : after)
        effect();

    if (pinged) {
        if (m_options.autoPong && m_conn.pongRequired)
            sendPong();
        else if (m_conn.pongRequired)
            log(Level::Warning, tr("Server ping not answered (auto-pong is off): the server closes the connection "
                                   "with 3012 no pong after its pong timeout."));
    }
}

void Session::handleMessage(ProtocolMessage &m, QList<std::function<void()>> *after)
{
    switch (m.kind) {
    case MessageKind::Ping:
        m_conn.pingOutstanding = true;
        log(Level::Trace, tr("Server ping"));
        return;
    case MessageKind::Reply:
    case MessageKind::Error: {
        m_inFlight.answered(&m);
        DeltaTracker::Publication unused;
        m_deltas.handle(m, &unused);
        for (const DeltaTracker::Publication &p : m_deltas.recovered())
            reportDelta(p);
        break;
    }
    case MessageKind::Invalid:
        log(Level::Warning, tr("Could not decode a server message: %1").arg(m.text));
        return;
    case MessageKind::Push:
        if (m.push == Protocol::PushType::Unsubscribe)
            m_tokens->forget(m.channel);
        if (DeltaTracker::Publication p; m_deltas.handle(m, &p))
            reportDelta(p);
        if (m.push == Protocol::PushType::Disconnect) {
            m_conn.disconnectPushCode = m.code;
            m_conn.disconnectPushReason = m.text;
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
            m_conn.connectFailed = true;
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
    m_conn.connectResult = result;
    m_conn.clientId = m_conn.connectResult.value(QLatin1String("client")).toString();
    m_conn.serverVersion = m_conn.connectResult.value(QLatin1String("version")).toString();
    m_conn.pingInterval = m_conn.connectResult.value(QLatin1String("ping")).toInt();
    m_conn.pongRequired = m_conn.connectResult.value(QLatin1String("pong")).toBool();
    m_watchdog.connectReplied(m_conn.pingInterval, m_options.pingToleranceMs);
    if (Transports::isEmulation(m_options.transport))
        m_transport->setEmulationSession(m_conn.connectResult.value(QLatin1String("session")).toString(),
                                         m_conn.connectResult.value(QLatin1String("node")).toString());
    log(Level::Info, tr("Connected: client %1, server %2, ping every %3 s, pong %4")
                         .arg(m_conn.clientId, m_conn.serverVersion)
                         .arg(m_conn.pingInterval)
                         .arg(m_conn.pongRequired ? tr("required") : tr("not required")));
    after->append([this]() {
        setState(State::Connected);
        emit connected(m_conn.clientId);
    });
}

void Session::reportDelta(const DeltaTracker::Publication &p)
{
    if (!p.error.isEmpty() || p.delta)
        log(p.error.isEmpty() ? Level::Info : Level::Error, p.words());
    emit deltaPublication(p);
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
    c.connectSent = m_conn.connectSent;
    c.connected = m_state == State::Connected;
    c.connectFailed = m_conn.connectFailed;
    c.format = m_options.format;
    c.pingOutstanding = m_conn.pingOutstanding;
    for (quint32 id : m_inFlight.ids())
        c.inFlightIds.insert(id);
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
    messages->append(SessionFrames::connectRequest(CommandBuilder::connect(connectParams())));
    return messages->constLast().raw;
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
    for (const ProtocolMessage &m : messages) {
        m_inFlight.sent(m);
        if (m.kind == MessageKind::Command && m.method == Method::Connect) {
            m_conn.connectSent = true;
            m_watchdog.startConnectReply(m_options.connectTimeoutMs);
        }
        if (m.kind == MessageKind::Command && m.method == Method::Unsubscribe) {
            m_tokens->forget(m.channel);
            m_deltas.forget(m.channel);
        }
        if (m.kind == MessageKind::Pong)
            m_conn.pingOutstanding = false;
    }
    Frame f = SessionFrames::outgoing(payload, m_codec->binaryFrames(), std::move(messages));
    // Tokens typed into commands (connect, refresh, subscribe, sub_refresh) are secrets from now on.
    FrameMasker::learnTokens(f, &m_log.masker());
    m_log.logFrame(">", payload, f.binary);
    emit frame(f);
}

QString Session::maskCommandText(const QString &text, const QString &command)
{
    Frame f;
    f.direction = Protocol::Direction::Out;
    f.raw = command.toUtf8();
    f.messages = m_codec->decodeClientFrame(f.raw);
    FrameMasker::learnTokens(f, &m_log.masker());
    return m_log.masked(text);
}
