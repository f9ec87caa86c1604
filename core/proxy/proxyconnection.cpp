#include "proxyconnection.h"

#include "explainer.h"
#include "linter.h"
#include "logging.h"

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

using Protocol::Direction;
using Protocol::MessageKind;

namespace {

const QString kProtobufSubprotocol = QStringLiteral("centrifuge-protobuf");

// Headers of the application's handshake that belong to its own WebSocket connection, not to the upstream one.
bool isHopHeader(const QByteArray &name)
{
    static const QList<QByteArray> names = {"host",
                                            "upgrade",
                                            "connection",
                                            "origin",
                                            "content-length",
                                            "sec-websocket-key",
                                            "sec-websocket-version",
                                            "sec-websocket-protocol",
                                            "sec-websocket-extensions",
                                            "sec-websocket-accept"};
    return names.contains(name.toLower());
}

// A close reason fits in a control frame: at most 123 bytes of UTF-8, cut between characters.
QString fitCloseReason(QString reason)
{
    while (reason.toUtf8().size() > 123)
        reason.chop(1);
    return reason;
}

} // namespace

ProxyConnection::ProxyConnection(int id, QWebSocket *app, const ProxyOptions &options, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_options(options)
    , m_app(app)
{
    m_clock.start();
    app->setParent(this);
    m_peer = QStringLiteral("%1:%2").arg(app->peerAddress().toString()).arg(app->peerPort());
    m_format = app->subprotocol() == kProtobufSubprotocol ? Protocol::Format::Protobuf : Protocol::Format::Json;
    m_codec = createWireCodec(m_format);

    connect(app, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QByteArray payload = text.toUtf8();
        m_appReader.noteFrame(payload.size());
        onAppFrame(payload, false);
    });
    connect(app, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &payload) {
        m_appReader.noteFrame(payload.size());
        onAppFrame(payload, true);
    });
    connect(app, &QWebSocket::aboutToClose, this, [this] {
        if (m_app && m_app->error() == QAbstractSocket::UnknownSocketError)
            m_appCloseFrame = true;
    });
    connect(app, &QWebSocket::disconnected, this, &ProxyConnection::onAppDisconnected);
    m_appReader.attach(app);

    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        m_upstreamFailure =
            tr("no answer to the upstream handshake within %1 ms").arg(m_options.upstream.handshakeTimeoutMs);
        if (m_upstream)
            m_upstream->abort();
    });
    m_delayTimer.setSingleShot(true);
    connect(&m_delayTimer, &QTimer::timeout, this, &ProxyConnection::releaseDue);

    for (const QByteArray &name : app->request().rawHeaderList()) {
        if (!isHopHeader(name))
            m_headers.append({name, app->request().rawHeader(name)});
    }
    m_headers.append(m_options.upstream.headers);
    for (const auto &h : std::as_const(m_headers)) {
        if (SecretMasker::isSecretHeader(QString::fromLatin1(h.first), QString::fromUtf8(h.second)))
            m_masker.addSecret(QString::fromUtf8(h.second));
    }
}

ProxyConnection::~ProxyConnection()
{
    m_appReader.detach();
    m_upstreamReader.detach();
}

