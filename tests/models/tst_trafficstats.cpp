// TrafficStats: rates per second by kind and channel (messages and bytes), the round-trip histogram, a field of a
// channel's publications over time, following a model's inserts and resets.
#include "combinedtimelinemodel.h"
#include "timelinetestdata.h"
#include "trafficstats.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTrafficStats : public QObject
{
    Q_OBJECT

    static const TrafficStats::Series *find(const QList<TrafficStats::Series> &series, const QString &name)
    {
        for (const TrafficStats::Series &s : series) {
            if (s.name == name)
                return &s;
        }
        return nullptr;
    }

private slots:
    void ratesPerSecond()
    {
        TrafficStats stats;
        stats.addMessage(10'000, u"push_pub"_s, u"a"_s, 100, -1);
        stats.addMessage(10'500, u"push_pub"_s, u"b"_s, 50, -1);
        stats.addMessage(12'100, u"push_pub"_s, u"a"_s, 10, -1);
        stats.addMessage(12'200, u"publish_reply"_s, u""_s, 20, 3.0);
        const auto byKind = stats.rates(TrafficStats::GroupBy::Kind, TrafficStats::Measure::Messages);
        const TrafficStats::Series *pub = find(byKind, u"push_pub"_s);
        QVERIFY(pub);
        // Seconds 10, 11 (nothing), 12.
        QCOMPARE(pub->points.size(), 3);
        QCOMPARE(pub->points.at(0), QPointF(10'000, 2));
        QCOMPARE(pub->points.at(1), QPointF(11'000, 0));
        QCOMPARE(pub->points.at(2), QPointF(12'000, 1));
        QCOMPARE(pub->total, 3.0);
        const auto bytesByChannel = stats.rates(TrafficStats::GroupBy::Channel, TrafficStats::Measure::Bytes);
        QCOMPARE(find(bytesByChannel, u"a"_s)->total, 110.0);
        QCOMPARE(find(bytesByChannel, u"b"_s)->points.at(0).y(), 50.0);
        QVERIFY(find(bytesByChannel, u"(no channel)"_s));
        // The second still running is left out.
        const auto closed = stats.rates(TrafficStats::GroupBy::Kind, TrafficStats::Measure::Messages, 6, 12'500);
        QCOMPARE(find(closed, u"push_pub"_s)->points, (QList<QPointF>{{10'000, 2}}));
        QCOMPARE(find(closed, u"push_pub"_s)->total, 2.0);
        // The busiest series first; the rest summed as "other".
        const auto top = stats.rates(TrafficStats::GroupBy::Channel, TrafficStats::Measure::Messages, 2);
        QCOMPARE(top.size(), 2);
        QCOMPARE(top.at(0).name, u"a"_s);
        QCOMPARE(top.at(1).total, 2.0);
    }

    void roundTripHistogram()
    {
        TrafficStats stats;
        for (double rtt : {0.2, 0.9, 3.0, 3.5, 700.0, 9000.0})
            stats.addMessage(0, u"x_reply"_s, QString(), 1, rtt);
        stats.addMessage(0, u"push_pub"_s, QString(), 1, -1); // no round trip
        const TrafficStats::Histogram h = stats.rttHistogram();
        QCOMPARE(h.total, 6);
        QCOMPARE(h.counts.size(), h.upperBoundsMs.size() + 1);
        QCOMPARE(h.counts.at(0), 1); // <= 0.5
        QCOMPARE(h.counts.at(1), 1); // <= 1
        const int five = int(h.upperBoundsMs.indexOf(5));
        QCOMPARE(h.counts.at(five), 2);
        QCOMPARE(h.counts.constLast(), 1); // slower than the last bound
    }

    void fieldOverTimeFollowsTheModel()
    {
        CombinedTimelineModel model;
        const int a = model.addSource(u"A"_s);
        TrafficStats stats;
        stats.setModel(&model, {CombinedTimelineModel::TimeRole, CombinedTimelineModel::KindNameRole,
                                CombinedTimelineModel::ChannelRole, CombinedTimelineModel::SizeRole, -1,
                                CombinedTimelineModel::RawRole});
        auto pub = [](qint64 t, const QString &channel, const QByteArray &data) {
            return TimelineTestData::serverFrame(
                "{\"push\":{\"channel\":\"" + channel.toUtf8() + "\",\"pub\":{\"data\":" + data + "}}}", t);
        };
        model.appendFrame(a, pub(1000, u"prices"_s, R"({"price":10,"s":{"t":"1.5"}})"));
        model.appendFrame(a, pub(2000, u"prices"_s, R"({"price":12,"s":{"t":2}})"));
        model.appendFrame(a, pub(2500, u"other"_s, R"({"price":99})"));
        model.appendFrame(a, pub(3000, u"prices"_s, R"({"price":"n/a"})"));
        model.flush();
        QCOMPARE(stats.messageCount(), 4);
        QCOMPARE(stats.numericPathsOf(u"prices"_s), (QStringList{u"price"_s}));
        stats.setField(u"prices"_s, u"price"_s);
        QCOMPARE(stats.fieldSeries(), (QList<QPointF>{{1000, 10}, {2000, 12}}));
        // New rows add to the series; a numeric string counts.
        stats.setField(u"prices"_s, u"s.t"_s);
        QCOMPARE(stats.fieldSeries(), (QList<QPointF>{{1000, 1.5}, {2000, 2}}));
        model.appendFrame(a, pub(4000, u"prices"_s, R"({"s":{"t":4}})"));
        model.flush();
        QCOMPARE(stats.fieldSeries().size(), 3);
        QCOMPARE(stats.messageCount(), 5);
        // A reset counts the model again.
        model.clear();
        QCOMPARE(stats.messageCount(), 0);
        QVERIFY(stats.fieldSeries().isEmpty());
    }

    void numbersAtPaths()
    {
        const QJsonObject data = QJsonDocument::fromJson(R"({"a":{"b":[1,{"c":2.5}]},"s":"x","n":3})").object();
        double v = 0;
        QVERIFY(TrafficStats::numberAt(data, u"a.b.1.c"_s, &v));
        QCOMPARE(v, 2.5);
        QVERIFY(TrafficStats::numberAt(data, u"n"_s, &v));
        QCOMPARE(v, 3.0);
        QVERIFY(!TrafficStats::numberAt(data, u"s"_s, &v));
        QVERIFY(!TrafficStats::numberAt(data, u"a.x"_s, &v));
        QVERIFY(!TrafficStats::numberAt(data, QString(), &v));
        QCOMPARE(TrafficStats::numericPaths(data), (QStringList{u"a.b.0"_s, u"a.b.1.c"_s, u"n"_s}));
    }
};

QTEST_MAIN(TestTrafficStats)
#include "tst_trafficstats.moc"
