#include "lintcontexttracker.h"

#include "frame.h"
#include "session.h"

LintContextTracker::LintContextTracker(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &Session::stateChanged, this, [this](Session::State state) {
        if (state != Session::State::Open && state != Session::State::Connected)
            m_learner.resetConnection();
        update();
    });
    connect(session, &Session::frame, this, [this](const Frame &frame) {
        m_learner.observe(frame);
        update();
    });
    update();
}

void LintContextTracker::update()
{
    LintContext c = m_session->lintContext();
    m_learner.apply(&c, false);
    if (c == m_context)
        return;
    m_context = c;
    emit contextChanged(m_context);
}
