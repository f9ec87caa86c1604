#pragma once

#include "logentry.h"
#include "secretmasker.h"
#include "sessionview.h"
#include "subscribeoptions.h"

#include <QHash>
#include <QKeySequence>
#include <QMainWindow>
#include <QStringList>

class CombinedTimelineModel;
class CombinedTimelineView;
class CommandComposer;
class LanguageSwitcher;
class ThemeManager;
class CommandHistory;
class ConnectionPanel;
class LogModel;
class LogView;
class MainMenus;
class QAction;
class QDockWidget;
class QLabel;
class ProfileActions;
class TimelineFiles;
class ProxyAppViews;
class ProxyPanel;
class QSettings;
class QTabWidget;
class SessionArea;
class TrafficChartView;
class TrafficStats;
class Reconnector;
class Session;
class SubscriptionPanel;
class SubscriptionTracker;
class TimelineModel;
class TimelineWidget;

// The inspector's window: one tab per session (a SessionView: connection panel, subscriptions, timeline, composer,
// server API and log of that client), or two or three sessions side by side; a combined timeline of all of them in
// a dock. The first session and the settings are given to it (no singletons); the sessions it opens itself (New
// connection, Duplicate this connection) are its children. The accessors below answer for the current session.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Session *session, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The current session (the selected tab, or the focused one side by side) and its parts.
    SessionView *currentView() const;
    Session *session() const;
    ConnectionPanel *connectionPanel() const;
    CommandComposer *composer() const;
    SubscriptionPanel *subscriptionPanel() const;
    SubscriptionTracker *tracker() const;
    TimelineModel *timelineModel() const;
    TimelineWidget *timeline() const;
    LogModel *logModel() const;
    LogView *logView() const;
    CommandHistory *history() const { return m_history; }
    Reconnector *reconnector() const;

    // Every session of the window, in tab order.
    QList<SessionView *> sessionViews() const { return m_views; }
    // Adds a tab for a session created elsewhere (the window does not own it) and makes it current.
    SessionView *addSession(Session *session);
    void setCurrentView(SessionView *view);
    bool isSideBySide() const { return m_sideBySide; }
    QSettings *settings() const { return m_settings; }
    // The docks the View menu shows and hides, and the proxy's (in the Tools menu).
    QList<QDockWidget *> docks() const { return m_docks; }
    QDockWidget *proxyDock() const { return m_proxyDock; }
    CombinedTimelineModel *combinedModel() const { return m_combinedModel; }
    CombinedTimelineView *combinedView() const { return m_combinedView; }
    TrafficChartView *charts() const { return m_charts; }
    // Opens recordings together in the combined timeline, merged in time order, one source per file (the
    // "source" field of merged recordings, else the file's name).
    bool openInCombined(const QStringList &paths);

    // The lowest level printed on stderr (set from --log-level); the session then logs at least that much.
    void setStderrLevel(LogEntry::Level level);
    // Channels to subscribe to after the next successful connect (--subscribe).
    void subscribeWhenConnected(const QStringList &channels);
    void subscribeWhenConnected(const QList<SubscribeOptions> &subscriptions);
    // Adds a line of the window's own to the log pane and the "inspector.gui" category.
    void log(LogEntry::Level level, const QString &message);
    QAction *action(const QString &name) const;
    // The keys of File > Quit for the platform's Quit bindings: each once, Ctrl+Q always.
    static QList<QKeySequence> quitShortcuts(const QList<QKeySequence> &platformQuit);
    // View ▸ Show secrets: off at every start.
    bool secretsShown() const { return m_secretsShown; }
    // Every secret known in this run (the session's and the secret store's), for masking.
    SecretMasker knownSecrets() const;
    // The export behind File ▸ Export timeline, without the file dialog.
    bool exportTimelineTo(const QString &path, bool onlyShown, bool includeSecrets);

    // The language the settings ask for: "en", "zh_CN" or "" (the system's).
    static QString settingsLanguage(QSettings *settings);
    // The switcher that installed the start language (main.cpp); without one the window makes its own when the
    // language is changed.
    void setLanguageSwitcher(LanguageSwitcher *switcher) { m_language = switcher; }
    ThemeManager *themeManager() const { return m_theme; }
    // Opens recordings (*.jsonl) and HAR captures (*.har) in the timeline, one after the other: the first replaces
    // the timeline, the others are added after it. Unknown files are reported in the log. Returns false when none
    // could be opened.
    bool openFiles(const QStringList &paths);
    // The text of Help > About (versions of the app, Qt, the protocol, and the server's when connected).
    QString aboutText() const;

