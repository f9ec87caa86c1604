// Several sessions in one window against a real Centrifugo: two clients side by side, a publication from the server
// panel reaches both, the combined timeline shows it under both sources in time order (and follows it), duplicate
// and close, the charts' numbers, the subscription list's server actions.
#include "centrifugoserver.h"
#include "combinedtimelinemodel.h"
#include "combinedtimelineview.h"
#include "connectionpanel.h"
#include "framerecord.h"
#include "mainwindow.h"
#include "proxyappview.h"
#include "proxypanel.h"
#include "proxyserver.h"
#include "serverapiclient.h"
#include "serverpanel.h"
#include "session.h"
#include "sessionview.h"
#include "subscriptionpanel.h"
#include "subscriptiontracker.h"
#include "timelinemodel.h"
#include "timelinetestdata.h"
#include "trafficchartview.h"
#include "trafficstats.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

class TestMultiSession : public QObject
{
    Q_OBJECT

    CentrifugoServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;

    // Rows of an application view's timeline whose channel is `channel`.
    static int rowsOfChannel(ProxyAppView *view, const QString &channel)
    {
        int n = 0;
        for (int row = 0; row < view->timelineModel()->rowCount(); ++row)
            n += view->timelineModel()->index(row, 0).data(TimelineModel::ChannelRole).toString() == channel;
        return n;
    }

    // The window's proxy dock started on a free port, forwarding to the test server.
    bool startProxy(ProxyPanel *&panel, ProxyServer *&proxy, QTabWidget *&tabs)
    {
        panel = m_window->findChild<ProxyPanel *>(u"proxyPanel"_s);
        proxy = m_window->findChild<ProxyServer *>();
        tabs = m_window->findChild<QTabWidget *>(u"sessionTabs"_s);
        if (!panel || !proxy || !tabs)
            return false;
        panel->setListenAddress(u"127.0.0.1:0"_s);
        panel->setUpstreamUrl(m_server.webSocketUrl().toString());
        return panel->start();
    }

    // Connects the view's client and subscribes it to the channel; waits for both.
    void connectAndSubscribe(SessionView *view, const QString &channel)
    {
        QSignalSpy connected(view->session(), &Session::connected);
        view->connectionPanel()->setUrl(m_server.webSocketUrl().toString());
        SubscribeOptions o;
        o.channel = channel;
        o.recoverable = true;
        o.positioned = true;
        view->subscribeWhenConnected({o});
        QVERIFY(view->connectionPanel()->connectToServer());
        QVERIFY2(connected.wait(10000), qPrintable(view->connectionPanel()->explanationText()));
        QTRY_COMPARE_WITH_TIMEOUT(view->tracker()->channel(channel).status, ChannelState::Status::Subscribed, 10000);
    }

    static int rowsWithKey(const CombinedTimelineModel *model, const QString &key, QList<int> *sources)
    {
        int n = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(CombinedTimelineModel::PublicationKeyRole).toString() == key) {
                ++n;
                sources->append(model->entryAt(row).source);
            }
        }
        return n;
    }

