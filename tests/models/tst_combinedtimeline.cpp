// CombinedTimelineModel under QAbstractItemModelTester: several sources in time order, late rows merged into place,
// server calls, publication keys for "follow", the cap; PublicationDiff.
#include "combinedtimelinemodel.h"
#include "framerecord.h"
#include "publicationdiff.h"
#include "recordlineparser.h"
#include "servercallframes.h"
#include "timelinetestdata.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Frame pubFrame(qint64 timeMs, const QString &channel, quint64 offset, int n)
{
    return TimelineTestData::serverFrame(
        u"{\"push\":{\"channel\":\"%1\",\"pub\":{\"data\":{\"n\":%2},\"offset\":%3}}}"_s.arg(channel)
            .arg(n)
            .arg(offset)
            .toUtf8(),
        timeMs);
}

} // namespace

class TestCombinedTimeline : public QObject
{
    Q_OBJECT

private slots:
    void interleavesSourcesInTimeOrder()
    {
        CombinedTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int a = model.addSource(u"A"_s);
        const int b = model.addSource(u"B"_s);
        model.appendFrame(a, pubFrame(1000, u"news"_s, 1, 1));
        model.appendFrame(b, pubFrame(1001, u"news"_s, 1, 1));
        model.flush();
        QCOMPARE(model.rowCount(), 2);
        // A slower source: its row is older than the last one shown and is merged into place.
        model.appendFrame(a, pubFrame(1002, u"news"_s, 2, 2));
        model.appendFrame(b, pubFrame(999, u"other"_s, 7, 0));
        model.flush();
        QCOMPARE(model.rowCount(), 4);
        QList<qint64> times;
        for (int row = 0; row < model.rowCount(); ++row)
            times.append(model.index(row, 0).data(CombinedTimelineModel::TimeRole).toLongLong());
        QCOMPARE(times, (QList<qint64>{999, 1000, 1001, 1002}));
        QCOMPARE(model.index(0, CombinedTimelineModel::SourceColumn).data().toString(), u"B"_s);
        QCOMPARE(model.index(1, CombinedTimelineModel::SourceColumn).data().toString(), u"A"_s);
        QCOMPARE(model.index(1, CombinedTimelineModel::KindColumn).data().toString(), u"push_pub"_s);
        QCOMPARE(model.index(1, CombinedTimelineModel::OffsetColumn).data().toULongLong(), 1ULL);
        // Renaming a source renames its rows.
        model.setSourceName(a, u"Alice"_s);
        QCOMPARE(model.index(1, CombinedTimelineModel::SourceColumn).data().toString(), u"Alice"_s);
    }

    void sameMillisecondKeepsArrivalOrder()
    {
        CombinedTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int a = model.addSource(u"A"_s);
        const int b = model.addSource(u"B"_s);
        model.appendFrame(b, pubFrame(5, u"c"_s, 1, 1));
        model.appendFrame(a, pubFrame(5, u"c"_s, 1, 1));
        model.flush();
        QCOMPARE(model.entryAt(0).source, b);
        QCOMPARE(model.entryAt(1).source, a);
    }

    void serverCallsShareThePublicationKey()
    {
        CombinedTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int a = model.addSource(u"A"_s);
        const int b = model.addSource(u"B"_s);
        const QByteArray body = R"({"channel":"chat","data":{"text":"hi"}})";
        model.appendFrame(a, ServerCallFrames::callFrame(100, 1, u"publish"_s, body));
        model.appendFrame(a, pubFrame(101, u"chat"_s, 42, 1));
        model.appendFrame(b, pubFrame(102, u"chat"_s, 42, 1));
        const ServerApiReply reply =
            ServerApiReply::fromHttp(u"publish"_s, 200, R"({"result":{"offset":42,"epoch":"e"}})");
        model.appendFrame(a, ServerCallFrames::replyFrame(103, 1, u"chat"_s, reply));
        model.appendFrame(b, pubFrame(104, u"chat"_s, 43, 2));
        model.flush();
        QCOMPARE(model.rowCount(), 5);
        const QString key = CombinedTimelineModel::publicationKey(u"chat"_s, 42);
        QCOMPARE(key, u"chat#42"_s);
        int withKey = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            withKey += model.index(row, 0).data(CombinedTimelineModel::PublicationKeyRole).toString() == key;
        QCOMPARE(withKey, 3); // the publish reply and both pushes
        QVERIFY(model.index(0, 0).data(CombinedTimelineModel::ServerCallRole).toBool());
        QCOMPARE(model.index(0, CombinedTimelineModel::KindColumn).data().toString(), u"api publish"_s);
        QCOMPARE(model.index(0, CombinedTimelineModel::ChannelColumn).data().toString(), u"chat"_s);
        QCOMPARE(model.index(3, CombinedTimelineModel::KindColumn).data().toString(), u"api publish reply"_s);
        QVERIFY(!model.index(1, 0).data(CombinedTimelineModel::ServerCallRole).toBool());
        // The call itself has no offset yet: nothing to follow.
        QVERIFY(model.index(0, 0).data(CombinedTimelineModel::PublicationKeyRole).toString().isEmpty());
        // B's previous publication in the channel, for the diff.
        QCOMPARE(model.previousPublication(4), 2);
        QCOMPARE(model.previousPublication(2), -1);
        QCOMPARE(model.previousPublication(0), -1);
    }

