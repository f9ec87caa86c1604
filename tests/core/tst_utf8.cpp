// The UTF-8 helpers' word-at-a-time paths against byte-by-byte reference loops, at every length and position around
// the 8- and 16-byte steps, and the strict UTF-8 rules on their own.
#include "utf8.h"

#include <QTest>

class TestUtf8 : public QObject
{
    Q_OBJECT

private slots:
    void asciiRunAtEveryPosition();
    void plainJsonStringRunAtEveryPosition();
    void isValidAtEveryPosition();
    void strictRules_data();
    void strictRules();
};

namespace {

qsizetype referencePlainRun(const QByteArray &s)
{
    qsizetype n = 0;
    for (; n < s.size(); ++n) {
        const auto c = static_cast<unsigned char>(s[n]);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
            break;
    }
    return n;
}

qsizetype referenceAsciiRun(const QByteArray &s)
{
    qsizetype n = 0;
    while (n < s.size() && static_cast<unsigned char>(s[n]) < 0x80)
        ++n;
    return n;
}

bool referenceIsValid(const QByteArray &s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.constData());
    for (qsizetype i = 0; i < s.size();) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        const int len = Utf8::sequenceLength(p + i, s.size() - i);
        if (len == 0)
            return false;
        i += len;
    }
    return true;
}

// ASCII of `length` bytes with `insert` placed at `at` (nothing when at < 0).
QByteArray withInsert(int length, int at, const QByteArray &insert)
{
    QByteArray s(length, 'a');
    if (at >= 0)
        s.replace(at, qMin<qsizetype>(insert.size(), length - at), insert);
    return s;
}

const QList<QByteArray> &inserts()
{
    static const QList<QByteArray> list{QByteArray("\xC3\xA9"),     QByteArray("\x80"), QByteArray("\xFF"),
                                        QByteArray("\xE2\x82\xAC"), QByteArray("\xC3"), QByteArray("\x7F")};
    return list;
}

} // namespace

void TestUtf8::asciiRunAtEveryPosition()
{
    int cases = 0;
    for (int length = 0; length <= 48; ++length) {
        for (int at = -1; at < length; ++at) {
            for (const QByteArray &insert : inserts()) {
                const QByteArray s = withInsert(length, at, insert);
                QCOMPARE(Utf8::asciiRun(s.constData(), s.size()), referenceAsciiRun(s));
                ++cases;
            }
        }
    }
    QVERIFY(cases > 7000);
}

void TestUtf8::plainJsonStringRunAtEveryPosition()
{
    const QList<QByteArray> specials{QByteArray("\""),   QByteArray("\\"),       QByteArray("\x1F"), QByteArray("\x7F"),
                                     QByteArray("\x80"), QByteArray("\xC3\xA9"), QByteArray("\x20"), QByteArray("\n")};
    int cases = 0;
    for (int length = 0; length <= 48; ++length) {
        for (int at = -1; at < length; ++at) {
            for (const QByteArray &insert : specials) {
                const QByteArray s = withInsert(length, at, insert);
                QCOMPARE(Utf8::plainJsonStringRun(s.constData(), s.size()), referencePlainRun(s));
                ++cases;
            }
        }
    }
    QVERIFY(cases > 9000);
}

void TestUtf8::isValidAtEveryPosition()
{
    int invalid = 0;
    for (int length = 0; length <= 48; ++length) {
        for (int at = -1; at < length; ++at) {
            for (const QByteArray &insert : inserts()) {
                const QByteArray s = withInsert(length, at, insert);
                const bool expected = referenceIsValid(s);
                QCOMPARE(Utf8::isValid(s.constData(), s.size()), expected);
                invalid += expected ? 0 : 1;
            }
        }
    }
    QVERIFY(invalid > 1000); // the rows test both answers
}

void TestUtf8::strictRules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii, 20 bytes") << QByteArray("channel:news-updates") << true;
    QTest::newRow("two-byte after 16 ascii") << QByteArray("0123456789abcdef\xC3\xA9") << true;
    QTest::newRow("four-byte") << QByteArray("\xF0\x9F\x98\x80") << true;
    QTest::newRow("overlong slash") << QByteArray("abc\xC0\xAF") << false;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("truncated at the end of a 9-byte text") << QByteArray("abcdefgh\xE2") << false;
    QTest::newRow("lone continuation in the overlap of two words") << QByteArray("abcdefghij\x80z") << false;
}

void TestUtf8::strictRules()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QCOMPARE(Utf8::isValid(text.constData(), text.size()), valid);
}

QTEST_APPLESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
