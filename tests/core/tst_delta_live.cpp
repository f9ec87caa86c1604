// Delta compression: the fossil delta format on its own (errors in words, never a wrong result), and against a
// real Centrifugo, in JSON and in Protobuf: a delta subscriber rebuilds every publication of a slowly changing
// document exactly as a subscriber without delta receives it.
#include "centrifugoserver.h"
#include "deltarebuilder.h"
#include "fossildelta.h"
#include "jsoncodec.h"
#include "messagedetail.h"
#include "protobufcodec.h"
#include "session.h"
#include "sessionrecorder.h"
#include "timelinemodel.h"

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

// A frame from the server with these JSON bytes, decoded as the session decodes it.
Frame serverFrame(const QByteArray &json)
{
    Frame f;
    f.timeMs = 1700000000000;
    f.raw = json;
    f.messages = JsonCodec().decodeServerFrame(json);
    return f;
}

// A client of a live test: its session, what the session emitted, its timeline and the publications it rebuilt.
struct Client
{
    Client() { QObject::connect(&session, &Session::frame, &timeline, &TimelineModel::appendFrame); }

    Session session;
    SessionRecorder rec{&session};
    TimelineModel timeline;
    QSignalSpy rebuilt{&session, &Session::deltaPublication};
};

SessionOptions optionsFor(const CentrifugoServer &server, Protocol::Format format)
{
    SessionOptions o;
    o.url = server.webSocketUrl();
    o.format = format;
    return o;
}

// Publishes version `version` of the document to `channel` through the server API, with delta; the API's answer.
QJsonObject publishDocument(CentrifugoServer &server, const QString &channel, int version)
{
    return server.apiCall(s("publish"),
                          QJsonObject{{s("channel"), channel}, {s("data"), document(version)}, {s("delta"), true}});
}

// The publication rows of a timeline, each with its publication rebuilt as the detail pane rebuilds it; false when
// a publication row could not be rebuilt at all.
bool rebuiltRows(const TimelineModel &timeline, QList<std::pair<int, DeltaTracker::Publication>> *rows)
{
    for (int row = 0; row < timeline.rowCount(); ++row) {
        if (timeline.store().row(row).push != quint8(PushType::Pub))
            continue;
        DeltaTracker::Publication p;
        if (!DeltaRebuilder::forRow(timeline.store(), row, &p))
            return false;
        rows->append({row, p});
    }
    return true;
}

