#include "framerecord.h"
#include "jwt.h"
#include "timelineexporter.h"
#include "timelinefiltermodel.h"
#include "timelineimporter.h"
#include "timelinemodel.h"
#include "timelinetestdata.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#ifdef INSPECTOR_HAVE_PROTOBUF
#include "protobufcodec.h"
#endif

using namespace TimelineTestData;

class TestTimelineIo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportImportRoundTrip();
    void exportShownOnly();
    void exportCancelKeepsOldFile();
    void exportMasksSecretsByDefault();
    void exportWithSecretsIsLossless();
    void importReportsBadLines();
    void importShowsRowsBeforeItEnds();
    void importAcrossBlocks();
    void importLongLineAndEmptyFile();
    void importCancel();
    void importCancelledByAModelSignal();
    void importHar();
    void importCliRecording();
    void importMissingFile();
    void detectFormat_data();
    void detectFormat();

private:
    QList<Frame> sampleFrames() const;
    QList<Frame> framesWithSecrets() const;
    TimelineExporter::Summary exportTo(TimelineModel *model, const QString &file, bool includeSecrets);
    TimelineImporter::Summary importInto(TimelineModel *model, const QString &path);
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QTemporaryDir m_dir;
};

void TestTimelineIo::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QList<Frame> TestTimelineIo::sampleFrames() const
{
    QList<Frame> frames;
    frames << clientFrame(kConnectCommand);
    Frame reply = serverFrame(kConnectReply);
    reply.messages[0].rttMs = 7.5;
    frames << reply;
    frames << clientFrame(kSubscribeCommand);
    frames << serverFrame(kSubscribeReply + '\n' + kPublication + '\n' + kJoin);
    Frame error = serverFrame(kPermissionDenied);
    error.messages[0].method = Protocol::Method::Subscribe;
    frames << error;
    frames << serverFrame(kPing) << clientFrame(kPong);
#ifdef INSPECTOR_HAVE_PROTOBUF
    Frame binary;
    binary.timeMs = 1714564800555;
    binary.binary = true;
    binary.raw = ProtobufCodec::encodeReplies({QJsonDocument::fromJson(kPublication).object()});
    binary.messages = ProtobufCodec().decodeServerFrame(binary.raw);
    frames << binary;
#endif
    frames << closeFrame(3501, QStringLiteral("bad request"));
    return frames;
}

// Tokens as they travel: a JWT in connect, an opaque subscription token, a refresh, and (with Protobuf) a binary
// connect; then a publication that echoes the opaque token back.
namespace {
const QString kJwt = Jwt::sign(R"({"sub":"42","exp":4102444800})", "test-only-hmac-secret");
const QString kSignature = kJwt.section(QLatin1Char('.'), 2);
const QByteArray kOpaque = "opaque-subscription-token-4711";
} // namespace

QList<Frame> TestTimelineIo::framesWithSecrets() const
{
    QList<Frame> frames;
    frames << clientFrame(R"({"id":1,"connect":{"token":")" + kJwt.toUtf8() + R"(","name":"t"}})");
    frames << serverFrame(kConnectReply);
    frames << clientFrame(R"({"id":2,"subscribe":{"channel":"$private","token":")" + kOpaque + R"("}})");
    frames << clientFrame(R"({"id":3,"refresh":{"token":")" + kJwt.toUtf8() + R"("}})");
    frames << serverFrame(R"({"push":{"channel":"news","pub":{"data":{"echo":")" + kOpaque + R"("}}}})");
#ifdef INSPECTOR_HAVE_PROTOBUF
    Frame binary;
    binary.timeMs = 1714564800555;
    binary.direction = Protocol::Direction::Out;
    binary.binary = true;
    const QJsonObject connect{{QStringLiteral("id"), 4},
                              {QStringLiteral("connect"), QJsonObject{{QStringLiteral("token"), kJwt}}}};
    binary.raw = ProtobufCodec().encodeCommands({connect});
    binary.messages = ProtobufCodec().decodeClientFrame(binary.raw);
    frames << binary;
#endif
    return frames;
}

TimelineExporter::Summary TestTimelineIo::exportTo(TimelineModel *model, const QString &file, bool includeSecrets)
{
    TimelineExporter exporter(model);
    exporter.setIncludeSecrets(includeSecrets);
    QSignalSpy finished(&exporter, &TimelineExporter::finished);
    if (!exporter.start(file) || !finished.wait())
        qFatal("export did not run");
    return finished.first().first().value<TimelineExporter::Summary>();
}

