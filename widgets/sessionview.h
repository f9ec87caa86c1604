#pragma once

#include "logentry.h"
#include "profileresolver.h"
#include "secretmasker.h"
#include "subscribeoptions.h"

#include <QWidget>

#include <functional>
#include <optional>

class CommandComposer;
class CommandHistory;
class ConnectionPanel;
class LogModel;
class LogView;
class QSettings;
class QSplitter;
class QTabWidget;
class Reconnector;
class ServerCallFrames;
class ServerPanel;
class Session;
class SubscriptionPanel;
class SubscriptionTracker;
class TimelineModel;
class TimelineWidget;

// Everything the window shows for ONE session: connection panel over the subscriptions on the left, the timeline
// in the centre, the command composer and the server API panel (tabs) beside the log at the bottom. The session is
// created by the app and given to the view, which does not own it; the view owns its models (timeline, log,
// subscriptions) and the reconnector. Several views side by side or in tabs are several clients in one window.
class SessionView : public QWidget
{
    Q_OBJECT

public:
    // The parts that View-menu switches show or hide.
    enum class Part { Connection, Subscriptions, Tools, Log };

    SessionView(Session *session, QSettings *settings, CommandHistory *history, QWidget *parent = nullptr);
    ~SessionView() override;

    Session *session() const { return m_session; }
    ConnectionPanel *connectionPanel() const { return m_connection; }
    CommandComposer *composer() const { return m_composer; }
    SubscriptionPanel *subscriptionPanel() const { return m_subscriptions; }
    SubscriptionTracker *tracker() const { return m_tracker; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    TimelineWidget *timeline() const { return m_timeline; }
    LogModel *logModel() const { return m_logModel; }
    LogView *logView() const { return m_logView; }
    ServerPanel *serverPanel() const { return m_serverPanel; }
    // The server panel's calls and replies as timeline rows: this session's timeline takes them, and so can others
    // (the combined timeline).
    ServerCallFrames *serverCallFrames() const { return m_serverCalls; }
    Reconnector *reconnector() const { return m_reconnector; }
    QTabWidget *toolTabs() const { return m_tools; }

    // The name in the tab and in the combined timeline's Source column ("Client 1", or the profile's name).
    QString name() const { return m_name; }
    void setName(const QString &name);
    // "connected", "disconnected"... (translated).
    QString stateText() const;
    // "name (state)" for the tab.
    QString title() const;

    // Adds a line of the window's own to this session's log pane and the "inspector.gui" category.
    void log(LogEntry::Level level, const QString &message);
    // The lowest level printed on stderr; the session logs at least that much (and what the pane shows).
    void setStderrLevel(LogEntry::Level level);
    // Channels to subscribe to after the next successful connect.
    void subscribeWhenConnected(const QList<SubscribeOptions> &subscriptions);
    // Known secrets (the session's and the window's store) for the timeline's masking.
    void setSecretSource(std::function<SecretMasker()> source);
    void setShowSecrets(bool shown);

    // Connects with a resolved profile: its options in the panel (secret header values left out), its secrets
    // masked, its token providers, its subscriptions once connected, its API URL and key in the server panel.
    void applyProfile(const ProfileResolver::Result &result);
    // The profile this session was last connected with, for "Duplicate this connection".
    const std::optional<ProfileResolver::Result> &profile() const { return m_profile; }
    // Connects a new client like this one: the same profile or panel options, the same channels.
    void duplicateInto(SessionView *other) const;

    // Side by side, a session has a third or half of the window: the connection panel and the subscriptions go
    // next to each other above the timeline, and every part may shrink below its comfortable size.
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    void setPartVisible(Part part, bool visible);
    bool isPartVisible(Part part) const;
    // The splitters' sizes, for the window's settings.
    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray &state);

public slots:
    // Asks for a code and reason, then disconnects this client through the server API (a chaos control).
    void askAndDisconnectThisClient();

signals:
    // The name or the session's state changed (tab text, window title).
    void titleChanged();
    // A sentence for the window's status bar.
    void statusMessage(const QString &text, int timeoutMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi(QSettings *settings, CommandHistory *history);
    void addServerActions();
    void updateSessionLogLevel();
    void onConnected();
    void retranslateUi();

    Session *m_session;
    QString m_name;
    SubscriptionTracker *m_tracker;
    TimelineModel *m_timelineModel;
    LogModel *m_logModel;
    Reconnector *m_reconnector;
    std::optional<ProfileResolver::Result> m_profile;

    ConnectionPanel *m_connection = nullptr;
    SubscriptionPanel *m_subscriptions = nullptr;
    CommandComposer *m_composer = nullptr;
    ServerPanel *m_serverPanel = nullptr;
    ServerCallFrames *m_serverCalls = nullptr;
    TimelineWidget *m_timeline = nullptr;
    LogView *m_logView = nullptr;
    QTabWidget *m_tools = nullptr;
    QSplitter *m_outer = nullptr;
    QSplitter *m_top = nullptr;
    QSplitter *m_left = nullptr;
    QSplitter *m_bottom = nullptr;
    QList<QAction *> m_serverActions;
    bool m_compact = false;
    LogEntry::Level m_stderrLevel = LogEntry::Level::Info;
    QList<SubscribeOptions> m_pendingSubscriptions;
};