QString fact(const MessageDetail &d, const QString &name)
{
    for (const auto &f : d.facts) {
        if (f.first == name)
            return f.second;
    }
    return {};
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
    void hundredPublicationsRebuiltLikeAFullSubscriber_data();
    void hundredPublicationsRebuiltLikeAFullSubscriber();
    void timelineRowsShowBrokenDeltasInWords();
    void recoveredPublicationsAreRebuilt_data() { hundredPublicationsRebuiltLikeAFullSubscriber_data(); }
    void recoveredPublicationsAreRebuilt();
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

void TestDeltaLive::hundredPublicationsRebuiltLikeAFullSubscriber_data()
{
    QTest::addColumn<Protocol::Format>("format");
    QTest::newRow("json") << Protocol::Format::Json;
    QTest::newRow("protobuf") << Protocol::Format::Protobuf;
}

void TestDeltaLive::hundredPublicationsRebuiltLikeAFullSubscriber()
{
    QFETCH(Protocol::Format, format);
    const bool protobuf = format == Protocol::Format::Protobuf;
    CentrifugoServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString channel = s("chat:delta-doc");

    Client plain; // subscribed without delta: what the delta subscriber must rebuild
    Client delta;
    const SessionOptions o = optionsFor(server, format);
    QVERIFY(plain.rec.open(o));
    QVERIFY(delta.rec.open(o));
    SubscribeOptions sub;
    sub.channel = channel;
    QVERIFY(plain.rec.subscribe(sub));
    sub.delta = s("fossil");
    const auto reply = delta.rec.subscribe(sub);
    QVERIFY(reply);
    QVERIFY2(reply->json().value(s("subscribe")).toObject().value(s("delta")).toBool(), qPrintable(delta.rec.dump()));

    constexpr int kCount = 100;
    for (int i = 0; i < kCount; ++i) {
        const QJsonObject r = publishDocument(server, channel, i);
        QVERIFY2(r.contains(s("result")), qPrintable(QString::fromUtf8(QJsonDocument(r).toJson())));
    }
    QTRY_COMPARE_WITH_TIMEOUT(delta.rebuilt.count(), kCount, 20000);

    // What the subscriber without delta received: the data's bytes (Protobuf's exactly as on the wire).
    const auto plainPublications = [&plain] {
        QList<QByteArray> out;
        for (const Frame &f : plain.rec.frames()) {
            for (const ProtocolMessage &m : f.messages) {
                if (m.push != PushType::Pub)
                    continue;
                ProtobufCodec::DeltaFields fields;
                if (m.hasJsonConverter() && ProtobufCodec::deltaFields(m.raw, &fields))
                    out.append(fields.publications.value(0).data);
                else
                    out.append(
                        QJsonDocument(
                            m.json().value(s("push")).toObject().value(s("pub")).toObject().value(s("data")).toObject())
                            .toJson(QJsonDocument::Compact));
            }
        }
        return out;
    };
    // Protobuf's rebuilt data is compared byte for byte; JSON's as the object it stands for.
    const auto same = [protobuf](const QByteArray &rebuiltData, const QByteArray &plainData) {
        return protobuf ? rebuiltData == plainData
                        : QJsonDocument::fromJson(rebuiltData).object() == QJsonDocument::fromJson(plainData).object();
    };
    QTRY_COMPARE_WITH_TIMEOUT(plainPublications().size(), kCount, 20000);
    const QList<QByteArray> received = plainPublications();
    int deltas = 0;
    qint64 saved = 0;
    for (int i = 0; i < kCount; ++i) {
        const auto p = delta.rebuilt.at(i).first().value<DeltaTracker::Publication>();
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.offset, i + 1);
        QVERIFY2(same(p.data, received.at(i)), qPrintable(QString::number(i)));
        QCOMPARE(QJsonDocument::fromJson(received.at(i)).object(), document(i));
        deltas += p.delta ? 1 : 0;
        saved += p.savedBytes();
    }
    // The first publication comes whole, the others as deltas, far smaller than the document.
    QVERIFY2(deltas >= kCount - 1, qPrintable(QString::number(deltas)));
    QVERIFY2(saved > qint64(kCount - 1) * 1000, qPrintable(QString::number(saved)));
    qInfo("%s: %d of %d publications came as deltas, %lld bytes saved", protobuf ? "Protobuf" : "JSON", deltas, kCount,
          saved);

    // The timeline's publication rows: each one's detail has the rebuilt data (equal to what the subscriber
    // without delta received) next to the delta as received, and the bytes saved.
    delta.timeline.flush();
    QList<std::pair<int, DeltaTracker::Publication>> publicationRows;
    QVERIFY(rebuiltRows(delta.timeline, &publicationRows));
    int rows = 0;
    qint64 shownSaved = 0;
    for (const auto &[row, p] : std::as_const(publicationRows)) {
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QVERIFY2(same(p.data, received.at(rows)), qPrintable(QString::number(rows)));
        const MessageDetail d = MessageDetail::forRow(delta.timeline, row, nullptr);
        QVERIFY(!d.problem);
        QCOMPARE(fact(d, s("Rebuilt data (bytes)")), QLocale().toString(qint64(p.data.size())));
        QCOMPARE(fact(d, s("Delta as received (bytes)")), QLocale().toString(qint64(p.wireBytes)));
        QCOMPARE(fact(d, s("Bytes saved")), QLocale().toString(qint64(p.savedBytes())));
        // The pane's text: the publication as received, then the rebuilt data after its heading.
        const qsizetype heading = d.pretty.indexOf(s("Rebuilt publication data"));
        QVERIFY2(heading > 0, qPrintable(d.pretty.left(400)));
        const QString shown = d.pretty.mid(d.pretty.indexOf(QLatin1Char('\n'), heading) + 1);
        QCOMPARE(QJsonDocument::fromJson(shown.toUtf8()).object(), QJsonDocument::fromJson(received.at(rows)).object());
        if (p.delta)
            QVERIFY2(d.sentence.contains(s("bytes saved")), qPrintable(d.sentence));
        shownSaved += p.savedBytes();
        ++rows;
    }
    QCOMPARE(rows, kCount);
    QCOMPARE(shownSaved, saved);
}

