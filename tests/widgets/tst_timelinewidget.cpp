#include "explainer.h"
#include "servercallframes.h"
#include "themecolors.h"
#include "timelinefiltermodel.h"
#include "timelinemodel.h"
#include "timelinetestdata.h"
#include "timelinewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

using namespace TimelineTestData;

class TestTimelineWidget : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsAppearAndStatusCounts();
    void directionAndPingFilters();
    void kindMenu();
    void channelCombo();
    void searchIsDebouncedAndEscapeClears();
    void regexToggleAndError();
    void detailExplainsDisconnect();
    void detailShowsErrorAndPrettyJson();
    void followStopsWhenUserScrollsUp();
    void pauseAndClearButtons();
    void droppedIsShown();
    void importAndExport();
    void importMissingFileIsReported();
    void copyAsCommandLine();
    void saveSelectedRowsAsScenario();

private:
    void fillSample();
    template <typename T> T *child(const char *name) const
    {
        T *w = m_widget->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    int shown() const { return m_widget->filterModel()->rowCount(); }

    TimelineModel *m_model = nullptr;
    TimelineWidget *m_widget = nullptr;
};

void TestTimelineWidget::init()
{
    m_model = new TimelineModel;
    m_widget = new TimelineWidget(m_model);
    m_widget->resize(1000, 700);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget));
}

void TestTimelineWidget::cleanup()
{
    delete m_widget;
    delete m_model;
}

void TestTimelineWidget::fillSample()
{
    m_model->appendFrame(clientFrame(kConnectCommand));
    m_model->appendFrame(serverFrame(kConnectReply));
    m_model->appendFrame(clientFrame(kSubscribeCommand));
    m_model->appendFrame(serverFrame(kSubscribeReply + '\n' + kPublication));
    m_model->appendFrame(serverFrame(kJoin));
    m_model->appendFrame(serverFrame(kPermissionDenied));
    m_model->appendFrame(serverFrame(kPing));
    m_model->appendFrame(clientFrame(kPong));
    m_model->appendFrame(closeFrame(3501, QStringLiteral("bad request")));
}

void TestTimelineWidget::rowsAppearAndStatusCounts()
{
    fillSample();
    QTRY_COMPARE(m_widget->tableView()->model()->rowCount(), 10);
    QTRY_COMPARE(child<QLabel>("statusLabel")->text(), m_widget->statusText());
    QVERIFY2(
        m_widget->statusText().contains(QLatin1String("Messages: 10 | Frames: 9 | Shown: 10 | Dropped (oldest): 0")),
        qPrintable(m_widget->statusText()));
    QCOMPARE(m_widget->tableView()->model()->index(9, TimelineModel::KindColumn).data().toString(),
             QStringLiteral("disconnect 3501"));
}

void TestTimelineWidget::directionAndPingFilters()
{
    fillSample();
    QTRY_COMPARE(shown(), 10);
    auto *direction = child<QComboBox>("directionCombo");
    direction->setCurrentIndex(2); // out
    QCOMPARE(shown(), 3);
    child<QCheckBox>("pingPongCheck")->setChecked(false);
    QCOMPARE(shown(), 2);
    direction->setCurrentIndex(1); // in
    QCOMPARE(shown(), 6);
    QVERIFY(m_widget->statusText().contains(QLatin1String("Shown: 6 ")));
}

void TestTimelineWidget::kindMenu()
{
    fillSample();
    QTRY_COMPARE(shown(), 10);
    auto *button = child<QToolButton>("kindButton");
    QMenu *menu = button->menu();
    QVERIFY(menu);
    // Leave only errors and disconnects checked.
    for (QAction *a : menu->actions()) {
        if (!a->isCheckable())
            continue;
        const auto kind = Protocol::MessageKind(a->data().toInt());
        a->setChecked(kind == Protocol::MessageKind::Error || kind == Protocol::MessageKind::Disconnect);
    }
    child<QCheckBox>("pingPongCheck")->setChecked(false);
    QCOMPARE(shown(), 2);
    QCOMPARE(button->text(), QStringLiteral("Kinds: 2 of 7")); // six kinds of messages and the server calls
    QCOMPARE(menu->actions().last()->text(), QStringLiteral("Server calls"));
    menu->actions().first()->trigger(); // "All kinds"
    QCOMPARE(shown(), 8);
    QCOMPARE(button->text(), QStringLiteral("All kinds"));
}

