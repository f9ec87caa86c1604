// Memory of importing large files: a JSON Lines recording and a HAR file, generated here (INSPECTOR_IMPORT_MB
// megabytes each, default 128), imported into a TimelineModel while the peak resident set size is watched
// (VmHWM, reset through /proc/self/clear_refs). And: a failed or empty import in Replace mode keeps the timeline.
#include "framerecord.h"
#include "jsoncodec.h"
#include "timelineimporter.h"
#include "timelinemodel.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr qint64 kMiB = 1024 * 1024;

qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// Resets the peak (VmHWM) to the current resident set; false where the kernel does not support it.
bool resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

qint64 targetBytes()
{
    const int mb = qEnvironmentVariableIntValue("INSPECTOR_IMPORT_MB");
    return (mb > 0 ? mb : 128) * kMiB;
}

QByteArray pushLine(qint64 n)
{
    return "{\"push\":{\"channel\":\"news\",\"pub\":{\"data\":{\"text\":\"publication number " + QByteArray::number(n) +
           " of a large recording\",\"n\":" + QByteArray::number(n) + "},\"offset\":" + QByteArray::number(n) + "}}}";
}

// Writes frames of pushes until the file has `bytes`; returns the frame count.
qint64 writeJsonLines(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    const JsonCodec codec;
    qint64 n = 0;
    QByteArray batch;
    while (file.size() + batch.size() < bytes) {
        Frame f;
        f.timeMs = 1714564800000 + n;
        f.raw = pushLine(n);
        f.messages = codec.decodeServerFrame(f.raw);
        FrameRecord::appendJsonLine(f, &batch, FrameRecord::FrameJson::FromRaw);
        ++n;
        if (batch.size() > 4 * kMiB) {
            file.write(batch);
            batch.clear();
        }
    }
    file.write(batch);
    return n;
}

// A Chrome-style HAR with one WebSocket connection; returns the message count.
qint64 writeHar(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    file.write(R"({"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[)"
               R"({"_resourceType":"websocket","request":{"method":"GET","url":"ws://127.0.0.1:8000/connection/)"
               R"(websocket","headers":[]},"response":{"status":101},"_webSocketMessages":[)");
    qint64 n = 0;
    QByteArray batch;
    while (file.size() + batch.size() < bytes) {
        QByteArray data = pushLine(n);
        data.replace("\"", "\\\"");
        if (n > 0)
            batch += ",\n";
        batch += "{\"type\":\"receive\",\"time\":" + QByteArray::number(1714564800.0 + double(n) / 1000.0, 'f', 3) +
                 ",\"opcode\":1,\"data\":\"" + data + "\"}";
        ++n;
        if (batch.size() > 4 * kMiB) {
            file.write(batch);
            batch.clear();
        }
    }
    file.write(batch);
    file.write("]}]}}\n");
    return n;
}

struct Measured
{
    TimelineImporter::Summary summary;
    qint64 peakGrowth = 0; // bytes above the resident set before the import
};

Measured importMeasured(TimelineModel *model, const QString &path)
{
    Measured out;
    const qint64 before = statusKiB("VmRSS:") * 1024;
    resetPeak();
    TimelineImporter importer(model);
    QSignalSpy finished(&importer, &TimelineImporter::finished);
    if (!importer.start(path))
        return out;
    if (!finished.wait(300000))
        return out;
    out.summary = finished.first().first().value<TimelineImporter::Summary>();
    out.peakGrowth = statusKiB("VmHWM:") * 1024 - before;
    return out;
}

} // namespace

class TestImportMemory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void largeJsonLines();
    void largeHar();
    void failedImportKeepsTimeline_data();
    void failedImportKeepsTimeline();

private:
    QTemporaryDir m_dir;
};

void TestImportMemory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!resetPeak())
        QSKIP("/proc/self/clear_refs cannot reset the peak resident set here");
}

