#include "explainer.h"
#include "timelinemodel.h"
#include "timelinetestdata.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QtTest>

#include <cmath>

using namespace TimelineTestData;
using Protocol::MessageKind;

class TestTimelineModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void burstIsOneInsert();
    void backlogIsSplitAcrossTurnsAndComplete();
    void splitBacklogHonoursCapAndPause();
    void laterBurstAppendsAtTheEnd();
    void multiMessageFrameIsSeveralRows();
    void capDropsOldestAndCounts();
    void batchLargerThanCap();
    void pauseFreezesRowsButKeepsFrames();
    void pauseStillHonoursCap();
    void clearResets();
    void displayColumns_data();
    void displayColumns();
    void rolesAndColours();
    void detailAccessors();
    void appendStoreAfterQueuedFrames();
    void appendStoreHonoursCapAndPause();

private:
    TimelineModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestTimelineModel::init()
{
    m_model = new TimelineModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestTimelineModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestTimelineModel::burstIsOneInsert()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy counts(m_model, &TimelineModel::countsChanged);
    for (int i = 0; i < 1000; ++i)
        m_model->appendFrame(publication(i));
    QCOMPARE(m_model->rowCount(), 0); // nothing before the batch runs
    QCOMPARE(m_model->pendingCount(), 1000);
    QVERIFY(inserted.wait());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 999); // inclusive last row
    QCOMPARE(m_model->rowCount(), 1000);
    QCOMPARE(m_model->pendingCount(), 0);
    QCOMPARE(counts.count(), 1);
    QCOMPARE(m_model->frameCount(), 1000);
}

void TestTimelineModel::backlogIsSplitAcrossTurnsAndComplete()
{
    // A backlog of several turns' rows: each turn shows at most kRowsPerTurn rows (whole frames), and in the end
    // every frame is there, in order.
    const int frames = 3 * TimelineModel::kRowsPerTurn + 7;
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < frames; ++i) {
        if (i % 1000 == 1)
            m_model->appendFrame(serverFrame(kSubscribeReply + '\n' + kPublication)); // two rows
        else
            m_model->appendFrame(publication(i));
    }
    const int rows = frames + frames / 1000 + 1;
    QCOMPARE(m_model->pendingCount(), rows);
    QVERIFY(inserted.wait());
    QCOMPARE(m_model->rowCount(), inserted.at(0).at(2).toInt() + 1);
    QVERIFY(m_model->rowCount() < rows); // not everything in the first turn
    QTRY_COMPARE(m_model->rowCount(), rows);
    QCOMPARE(m_model->pendingCount(), 0);
    QCOMPARE(m_model->frameCount(), frames);
    QVERIFY(inserted.count() >= 4);
    int next = 0;
    for (const QList<QVariant> &args : std::as_const(inserted)) {
        QCOMPARE(args.at(1).toInt(), next); // contiguous, appended at the end
        QVERIFY(args.at(2).toInt() - args.at(1).toInt() + 1 <= TimelineModel::kRowsPerTurn + 1);
        next = args.at(2).toInt() + 1;
    }
    QCOMPARE(next, rows);
    // In order: the last row is the last frame's.
    QCOMPARE(m_model->index(rows - 1, 0).data(TimelineModel::TimeRole).toLongLong(), publication(frames - 1).timeMs);
    QCOMPARE(m_model->index(0, 0).data(TimelineModel::TimeRole).toLongLong(), publication(0).timeMs);
}

void TestTimelineModel::splitBacklogHonoursCapAndPause()
{
    // Paused: every turn still stores, nothing is shown; the cap drops the oldest and counts them.
    const int cap = TimelineModel::kRowsPerTurn + 500;
    m_model->setCap(cap);
    m_model->setPaused(true);
    const int frames = 3 * TimelineModel::kRowsPerTurn;
    for (int i = 0; i < frames; ++i)
        m_model->appendFrame(publication(i));
    QTRY_COMPARE(m_model->store().count() + m_model->droppedCount(), qint64(frames));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->pendingCount(), cap);
    QCOMPARE(m_model->droppedCount(), frames - cap);
    m_model->setPaused(false);
    QCOMPARE(m_model->rowCount(), cap);
    QCOMPARE(m_model->rowCount() + m_model->droppedCount(), qint64(frames));
    QCOMPARE(m_model->index(cap - 1, 0).data(TimelineModel::TimeRole).toLongLong(), publication(frames - 1).timeMs);
}

