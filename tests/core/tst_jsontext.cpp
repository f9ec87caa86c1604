#include "jsontext.h"

#include <QTest>

// Expected Go outputs were printed by Go 1.26's encoding/json when the test was written.
class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void isValid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("object") << QByteArray(R"({"a":1})") << true;
        QTest::newRow("array") << QByteArray("[1, 2]") << true;
        QTest::newRow("string") << QByteArray(R"("x")") << true;
        QTest::newRow("number") << QByteArray(" 42 ") << true;
        QTest::newRow("true") << QByteArray("true") << true;
        QTest::newRow("null") << QByteArray("null") << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("blank") << QByteArray("  ") << false;
        QTest::newRow("two values") << QByteArray("1, 2") << false;
        QTest::newRow("bracket injection") << QByteArray("1],[2") << false;
        QTest::newRow("bare word") << QByteArray("hello") << false;
        QTest::newRow("unterminated") << QByteArray(R"({"a":)") << false;
        QTest::newRow("trailing comma") << QByteArray("[1,]") << false;
    }

    void isValid()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QString error;
        QCOMPARE(JsonText::isValid(text, &error), valid);
        QCOMPARE(error.isEmpty(), valid);
    }

    void compact_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("escapeHtml");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("order kept, go raw message")
            << QStringLiteral(u"{ \"b\" : [1, 2.50, \"<&>\"],\n \"a\": \"x\u2028\" }").toUtf8() << true
            << QByteArray(R"({"b":[1,2.50,"\u003c\u0026\u003e"],"a":"x\u2028"})");
        QTest::newRow("no html escape") << QByteArray("{ \"a\" : \"<b> c\" }") << false
                                        << QByteArray(R"({"a":"<b> c"})");
        QTest::newRow("escapes kept") << QByteArray("[ \"\\u00e9\\n\\\"\" ]") << true
                                      << QByteArray("[\"\\u00e9\\n\\\"\"]");
        QTest::newRow("spaces in strings kept") << QByteArray("\"a  b\"") << true << QByteArray("\"a  b\"");
        QTest::newRow("invalid") << QByteArray("{a}") << true << QByteArray();
    }

    void compact()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, escapeHtml);
        QFETCH(QByteArray, expected);
        QCOMPARE(JsonText::compact(text, escapeHtml), expected);
    }

    void indent()
    {
        QCOMPARE(
            JsonText::indent(R"({"z":1,"a":{"x":[1,{}],"y":[]},"s":"a, b: {c}"})"),
            QByteArray("{\n  \"z\": 1,\n  \"a\": {\n    \"x\": [\n      1,\n      {}\n    ],\n    \"y\": []\n  },\n"
                       "  \"s\": \"a, b: {c}\"\n}"));
        QCOMPARE(JsonText::indent("not json"), QByteArray("not json"));
        QCOMPARE(JsonText::indent("42"), QByteArray("42"));
    }

    void goQuote_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("plain") << QByteArray(R"("plain")");
        QTest::newRow("quote backslash") << QStringLiteral("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("html") << QStringLiteral("<script>&") << QByteArray(R"("\u003cscript\u003e\u0026")");
        QTest::newRow("controls") << QStringLiteral("tab\there\nnl\r\b\f\x01\x1f\x7f")
                                  << QByteArray("\"tab\\there\\nnl\\r\\b\\f\\u0001\\u001f\x7f\"");
        QTest::newRow("unicode") << QStringLiteral(u"é用户😀") << QStringLiteral(u"\"é用户😀\"").toUtf8();
        QTest::newRow("separators") << QStringLiteral(u"sep\u2028\u2029end") << QByteArray(R"("sep\u2028\u2029end")");
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << QByteArray(R"("\ufffd")");
    }

    void goQuote()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(JsonText::goQuote(value), expected);
        if (!value.contains(QChar(0xd800)))
            QVERIFY(JsonText::isValid(expected));
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
