#include "jsoncodec.h"
#include "subscriptionmodel.h"
#include "subscriptiontracker.h"
#include "timelinetestdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Status = ChannelState::Status;

Q_DECLARE_METATYPE(ChannelState::Status)

namespace {

qint64 g_clock = 1700000000000;

// Frames built from the exact bytes a Centrifugo v6 server and a client put on the wire.
Frame out(const char *lines)
{
    return TimelineTestData::clientFrame(QByteArray(lines), ++g_clock);
}

Frame in(const char *lines)
{
    return TimelineTestData::serverFrame(QByteArray(lines), ++g_clock);
}

Frame closeFrame(int code, const QString &reason)
{
    return TimelineTestData::closeFrame(code, reason, ++g_clock);
}

const char *kConnect = R"({"id":1,"connect":{"name":"centrifugo-inspector","version":"0.1.0"}})";
const char *kConnectReply = R"({"id":1,"connect":{"client":"3c9e1f2a","version":"6.9.1 OSS","ping":25,"pong":true}})";

} // namespace

class TestSubscriptionTracker : public QObject
{
    Q_OBJECT

private:
    // A tracker with a model and a tester watching every change.
    struct Fixture
    {
        SubscriptionTracker tracker;
        SubscriptionModel model{&tracker};
        QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
        Fixture()
        {
            model.setRefreshInterval(0);
            tracker.processFrame(out(kConnect));
            tracker.processFrame(in(kConnectReply));
        }
    };

private slots:
    void subscribeReplySubscribes()
    {
        Fixture fx;
        QSignalSpy status(&fx.tracker, &SubscriptionTracker::statusChanged);
        fx.tracker.processFrame(
            out(R"({"id":2,"subscribe":{"channel":"chat:room1","recoverable":true,"positioned":true}})"));
        QCOMPARE(fx.model.rowCount(), 1);
        QCOMPARE(fx.tracker.channel(QStringLiteral("chat:room1")).status, Status::Subscribing);
        QCOMPARE(fx.tracker.channel(QStringLiteral("chat:room1")).pendingId, 2u);

        fx.tracker.processFrame(
            in(R"({"id":2,"subscribe":{"recoverable":true,"epoch":"kXqA","offset":12,"positioned":true}})"));
        const ChannelState s = fx.tracker.channel(QStringLiteral("chat:room1"));
        QCOMPARE(s.status, Status::Subscribed);
        QVERIFY(s.recoverable);
        QVERIFY(s.positioned);
        QVERIFY(s.hasPosition);
        QCOMPARE(s.epoch, QStringLiteral("kXqA"));
        QCOMPARE(s.offset, 12u);
        QCOMPARE(s.pendingId, 0u);
        QCOMPARE(status.count(), 2);
        QCOMPARE(status.at(1).at(1).value<Status>(), Status::Subscribed);
        QCOMPARE(fx.model.index(0, SubscriptionModel::StatusColumn).data(SubscriptionModel::StatusKeyRole).toString(),
                 QStringLiteral("subscribed"));
        QCOMPARE(fx.model.index(0, SubscriptionModel::EpochColumn).data().toString(), QStringLiteral("kXqA"));
        QCOMPARE(fx.model.index(0, SubscriptionModel::OffsetColumn).data().toString(), QStringLiteral("12"));
    }