void TestTimelineModel::laterBurstAppendsAtTheEnd()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 10; ++i)
        m_model->appendFrame(publication(i));
    QVERIFY(inserted.wait());
    for (int i = 10; i < 15; ++i)
        m_model->appendFrame(publication(i));
    QVERIFY(inserted.wait());
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 10);
    QCOMPARE(inserted.at(1).at(2).toInt(), 14);
    QCOMPARE(m_model->data(m_model->index(14, TimelineModel::TimeColumn), TimelineModel::TimeRole).toLongLong(),
             publication(14).timeMs);
}

void TestTimelineModel::multiMessageFrameIsSeveralRows()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->appendFrame(serverFrame(kSubscribeReply + '\n' + kPublication));
    m_model->appendFrame(serverFrame(kPing));
    m_model->flush();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->frameCount(), 2);
    QCOMPARE(m_model->index(1, TimelineModel::KindColumn).data().toString(), QStringLiteral("push_pub"));
}

void TestTimelineModel::capDropsOldestAndCounts()
{
    for (int i = 0; i < 1000; ++i)
        m_model->appendFrame(publication(i));
    m_model->flush();
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy dropped(m_model, &TimelineModel::droppedCountChanged);
    m_model->setCap(100);
    QCOMPARE(m_model->rowCount(), 100);
    QCOMPARE(m_model->droppedCount(), 900);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 899);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toLongLong(), 900);

    for (int i = 1000; i < 1050; ++i)
        m_model->appendFrame(publication(i));
    m_model->flush();
    QCOMPARE(m_model->rowCount(), 100);
    QCOMPARE(m_model->droppedCount(), 950);
    QCOMPARE(dropped.count(), 2);
    QCOMPARE(m_model->index(0, 0).data(TimelineModel::SerialRole).toLongLong(), 950);
    QCOMPARE(m_model->index(0, 0).data(TimelineModel::TimeRole).toLongLong(), publication(950).timeMs);
    QCOMPARE(m_model->index(99, 0).data(TimelineModel::TimeRole).toLongLong(), publication(1049).timeMs);
}

void TestTimelineModel::batchLargerThanCap()
{
    m_model->setCap(10);
    for (int i = 0; i < 5; ++i)
        m_model->appendFrame(publication(i));
    m_model->flush();
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    for (int i = 5; i < 105; ++i)
        m_model->appendFrame(publication(i));
    m_model->flush();
    QCOMPARE(m_model->rowCount(), 10);
    QCOMPARE(m_model->droppedCount(), 95);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->index(0, 0).data(TimelineModel::TimeRole).toLongLong(), publication(95).timeMs);
}

void TestTimelineModel::pauseFreezesRowsButKeepsFrames()
{
    QSignalSpy paused(m_model, &TimelineModel::pausedChanged);
    m_model->appendFrame(publication(0));
    m_model->setPaused(true);
    QCOMPARE(paused.count(), 1);
    QCOMPARE(m_model->rowCount(), 1); // queued before the pause: shown
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy counts(m_model, &TimelineModel::countsChanged);
    for (int i = 1; i < 11; ++i)
        m_model->appendFrame(publication(i));
    QVERIFY(counts.wait());
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->pendingCount(), 10);
    QCOMPARE(m_model->store().count(), 11);

    m_model->setPaused(false);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 10);
    QCOMPARE(m_model->pendingCount(), 0);
    QCOMPARE(m_model->droppedCount(), 0);
}

void TestTimelineModel::pauseStillHonoursCap()
{
    m_model->setCap(20);
    for (int i = 0; i < 15; ++i)
        m_model->appendFrame(publication(i));
    m_model->flush();
    m_model->setPaused(true);
    for (int i = 15; i < 30; ++i)
        m_model->appendFrame(publication(i));
    m_model->flush();
    QCOMPARE(m_model->store().count(), 20);
    QCOMPARE(m_model->droppedCount(), 10);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->pendingCount(), 15);
    m_model->setPaused(false);
    QCOMPARE(m_model->rowCount(), 20);
    QCOMPARE(m_model->index(0, 0).data(TimelineModel::TimeRole).toLongLong(), publication(10).timeMs);
}

