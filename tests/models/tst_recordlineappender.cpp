#include "framerecord.h"
#include "framestore.h"
#include "framestorecompare.h"
#include "recordlineappender.h"
#include "recordlineparser.h"
#include "recordlinerows.h"

#include <QtTest>

class TestRecordLineAppender : public QObject
{
    Q_OBJECT

private slots:
    void appendAgreesWithParse_data();
    void appendAgreesWithParse();
    void appendHandWrittenLines_data();
    void appendHandWrittenLines();
    void appendBadLines_data();
    void appendBadLines();

private:
    static void appendAgreesForLine(const Frame &frame, bool fast, const QByteArray &line);
};

void TestRecordLineAppender::appendAgreesWithParse_data()
{
    RecordLineRows::addFrames();
}

void TestRecordLineAppender::appendAgreesWithParse()
{
    // append() (in place for the common line) stores exactly what parse() + FrameStore::append() store.
    QFETCH(Frame, frame);
    QFETCH(bool, fast);
    for (const auto mode : {FrameRecord::FrameJson::FromJson, FrameRecord::FrameJson::FromRaw})
        appendAgreesForLine(frame, fast, FrameRecord::toJsonLine(frame, mode));
}

void TestRecordLineAppender::appendAgreesForLine(const Frame &frame, bool fast, const QByteArray &line)
{
    Frame parsed;
    QString error;
    QVERIFY2(RecordLineParser::parse(line, &parsed, &error), qPrintable(error));
    FrameStore expected;
    expected.append(parsed);
    expected.append(parsed); // twice: the second finds its channel interned

    FrameStore store;
    QVERIFY2(RecordLineAppender::append(QByteArray(line + "\r\n"), &store, &error), qPrintable(error));
    QVERIFY2(RecordLineAppender::append(line, &store, &error), qPrintable(error));
    compareStores(store, expected);

    // The in-place path takes every single-message text line the scanner reads.
    FrameStore direct;
    const bool inPlace = fast && !frame.binary && !line.contains("\"raw_base64\":true") && !frame.raw.contains('\n');
    QCOMPARE(RecordLineAppender::appendFast(line, &direct), inPlace);
    QCOMPARE(direct.count(), inPlace ? 1 : 0);
}

void TestRecordLineAppender::appendHandWrittenLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("inPlace");
    QTest::newRow("spaces, order, escaped slash")
        << QByteArray(
               R"( { "raw" : "{\"push\":{\"channel\":\"a\/b\",\"pub\":{\"data\":1}}}" , "kind":"push_pub", )"
               R"("channel":"a\/b", "dir":"in", "time":"2024-05-01T12:00:00.123Z", "frame": {"push": {"x": [1, "]"]}} } )")
        << true;
    QTest::newRow("unicode escapes")
        << QByteArray(
               R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"push_pub","channel":"\u804a\ud83d\ude00",)"
               R"("raw":"{\"push\":{\"channel\":\"\u804a\ud83d\ude00\",\"pub\":{}}}"})")
        << true;
    QTest::newRow("escaped newline in raw: two messages")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"reply","raw":"{\"id\":1}\n{\"id\":2}"})")
        << false;
    QTest::newRow("escaped kind")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"pin\u0067","frame":{},"raw":"{}"})")
        << false;
    QTest::newRow("lone surrogate in raw")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","frame":{},"raw":"\ud800"})")
        << false;
    QTest::newRow("base64")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","raw_base64":true,"raw":"e30="})")
        << false;
    QTest::newRow("no raw: the frame's text")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"push_pub","channel":"a",)"
                      R"("frame": {"push":{"channel":"a","pub":{"data":"\u00e9 \"}\""}}} })")
        << true;
    QTest::newRow("no raw: two messages")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"reply","kinds":["reply","reply"],)"
                      R"("frame":[{"id":1},{"id":2}],"meta":[{"id":1},{"id":2}]})")
        << false;
}

void TestRecordLineAppender::appendHandWrittenLines()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, inPlace);
    Frame parsed;
    QString error;
    QVERIFY2(RecordLineParser::parse(line, &parsed, &error), qPrintable(error));
    FrameStore expected;
    expected.append(parsed);
    FrameStore store;
    QVERIFY2(RecordLineAppender::append(line, &store, &error), qPrintable(error));
    compareStores(store, expected);
    FrameStore direct;
    QCOMPARE(RecordLineAppender::appendFast(line, &direct), inPlace);
}

void TestRecordLineAppender::appendBadLines_data()
{
    RecordLineRows::addBadLines();
    QTest::newRow("bad escape in raw") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","raw":"\q"})");
    QTest::newRow("control character in raw")
        << QByteArray("{\"time\":\"2024-05-01T12:00:00.123Z\",\"dir\":\"in\",\"kind\":\"ping\",\"raw\":\"\x01\"}");
    QTest::newRow("bad escape in channel")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","channel":"\x","raw":"{}"})");
    QTest::newRow("unbalanced frame") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","frame":{"a":[},"raw":"{}"})");
    QTest::newRow("no raw, frame not valid JSON")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","frame":{"a":1,}})");
    QTest::newRow("no raw, frame null") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","frame":null})");
}

void TestRecordLineAppender::appendBadLines()
{
    QFETCH(QByteArray, line);
    FrameStore store;
    QString error;
    QVERIFY(!RecordLineAppender::append(line, &store, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(store.count(), 0);
    QCOMPARE(store.byteSize(), 0);
}

QTEST_GUILESS_MAIN(TestRecordLineAppender)
#include "tst_recordlineappender.moc"
