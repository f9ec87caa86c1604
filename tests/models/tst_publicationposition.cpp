#include "jsoncodec.h"
#include "publicationposition.h"

#ifdef INSPECTOR_HAVE_PROTOBUF
#include "protobufcodec.h"
#endif

#include <QJsonDocument>
#include <QTest>

// PublicationPosition reads offset and epoch from the text of validated publication pushes; whatever path it takes,
// the result must equal what the parsed JSON says. The slots are defined after the class: moc reads raw string
// literals as ordinary ones, and the quotes and brackets of the JSON rows hid the class from it.
class TestPublicationPosition : public QObject
{
    Q_OBJECT

private slots:
    void sameAsParsed_data();
    void sameAsParsed();
    void floodPublicationIsValidatedText();
    void garbageIsRefused_data();
    void garbageIsRefused();
};

void TestPublicationPosition::sameAsParsed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("fast"); // the text scanner answers by itself

    auto row = [](const char *name, const char *line, bool fast) { QTest::newRow(name) << QByteArray(line) << fast; };
    row("offset", R"({"push":{"channel":"c","pub":{"data":{"n":1},"offset":6}}})", true);
    row("no offset", R"({"push":{"channel":"c","pub":{"data":{"n":1}}}})", true);
    row("epoch", R"({"push":{"channel":"c","pub":{"data":"x","offset":7,"epoch":"ab"}}})", true);
    row("epoch first", R"({"push":{"pub":{"epoch":"e","offset":8,"data":1},"channel":"c"}})", true);
    row("decoys in data",
        R"({"push":{"channel":"c","pub":{"data":{"offset":99,"epoch":"no","pub":{"offset":5}},"offset":3}}})", true);
    row("quotes and brackets in strings",
        R"({"push":{"channel":"c","pub":{"data":"he said \"offset\":9 }] {","offset":4}}})", true);
    row("arrays", R"({"push":{"channel":"c","pub":{"data":[{"a":"]"},{"b":"}"},[1,[2]]],"offset":11}}})", true);
    row("white space", " {\t \"push\" : { \"channel\" : \"c\" , \"pub\" : { \"offset\" : 12 , \"epoch\" : \"z\" } } } ",
        true);
    row("offset as string", R"({"push":{"channel":"c","pub":{"offset":"12"}}})", true);
    row("offset negative", R"({"push":{"channel":"c","pub":{"offset":-5}}})", true);
    row("offset zero", R"({"push":{"channel":"c","pub":{"offset":0}}})", true);
    row("offset true", R"({"push":{"channel":"c","pub":{"offset":true}}})", true);
    row("offset null", R"({"push":{"channel":"c","pub":{"offset":null}}})", true);
    row("offset object", R"({"push":{"channel":"c","pub":{"offset":{"a":1}}}})", true);
    row("offset array", R"({"push":{"channel":"c","pub":{"offset":[1]}}})", true);
    row("offset 15 digits", R"({"push":{"channel":"c","pub":{"offset":999999999999999}}})", true);
    row("offset fraction", R"({"push":{"channel":"c","pub":{"offset":1.5}}})", false);
    row("offset exponent", R"({"push":{"channel":"c","pub":{"offset":2e3}}})", false);
    row("offset 19 digits", R"({"push":{"channel":"c","pub":{"offset":1234567890123456789}}})", false);
    row("epoch number", R"({"push":{"channel":"c","pub":{"offset":1,"epoch":5}}})", true);
    row("epoch empty", R"({"push":{"channel":"c","pub":{"offset":1,"epoch":""}}})", true);
    row("epoch unicode", "{\"push\":{\"channel\":\"c\",\"pub\":{\"offset\":1,\"epoch\":\"\xc3\xa9\xe4\xb8\xad\"}}}",
        true);
    row("epoch escaped", R"({"push":{"channel":"c","pub":{"offset":1,"epoch":"a\u0062"}}})", false);
    row("key escaped", R"({"push":{"channel":"c","pub":{"\u006ffset":1,"offset":2}}})", false);
    row("duplicate offset", R"({"push":{"channel":"c","pub":{"offset":1,"offset":2}}})", false);
    row("duplicate epoch", R"({"push":{"channel":"c","pub":{"epoch":"a","epoch":"b"}}})", false);
    row("pub not an object", R"({"push":{"channel":"c","pub":7}})", true);
    row("join push", R"({"push":{"channel":"c","join":{"info":{"client":"x","user":""}}}})", true);
}

void TestPublicationPosition::sameAsParsed()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, fast);
    QJsonParseError error;
    const QJsonObject parsed = QJsonDocument::fromJson(line, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const PublicationPosition expected = PublicationPosition::fromJson(parsed);

    PublicationPosition scanned;
    QCOMPARE(PublicationPosition::scan(line, &scanned), fast);
    if (fast) {
        QCOMPARE(scanned.offset, expected.offset);
        QCOMPARE(scanned.hasEpoch, expected.hasEpoch);
        QCOMPARE(scanned.epoch, expected.epoch);
    }

    // Through the codec, as the tracker gets it: validated text when the classifier took it.
    const QList<ProtocolMessage> messages = JsonCodec().decodeServerFrame(line);
    QCOMPARE(messages.size(), 1);
    const PublicationPosition viaMessage = PublicationPosition::of(messages.constFirst());
    QCOMPARE(viaMessage.offset, expected.offset);
    QCOMPARE(viaMessage.hasEpoch, expected.hasEpoch);
    QCOMPARE(viaMessage.epoch, expected.epoch);

#ifdef INSPECTOR_HAVE_PROTOBUF
    // Through the Protobuf codec, where the schema can carry the publication: of() reads the converted text.
    QString encodeError;
    const QByteArray frame = ProtobufCodec::encodeReplies({parsed}, &encodeError);
    if (encodeError.isEmpty()) {
        const ProtocolMessage m = ProtobufCodec().decodeServerFrame(frame).constFirst();
        const PublicationPosition viaProtobuf = PublicationPosition::of(m);
        const PublicationPosition fromJson = PublicationPosition::fromJson(m.json());
        QCOMPARE(viaProtobuf.offset, fromJson.offset);
        QCOMPARE(viaProtobuf.hasEpoch, fromJson.hasEpoch);
        QCOMPARE(viaProtobuf.epoch, fromJson.epoch);
    }
#endif
}

// The common publication is validated by the classifier, so of() never needs json() for it.

void TestPublicationPosition::floodPublicationIsValidatedText()
{
    const QByteArray line = R"({"push":{"channel":"bench","pub":{"data":{"seq":1,"text":"hello"},"offset":42}}})";
    const ProtocolMessage m = JsonCodec().decodeServerFrame(line).constFirst();
    QVERIFY(m.rawIsValidatedJson());
    PublicationPosition p;
    QVERIFY(PublicationPosition::scan(m.raw, &p));
    QCOMPARE(p.offset, 42u);
}

void TestPublicationPosition::garbageIsRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not an object") << QByteArray("[1]");
    QTest::newRow("cut") << QByteArray(R"({"push":{"pub":{"offset":1)");
    QTest::newRow("trailing") << QByteArray(R"({"push":{}} x)");
    QTest::newRow("open string") << QByteArray(R"({"push":{"pub":{"epoch":"ab)");
}

void TestPublicationPosition::garbageIsRefused()
{
    QFETCH(QByteArray, text);
    PublicationPosition p;
    QVERIFY(!PublicationPosition::scan(text, &p));
}

QTEST_GUILESS_MAIN(TestPublicationPosition)
#include "tst_publicationposition.moc"
