#include "mainwindow.h"

#include "secretmasker.h"

#include "combinedtimelinemodel.h"
#include "combinedtimelineview.h"
#include "commandcomposer.h"
#include "commandhistory.h"
#include "connectionpanel.h"
#include "languageswitcher.h"
#include "loadpanel.h"
#include "loadrunner.h"
#include "logmodel.h"
#include "logview.h"
#include "mainmenus.h"
#include "profileactions.h"
#include "proxyappview.h"
#include "proxyappviews.h"
#include "proxypanel.h"
#include "proxyserver.h"
#include "reconnector.h"
#include "scenariopanel.h"
#include "scenariorunner.h"
#include "secretstore.h"
#include "servercallframes.h"
#include "session.h"
#include "sessionarea.h"
#include "sessionview.h"
#include "subscriptionpanel.h"
#include "subscriptiontracker.h"
#include "thememanager.h"
#include "timelinefiles.h"
#include "timelinemodel.h"
#include "timelinewidget.h"
#include "trafficchartview.h"
#include "trafficstats.h"
#include "transportprobedialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

using Level = LogEntry::Level;

namespace {

constexpr int kStateVersion = 2;

QString settingsKey(const char *name)
{
    return QLatin1String("window/") + QLatin1String(name);
}

} // namespace

MainWindow::MainWindow(Session *session, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_history(new CommandHistory(settings, this))
    , m_combinedModel(new CombinedTimelineModel(this))
    , m_theme(new ThemeManager(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    m_profileActions = new ProfileActions(m_settings, this, [this] { return m_current; });
    connect(m_profileActions, &ProfileActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    m_files = new TimelineFiles(this, [this] { return m_current; });
    connect(m_files, &TimelineFiles::statusMessage, statusBar(), &QStatusBar::showMessage);
    if (m_settings) {
        const auto theme = ThemeManager::themeFromName(m_settings->value(QStringLiteral("ui/theme")).toString());
        if (theme != ThemeManager::Theme::System)
            m_theme->setTheme(theme);
    }

    // The sessions: tabs, or a splitter when side by side.
    m_area = new SessionArea;
    m_tabs = m_area->tabs();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (auto *view = qobject_cast<SessionView *>(m_tabs->widget(index)))
            setCurrentView(view);
    });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeSession(qobject_cast<SessionView *>(m_tabs->widget(index))); });
    setCentralWidget(m_area);
    // Side by side, the session that holds the focus is the current one (the menus act on it).
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *w = now; w && w != this; w = w->parentWidget()) {
            if (auto *view = qobject_cast<SessionView *>(w)) {
                if (m_views.contains(view))
                    setCurrentView(view);
                return;
            }
            if (auto *app = qobject_cast<ProxyAppView *>(w)) {
                m_proxyPanel->selectConnection(app->id());
                return;
            }
        }
    });

    m_statusSecrets = new QLabel;
    m_statusSecrets->setObjectName(QStringLiteral("secretsShownLabel"));
    m_statusSecrets->setStyleSheet(QStringLiteral("color: #b35c00; font-weight: bold"));
    m_statusSecrets->hide();
    statusBar()->addPermanentWidget(m_statusSecrets);
    m_statusState = new QLabel;
    statusBar()->addPermanentWidget(m_statusState);

    addSession(session);
    buildDocks();
    m_menus = new MainMenus(this); // builds the menus in retranslateUi(), below

    // Text fields claim some of the window's keys for themselves (on X11, Ctrl+K deletes to the end of the line
    // and Ctrl+E moves to it); the window's shortcuts must work wherever the focus is.
    qApp->installEventFilter(this);

    retranslateUi();
    m_defaultState = saveState(kStateVersion);
    restoreSettings();
    updateTitle();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
    disconnect(qApp, nullptr, this, nullptr);
    // The views go first: they detach from their sessions, of which the first may outlive the window.
    for (SessionView *view : std::as_const(m_views)) {
        view->session()->disconnect(this);
        delete view;
    }
}

SessionView *MainWindow::currentView() const
{
    return m_current;
}