void ProxyConnection::start()
{
    QUrl url = m_options.upstream.url;
    // SDKs may put parameters in the query (e.g. the protocol version): they are the server's to read.
    const QString appQuery = m_app->requestUrl().query(QUrl::FullyEncoded);
    if (!appQuery.isEmpty() && !url.hasQuery())
        url.setQuery(appQuery, QUrl::StrictMode);

    m_upstream = new QWebSocket(m_app->origin(), QWebSocketProtocol::VersionLatest, this);
    connect(m_upstream, &QWebSocket::connected, this, &ProxyConnection::onUpstreamConnected);
    connect(m_upstream, &QWebSocket::disconnected, this, &ProxyConnection::onUpstreamDisconnected);
    connect(m_upstream, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QByteArray payload = text.toUtf8();
        m_upstreamReader.noteFrame(payload.size());
        onServerFrame(payload, false);
    });
    connect(m_upstream, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &payload) {
        m_upstreamReader.noteFrame(payload.size());
        onServerFrame(payload, true);
    });
    connect(m_upstream, &QWebSocket::aboutToClose, this, [this] {
        if (m_upstream && m_upstream->error() == QAbstractSocket::UnknownSocketError && m_upstreamOpened)
            m_upstreamCloseFrame = true;
    });
    connect(m_upstream, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_upstream && !m_upstreamOpened) {
                    // A refused upgrade leaves the TCP connection open: nothing more can come of it.
                    QMetaObject::invokeMethod(
                        this,
                        [this] {
                            if (m_upstream && !m_upstreamOpened)
                                m_upstream->abort();
                        },
                        Qt::QueuedConnection);
                }
            });
    connect(m_upstream, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            say(LogEntry::Level::Warning, tr("Upstream TLS: %1").arg(e.errorString()));
        if (m_options.upstream.ignoreCertificateErrors && m_upstream)
            m_upstream->ignoreSslErrors();
    });

    if (url.scheme() == QLatin1String("wss")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_options.upstream.caCertificatesFile.isEmpty())
            tls.addCaCertificates(QSslCertificate::fromPath(m_options.upstream.caCertificatesFile, QSsl::Pem));
        m_upstream->setSslConfiguration(tls);
    }

    QNetworkRequest request(url);
    for (const auto &h : std::as_const(m_headers))
        request.setRawHeader(h.first, h.second);
    QWebSocketHandshakeOptions handshake;
    if (!m_app->subprotocol().isEmpty())
        handshake.setSubprotocols({m_app->subprotocol()});

    QStringList shown;
    for (const auto &h : std::as_const(m_headers)) {
        const bool hide = SecretMasker::isSecretHeader(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
        shown << QStringLiteral("%1: %2").arg(QString::fromLatin1(h.first),
                                              hide ? QString(SecretMasker::secretMask()) : QString::fromUtf8(h.second));
    }
    say(LogEntry::Level::Info, tr("Application %1 connected (%2); opening %3 with headers [%4]")
                                   .arg(m_peer, QString(Protocol::formatName(m_format)),
                                        url.toString(QUrl::RemovePassword), shown.join(QStringLiteral("; "))));
    m_upstream->open(request, handshake);
    m_upstreamReader.attach(m_upstream);
    if (m_options.upstream.handshakeTimeoutMs > 0)
        m_handshakeTimer.start(m_options.upstream.handshakeTimeoutMs);
}

void ProxyConnection::onUpstreamConnected()
{
    m_handshakeTimer.stop();
    m_upstreamOpened = true;
    if (m_appGone) {
        // The application left during the handshake: nothing to forward to it, so the server gets its close.
        m_proxyClosesUpstream = true;
        m_upstream->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("application left"));
        return;
    }
    setState(State::Open);
    const auto waiting = std::exchange(m_waitingForUpstream, {});
    for (const auto &w : waiting)
        forward(true, w.first, w.second);
}

Frame ProxyConnection::newFrame(Direction direction, bool binary, const QByteArray &payload) const
{
    Frame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.direction = direction;
    f.binary = binary;
    f.raw = payload;
    f.conn = m_id;
    return f;
}

void ProxyConnection::onAppFrame(const QByteArray &payload, bool binary)
{
    ++m_stats.framesFromApp;
    Frame f = newFrame(Direction::Out, binary, payload);
    f.messages = m_codec->decodeClientFrame(payload);
    for (const ProtocolMessage &m : std::as_const(f.messages))
        m_inFlight.sent(m);
    lint(f);
    m_learner.observe(f);

    Frame held;
    if (m_holdPongs)
        held = takeMessages(&f, Frame::Injected::Hold,
                            [](const ProtocolMessage &m) { return m.kind == MessageKind::Pong; });
    if (!f.messages.isEmpty() || held.messages.isEmpty()) {
        if (m_delayMs > 0)
            f.injected = Frame::Injected::Delay;
        if (m_appGone || m_upstreamGone)
            ++m_stats.undelivered;
        else if (!m_upstreamOpened)
            m_waitingForUpstream.append({f.raw, binary});
        else
            forward(true, f.raw, binary);
        emit frame(f);
    }
    if (!held.messages.isEmpty()) {
        m_stats.heldMessages += held.messages.size();
        say(LogEntry::Level::Info, tr("Held back the application's pong (fault injection)."));
        emit frame(held);
    }
}

