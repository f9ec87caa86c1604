#include "sessionrecorder.h"

#include "commandbuilder.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

SessionRecorder::SessionRecorder(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &Session::frame, this, [this](const Frame &f) {
        m_frames.append(f);
        if (f.direction == Protocol::Direction::In)
            m_incoming.append(f.messages);
    });
}

std::optional<ProtocolMessage> SessionRecorder::waitForIncoming(const Predicate &predicate, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (qsizetype i = m_consumed; i < m_incoming.size(); ++i) {
            if (predicate(m_incoming.at(i))) {
                m_consumed = i + 1;
                return m_incoming.at(i);
            }
        }
        if (deadline.hasExpired())
            return std::nullopt;
        // Wake on the next frame or at the deadline; no polling.
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(m_session, &Session::frame, &loop, &QEventLoop::quit);
        timer.start(int(qMax<qint64>(1, deadline.remainingTime())));
        loop.exec();
    }
}

bool SessionRecorder::subscribe(const QString &channel, int timeoutMs)
{
    SubscribeOptions s;
    s.channel = channel;
    return subscribe(s, timeoutMs).has_value();
}

std::optional<ProtocolMessage> SessionRecorder::subscribe(const SubscribeOptions &options, int timeoutMs)
{
    const quint32 id = m_session->sendCommand(
        CommandBuilder::command(0, Protocol::Method::Subscribe, CommandBuilder::subscribe(options)));
    return waitForReply(id, timeoutMs);
}

bool SessionRecorder::open(const SessionOptions &options, int timeoutMs)
{
    m_session->open(options);
    return waitForState(Session::State::Connected, timeoutMs);
}

std::optional<ProtocolMessage> SessionRecorder::waitForReply(quint32 id, int timeoutMs)
{
    return waitForIncoming(
        [id](const ProtocolMessage &m) {
            return m.id == id && (m.kind == Protocol::MessageKind::Reply || m.kind == Protocol::MessageKind::Error);
        },
        timeoutMs);
}

std::optional<ProtocolMessage> SessionRecorder::waitForClose(int timeoutMs)
{
    return waitForIncoming([](const ProtocolMessage &m) { return m.kind == Protocol::MessageKind::Disconnect; },
                           timeoutMs);
}

bool SessionRecorder::waitForState(Session::State state, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_session->state() != state) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(m_session, &Session::stateChanged, &loop, &QEventLoop::quit);
        timer.start(int(qMax<qint64>(1, deadline.remainingTime())));
        loop.exec();
    }
    return true;
}

int SessionRecorder::count(Protocol::Direction direction, Protocol::MessageKind kind) const
{
    int n = 0;
    for (const Frame &f : m_frames) {
        if (f.direction != direction)
            continue;
        for (const ProtocolMessage &m : f.messages)
            n += m.kind == kind ? 1 : 0;
    }
    return n;
}

QString SessionRecorder::dump() const
{
    QString out;
    for (const Frame &f : m_frames) {
        out += QLatin1String(Protocol::directionName(f.direction)) + QLatin1Char(' ');
        out += f.close ? QStringLiteral("close %1 %2").arg(f.messages.value(0).code).arg(QString::fromUtf8(f.raw))
                       : QString::fromUtf8(f.raw.left(300));
        out += QLatin1Char('\n');
    }
    return out;
}
