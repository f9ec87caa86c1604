#include "timelinefiltermodel.h"
#include "timelinemodel.h"
#include "timelinetestdata.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace TimelineTestData;
using Protocol::MessageKind;
using Dir = TimelineFilter::DirectionFilter;

static QStringList names(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

class TestTimelineFilter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filters_data();
    void filters();
    void invalidRegexIsReported();
    void appendsAreFiltered();
    void dropsCutTheFront();
    void sourceClearResets();
    void mapping();
    void largeRegexRunsInSlices();

private:
    void fillSample();
    QStringList shownKinds() const;

    TimelineModel *m_model = nullptr;
    TimelineFilterModel *m_filter = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestTimelineFilter::init()
{
    m_model = new TimelineModel;
    m_filter = new TimelineFilterModel(m_model);
    m_tester = new QAbstractItemModelTester(m_filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestTimelineFilter::cleanup()
{
    delete m_tester;
    delete m_filter;
    delete m_model;
}

// A short but complete session: commands, replies, an error, pushes on two channels, ping/pong, a close.
void TestTimelineFilter::fillSample()
{
    m_model->appendFrame(clientFrame(kConnectCommand));                       // connect
    m_model->appendFrame(serverFrame(kConnectReply));                         // connect_reply
    m_model->appendFrame(clientFrame(kSubscribeCommand));                     // subscribe
    m_model->appendFrame(serverFrame(kSubscribeReply + '\n' + kPublication)); // 2 rows
    m_model->appendFrame(serverFrame(kJoin));                                 // push_join
    m_model->appendFrame(serverFrame(kPermissionDenied));                     // error
    m_model->appendFrame(serverFrame(kPing));                                 // ping
    m_model->appendFrame(clientFrame(kPong));                                 // pong
    m_model->appendFrame(serverFrame(R"({"push":{"channel":"news","pub":{"data":{"text":"中文 Hello"}}}})")); // pub
    m_model->appendFrame(closeFrame(3501, QStringLiteral("bad request"))); // disconnect
    m_model->flush();
    QCOMPARE(m_model->rowCount(), 11);
}

QStringList TestTimelineFilter::shownKinds() const
{
    QStringList kinds;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        kinds << m_filter->index(row, 0).data(TimelineModel::KindNameRole).toString();
    return kinds;
}

void TestTimelineFilter::filters_data()
{
    QTest::addColumn<TimelineFilter>("filter");
    QTest::addColumn<QStringList>("kinds");

    const QStringList all = names({"connect", "connect_reply", "subscribe", "subscribe_reply", "push_pub", "push_join",
                                   "error", "ping", "pong", "push_pub", "disconnect"});
    QTest::newRow("pass through") << TimelineFilter() << all;

    TimelineFilter f;
    f.direction = Dir::Out;
    QTest::newRow("out") << f << names({"connect", "subscribe", "pong"});
    f = {};
    f.direction = Dir::In;
    QTest::newRow("in") << f
                        << names({"connect_reply", "subscribe_reply", "push_pub", "push_join", "error", "ping",
                                  "push_pub", "disconnect"});
    f = {};
    f.showPingPong = false;
    QStringList noPing = all;
    noPing.removeAll(QStringLiteral("ping"));
    noPing.removeAll(QStringLiteral("pong"));
    QTest::newRow("no ping pong") << f << noPing;
    f = {};
    f.kinds = TimelineFilter::kindBit(MessageKind::Error) | TimelineFilter::kindBit(MessageKind::Disconnect);
    QTest::newRow("errors and disconnects") << f << names({"error", "disconnect"});
    f.direction = Dir::Out;
    QTest::newRow("errors out") << f << names({});
    f = {};
    f.channel = QStringLiteral("news");
    // The subscribe reply carries the channel of the command it answers.
    QTest::newRow("channel") << f << names({"subscribe", "subscribe_reply", "push_pub", "push_pub"});
    f.channel = QStringLiteral("chat:*");
    QTest::newRow("channel wildcard") << f << names({"push_join"});
    f.channel = QStringLiteral("n?ws");
    QTest::newRow("channel ?") << f << names({"subscribe", "subscribe_reply", "push_pub", "push_pub"});
    f.channel = QStringLiteral("nope");
    QTest::newRow("unknown channel") << f << names({});
    f = {};
    f.text = QStringLiteral("PERMISSION");
    QTest::newRow("text any case") << f << names({"error"});
    f.caseSensitive = true;
    QTest::newRow("text case sensitive miss") << f << names({});
    f.text = QStringLiteral("permission");
    QTest::newRow("text case sensitive hit") << f << names({"error"});
    f = {};
    f.text = QStringLiteral("中文");
    QTest::newRow("utf-8 text") << f << names({"push_pub"});
    f.text = QStringLiteral("3501");
    QTest::newRow("close code") << f << names({"disconnect"});
    f.text = QStringLiteral("bad request");
    QTest::newRow("close reason") << f << names({"disconnect"});
    f.text = QStringLiteral("\"channel\":\"news\"");
    f.direction = Dir::In;
    QTest::newRow("text and direction") << f << names({"push_pub", "push_pub"});
    f = {};
    f.text = QStringLiteral("\"id\":[12],");
    f.regex = true;
    QTest::newRow("regex") << f << names({"connect", "connect_reply", "subscribe", "subscribe_reply"});
    f.text = QStringLiteral("^\\{\\}$");
    QTest::newRow("regex anchored") << f << names({"ping", "pong"});
    f.text = QStringLiteral("HELLO");
    QTest::newRow("regex any case") << f << names({"push_pub", "push_pub"});
    f.caseSensitive = true;
    QTest::newRow("regex case sensitive") << f << names({});
}

void TestTimelineFilter::filters()
{
    QFETCH(TimelineFilter, filter);
    QFETCH(QStringList, kinds);
    fillSample();
    QSignalSpy changed(m_filter, &TimelineFilterModel::filterChanged);
    m_filter->setFilter(filter);
    QCOMPARE(changed.count(), filter == TimelineFilter() ? 0 : 1);
    QVERIFY(!m_filter->isBusy());
    QCOMPARE(m_filter->searchError(), QString());
    QCOMPARE(shownKinds(), kinds);
}

void TestTimelineFilter::invalidRegexIsReported()
{
    fillSample();
    QSignalSpy error(m_filter, &TimelineFilterModel::searchErrorChanged);
    TimelineFilter f;
    f.text = QStringLiteral("([");
    f.regex = true;
    f.direction = Dir::Out;
    m_filter->setFilter(f);
    QCOMPARE(error.count(), 1);
    QVERIFY(!m_filter->searchError().isEmpty());
    // The broken text is ignored, the rest of the filter still applies.
    QCOMPARE(shownKinds(), names({"connect", "subscribe", "pong"}));
    f.text = QStringLiteral("\\(");
    m_filter->setFilter(f);
    QCOMPARE(error.count(), 2);
    QCOMPARE(m_filter->searchError(), QString());
}

void TestTimelineFilter::appendsAreFiltered()
{
    TimelineFilter f;
    f.channel = QStringLiteral("b");
    m_filter->setFilter(f);
    QSignalSpy inserted(m_filter, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 100; ++i)
        m_model->appendFrame(publication(i, i % 4 ? QStringLiteral("a") : QStringLiteral("b")));
    QTRY_COMPARE(m_model->rowCount(), 100);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 24);
    QCOMPARE(m_filter->rowCount(), 25);
    for (int row = 0; row < 25; ++row)
        QCOMPARE(m_filter->index(row, TimelineModel::ChannelColumn).data().toString(), QStringLiteral("b"));

    // A batch without matches changes nothing.
    m_model->appendFrame(publication(101, QStringLiteral("a")));
    m_model->flush();
    QCOMPARE(inserted.count(), 1);
}

void TestTimelineFilter::dropsCutTheFront()
{
    TimelineFilter f;
    f.text = QStringLiteral("\"n\":");
    m_filter->setFilter(f);
    for (int i = 0; i < 100; ++i) {
        m_model->appendFrame(publication(i));
        m_model->appendFrame(serverFrame(kPing));
    }
    m_model->flush();
    QCOMPARE(m_filter->rowCount(), 100);

    QSignalSpy removed(m_filter, &QAbstractItemModel::rowsRemoved);
    m_model->setCap(51); // keeps ping, pub 75, ping, ..., pub 99, ping
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 74);
    QCOMPARE(m_filter->rowCount(), 25);
    QCOMPARE(m_filter->index(0, 0).data(TimelineModel::TimeRole).toLongLong(), publication(75).timeMs);
    QCOMPARE(m_filter->sourceRow(0), 1);

    for (int i = 100; i < 110; ++i)
        m_model->appendFrame(publication(i));
    m_model->flush();
    // 10 rows in; the 10 oldest rows out: 5 pings and publications 75 to 79.
    QCOMPARE(m_filter->rowCount(), 30);
    QCOMPARE(m_filter->index(29, 0).data(TimelineModel::TimeRole).toLongLong(), publication(109).timeMs);
    QCOMPARE(m_filter->index(0, 0).data(TimelineModel::TimeRole).toLongLong(), publication(80).timeMs);
}

void TestTimelineFilter::sourceClearResets()
{
    fillSample();
    TimelineFilter f;
    f.direction = Dir::In;
    m_filter->setFilter(f);
    QSignalSpy reset(m_filter, &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_filter->rowCount(), 0);
    fillSample();
    QCOMPARE(m_filter->rowCount(), 8);
}

void TestTimelineFilter::mapping()
{
    fillSample();
    TimelineFilter f;
    f.kinds = TimelineFilter::kindBit(MessageKind::Push);
    m_filter->setFilter(f);
    QCOMPARE(m_filter->rowCount(), 3);
    QCOMPARE(m_filter->sourceRow(0), 4);
    QCOMPARE(m_filter->sourceRow(1), 5);
    QCOMPARE(m_filter->sourceRow(2), 9);
    QCOMPARE(m_filter->sourceRow(3), -1);
    QCOMPARE(m_filter->proxyRow(9), 2);
    QCOMPARE(m_filter->proxyRow(0), -1);
    const QModelIndex proxy = m_filter->index(1, TimelineModel::KindColumn);
    QCOMPARE(m_filter->mapToSource(proxy), m_model->index(5, TimelineModel::KindColumn));
    QCOMPARE(m_filter->mapFromSource(m_model->index(9, 2)), m_filter->index(2, 2));
    QVERIFY(!m_filter->mapFromSource(m_model->index(0, 0)).isValid());
    QCOMPARE(proxy.data().toString(), QStringLiteral("push_join"));
    QCOMPARE(m_filter->headerData(TimelineModel::KindColumn, Qt::Horizontal).toString(),
             m_model->headerData(TimelineModel::KindColumn, Qt::Horizontal).toString());
}

void TestTimelineFilter::largeRegexRunsInSlices()
{
    const int n = 60000;
    QList<Frame> frames;
    for (int i = 0; i < n; ++i)
        frames.append(publication(i));
    m_model->appendFrames(frames);
    m_model->flush();

    QSignalSpy busy(m_filter, &TimelineFilterModel::busyChanged);
    TimelineFilter f;
    f.text = QStringLiteral("\"n\":\\d*7,"); // every tenth
    f.regex = true;
    m_filter->setFilter(f);
    QVERIFY(m_filter->isBusy());
    QCOMPARE(busy.count(), 1);
    // Rows that arrive while the scan runs are matched too.
    m_model->appendFrame(publication(n + 7));
    m_model->appendFrame(publication(n + 8));
    QTRY_VERIFY_WITH_TIMEOUT(!m_filter->isBusy(), 30000);
    m_model->flush();
    QCOMPARE(busy.count(), 2);
    QCOMPARE(m_filter->rowCount(), n / 10 + 1);
    QCOMPARE(m_filter->index(0, 0).data(TimelineModel::TimeRole).toLongLong(), publication(7).timeMs);
    QCOMPARE(m_filter->index(n / 10, 0).data(TimelineModel::TimeRole).toLongLong(), publication(n + 7).timeMs);
}

QTEST_GUILESS_MAIN(TestTimelineFilter)
#include "tst_timelinefilter.moc"