void TestTimelineWidget::channelCombo()
{
    fillSample();
    QTRY_COMPARE(shown(), 10);
    auto *combo = child<QComboBox>("channelCombo");
    QTRY_COMPARE(combo->count(), 3); // "", chat:room, news
    QCOMPARE(combo->itemText(1), QStringLiteral("chat:room"));
    QCOMPARE(combo->itemText(2), QStringLiteral("news"));
    combo->setCurrentIndex(2);
    QTRY_COMPARE(shown(), 3); // subscribe, its reply (the channel of the command it answers) and the publication
    combo->setEditText(QStringLiteral("chat:*"));
    QTRY_COMPARE(shown(), 1);
    combo->setEditText(QString());
    QTRY_COMPARE(shown(), 10);
}

void TestTimelineWidget::searchIsDebouncedAndEscapeClears()
{
    fillSample();
    QTRY_COMPARE(shown(), 10);
    auto *search = child<QLineEdit>("searchEdit");
    QSignalSpy filterChanged(m_widget->filterModel(), &TimelineFilterModel::filterChanged);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("PERMISSION"));
    QCOMPARE(filterChanged.count(), 0); // nothing per keystroke
    QVERIFY(filterChanged.wait());
    QCOMPARE(filterChanged.count(), 1);
    QCOMPARE(shown(), 1);
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(shown(), 10);

    m_widget->focusSearch();
    QVERIFY(search->hasFocus());
}

void TestTimelineWidget::regexToggleAndError()
{
    fillSample();
    QTRY_COMPARE(shown(), 10);
    auto *search = child<QLineEdit>("searchEdit");
    search->setText(QStringLiteral("\"id\":[12],"));
    m_widget->applySearchNow();
    QCOMPARE(shown(), 0); // literal text: no match
    child<QToolButton>("regexButton")->setChecked(true);
    QCOMPARE(shown(), 4);
    search->setText(QStringLiteral("(["));
    m_widget->applySearchNow();
    QVERIFY(!m_widget->filterModel()->searchError().isEmpty());
    QVERIFY(m_widget->statusText().contains(m_widget->filterModel()->searchError()));
    QCOMPARE(search->toolTip(), m_widget->filterModel()->searchError());
}

void TestTimelineWidget::detailExplainsDisconnect()
{
    fillSample();
    QTRY_COMPARE(shown(), 10);
    QTableView *table = m_widget->tableView();
    table->setCurrentIndex(table->model()->index(9, 0));
    QCOMPARE(m_widget->currentSourceRow(), 9);
    const QString summary = child<QLabel>("summaryLabel")->text();
    QVERIFY2(summary.contains(QLatin1String("3501")) && summary.contains(QLatin1String("bad request")),
             qPrintable(summary));
    QCOMPARE(summary, Explainer::describe(m_model->messageAt(9)));
    const QString explanation = child<QTextBrowser>("explanationView")->toPlainText();
    QVERIFY2(explanation.contains(Explainer::disconnect(3501).meaning), qPrintable(explanation));
    QVERIFY(explanation.contains(QLatin1String("WebSocket close frame")));
    const QString pretty = child<QPlainTextEdit>("prettyView")->toPlainText();
    QVERIFY2(pretty.contains(QLatin1String("\"code\": 3501")), qPrintable(pretty));
    QCOMPARE(child<QPlainTextEdit>("rawView")->toPlainText(), QStringLiteral("bad request"));
}

