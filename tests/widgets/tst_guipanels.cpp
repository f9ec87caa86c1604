// Connection panel, subscription panel and log view without a server: validation, settings, offline behaviour.
#include "connectionpanel.h"
#include "logmodel.h"
#include "logview.h"
#include "session.h"
#include "subscriptionmodel.h"
#include "subscriptionpanel.h"
#include "subscriptiontracker.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class TestGuiPanels : public QObject
{
    Q_OBJECT

private slots:
    void urlValidation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("url");
        QTest::newRow("ws") << QStringLiteral("ws://127.0.0.1:8000/connection/websocket") << true
                            << QStringLiteral("ws://127.0.0.1:8000/connection/websocket");
        QTest::newRow("wss") << QStringLiteral("wss://example.com/connection/websocket") << true
                             << QStringLiteral("wss://example.com/connection/websocket");
        QTest::newRow("no scheme") << QStringLiteral("localhost:8000/connection/websocket") << true
                                   << QStringLiteral("ws://localhost:8000/connection/websocket");
        QTest::newRow("http becomes ws") << QStringLiteral("http://h:1/c") << true << QStringLiteral("ws://h:1/c");
        QTest::newRow("https becomes wss") << QStringLiteral("https://h/c") << true << QStringLiteral("wss://h/c");
        QTest::newRow("ftp") << QStringLiteral("ftp://h/c") << false << QString();
        QTest::newRow("empty") << QString() << false << QString();
        QTest::newRow("no host") << QStringLiteral("ws:///path") << false << QString();
    }

    void urlValidation()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        QFETCH(QString, url);
        Session session;
        ConnectionPanel panel(&session, nullptr);
        panel.setUrl(input);
        SessionOptions options;
        QString error;
        QCOMPARE(panel.readOptions(&options, &error), valid);
        if (valid)
            QCOMPARE(options.url.toString(), url);
        else
            QVERIFY(!error.isEmpty());
    }

    void invalidInputIsShownNotSent()
    {
        Session session;
        ConnectionPanel panel(&session, nullptr);
        panel.setUrl(QStringLiteral("ftp://nowhere"));
        QVERIFY(!panel.connectToServer());
        QCOMPARE(session.state(), Session::State::Disconnected);
        QVERIFY(panel.stateText().contains(QLatin1String("Cannot connect")));
        QVERIFY(panel.explanationText().contains(QLatin1String("ftp://nowhere")));

        // Connect data must be JSON; header names must be tokens.
        panel.setUrl(QStringLiteral("ws://127.0.0.1:1/x"));
        auto *data = panel.findChild<QPlainTextEdit *>(QStringLiteral("connectData"));
        data->setPlainText(QStringLiteral("{oops"));
        SessionOptions options;
        QString error;
        QVERIFY(!panel.readOptions(&options, &error));
        QVERIFY(error.contains(QLatin1String("JSON")));
        data->setPlainText(QStringLiteral("{\"room\": 1}"));
        auto *headers = panel.findChild<QTableWidget *>(QStringLiteral("headers"));
        headers->insertRow(0);
        headers->setItem(0, 0, new QTableWidgetItem(QStringLiteral("Bad Header")));
        headers->setItem(0, 1, new QTableWidgetItem(QStringLiteral("v")));
        QVERIFY(!panel.readOptions(&options, &error));
        headers->item(0, 0)->setText(QStringLiteral("X-Trace-Id"));
        QVERIFY(panel.readOptions(&options, &error));
        QCOMPARE(options.connectData, QByteArray("{\"room\": 1}"));
        QCOMPARE(options.headers.size(), 1);
        QCOMPARE(options.headers.first().first, QByteArray("X-Trace-Id"));
    }

    void tokenIsMaskedAndNotSaved()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Session session;
        ConnectionPanel panel(&session, &settings);
        auto *token = panel.findChild<QLineEdit *>(QStringLiteral("token"));
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        token->setText(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.secret"));
        auto *toggle = panel.findChild<QToolButton *>(QStringLiteral("showToken"));
        QVERIFY(toggle);
        toggle->click();
        QCOMPARE(token->echoMode(), QLineEdit::Normal);
        toggle->click();
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        panel.saveSettings();
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("secret"));
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        {
            Session session;
            ConnectionPanel panel(&session, &settings);
            SessionOptions o;
            o.url = QUrl(QStringLiteral("ws://a:1/x"));
            o.name = QStringLiteral("qa-run");
            o.version = QStringLiteral("9");
            o.connectData = "{\"k\":1}";
            o.headers = {{"X-A", "1"}};
            o.autoPong = false;
            o.autoConnect = false;
            panel.setOptions(o);
            panel.saveSettings();
        }
        Session session;
        ConnectionPanel panel(&session, &settings);
        SessionOptions o;
        QString error;
        QVERIFY(panel.readOptions(&o, &error));
        QCOMPARE(o.url.toString(), QStringLiteral("ws://a:1/x"));
        QCOMPARE(o.name, QStringLiteral("qa-run"));
        QCOMPARE(o.version, QStringLiteral("9"));
        QCOMPARE(o.connectData, QByteArray("{\"k\":1}"));
        QCOMPARE(o.headers.size(), 1);
        QVERIFY(!o.autoPong);
        QVERIFY(!o.autoConnect);
    }

    void recentUrlsRemembered()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        {
            Session session;
            ConnectionPanel panel(&session, &settings);
            // Connecting (even to nothing listening) remembers the URL.
            for (const char *url : {"ws://127.0.0.1:9/a", "ws://127.0.0.1:9/b", "ws://127.0.0.1:9/a"}) {
                panel.setUrl(QLatin1String(url));
                QVERIFY(panel.connectToServer());
                QSignalSpy closed(&session, &Session::closed);
                QVERIFY(session.state() == Session::State::Disconnected || closed.wait(10000));
            }
            // Refused: the close is explained.
            QVERIFY(!panel.explanationText().isEmpty());
        }
        Session session;
        ConnectionPanel panel(&session, &settings);
        auto *combo = panel.findChild<QComboBox *>(QStringLiteral("url"));
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(0), QStringLiteral("ws://127.0.0.1:9/a"));
        QCOMPARE(combo->itemText(1), QStringLiteral("ws://127.0.0.1:9/b"));
        QCOMPARE(panel.url(), QStringLiteral("ws://127.0.0.1:9/a"));
    }

    void protobufOption()
    {
        Session session;
        ConnectionPanel panel(&session, nullptr);
        auto *format = panel.findChild<QComboBox *>(QStringLiteral("format"));
        QCOMPARE(format->count(), 2);
        if (!ConnectionPanel::protobufAvailable())
            QVERIFY(format->itemData(1, Qt::ToolTipRole).toString().contains(QLatin1String("own issue")));
    }

    void subscriptionPanelOffline()
    {
        Session session;
        SubscriptionTracker tracker;
        SubscriptionPanel panel(&session, &tracker);
        QSignalSpy problem(&panel, &SubscriptionPanel::problem);
        QCOMPARE(panel.subscribeFromForm(), 0u); // no channel
        QCOMPARE(problem.count(), 1);
        panel.channelEdit()->setText(QStringLiteral("news"));
        QCOMPARE(panel.subscribeFromForm(), 0u); // not connected
        QCOMPARE(problem.count(), 2);
        QVERIFY(problem.last().at(0).toString().contains(QLatin1String("not open")));
        QCOMPARE(panel.channelEdit()->text(), QStringLiteral("news")); // kept for the next try

        const SubscribeOptions o = panel.formOptions();
        QCOMPARE(o.channel, QStringLiteral("news"));
        QVERIFY(o.recoverable);
        QVERIFY(o.positioned);
        QVERIFY(o.joinLeave);
        QVERIFY(!o.recover);
        QVERIFY(o.delta.isEmpty());

        // Actions need a selected channel and an open connection.
        for (QAction *a : panel.view()->actions()) {
            if (a->text() != SubscriptionPanel::tr("Forget"))
                QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
        }
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("subscriptionSummary"))->text().contains(QLatin1String("0")));
    }

    void logViewLevelAndSave()
    {
        LogModel model;
        LogView view(&model);
        QSignalSpy level(&view, &LogView::levelChanged);
        for (LogEntry::Level l : {LogEntry::Level::Debug, LogEntry::Level::Info, LogEntry::Level::Error}) {
            LogEntry e;
            e.level = l;
            e.category = QStringLiteral("inspector.session");
            e.message = LogEntry::levelName(l) + QStringLiteral(" line");
            model.append(e);
        }
        model.flush();
        QCOMPARE(model.rowCount(), 2);
        auto *combo = view.findChild<QComboBox *>(QStringLiteral("logLevel"));
        QCOMPARE(combo->count(), 5);
        view.setLevel(LogEntry::Level::Error);
        QCOMPARE(level.count(), 1);
        QCOMPARE(level.at(0).at(0).value<LogEntry::Level>(), LogEntry::Level::Error);
        QCOMPARE(model.rowCount(), 1);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.txt"));
        QString error;
        QVERIFY2(view.saveTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("error line"));
        QVERIFY(!text.contains("info line"));
        QVERIFY(!view.saveTo(dir.filePath(QStringLiteral("no/such/dir/log.txt")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestGuiPanels)
#include "tst_guipanels.moc"