    void recordedServerCallRowsAreServerRows()
    {
        // A session's recording holds its server calls as rows of their own origin (ServerCallFrames): opened in
        // the combined timeline they are server rows as live ones are, one row each, the reply named after its call.
        CombinedTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int a = model.addSource(u"A"_s);
        const ServerApiReply reply =
            ServerApiReply::fromHttp(u"publish"_s, 200, R"({"result":{"offset":42,"epoch":"e"}})");
        // Written to a recording line and read back, as File ▸ Open recordings in the combined timeline reads it.
        const auto recorded = [](const Frame &frame) {
            Frame read;
            QString why;
            if (!RecordLineParser::parse(FrameRecord::toJsonLine(frame, FrameRecord::FrameJson::FromRaw), &read, &why))
                qWarning("%s", qPrintable(why));
            return read;
        };
        model.appendFrame(
            a, recorded(ServerCallFrames::callFrame(100, 5, u"publish"_s, R"({"channel":"chat","data":{}})")));
        model.appendFrame(a, recorded(pubFrame(101, u"chat"_s, 42, 1)));
        model.appendFrame(a, recorded(ServerCallFrames::replyFrame(102, 5, u"chat"_s, reply)));
        model.flush();
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.index(0, 0).data(CombinedTimelineModel::ServerCallRole).toBool());
        QCOMPARE(model.index(0, CombinedTimelineModel::KindColumn).data().toString(), u"api publish"_s);
        QCOMPARE(model.index(0, CombinedTimelineModel::ChannelColumn).data().toString(), u"chat"_s);
        QCOMPARE(model.index(2, CombinedTimelineModel::KindColumn).data().toString(), u"api publish reply"_s);
        QCOMPARE(model.index(2, 0).data(CombinedTimelineModel::PublicationKeyRole).toString(), u"chat#42"_s);
        QVERIFY(model.index(2, CombinedTimelineModel::SummaryColumn).data().toString().contains(reply.sentence()));
    }

    void capDropsTheOldestAndCountsThem()
    {
        CombinedTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int a = model.addSource(u"A"_s);
        model.setCap(3);
        for (int i = 0; i < 5; ++i)
            model.appendFrame(a, pubFrame(i, u"c"_s, quint64(i + 1), i));
        QSignalSpy counts(&model, &CombinedTimelineModel::countsChanged);
        QVERIFY(counts.wait(2000)); // the batch timer, not a flush
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.droppedCount(), 2);
        QCOMPARE(model.entryAt(0).timeMs, 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedCount(), 0);
    }

    void diffOfPublications()
    {
        const QJsonObject before =
            QJsonDocument::fromJson(R"({"n":1,"s":"a","o":{"x":1},"gone":true,"l":[1,2]})").object();
        const QJsonObject after = QJsonDocument::fromJson(R"({"n":2,"s":"a","o":{"x":1,"y":"new"},"l":[1]})").object();
        const QStringList changes = PublicationDiff::changes(before, after);
        QVERIFY2(changes.contains(u"~ n: 1 \u2192 2"_s), qPrintable(changes.join(u'|')));
        QVERIFY(changes.contains(u"+ o.y: \"new\""_s));
        QVERIFY(changes.contains(u"- gone"_s));
        QVERIFY(changes.contains(u"- l.1"_s));
        QCOMPARE(changes.size(), 4);
        QVERIFY(PublicationDiff::changes(before, before).isEmpty());
        QVERIFY(!PublicationDiff::text(before, before).isEmpty());
    }
};

QTEST_MAIN(TestCombinedTimeline)
#include "tst_combinedtimeline.moc"
