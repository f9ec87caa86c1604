#include "fastclassifier.h"
#include "jsoncodec.h"
#include "jsonscanner.h"

#include <QFile>
#include <QTest>

namespace {

QList<QByteArray> corpusLines()
{
    QFile f(qEnvironmentVariable("INSPECTOR_SOURCE_DIR") + QStringLiteral("/bench/data/server-lines.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines;
    for (const QByteArray &l : f.readAll().split('\n')) {
        if (!l.isEmpty())
            lines.append(l);
    }
    return lines;
}

// Lines a scanner could get wrong: every branch of JsonCodec's classification and of JSON's grammar.
QList<QByteArray> edgeLines()
{
    return {
        "{}",
        " { } ",
        "{}\r",
        R"({"id":0})",
        R"({"id":1})",
        R"({"id":-1,"connect":{}})",
        R"({"id":4294967296,"presence":{}})",
        R"({"id":4294967295,"presence":{}})",
        R"({"id":12345678901234567890,"presence":{}})",
        R"({"id":3.7,"history":{}})",
        R"({"id":3.0,"history":{}})",
        R"({"id":1e2,"history":{}})",
        R"({"id":"5","history":{}})",
        R"({"id":null,"connect":{}})",
        R"({"connect":{"client":"x"}})",
        R"({"id":2,"publish":{},"subscribe":{}})",
        R"({"id":2,"subscribe":null})",
        R"({"id":2,"bogus":{}})",
        R"({"bogus":1})",
        R"({"push":{"channel":"a","pub":{"data":1}}})",
        R"({"push":{"channel":"a","leave":{},"join":{}}})",
        R"({"push":{"channel":"a"}})",
        R"({"push":{}})",
        R"({"push":3})",
        R"({"push":"pub"})",
        R"({"push":{"channel":5,"pub":{}}})",
        R"({"push":{"channel":"caf\u00e9","pub":{}}})",
        R"({"push":{"channel":"café 频道","pub":{}}})",
        R"({"push":{"channel":"a","unsubscribe":{"code":2000,"reason":"server unsubscribe"}}})",
        R"({"push":{"channel":"a","unsubscribe":{"code":"2000","reason":7}}})",
        R"({"push":{"channel":"a","unsubscribe":{"code":2000.5}}})",
        R"({"push":{"channel":"a","unsubscribe":{"code":99999999999}}})",
        R"({"push":{"channel":"a","unsubscribe":[]}})",
        R"({"push":{"disconnect":{"code":3001,"reason":"shut \"down\""}}})",
        R"({"push":{"channel":"a","channel":"b","pub":{}}})",
        R"({"id":1,"error":{"code":103,"message":"permission denied"}})",
        R"({"id":1,"error":{"code":-5,"message":""}})",
        R"({"id":1,"error":"boom"})",
        R"({"id":1,"error":{"code":103,"message":"a"},"push":{"channel":"x","pub":{}}})",
        R"({"id":1,"id":2,"connect":{}})",
        R"({"\u0069d":1,"connect":{}})",
        R"({"id":1,"connect":{"data":[1,2,[3,{"a":[true,false,null]}]],"x":-0.5e-3,"y":"\t\n\\\/\b\f\r\"\u1234"}})",
        "{\"id\":1,\"connect\":{\"ctl\":\"a\x01b\"}}",
        "{\"id\":1,\"connect\":{\"bad\":\"\xff\"}}",
        "{\"id\":1,\"connect\":{\"surrogate\":\"\xed\xa0\x80\"}}",
        "{\"id\":1,\"connect\":{\"overlong\":\"\xc0\xaf\"}}",
        "{\"id\":1,\"connect\":{\"emoji\":\"\xf0\x9f\x8e\x89\"}}",
        R"({"id":1,"connect":{"n":01}})",
        R"({"id":1,"connect":{"n":1.}})",
        R"({"id":1,"connect":{"n":.5}})",
        R"({"id":1,"connect":{"n":1e400}})",
        R"({"id":1,"connect":{"n":-}})",
        R"({"id":1,"connect":{"n":+1}})",
        R"({"id":1,"connect":{"n":tru}})",
        R"({"id":1,"connect":{"n":NaN}})",
        R"({"id":1,"connect":{}} trailing)",
        R"({"id":1,"connect":{}}})",
        R"({"id":1,"connect":{},})",
        R"({"id":1 "connect":{}})",
        R"({"id":1,"connect":{"a":"\x"}})",
        R"({"id":1,"connect":{"a":"\u12"}})",
        R"({'id':1})",
        R"([1,2])",
        R"("string")",
        R"(42)",
        R"(null)",
        "{",
        "",
        "   ",
        "\xef\xbb\xbf{}",
        QByteArray(200, '[') + QByteArray(200, ']'),
        "{\"a\":" + QByteArray(100, '[') + QByteArray(100, ']') + "}",
        "{\"id\":1,\"presence\":{}}\x00",
    };
}

} // namespace