void TestTimelineWidget::detailShowsErrorAndPrettyJson()
{
    fillSample();
    QTRY_COMPARE(shown(), 10);
    QTableView *table = m_widget->tableView();
    table->setCurrentIndex(table->model()->index(3, 0)); // subscribe reply, first of a two-message frame
    const QString pretty = child<QPlainTextEdit>("prettyView")->toPlainText();
    QCOMPARE(pretty, QStringLiteral("{\n  \"id\": 2,\n  \"subscribe\": {}\n}"));
    const QString raw = child<QPlainTextEdit>("rawView")->toPlainText();
    QVERIFY(raw.startsWith(QString::fromUtf8(kSubscribeReply)));
    QVERIFY2(raw.contains(QString::fromUtf8(kPublication)), qPrintable(raw)); // the whole frame follows
    const QString hex = child<QPlainTextEdit>("hexView")->toPlainText();
    QVERIFY2(hex.startsWith(QLatin1String("00000000  7b 22 69 64")), qPrintable(hex));

    table->setCurrentIndex(table->model()->index(6, 0)); // permission denied
    const QString summary = child<QLabel>("summaryLabel")->text();
    QVERIFY2(summary.contains(QLatin1String("103")), qPrintable(summary));
    const QString problem = ThemeColors::problemText(child<QLabel>("summaryLabel")->palette()).name();
    QVERIFY(child<QLabel>("summaryLabel")->styleSheet().contains(problem));
}

void TestTimelineWidget::followStopsWhenUserScrollsUp()
{
    QList<Frame> frames;
    for (int i = 0; i < 500; ++i)
        frames.append(publication(i));
    m_model->appendFrames(frames);
    QTRY_COMPARE(shown(), 500);
    QScrollBar *bar = m_widget->tableView()->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(m_widget->isFollowing());

    QSignalSpy following(m_widget, &TimelineWidget::followingChanged);
    bar->setValue(10); // the user scrolls up
    QVERIFY(!m_widget->isFollowing());
    QCOMPARE(following.count(), 1);
    QVERIFY(!child<QToolButton>("followButton")->isChecked());
    m_model->appendFrame(publication(500));
    QTRY_COMPARE(shown(), 501);
    QCOMPARE(bar->value(), 10); // not dragged away

    // Dropping the oldest rows keeps the rows the user reads in place.
    m_model->setCap(496);
    QCOMPARE(bar->value(), 5);

    bar->setValue(bar->maximum()); // back at the bottom: follow again
    QVERIFY(m_widget->isFollowing());
    QCOMPARE(following.count(), 2);
    m_model->appendFrame(publication(501));
    QTRY_COMPARE(m_model->rowCount(), 496);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(m_widget->tableView()->indexAt(QPoint(5, m_widget->tableView()->viewport()->height() - 5)).row(),
             shown() - 1);
}

void TestTimelineWidget::pauseAndClearButtons()
{
    fillSample();
    QTRY_COMPARE(shown(), 10);
    auto *pause = child<QToolButton>("pauseButton");
    pause->click();
    QVERIFY(m_model->isPaused());
    QCOMPARE(pause->text(), QStringLiteral("Resume"));
    m_model->appendFrame(publication(1));
    m_model->flush();
    QCOMPARE(shown(), 10);
    QTRY_VERIFY(m_widget->statusText().contains(QLatin1String("Paused, waiting: 1")));
    m_model->setPaused(false); // from elsewhere (menu): the button follows
    QVERIFY(!pause->isChecked());
    QCOMPARE(shown(), 11);

    child<QToolButton>("clearButton")->click();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(shown(), 0);
    QVERIFY(
        m_widget->statusText().startsWith(QLatin1String("Messages: 0 | Frames: 0 | Shown: 0 | Dropped (oldest): 0")));
    QCOMPARE(child<QComboBox>("channelCombo")->count(), 1);
}

