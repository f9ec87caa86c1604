#pragma once

#include "closeinfo.h"
#include "commandbuilder.h"
#include "connectionwatchdog.h"
#include "deltatracker.h"
#include "frame.h"
#include "inflighttracker.h"
#include "lintcontext.h"
#include "logentry.h"
#include "secretmasker.h"
#include "sessionlog.h"
#include "sessionoptions.h"
#include "socketreader.h"
#include "tokenrefresher.h"
#include "wirecodec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <functional>
#include <memory>

class Transport;

// One connection to a Centrifugo server: the single source of truth for its state. Not a singleton; a window may
// hold several. Every frame in and out is emitted as it happens, with its decoded messages. The wire (WebSocket,
// HTTP-streaming, SSE, unidirectional) is a Transport chosen by the options; everything of the protocol is here.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected, // no socket
        Connecting,   // WebSocket handshake (or the streaming request) running
        Open,         // transport open, connect not (yet) successful
        Connected,    // connect reply received
    };
    Q_ENUM(State)

    // Bytes of incoming data decoded per event-loop turn at most (more for a single larger frame): a flood is
    // handled in turns of this size, so the thread stays responsive, and the rest waits in the kernel.
    static constexpr qint64 kReadChunkBytes = SocketReader::kChunkBytes;

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    void open(const SessionOptions &options);
    // Closes the WebSocket with a normal close (code 1000) unless told otherwise.
    void close();

    // Sends one command; an id is assigned when the method expects a reply and the command has none.
    // Returns the id used (0 for send or pong). Works in any state so that users can test the server's reaction.
    quint32 sendCommand(QJsonObject command);
    // Sends several commands in one frame (as centrifuge-js does with connect and subscribes).
    QList<quint32> sendCommands(QList<QJsonObject> commands);
    // Sends bytes exactly as given, in the session's frame type (text for JSON). For deliberate bad input.
    void sendRaw(const QByteArray &payload);
    // Sends connect with the options' token, name, version and data.
    quint32 sendConnect();
    void sendPong();

    // Where new tokens come from when the server says they expire. Empty providers (the default) mean no refresh:
    // the server then closes the connection with 3005 (or unsubscribes with 2501) after expiry.
    using TokenProvider = TokenRefresher::TokenProvider;
    using SubscriptionTokenProvider = TokenRefresher::SubscriptionTokenProvider;
    void setTokenProvider(TokenProvider provider) { m_tokens->setTokenProvider(std::move(provider)); }
    bool hasTokenProvider() const { return m_tokens->hasTokenProvider(); }
    // A token from the provider, or an empty string.
    QString freshToken() const { return m_tokens->freshToken(); }
    void setSubscriptionTokenProvider(SubscriptionTokenProvider provider)
    {
        m_tokens->setSubscriptionTokenProvider(std::move(provider));
    }
    // Seconds before expiry at which the session refreshes (default 5; never earlier than 1 s after the reply).
    void setRefreshMarginSec(int seconds) { m_tokens->setRefreshMarginSec(seconds); }
    // Sends refresh / sub_refresh now with a token from the provider. Returns the command id, 0 if no token.
    quint32 refreshToken() { return m_tokens->refreshToken(); }
    quint32 refreshSubscriptionToken(const QString &channel) { return m_tokens->refreshSubscriptionToken(channel); }
    // Seconds until the connection token must be refreshed, -1 if it does not expire.
    int connectionExpiresInSec() const { return m_tokens->connectionExpiresInSec(); }

    void setAutoPong(bool on);
    bool autoPong() const { return m_options.autoPong; }
    // Entries below this level are neither built nor emitted (keeps floods cheap). Default: Info.
    void setLogLevel(LogEntry::Level level) { m_log.setLevel(level); }
    LogEntry::Level logLevel() const { return m_log.level(); }

    // Log lines (the log pane, saved logs, stderr) show secrets only when this is on. Off by default: the
    // connection token, the tokens of every command sent, secret header values, secrets added with addSecret()
    // and any JWT-looking string are masked ("eyJhbGciOi…(masked)", "***(masked)"). Frames are never changed.
    void setShowSecrets(bool show);
    bool showSecrets() const { return m_log.showSecrets(); }
    // A secret to mask in log lines from now on (a profile's secret header value, an API key, ...).
    void addSecret(const QString &secret) { m_log.masker().addSecret(secret); }
    // Every secret this session has seen (kept after a reconnect: older frames still contain them).
    const SecretMasker &masker() const { return m_log.masker(); }
    // Text about a command (e.g. a lint line quoting it) fit for a terminal or a log: the tokens in the command
    // are learnt as secrets and, unless secrets are shown, masked with every other secret.
    QString maskCommandText(const QString &text, const QString &command);

    State state() const { return m_state; }
    const SessionOptions &options() const { return m_options; }
    const WireCodec &codec() const { return *m_codec; }
    QString clientId() const { return m_conn.clientId; }
    QString serverVersion() const { return m_conn.serverVersion; }
    int pingIntervalSec() const { return m_conn.pingInterval; }
    bool pongRequired() const { return m_conn.pongRequired; }
    bool pingOutstanding() const { return m_conn.pingOutstanding; }
    QJsonObject connectResult() const { return m_conn.connectResult; }
    double lastRttMs() const { return m_inFlight.lastRttMs(); }
    int closeCode() const { return m_conn.closeCode; }
    QString closeReason() const { return m_conn.closeReason; }
    bool connectSent() const { return m_conn.connectSent; }
    // The last close was asked for by this client (close()), not done by the server or the network.
    bool closedByClient() const { return m_conn.closedByClient; }
    // Who ended the last connection and why (valid from the closed() signal on).
    const CloseInfo &lastClose() const { return m_lastClose; }
    // Connect got an error reply: Centrifugo ignores the connection from then on and drops it after ~5 s.
    bool hasConnectFailed() const { return m_conn.connectFailed; }
    // The next id the session will assign (without taking it).
    quint32 peekNextId() const { return m_nextId; }
    quint32 takeNextId() { return m_nextId++; }
    QList<quint32> inFlightIds() const { return m_inFlight.ids(); }
    // The socket's read buffer limit now (kReadChunkBytes, more while a larger frame comes in; 0 = unlimited).
    qint64 readBufferSize() const;
    // Read turns, turns held back at the limit (back-pressure), buffer growths for large frames (WebSocket).
    const SocketReader::Stats &readStats() const;
    // The transport of the current (or last) connection.
    TransportKind transport() const { return m_options.transport; }
    // The server's ping is overdue (its interval plus the tolerance passed in silence).
    bool isPingLate() const { return m_watchdog.isPingLate(); }
    LintContext lintContext() const;