void ProxyConnection::onServerFrame(const QByteArray &payload, bool binary)
{
    ++m_stats.framesFromServer;
    Frame f = newFrame(Direction::In, binary, payload);
    f.messages = m_codec->decodeServerFrame(payload);
    for (ProtocolMessage &m : f.messages)
        correlate(m);
    m_learner.observe(f);

    QList<Frame> kept;
    if (!m_dropPublications.isEmpty()) {
        kept << takeMessages(&f, Frame::Injected::Drop, [this](const ProtocolMessage &m) {
            if (m.kind != MessageKind::Push || m.push != Protocol::PushType::Pub)
                return false;
            const auto it = m_dropPublications.find(m.channel);
            if (it == m_dropPublications.end())
                return false;
            if (--it.value() <= 0)
                m_dropPublications.erase(it);
            return true;
        });
        m_stats.droppedMessages += kept.last().messages.size();
        if (!kept.last().messages.isEmpty())
            say(LogEntry::Level::Info, tr("Dropped %n publication(s) on purpose (fault injection).", nullptr,
                                          int(kept.last().messages.size())));
    }
    if (m_holdPings) {
        kept << takeMessages(&f, Frame::Injected::Hold,
                             [](const ProtocolMessage &m) { return m.kind == MessageKind::Ping; });
        m_stats.heldMessages += kept.last().messages.size();
        if (!kept.last().messages.isEmpty())
            say(LogEntry::Level::Info, tr("Held back the server's ping (fault injection)."));
    }
    bool anyKept = false;
    for (const Frame &k : std::as_const(kept))
        anyKept = anyKept || !k.messages.isEmpty();
    if (!f.messages.isEmpty() || !anyKept) {
        if (m_delayMs > 0)
            f.injected = Frame::Injected::Delay;
        if (m_appGone)
            ++m_stats.undelivered;
        else
            forward(false, f.raw, binary);
        emit frame(f);
    }
    for (const Frame &k : std::as_const(kept)) {
        if (!k.messages.isEmpty())
            emit frame(k);
    }
}

void ProxyConnection::correlate(ProtocolMessage &m)
{
    if (m.kind != MessageKind::Reply && m.kind != MessageKind::Error)
        return;
    m_inFlight.answered(&m);
    if (m.kind == MessageKind::Reply && m.method == Protocol::Method::Connect) {
        const QString client =
            m.json().value(QLatin1String("connect")).toObject().value(QLatin1String("client")).toString();
        if (!client.isEmpty() && client != m_clientId) {
            m_clientId = client;
            say(LogEntry::Level::Info, tr("Connected as client %1").arg(client));
            emit clientIdChanged(client);
        }
    }
}

void ProxyConnection::lint(const Frame &f)
{
    // The linter reads JSON the way the server does; Protobuf commands are decoded but not linted.
    if (m_format != Protocol::Format::Json || f.binary)
        return;
    LintContext context;
    context.format = m_format;
    m_learner.apply(&context, true);
    context.socketOpen = true;
    const LintReport report = Linter::lintFrame(f.raw, context);
    if (report.findings.isEmpty())
        return;
    for (const LintFinding &finding : report.findings) {
        if (finding.severity == LintFinding::Severity::Info)
            continue;
        ++m_stats.lintFindings;
        say(LogEntry::Level::Warning,
            tr("Linter on the application's command: [%1] %2").arg(finding.code, finding.message));
    }
    emit linted(f, report);
}

