// Server API calls and replies as rows of a session's own timeline (Frame::Origin ServerCall/ServerReply): what
// the model shows and says for them, the filter's "server calls" kind, the detail pane's facts, and the origin
// kept through an export and an import of the recording.
#include "messagedetail.h"
#include "servercallframes.h"
#include "timelineexporter.h"
#include "timelinefiltermodel.h"
#include "timelineimporter.h"
#include "timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Protocol::Direction;

namespace {

constexpr qint64 kT0 = 1714564800000;

Frame publication()
{
    Frame f;
    f.timeMs = kT0 + 5;
    f.direction = Direction::In;
    f.raw = R"({"push":{"channel":"news","pub":{"data":{"n":1},"offset":7}}})";
    ProtocolMessage m;
    m.kind = Protocol::MessageKind::Push;
    m.push = Protocol::PushType::Pub;
    m.channel = QStringLiteral("news");
    m.raw = f.raw;
    f.messages.append(m);
    return f;
}

QList<Frame> sampleFrames()
{
    const ServerApiReply ok =
        ServerApiReply::fromHttp(QStringLiteral("publish"), 200, R"({"result":{"offset":7,"epoch":"e"}})");
    ServerApiReply okTimed = ok;
    okTimed.elapsedMs = 3;
    const ServerApiReply wrongKey = ServerApiReply::fromHttp(QStringLiteral("presence"), 401, {});
    const ServerApiReply unreachable =
        ServerApiReply::fromHttp(QStringLiteral("info"), 0, {}, QStringLiteral("Connection refused"));
    return {
        ServerCallFrames::callFrame(kT0, 1, QStringLiteral("publish"), R"({"channel":"news","data":{"n":1}})"),
        ServerCallFrames::replyFrame(kT0 + 3, 1, QStringLiteral("news"), okTimed),
        publication(),
        ServerCallFrames::callFrame(kT0 + 10, 2, QStringLiteral("presence"), R"({"channel":"news"})"),
        ServerCallFrames::replyFrame(kT0 + 11, 2, QStringLiteral("news"), wrongKey),
        ServerCallFrames::callFrame(kT0 + 20, 3, QStringLiteral("info"), "{}"),
        ServerCallFrames::replyFrame(kT0 + 21, 3, QString(), unreachable),
    };
}

QVariant cell(const TimelineModel &m, int row, int column, int role = Qt::DisplayRole)
{
    return m.data(m.index(row, column), role);
}

} // namespace

class TestServerCallRows : public QObject
{
    Q_OBJECT

private slots:
    void callFrameHoldsTheRequestNotTheKey();
    void rowsAndRoles();
    void failuresInWords();
    void filterKind();
    void detailPane();
    void recordingKeepsTheOrigin();
    void otherOriginShowsItsBytes();
};

void TestServerCallRows::callFrameHoldsTheRequestNotTheKey()
{
    const Frame call =
        ServerCallFrames::callFrame(kT0, 9, QStringLiteral("publish"), R"({"channel":"a","data":{"x":"y"}})");
    QCOMPARE(call.origin, Frame::Origin::ServerCall);
    QCOMPARE(call.direction, Direction::Out);
    QCOMPARE(call.raw, QByteArray(R"({"method":"publish","params":{"channel":"a","data":{"x":"y"}}})"));
    QCOMPARE(ServerCallFrames::methodOfCall(call.raw), QStringLiteral("publish"));
    QCOMPARE(call.messages.size(), 1);
    QCOMPARE(call.messages.first().channel, QStringLiteral("a"));
    QCOMPARE(call.messages.first().id, 9u);
    // A body that is not JSON is kept as a string, so the row stays one JSON object.
    const Frame bad = ServerCallFrames::callFrame(kT0, 1, QStringLiteral("publish"), "{oops");
    QCOMPARE(QJsonDocument::fromJson(bad.raw).object().value(QLatin1String("params")).toString(),
             QStringLiteral("{oops"));
}

