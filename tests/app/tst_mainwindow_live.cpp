// Drives the real MainWindow offscreen against a real Centrifugo: typing, keyboard shortcuts, the timeline, the
// subscription list and the connection panel's explanations. Waits on signals and QTRY_*, never on sleeps.
#include "centrifugoserver.h"
#include "commandcomposer.h"
#include "commandhistory.h"
#include "connectionpanel.h"
#include "logmodel.h"
#include "logview.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "secretstore.h" // profilestore.h needs it complete (QPointer<SecretStore>)
#include "session.h"
#include "subscriptionmodel.h"
#include "subscriptionpanel.h"
#include "subscriptiontracker.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Status = ChannelState::Status;

namespace {

// Rows of the timeline with this kind name ("subscribe_reply", "push_pub", ...) and, if given, channel.
int countRows(const TimelineModel *model, const QString &kind, const QString &channel = {})
{
    int n = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row, 0);
        if (i.data(TimelineModel::KindNameRole).toString() == kind &&
            (channel.isEmpty() || i.data(TimelineModel::ChannelRole).toString() == channel))
            ++n;
    }
    return n;
}

int countOutgoing(const TimelineModel *model)
{
    int n = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(TimelineModel::DirectionRole).toInt() == int(Protocol::Direction::Out))
            ++n;
    }
    return n;
}

QString statusKey(const SubscriptionPanel *panel, const QString &channel)
{
    const SubscriptionModel *model = panel->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row, SubscriptionModel::StatusColumn);
        if (i.data(SubscriptionModel::ChannelRole).toString() == channel)
            return i.data(SubscriptionModel::StatusKeyRole).toString();
    }
    return {};
}

QString cell(const SubscriptionPanel *panel, const QString &channel, int column)
{
    const SubscriptionModel *model = panel->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(SubscriptionModel::ChannelRole).toString() == channel)
            return model->index(row, column).data().toString();
    }
    return {};
}

} // namespace

class TestMainWindowLive : public QObject
{
    Q_OBJECT

private:
    CentrifugoServer m_server;
    QTemporaryDir m_dir;
    int m_settingsCounter = 0;
    QString m_settingsPath;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;

    void openWindow(const QUrl &url)
    {
        m_session = std::make_unique<Session>();
        m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
        if (url.isValid())
            m_window->connectionPanel()->setUrl(url.toString());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void connectWindow()
    {
        QSignalSpy connected(m_session.get(), &Session::connected);
        // The Connect shortcut, pressed wherever the focus is (text fields must not swallow it).
        QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
        QTest::keyClick(focus, Qt::Key_K, Qt::ControlModifier);
        QVERIFY2(connected.wait(10000), qPrintable(m_window->connectionPanel()->explanationText()));
        QCOMPARE(m_window->connectionPanel()->stateText(), QStringLiteral("Connected"));
    }

    // Types the text into the composer as a user would and presses Ctrl+Enter.
    void typeAndSend(const QString &text)
    {
        QPlainTextEdit *editor = m_window->composer()->editor();
        editor->setFocus();
        editor->selectAll();
        QTest::keyClick(editor, Qt::Key_Delete);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    }

    SubscriptionPanel *panel() const { return m_window->subscriptionPanel(); }
    TimelineModel *timeline() const { return m_window->timelineModel(); }

private slots:
    void initTestCase()
    {
        if (CentrifugoServer::findBinary().isEmpty())
            QSKIP("centrifugo not installed (scripts/install-deps.sh)");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void init()
    {
        m_settingsPath = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_settingsCounter));
        m_settings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
        openWindow(m_server.webSocketUrl());
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_settings.reset();
    }