class TestFastClassifier : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithJsonCodec_data();
    void agreesWithJsonCodec();
    void realServerLinesTakeTheFastPath();
    void agreesOnMutationsOfRealLines();
    void agreesOnFrames();
    void recognisesJsonObjects_data();
    void recognisesJsonObjects();

private:
    static bool same(const ProtocolMessage &a, const ProtocolMessage &b, QString *why);
    static QList<ProtocolMessage> fullDecode(const QByteArray &frame);
};

// Every line through the full QJsonDocument parser: the reference the fast path must agree with.
QList<ProtocolMessage> TestFastClassifier::fullDecode(const QByteArray &frame)
{
    const QList<QByteArrayView> lines = JsonCodec::splitLines(frame);
    if (lines.isEmpty())
        return JsonCodec().decodeServerFrame(frame); // the "empty frame" message, no line to classify
    QList<ProtocolMessage> out;
    for (QByteArrayView line : lines)
        out.append(JsonCodec::decodeServerLine(line));
    return out;
}

bool TestFastClassifier::same(const ProtocolMessage &a, const ProtocolMessage &b, QString *why)
{
    QStringList diffs;
    if (a.kind != b.kind)
        diffs << QStringLiteral("kind %1 vs %2").arg(int(a.kind)).arg(int(b.kind));
    if (a.method != b.method)
        diffs << QStringLiteral("method %1 vs %2").arg(int(a.method)).arg(int(b.method));
    if (a.push != b.push)
        diffs << QStringLiteral("push %1 vs %2").arg(int(a.push)).arg(int(b.push));
    if (a.id != b.id)
        diffs << QStringLiteral("id %1 vs %2").arg(a.id).arg(b.id);
    if (a.channel != b.channel)
        diffs << QStringLiteral("channel %1 vs %2").arg(a.channel, b.channel);
    if (a.code != b.code)
        diffs << QStringLiteral("code %1 vs %2").arg(a.code).arg(b.code);
    if (a.text != b.text)
        diffs << QStringLiteral("text %1 vs %2").arg(a.text, b.text);
    if (a.raw != b.raw)
        diffs << QStringLiteral("raw differs");
    if (a.rttMs != b.rttMs)
        diffs << QStringLiteral("rtt differs");
    if (a.json() != b.json())
        diffs << QStringLiteral("json differs");
    *why = diffs.join(QStringLiteral("; "));
    return diffs.isEmpty();
}

void TestFastClassifier::agreesWithJsonCodec_data()
{
    QTest::addColumn<QByteArray>("line");
    int i = 0;
    for (const QByteArray &l : corpusLines())
        QTest::addRow("corpus %d", i++) << l;
    i = 0;
    for (const QByteArray &l : edgeLines())
        QTest::addRow("edge %d: %s", i++, l.left(60).constData()) << l;
}

