#pragma once

#include "frame.h"
#include "lintcontext.h"
#include "logentry.h"
#include "sessionoptions.h"
#include "wirecodec.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <memory>

class QWebSocket;

// One connection to a Centrifugo server: the single source of truth for its state. Not a singleton; a window may
// hold several. Every frame in and out is emitted as it happens, with its decoded messages.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected, // no socket
        Connecting,   // WebSocket handshake running
        Open,         // WebSocket open, connect not (yet) successful
        Connected,    // connect reply received
    };
    Q_ENUM(State)

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

    void setAutoPong(bool on);
    bool autoPong() const { return m_options.autoPong; }
    // Entries below this level are neither built nor emitted (keeps floods cheap). Default: Info.
    void setLogLevel(LogEntry::Level level) { m_logLevel = level; }
    LogEntry::Level logLevel() const { return m_logLevel; }

    State state() const { return m_state; }
    const SessionOptions &options() const { return m_options; }
    const WireCodec &codec() const { return *m_codec; }
    QString clientId() const { return m_clientId; }
    QString serverVersion() const { return m_serverVersion; }
    int pingIntervalSec() const { return m_pingInterval; }
    bool pongRequired() const { return m_pongRequired; }
    bool pingOutstanding() const { return m_pingOutstanding; }
    QJsonObject connectResult() const { return m_connectResult; }
    double lastRttMs() const { return m_lastRttMs; }
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    bool connectSent() const { return m_connectSent; }
    // Connect got an error reply: Centrifugo ignores the connection from then on and drops it after ~5 s.
    bool connectFailed() const { return m_connectFailed; }
    // The next id the session will assign (without taking it).
    quint32 peekNextId() const { return m_nextId; }
    quint32 takeNextId() { return m_nextId++; }
    QList<quint32> inFlightIds() const { return m_inFlight.keys(); }
    LintContext lintContext() const;

signals:
    void stateChanged(Session::State state);
    void frame(const Frame &frame);
    void connected(const QString &clientId);
    void connectFailed(int code, const QString &message);
    // The socket closed: the server's close code and reason, or the local close.
    void closed(int code, const QString &reason);
    void logged(const LogEntry &entry);

private:
    void setState(State state);
    void onSocketConnected();
    void onSocketDisconnected();
    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void onSocketError(QAbstractSocket::SocketError error);
    void onPong(quint64 elapsedTime, const QByteArray &payload);
    void handleIncoming(const QByteArray &payload, bool binary);
    void handleMessage(ProtocolMessage &message);
    void transmit(const QByteArray &payload, QList<ProtocolMessage> messages);
    void log(LogEntry::Level level, const QString &message);
    bool logs(LogEntry::Level level) const { return level >= m_logLevel; }
    void resetConnectionState();

    SessionOptions m_options;
    std::unique_ptr<WireCodec> m_codec;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Disconnected;
    LogEntry::Level m_logLevel = LogEntry::Level::Info;
    QElapsedTimer m_clock;
    QHash<quint32, qint64> m_inFlight; // id -> send time (ns on m_clock)
    QHash<quint32, Protocol::Method> m_inFlightMethod;
    quint32 m_nextId = 1;
    QString m_clientId;
    QString m_serverVersion;
    QJsonObject m_connectResult;
    int m_pingInterval = 0;
    bool m_pongRequired = false;
    bool m_pingOutstanding = false;
    bool m_connectSent = false;
    bool m_connectFailed = false;
    bool m_closeReported = false;
    double m_lastRttMs = -1;
    int m_closeCode = 0;
    QString m_closeReason;
};
