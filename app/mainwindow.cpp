#include "mainwindow.h"

#include "secretmasker.h"

#include "commandcomposer.h"
#include "commandhistory.h"
#include "connectionpanel.h"
#include "languageswitcher.h"
#include "loadpanel.h"
#include "loadrunner.h"
#include "logmodel.h"
#include "logview.h"
#include "profilemanagerdialog.h"
#include "profileresolver.h"
#include "profilestore.h"
#include "reconnector.h"
#include "scenariopanel.h"
#include "scenariorunner.h"
#include "secretstore.h"
#include "serverpanel.h"
#include "session.h"
#include "subscriptionpanel.h"
#include "subscriptiontracker.h"
#include "thememanager.h"
#include "timelinemodel.h"
#include "timelinewidget.h"
#include "tokendecoderdialog.h"
#include "tokengeneratordialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include <memory>

Q_LOGGING_CATEGORY(lcGui, "inspector.gui", QtInfoMsg)

using Level = LogEntry::Level;

namespace {

constexpr int kStateVersion = 1;

QString settingsKey(const char *name)
{
    return QLatin1String("window/") + QLatin1String(name);
}

} // namespace

MainWindow::MainWindow(Session *session, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_tracker(new SubscriptionTracker(this))
    , m_timelineModel(new TimelineModel(this))
    , m_logModel(new LogModel(this))
    , m_history(new CommandHistory(settings, this))
    , m_reconnector(new Reconnector(session, this))
    , m_theme(new ThemeManager(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    if (m_settings) {
        const auto theme = ThemeManager::themeFromName(m_settings->value(QStringLiteral("ui/theme")).toString());
        if (theme != ThemeManager::Theme::System)
            m_theme->setTheme(theme);
    }
    m_tracker->setSession(session);
    connect(session, &Session::frame, m_timelineModel, &TimelineModel::appendFrame);
    connect(session, &Session::logged, m_logModel, &LogModel::append);
    // After a reconnect, the channels the close ended come back, recovering from their last position.
    m_reconnector->setSubscriptionSource([this] { return m_tracker->restorableSubscriptions(); });

    m_timeline = new TimelineWidget(m_timelineModel);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setSecretSource([this] { return knownSecrets(); });
    setCentralWidget(m_timeline);
    buildDocks(); // the menus are built by retranslateUi(), below
    // QA scenarios (docs/scenarios.md) and load runs (docs/load.md): tabs of a dock of their own, hidden until
    // Tools > Scenarios. Sent timeline rows copy as wscat/websocat command lines against this window's connection.
    m_scenarioDock = new QDockWidget(this);
    m_scenarioDock->setObjectName(QStringLiteral("scenarioDock"));
    auto *scenarioTabs = new QTabWidget;
    scenarioTabs->setObjectName(QStringLiteral("scenarioTabs"));
    scenarioTabs->addTab(new ScenarioPanel(new ScenarioRunner(this)), QString());
    scenarioTabs->addTab(new LoadPanel(new LoadRunner(this)), QString());
    scenarioTabs->setFocusProxy(scenarioTabs->widget(0));
    m_scenarioDock->setWidget(scenarioTabs);
    addDockWidget(Qt::RightDockWidgetArea, m_scenarioDock);
    m_scenarioDock->hide();
    m_timeline->setConnectionSource([this] { return m_session->options(); });
    m_connection->setReconnector(m_reconnector);
    connect(m_reconnector, &Reconnector::restored, this,
            [this](const QStringList &channels, const QStringList &recovering) {
                log(Level::Info,
                    recovering.isEmpty()
                        ? tr("Reconnected; subscribed again to %1.").arg(channels.join(QLatin1String(", ")))
                        : tr("Reconnected; subscribed again to %1 (recovering %2).")
                              .arg(channels.join(QLatin1String(", ")), recovering.join(QLatin1String(", "))));
            });
    connect(m_reconnector, &Reconnector::stopped, this, [this](const QString &reason) {
        if (!m_session->closedByClient())
            log(Level::Info, reason);
    });

    m_statusSecrets = new QLabel;
    m_statusSecrets->setObjectName(QStringLiteral("secretsShownLabel"));
    m_statusSecrets->setStyleSheet(QStringLiteral("color: #b35c00; font-weight: bold"));
    m_statusSecrets->hide();
    statusBar()->addPermanentWidget(m_statusSecrets);
    m_statusState = new QLabel;
    statusBar()->addPermanentWidget(m_statusState);
    connect(session, &Session::stateChanged, this, &MainWindow::updateTitle);
    connect(session, &Session::connected, this, &MainWindow::onConnected);
    connect(m_subscriptions, &SubscriptionPanel::problem, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_logView, &LogView::levelChanged, this, &MainWindow::updateSessionLogLevel);
    connect(m_timeline, &TimelineWidget::exportFinished, this, [this](const TimelineExporter::Summary &summary) {
        log(summary.ok() && summary.dropped == 0 ? Level::Info : Level::Warning, summary.text());
    });
    connect(m_timeline, &TimelineWidget::importFinished, this, [this](const TimelineImporter::Summary &summary) {
        log(summary.ok() && summary.badLines == 0 ? Level::Info : Level::Warning, summary.text());
        importNextFile();
    });
    // More options opened: give the connection dock the height it now wants, taken from the subscriptions.
    connect(m_connection, &ConnectionPanel::preferredHeightChanged, this, [this] {
        QDockWidget *connection = nullptr;
        QDockWidget *subscriptions = nullptr;
        for (QDockWidget *d : std::as_const(m_docks)) {
            if (d->widget() == m_connection)
                connection = d;
            else if (d->widget() == m_subscriptions)
                subscriptions = d;
        }
        if (!connection || !subscriptions || connection->isFloating() || subscriptions->isFloating())
            return;
        const int total = connection->height() + subscriptions->height();
        const int wanted =
            qMin(m_connection->sizeHint().height() + 30, total - subscriptions->minimumSizeHint().height());
        resizeDocks({connection, subscriptions}, {wanted, total - wanted}, Qt::Vertical);
    });
    // A connect from the panel uses the panel's token: refresh tokens of a profile no longer apply.
    connect(m_connection, &ConnectionPanel::connectRequested, this, [this] {
        m_session->setTokenProvider({});
        m_session->setSubscriptionTokenProvider({});
    });
    connect(m_logView, &LogView::saved, this,
            [this](const QString &path) { log(Level::Info, tr("Log saved to %1").arg(path)); });

    // Text fields claim some of the window's keys for themselves (on X11, Ctrl+K deletes to the end of the line
    // and Ctrl+E moves to it); the window's shortcuts must work wherever the focus is.
    qApp->installEventFilter(this);

    retranslateUi();
    m_defaultState = saveState(kStateVersion);
    restoreSettings();
    updateSessionLogLevel();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The session outlives the window: stop it from calling into our models.
    m_reconnector->cancel();
    m_session->disconnect(this);
    m_session->disconnect(m_timelineModel);
    m_session->disconnect(m_logModel);
    m_tracker->setSession(nullptr);
    qApp->removeEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride)
        return QMainWindow::eventFilter(watched, event);
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != this)
        return QMainWindow::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const QKeySequence pressed(key->keyCombination());
    // Ctrl+Enter and Ctrl+Up/Down belong to the composer's editor, which handles them itself.
    if (widget == m_composer->editor() && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter ||
                                           key->key() == Qt::Key_Up || key->key() == Qt::Key_Down))
        return QMainWindow::eventFilter(watched, event);
    if (m_windowKeys.contains(pressed)) {
        event->ignore(); // not overridden: the shortcut runs
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &title, const char *name, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(QLatin1String(name));
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::buildDocks()
{
    m_connection = new ConnectionPanel(m_session, m_settings);
    m_connection->setObjectName(QStringLiteral("connectionPanel"));
    m_subscriptions = new SubscriptionPanel(m_session, m_tracker);
    m_subscriptions->setObjectName(QStringLiteral("subscriptionPanel"));
    m_composer = new CommandComposer(m_session, m_history);
    m_composer->setObjectName(QStringLiteral("composer"));
    m_logView = new LogView(m_logModel);
    m_logView->setObjectName(QStringLiteral("logView"));

    // Left column: connection over subscriptions, full height. Bottom, under the timeline: composer and log.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    QDockWidget *connection = addDock(m_connection, QString(), "connectionDock", Qt::LeftDockWidgetArea);
    QDockWidget *subscriptions = addDock(m_subscriptions, QString(), "subscriptionsDock", Qt::LeftDockWidgetArea);
    QDockWidget *composer = addDock(m_composer, QString(), "composerDock", Qt::BottomDockWidgetArea);
    QDockWidget *log = addDock(m_logView, QString(), "logDock", Qt::BottomDockWidgetArea);
    splitDockWidget(connection, subscriptions, Qt::Vertical);
    splitDockWidget(composer, log, Qt::Horizontal);
    resizeDocks({connection}, {400}, Qt::Horizontal);
    resizeDocks({connection, subscriptions}, {m_connection->sizeHint().height() + 30, 600}, Qt::Vertical);
    resizeDocks({composer}, {330}, Qt::Vertical);
    resizeDocks({composer, log}, {620, 560}, Qt::Horizontal);
    // The server API panel: a tab beside the composer; its calls and replies go to the log as server calls.
    auto *serverPanel = new ServerPanel(m_session);
    serverPanel->setObjectName(QStringLiteral("serverPanel"));
    connect(serverPanel, &ServerPanel::logged, m_logModel, &LogModel::append);
    serverPanel->setChannelProvider([this]() { return m_subscriptions->selectedChannel(); });
    tabifyDockWidget(composer, addDock(serverPanel, QString(), "serverDock", Qt::BottomDockWidgetArea));
    composer->raise();

    // Tab order: connection -> subscriptions -> timeline -> composer -> log.
    setTabOrder(m_connection, m_subscriptions);
    setTabOrder(m_subscriptions, m_timeline);
    setTabOrder(m_timeline, m_composer);
    setTabOrder(m_composer, m_logView);
}

QList<QKeySequence> MainWindow::quitShortcuts(const QList<QKeySequence> &platformQuit)
{
    // The platform's Quit keys, plus Ctrl+Q where the platform has others: the same keys twice (Linux binds Quit
    // to Ctrl+Q) make an ambiguous shortcut that does nothing.
    QList<QKeySequence> keys;
    for (const QKeySequence &k : platformQuit) {
        if (!k.isEmpty() && !keys.contains(k))
            keys.append(k);
    }
    const QKeySequence ctrlQ(QStringLiteral("Ctrl+Q"));
    if (!keys.contains(ctrlQ))
        keys.append(ctrlQ);
    return keys;
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

void MainWindow::buildMenus()
{
    auto make = [this](QMenu *menu, const QString &text, const char *name, const QList<QKeySequence> &keys, auto slot) {
        QAction *a = menu->addAction(text);
        a->setObjectName(QLatin1String(name));
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work while the menu bar is hidden, too
        m_windowKeys.append(keys);
        return a;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    make(file, tr("&Export timeline…"), "exportTimeline", {QKeySequence(QStringLiteral("Ctrl+Shift+E"))},
         &MainWindow::exportTimeline);
    make(file, tr("Export &shown rows…"), "exportShownRows", {}, &MainWindow::exportShownRows);
    make(file, tr("&Import timeline…"), "importTimeline", {QKeySequence(QStringLiteral("Ctrl+Shift+I"))},
         &MainWindow::importTimeline);
    make(file, tr("&Save log…"), "saveLog", {QKeySequence::Save}, &MainWindow::saveLog);
    file->addSeparator();
    const QList<QKeySequence> quitKeys = quitShortcuts(QKeySequence::keyBindings(QKeySequence::Quit));
    make(file, tr("&Quit"), "quit", quitKeys, &QWidget::close);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    make(connection, tr("&Connect"), "connect", {QKeySequence(QStringLiteral("Ctrl+K"))}, &MainWindow::connectToServer);
    make(connection, tr("&Disconnect"), "disconnect", {QKeySequence(QStringLiteral("Ctrl+Shift+K"))},
         &MainWindow::disconnectFromServer);
    make(connection, tr("Send c&onnect command"), "sendConnect", {}, [this] { m_session->sendConnect(); });
    make(connection, tr("Send a &pong"), "sendPong", {}, [this] { m_session->sendPong(); });

    QMenu *command = menuBar()->addMenu(tr("C&ommand"));
    make(command, tr("&Send"), "send",
         {QKeySequence(QStringLiteral("Ctrl+Return")), QKeySequence(QStringLiteral("Ctrl+Enter"))},
         &MainWindow::sendCommand);
    make(command, tr("&Edit command"), "focusComposer", {QKeySequence(QStringLiteral("Ctrl+E"))}, [this] {
        for (QDockWidget *d : std::as_const(m_docks)) {
            if (d->widget() == m_composer)
                d->show();
        }
        m_composer->editor()->setFocus();
    });
    make(command, tr("&Previous command"), "recallOlder", {}, [this] { m_composer->recallOlder(); });
    make(command, tr("&Next command"), "recallNewer", {}, [this] { m_composer->recallNewer(); });
    QMenu *templates = command->addMenu(tr("&Template"));
    templates->addAction(tr("Raw / empty"), this, [this] { m_composer->loadTemplate(Protocol::Method::None); });
    for (Protocol::Method m : Protocol::allMethods())
        templates->addAction(QString(Protocol::methodName(m)), this, [this, m] { m_composer->loadTemplate(m); });
    make(command, tr("S&ubscribe to a channel…"), "subscribe", {QKeySequence(QStringLiteral("Ctrl+Shift+S"))}, [this] {
        for (QDockWidget *d : std::as_const(m_docks)) {
            if (d->widget() == m_subscriptions)
                d->show();
        }
        m_subscriptions->focusChannel();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    make(view, tr("&Find in timeline"), "find", {QKeySequence::Find}, &MainWindow::focusTimelineSearch);
    make(view, tr("C&lear timeline"), "clearTimeline", {QKeySequence(QStringLiteral("Ctrl+L"))},
         &MainWindow::clearTimeline);
    QAction *pause = make(view, tr("&Pause timeline"), "pauseTimeline", {QKeySequence(QStringLiteral("Ctrl+P"))},
                          [this](bool on) { m_timeline->setPaused(on); });
    pause->setCheckable(true);
    connect(m_timelineModel, &TimelineModel::pausedChanged, pause, &QAction::setChecked);
    view->addSeparator();
    for (QDockWidget *d : std::as_const(m_docks))
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    QAction *secrets = make(view, tr("Show &secrets"), "showSecrets", {}, &MainWindow::setSecretsShown);
    secrets->setCheckable(true);
    secrets->setToolTip(tr("Show tokens, keys and secret header values in the log, the timeline's detail pane and "
                           "the connection panel. Off at every start."));
    view->addSeparator();
    make(view, tr("&Reset layout"), "resetLayout", {}, [this] {
        restoreState(m_defaultState, kStateVersion);
        for (QDockWidget *d : std::as_const(m_docks))
            d->show();
    });

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *profiles = make(tools, tr("Connection &profiles…"), "profiles",
                             {QKeySequence(QStringLiteral("Ctrl+Shift+P"))}, &MainWindow::showProfiles);
    profiles->setEnabled(m_settings != nullptr);
    make(tools, tr("Token &generator…"), "tokenGenerator", {}, &MainWindow::showTokenGenerator);
    make(tools, tr("Token &decoder…"), "tokenDecoder", {}, &MainWindow::showTokenDecoder);
    make(tools, tr("&Scenarios…"), "scenarios", {}, [this] {
        m_scenarioDock->show();
        m_scenarioDock->raise();
        m_scenarioDock->widget()->setFocus();
    });
    m_scenarioDock->setWindowTitle(tr("Scenarios"));
    if (auto *scenarioTabs = qobject_cast<QTabWidget *>(m_scenarioDock->widget())) {
        scenarioTabs->setTabText(0, tr("Scenarios"));
        scenarioTabs->setTabText(1, tr("Load"));
    }

    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    theme->setObjectName(QStringLiteral("themeMenu"));
    auto *themes = new QActionGroup(theme);
    const QList<QPair<ThemeManager::Theme, QString>> themeNames = {{ThemeManager::Theme::System, tr("&System")},
                                                                   {ThemeManager::Theme::Light, tr("&Light")},
                                                                   {ThemeManager::Theme::Dark, tr("&Dark")}};
    for (const auto &t : themeNames) {
        QAction *a = theme->addAction(t.second);
        a->setCheckable(true);
        a->setChecked(m_theme->theme() == t.first);
        a->setObjectName(QLatin1String("theme_") + ThemeManager::themeName(t.first));
        themes->addAction(a);
        const QString name = ThemeManager::themeName(t.first);
        connect(a, &QAction::triggered, this, [this, name] { setTheme(name); });
    }

    QMenu *language = menuBar()->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    const QString current = settingsLanguage(m_settings);
    // Language names stay in their own language so that anyone can find theirs.
    const QList<QPair<QString, QString>> languages = {{QString(), tr("System default")},
                                                      {QStringLiteral("en"), QStringLiteral("English")},
                                                      {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &l : languages) {
        QAction *a = language->addAction(l.second);
        a->setCheckable(true);
        a->setChecked(l.first == current);
        a->setObjectName(QLatin1String("language_") + (l.first.isEmpty() ? QStringLiteral("system") : l.first));
        group->addAction(a);
        const QString code = l.first;
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    make(help, tr("&Keyboard shortcuts"), "shortcuts", {QKeySequence::HelpContents}, &MainWindow::showShortcuts);
    make(help, tr("&About Centrifugo Inspector"), "about", {}, &MainWindow::showAbout);
}

void MainWindow::connectToServer()
{
    if (m_session->state() != Session::State::Disconnected) {
        statusBar()->showMessage(tr("Already connected or connecting; disconnect first (Ctrl+Shift+K)."), 5000);
        return;
    }
    m_connection->connectToServer();
}

void MainWindow::disconnectFromServer()
{
    m_connection->disconnectFromServer();
}

void MainWindow::sendCommand()
{
    m_composer->send();
}

void MainWindow::focusTimelineSearch()
{
    m_timeline->focusSearch();
}

void MainWindow::clearTimeline()
{
    m_timeline->clear();
    statusBar()->showMessage(tr("Timeline cleared."), 3000);
}

void MainWindow::exportTimeline()
{
    exportFrames(false);
}

void MainWindow::exportShownRows()
{
    exportFrames(true);
}

void MainWindow::exportFrames(bool onlyShown)
{
    if (m_timeline->isTransferRunning()) {
        statusBar()->showMessage(tr("An import or export is still running."), 5000);
        return;
    }
    const QString suggested =
        QDir::home().filePath(QStringLiteral("centrifugo-timeline-%1.jsonl")
                                  .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    // Qt's own dialog, so that the "Include secrets" choice sits in it, where the file is chosen.
    QFileDialog dialog(this, onlyShown ? tr("Export shown rows") : tr("Export timeline"), suggested,
                       tr("Recordings (*.jsonl);;All files (*)"));
    dialog.setObjectName(QStringLiteral("exportDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setDefaultSuffix(QStringLiteral("jsonl"));
    auto *include = new QCheckBox(tr("Include secrets (tokens, keys): a lossless copy; keep the file private"));
    include->setObjectName(QStringLiteral("includeSecrets"));
    include->setToolTip(tr("Off: tokens in connect, refresh and subscribe commands, JWTs and known keys are masked "
                           "in the file. On: every frame byte for byte."));
    include->setChecked(m_secretsShown); // off unless View ▸ Show secrets is on
    if (auto *grid = qobject_cast<QGridLayout *>(dialog.layout()))
        grid->addWidget(include, grid->rowCount(), 0, 1, grid->columnCount());
    else
        include->setParent(&dialog); // never expected; the export then follows View ▸ Show secrets
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    exportTimelineTo(dialog.selectedFiles().constFirst(), onlyShown, include->isChecked());
}

bool MainWindow::exportTimelineTo(const QString &path, bool onlyShown, bool includeSecrets)
{
    if (m_timeline->exportJsonLines(path, onlyShown, includeSecrets))
        return true;
    log(Level::Error, tr("Could not export the timeline to %1: %2").arg(path, m_timeline->noticeText()));
    return false;
}

SecretMasker MainWindow::knownSecrets() const
{
    SecretMasker masker = m_session->masker();
    if (m_secrets)
        masker.addSecrets(m_secrets->masker());
    return masker;
}

void MainWindow::setSecretsShown(bool shown)
{
    m_secretsShown = shown;
    if (QAction *a = action(QStringLiteral("showSecrets")); a && a->isChecked() != shown)
        a->setChecked(shown);
    m_session->setShowSecrets(shown);
    m_timeline->setShowSecrets(shown);
    m_connection->setShowSecrets(shown);
    m_statusSecrets->setVisible(shown);
}

void MainWindow::importTimeline()
{
    if (m_timeline->isTransferRunning()) {
        statusBar()->showMessage(tr("An import or export is still running."), 5000);
        return;
    }
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import timeline"), QDir::homePath(),
                                     tr("Recordings and HAR files (*.jsonl *.har *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_session->state() != Session::State::Disconnected &&
        QMessageBox::question(this, tr("Import timeline"),
                              tr("The timeline is cleared and shows the file; new frames of the live connection "
                                 "are added after it. Import now?")) != QMessageBox::Yes)
        return;
    if (!m_timeline->importFile(path, true))
        log(Level::Error, tr("Could not import %1: %2").arg(path, m_timeline->noticeText()));
}

void MainWindow::saveLog()
{
    m_logView->save();
}

void MainWindow::setStderrLevel(Level level)
{
    m_stderrLevel = level;
    updateSessionLogLevel();
}

void MainWindow::updateSessionLogLevel()
{
    // The session builds only the entries someone will see: the pane's level or stderr's, whichever is lower.
    m_session->setLogLevel(qMin(m_logView->level(), m_stderrLevel));
}

void MainWindow::log(Level level, const QString &message)
{
    switch (level) {
    case Level::Trace:
    case Level::Debug:
        qCDebug(lcGui).noquote() << message;
        break;
    case Level::Info:
        qCInfo(lcGui).noquote() << message;
        break;
    case Level::Warning:
        qCWarning(lcGui).noquote() << message;
        break;
    case Level::Error:
        qCCritical(lcGui).noquote() << message;
        break;
    }
    LogEntry e;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.level = level;
    e.category = QString::fromLatin1(lcGui().categoryName());
    e.message = message;
    m_logModel->append(e);
    if (level >= Level::Info)
        statusBar()->showMessage(message, 5000);
}

void MainWindow::subscribeWhenConnected(const QStringList &channels)
{
    QList<SubscribeOptions> list;
    for (const QString &channel : channels) {
        SubscribeOptions o;
        o.channel = channel;
        o.recoverable = true;
        o.positioned = true;
        o.joinLeave = true;
        list.append(o);
    }
    subscribeWhenConnected(list);
}

void MainWindow::subscribeWhenConnected(const QList<SubscribeOptions> &subscriptions)
{
    m_pendingSubscriptions.append(subscriptions);
    if (m_session->state() == Session::State::Connected)
        onConnected();
}

void MainWindow::onConnected()
{
    updateTitle();
    const QList<SubscribeOptions> pending = std::exchange(m_pendingSubscriptions, {});
    for (const SubscribeOptions &o : pending)
        m_subscriptions->subscribe(o);
}

void MainWindow::ensureProfiles()
{
    if (m_profiles || !m_settings)
        return;
    m_secrets = new SecretStore(QStringLiteral("centrifugo-inspector"), SecretStore::Mode::Auto, this);
    m_profiles = new ProfileStore(m_settings, this);
    m_profiles->setSecretStore(m_secrets);
    m_resolver = new ProfileResolver(m_secrets, this);
    connect(m_resolver, &ProfileResolver::resolved, this, [this](const ProfileResolver::Result &result) {
        for (const QString &warning : result.warnings)
            log(Level::Warning, warning);
        if (m_session->state() != Session::State::Disconnected)
            return; // connected some other way meanwhile
        m_reconnector->cancel();
        // The panel shows the profile's options, except the values of secret headers.
        SessionOptions shown = result.options;
        shown.headers.clear();
        for (const auto &h : result.options.headers) {
            bool secret = false;
            for (const ConnectionProfile::Header &ph : result.profile.headers)
                secret = secret || (ph.isSecret() && ph.name == h.first);
            if (!secret)
                shown.headers.append(h);
        }
        m_connection->setOptions(shown);
        // The profile's secrets are masked in the log from the first line on.
        for (const auto &h : result.options.headers) {
            if (!shown.headers.contains(h))
                m_session->addSecret(QString::fromUtf8(h.second));
        }
        m_session->addSecret(QString::fromUtf8(result.hmacSecret));
        m_session->addSecret(result.apiKey);
        log(Level::Info, tr("Connecting with profile \"%1\".").arg(result.profile.name));
        m_session->open(result.options);
        m_session->setTokenProvider(result.tokenProvider());
        m_session->setSubscriptionTokenProvider(result.subscriptionTokenProvider());
        subscribeWhenConnected(result.profile.subscriptions);
    });
}

void MainWindow::showProfiles()
{
    ensureProfiles();
    if (!m_profiles)
        return;
    auto *dialog = new ProfileManagerDialog(m_profiles, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileManagerDialog::connectRequested, this, &MainWindow::connectWithProfile);
    connect(dialog, &ProfileManagerDialog::tokenGeneratorRequested, this,
            [this](const TokenClaims &claims, const QString &secret) {
                TokenGeneratorDialog *generator = tokenGenerator();
                generator->setSecret(secret);
                generator->setClaims(claims);
                generator->show();
                generator->raise();
            });
    dialog->show();
}

void MainWindow::connectWithProfile(const QString &profileId)
{
    ensureProfiles();
    if (!m_profiles)
        return;
    const ConnectionProfile profile = m_profiles->profile(profileId);
    if (m_session->state() == Session::State::Disconnected) {
        m_resolver->resolve(profile);
        return;
    }
    // Connected (or connecting) already: offer to close this connection and connect with the profile.
    QMessageBox box(QMessageBox::Question, tr("Connect with profile"),
                    tr("The inspector is connected to %1. Disconnect and connect with the profile \"%2\"?")
                        .arg(m_session->options().url.toString(QUrl::RemovePassword), profile.name),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("reconnectWithProfileQuestion"));
    box.button(QMessageBox::Yes)->setText(tr("Reconnect"));
    box.setDefaultButton(QMessageBox::Yes);
    if (box.exec() != QMessageBox::Yes)
        return;
    m_reconnector->cancel();
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_session, &Session::stateChanged, this, [this, once, profile](Session::State state) {
        if (state != Session::State::Disconnected)
            return;
        disconnect(*once);
        m_reconnector->cancel(); // the profile's connect, not an automatic reconnect
        m_resolver->resolve(profile);
    });
    m_session->close();
}

TokenGeneratorDialog *MainWindow::tokenGenerator()
{
    if (!m_tokenGenerator) {
        m_tokenGenerator = new TokenGeneratorDialog(this);
        connect(m_tokenGenerator, &TokenGeneratorDialog::useAsConnectionToken, this, [this](const QString &token) {
            m_connection->setToken(token);
            statusBar()->showMessage(tr("Token set in the connection panel; connect (Ctrl+K) to use it."), 8000);
        });
        connect(m_tokenGenerator, &TokenGeneratorDialog::useAsSubscriptionToken, this,
                [this](const QString &channel, const QString &token) {
                    m_subscriptions->prepareSubscribe(channel, token);
                    statusBar()->showMessage(
                        tr("Subscription token set for %1; press Subscribe to use it.").arg(channel), 8000);
                });
    }
    return m_tokenGenerator;
}

void MainWindow::showTokenGenerator()
{
    TokenGeneratorDialog *generator = tokenGenerator();
    generator->show();
    generator->raise();
    generator->activateWindow();
}

void MainWindow::showTokenDecoder()
{
    auto *decoder = new TokenDecoderDialog(this);
    decoder->setAttribute(Qt::WA_DeleteOnClose);
    decoder->setToken(m_connection->token());
    connect(decoder, &TokenDecoderDialog::editRequested, this, [this](const TokenClaims &claims) {
        TokenGeneratorDialog *generator = tokenGenerator();
        generator->setClaims(claims);
        showTokenGenerator();
    });
    decoder->show();
}

void MainWindow::updateTitle()
{
    QString state;
    switch (m_session->state()) {
    case Session::State::Disconnected:
        state = tr("disconnected");
        break;
    case Session::State::Connecting:
        state = tr("connecting");
        break;
    case Session::State::Open:
        state = tr("open");
        break;
    case Session::State::Connected:
        state = tr("connected");
        break;
    }
    const QString url = m_session->options().url.toString(QUrl::RemovePassword);
    setWindowTitle(tr("Centrifugo Inspector — %1 (%2)").arg(url, state));
    m_statusState->setText(state);
}

QString MainWindow::settingsLanguage(QSettings *settings)
{
    return settings ? settings->value(QStringLiteral("ui/language")).toString() : QString();
}

void MainWindow::setLanguage(const QString &language)
{
    if (m_settings)
        m_settings->setValue(QStringLiteral("ui/language"), language);
    if (!m_language)
        m_language = new LanguageSwitcher(this);
    if (!m_language->setLanguage(language))
        log(Level::Warning, tr("The translation for %1 was not found; the interface stays in English.")
                                .arg(LanguageSwitcher::resolve(language)));
}

void MainWindow::setTheme(const QString &name)
{
    if (m_settings)
        m_settings->setValue(QStringLiteral("ui/theme"), name);
    m_theme->setTheme(ThemeManager::themeFromName(name));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    // The menus are made again in the new language (their actions keep their names and states).
    const QList<QAction *> menus = menuBar()->actions();
    for (QAction *a : menus) {
        if (QMenu *menu = a->menu())
            delete menu;
    }
    menuBar()->clear();
    m_windowKeys.clear();
    buildMenus();
    if (QAction *pause = action(QStringLiteral("pauseTimeline")))
        pause->setChecked(m_timelineModel->isPaused());
    if (QAction *secrets = action(QStringLiteral("showSecrets")))
        secrets->setChecked(m_secretsShown);
    const QStringList titles = {tr("Connection"), tr("Subscriptions"), tr("Command"), tr("Log"), tr("Server API")};
    for (int i = 0; i < m_docks.size() && i < titles.size(); ++i)
        m_docks.at(i)->setWindowTitle(titles.at(i));
    m_statusSecrets->setText(tr("Secrets shown"));
    m_statusSecrets->setToolTip(tr("Tokens and keys are shown in the log, the timeline and the connection panel. "
                                   "View ▸ Show secrets hides them."));
    updateTitle();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty() && openFiles(paths))
        event->acceptProposedAction();
}

bool MainWindow::openFiles(const QStringList &paths)
{
    QStringList usable;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            log(Level::Error, tr("Cannot open %1: no such readable file.").arg(path));
        else
            usable.append(info.absoluteFilePath());
    }
    if (usable.isEmpty())
        return false;
    if (m_timeline->isTransferRunning()) {
        m_filesToOpen.append(usable); // after the running import or export
        return true;
    }
    m_filesToOpen = usable.mid(1);
    if (!m_timeline->importFile(usable.constFirst(), true)) {
        log(Level::Error, tr("Could not import %1: %2").arg(usable.constFirst(), m_timeline->noticeText()));
        importNextFile();
    }
    return true;
}

void MainWindow::importNextFile()
{
    while (!m_filesToOpen.isEmpty() && !m_timeline->isTransferRunning()) {
        const QString path = m_filesToOpen.takeFirst();
        if (m_timeline->importFile(path, false))
            return;
        log(Level::Error, tr("Could not import %1: %2").arg(path, m_timeline->noticeText()));
    }
}

void MainWindow::showShortcuts()
{
    QStringList rows;
    for (const char *name : {"connect", "disconnect", "send", "focusComposer", "subscribe", "find", "clearTimeline",
                             "pauseTimeline", "exportTimeline", "importTimeline", "saveLog", "quit"}) {
        const QAction *a = action(QLatin1String(name));
        if (!a)
            continue;
        rows.append(QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                             a->text().remove(QLatin1Char('&')).toHtmlEscaped()));
    }
    rows.append(QStringLiteral("<tr><td><b>Ctrl+↑ / Ctrl+↓</b></td><td>%1</td></tr>")
                    .arg(tr("Recall older / newer sent commands in the editor").toHtmlEscaped()));
    QMessageBox::information(this, tr("Keyboard shortcuts"),
                             QStringLiteral("<table cellspacing=6>") + rows.join(QString()) +
                                 QStringLiteral("</table>"));
}

QString MainWindow::aboutText() const
{
    const QString server = m_session->state() == Session::State::Connected && !m_session->serverVersion().isEmpty()
                               ? m_session->serverVersion()
                               : tr("not connected");
    return tr("<h3>Centrifugo Inspector %1</h3><p>Speaks the Centrifugo client protocol v2, shows every frame, and "
              "explains every reply, push, error and disconnect.</p>"
              "<table><tr><td>Qt:</td><td>%2 (built with %3)</td></tr>"
              "<tr><td>Protocol:</td><td>Centrifugo client protocol v2 (JSON and Protobuf)</td></tr>"
              "<tr><td>Server:</td><td>%4</td></tr></table>")
        .arg(QStringLiteral(INSPECTOR_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             server.toHtmlEscaped());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Centrifugo Inspector"), aboutText());
}

void MainWindow::restoreSettings()
{
    if (!m_settings)
        return;
    const QByteArray geometry = m_settings->value(settingsKey("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1600, 1000);
        resize(available.boundedTo(QSize(1500, 920)));
    }
    // What was in the editor last time comes back: nothing typed is lost by closing the window.
    m_composer->setText(m_settings->value(QStringLiteral("composer/draft")).toString());
    restoreState(m_settings->value(settingsKey("state")).toByteArray(), kStateVersion);
    Level level = Level::Info;
    if (LogEntry::levelFromName(m_settings->value(QStringLiteral("log/level")).toString(), &level))
        m_logView->setLevel(level);
}

void MainWindow::saveSettings() const
{
    if (!m_settings)
        return;
    m_settings->setValue(settingsKey("geometry"), saveGeometry());
    m_settings->setValue(settingsKey("state"), saveState(kStateVersion));
    m_settings->setValue(QStringLiteral("log/level"), LogEntry::levelName(m_logView->level()));
    // The draft may hold a token: it is saved masked.
    m_settings->setValue(QStringLiteral("composer/draft"), SecretMasker::maskJwts(m_composer->text()));
    m_connection->saveSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
