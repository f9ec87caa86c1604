// The recording file writer (core/recording/recordwriter): order, flushing, a full disk.
#include "framerecord.h"
#include "recordwriter.h"
#include "timelinetestdata.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A writer on a new file in dir.
bool openRecord(const QTemporaryDir &dir, RecordWriter *writer, QString *path)
{
    *path = dir.filePath(QStringLiteral("record.jsonl"));
    QString error;
    if (dir.isValid() && writer->open(*path, &error))
        return true;
    qWarning("cannot open %s: %s", qPrintable(*path), qPrintable(error));
    return false;
}

} // namespace

class TestRecordWriter : public QObject
{
    Q_OBJECT

private slots:
    void keepsEveryFrameInOrder_data();
    void keepsEveryFrameInOrder();
    void flushReachesTheFile();
    void reportsAFullDisk();
};

void TestRecordWriter::keepsEveryFrameInOrder_data()
{
    // Where each frame's line is formatted: runs of `run` frames on the writer thread, then `run` formatted here
    // (0: all on the writer thread; -1: all here). Short runs switch inside every batch, long ones between batches.
    QTest::addColumn<int>("run");
    QTest::newRow("writer thread") << 0;
    QTest::newRow("here") << -1;
    QTest::newRow("switching every 7 frames") << 7;
    QTest::newRow("switching every 3000 frames") << 3000;
}

void TestRecordWriter::keepsEveryFrameInOrder()
{
    // Enough frames for many batches to cross to the writer thread while the test thread keeps queueing, and a
    // message whose JSON the test opens (json() caches lazily) while its copy may be written.
    QFETCH(int, run);
    QTemporaryDir dir;
    RecordWriter writer;
    QString path;
    QVERIFY(openRecord(dir, &writer, &path));
    constexpr int kFrames = 20000;
    QByteArray expected;
    for (int i = 0; i < kFrames; ++i) {
        Frame f = TimelineTestData::serverFrame(
            QByteArrayLiteral("{\"push\":{\"channel\":\"c\",\"pub\":{\"data\":{\"seq\":") + QByteArray::number(i) +
            QByteArrayLiteral("}}}}\n{\"push\":{\"channel\":\"d\",\"pub\":{}}}"));
        f.timeMs = 1700000000000 + i;
        const bool here = run < 0 || (run > 0 && (i / run) % 2 == 1);
        writer.write(f, here ? RecordWriter::Format::Here : RecordWriter::Format::OnWriterThread);
        QCOMPARE(f.messages.first().json().value(QLatin1String("push")).toObject().value(QLatin1String("channel")),
                 QJsonValue(QStringLiteral("c")));
        FrameRecord::appendJsonLine(f, &expected, FrameRecord::FrameJson::FromRaw);
    }
    QCOMPARE(writer.linesWritten(), qint64(kFrames));
    QVERIFY2(writer.close(), qPrintable(writer.errorString()));
    QVERIFY(!writer.failed());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QCOMPARE(written.count('\n'), kFrames);
    QVERIFY(written == expected);
}

void TestRecordWriter::flushReachesTheFile()
{
    // A quiet connection: one frame, far below a batch, must reach the file after flush() without close().
    QTemporaryDir dir;
    RecordWriter writer;
    QString path;
    QVERIFY(openRecord(dir, &writer, &path));
    const Frame f = TimelineTestData::serverFrame(R"({"push":{"channel":"c","pub":{"data":1}}})");
    writer.write(f);
    writer.flush();
    const qint64 lineSize = FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw).size() + 1;
    QTRY_COMPARE(QFileInfo(path).size(), lineSize);
    QVERIFY(writer.close());
    QCOMPARE(QFileInfo(path).size(), lineSize);
}

void TestRecordWriter::reportsAFullDisk()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("/dev/full is not available here");
    RecordWriter writer;
    QString error;
    QVERIFY2(writer.open(QStringLiteral("/dev/full"), &error), qPrintable(error));
    const Frame f = TimelineTestData::serverFrame(R"({"push":{"channel":"c","pub":{"data":1}}})");
    writer.write(f);
    QVERIFY(!writer.close());
    QVERIFY(writer.failed());
    QVERIFY2(writer.errorString().contains(QStringLiteral("Writing the record file failed")),
             qPrintable(writer.errorString()));
    // Once failed, frames are refused instead of piling up.
    RecordWriter again;
    QVERIFY(again.open(QStringLiteral("/dev/full"), &error));
    for (int i = 0; i < 5000 && !again.failed(); ++i) {
        again.write(f);
        again.flush();
    }
    QTRY_VERIFY(again.failed());
    QVERIFY(!again.close());
}

QTEST_GUILESS_MAIN(TestRecordWriter)
#include "tst_recordwriter.moc"
