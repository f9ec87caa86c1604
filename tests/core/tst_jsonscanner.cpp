// The one JSON scanner: what each check accepts, where it gives up, and unescaping. Its users' agreement with the
// full parser is tested with them (tst_fastclassifier, tst_recordlineparser, tst_publicationposition, tst_jsontext).
#include "jsonscanner.h"

#include <QJsonDocument>
#include <QTest>

class TestJsonScanner : public QObject
{
    Q_OBJECT

private slots:
    void checks_data();
    void checks();
    void membersAndSpans();
    void unescape_data();
    void unescape();
};

namespace {

// One value and nothing after it, as the scanner reads it with the given check.
bool scansOneValue(const QByteArray &text, JsonScanner::Check check)
{
    JsonScanner s(text, check);
    s.skipSpace();
    if (s.atEnd() || !s.value(0, nullptr))
        return false;
    s.skipSpace();
    return s.atEnd();
}

} // namespace

void TestJsonScanner::checks_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("strict");    // accepted by Check::Strict
    QTest::addColumn<bool>("structure"); // accepted by Check::Structure
    QTest::newRow("object") << QByteArray(R"( {"a":[1,-2.5e3,"x",true,false,null,{}]} )") << true << true;
    QTest::newRow("escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t\u00e9")") << true << true;
    QTest::newRow("utf-8") << QByteArray("\"\xe4\xbd\xa0\xf0\x9f\x98\x80\"") << true << true;
    QTest::newRow("15 digits") << QByteArray("123456789012345") << true << true;
    QTest::newRow("16 digits: parsers may round") << QByteArray("1234567890123456") << false << true;
    QTest::newRow("three-digit exponent") << QByteArray("1e100") << false << true;
    QTest::newRow("64 levels") << QByteArray(64, '[') + QByteArray(64, ']') << true << true;
    QTest::newRow("65 levels") << QByteArray(65, '[') + QByteArray(65, ']') << false << true;
    QTest::newRow("control character") << QByteArray("\"a\x01\"") << false << true;
    QTest::newRow("unknown escape") << QByteArray(R"("\q")") << false << true;
    QTest::newRow("short \\u") << QByteArray(R"("\u12")") << false << true;
    QTest::newRow("overlong utf-8") << QByteArray("\"\xc0\xaf\"") << false << true;
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << false << false;
    QTest::newRow("two values") << QByteArray("1 2") << false << false;
    QTest::newRow("unterminated") << QByteArray(R"({"a":"b)") << false << false;
    QTest::newRow("bare word") << QByteArray("nul") << false << false;
}

void TestJsonScanner::checks()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, strict);
    QFETCH(bool, structure);
    QCOMPARE(scansOneValue(text, JsonScanner::Check::Strict), strict);
    QCOMPARE(scansOneValue(text, JsonScanner::Check::Structure), structure);
    if (strict) // never accepts what the full parser rejects
        QVERIFY(!QJsonDocument::fromJson("[" + text + "]").isNull());
}

void TestJsonScanner::membersAndSpans()
{
    const QByteArray text = R"({"s":"a\"b", "n" : -12, "o":{"x":[1,"]"]}})";
    JsonScanner s(text);
    QCOMPARE(s.peek(), '{');
    QStringList seen;
    const bool ok = s.object(1, [&](const JsonScanner::Span &key, const JsonScanner::Span &value) {
        seen << QString::fromUtf8(key.view()) + QLatin1Char('=') + QString::fromUtf8(value.text()) +
                    (value.escaped ? QLatin1String(" escaped") : QLatin1String(""));
        return true;
    });
    QVERIFY(ok);
    QCOMPARE(seen, QStringList({QStringLiteral("s=\"a\\\"b\" escaped"), QStringLiteral("n=-12"),
                                QStringLiteral("o={\"x\":[1,\"]\"]}")}));

    bool negative = false;
    quint64 magnitude = 0;
    QVERIFY(JsonScanner::plainInteger("-12", &negative, &magnitude, 15));
    QVERIFY(negative);
    QCOMPARE(magnitude, quint64(12));
    QVERIFY(!JsonScanner::plainInteger("1.5", &negative, &magnitude, 15));
    QVERIFY(!JsonScanner::plainInteger("1234", &negative, &magnitude, 3));
}

void TestJsonScanner::unescape_data()
{
    QTest::addColumn<QByteArray>("escaped");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("utf8");
    QTest::newRow("plain") << QByteArray("abc") << true << QByteArray("abc");
    QTest::newRow("short escapes") << QByteArray(R"(\"\\\/\b\f\n\r\t)") << true << QByteArray("\"\\/\b\f\n\r\t");
    QTest::newRow("unicode") << QByteArray(R"(\u00e9\u4f60)") << true << QByteArray("\xc3\xa9\xe4\xbd\xa0");
    QTest::newRow("surrogate pair") << QByteArray(R"(\ud83d\ude00)") << true << QByteArray("\xf0\x9f\x98\x80");
    QTest::newRow("lone high surrogate") << QByteArray(R"(\ud83dx)") << false << QByteArray();
    QTest::newRow("lone low surrogate") << QByteArray(R"(\ude00)") << false << QByteArray();
    QTest::newRow("unknown escape") << QByteArray(R"(\q)") << false << QByteArray();
    QTest::newRow("cut") << QByteArray(R"(ab\)") << false << QByteArray();
}

void TestJsonScanner::unescape()
{
    QFETCH(QByteArray, escaped);
    QFETCH(bool, ok);
    QFETCH(QByteArray, utf8);
    QByteArray out(escaped.size(), '\0');
    const char *end = JsonScanner::unescape(escaped, out.data());
    QCOMPARE(end != nullptr, ok);
    if (ok)
        QCOMPARE(QByteArray(out.constData(), end - out.constData()), utf8);
}

QTEST_GUILESS_MAIN(TestJsonScanner)
#include "tst_jsonscanner.moc"