public slots:
    void connectToServer();
    void disconnectFromServer();
    void sendCommand();
    void focusTimelineSearch();
    void clearTimeline();
    void exportTimeline();
    void exportShownRows();
    void importTimeline();
    void saveLog();
    void showProfiles();
    void showTokenGenerator();
    void showTokenDecoder();
    // Connects with a saved profile (its secrets from the secret store, token refresh from its token source).
    void connectWithProfile(const QString &profileId);
    // Shows or masks secrets in the log (from now on), the timeline's detail pane and the connection panel.
    void setSecretsShown(bool shown);
    // Switches the interface language now (no restart) and remembers it: "en", "zh_CN" or "" (the system's).
    void setLanguage(const QString &language);
    // System, Light or Dark; remembered in the settings.
    void setTheme(const QString &name);
    // A new client in a new tab (the panel's last options, not connected).
    SessionView *newConnection();
    // A new client like the current one: same profile (or options), same channels; connected if it is.
    SessionView *duplicateConnection();
    // Closes the session of the tab (its client disconnects); the last one stays.
    void closeSession(SessionView *view);
    // Up to three sessions next to each other instead of tabs: the current one and, when applications are
    // connected through the proxy, the newest of them (docs/proxy.md).
    void setSideBySide(bool on);
    void openRecordingsInCombined();
    // The combined timeline showing only the current session: its messages and its server calls, in time order.
    void showSessionWithServerCalls();
    // The composer of the current session, shown and focused.
    void editCommand();
    // The subscription panel of the current session, shown, its channel field focused.
    void editSubscription();
    // A part shown or hidden in every session at once, so that side by side they stay aligned.
    void setPartVisible(SessionView::Part part, bool visible);
    // The dock layout of the first start, every part of every session shown.
    void resetLayout();
    // Probes the transports of the connection panel's server (only its host and port count), with its token,
    // headers and TLS settings.
    void probeTransports();
    void showScenarios();
    void showShortcuts();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildDocks();
    void buildProxyDock();
    QDockWidget *addDock(QWidget *widget, const QString &title, const char *name, Qt::DockWidgetArea area);
    void restoreSettings();
    void saveSettings() const;
    void updateTitle();
    void placeViews();
    // A session's source in the combined timeline: its frames and its server calls, under its name.
    void addToCombined(SessionView *view);
    // What the window does with a session's own signals (title, status messages, import and export, pause).
    void connectView(SessionView *view);
    // The charts' choice of source: every session and the combined timeline.
    void updateChartSources();
    void updateChartSource();
    void retranslateUi();

    QSettings *m_settings;
    CommandHistory *m_history;
    QList<SessionView *> m_views;
    SessionView *m_current = nullptr;
    SessionArea *m_area = nullptr;
    QTabWidget *m_tabs = nullptr; // m_area's
    bool m_sideBySide = false;
    ProxyPanel *m_proxyPanel = nullptr;
    ProxyAppViews *m_appViews = nullptr; // each application connection's read-only view
    QDockWidget *m_proxyDock = nullptr;
    int m_nextClientNumber = 1;
    CombinedTimelineModel *m_combinedModel = nullptr;
    CombinedTimelineView *m_combinedView = nullptr;
    TrafficStats *m_chartStats = nullptr;
    TrafficChartView *m_charts = nullptr;
    QHash<SessionView *, int> m_combinedSources; // each session's source in the combined timeline
    QList<QDockWidget *> m_docks;
    QDockWidget *m_scenarioDock = nullptr; // ScenarioPanel, not in m_docks: hidden until asked for
    LanguageSwitcher *m_language = nullptr;
    ThemeManager *m_theme = nullptr;
    QLabel *m_statusState = nullptr;
    QLabel *m_statusSecrets = nullptr;
    bool m_secretsShown = false;
    QByteArray m_defaultState;

    LogEntry::Level m_stderrLevel = LogEntry::Level::Info;
    ProfileActions *m_profileActions = nullptr;
    TimelineFiles *m_files = nullptr;
    MainMenus *m_menus = nullptr;
};