private slots:
    void initTestCase()
    {
        if (CentrifugoServer::findBinary().isEmpty())
            QSKIP("centrifugo not installed (scripts/install-deps.sh)");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings->clear();
        m_session = std::make_unique<Session>();
        m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_settings.reset();
    }

    void newDuplicateAndCloseTabs()
    {
        QCOMPARE(m_window->sessionViews().size(), 1);
        auto *tabs = m_window->findChild<QTabWidget *>(u"sessionTabs"_s);
        QVERIFY(tabs);
        SessionView *first = m_window->currentView();
        connectAndSubscribe(first, u"dup"_s);
        QVERIFY(tabs->tabText(0).contains(u"connected"_s));

        // Duplicate: a new client (its own session and client id), the same URL, the same channel.
        m_window->action(u"duplicateConnection"_s)->trigger();
        QCOMPARE(m_window->sessionViews().size(), 2);
        SessionView *copy = m_window->currentView();
        QVERIFY(copy != first);
        QVERIFY(copy->session() != first->session());
        QTRY_COMPARE_WITH_TIMEOUT(copy->session()->state(), Session::State::Connected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(copy->tracker()->channel(u"dup"_s).status, ChannelState::Status::Subscribed, 10000);
        QVERIFY(copy->session()->clientId() != first->session()->clientId());
        QCOMPARE(tabs->count(), 2);
        QVERIFY(tabs->tabText(1).startsWith(copy->name()));
        // The window's accessors answer for the current tab.
        QCOMPARE(m_window->session(), copy->session());
        tabs->setCurrentIndex(0);
        QCOMPARE(m_window->session(), first->session());

        // New connection: a third tab, not connected.
        m_window->action(u"newConnection"_s)->trigger();
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(m_window->session()->state(), Session::State::Disconnected);

        // Closing a tab ends its client; the last tab cannot be closed.
        QPointer<Session> copySession = copy->session();
        m_window->closeSession(copy);
        QCOMPARE(m_window->sessionViews().size(), 2);
        QTRY_VERIFY(copySession.isNull()); // a session the window made is deleted with its tab
        m_window->closeSession(m_window->sessionViews().at(1));
        m_window->closeSession(m_window->sessionViews().at(0));
        QCOMPARE(m_window->sessionViews().size(), 1);
    }

    void sideBySidePublicationReachesBoth()
    {
        SessionView *a = m_window->currentView();
        SessionView *b = m_window->newConnection();
        connectAndSubscribe(a, u"both"_s);
        connectAndSubscribe(b, u"both"_s);

        // Side by side: both views visible next to each other, inside the window.
        m_window->action(u"sideBySide"_s)->trigger();
        QVERIFY(m_window->isSideBySide());
        QTRY_VERIFY(a->isVisible() && b->isVisible());
        QVERIFY(a->isCompact() && b->isCompact());
        QTRY_VERIFY(m_window->minimumSizeHint().width() <= 1600);
        const QRect ra(a->mapTo(m_window.get(), QPoint(0, 0)), a->size());
        const QRect rb(b->mapTo(m_window.get(), QPoint(0, 0)), b->size());
        QVERIFY2(ra.right() < rb.left(), "the sessions are next to each other");
        QVERIFY2(rb.right() <= m_window->width(), "the window holds both");
        QTRY_VERIFY(m_window->width() <= 1600);

        // A publication from a's server panel reaches both clients.
        ServerPanel *server = a->serverPanel();
        server->setApiUrl(m_server.httpUrl().toString());
        server->setApiKey(m_server.apiKey());
        QSignalSpy replied(server, &ServerPanel::replyShown);
        a->subscriptionPanel()->selectChannel(u"both"_s);
        const QList<QAction *> actions = a->subscriptionPanel()->view()->actions();
        QAction *publish = nullptr;
        for (QAction *act : actions)
            publish = act->objectName() == u"serverPublish"_s ? act : publish;
        QVERIFY(publish);
        QVERIFY(!publish->text().isEmpty());
        publish->trigger();
        QVERIFY(replied.wait(10000));
        const ServerApiReply reply = replied.first().at(0).value<ServerApiReply>();
        QVERIFY2(reply.isOk(), qPrintable(reply.sentence()));
        const quint64 offset = reply.result.value(u"offset"_s).toInteger();
        QVERIFY(offset > 0);

        // The combined timeline: the server's call and reply, and the push under each client, in time order.
        CombinedTimelineModel *combined = m_window->combinedModel();
        const QString key = CombinedTimelineModel::publicationKey(u"both"_s, offset);
        QList<int> sources;
        QTRY_VERIFY_WITH_TIMEOUT((sources.clear(), combined->flush(), rowsWithKey(combined, key, &sources) == 3),
                                 10000);
        const int sourceA = 0;
        const int sourceB = 1;
        QCOMPARE(combined->sourceName(sourceA), a->name());
        QCOMPARE(combined->sourceName(sourceB), b->name());
        QCOMPARE(sources.count(sourceA), 2); // the publish reply (a's panel) and a's push
        QCOMPARE(sources.count(sourceB), 1);
        qint64 last = 0;
        bool sawCall = false;
        for (int row = 0; row < combined->rowCount(); ++row) {
            const qint64 t = combined->entryAt(row).timeMs;
            QVERIFY2(t >= last, "rows in time order");
            last = t;
            sawCall = sawCall || (combined->entryAt(row).origin == CombinedTimelineModel::Origin::ServerCall &&
                                  combined->entryAt(row).kind == u"api publish"_s);
        }
        QVERIFY(sawCall);

        // One session with its server calls: a's rows only, the publish call among them, in time order.
        m_window->setCurrentView(a);
        m_window->action(u"sessionWithServerCalls"_s)->trigger();
        QSortFilterProxyModel *shown = m_window->combinedView()->proxy();
        QVERIFY(shown->rowCount() > 0 && shown->rowCount() < combined->rowCount());
        bool sawServerCall = false;
        for (int row = 0; row < shown->rowCount(); ++row) {
            QCOMPARE(shown->index(row, 0).data(CombinedTimelineModel::SourceRole).toInt(), sourceA);
            sawServerCall = sawServerCall || shown->index(row, 0).data(CombinedTimelineModel::ServerCallRole).toBool();
        }
        QVERIFY(sawServerCall);
        m_window->combinedView()->showSource(-1);
        QCOMPARE(shown->rowCount(), combined->rowCount());

        // Follow this publication: only its three rows, from both sources.
        CombinedTimelineView *view = m_window->combinedView();
        QModelIndex pushRow;
        for (int row = 0; row < view->proxy()->rowCount() && !pushRow.isValid(); ++row) {
            const QModelIndex i = view->proxy()->index(row, 0);
            if (i.data(CombinedTimelineModel::PublicationKeyRole).toString() == key &&
                i.data(CombinedTimelineModel::KindNameRole).toString() == u"push_pub"_s)
                pushRow = i;
        }
        QVERIFY(pushRow.isValid());
        view->tableView()->setCurrentIndex(pushRow);
        QVERIFY(view->followSelected());
        QCOMPARE(view->proxy()->rowCount(), 3);
        QVERIFY(view->statusText().contains(key));
        view->showAll();
        QVERIFY(view->proxy()->rowCount() > 3);

        // The charts of the combined timeline count the publications of both clients.
        auto *chartsDock = m_window->findChild<QDockWidget *>(u"chartsDock"_s);
        chartsDock->show();
        QComboBox *source = m_window->charts()->sourceBox();
        QCOMPARE(source->count(), 3);
        source->setCurrentIndex(2);
        TrafficStats *stats = m_window->charts()->stats();
        QCOMPARE(stats->model(), combined);
        double pubs = 0;
        for (const TrafficStats::Series &s :
             stats->rates(TrafficStats::GroupBy::Kind, TrafficStats::Measure::Messages)) {
            if (s.name == u"push_pub"_s)
                pubs = s.total;
        }
        QCOMPARE(pubs, 2.0);
        // The view draws them: a line per kind, and the bars of the round trips.
        TrafficChartView *charts = m_window->charts();
        charts->tabs()->setCurrentIndex(0);
        // The second still running is left out of the rates: the line appears once the publications' second ended.
        QTRY_VERIFY((charts->redraw(), !charts->rateChart()->series().isEmpty()));
        charts->tabs()->setCurrentIndex(1);
        QCOMPARE(charts->rttChart()->series().size(), 1);
        // A field of the publications over time: the server panel's publication carries "ts".
        charts->plotField(u"both"_s, u"ts"_s);
        QCOMPARE(stats->fieldSeries().size(), 2); // under both clients
        QCOMPARE(charts->fieldChart()->series().size(), 1);
        // Per session: a's round trips (connect, subscribe) are in its histogram.
        source->setCurrentIndex(0);
        QCOMPARE(stats->model(), a->timelineModel());
        QVERIFY(stats->rttHistogram().total >= 2);
        chartsDock->hide();
        QCOMPARE(stats->model(), nullptr); // hidden charts follow nothing

        // Back to tabs: both sessions are tabs again.
        m_window->setSideBySide(false);
        QCOMPARE(m_window->findChild<QTabWidget *>(u"sessionTabs"_s)->count(), 2);
        QVERIFY(!a->isCompact());
    }

    void openRecordingsInTheCombinedTimeline()
    {
        // Two clients' recordings, as each machine's CLI writes them: opened together, merged in time order.
        auto write = [this](const QString &name, const QList<qint64> &times) {
            QFile file(m_dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (qint64 t : times) {
                const Frame f = TimelineTestData::serverFrame(
                    "{\"push\":{\"channel\":\"c\",\"pub\":{\"data\":{\"n\":1},\"offset\":" + QByteArray::number(t) +
                        "}}}",
                    1'700'000'000'000 + t);
                file.write(FrameRecord::toJsonLine(f) + "\n");
            }
        };
        write(u"qa-one.jsonl"_s, {1, 3});
        write(u"qa-two.jsonl"_s, {2, 3});
        CombinedTimelineModel *combined = m_window->combinedModel();
        const int before = combined->rowCount();
        QVERIFY(m_window->openInCombined({m_dir.filePath(u"qa-one.jsonl"_s), m_dir.filePath(u"qa-two.jsonl"_s)}));
        QTRY_COMPARE((combined->flush(), combined->rowCount()), before + 4);
        QVERIFY(m_window->findChild<QDockWidget *>(u"combinedDock"_s)->isVisible());
        QStringList order;
        for (int row = 0; row < combined->rowCount(); ++row) {
            const QString source = combined->index(row, CombinedTimelineModel::SourceColumn).data().toString();
            if (source.startsWith(u"qa-"_s))
                order.append(source + u'@' +
                             combined->index(row, CombinedTimelineModel::OffsetColumn).data().toString());
        }
        QCOMPARE(order, (QStringList{u"qa-one@1"_s, u"qa-two@2"_s, u"qa-one@3"_s, u"qa-two@3"_s}));
    }

    void disconnectThisClientFromTheSession()
    {
        SessionView *a = m_window->currentView();
        connectAndSubscribe(a, u"chaos"_s);
        a->serverPanel()->setApiUrl(m_server.httpUrl().toString());
        a->serverPanel()->setApiKey(m_server.apiKey());
        QSignalSpy closed(a->session(), &Session::closed);
        // From the Connection menu: a dialog asks for the code and the reason.
        QTimer::singleShot(0, this, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == u"disconnectClientDialog"_s);
            dialog->findChild<QSpinBox *>()->setValue(4503);
            dialog->findChild<QLineEdit *>()->setText(u"chosen reason"_s);
            QMetaObject::invokeMethod(dialog, "accept");
        });
        m_window->action(u"serverDisconnect"_s)->trigger();
        QVERIFY(closed.wait(10000));
        QCOMPARE(closed.first().at(0).toInt(), 4503);
        QCOMPARE(closed.first().at(1).toString(), u"chosen reason"_s);
    }
    void proxiedApplicationIsASessionOfItsOwn()
    {
        // An application through the proxy dock: a tab of its own and a source of the combined timeline; nothing
        // of it lands in the inspector's own session.
        ProxyPanel *panel = nullptr;
        ProxyServer *proxy = nullptr;
        QTabWidget *tabs = nullptr;
        QVERIFY2(startProxy(panel, proxy, tabs), panel ? qPrintable(panel->statusText()) : "no proxy dock");
        TimelineModel *own = m_window->currentView()->timelineModel();
        own->flush();
        const int ownRows = own->rowCount();
        const int sources = m_window->combinedModel()->sourceCount();

        Session app;
        SessionOptions o;
        o.url = proxy->url();
        QSignalSpy connected(&app, &Session::connected);
        app.open(o);
        QVERIFY(connected.wait(10000));
        app.sendCommand({{u"subscribe"_s, QJsonObject{{u"channel"_s, u"proxied"_s}}}});
        ProxyAppView *view = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((view = m_window->findChild<ProxyAppView *>(u"proxyApp1"_s)) != nullptr, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(view->title().contains(app.clientId()), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(tabs->tabText(tabs->indexOf(view)), view->title(), 5000);
        QCOMPARE(m_window->combinedModel()->sourceCount(), sources + 1);
        QCOMPARE(m_window->combinedModel()->sourceName(sources), view->title());
        QTRY_VERIFY_WITH_TIMEOUT((view->timelineModel()->flush(), view->timelineModel()->rowCount() >= 4), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_window->combinedModel()->flush();
                for (int row = 0; row < m_window->combinedModel()->rowCount(); ++row) {
                    if (m_window->combinedModel()->entryAt(row).source == sources)
                        return true;
                }
                return false;
            }(),
            5000);
        own->flush();
        QCOMPARE(own->rowCount(), ownRows);
        // Its tab selects its connection in the dock, where the faults are injected.
        tabs->setCurrentWidget(view);
        QCOMPARE(panel->selectedConnection(), proxy->connection(1));
        app.close();
        QTRY_VERIFY_WITH_TIMEOUT(view->isClosed(), 10000);
        QCOMPARE(tabs->indexOf(view) >= 0, true); // it stays, marked closed
        panel->stop();
    }
    void proxiedApplicationsSideBySide()
    {
        // Side by side, the applications connected through the proxy are columns beside the current session (the
        // newest two: three columns at most); each keeps its own frames, across layout switches and while the
        // proxy stops and starts again.
        ProxyPanel *panel = nullptr;
        ProxyServer *proxy = nullptr;
        QTabWidget *tabs = nullptr;
        QVERIFY2(startProxy(panel, proxy, tabs), panel ? qPrintable(panel->statusText()) : "no proxy dock");
        std::vector<std::unique_ptr<Session>> apps;
        auto connectApp = [&](const QString &channel) -> ProxyAppView * {
            apps.push_back(std::make_unique<Session>());
            Session *app = apps.back().get();
            SessionOptions o;
            o.url = proxy->url();
            QSignalSpy connected(app, &Session::connected);
            app->open(o);
            if (!connected.wait(10000))
                return nullptr;
            app->sendCommand({{u"subscribe"_s, QJsonObject{{u"channel"_s, channel}}}});
            const QString name = u"proxyApp%1"_s.arg(apps.size());
            ProxyAppView *view = nullptr;
            const bool arrived = QTest::qWaitFor(
                [&] {
                    view = m_window->findChild<ProxyAppView *>(name);
                    return view && (view->timelineModel()->flush(), rowsOfChannel(view, channel) >= 2);
                },
                10000);
            return arrived ? view : nullptr;
        };
        ProxyAppView *first = connectApp(u"sbs-first"_s);
        QVERIFY(first);
        // A language change makes the menus again, not the proxy (its connections go on).
        QEvent languageChange(QEvent::LanguageChange);
        QApplication::sendEvent(m_window.get(), &languageChange);
        QCOMPARE(m_window->findChildren<ProxyServer *>().size(), 1);
        QCOMPARE(m_window->findChildren<ProxyPanel *>().size(), 1);
        QVERIFY(m_window->action(u"proxy"_s));
        QVERIFY(proxy->isListening());
        m_window->action(u"sideBySide"_s)->trigger(); // one application connects before, one after the switch
        QVERIFY(m_window->isSideBySide());
        ProxyAppView *second = connectApp(u"sbs-second"_s);
        QVERIFY(second);
        SessionView *own = m_window->currentView();
        QTRY_VERIFY(own->isVisible() && first->isVisible() && second->isVisible());
        QVERIFY(first->isCompact() && second->isCompact() && own->isCompact());
        QTRY_VERIFY(m_window->minimumSizeHint().width() <= 1600);
        QTRY_VERIFY(m_window->width() <= 1600);
        const QRect r0(own->mapTo(m_window.get(), QPoint(0, 0)), own->size());
        const QRect r1(first->mapTo(m_window.get(), QPoint(0, 0)), first->size());
        const QRect r2(second->mapTo(m_window.get(), QPoint(0, 0)), second->size());
        QVERIFY2(r0.right() < r1.left() && r1.right() < r2.left(), "three columns: the session, then the apps");
        QVERIFY2(r2.right() <= m_window->width(), "the window holds the three");
        QCOMPARE(rowsOfChannel(first, u"sbs-second"_s), 0); // each its own frames
        // Clicking into an application's column selects its connection in the dock.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        first->findChild<QTableView *>(u"proxyAppSubscriptions"_s)->setFocus(Qt::MouseFocusReason);
        QTRY_COMPARE(panel->selectedConnection(), proxy->connection(1));
        second->findChild<QTableView *>(u"proxyAppSubscriptions"_s)->setFocus(Qt::MouseFocusReason);
        QTRY_COMPARE(panel->selectedConnection(), proxy->connection(2));
        QCOMPARE(rowsOfChannel(second, u"sbs-first"_s), 0);
        // Frames keep arriving in a column.
        apps.at(1)->sendCommand({{u"subscribe"_s, QJsonObject{{u"channel"_s, u"sbs-later"_s}}}});
        QTRY_VERIFY_WITH_TIMEOUT((second->timelineModel()->flush(), rowsOfChannel(second, u"sbs-later"_s) >= 2), 10000);
        QCOMPARE(rowsOfChannel(first, u"sbs-later"_s), 0);
        first->timelineModel()->flush();
        second->timelineModel()->flush();
        const int firstRows = first->timelineModel()->rowCount();
        const int secondRows = second->timelineModel()->rowCount();

        // Back to tabs and side by side again: the same views with the same rows.
        for (bool sideBySide : {false, true, false}) {
            m_window->setSideBySide(sideBySide);
            if (sideBySide) {
                QTRY_VERIFY(first->isVisible() && second->isVisible());
                QCOMPARE(tabs->indexOf(first), -1);
            } else {
                QVERIFY(tabs->indexOf(first) >= 0 && tabs->indexOf(second) >= 0);
                QVERIFY(!first->isCompact() && !second->isCompact());
                QVERIFY(!tabs->tabBar()->tabButton(tabs->indexOf(first), QTabBar::RightSide)); // no close button
                tabs->setCurrentWidget(second);
                QTRY_VERIFY(second->isVisible());
                QCOMPARE(panel->selectedConnection(), proxy->connection(2));
            }
            QCOMPARE(m_window->findChild<ProxyAppView *>(u"proxyApp1"_s), first);
            QCOMPARE(first->timelineModel()->rowCount(), firstRows);
            QCOMPARE(second->timelineModel()->rowCount(), secondRows);
        }

        // The proxy stops and starts again: the closed views stay; side by side, the newest two take the columns
        // and the oldest waits in the tabs.
        panel->stop();
        QTRY_VERIFY_WITH_TIMEOUT(first->isClosed() && second->isClosed(), 10000);
        QVERIFY2(panel->start(), qPrintable(panel->statusText()));
        m_window->setSideBySide(true);
        ProxyAppView *third = connectApp(u"sbs-third"_s);
        QVERIFY(third);
        QTRY_VERIFY(own->isVisible() && second->isVisible() && third->isVisible());
        QVERIFY(!first->isVisible());
        QVERIFY(tabs->indexOf(first) >= 0);
        QCOMPARE(rowsOfChannel(third, u"sbs-second"_s), 0);
        m_window->setSideBySide(false);
        for (ProxyAppView *view : {first, second, third})
            QVERIFY(tabs->indexOf(view) >= 0);
        QCOMPARE(second->timelineModel()->rowCount(), secondRows);
        panel->stop();
    }
};

QTEST_MAIN(TestMultiSession)
#include "tst_multisession_live.moc"