TimelineImporter::Summary TestTimelineIo::importInto(TimelineModel *model, const QString &file)
{
    TimelineImporter importer(model);
    QSignalSpy finished(&importer, &TimelineImporter::finished);
    if (!importer.start(file)) {
        TimelineImporter::Summary failed;
        failed.error = importer.lastError();
        return failed;
    }
    if (!finished.wait(30000))
        qFatal("import did not finish");
    model->flush();
    return finished.first().first().value<TimelineImporter::Summary>();
}

void TestTimelineIo::exportImportRoundTrip()
{
    TimelineModel source;
    source.appendFrames(sampleFrames());
    source.flush();

    TimelineExporter exporter(&source);
    QSignalSpy finished(&exporter, &TimelineExporter::finished);
    QVERIFY(exporter.start(path("round.jsonl")));
    QVERIFY(exporter.isRunning());
    QVERIFY(finished.wait());
    const auto written = finished.first().first().value<TimelineExporter::Summary>();
    QVERIFY2(written.ok(), qPrintable(written.text()));
    QCOMPARE(written.frames, sampleFrames().size());
    QVERIFY(written.text().contains(QLatin1String("round.jsonl")));

    QFile file(path("round.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), sampleFrames().size() + 1); // last newline
    Frame first;
    QString error;
    QVERIFY2(FrameRecord::fromJsonLine(lines.first(), &first, &error), qPrintable(error));
    QCOMPARE(first.raw, kConnectCommand);

    TimelineModel back;
    const TimelineImporter::Summary read = importInto(&back, path("round.jsonl"));
    QVERIFY2(read.ok(), qPrintable(read.text()));
    QCOMPARE(read.frames, sampleFrames().size());
    QCOMPARE(read.badLines, 0);
    QCOMPARE(back.rowCount(), source.rowCount());
    QCOMPARE(back.frameCount(), source.frameCount());
    for (int row = 0; row < source.rowCount(); ++row) {
        for (int role : {int(TimelineModel::KindNameRole), int(TimelineModel::TimeRole), int(TimelineModel::RawRole),
                         int(TimelineModel::ChannelRole), int(TimelineModel::IdRole), int(TimelineModel::CodeRole),
                         int(TimelineModel::RttRole), int(TimelineModel::DirectionRole), int(TimelineModel::MethodRole),
                         int(TimelineModel::BinaryRole)}) {
            QCOMPARE(back.index(row, 0).data(role), source.index(row, 0).data(role));
        }
        QCOMPARE(back.messageAt(row).json(), source.messageAt(row).json());
        QCOMPARE(back.store().frameRowCount(row), source.store().frameRowCount(row));
    }
    QCOMPARE(back.frameAt(3).raw, source.frameAt(3).raw);
}

void TestTimelineIo::exportShownOnly()
{
    TimelineModel source;
    source.appendFrames(sampleFrames());
    source.flush();
    TimelineFilterModel filter(&source);
    TimelineFilter f;
    f.channel = QStringLiteral("news");
    // The subscribe command, its reply (which carries the command's channel) and the publication, both inside the
    // three-message frame.
    filter.setFilter(f);
#ifdef INSPECTOR_HAVE_PROTOBUF
    QCOMPARE(filter.rowCount(), 4);
#else
    QCOMPARE(filter.rowCount(), 3);
#endif
    TimelineExporter exporter(&source);
    QSignalSpy finished(&exporter, &TimelineExporter::finished);
    QVERIFY(exporter.start(path("shown.jsonl"), filter.serials()));
    QVERIFY(finished.wait());
    const auto written = finished.first().first().value<TimelineExporter::Summary>();
    QCOMPARE(written.frames, filter.rowCount() - 1); // the reply and the publication share their frame

    TimelineModel back;
    const TimelineImporter::Summary read = importInto(&back, path("shown.jsonl"));
    QVERIFY(read.ok());
    // Whole frames are written: the three-message frame comes back whole, with its join.
    QCOMPARE(back.rowCount(), filter.rowCount() + 1);
    QCOMPARE(back.index(1, 0).data(TimelineModel::KindNameRole).toString(), QStringLiteral("subscribe_reply"));
}

void TestTimelineIo::exportCancelKeepsOldFile()
{
    QFile old(path("keep.jsonl"));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old\n");
    old.close();
    TimelineModel source;
    source.appendFrames(sampleFrames());
    source.flush();
    TimelineExporter exporter(&source);
    QSignalSpy finished(&exporter, &TimelineExporter::finished);
    QVERIFY(exporter.start(path("keep.jsonl")));
    exporter.cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.first().first().value<TimelineExporter::Summary>().cancelled);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("old\n"));
    QVERIFY(!exporter.start(m_dir.filePath(QStringLiteral("missing-dir/x.jsonl"))));
    QVERIFY(!exporter.lastError().isEmpty());

    // Clearing the timeline stops an export: serials would point at new frames.
    QVERIFY(exporter.start(path("keep.jsonl")));
    source.clear();
    QCOMPARE(finished.count(), 2);
    QVERIFY(finished.last().first().value<TimelineExporter::Summary>().text().contains(QLatin1String("cleared")));
    QCOMPARE(old.readAll(), QByteArray()); // still open at its end: nothing new
    old.close();
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("old\n"));
}

