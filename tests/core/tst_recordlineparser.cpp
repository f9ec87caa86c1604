#include "framecompare.h"
#include "framerecord.h"
#include "recordlineparser.h"
#include "recordlinerows.h"

#include <QtTest>

class TestRecordLineParser : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithFrameRecord_data();
    void agreesWithFrameRecord();
    void badLines_data();
    void badLines();
    void handWrittenLine();

private:
    static void agreesForLine(const Frame &frame, bool fast, const QByteArray &line);
};

void TestRecordLineParser::agreesWithFrameRecord_data()
{
    RecordLineRows::addFrames();
}

void TestRecordLineParser::agreesWithFrameRecord()
{
    QFETCH(Frame, frame);
    QFETCH(bool, fast);
    // FromRaw, the CLI's mode, leaves "raw" out when "frame" is the payload: the scanner reads that too. A server's
    // Protobuf frame written without "raw" must be converted back to its bytes: the full reader does that.
    for (const auto mode : {FrameRecord::FrameJson::FromJson, FrameRecord::FrameJson::FromRaw}) {
        const QByteArray line = FrameRecord::toJsonLine(frame, mode);
        const bool protobufWithoutRaw = frame.binary && !line.contains("\"raw\":");
        agreesForLine(frame, fast && !protobufWithoutRaw, line);
    }
}

void TestRecordLineParser::agreesForLine(const Frame &frame, bool fast, const QByteArray &line)
{
    Frame expected;
    QString error;
    QVERIFY2(FrameRecord::fromJsonLine(line, &expected, &error), qPrintable(error));
    Frame scanned;
    QCOMPARE(RecordLineParser::parseFast(line, &scanned), fast);
    Frame got;
    QVERIFY2(RecordLineParser::parse(QByteArray(line + "\r\n"), &got, &error), qPrintable(error));

    QCOMPARE(got.raw, frame.raw);
    // The full reader keeps the decoded JSON; the fast path leaves it to be decoded when opened.
    TestSupport::compareFrames(got, expected, fast ? TestSupport::CompareJson::No : TestSupport::CompareJson::Yes);
}

void TestRecordLineParser::badLines_data()
{
    RecordLineRows::addBadLines();
}

void TestRecordLineParser::badLines()
{
    QFETCH(QByteArray, line);
    Frame f;
    QString error;
    QVERIFY(!RecordLineParser::parse(line, &f, &error));
    QVERIFY(!error.isEmpty());
}

void TestRecordLineParser::handWrittenLine()
{
    // Spaces, another key order and an escaped slash are fine for the scanner too.
    const QByteArray line =
        R"( { "raw" : "{\"push\":{\"channel\":\"a\\/b\",\"pub\":{\"data\":1}}}" , "kind":"push_pub", )"
        R"("channel":"a/b", "dir":"in", "time":"2024-05-01T12:00:00.123Z", "frame": {"push": {"x": [1, "]"]}} } )";
    Frame f;
    QVERIFY(RecordLineParser::parseFast(line, &f));
    QCOMPARE(f.timeMs, 1714564800123);
    QCOMPARE(f.messages.first().kindName(), QStringLiteral("push_pub"));
    QCOMPARE(f.messages.first().channel, QStringLiteral("a/b"));
    QCOMPARE(f.raw, QByteArray(R"({"push":{"channel":"a\/b","pub":{"data":1}}})"));
}

QTEST_GUILESS_MAIN(TestRecordLineParser)
#include "tst_recordlineparser.moc"
