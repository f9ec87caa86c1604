#include "lintcontexttracker.h"

#include "frame.h"
#include "session.h"

using Protocol::MessageKind;
using Protocol::Method;

namespace {

QString namespaceOf(const QString &channel)
{
    const qsizetype colon = channel.indexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : channel.left(colon);
}

} // namespace

LintContextTracker::LintContextTracker(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &Session::stateChanged, this, [this](Session::State state) {
        if (state != Session::State::Open && state != Session::State::Connected) {
            m_subscriptions.clear();
            m_pending.clear();
        }
        update();
    });
    connect(session, &Session::frame, this, &LintContextTracker::onFrame);
    update();
}

void LintContextTracker::learn(const QString &setting, bool granted)
{
    QStringList &add = granted ? m_granted : m_missing;
    QStringList &drop = granted ? m_missing : m_granted;
    drop.removeAll(setting);
    if (!add.contains(setting))
        add.append(setting);
}

void LintContextTracker::onFrame(const Frame &frame)
{
    for (const ProtocolMessage &m : frame.messages) {
        if (frame.direction == Protocol::Direction::Out) {
            if (m.kind != MessageKind::Command)
                continue;
            if (m.id != 0)
                m_pending.insert(m.id, {int(m.method), m.channel});
            // A subscribe counts from when it is sent: a second one before the reply is refused just the same.
            if (m.method == Method::Subscribe)
                m_subscriptions.insert(m.channel);
            if (m.method == Method::Unsubscribe)
                m_subscriptions.remove(m.channel);
            continue;
        }
        if (m.kind == MessageKind::Push && m.push == Protocol::PushType::Unsubscribe) {
            m_subscriptions.remove(m.channel);
            continue;
        }
        if ((m.kind != MessageKind::Reply && m.kind != MessageKind::Error) || !m_pending.contains(m.id))
            continue;
        const auto [methodValue, channel] = m_pending.take(m.id);
        const Method method = Method(methodValue);
        const bool ok = m.kind == MessageKind::Reply;
        const QString ns = namespaceOf(channel);
        if (!ok && method == Method::Subscribe && m.code != 105)
            m_subscriptions.remove(channel);
        // What this reply proves about the server's settings (docs/cli.md names them).
        if (!ns.isEmpty() && (ok || m.code == 103 || m.code == 108))
            learn(QStringLiteral("namespace:") + ns, true);
        if (!ns.isEmpty() && m.code == 102)
            learn(QStringLiteral("namespace:") + ns, false);
        switch (method) {
        case Method::Rpc:
            if (ok || m.code == 108)
                learn(QStringLiteral("rpc-proxy"), ok);
            break;
        case Method::Subscribe:
            if (ok || m.code == 103)
                learn(QStringLiteral("subscribe:") + ns, ok);
            break;
        case Method::Publish:
            if (ok || m.code == 103)
                learn(QStringLiteral("publish:") + ns, ok);
            break;
        case Method::History:
            if (ok || m.code == 108)
                learn(QStringLiteral("history-enabled:") + ns, ok);
            if (ok || m.code == 103)
                learn(QStringLiteral("history:") + ns, ok);
            break;
        case Method::Presence:
        case Method::PresenceStats:
            if (ok || m.code == 108)
                learn(QStringLiteral("presence-enabled:") + ns, ok);
            if (ok || m.code == 103)
                learn(QStringLiteral("presence:") + ns, ok);
            break;
        case Method::Connect:
            if (ok)
                learn(m_session->options().token.isEmpty() ? QStringLiteral("anonymous-connect")
                                                           : QStringLiteral("token-signature"),
                      true);
            break;
        default:
            break;
        }
    }
    update();
}

void LintContextTracker::update()
{
    LintContext c = m_session->lintContext();
    c.subscriptions = m_subscriptions;
    if (c.connectSent)
        c.token = m_session->options().token;
    c.grantedSettings = m_granted;
    c.missingSettings = m_missing;
    if (c == m_context)
        return;
    m_context = c;
    emit contextChanged(m_context);
}