void TestImportMemory::largeJsonLines()
{
    const QString path = m_dir.filePath(QStringLiteral("large.jsonl"));
    const qint64 frames = writeJsonLines(path, targetBytes());
    QVERIFY(frames > 0);
    const qint64 size = QFileInfo(path).size();
    TimelineModel model;
    const Measured m = importMeasured(&model, path);
    QVERIFY2(m.summary.ok(), qPrintable(m.summary.text()));
    QCOMPARE(m.summary.frames, frames);
    QCOMPARE(model.frameCount(), frames);
    qInfo("JSON Lines: file %lld MiB, %lld frames, peak resident set +%lld MiB (%.2fx the file)", size / kMiB, frames,
          m.peakGrowth / kMiB, double(m.peakGrowth) / double(size));
    QVERIFY2(m.peakGrowth < 2 * size, qPrintable(QString::number(m.peakGrowth / kMiB)));
    QFile::remove(path);
}

void TestImportMemory::largeHar()
{
    const QString path = m_dir.filePath(QStringLiteral("large.har"));
    const qint64 messages = writeHar(path, targetBytes());
    QVERIFY(messages > 0);
    const qint64 size = QFileInfo(path).size();
    TimelineModel model;
    const Measured m = importMeasured(&model, path);
    QVERIFY2(m.summary.ok(), qPrintable(m.summary.text()));
    QCOMPARE(m.summary.frames, messages);
    QCOMPARE(model.frameCount(), messages);
    qInfo("HAR: file %lld MiB, %lld frames, peak resident set +%lld MiB (%.2fx the file)", size / kMiB, messages,
          m.peakGrowth / kMiB, double(m.peakGrowth) / double(size));
    // The frames kept are smaller than the file (no escaping, no per-message fields); what is read is one block
    // and one message at a time.
    QVERIFY2(m.peakGrowth < size * 3 / 2, qPrintable(QString::number(m.peakGrowth / kMiB)));
    QFile::remove(path);
}

void TestImportMemory::failedImportKeepsTimeline_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty JSON Lines") << "empty.jsonl" << QByteArray();
    QTest::newRow("only bad lines") << "bad.jsonl" << QByteArray("not a record\n{\"also\":\"not\"}\n");
    QTest::newRow("not JSON, as HAR") << "broken.har" << QByteArray("{\"log\": [");
    QTest::newRow("HAR without WebSocket")
        << "none.har" << QByteArray(R"({"log":{"entries":[{"request":{"url":"http://x"}}]}})");
    QTest::newRow("missing file") << "" << QByteArray();
}

void TestImportMemory::failedImportKeepsTimeline()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    const QString path = m_dir.filePath(name.isEmpty() ? QStringLiteral("does-not-exist.jsonl") : name);
    if (!name.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    TimelineModel model;
    const JsonCodec codec;
    for (int i = 0; i < 3; ++i) {
        Frame f;
        f.raw = pushLine(i);
        f.messages = codec.decodeServerFrame(f.raw);
        model.appendFrame(f);
    }
    model.flush();
    QCOMPARE(model.rowCount(), 3);
    TimelineImporter importer(&model);
    QSignalSpy finished(&importer, &TimelineImporter::finished);
    if (importer.start(path, TimelineImporter::Format::Auto, TimelineImporter::Mode::Replace)) {
        QVERIFY(finished.wait(10000));
        const auto summary = finished.first().first().value<TimelineImporter::Summary>();
        QCOMPARE(summary.frames, 0);
    } else {
        QVERIFY(!importer.lastError().isEmpty());
    }
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(2, 0), TimelineModel::RawRole).toByteArray(), pushLine(2));

    // A file with frames does replace it.
    const QString good = m_dir.filePath(QStringLiteral("good.jsonl"));
    const qint64 goodFrames = writeJsonLines(good, 100000);
    QVERIFY(goodFrames > 3);
    finished.clear();
    QVERIFY(importer.start(good, TimelineImporter::Format::Auto, TimelineImporter::Mode::Replace));
    QVERIFY(finished.wait(10000));
    const auto summary = finished.first().first().value<TimelineImporter::Summary>();
    QCOMPARE(summary.frames, goodFrames);
    QCOMPARE(model.frameCount(), goodFrames); // the three earlier frames are gone
    QCOMPARE(model.data(model.index(0, 0), TimelineModel::TimeRole).toLongLong(), 1714564800000);
}

QTEST_GUILESS_MAIN(TestImportMemory)
#include "tst_importmemory.moc"