void TestTimelineIo::exportMasksSecretsByDefault()
{
    TimelineModel source;
    source.appendFrames(framesWithSecrets());
    source.flush();
    const TimelineExporter::Summary written = exportTo(&source, path("masked.jsonl"), false);
    QVERIFY2(written.ok(), qPrintable(written.text()));
    QCOMPARE(written.frames, framesWithSecrets().size());
    QVERIFY(!written.secretsIncluded);
    // connect, subscribe, refresh, the echo, and the binary connect.
    const int binaryFrames = framesWithSecrets().size() - 5;
    QCOMPARE(written.maskedFrames, 4 + binaryFrames);
    QVERIFY2(written.text().contains(QLatin1String("masked")), qPrintable(written.text()));

    QFile file(path("masked.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains(kSignature.toUtf8()));
    QVERIFY(!text.contains(kOpaque));
    QVERIFY(text.contains("eyJhbGciOi…(masked)"));
    QVERIFY(text.contains("***(masked)"));
    // Base64 of the Protobuf frame: decode each line and look inside, too.
    const QList<QByteArray> lines = text.trimmed().split('\n');
    QCOMPARE(lines.size(), framesWithSecrets().size());
    for (const QByteArray &line : lines) {
        Frame f;
        QString error;
        QVERIFY2(FrameRecord::fromJsonLine(line, &f, &error), qPrintable(error));
        QVERIFY2(!f.raw.contains(kSignature.toUtf8()), line.constData());
        QVERIFY(!f.raw.contains(kOpaque));
        for (const ProtocolMessage &m : std::as_const(f.messages))
            QVERIFY(!QJsonDocument(m.json()).toJson().contains(kSignature.toUtf8()));
    }
    // A masked export is still a recording: it imports with every frame and no bad line.
    TimelineModel back;
    const TimelineImporter::Summary read = importInto(&back, path("masked.jsonl"));
    QVERIFY2(read.ok(), qPrintable(read.text()));
    QCOMPARE(read.badLines, 0);
    QCOMPARE(back.rowCount(), source.rowCount());
    QCOMPARE(back.messageAt(0).method, Protocol::Method::Connect);
    QCOMPARE(back.messageAt(2).channel, QStringLiteral("$private"));
}

void TestTimelineIo::exportWithSecretsIsLossless()
{
    TimelineModel source;
    source.appendFrames(framesWithSecrets());
    source.flush();
    const TimelineExporter::Summary written = exportTo(&source, path("secrets.jsonl"), true);
    QVERIFY2(written.ok(), qPrintable(written.text()));
    QVERIFY(written.secretsIncluded);
    QCOMPARE(written.maskedFrames, 0);
    QVERIFY(written.text().contains(QLatin1String("Secrets are included")));

    QFile file(path("secrets.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    const QList<Frame> frames = framesWithSecrets();
    QCOMPARE(lines.size(), frames.size());
    for (qsizetype i = 0; i < frames.size(); ++i)
        QCOMPARE(lines.at(i), FrameRecord::toJsonLine(frames.at(i)));
    TimelineModel back;
    QVERIFY(importInto(&back, path("secrets.jsonl")).ok());
    QCOMPARE(back.rowCount(), source.rowCount());
    for (int row = 0; row < source.rowCount(); ++row) {
        QCOMPARE(back.frameAt(row).raw, source.frameAt(row).raw);
        QCOMPARE(back.messageAt(row).json(), source.messageAt(row).json());
    }
}

void TestTimelineIo::importReportsBadLines()
{
    QFile file(path("bad.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(FrameRecord::toJsonLine(serverFrame(kPublication)) + '\n');
    file.write("\n");                     // line 2: blank, ignored
    file.write("this is not a record\n"); // line 3: bad
    file.write(FrameRecord::toJsonLine(serverFrame(kJoin)) + "\r\n");
    file.write("{\"time\":\"2024-05-01T12:00:00.123Z\"}\n"); // line 5: bad
    file.write(FrameRecord::toJsonLine(serverFrame(kPing))); // no final newline
    file.close();

    TimelineModel model;
    const TimelineImporter::Summary s = importInto(&model, path("bad.jsonl"));
    QVERIFY(s.error.isEmpty());
    QCOMPARE(s.format, TimelineImporter::Format::JsonLines);
    QCOMPARE(s.frames, 3);
    QCOMPARE(s.badLines, 2);
    QCOMPARE(s.firstBadLine, 3);
    QVERIFY(!s.firstError.isEmpty());
    QVERIFY2(s.text().contains(QLatin1String("line 3")), qPrintable(s.text()));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, 0).data(TimelineModel::KindNameRole).toString(), QStringLiteral("ping"));
}

void TestTimelineIo::importCliRecording()
{
    // Lines as the CLI writes them (FrameJson::FromRaw): "raw" is left out where "frame" is the payload itself.
    const QList<Frame> frames = {
        clientFrame(kSubscribeCommand), serverFrame(kSubscribeReply + '\n' + kPublication + '\n' + kJoin),
        serverFrame(kPublication), serverFrame(kPublication + "\r\n"), closeFrame(3501, QStringLiteral("bad request"))};
    QFile file(path("cli.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    int withoutRaw = 0;
    int rows = 0;
    for (const Frame &f : frames) {
        const QByteArray line = FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw);
        withoutRaw += line.contains("\"raw\":") ? 0 : 1;
        rows += int(f.messages.size());
        file.write(line + '\n');
    }
    file.close();
    QCOMPARE(withoutRaw, 2); // the three-message frame and the lone publication

    TimelineModel model;
    const TimelineImporter::Summary read = importInto(&model, path("cli.jsonl"));
    QVERIFY2(read.ok(), qPrintable(read.text()));
    QCOMPARE(read.badLines, 0);
    QCOMPARE(model.rowCount(), rows);
    int row = 0;
    for (const Frame &f : frames) {
        for (qsizetype i = 0; i < f.messages.size(); ++i, ++row) {
            QCOMPARE(model.frameAt(row).raw, f.raw);
            QCOMPARE(model.messageAt(row).kind, f.messages.at(i).kind);
            // A reply carries the channel of the command it answers (the subscribe command, first in the file).
            const ProtocolMessage &command = frames.first().messages.first();
            const ProtocolMessage &m = f.messages.at(i);
            const bool answersCommand = m.kind == Protocol::MessageKind::Reply && m.id == command.id;
            QCOMPARE(model.messageAt(row).channel, answersCommand ? command.channel : m.channel);
        }
    }
    QCOMPARE(model.messageAt(2).json(), QJsonDocument::fromJson(kPublication).object());
}

void TestTimelineIo::importShowsRowsBeforeItEnds()
{
    QFile file(path("big.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const int n = 200000;
    QByteArray chunk;
    for (int i = 0; i < n; ++i) {
        chunk += FrameRecord::toJsonLine(publication(i, QStringLiteral("feed:%1").arg(i % 7))) + '\n';
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    file.close();

    TimelineModel model;
    TimelineImporter importer(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy progress(&importer, &TimelineImporter::progress);
    QSignalSpy finished(&importer, &TimelineImporter::finished);
    QVERIFY(importer.start(path("big.jsonl")));
    QCOMPARE(model.rowCount(), 0); // nothing happens inside start(): the event loop runs the slices
    QVERIFY(inserted.wait());
    QVERIFY(finished.isEmpty()); // rows are on screen before the import ends
    QVERIFY(model.rowCount() > 0);
    QVERIFY(finished.wait(60000));
    QVERIFY(inserted.count() > 1);
    QCOMPARE(model.rowCount(), n);
    QCOMPARE(progress.last().at(0).toLongLong(), file.size());
    QCOMPARE(model.index(n - 1, 0).data(TimelineModel::TimeRole).toLongLong(), publication(n - 1).timeMs);
    QCOMPARE(model.store().channels().size(), 8);
}

void TestTimelineIo::importAcrossBlocks()
{
    // Enough lines for many read blocks (the first is small, the others about 2 MiB), with CRLF endings, blank
    // lines, bad lines far into the file and a truncated last line: every good line is loaded in order, every bad
    // one is counted, and the first is reported with its line number in the whole file.
    QFile file(path("blocks.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QList<Frame> expected;
    QByteArray data;
    qint64 line = 0;
    qint64 firstBad = 0;
    int bad = 0;
    for (int i = 0; i < 40000; ++i) {
        Frame f = publication(i, QStringLiteral("feed:%1").arg(i % 5));
        if (i % 1000 == 7)
            f = serverFrame(kSubscribeReply + '\n' + kPublication, f.timeMs); // two messages: the full reader
        if (i % 3 == 0)
            f.direction = Protocol::Direction::Out;
        data += FrameRecord::toJsonLine(f) + (i % 2 ? "\r\n" : "\n");
        ++line;
        expected << f;
        if (i % 9973 == 9972) {
            data += "\r\n"; // blank
            ++line;
            data += "{\"time\":\"2024-05-01T12:00:00.123Z\",\"dir\":\"in\"}\n"; // no kind, no raw
            ++line;
            ++bad;
            if (firstBad == 0)
                firstBad = line;
        }
    }
    const QByteArray last = FrameRecord::toJsonLine(publication(40000));
    data += last.left(last.size() / 2); // cut off in the middle, no newline
    ++line;
    ++bad;
    QVERIFY(data.size() > 5 * 1024 * 1024);
    QVERIFY(firstBad > 9000);
    file.write(data);
    file.close();

    TimelineModel model;
    const TimelineImporter::Summary s = importInto(&model, path("blocks.jsonl"));
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.frames, expected.size());
    QCOMPARE(s.badLines, bad);
    QCOMPARE(s.firstBadLine, firstBad);
    QVERIFY2(s.text().contains(QStringLiteral("line %L1").arg(firstBad)), qPrintable(s.text()));
    QCOMPARE(model.frameCount(), expected.size());

    TimelineModel direct;
    direct.appendFrames(expected);
    direct.flush();
    QCOMPARE(model.rowCount(), direct.rowCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex a = model.index(row, 0);
        const QModelIndex b = direct.index(row, 0);
        QCOMPARE(a.data(TimelineModel::TimeRole), b.data(TimelineModel::TimeRole));
        QCOMPARE(a.data(TimelineModel::DirectionRole), b.data(TimelineModel::DirectionRole));
        QCOMPARE(a.data(TimelineModel::KindNameRole), b.data(TimelineModel::KindNameRole));
        QCOMPARE(a.data(TimelineModel::ChannelRole), b.data(TimelineModel::ChannelRole));
        QCOMPARE(a.data(TimelineModel::RawRole), b.data(TimelineModel::RawRole));
    }
}

void TestTimelineIo::importLongLineAndEmptyFile()
{
    // One frame longer than a read block, between two short ones.
    const QByteArray text(3 * 1024 * 1024, 'y');
    const Frame big = serverFrame(R"({"push":{"channel":"big","pub":{"data":")" + text + R"("}}})");
    QFile file(path("long.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(FrameRecord::toJsonLine(serverFrame(kPing)) + '\n');
    file.write(FrameRecord::toJsonLine(big) + '\n');
    file.write(FrameRecord::toJsonLine(serverFrame(kJoin)) + '\n');
    file.close();
    TimelineModel model;
    TimelineImporter::Summary s = importInto(&model, path("long.jsonl"));
    QVERIFY2(s.ok(), qPrintable(s.text()));
    QCOMPARE(s.frames, 3);
    QCOMPARE(s.badLines, 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, 0).data(TimelineModel::RawRole).toByteArray(), big.raw);
    QCOMPARE(model.index(2, 0).data(TimelineModel::KindNameRole).toString(), QStringLiteral("push_join"));

    QFile empty(path("empty.jsonl"));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    TimelineModel none;
    s = importInto(&none, path("empty.jsonl"));
    QVERIFY2(s.ok(), qPrintable(s.text()));
    QCOMPARE(s.frames, 0);
    QCOMPARE(none.rowCount(), 0);
}

void TestTimelineIo::importCancel()
{
    QFile file(path("cancel.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray data;
    for (int i = 0; i < 200000; ++i) {
        data += FrameRecord::toJsonLine(publication(i)) + '\n';
        if (data.size() > (1 << 20)) {
            file.write(data);
            data.clear();
        }
    }
    file.write(data);
    file.close();
    TimelineModel model;
    TimelineImporter importer(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy finished(&importer, &TimelineImporter::finished);
    QVERIFY(importer.start(path("cancel.jsonl")));
    QVERIFY(inserted.wait());
    importer.cancel();
    QCOMPARE(finished.count(), 1);
    const TimelineImporter::Summary s = finished.first().first().value<TimelineImporter::Summary>();
    QVERIFY(s.cancelled);
    QVERIFY(!importer.isRunning());
    model.flush();
    QCOMPARE(model.frameCount(), s.frames); // what was imported is what the summary says
    QVERIFY(s.frames < 200000);
    // Nothing arrives after the cancel (this wait can only make the test fail, not pass).
    const int rows = model.rowCount();
    QTest::qWait(50);
    QCOMPARE(model.rowCount(), rows);
}

void TestTimelineIo::importCancelledByAModelSignal()
{
    // A slot on the model cancels the import while a block is being added (the cap drops rows and says so):
    // the import ends once, as cancelled, and nothing is touched after it.
    QFile file(path("cancel-from-model.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray data;
    for (int i = 0; i < 50000; ++i)
        data += FrameRecord::toJsonLine(publication(i)) + '\n';
    file.write(data);
    file.close();
    TimelineModel model;
    model.setCap(100);
    auto importer = std::make_unique<TimelineImporter>(&model);
    QSignalSpy finished(importer.get(), &TimelineImporter::finished);
    connect(&model, &TimelineModel::droppedCountChanged, importer.get(), &TimelineImporter::cancel);
    QVERIFY(importer->start(path("cancel-from-model.jsonl")));
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 1);
    const TimelineImporter::Summary s = finished.first().first().value<TimelineImporter::Summary>();
    QVERIFY(s.cancelled);
    QVERIFY(!importer->isRunning());
    // Destroying the importer waits for its parser threads: none is left running.
    importer.reset();
    model.flush();
    QCOMPARE(model.frameCount() + model.droppedCount(), s.frames); // one row per publication
}

void TestTimelineIo::importHar()
{
    TimelineModel model;
    const TimelineImporter::Summary s =
        importInto(&model, qEnvironmentVariable("INSPECTOR_SOURCE_DIR") +
                               QLatin1String("/tests/models/data/centrifugo-session.har"));
    QCOMPARE(s.format, TimelineImporter::Format::Har);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.frames, 11);
    QCOMPARE(s.badLines, 2);
    QVERIFY2(s.text().contains(QLatin1String("WebSocket connections: 2 (")), qPrintable(s.text()));
    QVERIFY2(s.text().contains(QLatin1String("control frames not shown: 1.")), qPrintable(s.text()));
    QCOMPARE(model.frameCount(), 11);
    QCOMPARE(model.index(model.rowCount() - 1, TimelineModel::KindColumn).data().toString(),
             QStringLiteral("disconnect 3501"));
}

void TestTimelineIo::importMissingFile()
{
    TimelineModel model;
    TimelineImporter importer(&model);
    QSignalSpy finished(&importer, &TimelineImporter::finished);
    QVERIFY(!importer.start(path("nope.jsonl")));
    QVERIFY(importer.lastError().contains(QLatin1String("nope.jsonl")));
    QCOMPARE(finished.count(), 0);
}

void TestTimelineIo::detectFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<TimelineImporter::Format>("format");
    const QByteArray record = FrameRecord::toJsonLine(serverFrame(kPing));
    QTest::newRow("har by name") << "a.HAR" << record << TimelineImporter::Format::Har;
    QTest::newRow("jsonl by name") << "a.jsonl" << QByteArray("{\n \"log\": {") << TimelineImporter::Format::JsonLines;
    QTest::newRow("record content") << "a.txt" << (record + "\n" + record) << TimelineImporter::Format::JsonLines;
    QTest::newRow("har content") << "a.json" << QByteArray("{\n  \"log\": {\n    \"version\": \"1.2\",")
                                 << TimelineImporter::Format::Har;
    QTest::newRow("one-line har") << "a" << QByteArray(R"({"log":{"entries":[]}})") << TimelineImporter::Format::Har;
}

void TestTimelineIo::detectFormat()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, head);
    QFETCH(TimelineImporter::Format, format);
    QCOMPARE(TimelineImporter::detectFormat(name, head), format);
}

QTEST_GUILESS_MAIN(TestTimelineIo)
#include "tst_timelineio.moc"