Frame ProxyConnection::takeMessages(Frame *f, Frame::Injected injected,
                                    const std::function<bool(const ProtocolMessage &)> &take)
{
    Frame taken = newFrame(f->direction, f->binary, {});
    taken.injected = injected;
    taken.timeMs = f->timeMs;
    QList<ProtocolMessage> rest;
    for (const ProtocolMessage &m : std::as_const(f->messages)) {
        if (m.kind != MessageKind::Invalid && take(m))
            taken.messages.append(m);
        else
            rest.append(m);
    }
    if (taken.messages.isEmpty())
        return taken;
    // JSON frames are one message per line; Protobuf messages carry their own length prefix.
    const QByteArray separator = f->binary ? QByteArray() : QByteArray("\n");
    const auto join = [&separator](const QList<ProtocolMessage> &messages) {
        QByteArray out;
        for (const ProtocolMessage &m : messages) {
            if (!out.isEmpty())
                out += separator;
            out += m.raw;
        }
        return out;
    };
    taken.raw = join(taken.messages);
    f->messages = rest;
    f->raw = join(rest);
    return taken;
}

void ProxyConnection::forward(bool toServer, const QByteArray &payload, bool binary)
{
    if (m_delayMs <= 0 && m_delayed.empty()) {
        sendNow(toServer, payload, binary);
        return;
    }
    if (m_delayMs > 0)
        ++m_stats.delayedFrames;
    m_delayed.push_back({m_clock.nsecsElapsed() + qint64(m_delayMs) * 1000000, toServer, binary, payload});
    if (!m_delayTimer.isActive())
        releaseDue();
}

void ProxyConnection::sendNow(bool toServer, const QByteArray &payload, bool binary)
{
    QWebSocket *to = toServer ? m_upstream.data() : m_app.data();
    const bool gone = toServer ? (m_upstreamGone || !m_upstreamOpened) : m_appGone;
    if (!to || gone) {
        ++m_stats.undelivered;
        return;
    }
    if (binary)
        to->sendBinaryMessage(payload);
    else
        to->sendTextMessage(QString::fromUtf8(payload));
    ++(toServer ? m_stats.forwardedToServer : m_stats.forwardedToApp);
}

void ProxyConnection::releaseDue()
{
    const qint64 now = m_clock.nsecsElapsed();
    while (!m_delayed.empty() && m_delayed.front().dueNs <= now) {
        const Queued q = std::move(m_delayed.front());
        m_delayed.pop_front();
        sendNow(q.toServer, q.payload, q.binary);
    }
    if (!m_delayed.empty())
        m_delayTimer.start(int(qMax<qint64>(1, (m_delayed.front().dueNs - now + 999999) / 1000000)));
}

void ProxyConnection::flushQueue()
{
    m_delayTimer.stop();
    while (!m_delayed.empty()) {
        const Queued q = std::move(m_delayed.front());
        m_delayed.pop_front();
        sendNow(q.toServer, q.payload, q.binary);
    }
}

void ProxyConnection::emitClose(Direction direction, CloseInfo::Side side, int code, const QString &reason,
                                Frame::Injected injected)
{
    ProtocolMessage m;
    m.kind = MessageKind::Disconnect;
    m.code = code;
    m.text = reason;
    m.raw = reason.toUtf8();
    Frame f = newFrame(direction, false, m.raw);
    f.close = true;
    f.closedBy = side;
    f.injected = injected;
    f.messages.append(m);
    emit frame(f);
}

void ProxyConnection::closeApp(int code, const QString &reason)
{
    if (!m_app || m_appGone)
        return;
    m_proxyClosesApp = true;
    flushQueue();
    m_app->close(QWebSocketProtocol::CloseCode(isSendableCloseCode(code) ? code : 1011), fitCloseReason(reason));
}