void TestDeltaLive::timelineRowsShowBrokenDeltasInWords()
{
    // Rows as a server would send them on a delta channel, the last delta corrupted (a bad checksum): the row's
    // detail says so as a problem. A delta whose chain start is no longer in the timeline says that instead.
    const QByteArray base(R"({"v":1,"text":"hello delta world"})");
    const QByteArray next(R"({"v":2,"text":"hello delta world"})");
    QByteArray good = FossilDelta::create(base, next);
    QByteArray bad = good;
    bad.replace(bad.size() - 2, 1, "Z");
    const auto pub = [](int offset, const QByteArray &data, bool delta) {
        return serverFrame(
            R"({"push":{"channel":"d","pub":{"data":)" +
            QJsonDocument(QJsonArray{QString::fromUtf8(data)}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
            R"(,"offset":)" + QByteArray::number(offset) + (delta ? R"(,"delta":true)" : "") + "}}}");
    };
    TimelineModel timeline;
    Frame command;
    command.direction = Protocol::Direction::Out;
    command.raw = R"({"id":1,"subscribe":{"channel":"d","delta":"fossil"}})";
    command.messages = JsonCodec().decodeClientFrame(command.raw);
    timeline.appendFrame(command);
    timeline.appendFrame(serverFrame(R"({"id":1,"subscribe":{"delta":true}})"));
    timeline.appendFrame(pub(1, base, false));
    timeline.appendFrame(pub(2, good, true));
    timeline.appendFrame(pub(3, bad, true));
    timeline.flush();
    QCOMPARE(timeline.rowCount(), 5);
    DeltaTracker::Publication p;
    QVERIFY(!DeltaRebuilder::forRow(timeline.store(), 1, &p)); // the reply is no publication
    QVERIFY(DeltaRebuilder::forRow(timeline.store(), 3, &p));
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.data, next);
    const MessageDetail broken = MessageDetail::forRow(timeline, 4, nullptr);
    QVERIFY(broken.problem);
    QVERIFY2(broken.sentence.contains(s("The delta cannot be applied")) && broken.sentence.contains(s("checksum")),
             qPrintable(broken.sentence));
    QVERIFY2(fact(broken, s("Delta")).contains(s("checksum")), qPrintable(fact(broken, s("Delta"))));

    // Over Protobuf the same: the data's exact bytes (not their JSON form) rebuilt, a broken delta in words.
    const auto protobufFrame = [](const QJsonObject &reply) {
        Frame f;
        f.timeMs = 1700000000000;
        f.binary = true;
        f.raw = ProtobufCodec::encodeReplies({reply});
        f.messages = ProtobufCodec().decodeServerFrame(f.raw);
        return f;
    };
    const auto protobufPub = [&](int offset, const QByteArray &data, bool delta) {
        QJsonObject pub{{s("data"), QJsonObject{{s("$base64"), QString::fromLatin1(data.toBase64())}}},
                        {s("offset"), offset}};
        if (delta)
            pub.insert(s("delta"), true);
        return protobufFrame(QJsonObject{{s("push"), QJsonObject{{s("channel"), s("d")}, {s("pub"), pub}}}});
    };
    const QByteArray spaced(R"({"v": 1, "text": "hello delta world"})"); // not in the JSON form's compact text
    const QByteArray spacedNext(R"({"v": 2, "text": "hello delta world"})");
    const QByteArray spacedDelta = FossilDelta::create(spaced, spacedNext);
    TimelineModel protobufTimeline;
    protobufTimeline.appendFrame(
        protobufFrame(QJsonObject{{s("id"), 1}, {s("subscribe"), QJsonObject{{s("delta"), true}}}}));
    protobufTimeline.appendFrame(protobufPub(1, spaced, false));
    protobufTimeline.appendFrame(protobufPub(2, spacedDelta, true));
    protobufTimeline.appendFrame(protobufPub(3, QByteArray(spacedDelta).replace(spacedDelta.size() - 2, 1, "Z"), true));
    protobufTimeline.flush();
    QCOMPARE(protobufTimeline.rowCount(), 4);
    QVERIFY(DeltaRebuilder::forRow(protobufTimeline.store(), 2, &p));
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QVERIFY(p.delta);
    QCOMPARE(p.data, spacedNext);
    QCOMPARE(p.wireBytes, spacedDelta.size());
    QVERIFY(DeltaRebuilder::forRow(protobufTimeline.store(), 3, &p));
    QVERIFY2(p.error.contains(s("checksum")), qPrintable(p.error));
    QVERIFY(MessageDetail::forRow(protobufTimeline, 3, nullptr).problem);

    TimelineModel late; // recorded after the subscription began: the base is not in this timeline
    late.appendFrame(pub(2, good, true));
    late.flush();
    QVERIFY(DeltaRebuilder::forRow(late.store(), 0, &p));
    QVERIFY2(p.error.contains(s("no longer in the timeline")), qPrintable(p.error));
    QVERIFY(MessageDetail::forRow(late, 0, nullptr).problem);
}