void TestFastClassifier::agreesWithJsonCodec()
{
    QFETCH(QByteArray, line);
    const QList<ProtocolMessage> expected = fullDecode(line);
    const QList<ProtocolMessage> actual = JsonCodec().decodeServerFrame(line);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QString why;
        QVERIFY2(same(actual.at(i), expected.at(i), &why), qPrintable(why));
    }
}

void TestFastClassifier::realServerLinesTakeTheFastPath()
{
    const QList<QByteArray> lines = corpusLines();
    QVERIFY2(lines.size() >= 30, "bench/data/server-lines.txt not found (INSPECTOR_SOURCE_DIR?)");
    for (const QByteArray &line : lines) {
        ProtocolMessage m;
        QVERIFY2(FastClassifier::classifyServerLine(line, &m), line.constData());
        QVERIFY(m.json().isEmpty()); // the scanner builds no document
    }
}

void TestFastClassifier::agreesOnMutationsOfRealLines()
{
    // Every real line with one byte deleted, or replaced by a byte that matters to JSON's grammar.
    const QList<QByteArray> lines = corpusLines();
    QVERIFY(!lines.isEmpty());
    const QByteArray replacements("\"{}[]:,\\0-e. \x01\xc3");
    int cases = 0;
    int fast = 0;
    for (const QByteArray &line : lines) {
        for (qsizetype pos = 0; pos < line.size(); ++pos) {
            QList<QByteArray> variants{QByteArray(line).remove(pos, 1)};
            for (char r : replacements) {
                QByteArray v = line;
                v[pos] = r;
                variants.append(v);
            }
            for (const QByteArray &v : std::as_const(variants)) {
                const ProtocolMessage expected = JsonCodec::decodeServerLine(v);
                // isJsonObject() never accepts what the full parser rejects.
                if (JsonScanner::isJsonObject(v))
                    QVERIFY2(expected.kind != Protocol::MessageKind::Invalid, v.constData());
                ProtocolMessage actual;
                if (FastClassifier::classifyServerLine(v, &actual)) {
                    ++fast;
                    actual.setJsonFromRaw(); // as JsonCodec::decodeServerFrame does
                    QString why;
                    QVERIFY2(same(actual, expected, &why),
                             qPrintable(why + QLatin1String(" for ") + QString::fromUtf8(v)));
                }
                ++cases;
            }
        }
    }
    qInfo("%d mutated lines, %d classified on the fast path", cases, fast);
    QVERIFY(fast > 0);
}

void TestFastClassifier::agreesOnFrames()
{
    const QList<QByteArray> lines = corpusLines();
    QVERIFY(!lines.isEmpty());
    const QList<QByteArray> frames{lines.mid(0, 5).join('\n'),
                                   lines.mid(5, 3).join('\n') + '\n',
                                   "{}\n{\"id\":1,",
                                   "\n\n",
                                   QByteArray(),
                                   "{}\r\n{}\r\n"};
    for (const QByteArray &frame : frames) {
        const QList<ProtocolMessage> expected = fullDecode(frame);
        const QList<ProtocolMessage> actual = JsonCodec().decodeServerFrame(frame);
        QCOMPARE(actual.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QString why;
            QVERIFY2(same(actual.at(i), expected.at(i), &why), qPrintable(why));
        }
    }
}

void TestFastClassifier::recognisesJsonObjects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("object");
    QTest::newRow("empty object") << QByteArray("{}") << true;
    QTest::newRow("spaces around") << QByteArray(" \t{\"a\":[1,{\"b\":null}]}\r\n") << true;
    QTest::newRow("array") << QByteArray("[1]") << false;
    QTest::newRow("two objects") << QByteArray("{}{}") << false;
    QTest::newRow("two lines") << QByteArray("{}\n{}") << false;
    QTest::newRow("unterminated") << QByteArray("{\"a\":1") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("text") << QByteArray("hello") << false;
}

void TestFastClassifier::recognisesJsonObjects()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, object);
    QCOMPARE(JsonScanner::isJsonObject(text), object);
}

QTEST_GUILESS_MAIN(TestFastClassifier)
#include "tst_fastclassifier.moc"
