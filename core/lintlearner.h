#pragma once

#include "lintcontext.h"

#include <QHash>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

struct Frame;

// What the frames of a session teach the linter, frame by frame, in and out: the connect state, pings, ids
// waiting for replies, the connection token, the channels subscribed to, and which server settings replies have
// proven there or missing (a namespace that answered 102 stays unknown; a history reply proves history is enabled
// and allowed there). Used live (LintContextTracker) and on recordings (centrifugo-inspector-cli
// --lint-recording). What replies teach about the server outlives a reconnect; the rest does not.
class LintLearner
{
public:
    void observe(const Frame &frame);
    // A new connection begins.
    void resetConnection();

    // Sets the subscriptions, token and learned settings of *context; with `connectionState`, also socketOpen,
    // connectSent, connected, connectFailed, pingOutstanding and inFlightIds (a live Session knows those itself).
    void apply(LintContext *context, bool connectionState) const;

private:
    void learn(const QString &setting, bool granted);

    QSet<QString> m_subscriptions;
    QHash<quint32, QPair<int, QString>> m_pending; // command id -> (Protocol::Method, channel)
    QString m_token;
    bool m_connectSent = false;
    bool m_connected = false;
    bool m_connectFailed = false;
    bool m_pingOutstanding = false;
    QStringList m_granted;
    QStringList m_missing;
};
