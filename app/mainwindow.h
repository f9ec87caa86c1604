#pragma once

#include "logentry.h"
#include "secretmasker.h"
#include "subscribeoptions.h"
#include "tokenclaims.h"

#include <QKeySequence>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>

class CommandComposer;
class LanguageSwitcher;
class ThemeManager;
class CommandHistory;
class ConnectionPanel;
class LogModel;
class LogView;
class QAction;
class QDockWidget;
class QLabel;
class ProfileResolver;
class ProfileStore;
class QSettings;
class SecretStore;
class TokenGeneratorDialog;
class Reconnector;
class Session;
class SubscriptionPanel;
class SubscriptionTracker;
class TimelineModel;
class TimelineWidget;

// The inspector's window for one session: connection panel and subscriptions on the left, the timeline in the
// centre, the command composer on the right, the log at the bottom. The session and the settings are given to it
// (no singletons), so a second window could show a second session.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Session *session, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    Session *session() const { return m_session; }
    ConnectionPanel *connectionPanel() const { return m_connection; }
    CommandComposer *composer() const { return m_composer; }
    SubscriptionPanel *subscriptionPanel() const { return m_subscriptions; }
    SubscriptionTracker *tracker() const { return m_tracker; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    TimelineWidget *timeline() const { return m_timeline; }
    LogModel *logModel() const { return m_logModel; }
    LogView *logView() const { return m_logView; }
    CommandHistory *history() const { return m_history; }
    Reconnector *reconnector() const { return m_reconnector; }

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

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildDocks();
    void exportFrames(bool onlyShown);
    void buildMenus();
    QDockWidget *addDock(QWidget *widget, const QString &title, const char *name, Qt::DockWidgetArea area);
    void restoreSettings();
    void saveSettings() const;
    void updateSessionLogLevel();
    void updateTitle();
    void onConnected();
    void retranslateUi();
    void importNextFile();
    void showShortcuts();
    void ensureProfiles();
    TokenGeneratorDialog *tokenGenerator();
    void showAbout();

    Session *m_session;
    QSettings *m_settings;
    SubscriptionTracker *m_tracker;
    TimelineModel *m_timelineModel;
    LogModel *m_logModel;
    CommandHistory *m_history;
    Reconnector *m_reconnector;

    ConnectionPanel *m_connection = nullptr;
    CommandComposer *m_composer = nullptr;
    SubscriptionPanel *m_subscriptions = nullptr;
    TimelineWidget *m_timeline = nullptr;
    LogView *m_logView = nullptr;
    QList<QDockWidget *> m_docks;
    QDockWidget *m_scenarioDock = nullptr; // ScenarioPanel, not in m_docks: hidden until asked for
    LanguageSwitcher *m_language = nullptr;
    ThemeManager *m_theme = nullptr;
    QStringList m_filesToOpen; // opened after the running import
    QLabel *m_statusState = nullptr;
    QLabel *m_statusSecrets = nullptr;
    bool m_secretsShown = false;
    QByteArray m_defaultState;

    LogEntry::Level m_stderrLevel = LogEntry::Level::Info;
    QList<SubscribeOptions> m_pendingSubscriptions;
    // Created when first needed (the keychain probe is slow on some desktops).
    SecretStore *m_secrets = nullptr;
    ProfileStore *m_profiles = nullptr;
    ProfileResolver *m_resolver = nullptr;
    QPointer<TokenGeneratorDialog> m_tokenGenerator;
    QList<QKeySequence> m_windowKeys; // shortcuts that win over text fields' own key bindings
};