void TestServerCallRows::rowsAndRoles()
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendFrames(sampleFrames());
    model.flush();
    QCOMPARE(model.rowCount(), 7);

    // The call: out, marked as a server call, its method in the Kind column, the channel of its params.
    QCOMPARE(cell(model, 0, TimelineModel::DirectionColumn).toString(), QStringLiteral("\u2192 server API"));
    QCOMPARE(cell(model, 0, TimelineModel::KindColumn).toString(), QStringLiteral("api publish"));
    QCOMPARE(cell(model, 0, TimelineModel::ChannelColumn).toString(), QStringLiteral("news"));
    QCOMPARE(cell(model, 0, TimelineModel::IdColumn).toUInt(), 1u);
    QVERIFY(!cell(model, 0, TimelineModel::RttColumn).isValid());
    QCOMPARE(cell(model, 0, 0, TimelineModel::OriginRole).toInt(), int(Frame::Origin::ServerCall));
    QVERIFY(cell(model, 0, 0, TimelineModel::ServerCallRole).toBool());
    QCOMPARE(cell(model, 0, 0, TimelineModel::KindNameRole).toString(), QStringLiteral("api publish"));
    QVERIFY(cell(model, 0, 0, TimelineModel::DescriptionRole).toString().contains(QLatin1String("publish")));

    // The reply: in, paired with its call by id (method), with the round trip and ServerApiReply's words.
    QCOMPARE(cell(model, 1, TimelineModel::DirectionColumn).toString(), QStringLiteral("\u2190 server API"));
    QCOMPARE(cell(model, 1, TimelineModel::KindColumn).toString(), QStringLiteral("api publish reply"));
    QCOMPARE(cell(model, 1, TimelineModel::IdColumn).toUInt(), 1u);
    QCOMPARE(cell(model, 1, TimelineModel::RttColumn).toString(), QStringLiteral("3.00"));
    QCOMPARE(cell(model, 1, 0, TimelineModel::RttRole).toDouble(), 3.0);
    QCOMPARE(cell(model, 1, 0, TimelineModel::OriginRole).toInt(), int(Frame::Origin::ServerReply));
    QCOMPARE(cell(model, 1, 0, TimelineModel::RawRole).toByteArray(),
             QByteArray(R"({"result":{"offset":7,"epoch":"e"}})"));
    const QString sentence =
        ServerApiReply::fromHttp(QStringLiteral("publish"), 200, R"({"result":{"offset":7,"epoch":"e"}})").sentence();
    QVERIFY(!sentence.isEmpty());
    QVERIFY2(cell(model, 1, 0, TimelineModel::DescriptionRole).toString().contains(sentence),
             qPrintable(cell(model, 1, 0, TimelineModel::DescriptionRole).toString()));
    QVERIFY(!cell(model, 1, 0, Qt::ForegroundRole).isValid());

    // The client's own publication between them stays client protocol.
    QCOMPARE(cell(model, 2, TimelineModel::KindColumn).toString(), QStringLiteral("push_pub"));
    QCOMPARE(cell(model, 2, 0, TimelineModel::OriginRole).toInt(), int(Frame::Origin::Wire));
    QVERIFY(!cell(model, 2, 0, TimelineModel::ServerCallRole).toBool());
    QCOMPARE(cell(model, 2, TimelineModel::DirectionColumn).toString(), QStringLiteral("\u2193 in"));
}

void TestServerCallRows::failuresInWords()
{
    TimelineModel model;
    model.appendFrames(sampleFrames());
    model.flush();
    // Wrong key: HTTP 401, said in the Kind column and in words, drawn as a problem.
    QCOMPARE(cell(model, 4, TimelineModel::KindColumn).toString(), QStringLiteral("api presence reply HTTP 401"));
    const QString wrongKey = ServerApiReply::fromHttp(QStringLiteral("presence"), 401, {}).sentence();
    QVERIFY(cell(model, 4, 0, TimelineModel::DescriptionRole).toString().contains(wrongKey));
    QVERIFY(cell(model, 4, 0, Qt::ForegroundRole).isValid());
    // Unreachable: no HTTP answer, the row's bytes are the failure in words.
    const QString unreachable =
        ServerApiReply::fromHttp(QStringLiteral("info"), 0, {}, QStringLiteral("Connection refused")).sentence();
    QCOMPARE(cell(model, 6, 0, TimelineModel::RawRole).toByteArray(), unreachable.toUtf8());
    QVERIFY(cell(model, 6, TimelineModel::KindColumn).toString().startsWith(QLatin1String("api info reply")));
    QVERIFY(cell(model, 6, 0, TimelineModel::DescriptionRole).toString().contains(unreachable));
    QVERIFY(cell(model, 6, 0, Qt::ForegroundRole).isValid());
}