    void subscribeErrorFails_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<Status>("expected");
        QTest::newRow("103 permission denied") << 103 << QStringLiteral("permission denied") << Status::Failed;
        QTest::newRow("102 unknown channel") << 102 << QStringLiteral("unknown channel") << Status::Failed;
        QTest::newRow("105 already subscribed keeps it")
            << 105 << QStringLiteral("already subscribed") << Status::Subscribed;
    }

    void subscribeErrorFails()
    {
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(Status, expected);
        Fixture fx;
        fx.tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":"locked:x"}})"));
        const QByteArray reply =
            QStringLiteral(R"({"id":2,"error":{"code":%1,"message":"%2"}})").arg(code).arg(message).toUtf8();
        fx.tracker.processFrame(in(reply.constData()));
        const ChannelState s = fx.tracker.channel(QStringLiteral("locked:x"));
        QCOMPARE(s.status, expected);
        QCOMPARE(s.code, code);
        QCOMPARE(s.reason, message);
        QVERIFY2(s.explanation.contains(QString::number(code)), qPrintable(s.explanation));
        if (expected == Status::Failed) {
            QVERIFY(
                fx.model.index(0, SubscriptionModel::StatusColumn).data().toString().contains(QString::number(code)));
            QVERIFY(fx.model.index(0, SubscriptionModel::DetailsColumn).data().toString().contains(message));
        }
    }

    void publicationsCountAndMoveOffset()
    {
        Fixture fx;
        fx.tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":"news"}})"));
        fx.tracker.processFrame(in(R"({"id":2,"subscribe":{"recoverable":true,"epoch":"ab","offset":5}})"));
        // Two pushes in one frame, as the server batches them.
        fx.tracker.processFrame(in(R"({"push":{"channel":"news","pub":{"data":{"n":1},"offset":6}}})"
                                   "\n"
                                   R"({"push":{"channel":"news","pub":{"data":{"n":2},"offset":7}}})"));
        ChannelState s = fx.tracker.channel(QStringLiteral("news"));
        QCOMPARE(s.publications, 2u);
        QCOMPARE(s.offset, 7u);
        QCOMPARE(s.missed, 0u);
        // Offset 10 after 7: publications 8 and 9 never arrived.
        fx.tracker.processFrame(in(R"({"push":{"channel":"news","pub":{"data":{"n":5},"offset":10}}})"));
        s = fx.tracker.channel(QStringLiteral("news"));
        QCOMPARE(s.publications, 3u);
        QCOMPARE(s.missed, 2u);
        QCOMPARE(s.lastActivityMs, g_clock);
        QTRY_COMPARE(fx.model.index(0, SubscriptionModel::MessagesColumn).data().toString(), QStringLiteral("3"));
        QVERIFY(fx.model.index(0, SubscriptionModel::DetailsColumn).data().toString().contains(QLatin1String("2")));
    }

    void modelCoalescesCounterUpdates()
    {
        SubscriptionTracker tracker;
        SubscriptionModel model(&tracker);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":"a"}})"));
        tracker.processFrame(out(R"({"id":3,"subscribe":{"channel":"b"}})"));
        tracker.processFrame(in(R"({"id":2,"subscribe":{}})"));
        tracker.processFrame(in(R"({"id":3,"subscribe":{}})"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 500; ++i) {
            tracker.processFrame(in(R"({"push":{"channel":"a","pub":{"data":1}}})"));
            tracker.processFrame(in(R"({"push":{"channel":"b","pub":{"data":1}}})"));
        }
        QCOMPARE(changed.count(), 0); // nothing yet: gathered until the refresh timer fires
        QVERIFY(changed.wait());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        QCOMPARE(model.index(1, SubscriptionModel::MessagesColumn).data().toString(), QStringLiteral("500"));
    }

    void recoveredPublicationsInResult()
    {
        Fixture fx;
        fx.tracker.processFrame(
            out(R"({"id":7,"subscribe":{"channel":"chat:room1","recover":true,"epoch":"kXqA","offset":12}})"));
        fx.tracker.processFrame(in(
            R"({"id":7,"subscribe":{"recoverable":true,"epoch":"kXqA","publications":[{"data":{"text":"hi"},"offset":13},{"data":{"text":"yo"},"offset":14}],"recovered":true,"offset":12,"positioned":true,"was_recovering":true}})"));
        const ChannelState s = fx.tracker.channel(QStringLiteral("chat:room1"));
        QCOMPARE(s.status, Status::Subscribed);
        QVERIFY(s.recovered);
        QVERIFY(s.wasRecovering);
        QCOMPARE(s.publications, 2u);
        QCOMPARE(s.offset, 14u);
        QVERIFY(fx.model.index(0, SubscriptionModel::DetailsColumn)
                    .data()
                    .toString()
                    .contains(SubscriptionModel::tr("recovered")));
    }

    void unsubscribeCommandAndReply()
    {
        Fixture fx;
        fx.tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":"c"}})"));
        fx.tracker.processFrame(in(R"({"id":2,"subscribe":{}})"));
        fx.tracker.processFrame(out(R"({"id":3,"unsubscribe":{"channel":"c"}})"));
        QCOMPARE(fx.tracker.channel(QStringLiteral("c")).status, Status::Unsubscribing);
        fx.tracker.processFrame(in(R"({"id":3,"unsubscribe":{}})"));
        const ChannelState s = fx.tracker.channel(QStringLiteral("c"));
        QCOMPARE(s.status, Status::Unsubscribed);
        QCOMPARE(s.code, 0);
        QVERIFY(!s.explanation.isEmpty());
    }

    void failedUnsubscribeRestoresStatus()
    {
        Fixture fx;
        fx.tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":"c"}})"));
        fx.tracker.processFrame(in(R"({"id":2,"subscribe":{}})"));
        fx.tracker.processFrame(out(R"({"id":3,"unsubscribe":{"channel":"c"}})"));
        fx.tracker.processFrame(in(R"({"id":3,"error":{"code":100,"message":"internal server error"}})"));
        const ChannelState s = fx.tracker.channel(QStringLiteral("c"));
        QCOMPARE(s.status, Status::Subscribed);
        QCOMPARE(s.code, 100);
    }

    void unsubscribePushExplained_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::newRow("2000 server unsubscribe") << 2000 << QStringLiteral("server unsubscribe");
        QTest::newRow("2500 insufficient state") << 2500 << QStringLiteral("insufficient state");
        QTest::newRow("2501 subscription expired") << 2501 << QStringLiteral("subscription expired");
    }

    void unsubscribePushExplained()
    {
        QFETCH(int, code);
        QFETCH(QString, reason);
        Fixture fx;
        fx.tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":"chat:room1"}})"));
        fx.tracker.processFrame(in(R"({"id":2,"subscribe":{}})"));
        const QByteArray push =
            QStringLiteral(R"({"push":{"channel":"chat:room1","unsubscribe":{"code":%1,"reason":"%2"}}})")
                .arg(code)
                .arg(reason)
                .toUtf8();
        fx.tracker.processFrame(in(push.constData()));
        const ChannelState s = fx.tracker.channel(QStringLiteral("chat:room1"));
        QCOMPARE(s.status, Status::Unsubscribed);
        QCOMPARE(s.code, code);
        QCOMPARE(s.reason, reason);
        QVERIFY2(s.explanation.startsWith(QString::number(code)), qPrintable(s.explanation));
        QVERIFY(fx.model.index(0, SubscriptionModel::StatusColumn).data().toString().contains(QString::number(code)));
    }

    void serverSideSubscriptions()
    {
        SubscriptionTracker tracker;
        SubscriptionModel model(&tracker);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tracker.processFrame(out(R"({"id":1,"connect":{"token":"x"}})"));
        tracker.processFrame(in(
            R"({"id":1,"connect":{"client":"c1","version":"6.9.1 OSS","subs":{"personal:42":{"recoverable":true,"epoch":"e1","offset":3,"positioned":true},"news":{}},"ping":25,"pong":true}})"));
        QCOMPARE(model.rowCount(), 2);
        const ChannelState p = tracker.channel(QStringLiteral("personal:42"));
        QCOMPARE(p.status, Status::Subscribed);
        QVERIFY(p.serverSide);
        QCOMPARE(p.offset, 3u);
        QCOMPARE(p.epoch, QStringLiteral("e1"));
        QVERIFY(tracker.channel(QStringLiteral("news")).serverSide);

        // A subscribe push adds a server-side subscription at runtime.
        tracker.processFrame(in(
            R"({"push":{"channel":"alerts","subscribe":{"recoverable":true,"epoch":"ab12","offset":5,"positioned":true}}})"));
        const ChannelState a = tracker.channel(QStringLiteral("alerts"));
        QCOMPARE(a.status, Status::Subscribed);
        QVERIFY(a.serverSide);
        QCOMPARE(a.offset, 5u);
        QCOMPARE(model.rowCount(), 3);
    }

    void publicationOnUnknownChannelIsShown()
    {
        Fixture fx;
        fx.tracker.processFrame(in(R"({"push":{"channel":"surprise","pub":{"data":{}}}})"));
        QCOMPARE(fx.model.rowCount(), 1);
        const ChannelState s = fx.tracker.channel(QStringLiteral("surprise"));
        QCOMPARE(s.status, Status::Subscribed);
        QVERIFY(s.serverSide);
        QCOMPARE(s.publications, 1u);
    }

    void joinLeaveCounted()
    {
        Fixture fx;
        fx.tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":"chat:x","join_leave":true}})"));
        fx.tracker.processFrame(in(R"({"id":2,"subscribe":{}})"));
        fx.tracker.processFrame(in(R"({"push":{"channel":"chat:x","join":{"info":{"user":"42","client":"77ab"}}}})"));
        fx.tracker.processFrame(in(R"({"push":{"channel":"chat:x","join":{"info":{"user":"43","client":"77ac"}}}})"));
        fx.tracker.processFrame(in(R"({"push":{"channel":"chat:x","leave":{"info":{"user":"42","client":"77ab"}}}})"));
        const ChannelState s = fx.tracker.channel(QStringLiteral("chat:x"));
        QCOMPARE(s.joins, 2u);
        QCOMPARE(s.leaves, 1u);
        QCOMPARE(s.publications, 0u);
        // Joins and leaves on channels we do not know about add nothing.
        fx.tracker.processFrame(in(R"({"push":{"channel":"other","join":{"info":{"user":"1","client":"a"}}}})"));
        QCOMPARE(fx.tracker.count(), 1);
    }

    void closeEndsEverySubscription()
    {
        Fixture fx;
        fx.tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":"a"}})"
                                    "\n"
                                    R"({"id":3,"subscribe":{"channel":"b"}})"));
        fx.tracker.processFrame(in(R"({"id":2,"subscribe":{}})"));
        fx.tracker.processFrame(out(R"({"id":4,"subscribe":{"channel":"bad"}})"));
        fx.tracker.processFrame(in(R"({"id":4,"error":{"code":103,"message":"permission denied"}})"));
        fx.tracker.processFrame(closeFrame(3501, QStringLiteral("bad request")));
        QCOMPARE(fx.tracker.channel(QStringLiteral("a")).status, Status::Unsubscribed);
        QCOMPARE(fx.tracker.channel(QStringLiteral("a")).code, 3501);
        QCOMPARE(fx.tracker.channel(QStringLiteral("b")).status, Status::Unsubscribed); // was still subscribing
        QCOMPARE(fx.tracker.channel(QStringLiteral("bad")).status, Status::Failed);     // keeps its own reason
        QCOMPARE(fx.tracker.channel(QStringLiteral("bad")).code, 103);
        // A late reply from the old socket must not resurrect anything.
        fx.tracker.processFrame(in(R"({"id":3,"subscribe":{}})"));
        QCOMPARE(fx.tracker.channel(QStringLiteral("b")).status, Status::Unsubscribed);
    }

    void resubscribeBodyRecovers()
    {
        Fixture fx;
        fx.tracker.processFrame(out(
            R"({"id":2,"subscribe":{"channel":"chat:r","recoverable":true,"join_leave":true,"recover":true,"epoch":"old","offset":1}})"));
        fx.tracker.processFrame(in(R"({"id":2,"subscribe":{"recoverable":true,"epoch":"E","offset":4}})"));
        fx.tracker.processFrame(in(R"({"push":{"channel":"chat:r","pub":{"data":{},"offset":5}}})"));
        const QJsonObject body = fx.tracker.resubscribeBody(QStringLiteral("chat:r"));
        QCOMPARE(body.value(QLatin1String("channel")).toString(), QStringLiteral("chat:r"));
        QCOMPARE(body.value(QLatin1String("join_leave")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("recover")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("epoch")).toString(), QStringLiteral("E"));
        QCOMPARE(body.value(QLatin1String("offset")).toInteger(), 5);

        // Without recovery granted, a resubscribe is a plain subscribe with the same options.
        fx.tracker.processFrame(out(R"({"id":3,"subscribe":{"channel":"plain","positioned":true}})"));
        fx.tracker.processFrame(in(R"({"id":3,"subscribe":{}})"));
        const QJsonObject plain = fx.tracker.resubscribeBody(QStringLiteral("plain"));
        QVERIFY(!plain.contains(QLatin1String("recover")));
        QVERIFY(plain.value(QLatin1String("positioned")).toBool());
    }

    void restorableAfterClose()
    {
        Fixture fx;
        fx.tracker.processFrame(
            out(R"({"id":2,"subscribe":{"channel":"chat:a","recoverable":true,"join_leave":true,"data":{"k":1}}})"));
        fx.tracker.processFrame(in(R"({"id":2,"subscribe":{"recoverable":true,"epoch":"E","offset":3}})"));
        fx.tracker.processFrame(out(R"({"id":3,"subscribe":{"channel":"plain"}})")); // no reply before the close
        fx.tracker.processFrame(out(R"({"id":4,"subscribe":{"channel":"gone"}})"));
        fx.tracker.processFrame(in(R"({"id":4,"subscribe":{}})"));
        fx.tracker.processFrame(out(R"({"id":5,"unsubscribe":{"channel":"gone"}})")); // on its way out
        fx.tracker.processFrame(out(R"({"id":6,"subscribe":{"channel":"denied"}})"));
        fx.tracker.processFrame(in(R"({"id":6,"error":{"code":103,"message":"permission denied"}})"));
        fx.tracker.processFrame(in(R"({"push":{"channel":"srv","subscribe":{}}})")); // server-side
        QVERIFY(fx.tracker.restorableSubscriptions().isEmpty());

        fx.tracker.processFrame(closeFrame(3012, QStringLiteral("no pong")));
        const QList<SubscribeOptions> restore = fx.tracker.restorableSubscriptions();
        QCOMPARE(restore.size(), 2);
        QCOMPARE(restore.at(0).channel, QStringLiteral("chat:a"));
        QVERIFY(restore.at(0).recover);
        QCOMPARE(restore.at(0).epoch, QStringLiteral("E"));
        QCOMPARE(restore.at(0).offset, 3u);
        QVERIFY(restore.at(0).joinLeave);
        QCOMPARE(restore.at(0).data, QByteArray("{\"k\":1}"));
        QCOMPARE(restore.at(1).channel, QStringLiteral("plain"));
        QVERIFY(!restore.at(1).recover);

        // Subscribing again (the reconnect's restore) clears the mark.
        fx.tracker.processFrame(out(R"({"id":1,"connect":{}})"));
        fx.tracker.processFrame(
            out(R"({"id":2,"subscribe":{"channel":"chat:a","recover":true,"epoch":"E","offset":3}})"));
        QCOMPARE(fx.tracker.restorableSubscriptions().size(), 1);
    }

    void removeAndClear()
    {
        Fixture fx;
        fx.tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":"a"}})"));
        fx.tracker.processFrame(out(R"({"id":3,"subscribe":{"channel":"b"}})"));
        fx.tracker.processFrame(out(R"({"id":4,"subscribe":{"channel":"c"}})"));
        fx.tracker.processFrame(in(R"({"id":3,"error":{"code":103,"message":"permission denied"}})"));
        fx.tracker.removeInactive();
        QCOMPARE(fx.model.rowCount(), 2);
        QCOMPARE(fx.tracker.indexOf(QStringLiteral("c")), 1);
        fx.tracker.remove(QStringLiteral("a"));
        QCOMPARE(fx.tracker.indexOf(QStringLiteral("c")), 0);
        // A reply for a forgotten channel is ignored.
        fx.tracker.processFrame(in(R"({"id":2,"subscribe":{}})"));
        QCOMPARE(fx.model.rowCount(), 1);
        fx.tracker.clear();
        QCOMPARE(fx.model.rowCount(), 0);
    }

    void emptyChannelIsIgnored()
    {
        Fixture fx;
        fx.tracker.processFrame(out(R"({"id":2,"subscribe":{"channel":""}})"));
        QCOMPARE(fx.tracker.count(), 0);
    }
};

QTEST_MAIN(TestSubscriptionTracker)
#include "tst_subscriptiontracker.moc"
