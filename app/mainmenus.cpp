#include "mainmenus.h"

#include "commandcomposer.h"
#include "commandtemplates.h"
#include "mainwindow.h"
#include "protocol.h"
#include "session.h"
#include "sessionview.h"
#include "thememanager.h"
#include "timelinewidget.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>

MainMenus::MainMenus(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
}

void MainMenus::rebuild()
{
    QMenuBar *bar = m_window->menuBar();
    const QList<QAction *> menus = bar->actions();
    for (QAction *a : menus) {
        if (QMenu *menu = a->menu())
            delete menu;
    }
    bar->clear();
    m_windowKeys.clear();
    buildFileMenu();
    buildConnectionMenu();
    buildCommandMenu();
    buildViewMenu();
    buildToolsMenu();
    buildLanguageMenu();
    buildHelpMenu();
}

template <typename Slot>
QAction *MainMenus::make(QMenu *menu, const QString &text, const char *name, const QList<QKeySequence> &keys, Slot slot)
{
    QAction *a = menu->addAction(text);
    a->setObjectName(QLatin1String(name));
    a->setShortcuts(keys);
    a->setShortcutContext(Qt::WindowShortcut);
    connect(a, &QAction::triggered, m_window, slot);
    m_window->addAction(a); // shortcuts work while the menu bar is hidden, too
    m_windowKeys.append(keys);
    return a;
}

void MainMenus::buildFileMenu()
{
    MainWindow *w = m_window;
    QMenu *file = w->menuBar()->addMenu(tr("&File"));
    make(file, tr("&New connection"), "newConnection", {QKeySequence(QStringLiteral("Ctrl+Shift+N"))},
         &MainWindow::newConnection);
    make(file, tr("&Duplicate this connection"), "duplicateConnection", {QKeySequence(QStringLiteral("Ctrl+Shift+D"))},
         &MainWindow::duplicateConnection);
    make(file, tr("&Close this connection"), "closeConnection", {QKeySequence(QStringLiteral("Ctrl+Shift+W"))},
         [w] { w->closeSession(w->currentView()); });
    file->addSeparator();
    make(file, tr("&Export timeline…"), "exportTimeline", {QKeySequence(QStringLiteral("Ctrl+Shift+E"))},
         &MainWindow::exportTimeline);
    make(file, tr("Export &shown rows…"), "exportShownRows", {}, &MainWindow::exportShownRows);
    make(file, tr("&Import timeline…"), "importTimeline", {QKeySequence(QStringLiteral("Ctrl+Shift+I"))},
         &MainWindow::importTimeline);
    make(file, tr("Open recordings in the &combined timeline…"), "openCombined", {},
         &MainWindow::openRecordingsInCombined);
    make(file, tr("&Save log…"), "saveLog", {QKeySequence::Save}, &MainWindow::saveLog);
    file->addSeparator();
    const QList<QKeySequence> quitKeys = MainWindow::quitShortcuts(QKeySequence::keyBindings(QKeySequence::Quit));
    make(file, tr("&Quit"), "quit", quitKeys, &QWidget::close);
}

void MainMenus::buildConnectionMenu()
{
    MainWindow *w = m_window;
    QMenu *connection = w->menuBar()->addMenu(tr("&Connection"));
    make(connection, tr("&Connect"), "connect", {QKeySequence(QStringLiteral("Ctrl+K"))}, &MainWindow::connectToServer);
    make(connection, tr("&Disconnect"), "disconnect", {QKeySequence(QStringLiteral("Ctrl+Shift+K"))},
         &MainWindow::disconnectFromServer);
    make(connection, tr("Send c&onnect command"), "sendConnect", {}, [w] { w->session()->sendConnect(); });
    make(connection, tr("Send a &pong"), "sendPong", {}, [w] { w->session()->sendPong(); });
    connection->addSeparator();
    make(connection, tr("Disconnect this client from the &server…"), "serverDisconnect", {},
         [w] { w->currentView()->askAndDisconnectThisClient(); });
}

void MainMenus::buildCommandMenu()
{
    MainWindow *w = m_window;
    QMenu *command = w->menuBar()->addMenu(tr("C&ommand"));
    make(command, tr("&Send"), "send",
         {QKeySequence(QStringLiteral("Ctrl+Return")), QKeySequence(QStringLiteral("Ctrl+Enter"))},
         &MainWindow::sendCommand);
    make(command, tr("&Edit command"), "focusComposer", {QKeySequence(QStringLiteral("Ctrl+E"))},
         &MainWindow::editCommand);
    make(command, tr("&Previous command"), "recallOlder", {}, [w] { w->composer()->recallOlder(); });
    make(command, tr("&Next command"), "recallNewer", {}, [w] { w->composer()->recallNewer(); });
    QMenu *templates = command->addMenu(tr("&Template"));
    templates->addAction(tr("Raw / empty"), w, [w] { w->composer()->loadTemplate(Protocol::Method::None); });
    for (Protocol::Method m : Protocol::allMethods())
        templates->addAction(QString(Protocol::methodName(m)), w, [w, m] { w->composer()->loadTemplate(m); });
    templates->addSeparator();
    templates->addAction(tr("subscribe with a tags filter (tf)"), w,
                         [w] { w->composer()->setText(CommandTemplates::subscribeWithTagsFilter()); });
    templates->addAction(tr("subscribe with fossil delta"), w,
                         [w] { w->composer()->setText(CommandTemplates::subscribeWithDelta()); });
    templates->addAction(tr("connect with headers and flag"), w,
                         [w] { w->composer()->setText(CommandTemplates::connectWithHeadersAndFlag()); });
    make(command, tr("S&ubscribe to a channel…"), "subscribe", {QKeySequence(QStringLiteral("Ctrl+Shift+S"))},
         &MainWindow::editSubscription);
}