void TestServerCallRows::filterKind()
{
    TimelineModel model;
    model.appendFrames(sampleFrames());
    model.flush();
    TimelineFilterModel filter(&model);
    TimelineFilter f;
    f.kinds = TimelineFilter::kAllKinds & ~TimelineFilter::kServerCallsBit;
    filter.setFilter(f);
    QTRY_COMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data(TimelineModel::KindNameRole).toString(), QStringLiteral("push_pub"));
    f.kinds = TimelineFilter::kServerCallsBit;
    filter.setFilter(f);
    QTRY_COMPARE(filter.rowCount(), 6);
    for (int i = 0; i < filter.rowCount(); ++i)
        QVERIFY(filter.index(i, 0).data(TimelineModel::ServerCallRole).toBool());
    // Invalid messages of the connection are not server calls, and server calls are not invalid messages.
    f.kinds = TimelineFilter::kindBit(Protocol::MessageKind::Invalid);
    filter.setFilter(f);
    QTRY_COMPARE(filter.rowCount(), 0);
}

void TestServerCallRows::detailPane()
{
    TimelineModel model;
    model.appendFrames(sampleFrames());
    model.flush();
    const MessageDetail call = MessageDetail::forRow(model, 0, nullptr);
    QVERIFY(call.valid);
    QVERIFY(!call.problem);
    QVERIFY(call.pretty.contains(QLatin1String("\"method\": \"publish\"")));
    QCOMPARE(call.sentence, cell(model, 0, 0, TimelineModel::DescriptionRole).toString());
    const MessageDetail reply = MessageDetail::forRow(model, 1, nullptr);
    QVERIFY(reply.pretty.contains(QLatin1String("\"offset\": 7")));
    QVERIFY(reply.sentence.contains(QLatin1String("publish")));
    bool haveRtt = false;
    for (const auto &fact : reply.facts)
        haveRtt = haveRtt || fact.second.contains(QLatin1String("3"));
    QVERIFY(haveRtt);
    const MessageDetail failed = MessageDetail::forRow(model, 6, nullptr);
    QVERIFY(failed.problem);
    QCOMPARE(failed.pretty, cell(model, 6, 0, TimelineModel::RawRole).toString());
}

void TestServerCallRows::recordingKeepsTheOrigin()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("calls.jsonl"));
    TimelineModel source;
    source.appendFrames(sampleFrames());
    source.flush();
    TimelineExporter exporter(&source);
    QSignalSpy exported(&exporter, &TimelineExporter::finished);
    QVERIFY(exporter.start(file));
    QVERIFY(exported.wait());

    TimelineModel imported;
    TimelineImporter importer(&imported);
    QSignalSpy finished(&importer, &TimelineImporter::finished);
    QVERIFY(importer.start(file));
    QVERIFY(finished.wait(30000));
    imported.flush();
    QCOMPARE(imported.rowCount(), source.rowCount());
    for (int row = 0; row < source.rowCount(); ++row) {
        for (int role : {int(TimelineModel::OriginRole), int(TimelineModel::KindNameRole), int(TimelineModel::IdRole),
                         int(TimelineModel::ChannelRole), int(TimelineModel::RttRole), int(TimelineModel::RawRole),
                         int(TimelineModel::DescriptionRole), int(TimelineModel::DirectionRole)})
            QCOMPARE(cell(imported, row, 0, role), cell(source, row, 0, role));
    }
}

void TestServerCallRows::otherOriginShowsItsBytes()
{
    // A row of another origin (an emulation transport's HTTP exchange) shows its bytes as text.
    Frame http;
    http.timeMs = kT0;
    http.direction = Direction::Out;
    http.origin = Frame::Origin::HttpExchange;
    http.raw = R"({"status":200,"bytes":31,"ms":2.5})";
    TimelineModel model;
    model.appendFrame(http);
    model.flush();
    QCOMPARE(cell(model, 0, TimelineModel::KindColumn).toString(), QStringLiteral("http"));
    QCOMPARE(cell(model, 0, 0, TimelineModel::DescriptionRole).toString(), QString::fromUtf8(http.raw));
    QVERIFY(!cell(model, 0, 0, TimelineModel::ServerCallRole).toBool());
    QVERIFY(MessageDetail::forRow(model, 0, nullptr).pretty.contains(QLatin1String("\"status\": 200")));
}

QTEST_GUILESS_MAIN(TestServerCallRows)
#include "tst_servercallrows.moc"