Session *MainWindow::session() const
{
    return m_current->session();
}

ConnectionPanel *MainWindow::connectionPanel() const
{
    return m_current->connectionPanel();
}

CommandComposer *MainWindow::composer() const
{
    return m_current->composer();
}

SubscriptionPanel *MainWindow::subscriptionPanel() const
{
    return m_current->subscriptionPanel();
}

SubscriptionTracker *MainWindow::tracker() const
{
    return m_current->tracker();
}

TimelineModel *MainWindow::timelineModel() const
{
    return m_current->timelineModel();
}

TimelineWidget *MainWindow::timeline() const
{
    return m_current->timeline();
}

LogModel *MainWindow::logModel() const
{
    return m_current->logModel();
}

LogView *MainWindow::logView() const
{
    return m_current->logView();
}

Reconnector *MainWindow::reconnector() const
{
    return m_current->reconnector();
}

SessionView *MainWindow::addSession(Session *session)
{
    auto *view = new SessionView(session, m_settings, m_history);
    view->setObjectName(QStringLiteral("session%1").arg(m_nextClientNumber));
    view->setName(tr("Client %1").arg(m_nextClientNumber++));
    view->setStderrLevel(m_stderrLevel);
    view->setSecretSource([this, view] {
        SecretMasker masker = view->session()->masker();
        if (const SecretStore *secrets = m_profileActions->secrets())
            masker.addSecrets(secrets->masker());
        return masker;
    });
    view->setShowSecrets(m_secretsShown);
    // Sent rows copy as wscat/websocat command lines against this session's connection.
    view->timeline()->setConnectionSource([session] { return session->options(); });
    m_views.append(view);

    addToCombined(view);
    connectView(view);
    // A new session looks like the current one: the same parts shown, the same layout.
    for (int part = 0; part <= int(SessionView::Part::Log); ++part) {
        if (m_current)
            view->setPartVisible(SessionView::Part(part), m_current->isPartVisible(SessionView::Part(part)));
    }
    if (m_current)
        view->restoreLayout(m_current->saveLayout());
    m_current = view;
    placeViews();
    updateChartSources();
    return view;
}

void MainWindow::addToCombined(SessionView *view)
{
    // Every session feeds the combined timeline under its name: its frames and the server calls made from its panel,
    // the same rows as in its own timeline.
    const int source = m_combinedModel->addSource(view->name());
    m_combinedSources.insert(view, source);
    const auto toCombined = [this, source](const Frame &frame) { m_combinedModel->appendFrame(source, frame); };
    connect(view->session(), &Session::frame, m_combinedModel, toCombined);
    connect(view->serverCallFrames(), &ServerCallFrames::frame, m_combinedModel, toCombined);
    connect(view, &SessionView::titleChanged, this, [this, view, source] {
        if (m_combinedModel->sourceName(source) != view->name()) {
            m_combinedModel->setSourceName(source, view->name());
            updateChartSources();
        }
    });
}