void ProxyConnection::onAppDisconnected()
{
    if (m_appGone)
        return;
    m_appGone = true;
    m_appReader.detach();
    if (!m_proxyClosesApp) {
        // The application ended it: its close frame goes upstream as it was, a lost connection is lost there too.
        CloseInfo c;
        c.side = m_appCloseFrame ? CloseInfo::Side::Client : CloseInfo::Side::Transport;
        c.code = m_appCloseFrame ? int(m_app->closeCode()) : int(QWebSocketProtocol::CloseCodeAbnormalDisconnection);
        const QAbstractSocket::SocketError error = m_app->error();
        c.reason = m_appCloseFrame                                ? m_app->closeReason()
                   : error != QAbstractSocket::UnknownSocketError ? CloseInfo::socketErrorWords(error)
                                                                  : tr("closed without a close frame");
        emitClose(Direction::Out, c.side, c.code, c.reason);
        m_closeSummary =
            m_appCloseFrame
                ? tr("The application closed the connection (code %1, reason \"%2\").").arg(c.code).arg(c.reason)
                : tr("The application's connection was lost without a close frame (%1).").arg(c.reason);
        say(LogEntry::Level::Info, m_closeSummary);
        if (m_upstream && !m_upstreamGone) {
            m_proxyClosesUpstream = true;
            if (!m_upstreamOpened) {
                m_upstream->abort();
            } else {
                flushQueue();
                if (m_appCloseFrame)
                    m_upstream->close(QWebSocketProtocol::CloseCode(isSendableCloseCode(c.code) ? c.code : 1000),
                                      fitCloseReason(c.reason));
                else
                    m_upstream->abort();
            }
        }
    }
    if (!m_waitingForUpstream.isEmpty()) {
        m_stats.undelivered += m_waitingForUpstream.size();
        m_waitingForUpstream.clear();
    }
    checkFinished();
}

void ProxyConnection::onUpstreamDisconnected()
{
    if (m_upstreamGone)
        return;
    m_upstreamGone = true;
    m_handshakeTimer.stop();
    m_upstreamReader.detach();
    if (!m_waitingForUpstream.isEmpty()) {
        m_stats.undelivered += m_waitingForUpstream.size();
        say(LogEntry::Level::Warning, tr("%n frame(s) of the application could not be forwarded: the upstream "
                                         "never opened.",
                                         nullptr, int(m_waitingForUpstream.size())));
        m_waitingForUpstream.clear();
    }
    if (!m_proxyClosesUpstream) {
        CloseInfo c;
        c.hasSocketError = m_upstream->error() != QAbstractSocket::UnknownSocketError;
        c.socketError = m_upstream->error();
        QString toApp;
        int appCode = 1011;
        if (m_upstreamCloseFrame) {
            c.side = CloseInfo::Side::Server;
            c.code = int(m_upstream->closeCode());
            c.reason = m_upstream->closeReason();
            appCode = c.code;
            toApp = c.reason;
            m_closeSummary = Explainer::describeClose(c);
        } else {
            c.side = CloseInfo::Side::Transport;
            c.code = int(QWebSocketProtocol::CloseCodeAbnormalDisconnection);
            c.reason = !m_upstreamFailure.isEmpty() ? m_upstreamFailure : m_upstream->errorString();
            const QString words = c.hasSocketError ? CloseInfo::socketErrorWords(c.socketError) : c.reason;
            toApp = m_upstreamOpened ? QStringLiteral("proxy: upstream lost (%1)").arg(words)
                                     : QStringLiteral("proxy: upstream unavailable (%1)").arg(words);
            m_closeSummary = m_upstreamOpened
                                 ? tr("The upstream connection was lost (%1); the application's connection is "
                                      "closed with 1011.")
                                       .arg(c.reason)
                                 : tr("The upstream could not be opened (%1); the application's connection is "
                                      "closed with 1011.")
                                       .arg(c.reason);
        }
        emitClose(Direction::In, c.side, c.code, c.reason);
        say(m_upstreamCloseFrame ? LogEntry::Level::Info : LogEntry::Level::Warning, m_closeSummary);
        closeApp(appCode, toApp);
    }
    checkFinished();
}

void ProxyConnection::injectClose(int code, const QString &reason)
{
    if (m_appGone)
        return;
    if (!isSendableCloseCode(code)) {
        say(LogEntry::Level::Warning, tr("%1 cannot be sent in a close frame (1000-1003, 1007-1011 or 3000-4999): "
                                         "nothing injected.")
                                          .arg(code));
        return;
    }
    const QString fitted = fitCloseReason(reason);
    emitClose(Direction::In, CloseInfo::Side::Server, code, fitted, Frame::Injected::Close);
    m_closeSummary = tr("Closed by the proxy (fault injection): code %1, reason \"%2\".").arg(code).arg(fitted);
    say(LogEntry::Level::Info, m_closeSummary);
    closeApp(code, fitted);
    if (m_upstream && !m_upstreamGone) {
        m_proxyClosesUpstream = true;
        if (m_upstreamOpened)
            m_upstream->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("proxy: injected close"));
        else
            m_upstream->abort();
    }
}

