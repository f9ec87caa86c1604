// Delta compression: the fossil delta format on its own (errors in words, never a wrong result), and against a
// real Centrifugo: a delta subscriber rebuilds every publication of a slowly changing document exactly as a
// subscriber without delta receives it.
#include "centrifugoserver.h"
#include "commandbuilder.h"
#include "fossildelta.h"
#include "session.h"
#include "sessionrecorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using Protocol::PushType;

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

// A document of some size where each version changes one field and one line of text.
QJsonObject document(int version)
{
    QJsonArray lines;
    for (int i = 0; i < 40; ++i)
        lines.append(
            QStringLiteral("line %1 of the shared document%2").arg(i).arg(i == version % 40 ? s(" *") : QString()));
    return QJsonObject{{s("version"), version}, {s("title"), s("Design notes")}, {s("lines"), lines}};
}

} // namespace

class TestDeltaLive : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void checksumMatchesTheFormat();
    void brokenDeltasAreErrorsInWords_data();
    void brokenDeltasAreErrorsInWords();
    void hundredPublicationsRebuiltLikeAFullSubscriber();
};

void TestDeltaLive::roundTrip_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("same") << QByteArray("hello world") << QByteArray("hello world");
    QTest::newRow("middle changed") << QByteArray("{\"a\":1,\"b\":2}") << QByteArray("{\"a\":1,\"b\":3}");
    QTest::newRow("grown") << QByteArray("abc") << QByteArray("abcdefghijklmnopqrstuvwxyz0123456789");
    QTest::newRow("from empty") << QByteArray() << QByteArray("new");
    QTest::newRow("to empty") << QByteArray("old") << QByteArray();
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4) << QByteArray("\x00\x01\x7f\x02\xff", 5);
}

void TestDeltaLive::roundTrip()
{
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, target);
    QString error;
    QCOMPARE(FossilDelta::apply(source, FossilDelta::create(source, target), &error), target);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDeltaLive::checksumMatchesTheFormat()
{
    // Four-byte big-endian words summed, the tail's bytes added at their word positions.
    QCOMPARE(FossilDelta::checksum(QByteArray()), 0u);
    QCOMPARE(FossilDelta::checksum(QByteArray("\x01\x02\x03\x04", 4)), 0x01020304u);
    QCOMPARE(FossilDelta::checksum(QByteArray("\x01\x02\x03\x04\x01", 5)), 0x02020304u);
    QCOMPARE(FossilDelta::checksum(QByteArray("\xff\xff\xff\xff\xff\xff\xff\xff", 8)), 0x1fffffffeu & 0xffffffffu);
}

void TestDeltaLive::brokenDeltasAreErrorsInWords_data()
{
    QTest::addColumn<QByteArray>("delta");
    QTest::addColumn<QString>("words");
    const QByteArray source("0123456789");
    const QByteArray good = FossilDelta::create(source, "01234abc56789");
    QTest::newRow("no header") << QByteArray("") << s("target length");
    QTest::newRow("copy past the base") << QByteArray("5\n5@8,0;") << s("another base");
    QTest::newRow("bad checksum") << QByteArray(good).replace(good.size() - 2, 1, "Z") << s("checksum");
    QTest::newRow("no checksum") << QByteArray("3\n3:abc") << s("ends without");
    QTest::newRow("unknown command") << QByteArray("3\n3!") << s("unknown command");
    QTest::newRow("insert past the end") << QByteArray("9\n9:ab") << s("runs past");
}

void TestDeltaLive::brokenDeltasAreErrorsInWords()
{
    QFETCH(QByteArray, delta);
    QFETCH(QString, words);
    QString error;
    QVERIFY(FossilDelta::apply("0123456789", delta, &error).isEmpty());
    QVERIFY2(error.contains(words), qPrintable(error));
}

void TestDeltaLive::hundredPublicationsRebuiltLikeAFullSubscriber()
{
    CentrifugoServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString channel = s("chat:delta-doc");

    Session plain;
    SessionRecorder plainRec(&plain);
    Session delta;
    SessionRecorder deltaRec(&delta);
    QSignalSpy rebuilt(&delta, &Session::deltaPublication);
    for (Session *session : {&plain, &delta}) {
        SessionOptions o;
        o.url = server.webSocketUrl();
        session->open(o);
    }
    QVERIFY(plainRec.waitForState(Session::State::Connected));
    QVERIFY(deltaRec.waitForState(Session::State::Connected));
    SubscribeOptions sub;
    sub.channel = channel;
    QVERIFY(plainRec.waitForReply(
        plain.sendCommand(CommandBuilder::command(0, Protocol::Method::Subscribe, CommandBuilder::subscribe(sub)))));
    sub.delta = s("fossil");
    const auto reply = deltaRec.waitForReply(
        delta.sendCommand(CommandBuilder::command(0, Protocol::Method::Subscribe, CommandBuilder::subscribe(sub))));
    QVERIFY(reply);
    QVERIFY2(reply->json().value(s("subscribe")).toObject().value(s("delta")).toBool(), qPrintable(deltaRec.dump()));

    constexpr int kCount = 100;
    for (int i = 0; i < kCount; ++i) {
        const QJsonObject r = server.apiCall(
            s("publish"), QJsonObject{{s("channel"), channel}, {s("data"), document(i)}, {s("delta"), true}});
        QVERIFY2(r.contains(s("result")), qPrintable(QString::fromUtf8(QJsonDocument(r).toJson())));
    }
    QTRY_COMPARE_WITH_TIMEOUT(rebuilt.count(), kCount, 20000);

    const auto plainPublications = [&plainRec] {
        QList<QJsonObject> out;
        for (const Frame &f : plainRec.frames()) {
            for (const ProtocolMessage &m : f.messages) {
                if (m.push == PushType::Pub)
                    out.append(
                        m.json().value(s("push")).toObject().value(s("pub")).toObject().value(s("data")).toObject());
            }
        }
        return out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(plainPublications().size(), kCount, 20000);
    const QList<QJsonObject> received = plainPublications();
    int deltas = 0;
    qint64 saved = 0;
    for (int i = 0; i < kCount; ++i) {
        const auto p = rebuilt.at(i).first().value<DeltaTracker::Publication>();
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.offset, i + 1);
        QCOMPARE(QJsonDocument::fromJson(p.data).object(), received.at(i));
        QCOMPARE(received.at(i), document(i));
        deltas += p.delta ? 1 : 0;
        saved += p.savedBytes();
    }
    // The first publication comes whole, the others as deltas, far smaller than the document.
    QVERIFY2(deltas >= kCount - 1, qPrintable(QString::number(deltas)));
    QVERIFY2(saved > qint64(kCount - 1) * 1000, qPrintable(QString::number(saved)));
    qInfo("%d of %d publications came as deltas, %lld bytes saved", deltas, kCount, saved);
}

QTEST_MAIN(TestDeltaLive)
#include "tst_delta_live.moc"
