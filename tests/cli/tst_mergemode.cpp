// --merge: RecordMerger's k-way merge (time order, file order on ties, sources, bad lines counted) and the CLI
// binary writing a merged recording whose every line names its source and reads back as the same frame.
#include "framerecord.h"
#include "recordlineparser.h"
#include "recordmerger.h"
#include "timelinetestdata.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Frame pubFrame(qint64 timeMs, const QString &channel, int n)
{
    return TimelineTestData::serverFrame(
        u"{\"push\":{\"channel\":\"%1\",\"pub\":{\"data\":{\"n\":%2}}}}"_s.arg(channel).arg(n).toUtf8(), timeMs);
}

// A recording with frames at these times (ms), n = the time.
void writeRecording(const QString &path, const QList<qint64> &times, const QByteArray &extraLine = QByteArray())
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (qint64 t : times) {
        file.write(FrameRecord::toJsonLine(pubFrame(1'700'000'000'000 + t, u"c"_s, int(t))));
        file.write("\n");
        if (t == times.constFirst() && !extraLine.isEmpty())
            file.write(extraLine + "\n");
    }
}

} // namespace

class TestMergeMode : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void mergesInTimeOrder()
    {
        writeRecording(path(u"alice.jsonl"_s), {1, 5, 9});
        writeRecording(path(u"bob.jsonl"_s), {2, 5, 6, 20}, "not json");
        writeRecording(path(u"carol.jsonl"_s), {});
        RecordMerger merger;
        QString error;
        QVERIFY(merger.open({path(u"alice.jsonl"_s), path(u"bob.jsonl"_s), path(u"carol.jsonl"_s)}, &error));
        QCOMPARE(merger.fileCount(), 3);
        QCOMPARE(merger.sourceName(0), u"alice"_s);
        QList<qint64> times;
        QList<int> files;
        RecordMerger::Line line;
        while (merger.next(&line)) {
            times.append(line.timeMs - 1'700'000'000'000);
            files.append(line.file);
        }
        QCOMPARE(times, (QList<qint64>{1, 2, 5, 5, 6, 9, 20}));
        QCOMPARE(files, (QList<int>{0, 1, 0, 1, 1, 0, 1})); // a tie goes to the file given first
        QCOMPARE(merger.badLines(), 1);
        QVERIFY2(merger.firstBadLine().contains(u"bob.jsonl line 2"_s), qPrintable(merger.firstBadLine()));
        QVERIFY(!merger.open({path(u"missing.jsonl"_s)}, &error));
        QVERIFY(error.contains(u"missing.jsonl"_s));
    }

    void sourceField()
    {
        const QByteArray line = "{\"time\":\"2024-05-01T12:00:00.123Z\",\"dir\":\"in\"}";
        const QByteArray named = RecordMerger::withSource(line, u"QA \"1\""_s);
        QCOMPARE(named,
                 QByteArray("{\"source\":\"QA \\\"1\\\"\",\"time\":\"2024-05-01T12:00:00.123Z\",\"dir\":\"in\"}"));
        QCOMPARE(RecordMerger::sourceOf(named), u"QA \"1\""_s);
        QCOMPARE(RecordMerger::sourceOf(line), QString());
        // A line that names its source keeps it.
        QCOMPARE(RecordMerger::withSource(named, u"other"_s), named);
        qint64 t = 0;
        QString error;
        QVERIFY(RecordMerger::timeOf(named, &t, &error));
        QCOMPARE(RecordMerger::defaultSourceName(u"/x/y/client-b.jsonl"_s), u"client-b"_s);
    }

    void cliWritesAMergedRecording()
    {
        writeRecording(path(u"a.jsonl"_s), {3, 4});
        writeRecording(path(u"b.jsonl"_s), {1, 10});
        QProcess cli;
        cli.start(QStringLiteral(INSPECTOR_CLI_BINARY),
                  {u"--merge"_s, path(u"a.jsonl"_s), path(u"b.jsonl"_s), u"--record"_s, path(u"merged.jsonl"_s)});
        QVERIFY(cli.waitForFinished(30000));
        const QString err = QString::fromLocal8Bit(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY2(err.contains(u"4"_s), qPrintable(err));
        QFile merged(path(u"merged.jsonl"_s));
        QVERIFY(merged.open(QIODevice::ReadOnly));
        QStringList sources;
        QList<qint64> times;
        while (!merged.atEnd()) {
            const QByteArray line = merged.readLine();
            sources.append(RecordMerger::sourceOf(RecordLineParser::chopNewline(line)));
            // Every merged line is still a record line for both readers.
            Frame full;
            Frame fast;
            QString error;
            QVERIFY2(FrameRecord::fromJsonLine(line, &full, &error), qPrintable(error));
            QVERIFY2(RecordLineParser::parse(line, &fast, &error), qPrintable(error));
            QCOMPARE(fast.timeMs, full.timeMs);
            QCOMPARE(full.raw,
                     pubFrame(full.timeMs - 1'700'000'000'000, u"c"_s, int(full.timeMs - 1'700'000'000'000)).raw);
            times.append(full.timeMs - 1'700'000'000'000);
        }
        QCOMPARE(times, (QList<qint64>{1, 3, 4, 10}));
        QCOMPARE(sources, (QStringList{u"b"_s, u"a"_s, u"a"_s, u"b"_s}));

        // Merged again with a third client: the first merge's sources stay.
        writeRecording(path(u"c.jsonl"_s), {2});
        QProcess again;
        again.start(QStringLiteral(INSPECTOR_CLI_BINARY), {u"--merge"_s, path(u"merged.jsonl"_s), path(u"c.jsonl"_s)});
        QVERIFY(again.waitForFinished(30000));
        QCOMPARE(again.exitCode(), 0);
        const QList<QByteArray> lines = again.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QCOMPARE(RecordMerger::sourceOf(lines.at(1)), u"c"_s);
        QCOMPARE(RecordMerger::sourceOf(lines.at(0)), u"b"_s);

        // A file that cannot be read: usage error, nothing merged.
        QProcess missing;
        missing.start(QStringLiteral(INSPECTOR_CLI_BINARY), {u"--merge"_s, path(u"nope.jsonl"_s)});
        QVERIFY(missing.waitForFinished(30000));
        QCOMPARE(missing.exitCode(), 2);
        QVERIFY(missing.readAllStandardError().contains("nope.jsonl"));
    }
};

QTEST_MAIN(TestMergeMode)
#include "tst_mergemode.moc"