void ProxyConnection::dropUpstream()
{
    if (!m_upstream || m_upstreamGone)
        return;
    emitClose(Direction::In, CloseInfo::Side::Transport, int(QWebSocketProtocol::CloseCodeAbnormalDisconnection),
              tr("upstream dropped by the proxy without a close frame"), Frame::Injected::DropUpstream);
    m_closeSummary = tr("The proxy dropped the upstream without a close frame (fault injection); the application's "
                        "connection is closed with 1011.");
    say(LogEntry::Level::Info, m_closeSummary);
    m_proxyClosesUpstream = true;
    m_upstream->abort();
    closeApp(1011, QStringLiteral("proxy: upstream lost (dropped on purpose)"));
}

void ProxyConnection::setDelay(int ms)
{
    m_delayMs = qMax(0, ms);
    say(LogEntry::Level::Info, m_delayMs > 0 ? tr("Delaying every frame by %1 ms (fault injection).").arg(m_delayMs)
                                             : tr("Frames are no longer delayed."));
}

void ProxyConnection::dropPublications(const QString &channel, int count)
{
    if (count <= 0)
        m_dropPublications.remove(channel);
    else
        m_dropPublications.insert(channel, count);
    say(LogEntry::Level::Info,
        tr("Dropping the next %n publication(s) of %1 (fault injection).", nullptr, qMax(0, count)).arg(channel));
}

int ProxyConnection::publicationsToDrop() const
{
    int n = 0;
    for (int count : m_dropPublications)
        n += count;
    return n;
}

void ProxyConnection::setHoldServerPings(bool hold)
{
    m_holdPings = hold;
    say(LogEntry::Level::Info,
        hold ? tr("Holding back the server's pings (fault injection).") : tr("The server's pings pass again."));
}

void ProxyConnection::setHoldAppPongs(bool hold)
{
    m_holdPongs = hold;
    say(LogEntry::Level::Info, hold ? tr("Holding back the application's pongs (fault injection).")
                                    : tr("The application's pongs pass again."));
}

void ProxyConnection::passThrough()
{
    m_delayMs = 0;
    m_dropPublications.clear();
    m_holdPings = false;
    m_holdPongs = false;
    say(LogEntry::Level::Info, tr("Passing everything through again."));
}

void ProxyConnection::shutdown()
{
    if (m_upstream && !m_upstreamGone) {
        m_proxyClosesUpstream = true;
        flushQueue();
        if (m_upstreamOpened)
            m_upstream->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("proxy stopped"));
        else
            m_upstream->abort();
    }
    closeApp(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("proxy stopped"));
}

bool ProxyConnection::isSendableCloseCode(int code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011) || (code >= 3000 && code <= 4999);
}

void ProxyConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ProxyConnection::checkFinished()
{
    if (m_appGone && (m_upstreamGone || !m_upstream) && m_state != State::Closed) {
        m_delayed.clear();
        // The connection stays listed with its counters; its sockets are of no more use (reconnecting SDKs make
        // many connections over a session).
        m_appReader.detach();
        m_upstreamReader.detach();
        if (m_app)
            m_app->deleteLater();
        if (m_upstream)
            m_upstream->deleteLater();
        setState(State::Closed);
        emit finished();
    }
}

void ProxyConnection::say(LogEntry::Level level, const QString &text)
{
    const QString masked = m_masker.mask(text);
    const QString line = QStringLiteral("[conn %1] %2").arg(m_id).arg(masked);
    switch (level) {
    case LogEntry::Level::Warning:
    case LogEntry::Level::Error:
        qCWarning(lcProxy).noquote() << line;
        break;
    default:
        qCInfo(lcProxy).noquote() << line;
        break;
    }
    emit message(level, masked);
}