void MainWindow::connectView(SessionView *view)
{
    connect(view, &SessionView::titleChanged, this, [this, view] {
        const int index = m_tabs->indexOf(view);
        if (index >= 0)
            m_tabs->setTabText(index, view->title());
        if (view == m_current)
            updateTitle();
    });
    connect(view, &SessionView::statusMessage, this,
            [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(view->timeline(), &TimelineWidget::exportFinished, this, [view](const TimelineExporter::Summary &summary) {
        view->log(summary.ok() && summary.dropped == 0 ? Level::Info : Level::Warning, summary.text());
    });
    connect(view->timeline(), &TimelineWidget::importFinished, this,
            [this, view](const TimelineImporter::Summary &summary) {
                view->log(summary.ok() && summary.badLines == 0 ? Level::Info : Level::Warning, summary.text());
                m_files->importNextFile();
            });
    // The menu's Pause follows the current session's timeline, paused from the menu or from the timeline itself.
    connect(view->timelineModel(), &TimelineModel::pausedChanged, this, [this, view](bool paused) {
        if (QAction *pause = action(QStringLiteral("pauseTimeline")); pause && view == m_current)
            pause->setChecked(paused);
    });
}

void MainWindow::setCurrentView(SessionView *view)
{
    if (!view || view == m_current || !m_views.contains(view))
        return;
    m_current = view;
    if (m_tabs->indexOf(view) >= 0)
        m_tabs->setCurrentWidget(view);
    if (QAction *pause = action(QStringLiteral("pauseTimeline")))
        pause->setChecked(view->timelineModel()->isPaused());
    updateTitle();
}

void MainWindow::placeViews()
{
    m_area->place(m_views, m_current, m_appViews ? m_appViews->views() : QList<ProxyAppView *>(), m_sideBySide);
    QTimer::singleShot(0, this, [this] {
        if (!screen())
            return;
        const QSize available = screen()->availableGeometry().size();
        if (width() > available.width() || height() > available.height())
            resize(size().boundedTo(available));
    });
    if (QAction *a = action(QStringLiteral("sideBySide")); a && a->isChecked() != m_sideBySide)
        a->setChecked(m_sideBySide);
    updateTitle();
}

void MainWindow::setSideBySide(bool on)
{
    m_sideBySide = on;
    placeViews();
}

SessionView *MainWindow::newConnection()
{
    // Sessions the window opens itself are its children; the first one belongs to main().
    auto *session = new Session(this);
    SessionView *view = addSession(session);
    view->connectionPanel()->loadSettings();
    view->log(Level::Info, tr("New connection: %1.").arg(view->name()));
    return view;
}

SessionView *MainWindow::duplicateConnection()
{
    SessionView *source = m_current;
    SessionView *view = addSession(new Session(this));
    source->duplicateInto(view);
    view->log(Level::Info,
              tr("%1 duplicates %2: the same options and channels, a new client.").arg(view->name(), source->name()));
    return view;
}

void MainWindow::closeSession(SessionView *view)
{
    if (!view || m_views.size() < 2 || !m_views.contains(view))
        return;
    const int index = int(m_views.indexOf(view));
    m_views.removeAll(view);
    m_combinedSources.remove(view);
    if (m_current == view)
        m_current = m_views.value(qMin(index, int(m_views.size()) - 1));
    Session *session = view->session();
    session->disconnect(this);
    session->disconnect(m_combinedModel);
    view->reconnector()->cancel();
    session->close();
    delete view;
    if (session->parent() == this)
        session->deleteLater();
    placeViews();
    updateChartSources();
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
    if (widget == composer()->editor() && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter ||
                                           key->key() == Qt::Key_Up || key->key() == Qt::Key_Down))
        return QMainWindow::eventFilter(watched, event);
    if (m_menus->windowKeys().contains(pressed)) {
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
    // The combined timeline of every session and server call, under the sessions.
    m_combinedView = new CombinedTimelineView(m_combinedModel);
    m_combinedView->setObjectName(QStringLiteral("combinedTimeline"));
    m_combinedView->setMinimumSize(240, 120); // a dock must not widen the window beyond the screen
    QDockWidget *combined = addDock(m_combinedView, QString(), "combinedDock", Qt::BottomDockWidgetArea);
    combined->hide();

    // Charts of one session or of the combined timeline; the stats follow a model only while the dock is shown.
    m_chartStats = new TrafficStats(this);
    m_charts = new TrafficChartView(m_chartStats);
    m_charts->setObjectName(QStringLiteral("charts"));
    m_charts->setMinimumSize(240, 120);
    QDockWidget *charts = addDock(m_charts, QString(), "chartsDock", Qt::BottomDockWidgetArea);
    splitDockWidget(combined, charts, Qt::Horizontal);
    charts->hide();
    connect(m_charts->sourceBox(), qOverload<int>(&QComboBox::currentIndexChanged), this,
            &MainWindow::updateChartSource);
    connect(charts, &QDockWidget::visibilityChanged, this, &MainWindow::updateChartSource);
    updateChartSources();

    // QA scenarios (docs/scenarios.md) and load runs (docs/load.md): tabs of a dock of their own, hidden until
    // Tools > Scenarios.
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

    buildProxyDock();
}

void MainWindow::buildProxyDock()
{
    // Proxy mode (docs/proxy.md): a dock with its own proxy; each application connection is a read-only session of
    // its own (a tab or a column, and a source of the combined timeline). Made once: the menus are made again on a
    // language change, the proxy and its connections must not be.
    auto *proxyServer = new ProxyServer(this);
    m_proxyPanel = new ProxyPanel(proxyServer);
    m_proxyPanel->setObjectName(QStringLiteral("proxyPanel"));
    m_appViews = new ProxyAppViews(proxyServer, this);
    connect(m_appViews, &ProxyAppViews::viewAdded, this, [this](ProxyAppView *view) {
        const int source = m_combinedModel->addSource(view->title());
        connect(view, &ProxyAppView::frameAdded, m_combinedModel,
                [this, source](const Frame &f) { m_combinedModel->appendFrame(source, f); });
        connect(view, &ProxyAppView::titleChanged, this, [this, view, source] {
            m_combinedModel->setSourceName(source, view->title());
            if (const int index = m_tabs->indexOf(view); index >= 0)
                m_tabs->setTabText(index, view->title());
        });
        // Side by side, the newest applications take the columns; in tabs, the tab shown stays the one shown.
        if (m_sideBySide)
            placeViews();
        else
            m_area->addAppTab(view, m_tabs->count());
    });
    // The dock's fault injection acts on the application shown (side by side: the one that holds the focus).
    connect(m_tabs, &QTabWidget::currentChanged, m_proxyPanel, [this](int index) {
        if (auto *view = qobject_cast<ProxyAppView *>(m_tabs->widget(index)))
            m_proxyPanel->selectConnection(view->id());
    });
    m_proxyDock = addDock(m_proxyPanel, tr("Proxy"), "proxyDock", Qt::RightDockWidgetArea);
    m_proxyDock->hide();
    m_proxyDock->toggleViewAction()->setObjectName(QStringLiteral("proxy"));
    // Forward to the server the connection panel points at, unless the user changed it while running.
    connect(m_proxyDock, &QDockWidget::visibilityChanged, m_proxyPanel, [this, proxyServer](bool shown) {
        if (shown && !proxyServer->isListening())
            m_proxyPanel->setUpstreamUrl(connectionPanel()->url());
    });
}

void MainWindow::updateChartSources()
{
    if (!m_charts)
        return;
    QComboBox *box = m_charts->sourceBox();
    const int current = box->currentIndex();
    QSignalBlocker block(box);
    box->clear();
    for (SessionView *view : std::as_const(m_views))
        box->addItem(view->name());
    box->addItem(tr("Combined timeline"));
    box->setCurrentIndex(current >= 0 && current < box->count() ? current : 0);
    block.unblock();
    updateChartSource();
}

void MainWindow::updateChartSource()
{
    const int index = m_charts->sourceBox()->currentIndex();
    const bool shown = m_charts->isVisibleTo(this);
    QAbstractItemModel *model = nullptr;
    TrafficStats::Roles roles;
    if (shown && index >= 0 && index < m_views.size()) {
        model = m_views.at(index)->timelineModel();
        roles = {TimelineModel::TimeRole, TimelineModel::KindNameRole, TimelineModel::ChannelRole,
                 TimelineModel::SizeRole, TimelineModel::RttRole,      TimelineModel::RawRole};
    } else if (shown && index == m_views.size()) {
        model = m_combinedModel;
        roles = {CombinedTimelineModel::TimeRole,
                 CombinedTimelineModel::KindNameRole,
                 CombinedTimelineModel::ChannelRole,
                 CombinedTimelineModel::SizeRole,
                 -1,
                 CombinedTimelineModel::RawRole};
    }
    if (model != m_chartStats->model())
        m_chartStats->setModel(model, roles);
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

void MainWindow::editCommand()
{
    m_current->setPartVisible(SessionView::Part::Tools, true);
    m_current->toolTabs()->setCurrentWidget(composer());
    composer()->editor()->setFocus();
}

void MainWindow::editSubscription()
{
    m_current->setPartVisible(SessionView::Part::Subscriptions, true);
    subscriptionPanel()->focusChannel();
}

void MainWindow::setPartVisible(SessionView::Part part, bool visible)
{
    for (SessionView *v : std::as_const(m_views))
        v->setPartVisible(part, visible);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, kStateVersion);
    for (SessionView *v : std::as_const(m_views)) {
        for (int part = 0; part <= int(SessionView::Part::Log); ++part)
            v->setPartVisible(SessionView::Part(part), true);
    }
    for (const char *name : {"showConnection", "showSubscriptions", "showTools", "showLog"})
        action(QLatin1String(name))->setChecked(true);
}

void MainWindow::probeTransports()
{
    SessionOptions o;
    QString error;
    if (!connectionPanel()->readOptions(&o, &error)) {
        QMessageBox::warning(this, tr("Probe transports"), error);
        return;
    }
    auto *dialog = new TransportProbeDialog(o, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showScenarios()
{
    m_scenarioDock->show();
    m_scenarioDock->raise();
    m_scenarioDock->widget()->setFocus();
}

void MainWindow::connectToServer()
{
    if (session()->state() != Session::State::Disconnected) {
        statusBar()->showMessage(tr("Already connected or connecting; disconnect first (Ctrl+Shift+K)."), 5000);
        return;
    }
    connectionPanel()->connectToServer();
}

void MainWindow::disconnectFromServer()
{
    connectionPanel()->disconnectFromServer();
}

void MainWindow::sendCommand()
{
    composer()->send();
}

void MainWindow::focusTimelineSearch()
{
    timeline()->focusSearch();
}

void MainWindow::clearTimeline()
{
    timeline()->clear();
    statusBar()->showMessage(tr("Timeline cleared."), 3000);
}

void MainWindow::exportTimeline()
{
    m_files->exportWithDialog(false, m_secretsShown); // secrets off unless View ▸ Show secrets is on
}

void MainWindow::exportShownRows()
{
    m_files->exportWithDialog(true, m_secretsShown);
}

bool MainWindow::exportTimelineTo(const QString &path, bool onlyShown, bool includeSecrets)
{
    return m_files->exportTo(path, onlyShown, includeSecrets);
}

SecretMasker MainWindow::knownSecrets() const
{
    SecretMasker masker = session()->masker();
    if (const SecretStore *secrets = m_profileActions->secrets())
        masker.addSecrets(secrets->masker());
    return masker;
}

void MainWindow::setSecretsShown(bool shown)
{
    m_secretsShown = shown;
    if (QAction *a = action(QStringLiteral("showSecrets")); a && a->isChecked() != shown)
        a->setChecked(shown);
    for (SessionView *view : std::as_const(m_views))
        view->setShowSecrets(shown);
    m_statusSecrets->setVisible(shown);
}

void MainWindow::importTimeline()
{
    m_files->importWithDialog();
}

void MainWindow::saveLog()
{
    logView()->save();
}

void MainWindow::setStderrLevel(Level level)
{
    m_stderrLevel = level;
    for (SessionView *view : std::as_const(m_views))
        view->setStderrLevel(level);
}

void MainWindow::log(Level level, const QString &message)
{
    m_current->log(level, message);
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
    m_current->subscribeWhenConnected(subscriptions);
}

void MainWindow::showProfiles()
{
    m_profileActions->showProfiles();
}

void MainWindow::connectWithProfile(const QString &profileId)
{
    m_profileActions->connectWithProfile(profileId);
}

void MainWindow::showTokenGenerator()
{
    m_profileActions->showTokenGenerator();
}

void MainWindow::showTokenDecoder()
{
    m_profileActions->showTokenDecoder();
}

void MainWindow::updateTitle()
{
    if (!m_current || !m_statusState)
        return;
    const QString state = m_current->stateText();
    const QString url = m_current->session()->options().url.toString(QUrl::RemovePassword);
    setWindowTitle(tr("Centrifugo Inspector — %1 (%2)").arg(url, state));
    m_statusState->setText(m_views.size() > 1 ? m_current->title() : state);
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
    m_menus->rebuild();
    if (QAction *pause = action(QStringLiteral("pauseTimeline")))
        pause->setChecked(timelineModel()->isPaused());
    if (QAction *secrets = action(QStringLiteral("showSecrets")))
        secrets->setChecked(m_secretsShown);
    for (QDockWidget *d : std::as_const(m_docks)) {
        if (d->widget() == m_combinedView)
            d->setWindowTitle(tr("Combined timeline"));
        else if (d->widget() == m_charts)
            d->setWindowTitle(tr("Charts"));
        else if (d->widget() == m_proxyPanel)
            d->setWindowTitle(tr("Proxy"));
    }
    m_scenarioDock->setWindowTitle(tr("Scenarios"));
    if (auto *scenarioTabs = qobject_cast<QTabWidget *>(m_scenarioDock->widget())) {
        scenarioTabs->setTabText(0, tr("Scenarios"));
        scenarioTabs->setTabText(1, tr("Load"));
    }
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
    return m_files->openFiles(paths);
}

void MainWindow::showSessionWithServerCalls()
{
    for (QDockWidget *d : std::as_const(m_docks)) {
        if (d->widget() == m_combinedView) {
            d->show();
            d->raise();
        }
    }
    m_combinedView->showSource(m_combinedSources.value(m_current, -1));
}

void MainWindow::openRecordingsInCombined()
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Open recordings in the combined timeline"), QDir::homePath(),
                                      tr("Recordings (*.jsonl);;All files (*)"));
    if (!paths.isEmpty())
        openInCombined(paths);
}

bool MainWindow::openInCombined(const QStringList &paths)
{
    if (!m_files->openInCombined(paths, m_combinedModel))
        return false;
    for (QDockWidget *d : std::as_const(m_docks)) {
        if (d->widget() == m_combinedView) {
            d->show();
            d->raise();
        }
    }
    return true;
}

void MainWindow::showShortcuts()
{
    QStringList rows;
    for (const char *name : {"connect", "disconnect", "send", "focusComposer", "subscribe", "find", "clearTimeline",
                             "pauseTimeline", "exportTimeline", "importTimeline", "saveLog", "newConnection",
                             "duplicateConnection", "closeConnection", "sideBySide", "quit"}) {
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
    const QString server = session()->state() == Session::State::Connected && !session()->serverVersion().isEmpty()
                               ? session()->serverVersion()
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
    composer()->setText(m_settings->value(QStringLiteral("composer/draft")).toString());
    restoreState(m_settings->value(settingsKey("state")).toByteArray(), kStateVersion);
    Level level = Level::Info;
    if (LogEntry::levelFromName(m_settings->value(QStringLiteral("log/level")).toString(), &level))
        logView()->setLevel(level);
    m_current->restoreLayout(m_settings->value(settingsKey("sessionLayout")).toByteArray());
    const QStringList hidden = m_settings->value(settingsKey("hiddenParts")).toStringList();
    for (const char *name : {"showConnection", "showSubscriptions", "showTools", "showLog"}) {
        if (hidden.contains(QLatin1String(name)))
            action(QLatin1String(name))->setChecked(false);
    }
}

void MainWindow::saveSettings() const
{
    if (!m_settings)
        return;
    m_settings->setValue(settingsKey("geometry"), saveGeometry());
    m_settings->setValue(settingsKey("state"), saveState(kStateVersion));
    m_settings->setValue(QStringLiteral("log/level"), LogEntry::levelName(logView()->level()));
    m_settings->setValue(settingsKey("sessionLayout"), m_current->saveLayout());
    QStringList hidden;
    for (const char *name : {"showConnection", "showSubscriptions", "showTools", "showLog"}) {
        if (!action(QLatin1String(name))->isChecked())
            hidden.append(QLatin1String(name));
    }
    m_settings->setValue(settingsKey("hiddenParts"), hidden);
    // The draft may hold a token: it is saved masked.
    m_settings->setValue(QStringLiteral("composer/draft"), SecretMasker::maskJwts(composer()->text()));
    connectionPanel()->saveSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