void TestDeltaLive::recoveredPublicationsAreRebuilt()
{
    // A delta subscription that recovers after a reconnect: the subscribe reply's publications come as a chain
    // (the first whole, the others deltas), the live ones go on from its last; a recovery that missed nothing goes
    // on from the payload of the connection before. Every one rebuilt, in the session and in the timeline.
    QFETCH(Protocol::Format, format);
    CentrifugoServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString channel = s("chat:delta-recover");
    Client c;
    const SessionOptions o = optionsFor(server, format);
    SubscribeOptions sub;
    sub.channel = channel;
    sub.delta = s("fossil");
    sub.recoverable = true;
    const auto publish = [&](int version) { return publishDocument(server, channel, version).contains(s("result")); };
    const auto subscribeNow = [&]() {
        const auto reply = c.rec.open(o) ? c.rec.subscribe(sub) : std::nullopt;
        return reply ? reply->json().value(s("subscribe")).toObject() : QJsonObject();
    };
    const auto reconnect = [&]() {
        c.session.close();
        return bool(c.rec.waitForClose());
    };

    const QJsonObject first = subscribeNow();
    QVERIFY2(first.value(s("delta")).toBool(), qPrintable(c.rec.dump()));
    for (int v = 0; v < 3; ++v)
        QVERIFY(publish(v));
    QTRY_COMPARE_WITH_TIMEOUT(c.rebuilt.count(), 3, 10000);
    QVERIFY(reconnect());
    for (int v = 3; v < 8; ++v) // missed while away
        QVERIFY(publish(v));
    sub.recover = true;
    sub.epoch = first.value(s("epoch")).toString();
    sub.offset = 3;
    const QJsonObject again = subscribeNow();
    QVERIFY2(again.value(s("recovered")).toBool(), qPrintable(c.rec.dump()));
    QCOMPARE(again.value(s("publications")).toArray().size(), 5);
    QCOMPARE(c.rebuilt.count(), 8);
    for (int v = 8; v < 10; ++v)
        QVERIFY(publish(v));
    QTRY_COMPARE_WITH_TIMEOUT(c.rebuilt.count(), 10, 10000);
    QVERIFY(reconnect());
    sub.offset = 10;
    const QJsonObject nothingMissed = subscribeNow();
    QVERIFY2(nothingMissed.value(s("recovered")).toBool(), qPrintable(c.rec.dump()));
    QVERIFY(nothingMissed.value(s("publications")).toArray().isEmpty());
    QVERIFY(publish(10));
    QTRY_COMPARE_WITH_TIMEOUT(c.rebuilt.count(), 11, 10000);

    int deltas = 0;
    for (int v = 0; v < 11; ++v) {
        const auto p = c.rebuilt.at(v).first().value<DeltaTracker::Publication>();
        QVERIFY2(p.error.isEmpty(), qPrintable(QString::number(v) + s(": ") + p.error));
        QCOMPARE(p.offset, v + 1);
        QCOMPARE(QJsonDocument::fromJson(p.data).object(), document(v));
        deltas += p.delta ? 1 : 0;
    }
    // Recovered: 4 of 5 as deltas; live: 2 + 1 (the last on the payload of the connection before), plus 2 at first.
    QVERIFY2(deltas >= 8, qPrintable(QString::number(deltas)));

    // The timeline's live publication rows replay the same chains (across the recoveries).
    c.timeline.flush();
    QList<std::pair<int, DeltaTracker::Publication>> live;
    QVERIFY(rebuiltRows(c.timeline, &live));
    for (const auto &[row, p] : std::as_const(live)) {
        QVERIFY2(p.error.isEmpty(), qPrintable(QString::number(row) + s(": ") + p.error));
        QCOMPARE(QJsonDocument::fromJson(p.data).object(), document(int(p.offset) - 1));
    }
    QCOMPARE(live.size(), 6);
}

QTEST_MAIN(TestDeltaLive)
#include "tst_delta_live.moc"
