#pragma once

#include "lintcontext.h"
#include "lintlearner.h"

#include <QObject>

class Session;

// Keeps the linter's view of a live session up to date and announces it only when it changes: the session's own
// state (Session::lintContext) plus what its frames teach (LintLearner: subscriptions, the connection token,
// server settings proven by replies).
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

    Session *m_session;
    LintLearner m_learner;
    LintContext m_context;
};
