#pragma once

#include "frame.h"
#include "session.h"
#include "subscribeoptions.h"

#include <QList>
#include <QObject>
#include <functional>
#include <optional>

// Records everything a Session emits and waits, on the event loop, for the message a test expects.
class SessionRecorder : public QObject
{
    Q_OBJECT

public:
    using Predicate = std::function<bool(const ProtocolMessage &)>;

    explicit SessionRecorder(Session *session, QObject *parent = nullptr);

    // The first received message (after the ones already taken) that matches, within timeoutMs.
    std::optional<ProtocolMessage> waitForIncoming(const Predicate &predicate, int timeoutMs = 10000);
    std::optional<ProtocolMessage> waitForReply(quint32 id, int timeoutMs = 10000);
    // Subscribes the session to `channel` and waits for the reply (a result or an error).
    bool subscribe(const QString &channel, int timeoutMs = 10000);
    // Subscribes with these options; the reply (a result or an error), none when it did not come in time.
    std::optional<ProtocolMessage> subscribe(const SubscribeOptions &options, int timeoutMs = 10000);
    // Opens the session with these options and waits until it is connected.
    bool open(const SessionOptions &options, int timeoutMs = 10000);
    // Waits until the socket closes; returns the Disconnect message.
    std::optional<ProtocolMessage> waitForClose(int timeoutMs = 10000);
    bool waitForState(Session::State state, int timeoutMs = 10000);

    QList<Frame> frames() const { return m_frames; }
    int count(Protocol::Direction direction, Protocol::MessageKind kind) const;
    // A readable dump of the traffic for failure messages.
    QString dump() const;

private:
    Session *m_session;
    QList<Frame> m_frames;
    QList<ProtocolMessage> m_incoming;
    qsizetype m_consumed = 0;
};