void TestTimelineModel::clearResets()
{
    m_model->setCap(5);
    for (int i = 0; i < 8; ++i)
        m_model->appendFrame(publication(i));
    m_model->appendFrame(publication(99)); // still queued when clear() runs
    m_model->flush();
    m_model->appendFrame(publication(100));
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy dropped(m_model, &TimelineModel::droppedCountChanged);
    m_model->clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->droppedCount(), 0);
    QCOMPARE(m_model->pendingCount(), 0);
    m_model->flush();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestTimelineModel::displayColumns_data()
{
    QTest::addColumn<Frame>("frame");
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("size");

    QTest::newRow("subscribe") << clientFrame(kSubscribeCommand) << "\u2191 out"
                               << "subscribe"
                               << "news"
                               << "2" << QString::number(kSubscribeCommand.size());
    QTest::newRow("publication") << serverFrame(kPublication) << "\u2193 in"
                                 << "push_pub"
                                 << "news"
                                 << "" << QString::number(kPublication.size());
    QTest::newRow("error") << serverFrame(kPermissionDenied) << "\u2193 in"
                           << "error 103"
                           << ""
                           << "3" << QString::number(kPermissionDenied.size());
    QTest::newRow("disconnect") << closeFrame(3501, QStringLiteral("bad request")) << "\u2193 in"
                                << "disconnect 3501"
                                << ""
                                << ""
                                << "11";
    QTest::newRow("unsubscribe") << serverFrame(kUnsubscribePush) << "\u2193 in"
                                 << "push_unsubscribe 2000"
                                 << "news"
                                 << "" << QString::number(kUnsubscribePush.size());
}

void TestTimelineModel::displayColumns()
{
    QFETCH(Frame, frame);
    QFETCH(QString, dir);
    QFETCH(QString, kind);
    QFETCH(QString, channel);
    QFETCH(QString, id);
    QFETCH(QString, size);
    m_model->appendFrame(frame);
    m_model->flush();
    auto cell = [this](int column) { return m_model->index(0, column).data().toString(); };
    QCOMPARE(cell(TimelineModel::TimeColumn),
             QDateTime::fromMSecsSinceEpoch(frame.timeMs).toString(QStringLiteral("HH:mm:ss.zzz")));
    QCOMPARE(cell(TimelineModel::DirectionColumn), dir);
    QCOMPARE(cell(TimelineModel::KindColumn), kind);
    QCOMPARE(cell(TimelineModel::ChannelColumn), channel);
    QCOMPARE(cell(TimelineModel::IdColumn), id);
    QCOMPARE(cell(TimelineModel::SizeColumn), size);
    QCOMPARE(cell(TimelineModel::RttColumn), QString());
}