    void subscribeFromComposer()
    {
        connectWindow();
        typeAndSend(QStringLiteral(R"({"subscribe": {"channel": "chat:gui", "recoverable": true}})"));
        // The id was assigned by the session and shown.
        QVERIFY2(m_window->findChild<QLabel *>(QStringLiteral("idInfo"))->text().contains(QLatin1String("2")),
                 qPrintable(m_window->findChild<QLabel *>(QStringLiteral("idInfo"))->text()));
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("subscribe"), QStringLiteral("chat:gui")), 1);
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("subscribe_reply"), QStringLiteral("chat:gui")), 1);
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:gui")), QStringLiteral("subscribed"));
        QVERIFY(m_window->tracker()->channel(QStringLiteral("chat:gui")).recoverable);
        QVERIFY(!cell(panel(), QStringLiteral("chat:gui"), SubscriptionModel::EpochColumn).isEmpty());
        // What was sent is in the history, for recall.
        QCOMPARE(m_window->history()->at(0),
                 QStringLiteral(R"({"subscribe": {"channel": "chat:gui", "recoverable": true}})"));

        // A publication through the server API arrives as a push and counts for the channel.
        const QJsonObject reply =
            m_server.publish(QStringLiteral("chat:gui"), QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}});
        QVERIFY2(reply.contains(QLatin1String("result")), QJsonDocument(reply).toJson().constData());
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("push_pub"), QStringLiteral("chat:gui")), 1);
        QTRY_COMPARE(cell(panel(), QStringLiteral("chat:gui"), SubscriptionModel::MessagesColumn), QStringLiteral("1"));
        QCOMPARE(
            cell(panel(), QStringLiteral("chat:gui"), SubscriptionModel::OffsetColumn),
            QString::number(reply.value(QLatin1String("result")).toObject().value(QLatin1String("offset")).toInt()));
    }

    void floodReachesTimelineAndChannelCount()
    {
        // Many times the session's read chunk and the timeline's rows per turn: read and shown in bounded
        // turns, and still every publication is in the timeline and counted for its channel, offsets without gaps.
        connectWindow();
        typeAndSend(QStringLiteral(R"({"subscribe": {"channel": "chat:flood", "recoverable": true}})"));
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:flood")), QStringLiteral("subscribed"));
        constexpr int kCount = 12000;
        quint64 lastOffset = 0;
        for (int from = 0; from < kCount; from += 1000) {
            QJsonArray commands;
            for (int i = from; i < from + 1000; ++i)
                commands.append(
                    QJsonObject{{QStringLiteral("publish"),
                                 QJsonObject{{QStringLiteral("channel"), QStringLiteral("chat:flood")},
                                             {QStringLiteral("data"), QJsonObject{{QStringLiteral("n"), i}}}}}});
            const QJsonObject r = m_server.apiCall(QStringLiteral("batch"), {{QStringLiteral("commands"), commands}});
            const QJsonArray replies = r.value(QLatin1String("replies")).toArray();
            QCOMPARE(replies.size(), 1000);
            lastOffset = quint64(replies.last()
                                     .toObject()
                                     .value(QLatin1String("publish"))
                                     .toObject()
                                     .value(QLatin1String("offset"))
                                     .toInteger());
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tracker()->channel(QStringLiteral("chat:flood")).publications,
                                  quint64(kCount), 30000);
        const ChannelState flood = m_window->tracker()->channel(QStringLiteral("chat:flood"));
        QCOMPARE(flood.offset, lastOffset);
        QCOMPARE(flood.missed, quint64(0));
        timeline()->flush();
        QCOMPARE(countRows(timeline(), QStringLiteral("push_pub"), QStringLiteral("chat:flood")), kCount);
        QCOMPARE(timeline()->droppedCount(), 0);
    }

    void badCommandNeedsTwoSendsAndDisconnectIsExplained()
    {
        connectWindow();
        typeAndSend(QStringLiteral(R"({"subscribe": {"channel": "news"}})"));
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("news")), QStringLiteral("subscribed"));
        timeline()->flush();
        const int outgoing = countOutgoing(timeline());

        // {"id":2} has no method: the linter says so, and the first Ctrl+Enter only arms Send.
        typeAndSend(QStringLiteral(R"({"id":2})"));
        CommandComposer *composer = m_window->composer();
        QCOMPARE(composer->sendState(), CommandComposer::SendState::Armed);
        QVERIFY(composer->sendButtonText().contains(QLatin1String("Confirm")));
        bool noMethod = false;
        for (const LintFinding &f : composer->analysis().findings)
            noMethod = noMethod || f.code == QLatin1String("no-method");
        QVERIFY(noMethod);
        timeline()->flush();
        QCOMPARE(countOutgoing(timeline()), outgoing); // nothing sent yet

        QSignalSpy closed(m_session.get(), &Session::closed);
        QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ControlModifier); // the deliberate second time
        QVERIFY(closed.wait(10000));
        QCOMPARE(closed.at(0).at(0).toInt(), 3501);

        // The connection panel says what happened and why, in words.
        ConnectionPanel *connection = m_window->connectionPanel();
        QTRY_VERIFY2(connection->stateText().contains(QLatin1String("3501")), qPrintable(connection->stateText()));
        QVERIFY2(connection->explanationText().contains(QLatin1String("bad request")),
                 qPrintable(connection->explanationText()));
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("explanationLabel"))->isVisible());
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("disconnect")), 1);
        // The close ends the subscription, with the close code.
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("news")), QStringLiteral("unsubscribed"));
        QVERIFY(cell(panel(), QStringLiteral("news"), SubscriptionModel::StatusColumn).contains(QLatin1String("3501")));
        QCOMPARE(m_window->findChild<QPushButton *>(QStringLiteral("connectButton"))->text(),
                 QStringLiteral("Connect"));
    }

    void notJsonCannotBeSent()
    {
        // Text that is not JSON goes out only on purpose: the first Ctrl+Enter arms Send, nothing is sent.
        connectWindow();
        timeline()->flush();
        const int outgoing = countOutgoing(timeline());
        typeAndSend(QStringLiteral("subscribe news please"));
        CommandComposer *composer = m_window->composer();
        QCOMPARE(composer->sendState(), CommandComposer::SendState::Armed);
        QCOMPARE(composer->analysis().outcome, LintOutcome::close(3501));
        timeline()->flush();
        QCOMPARE(countOutgoing(timeline()), outgoing);
        QCOMPARE(m_session->state(), Session::State::Connected);
    }

    void rawBatchGoesAsTyped()
    {
        connectWindow();
        typeAndSend(QStringLiteral(
            R"({"id":40,"presence_stats":{"channel":"chat:a"}} {"id":41,"history":{"channel":"chat:a","limit":0}})"));
        QCOMPARE(m_window->composer()->analysis().kind, CommandAnalysis::Kind::Raw);
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("presence_stats_reply")), 1);
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("history_reply")), 1);
    }

    void subscriptionPanelActions()
    {
        connectWindow();
        QLineEdit *channel = panel()->channelEdit();
        channel->setFocus();
        QTest::keyClicks(channel, QStringLiteral("chat:panel"));
        QTest::keyClick(channel, Qt::Key_Return);
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:panel")), QStringLiteral("subscribed"));
        QCOMPARE(panel()->selectedChannel(), QStringLiteral("chat:panel"));
        QVERIFY(channel->text().isEmpty());

        QVERIFY(panel()->presenceStats(QStringLiteral("chat:panel")) != 0);
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("presence_stats_reply")), 1);
        QVERIFY(panel()->presence(QStringLiteral("chat:panel")) != 0);
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("presence_reply")), 1);
        QVERIFY(panel()->publish(QStringLiteral("chat:panel"), QJsonObject{{QStringLiteral("n"), 1}}) != 0);
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("publish_reply")), 1);
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("push_pub"), QStringLiteral("chat:panel")), 1);
        QVERIFY(panel()->history(QStringLiteral("chat:panel")) != 0);
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("history_reply")), 1);

        QVERIFY(panel()->unsubscribe(QStringLiteral("chat:panel")) != 0);
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:panel")), QStringLiteral("unsubscribed"));
        // Resubscribe recovers from the last position: the stream of chat: is recoverable.
        QVERIFY(panel()->resubscribe(QStringLiteral("chat:panel")) != 0);
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:panel")), QStringLiteral("subscribed"));
        QVERIFY(m_window->tracker()->channel(QStringLiteral("chat:panel")).wasRecovering);
        QVERIFY(m_window->tracker()->channel(QStringLiteral("chat:panel")).recovered);
    }

    void failedSubscriptionIsExplained()
    {
        connectWindow();
        // "locked" allows nothing for clients: error 103 permission denied.
        typeAndSend(QStringLiteral(R"({"subscribe": {"channel": "locked:room"}})"));
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("locked:room")), QStringLiteral("failed"));
        const ChannelState s = m_window->tracker()->channel(QStringLiteral("locked:room"));
        QCOMPARE(s.code, 103);
        QVERIFY2(cell(panel(), QStringLiteral("locked:room"), SubscriptionModel::DetailsColumn)
                     .contains(QLatin1String("permission denied")),
                 qPrintable(cell(panel(), QStringLiteral("locked:room"), SubscriptionModel::DetailsColumn)));
        QCOMPARE(m_session->state(), Session::State::Connected); // an error reply keeps the connection
    }

    void subscribeOnceConnected()
    {
        m_window->subscribeWhenConnected({QStringLiteral("news"), QStringLiteral("chat:cli")});
        QCOMPARE(panel()->model()->rowCount(), 0);
        connectWindow();
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("news")), QStringLiteral("subscribed"));
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:cli")), QStringLiteral("subscribed"));
    }

    void serverSideUnsubscribeIsExplained()
    {
        connectWindow();
        typeAndSend(QStringLiteral(R"({"subscribe": {"channel": "chat:kick"}})"));
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:kick")), QStringLiteral("subscribed"));
        const QJsonObject reply =
            m_server.apiCall(QStringLiteral("unsubscribe"), {{QStringLiteral("channel"), QStringLiteral("chat:kick")},
                                                             {QStringLiteral("user"), QString()},
                                                             {QStringLiteral("client"), m_session->clientId()}});
        QVERIFY2(!reply.contains(QLatin1String("error")) && !reply.contains(QLatin1String("transport_error")),
                 QJsonDocument(reply).toJson().constData());
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:kick")), QStringLiteral("unsubscribed"));
        const ChannelState s = m_window->tracker()->channel(QStringLiteral("chat:kick"));
        QCOMPARE(s.code, 2000);
        QVERIFY(s.explanation.startsWith(QLatin1String("2000")));
    }

    void shortcuts()
    {
        // Ctrl+K in the editor connects instead of deleting to the end of the line (X11 text binding).
        m_window->composer()->setText(QStringLiteral("{\"presence\": {}}"));
        m_window->composer()->editor()->setFocus();
        QCOMPARE(QApplication::focusWidget(), m_window->composer()->editor());
        connectWindow();
        QCOMPARE(m_window->composer()->text(), QStringLiteral("{\"presence\": {}}"));
        typeAndSend(QStringLiteral(R"({"presence_stats": {"channel": "chat:x"}})"));
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("presence_stats_reply")), 1);

        // Ctrl+L clears the timeline; Ctrl+F goes to its search field.
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE(timeline()->rowCount(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(QApplication::focusWidget());
        QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
        QVERIFY(m_window->timeline()->isAncestorOf(QApplication::focusWidget()));

        // Ctrl+E goes to the editor; Ctrl+Up recalls the last command, Ctrl+Enter sends it again.
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), m_window->composer()->editor());
        m_window->composer()->setText(QString());
        QTest::keyClick(m_window->composer()->editor(), Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(m_window->composer()->text(), QStringLiteral(R"({"presence_stats": {"channel": "chat:x"}})"));
        QTest::keyClick(m_window->composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(countRows(timeline(), QStringLiteral("presence_stats_reply")), 1);

        // Ctrl+Shift+K disconnects.
        QSignalSpy closed(m_session.get(), &Session::closed);
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000); // a local close may be reported at once
        QTRY_COMPARE(m_window->connectionPanel()->stateText(), QStringLiteral("Closed by you"));
        QVERIFY(m_window->connectionPanel()->explanationText().isEmpty());
    }

    void logPaneFollowsLevel()
    {
        // The pane's level decides what the session builds: trace shows every frame.
        m_window->logView()->setLevel(LogEntry::Level::Trace);
        QCOMPARE(m_session->logLevel(), LogEntry::Level::Trace);
        connectWindow();
        QTRY_VERIFY(m_window->logModel()->rowCount() > 3);
        bool sawFrame = false;
        for (int row = 0; row < m_window->logModel()->rowCount(); ++row) {
            const LogEntry &e = m_window->logModel()->entryAt(row);
            sawFrame =
                sawFrame || (e.level == LogEntry::Level::Trace && e.message.contains(QLatin1String("\"connect\"")));
        }
        QVERIFY(sawFrame);
        // Without --log-level, stderr shows info: the session keeps building info entries for it.
        m_window->logView()->setLevel(LogEntry::Level::Warning);
        QCOMPARE(m_session->logLevel(), LogEntry::Level::Info);
        m_window->setStderrLevel(LogEntry::Level::Error);
        QCOMPARE(m_session->logLevel(), LogEntry::Level::Warning);
        // stderr asks for more than the pane: the session follows the lower of the two.
        m_window->setStderrLevel(LogEntry::Level::Debug);
        QCOMPARE(m_session->logLevel(), LogEntry::Level::Debug);
    }

    void settingsAreRemembered()
    {
        connectWindow();
        m_window->composer()->setText(QStringLiteral("{\"presence\": {}}"));
        m_window->action(QStringLiteral("showLog"))->setChecked(false);
        m_window->logView()->setLevel(LogEntry::Level::Debug);
        m_window->close();
        cleanup();

        m_settings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
        openWindow(QUrl());
        QCOMPARE(m_window->connectionPanel()->url(), m_server.webSocketUrl().toString());
        QCOMPARE(m_window->composer()->text(), QStringLiteral("{\"presence\": {}}"));
        QVERIFY(!m_window->logView()->isVisible());
        QVERIFY(m_window->composer()->isVisible());
        QCOMPARE(m_window->logView()->level(), LogEntry::Level::Debug);
    }

    void connectWithProfile()
    {
        QString id;
        {
            ProfileStore store(m_settings.get());
            ConnectionProfile base;
            base.url = m_server.webSocketUrl();
            base.headers = {{"X-Inspector-Test", "1", false}};
            SubscribeOptions sub;
            sub.channel = QStringLiteral("chat:profile");
            sub.recoverable = true;
            base.subscriptions = {sub};
            id = store.create(QStringLiteral("Live test"), base);
        }
        QVERIFY(!id.isEmpty());
        QSignalSpy connected(m_session.get(), &Session::connected);
        m_window->connectWithProfile(id);
        QVERIFY(connected.wait(15000));
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:profile")), QStringLiteral("subscribed"));
        QVERIFY(m_window->tracker()->channel(QStringLiteral("chat:profile")).recoverable);
        // The panel shows what the profile connected with.
        QCOMPARE(m_window->connectionPanel()->url(), m_server.webSocketUrl().toString());
        QCOMPARE(m_session->options().headers.size(), 1);
    }

    void autoPongOffEndsWithNoPong()
    {
        // A server that pings every 2 s and waits 1 s for the pong.
        CentrifugoServer server;
        server.setEnvironmentOverride(QStringLiteral("client.ping_interval"), QStringLiteral("2s"));
        server.setEnvironmentOverride(QStringLiteral("client.pong_timeout"), QStringLiteral("1s"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        cleanup();
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("pong.ini")), QSettings::IniFormat);
        openWindow(server.webSocketUrl());
        QCheckBox *autoPong = m_window->findChild<QCheckBox *>(QStringLiteral("autoPong"));
        autoPong->setChecked(false);
        m_window->findChild<QCheckBox *>(QStringLiteral("reconnect"))->setChecked(false);
        connectWindow();
        QVERIFY(!m_session->autoPong());
        QSignalSpy closed(m_session.get(), &Session::closed);
        QVERIFY(closed.wait(15000));
        QCOMPARE(closed.at(0).at(0).toInt(), 3012);
        QTRY_VERIFY(m_window->connectionPanel()->stateText().contains(QLatin1String("3012")));
        QVERIFY(m_window->connectionPanel()->explanationText().contains(QLatin1String("pong")));
        QVERIFY(m_window->connectionPanel()->lastCloseText().contains(QLatin1String("3012")));
    }

    void reconnectRestoresAndRecovers()
    {
        CentrifugoServer server;
        server.setEnvironmentOverride(QStringLiteral("client.ping_interval"), QStringLiteral("2s"));
        server.setEnvironmentOverride(QStringLiteral("client.pong_timeout"), QStringLiteral("1s"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        cleanup();
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("reconnect.ini")), QSettings::IniFormat);
        openWindow(server.webSocketUrl());
        QCheckBox *autoPong = m_window->findChild<QCheckBox *>(QStringLiteral("autoPong"));
        QVERIFY(m_window->findChild<QCheckBox *>(QStringLiteral("reconnect"))->isChecked()); // the default
        autoPong->setChecked(false);
        connectWindow();
        typeAndSend(QStringLiteral(R"({"subscribe": {"channel": "chat:r", "recoverable": true}})"));
        QTRY_COMPARE(statusKey(panel(), QStringLiteral("chat:r")), QStringLiteral("subscribed"));
        QVERIFY(server.publish(QStringLiteral("chat:r"), QJsonObject{{QStringLiteral("n"), 1}})
                    .contains(QLatin1String("result")));
        QTRY_COMPARE(m_window->tracker()->channel(QStringLiteral("chat:r")).publications, 1u);

        // Unanswered pings: the server closes with 3012, a reconnect-range code.
        QSignalSpy closed(m_session.get(), &Session::closed);
        QVERIFY(closed.wait(15000));
        QCOMPARE(closed.at(0).at(0).toInt(), 3012);
        QCOMPARE(statusKey(panel(), QStringLiteral("chat:r")), QStringLiteral("unsubscribed"));
        QVERIFY2(m_window->connectionPanel()->stateText().contains(QLatin1String("reconnecting")),
                 qPrintable(m_window->connectionPanel()->stateText()));
        autoPong->setChecked(true); // so that the new connection stays up
        // Published while the client is away: recovered on the resubscribe.
        QVERIFY(server.publish(QStringLiteral("chat:r"), QJsonObject{{QStringLiteral("n"), 2}})
                    .contains(QLatin1String("result")));

        QTRY_COMPARE_WITH_TIMEOUT(statusKey(panel(), QStringLiteral("chat:r")), QStringLiteral("subscribed"), 15000);
        const ChannelState s = m_window->tracker()->channel(QStringLiteral("chat:r"));
        QVERIFY(s.wasRecovering);
        QVERIFY(s.recovered);
        QCOMPARE(s.publications, 2u);
        QCOMPARE(s.offset, 2u);
        QCOMPARE(m_window->connectionPanel()->stateText(), QStringLiteral("Connected"));
        QVERIFY(m_window->connectionPanel()->lastCloseText().contains(QLatin1String("3012")));
        QCOMPARE(countRows(timeline(), QStringLiteral("disconnect")), 1);
    }
};

QTEST_MAIN(TestMainWindowLive)
#include "tst_mainwindow_live.moc"