void TestTimelineWidget::droppedIsShown()
{
    m_model->setCap(5);
    for (int i = 0; i < 12; ++i)
        m_model->appendFrame(publication(i));
    QTRY_COMPARE(m_model->droppedCount(), 7);
    QTRY_VERIFY2(child<QLabel>("statusLabel")->text().contains(QLatin1String("Dropped (oldest): 7")),
                 qPrintable(child<QLabel>("statusLabel")->text()));
}

void TestTimelineWidget::importAndExport()
{
    m_model->appendFrame(publication(1)); // replaced by the import
    m_model->flush();
    QSignalSpy imported(m_widget, &TimelineWidget::importFinished);
    QVERIFY(m_widget->importFile(qEnvironmentVariable("INSPECTOR_SOURCE_DIR") +
                                 QLatin1String("/tests/models/data/centrifugo-session.har")));
    QVERIFY(m_widget->isTransferRunning());
    QVERIFY(imported.wait());
    QVERIFY(!m_widget->isTransferRunning());
    QCOMPARE(m_model->frameCount(), 11);
    QTRY_COMPARE(shown(), m_model->rowCount());
    QVERIFY2(m_widget->noticeText().contains(QLatin1String("Frames imported: 11.")),
             qPrintable(m_widget->noticeText()));
    QVERIFY(m_widget->noticeText().contains(QLatin1String("could not be read: 2")));
    QVERIFY(!m_widget->isFollowing()); // a reopened recording starts at its top
    QCOMPARE(m_widget->tableView()->verticalScrollBar()->value(), 0);

    // Export only what the filter shows: the errors and disconnects.
    child<QComboBox>("directionCombo")->setCurrentIndex(1);
    for (QAction *a : child<QToolButton>("kindButton")->menu()->actions()) {
        if (a->isCheckable())
            a->setChecked(Protocol::MessageKind(a->data().toInt()) == Protocol::MessageKind::Disconnect);
    }
    child<QCheckBox>("pingPongCheck")->setChecked(false);
    QCOMPARE(shown(), 1);
    QTemporaryDir dir;
    QSignalSpy exported(m_widget, &TimelineWidget::exportFinished);
    QVERIFY(m_widget->exportJsonLines(dir.filePath(QStringLiteral("shown.jsonl")), true));
    QVERIFY(exported.wait());
    QVERIFY(m_widget->noticeText().contains(QLatin1String("Frames exported to")));
    QFile file(dir.filePath(QStringLiteral("shown.jsonl")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QCOMPARE(content.count('\n'), 1);
    QVERIFY(content.contains("\"kind\":\"disconnect\""));
}

void TestTimelineWidget::importMissingFileIsReported()
{
    QSignalSpy imported(m_widget, &TimelineWidget::importFinished);
    QVERIFY(!m_widget->importFile(QStringLiteral("/nonexistent/recording.jsonl")));
    QCOMPARE(imported.count(), 1);
    QVERIFY(m_widget->noticeText().contains(QLatin1String("/nonexistent/recording.jsonl")));
    QVERIFY(!m_widget->isTransferRunning());
}

void TestTimelineWidget::saveSelectedRowsAsScenario()
{
    fillSample();
    QTRY_COMPARE(shown(), 10);
    QTableView *table = m_widget->tableView();
    QCOMPARE(table->selectionMode(), QAbstractItemView::ExtendedSelection);

    // Nothing selected: every shown row, and it says so.
    bool selectedOnly = true;
    QByteArray scenario = m_widget->scenarioFromSelection(&selectedOnly);
    QVERIFY(!selectedOnly);
    QVERIFY2(scenario.contains("\"text\": \"hello\""), scenario.constData()); // the publication's push
    QVERIFY2(scenario.contains("\"join\""), scenario.constData());            // the join push

    // Rows 2-3 (the subscribe and its reply) selected: only they, a send and its expected reply.
    const QAbstractItemModel *view = table->model();
    table->selectionModel()->select(QItemSelection(view->index(3, 0), view->index(2, 0)),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scenario = m_widget->scenarioFromSelection(&selectedOnly);
    QVERIFY(selectedOnly);
    QJsonArray steps = QJsonDocument::fromJson(scenario).object().value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), 4); // open, send subscribe, expect reply, close
    QCOMPARE(steps.at(1).toObject().value(QLatin1String("command")).toObject().value(QLatin1String("subscribe")),
             QJsonValue(QJsonObject{{QStringLiteral("channel"), QStringLiteral("news")}}));
    QVERIFY(steps.at(2).toObject().value(QLatin1String("reply")).toObject().contains(QLatin1String("subscribe")));
    QVERIFY2(!scenario.contains("hello"), scenario.constData());

    // Rows picked out of order (the push, then the subscribe) come out in the timeline's order.
    table->selectionModel()->select(view->index(4, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->selectionModel()->select(view->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    steps = QJsonDocument::fromJson(m_widget->scenarioFromSelection()).object().value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), 4);
    QVERIFY(steps.at(1).toObject().contains(QLatin1String("send")));
    QVERIFY(steps.at(2).toObject().contains(QLatin1String("push")));

    // Copy session as scenario: every row, whatever the filter shows or the selection holds.
    child<QComboBox>("directionCombo")->setCurrentIndex(2); // out only
    QCOMPARE(shown(), 3);
    table->selectionModel()->clearSelection();
    QVERIFY(!m_widget->scenarioFromSelection().contains("hello"));
    scenario = m_widget->scenarioFromSession();
    QVERIFY2(scenario.contains("\"text\": \"hello\""), scenario.constData());
    QVERIFY2(scenario.contains("\"join\""), scenario.constData());
}

QTEST_MAIN(TestTimelineWidget)
#include "tst_timelinewidget.moc"

void TestTimelineWidget::copyAsCommandLine()
{
    fillSample();
    QTRY_COMPARE(m_model->rowCount(), 10);
    SessionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:8123/connection/websocket"));
    options.token = QStringLiteral("tok");
    m_widget->setConnectionSource([options] { return options; });
    // Row 2 is the subscribe sent; row 3 the reply received.
    QCOMPARE(m_widget->commandLineForRow(2, false),
             QStringLiteral("wscat -c 'ws://127.0.0.1:8123/connection/websocket' -w 5 -x "
                            "$'{\"connect\":{\"token\":\"tok\"},\"id\":3}\\n{\"id\":2,\"subscribe\":{\"channel\":"
                            "\"news\"}}'"));
    QVERIFY(m_widget->commandLineForRow(2, true).startsWith(QLatin1String("printf '%s\\n' ")));
    QVERIFY(m_widget->commandLineForRow(3, false).isEmpty());
    // Row 0 is a connect: it is replayed as it is, without a second connect.
    QCOMPARE(m_widget->commandLineForRow(0, true).count(QLatin1String("\"connect\"")), 1);
    // Save as scenario: the subscribe is a step, its reply and the pushes are expectations.
    const QByteArray scenario = m_widget->scenarioFromSelection();
    QVERIFY2(scenario.contains("\"send\": \"recorded\""), scenario.constData());
    QVERIFY2(scenario.contains("\"subscribe\": {\n"), scenario.constData());
    QVERIFY2(scenario.contains("\"url\": \"ws://127.0.0.1:8123/connection/websocket\""), scenario.constData());

    // A server API call is an out row but not a message of the connection: no command line, not in the scenario.
    m_model->appendFrame(ServerCallFrames::callFrame(1700000000000, 1, QStringLiteral("publish"),
                                                     R"({"channel":"news","data":{"fromApi":1}})"));
    m_model->flush();
    QCOMPARE(m_model->rowCount(), 11);
    QVERIFY(m_widget->commandLineForRow(10, false).isEmpty());
    QVERIFY(!m_widget->scenarioFromSelection().contains("fromApi"));
    QVERIFY(!m_widget->scenarioFromSession().contains("fromApi"));
}
