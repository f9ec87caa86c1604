#pragma once

#include "frame.h"
#include "inflighttracker.h"
#include "lintlearner.h"
#include "lintreport.h"
#include "logentry.h"
#include "proxyoptions.h"
#include "secretmasker.h"
#include "socketreader.h"
#include "wirecodec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

class QWebSocket;

// One application connection through the proxy: the application's WebSocket (accepted by ProxyServer) and an
// upstream WebSocket to Centrifugo opened with the application's subprotocol, headers and origin. Every frame is
// forwarded as received, in order, both ways, and emitted once as a Frame (direction as seen from the
// application: Out = app->server, In = server->app), decoded, with RTTs and the client id of the connect reply.
// Frames the application sends before the upstream is open wait for it. Faults are injected on request; each one
// is emitted as a Frame marked `injected`.
class ProxyConnection : public QObject
{
    Q_OBJECT

public:
    enum class State { Connecting, Open, Closed };

    struct Stats
    {
        qint64 framesFromApp = 0;
        qint64 framesFromServer = 0;
        qint64 forwardedToServer = 0;
        qint64 forwardedToApp = 0;
        qint64 undelivered = 0;     // received, but the other side was gone (counted, and in the timeline)
        qint64 droppedMessages = 0; // publications dropped on purpose
        qint64 heldMessages = 0;    // pings / pongs held back on purpose
        qint64 delayedFrames = 0;   // forwarded late on purpose
        qint64 lintFindings = 0;    // linter warnings and errors on the application's commands
    };

    // Takes ownership of `app` (an open socket from QWebSocketServer); start() opens the upstream.
    ProxyConnection(int id, QWebSocket *app, const ProxyOptions &options, QObject *parent = nullptr);
    ~ProxyConnection() override;
    // Opens the upstream (call once, after connecting to the signals: the first messages come at once).
    void start();

    int id() const { return m_id; }
    State state() const { return m_state; }
    Protocol::Format format() const { return m_format; }
    QString clientId() const { return m_clientId; }
    // "127.0.0.1:54321", the application's end.
    QString peer() const { return m_peer; }
    // The handshake headers forwarded upstream (values as sent; mask them with SecretMasker before showing).
    QList<QPair<QByteArray, QByteArray>> forwardedHeaders() const { return m_headers; }
    const Stats &stats() const { return m_stats; }
    // The read side of each socket: bounded per turn (SocketReader), so a flood from either side never freezes.
    const SocketReader::Stats &appReadStats() const { return m_appReader.stats(); }
    const SocketReader::Stats &upstreamReadStats() const { return m_upstreamReader.stats(); }
    // How the connection ended, in a sentence (empty while open).
    QString closeSummary() const { return m_closeSummary; }

    // ---- fault injection ----
    // Closes the application's connection with this code and reason as if the server had (and the upstream
    // normally), so that the application reacts to the code as it would in production. A code no close frame may
    // carry (isSendableCloseCode) is refused with a message.
    void injectClose(int code, const QString &reason);
    // Drops the upstream connection without a close frame, as a network failure would; the application is then
    // told the upstream is gone (close 1011).
    void dropUpstream();
    // Forwards every later frame, both ways, `ms` late (0: at once again; frames already waiting keep their time).
    void setDelay(int ms);
    int delayMs() const { return m_delayMs; }
    // Keeps the next `count` publications of `channel` from the application (count 0 cancels).
    void dropPublications(const QString &channel, int count);
    int publicationsToDrop() const;
    // Holds the server's pings back from the application / the application's pongs back from the server.
    void setHoldServerPings(bool hold);
    void setHoldAppPongs(bool hold);
    bool holdsServerPings() const { return m_holdPings; }
    bool holdsAppPongs() const { return m_holdPongs; }
    // Ends every fault still in force: no delay, nothing dropped or held.
    void passThrough();

    // Closes both sides (1001 going away), e.g. when the proxy stops.
    void shutdown();

    // A close code an application may put in a close frame (1000-1003, 1007-1011, 3000-4999).
    static bool isSendableCloseCode(int code);

signals:
    void frame(const Frame &frame);
    void stateChanged(ProxyConnection::State state);
    void clientIdChanged(const QString &clientId);
    // What the linter says about a command frame of the application before the server answers it.
    void linted(const Frame &frame, const LintReport &report);
    // A sentence about this connection for the user (already masked), also logged to inspector.proxy.
    void message(LogEntry::Level level, const QString &text);
    // Both sides are closed.
    void finished();

private:
    struct Queued
    {
        qint64 dueNs = 0;
        bool toServer = false;
        bool binary = false;
        QByteArray payload;
    };

    void onUpstreamConnected();
    void onUpstreamDisconnected();
    void onAppDisconnected();
    void onAppFrame(const QByteArray &payload, bool binary);
    void onServerFrame(const QByteArray &payload, bool binary);
    void correlate(ProtocolMessage &m);
    void lint(const Frame &f);
    // Removes the messages `take` selects from *f (rebuilding its payload from the others) and returns them as
    // a frame of their own, marked `injected` (no messages when none was taken).
    Frame takeMessages(Frame *f, Frame::Injected injected, const std::function<bool(const ProtocolMessage &)> &take);
    void forward(bool toServer, const QByteArray &payload, bool binary);
    void sendNow(bool toServer, const QByteArray &payload, bool binary);
    void releaseDue();
    void flushQueue();
    void emitClose(Protocol::Direction direction, CloseInfo::Side side, int code, const QString &reason,
                   Frame::Injected injected = Frame::Injected::None);
    void closeApp(int code, const QString &reason);
    void setState(State state);
    void checkFinished();
    void say(LogEntry::Level level, const QString &text);
    Frame newFrame(Protocol::Direction direction, bool binary, const QByteArray &payload) const;

    int m_id;
    ProxyOptions m_options;
    Protocol::Format m_format = Protocol::Format::Json;
    std::unique_ptr<WireCodec> m_codec;
    QPointer<QWebSocket> m_app;
    QPointer<QWebSocket> m_upstream;
    SocketReader m_appReader;
    SocketReader m_upstreamReader;
    QTimer m_handshakeTimer;
    QTimer m_delayTimer;
    QElapsedTimer m_clock; // due times of delayed frames
    SecretMasker m_masker;
    LintLearner m_learner;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QString m_peer;
    QString m_clientId;
    QString m_closeSummary;
    State m_state = State::Connecting;
    Stats m_stats;

    QList<QPair<QByteArray, bool>> m_waitingForUpstream; // app frames received before the upstream opened
    std::deque<Queued> m_delayed;
    InFlightTracker m_inFlight; // the app's commands waiting for the server's reply
    QHash<QString, int> m_dropPublications;
    int m_delayMs = 0;
    bool m_holdPings = false;
    bool m_holdPongs = false;

    bool m_appGone = false;
    bool m_upstreamGone = false;
    bool m_appCloseFrame = false;      // the application sent (or answered) a close frame
    bool m_upstreamCloseFrame = false; // a close frame went either way on the upstream
    bool m_upstreamOpened = false;
    bool m_proxyClosesApp = false;      // the proxy closed the application's side itself (reported already)
    bool m_proxyClosesUpstream = false; // the proxy closed the upstream itself (reported already)
    QString m_upstreamFailure;          // set when the proxy gave up on the upstream (handshake timeout)
};
