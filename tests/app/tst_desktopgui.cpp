// The window as a desktop citizen, offline: Ctrl+Q quits (5), More options and the subscription panel fit the
// default window (3), the language switches live and the Chinese texts fit (9), themes, the About dialog, files
// opened from the command line, accessible names, the Pause menu entry following the current session's timeline.
#include "commandcomposer.h"
#include "connectionpanel.h"
#include "connectionstatearea.h"
#include "jsonhighlighter.h"
#include "mainwindow.h"
#include "session.h"
#include "sessionview.h"
#include "subscriptionmodel.h"
#include "subscriptionpanel.h"
#include "themecolors.h"
#include "thememanager.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

class TestDesktopGui : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;

    void openWindow()
    {
        m_window.reset();
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s-%1.ini").arg(++m_counter)),
                                                 QSettings::IniFormat);
        m_session = std::make_unique<Session>();
        m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    QString menuTitles() const
    {
        QStringList titles;
        for (QAction *a : m_window->menuBar()->actions())
            titles << a->text();
        return titles.join(QLatin1Char(' '));
    }

private slots:
    void initTestCase() { qputenv("INSPECTOR_TRANSLATIONS_DIR", INSPECTOR_TEST_QM_DIR); }

    void cleanup()
    {
        if (m_window)
            m_window->setLanguage(QStringLiteral("en"));
        m_window.reset();
        m_session.reset();
    }

    // Defect 5: Quit had QKeySequence::Quit and Ctrl+Q, the same keys on Linux: an ambiguous shortcut.
    void ctrlQQuits()
    {
        // On Linux QKeySequence::Quit is Ctrl+Q: adding Ctrl+Q again made the shortcut ambiguous.
        const QKeySequence ctrlQ(QStringLiteral("Ctrl+Q"));
        QCOMPARE(MainWindow::quitShortcuts({ctrlQ}), QList<QKeySequence>{ctrlQ});
        QCOMPARE(MainWindow::quitShortcuts({}), QList<QKeySequence>{ctrlQ});
        const QKeySequence other(QStringLiteral("Ctrl+W"));
        QCOMPARE(MainWindow::quitShortcuts({other}), (QList<QKeySequence>{other, ctrlQ}));
        openWindow();
        QAction *quit = m_window->action(QStringLiteral("quit"));
        QVERIFY(quit);
        const QList<QKeySequence> keys = quit->shortcuts();
        for (int i = 0; i < keys.size(); ++i)
            QCOMPARE(keys.indexOf(keys.at(i)), i); // no key twice
        QSignalSpy ambiguous(quit, &QAction::triggered);
        QTest::keyClick(m_window.get(), Qt::Key_Q, Qt::ControlModifier);
        QCOMPARE(ambiguous.count(), 1);
        QTRY_VERIFY(!m_window->isVisible());
    }

    // Defect 3: More options opened in a scroll area two lines tall; headers cut, actions hidden behind "»".
    void moreOptionsAndSubscriptionsFitTheDefaultWindow()
    {
        openWindow();
        ConnectionPanel *panel = m_window->connectionPanel();
        auto *more = panel->findChild<QToolButton *>(QStringLiteral("moreOptions"));
        more->click();
        QScrollArea *scroll = panel->optionsScroll();
        const int lines = scroll->fontMetrics().height();
        QTRY_VERIFY2(scroll->viewport()->height() >= qMin(scroll->widget()->sizeHint().height(), lines * 12),
                     qPrintable(QStringLiteral("options viewport %1 px").arg(scroll->viewport()->height())));

        SubscriptionPanel *subscriptions = m_window->subscriptionPanel();
        for (QToolButton *button : subscriptions->actionButtons()) {
            QVERIFY2(button->isVisible(), qPrintable(button->text()));
            const QRect inPanel(button->mapTo(subscriptions, QPoint()), button->size());
            QVERIFY2(subscriptions->rect().contains(inPanel), qPrintable(button->text()));
        }
        QTableView *view = subscriptions->view();
        QHeaderView *header = view->horizontalHeader();
        for (int c = 0; c < SubscriptionModel::ColumnCount; ++c) {
            const QString title = view->model()->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(c) >= header->fontMetrics().horizontalAdvance(title), qPrintable(title));
        }
        // Details can be read without scrolling sideways.
        QVERIFY(header->sectionViewportPosition(SubscriptionModel::DetailsColumn) + 40 < view->viewport()->width());
    }

    // Defect 9: the language switches without a restart (the connection stays), every text follows, and the
    // Chinese headers fit.
    void languageSwitchesLive()
    {
        openWindow();
        QVERIFY(menuTitles().contains(QLatin1String("&File")));
        auto *connect = m_window->connectionPanel()->findChild<QPushButton *>(QStringLiteral("connectButton"));
        QCOMPARE(connect->text(), QStringLiteral("Connect"));
        m_window->setLanguage(QStringLiteral("zh_CN"));
        QVERIFY2(!menuTitles().contains(QLatin1String("&File")), qPrintable(menuTitles()));
        QVERIFY2(connect->text() != QLatin1String("Connect"), qPrintable(connect->text()));
        QVERIFY(m_window->isVisible()); // no restart
        QCOMPARE(m_settings->value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
        // "History" and "Presence" stayed English.
        for (QToolButton *button : m_window->subscriptionPanel()->actionButtons()) {
            for (const char *english : {"History", "Presence", "Stats", "Forget"})
                QVERIFY2(button->text() != QLatin1String(english), english);
        }
        // The RTT header ("RTT（毫秒）") is not clipped.
        QHeaderView *header = m_window->timeline()->tableView()->horizontalHeader();
        const QString rtt = m_window->timelineModel()->headerData(TimelineModel::RttColumn, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(TimelineModel::RttColumn) >= header->fontMetrics().horizontalAdvance(rtt) + 8,
                 qPrintable(rtt));
        m_window->setLanguage(QStringLiteral("en"));
        QVERIFY(menuTitles().contains(QLatin1String("&File")));
        QCOMPARE(connect->text(), QStringLiteral("Connect"));
    }

    void themesFollowThePalette()
    {
        openWindow();
        ThemeManager *themes = m_window->themeManager();
        auto *highlighterEditor = m_window->composer()->editor();
        auto *highlighter = highlighterEditor->document()->findChild<JsonHighlighter *>();
        QVERIFY(highlighter);
        m_window->setTheme(QStringLiteral("dark"));
        QVERIFY(themes->isDark());
        QTRY_COMPARE(highlighter->keyFormat().foreground().color(),
                     ThemeColors::json(ThemeColors::Json::Key, QApplication::palette()));
        const QColor darkKey = highlighter->keyFormat().foreground().color();
        m_window->setTheme(QStringLiteral("light"));
        QVERIFY(!themes->isDark());
        QTRY_VERIFY(highlighter->keyFormat().foreground().color() != darkKey);
        QCOMPARE(m_settings->value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
        // Readable: the key colour contrasts with the editor's base in both themes.
        for (const char *name : {"dark", "light"}) {
            m_window->setTheme(QLatin1String(name));
            QCoreApplication::processEvents();
            const QColor base = highlighterEditor->palette().color(QPalette::Base);
            const QColor key = highlighter->keyFormat().foreground().color();
            QVERIFY2(qAbs(base.lightness() - key.lightness()) > 80, name);
        }
        m_window->setTheme(QStringLiteral("system"));
    }

    void aboutNamesTheVersions()
    {
        openWindow();
        const QString about = m_window->aboutText();
        QVERIFY(about.contains(QLatin1String(INSPECTOR_VERSION)));
        QVERIFY(about.contains(QString::fromLatin1(qVersion())));
        QVERIFY(about.contains(QLatin1String("protocol v2")));
        QVERIFY(about.contains(QLatin1String("not connected")));
    }

    // View ▸ Pause timeline shows whether the current session's timeline is paused, also for a session opened
    // after the menus were built and when the timeline's own Pause button paused it.
    void pauseFollowsTheCurrentTimeline()
    {
        openWindow();
        SessionView *first = m_window->currentView();
        SessionView *second = m_window->newConnection();
        QCOMPARE(m_window->currentView(), second);
        QAction *pause = m_window->action(QStringLiteral("pauseTimeline"));
        QVERIFY(pause && !pause->isChecked());
        second->timeline()->setPaused(true);
        QVERIFY(pause->isChecked());
        m_window->setCurrentView(first);
        QVERIFY(!pause->isChecked());
        first->timelineModel()->setPaused(true);
        QVERIFY(pause->isChecked());
        first->timelineModel()->setPaused(false);
        QVERIFY(!pause->isChecked());
        m_window->setCurrentView(second);
        QVERIFY(pause->isChecked());
        // The menus made again in another language keep it.
        m_window->setLanguage(QStringLiteral("zh_CN"));
        pause = m_window->action(QStringLiteral("pauseTimeline"));
        QVERIFY(pause && pause->isChecked());
        pause->trigger();
        QVERIFY(!second->timelineModel()->isPaused());
    }

    void opensFilesGivenToIt()
    {
        openWindow();
        const QString path = m_dir.filePath(QStringLiteral("open.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"time\":\"2026-11-26T08:08:22.397Z\",\"dir\":\"in\",\"kind\":\"push_pub\",\"frame\":{\"push\":{"
                   "\"channel\":\"chat:a\","
                   "\"pub\":{\"data\":{\"text\":\"hi\"},\"offset\":1,\"epoch\":\"e\"}}}}\n");
        file.close();
        QSignalSpy imported(m_window->timeline(), &TimelineWidget::importFinished);
        QVERIFY(m_window->openFiles({path, path}));
        QTRY_COMPARE(imported.count(), 2);
        QTRY_COMPARE(m_window->timelineModel()->rowCount(), 2); // the second is added after the first
        QVERIFY(!m_window->openFiles({m_dir.filePath(QStringLiteral("missing.har"))}));
    }

    void controlsHaveAccessibleNames()
    {
        openWindow();
        for (const char *name : {"url", "token", "headers", "composerEditor", "searchEdit", "channelCombo",
                                 "subscribeChannel", "logTable", "timelineTable"}) {
            auto *w = m_window->findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(w, name);
            QVERIFY2(!w->accessibleName().isEmpty(), name);
        }
    }
};

QTEST_MAIN(TestDesktopGui)
#include "tst_desktopgui.moc"
