#pragma once

#include "lintcontext.h"

#include <QHash>
#include <QObject>
#include <QPair>

class Session;
struct Frame;

// Keeps the linter's view of a session up to date and announces it only when it changes: the session's own
// state (Session::lintContext), the channels this connection is subscribed to, the connection token, and what
// replies have shown about the server's settings (a namespace that answered 102 stays unknown, a history reply
// proves history is enabled and allowed there). What replies teach outlives a reconnect; subscriptions do not.
class LintContextTracker : public QObject
{
    Q_OBJECT

public:
    explicit LintContextTracker(Session *session, QObject *parent = nullptr);

    const LintContext &context() const { return m_context; }

signals:
    void contextChanged(const LintContext &context);

private:
    void update();
    void onFrame(const Frame &frame);
    void learn(const QString &setting, bool granted);

    Session *m_session;
    LintContext m_context;
    QSet<QString> m_subscriptions;
    QHash<quint32, QPair<int, QString>> m_pending; // command id -> (Protocol::Method, channel)
    QStringList m_granted;
    QStringList m_missing;
};
