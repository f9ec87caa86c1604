#include "lintlearner.h"

#include "frame.h"

using Protocol::MessageKind;
using Protocol::Method;

namespace {

QString namespaceOf(const QString &channel)
{
    const qsizetype colon = channel.indexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : channel.left(colon);
}

} // namespace

void LintLearner::resetConnection()
{
    m_subscriptions.clear();
    m_pending.clear();
    m_token.clear();
    m_connectSent = false;
    m_connected = false;
    m_connectFailed = false;
    m_pingOutstanding = false;
}

void LintLearner::learn(const QString &setting, bool granted)
{
    QStringList &add = granted ? m_granted : m_missing;
    QStringList &drop = granted ? m_missing : m_granted;
    drop.removeAll(setting);
    if (!add.contains(setting))
        add.append(setting);
}

void LintLearner::observe(const Frame &frame)
{
    if (frame.close) {
        resetConnection();
        return;
    }
    for (const ProtocolMessage &m : frame.messages) {
        if (frame.direction == Protocol::Direction::Out) {
            if (m.kind == MessageKind::Pong)
                m_pingOutstanding = false;
            if (m.kind != MessageKind::Command)
                continue;
            if (m.id != 0)
                m_pending.insert(m.id, {int(m.method), m.channel});
            if (m.method == Method::Connect) {
                m_connectSent = true;
                m_token = m.json().value(QLatin1String("connect")).toObject().value(QLatin1String("token")).toString();
            }
            // A subscribe counts from when it is sent: a second one before the reply is refused just the same.
            if (m.method == Method::Subscribe)
                m_subscriptions.insert(m.channel);
            if (m.method == Method::Unsubscribe)
                m_subscriptions.remove(m.channel);
            continue;
        }
        if (m.kind == MessageKind::Ping) {
            m_pingOutstanding = true;
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
        case Method::Connect:
            m_connected = ok;
            m_connectFailed = !ok;
            if (ok)
                learn(m_token.isEmpty() ? QStringLiteral("anonymous-connect") : QStringLiteral("token-signature"),
                      true);
            break;
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
        default:
            break;
        }
    }
}

void LintLearner::apply(LintContext *c, bool connectionState) const
{
    c->subscriptions = m_subscriptions;
    c->token = m_token;
    c->grantedSettings = m_granted;
    c->missingSettings = m_missing;
    if (!connectionState)
        return;
    c->socketOpen = true;
    c->connectSent = m_connectSent;
    c->connected = m_connected;
    c->connectFailed = m_connectFailed;
    c->pingOutstanding = m_pingOutstanding;
    c->inFlightIds.clear();
    for (auto it = m_pending.constBegin(); it != m_pending.constEnd(); ++it)
        c->inFlightIds.insert(it.key());
}