signals:
    void stateChanged(Session::State state);
    void frame(const Frame &frame);
    void connected(const QString &clientId);
    void connectFailed(int code, const QString &message);
    // The socket closed: the close code and reason (1006 and the socket's error when there was no close frame).
    // lastClose() says who closed it and why.
    void closed(int code, const QString &reason);
    // The server's ping is overdue: silentMs without anything from it (a warning; a close follows).
    void pingLate(int silentMs);
    void logged(const LogEntry &entry);
    // TLS problems in words ("The certificate is self-signed, and untrusted (subject CN=..., issuer ...)").
    void certificateErrors(const QStringList &errors, bool ignored);
    // A publication on a subscription with delta compression: its full payload (rebuilt from a fossil delta, or
    // sent whole), the bytes received, or why the delta could not be applied.
    void deltaPublication(const DeltaTracker::Publication &publication);
    // A token refresh was sent for the connection (channel empty) or a subscription.
    void tokenRefreshSent(const QString &channel, quint32 id);

private:
    void setState(State state);
    void onTransportOpened();
    void onTransportClosed(CloseInfo close);
    // Closes for a rule of this client (a timeout, ping silence): said in words, then the usual close.
    void closeForRule(CloseInfo::Rule rule, const QString &why);
    void handleIncoming(const QByteArray &payload, bool binary);
    void handleMessage(ProtocolMessage &message, QList<std::function<void()>> *after);
    void reportDelta(const DeltaTracker::Publication &publication);
    void onConnectResult(const QJsonObject &result, QList<std::function<void()>> *after);
    // Encodes commands (ids assigned) into one payload with each message's own bytes; empty on failure.
    QByteArray encodeCommands(QList<QJsonObject> *commands, QList<ProtocolMessage> *messages, QList<quint32> *ids);
    CommandBuilder::ConnectParams connectParams() const;
    // The unidirectional connect request: the connect fields alone, without the command around them.
    QByteArray connectRequest(QList<ProtocolMessage> *messages) const;
    void transmit(const QByteArray &payload, QList<ProtocolMessage> messages);
    // What sending means for the session (in-flight ids, deadlines, tokens) and the frame for the timeline.
    void recordOutgoing(const QByteArray &payload, QList<ProtocolMessage> messages);
    void log(LogEntry::Level level, const QString &message);
    bool logs(LogEntry::Level level) const { return m_log.logs(level); }
    void dropTransport();

    SessionOptions m_options;
    std::unique_ptr<WireCodec> m_codec;
    Transport *m_transport = nullptr; // child
    ConnectionWatchdog m_watchdog;
    TokenRefresher *m_tokens; // child
    State m_state = State::Disconnected;
    SessionLog m_log;
    InFlightTracker m_inFlight;
    DeltaTracker m_deltas;
    quint32 m_nextId = 1;
    // What one connection established and how it ended: reset as a whole on open().
    struct Connection
    {
        QString clientId;
        QString serverVersion;
        QJsonObject connectResult;
        int pingInterval = 0;
        bool pongRequired = false;
        bool pingOutstanding = false;
        bool connectSent = false;
        bool connectFailed = false;
        bool closeReported = false;
        bool closedByClient = false;
        int closeCode = 0;
        QString closeReason;
        // The last disconnect push: over HTTP it is the only word of why the server ended the stream.
        int disconnectPushCode = 0;
        QString disconnectPushReason;
    };
    Connection m_conn;
    CloseInfo m_lastClose;
};