void MainMenus::buildViewMenu()
{
    MainWindow *w = m_window;
    QMenu *view = w->menuBar()->addMenu(tr("&View"));
    make(view, tr("&Find in timeline"), "find", {QKeySequence::Find}, &MainWindow::focusTimelineSearch);
    make(view, tr("C&lear timeline"), "clearTimeline", {QKeySequence(QStringLiteral("Ctrl+L"))},
         &MainWindow::clearTimeline);
    QAction *pause = make(view, tr("&Pause timeline"), "pauseTimeline", {QKeySequence(QStringLiteral("Ctrl+P"))},
                          [w](bool on) { w->timeline()->setPaused(on); });
    pause->setCheckable(true); // checked by the window as the current session's timeline pauses
    view->addSeparator();
    make(view, tr("This session with its &server calls"), "sessionWithServerCalls", {},
         &MainWindow::showSessionWithServerCalls);
    QAction *sideBySide = make(view, tr("Sessions side &by side"), "sideBySide",
                               {QKeySequence(QStringLiteral("Ctrl+Shift+B"))}, &MainWindow::setSideBySide);
    sideBySide->setCheckable(true);
    sideBySide->setChecked(w->isSideBySide());
    view->addSeparator();
    addPartToggle(view, tr("Connection"), "showConnection", int(SessionView::Part::Connection));
    addPartToggle(view, tr("Subscriptions"), "showSubscriptions", int(SessionView::Part::Subscriptions));
    addPartToggle(view, tr("Command and server API"), "showTools", int(SessionView::Part::Tools));
    addPartToggle(view, tr("Log"), "showLog", int(SessionView::Part::Log));
    for (QDockWidget *d : w->docks())
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    QAction *secrets = make(view, tr("Show &secrets"), "showSecrets", {}, &MainWindow::setSecretsShown);
    secrets->setCheckable(true);
    secrets->setToolTip(tr("Show tokens, keys and secret header values in the log, the timeline's detail pane and "
                           "the connection panel. Off at every start."));
    view->addSeparator();
    make(view, tr("&Reset layout"), "resetLayout", {}, &MainWindow::resetLayout);
    view->addSeparator();
    buildThemeMenu(view);
}

void MainMenus::buildThemeMenu(QMenu *view)
{
    MainWindow *w = m_window;
    QMenu *theme = view->addMenu(tr("&Theme"));
    theme->setObjectName(QStringLiteral("themeMenu"));
    auto *themes = new QActionGroup(theme);
    const QList<QPair<ThemeManager::Theme, QString>> themeNames = {{ThemeManager::Theme::System, tr("&System")},
                                                                   {ThemeManager::Theme::Light, tr("&Light")},
                                                                   {ThemeManager::Theme::Dark, tr("&Dark")}};
    for (const auto &t : themeNames) {
        QAction *a = theme->addAction(t.second);
        a->setCheckable(true);
        a->setChecked(w->themeManager()->theme() == t.first);
        a->setObjectName(QLatin1String("theme_") + ThemeManager::themeName(t.first));
        themes->addAction(a);
        const QString name = ThemeManager::themeName(t.first);
        connect(a, &QAction::triggered, w, [w, name] { w->setTheme(name); });
    }
}

void MainMenus::buildToolsMenu()
{
    MainWindow *w = m_window;
    QMenu *tools = w->menuBar()->addMenu(tr("&Tools"));
    QAction *profiles = make(tools, tr("Connection &profiles…"), "profiles",
                             {QKeySequence(QStringLiteral("Ctrl+Shift+P"))}, &MainWindow::showProfiles);
    profiles->setEnabled(w->settings() != nullptr);
    make(tools, tr("Token &generator…"), "tokenGenerator", {}, &MainWindow::showTokenGenerator);
    make(tools, tr("Token &decoder…"), "tokenDecoder", {}, &MainWindow::showTokenDecoder);
    make(tools, tr("P&robe transports…"), "probeTransports", {}, &MainWindow::probeTransports);
    if (QAction *proxyAction = w->proxyDock()->toggleViewAction()) {
        proxyAction->setText(tr("&Proxy (see an application's connection)"));
        tools->addAction(proxyAction);
    }
    make(tools, tr("&Scenarios…"), "scenarios", {}, &MainWindow::showScenarios);
}

void MainMenus::buildLanguageMenu()
{
    MainWindow *w = m_window;
    QMenu *language = w->menuBar()->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    const QString current = MainWindow::settingsLanguage(w->settings());
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
        connect(a, &QAction::triggered, w, [w, code] { w->setLanguage(code); });
    }
}

void MainMenus::buildHelpMenu()
{
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    make(help, tr("&Keyboard shortcuts"), "shortcuts", {QKeySequence::HelpContents}, &MainWindow::showShortcuts);
    make(help, tr("&About Centrifugo Inspector"), "about", {}, &MainWindow::showAbout);
}

void MainMenus::addPartToggle(QMenu *view, const QString &text, const char *name, int part)
{
    // A part shown or hidden in every session at once, so that side by side they stay aligned.
    QAction *a = view->addAction(text);
    a->setObjectName(QLatin1String(name));
    a->setCheckable(true);
    a->setChecked(m_window->currentView()->isPartVisible(SessionView::Part(part)));
    MainWindow *w = m_window;
    connect(a, &QAction::toggled, w, [w, part](bool on) { w->setPartVisible(SessionView::Part(part), on); });
}