void TestTimelineModel::rolesAndColours()
{
    Frame reply = serverFrame(kSubscribeReply);
    reply.messages[0].rttMs = 3.25;
    m_model->appendFrame(reply);
    m_model->appendFrame(serverFrame(kPermissionDenied));
    m_model->appendFrame(closeFrame(3501, QStringLiteral("bad request")));
    m_model->appendFrame(closeFrame(1000, QStringLiteral("client closed")));
    m_model->flush();

    const QModelIndex ok = m_model->index(0, TimelineModel::RttColumn);
    QCOMPARE(ok.data().toString(), QStringLiteral("3.25"));
    QCOMPARE(ok.data(TimelineModel::RttRole).toDouble(), 3.25);
    QVERIFY(!ok.data(Qt::ForegroundRole).isValid());
    QCOMPARE(ok.data(TimelineModel::KindRole).toInt(), int(MessageKind::Reply));
    QCOMPARE(ok.data(TimelineModel::MethodRole).toInt(), int(Protocol::Method::Subscribe));

    const QModelIndex error = m_model->index(1, TimelineModel::KindColumn);
    QCOMPARE(error.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
    QCOMPARE(error.data(TimelineModel::CodeRole).toInt(), 103);
    QVERIFY2(error.data(Qt::ToolTipRole).toString().contains(QLatin1String("103")),
             qPrintable(error.data(Qt::ToolTipRole).toString()));

    const QModelIndex bad = m_model->index(2, TimelineModel::KindColumn);
    QCOMPARE(bad.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
    QCOMPARE(bad.data(Qt::ToolTipRole).toString(), Explainer::describe(m_model->messageAt(2)));
    QVERIFY(bad.data(Qt::ToolTipRole).toString().contains(QLatin1String("bad request")));

    const QModelIndex normal = m_model->index(3, TimelineModel::KindColumn);
    QVERIFY(normal.data(Qt::ForegroundRole).value<QColor>() != QColor(0xc6, 0x28, 0x28));
    QCOMPARE(normal.data(TimelineModel::RawRole).toByteArray(), QByteArray("client closed"));
    QCOMPARE(normal.data(TimelineModel::DirectionRole).toInt(), int(Protocol::Direction::In));

    // A recording can hold a NaN round trip: shown as none, kept for export.
    Frame nan = serverFrame(kSubscribeReply);
    nan.messages[0].rttMs = std::nan("");
    m_model->appendFrame(nan);
    m_model->flush();
    QCOMPARE(m_model->index(4, TimelineModel::RttColumn).data().toString(), QString());
    QVERIFY(!m_model->index(4, 0).data(TimelineModel::RttRole).isValid());
    QVERIFY(std::isnan(m_model->messageAt(4).rttMs));
}

void TestTimelineModel::detailAccessors()
{
    Frame f = serverFrame(kSubscribeReply + '\n' + kPublication);
    m_model->appendFrame(f);
    m_model->flush();
    const ProtocolMessage m = m_model->messageAt(1);
    QCOMPARE(m.kind, MessageKind::Push);
    QCOMPARE(m.json(), f.messages.at(1).json());
    const Frame back = m_model->frameAt(1);
    QCOMPARE(back.raw, f.raw);
    QCOMPARE(back.messages.size(), 2);
    QCOMPARE(m_model->messageAt(7).kind, MessageKind::Invalid); // out of range: empty
}

void TestTimelineModel::appendStoreAfterQueuedFrames()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy counts(m_model, &TimelineModel::countsChanged);
    for (int i = 0; i < 3; ++i)
        m_model->appendFrame(publication(i));
    FrameStore batch;
    for (int i = 3; i < 8; ++i)
        batch.append(publication(i, QStringLiteral("feed")));
    batch.append(serverFrame(kSubscribeReply + '\n' + kPublication)); // two rows
    m_model->appendStore(std::move(batch));
    QVERIFY(batch.isEmpty());
    QCOMPARE(m_model->rowCount(), 0); // shown at the next flush, like appendFrame
    QCOMPARE(m_model->pendingCount(), 10);
    QVERIFY(inserted.wait()); // the batch timer runs it
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(counts.count(), 1);
    QCOMPARE(m_model->rowCount(), 10);
    QCOMPARE(m_model->frameCount(), 9);
    for (int i = 0; i < 8; ++i)
        QCOMPARE(m_model->index(i, 0).data(TimelineModel::TimeRole).toLongLong(), publication(i).timeMs);
    QCOMPARE(m_model->index(3, TimelineModel::ChannelColumn).data().toString(), QStringLiteral("feed"));
    QCOMPARE(m_model->index(9, TimelineModel::KindColumn).data().toString(), QStringLiteral("push_pub"));
    QCOMPARE(m_model->messageAt(9).channel, QStringLiteral("news"));
    QCOMPARE(m_model->frameAt(9).messages.size(), 2);
}

void TestTimelineModel::appendStoreHonoursCapAndPause()
{
    m_model->setCap(10);
    for (int i = 0; i < 6; ++i)
        m_model->appendFrame(publication(i));
    m_model->flush();
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy dropped(m_model, &TimelineModel::droppedCountChanged);
    QSignalSpy counts(m_model, &TimelineModel::countsChanged);
    m_model->setPaused(true);
    counts.clear();
    FrameStore batch;
    for (int i = 6; i < 20; ++i)
        batch.append(publication(i));
    m_model->appendStore(std::move(batch));
    // 20 rows for a cap of 10: the 6 shown go (with a removal), 4 of the batch go unseen; all counted.
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->droppedCount(), 10);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(m_model->rowCount(), 0); // paused
    QCOMPARE(m_model->pendingCount(), 10);
    m_model->flush();
    QCOMPARE(counts.count(), 1); // the pending count changed
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setPaused(false);
    QCOMPARE(m_model->rowCount(), 10);
    QCOMPARE(m_model->index(0, 0).data(TimelineModel::TimeRole).toLongLong(), publication(10).timeMs);
    QCOMPARE(m_model->index(9, 0).data(TimelineModel::TimeRole).toLongLong(), publication(19).timeMs);
    QCOMPARE(m_model->index(0, 0).data(TimelineModel::SerialRole).toLongLong(), 10);
}

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
