#include "connectioninput.h"

#include <QTest>

// The panel and the CLI accept and refuse connection input through these rules.
class TestConnectionInput : public QObject
{
    Q_OBJECT

private slots:
    void url_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected"); // empty: refused
        const int ws = int(TransportKind::WebSocket);
        const int sse = int(TransportKind::Sse);
        const int stream = int(TransportKind::HttpStream);
        QTest::newRow("ws as typed") << QStringLiteral("ws://127.0.0.1:8000/connection/websocket") << ws
                                     << QStringLiteral("ws://127.0.0.1:8000/connection/websocket");
        QTest::newRow("no scheme, websocket") << QStringLiteral("  localhost:8000/connection/websocket ") << ws
                                              << QStringLiteral("ws://localhost:8000/connection/websocket");
        QTest::newRow("no scheme, sse") << QStringLiteral("localhost:8000/connection/sse") << sse
                                        << QStringLiteral("http://localhost:8000/connection/sse");
        QTest::newRow("http for websocket") << QStringLiteral("http://h:1/c") << ws << QStringLiteral("ws://h:1/c");
        QTest::newRow("https for websocket keeps TLS")
            << QStringLiteral("https://h/c") << ws << QStringLiteral("wss://h/c");
        QTest::newRow("wss for http_stream keeps TLS") << QStringLiteral("wss://h/connection/http_stream") << stream
                                                       << QStringLiteral("https://h/connection/http_stream");
        QTest::newRow("ws for sse") << QStringLiteral("ws://h:8000/connection/sse") << sse
                                    << QStringLiteral("http://h:8000/connection/sse");
        QTest::newRow("empty") << QStringLiteral("   ") << ws << QStringLiteral("");
        QTest::newRow("other scheme") << QStringLiteral("ftp://h/c") << ws << QStringLiteral("");
        QTest::newRow("no host") << QStringLiteral("ws:///connection/websocket") << ws << QStringLiteral("");
        QTest::newRow("not a URL") << QStringLiteral("ws://h:port/c") << sse << QStringLiteral("");
    }

    void url()
    {
        QFETCH(QString, typed);
        QFETCH(int, kind);
        QFETCH(QString, expected);
        QUrl u;
        QString error;
        const bool ok = ConnectionInput::url(typed, TransportKind(kind), &u, &error);
        QCOMPARE(ok, !expected.isEmpty());
        if (ok) {
            QCOMPARE(u.toString(), expected);
            QVERIFY(ConnectionInput::schemeFits(u, TransportKind(kind)));
            QVERIFY(error.isEmpty());
        } else {
            QVERIFY(!error.isEmpty());
        }
    }

    void schemeFits()
    {
        QVERIFY(ConnectionInput::schemeFits(QUrl(QStringLiteral("wss://h/c")), TransportKind::UniWebSocket));
        QVERIFY(!ConnectionInput::schemeFits(QUrl(QStringLiteral("http://h/c")), TransportKind::WebSocket));
        QVERIFY(ConnectionInput::schemeFits(QUrl(QStringLiteral("https://h/c")), TransportKind::UniSse));
        QVERIFY(!ConnectionInput::schemeFits(QUrl(QStringLiteral("ws://h/c")), TransportKind::UniHttpStream));
    }

    void headerNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("Authorization") << QStringLiteral("Authorization") << true;
        QTest::newRow("X-Custom_1") << QStringLiteral("X-Custom_1") << true;
        QTest::newRow("all token signs") << QStringLiteral("!#$%&'*+-.^_`|~") << true;
        QTest::newRow("empty") << QStringLiteral("") << false;
        QTest::newRow("space") << QStringLiteral("X Header") << false;
        QTest::newRow("colon") << QStringLiteral("Host:") << false;
        QTest::newRow("non-ASCII") << QStringLiteral("Überschrift") << false;
        QTest::newRow("newline") << QStringLiteral("X\nY") << false;
    }

    void headerNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(ConnectionInput::isHeaderName(name), valid);
    }
};

QTEST_GUILESS_MAIN(TestConnectionInput)
#include "tst_connectioninput.moc"
