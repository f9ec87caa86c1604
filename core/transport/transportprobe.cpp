#include "transportprobe.h"

#include "commandbuilder.h"
#include "explainer.h"
#include "session.h"

#include <QTimer>

TransportProbe::TransportProbe(QObject *parent)
    : QObject(parent)
{
}

TransportProbe::~TransportProbe() = default;

void TransportProbe::start(const SessionOptions &base, int timeoutMs)
{
    m_base = base;
    m_timeoutMs = timeoutMs;
    m_todo = Transports::all();
    m_results.clear();
    next();
}

void TransportProbe::next()
{
    if (m_session) {
        m_session->disconnect(this);
        m_session.release()->deleteLater();
    }
    if (m_todo.isEmpty()) {
        emit finished();
        return;
    }
    m_current = Result();
    m_current.kind = m_todo.takeFirst();
    m_current.url = Transports::endpointUrl(m_base.url, m_current.kind);
    SessionOptions o = m_base;
    o.transport = m_current.kind;
    o.url = m_current.url;
    o.emulationUrl = QUrl();
    o.autoConnect = true;
    o.handshakeTimeoutMs = m_timeoutMs;
    o.connectTimeoutMs = m_timeoutMs;
    m_session = std::make_unique<Session>();
    m_probeId = 0;
    const quint64 attempt = quint64(m_results.size());
    connect(m_session.get(), &Session::connected, this, [this] {
        m_current.connectMs = double(m_clock.nsecsElapsed()) / 1e6;
        if (Transports::isUnidirectional(m_current.kind)) {
            finish(true, QString());
            return;
        }
        // Any reply, an error too, proves that commands reach the server and replies come back.
        m_clock.restart();
        m_probeId = m_session->sendCommand(CommandBuilder::command(
            0, Protocol::Method::PresenceStats, CommandBuilder::presenceStats(QStringLiteral("inspector-probe"))));
    });
    connect(m_session.get(), &Session::frame, this, [this](const Frame &f) {
        if (m_probeId == 0 || f.direction != Protocol::Direction::In)
            return;
        for (const ProtocolMessage &m : f.messages) {
            if (m.id == m_probeId &&
                (m.kind == Protocol::MessageKind::Reply || m.kind == Protocol::MessageKind::Error)) {
                m_current.roundTripMs = double(m_clock.nsecsElapsed()) / 1e6;
                finish(true, QString());
                return;
            }
        }
    });
    connect(m_session.get(), &Session::connectFailed, this, [this](int code, const QString &message) {
        finish(false, tr("connect refused: %1 %2").arg(code).arg(message));
    });
    connect(m_session.get(), &Session::closed, this, [this] {
        // The reason alone is the short answer (an HTTP status in words, a socket error); else the whole story.
        const CloseInfo &c = m_session->lastClose();
        finish(false, c.reason.isEmpty() ? Explainer::describeClose(c) : c.reason);
    });
    QTimer::singleShot(m_timeoutMs * 2, this, [this, attempt] {
        if (quint64(m_results.size()) == attempt && m_session)
            finish(false,
                   m_probeId != 0
                       ? tr("no reply to a command within %1 ms: commands do not get through").arg(m_timeoutMs * 2)
                       : tr("nothing within %1 ms").arg(m_timeoutMs * 2));
    });
    m_clock.start();
    m_session->open(o);
}

void TransportProbe::finish(bool ok, const QString &failure)
{
    if (!m_session)
        return;
    m_current.ok = ok;
    m_current.failure = failure;
    m_results.append(m_current);
    Session *session = m_session.get();
    session->disconnect(this);
    session->close();
    emit resultReady(m_current);
    // On the next turn: this may run inside one of the session's own signals.
    QTimer::singleShot(0, this, &TransportProbe::next);
}

QString TransportProbe::format(const Result &r)
{
    const QString name = QString(Transports::name(r.kind)).leftJustified(16);
    if (!r.ok)
        return tr("%1 FAILED  %2").arg(name, r.failure);
    QString line = tr("%1 works   connect %2 ms").arg(name).arg(r.connectMs, 0, 'f', 1);
    if (r.roundTripMs >= 0)
        line += tr(", command round trip %1 ms").arg(r.roundTripMs, 0, 'f', 1);
    return line;
}
