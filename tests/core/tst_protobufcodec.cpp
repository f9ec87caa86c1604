// Unit tests of the Protobuf codec: the JSON <-> Protobuf conversion of every command, reply and push, the
// varint framing, the bytes-in-JSON convention, and that garbage never crashes and always ends up Invalid.
#include "client.pb.h"
#include "framecompare.h"
#include "jsoncodec.h"
#include "jsonwriter.h"
#include "protobufcodec.h"
#include "protobufjson.h"
#include "protobufjsontext.h"
#include "protobuftexttowire.h"
#include "wirecodec.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/delimited_message_util.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTest>

namespace cproto = centrifugal::centrifuge::protocol;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad test JSON: %s (%s)", json, qPrintable(pe.errorString()));
    return doc.object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray concatRaw(const QList<ProtocolMessage> &messages)
{
    QByteArray all;
    for (const ProtocolMessage &m : messages)
        all += m.raw;
    return all;
}

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

// Serializes messages built with the generated classes (no Inspector code) as one frame.
QByteArray delimited(const QList<const google::protobuf::MessageLite *> &messages)
{
    std::string out;
    {
        google::protobuf::io::StringOutputStream stream(&out);
        for (const auto *m : messages)
            google::protobuf::util::SerializeDelimitedToZeroCopyStream(*m, &stream);
    }
    return QByteArray(out.data(), qsizetype(out.size()));
}

} // namespace

using TestSupport::compareClassification;

class TestProtobufCodec : public QObject
{
    Q_OBJECT

private slots:
    void factoryGivesProtobuf();
    void connectCommandMatchesObservedBytes();
    void observedConnectReplyDecodes();
    void commandRoundTrip_data();
    void commandRoundTrip();
    void encodedCommandReadByGeneratedClasses();
    void replyRoundTrip_data();
    void replyRoundTrip();
    void jsonTextEqualsJson_data();
    void jsonTextEqualsJson();
    void replyFromGeneratedClasses();
    void severalMessagesPerFrame();
    void emptyMessageIsPingAndPong();
    void bytesToJson_data();
    void bytesToJson();
    void jsonToBytes_data();
    void jsonToBytes();
    void unknownFieldsAreListed();
    void encodeErrors_data();
    void encodeErrors();
    void deepNestingIsRefused();
    void garbage_data();
    void garbage();
    void tooManyMessagesInOneFrame();
    void fuzz();
    void classifiedWithoutJson_data();
    void classifiedWithoutJson();
    void wireClassificationAgreesWithParse_data();
    void wireClassificationAgreesWithParse();
    void dataOnlyPublications_data();
    void dataOnlyPublications();

private:
    void checkAgainstParse(const QByteArray &payload, int *plain, int *parsed);
    void checkFrameInvariants(const QList<ProtocolMessage> &messages, const QByteArray &payload, bool server);
};

void TestProtobufCodec::dataOnlyPublications_data()
{
    // The body of a Reply: Push{channel, pub{data}} in libprotobuf's layout takes ProtobufJsonText's shortcut; the
    // other rows are near misses that must not (they go through the schema walk or the parser).
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("plain");       // isPlainMessage: the fields may be read from the wire
    QTest::addColumn<bool>("exact");       // the text gives the bytes back
    QTest::addColumn<bool>("publication"); // isPlainMessage gives the channel: all there is to read
    const auto field = [](int number, const QByteArray &bytes) -> QByteArray {
        QByteArray out(1, char(number << 3 | 2));
        qsizetype n = bytes.size();
        for (; n >= 0x80; n >>= 7)
            out += char(n | 0x80);
        return out + char(n) + bytes;
    };
    const auto reply = [&](const QByteArray &channel, const QByteArray &data) -> QByteArray {
        return field(4, field(2, channel) + field(4, field(4, data)));
    };
    const QByteArray object = R"({"seq":1,"text":"xxxx"})";
    QTest::newRow("flood publication") << reply("chat:1", object) << true << true << true;
    QTest::newRow("channel with quote, newline and CJK") << reply("c\"h\n\xe4\xbd\xa0", object) << true << true << true;
    QTest::newRow("data not JSON") << reply("chat", "hello\nworld") << true << false << true;
    QTest::newRow("data with spaces around") << reply("chat", " 42 ") << true << false << true;
    QTest::newRow("long data (two-byte lengths)")
        << reply("chat", "\"" + QByteArray(300, 'x') + "\"") << true << true << true;
    QTest::newRow("longer data (three-byte lengths)")
        << reply("chat", "\"" + QByteArray(20000, 'x') + "\"") << true << true << true;
    QTest::newRow("channel not UTF-8") << reply("\xff", object) << false << false << false;
    QTest::newRow("empty channel") << reply("", object) << true << false << false;
    QTest::newRow("empty data") << reply("chat", "") << true << false << false;
    QTest::newRow("pub before channel") << field(4, field(4, field(4, object)) + field(2, "chat")) << true << false
                                        << false;
    const QByteArray pub = field(4, object);
    QTest::newRow("length not shortest") << field(4, field(2, "chat") + '\x22' + char(pub.size() | 0x80) + '\0' + pub)
                                         << true << false << false;
    QTest::newRow("with an offset") << field(4, field(2, "chat") + field(4, field(4, object) + QByteArray("\x30\x07")))
                                    << true << true << false;
    QTest::newRow("channel given twice") << field(4, field(2, "a") + field(2, "b") + field(4, field(4, object)))
                                         << false << false << false;
}

void TestProtobufCodec::dataOnlyPublications()
{
    // Against libprotobuf: the parsed message's JSON, and the bytes back from the text when it says it can.
    QFETCH(QByteArray, body);
    QFETCH(bool, plain);
    QFETCH(bool, exact);
    QFETCH(bool, publication);
    const ProtobufSchema::Message &replyType = ProtobufSchema::message(cproto::Reply::descriptor());
    QByteArrayView channel;
    QCOMPARE(ProtobufJsonText::isPlainMessage(body, replyType, &channel), plain);
    cproto::Reply parsed;
    const bool parses = parsed.ParseFromArray(body.constData(), int(body.size()));
    QCOMPARE(channel.data() != nullptr, publication);
    if (publication)
        QCOMPARE(channel.toByteArray(), QByteArray::fromStdString(parsed.push().channel()));
    QByteArray text;
    JsonWriter w(&text);
    w.setReversible(true);
    const bool written = ProtobufJsonText::append(body, replyType, w);
    const bool reversible = w.reversible();
    w.finish();
    QCOMPARE(written, plain);
    if (!written) {
        QVERIFY(text.isEmpty());
        return;
    }
    QVERIFY(parses);
    QCOMPARE(QJsonDocument::fromJson(text).object(), ProtobufJson::toJson(parsed));
    QCOMPARE(reversible, exact);
    if (exact) {
        QByteArray back;
        QVERIFY(ProtobufTextToWire::convert(text, replyType, &back));
        QCOMPARE(back.toHex(), body.toHex());
    }
}

void TestProtobufCodec::factoryGivesProtobuf()
{
    const auto codec = createWireCodec(Protocol::Format::Protobuf);
    QCOMPARE(codec->format(), Protocol::Format::Protobuf);
    QVERIFY(codec->binaryFrames());
    QVERIFY(dynamic_cast<const ProtobufCodec *>(codec.get()));
    QCOMPARE(codec->encodePong(), QByteArray(1, '\0'));

    const auto json = createWireCodec(Protocol::Format::Json);
    QCOMPARE(json->format(), Protocol::Format::Json);
    QVERIFY(!json->binaryFrames());
}

void TestProtobufCodec::connectCommandMatchesObservedBytes()
{
    // docs/server-behaviour.md §5: the live server accepted 04 08 01 22 00 as {"id":1,"connect":{}}.
    ProtobufCodec codec;
    QString error;
    const QByteArray bytes = codec.encodeCommands({obj(R"({"id":1,"connect":{}})")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(bytes.toHex(), QByteArray("0408012200"));
}

void TestProtobufCodec::observedConnectReplyDecodes()
{
    // The connect reply the live server sent (docs/server-behaviour.md §5), byte for byte.
    const QByteArray uuid("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    QCOMPARE(uuid.size(), 36);
    const QByteArray frame = hex("39") + hex("0801") + hex("2a35") + hex("0a24") + uuid + hex("1209") +
                             QByteArray("0.0.0 OSS") + hex("3819") + hex("4001");
    const QList<ProtocolMessage> messages = ProtobufCodec().decodeServerFrame(frame);
    QCOMPARE(messages.size(), 1);
    const ProtocolMessage &m = messages.first();
    QCOMPARE(m.kind, MessageKind::Reply);
    QCOMPARE(m.method, Method::Connect);
    QCOMPARE(m.id, 1u);
    QCOMPARE(m.raw, frame);
    const QJsonObject expected{
        {QStringLiteral("id"), 1},
        {QStringLiteral("connect"), QJsonObject{{QStringLiteral("client"), QString::fromLatin1(uuid)},
                                                {QStringLiteral("version"), QStringLiteral("0.0.0 OSS")},
                                                {QStringLiteral("ping"), 25},
                                                {QStringLiteral("pong"), true}}}};
    QCOMPARE(m.json(), expected);
}

void TestProtobufCodec::commandRoundTrip_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("connect") << QByteArray(
        R"({"id":1,"connect":{"token":"t","data":{"k":"v"},"subs":{"ch":{"recover":true,"epoch":"e","offset":5}},)"
        R"("name":"n","version":"1","headers":{"h":"v"},"flag":3}})");
    QTest::newRow("connect-minimal") << QByteArray(R"({"id":1,"connect":{}})");
    QTest::newRow("subscribe") << QByteArray(
        R"({"id":2,"subscribe":{"channel":"chat:a","token":"t","recover":true,"epoch":"e","offset":12,)"
        R"("data":[1,2],"positioned":true,"recoverable":true,"join_leave":true,"delta":"fossil",)"
        R"("tf":{"op":"and","nodes":[{"key":"k","cmp":"eq","val":"v"},{"key":"x","cmp":"in","vals":["1","2"]}]},)"
        R"("flag":2,"type":1,"phase":2,"cursor":"c","limit":10,"asc":true}})");
    QTest::newRow("subscribe-u64-max") << QByteArray(
        R"({"id":2,"subscribe":{"channel":"c","recover":true,"epoch":"e","offset":"18446744073709551615"}})");
    QTest::newRow("unsubscribe") << QByteArray(R"({"id":3,"unsubscribe":{"channel":"chat:a"}})");
    QTest::newRow("publish-object") << QByteArray(
        R"({"id":4,"publish":{"channel":"chat:a","data":{"text":"hi","n":1.5}}})");
    QTest::newRow("publish-string") << QByteArray(R"({"id":4,"publish":{"channel":"chat:a","data":"plain"}})");
    QTest::newRow("publish-number") << QByteArray(R"({"id":4,"publish":{"channel":"chat:a","data":42}})");
    QTest::newRow("publish-null") << QByteArray(R"({"id":4,"publish":{"channel":"chat:a","data":null}})");
    QTest::newRow("publish-binary") << QByteArray(
        R"({"id":4,"publish":{"channel":"chat:a","data":{"$base64":"AAH/"}}})");
    QTest::newRow("publish-text") << QByteArray(
        R"({"id":4,"publish":{"channel":"chat:a","data":{"$base64":"aGVsbG8=","$text":"hello"}}})");
    QTest::newRow("publish-map-fields") << QByteArray(
        R"({"id":4,"publish":{"channel":"m","data":{"a":1},"type":1,"key":"k","removed":true}})");
    QTest::newRow("presence") << QByteArray(R"({"id":5,"presence":{"channel":"chat:a"}})");
    QTest::newRow("presence_stats") << QByteArray(R"({"id":6,"presence_stats":{"channel":"chat:a"}})");
    QTest::newRow("history") << QByteArray(
        R"({"id":7,"history":{"channel":"chat:a","limit":10,"since":{"offset":10,"epoch":"e"},"reverse":true}})");
    QTest::newRow("history-all") << QByteArray(R"({"id":7,"history":{"channel":"chat:a","limit":-1}})");
    QTest::newRow("ping") << QByteArray(R"({"id":8,"ping":{}})");
    QTest::newRow("send") << QByteArray(R"({"send":{"data":{"x":1}}})");
    QTest::newRow("rpc") << QByteArray(R"({"id":9,"rpc":{"method":"getUser","data":{"id":1}}})");
    QTest::newRow("refresh") << QByteArray(R"({"id":10,"refresh":{"token":"jwt"}})");
    QTest::newRow("sub_refresh") << QByteArray(
        R"({"id":11,"sub_refresh":{"channel":"$s","token":"jwt","type":1,"untrack":["a","b"]}})");
    QTest::newRow("pong") << QByteArray(R"({})");
    QTest::newRow("id-max") << QByteArray(R"({"id":4294967295,"presence":{"channel":"c"}})");
    QTest::newRow("id-without-method") << QByteArray(R"({"id":12})");
}

void TestProtobufCodec::commandRoundTrip()
{
    QFETCH(QByteArray, json);
    const QJsonObject command = obj(json.constData());
    ProtobufCodec codec;
    QString error;
    const QByteArray payload = codec.encodeCommands({command}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!payload.isEmpty());

    const QList<ProtocolMessage> decoded = codec.decodeClientFrame(payload);
    QCOMPARE(decoded.size(), 1);
    QCOMPARE(decoded.first().json(), command);
    QCOMPARE(decoded.first().raw, payload);
    compareClassification(decoded.first(), JsonCodec::decodeClientLine(compact(command)));
}

void TestProtobufCodec::encodedCommandReadByGeneratedClasses()
{
    const QByteArray payload = ProtobufCodec().encodeCommands(
        {obj(R"({"id":4,"publish":{"channel":"chat:a","data":{"text":"hello"}}})"),
         obj(R"({"id":5,"history":{"channel":"h","limit":-1,"since":{"offset":"9007199254740993","epoch":"E"}}})"),
         obj(R"({"id":6,"publish":{"channel":"b","data":{"$base64":"AAH/"}}})")});
    google::protobuf::io::ArrayInputStream in(payload.constData(), int(payload.size()));
    cproto::Command c;
    bool clean = false;
    QVERIFY(google::protobuf::util::ParseDelimitedFromZeroCopyStream(&c, &in, &clean));
    QCOMPARE(c.id(), 4u);
    QVERIFY(c.has_publish());
    QCOMPARE(c.publish().channel(), std::string("chat:a"));
    QCOMPARE(c.publish().data(), std::string(R"({"text":"hello"})")); // embedded JSON travels as its text

    c.Clear(); // ParseDelimited merges into the message
    QVERIFY(google::protobuf::util::ParseDelimitedFromZeroCopyStream(&c, &in, &clean));
    QCOMPARE(c.id(), 5u);
    QVERIFY(!c.has_publish());
    QCOMPARE(c.history().limit(), -1);
    QCOMPARE(c.history().since().offset(), quint64(9007199254740993ULL));
    QCOMPARE(c.history().since().epoch(), std::string("E"));

    c.Clear();
    QVERIFY(google::protobuf::util::ParseDelimitedFromZeroCopyStream(&c, &in, &clean));
    QCOMPARE(c.publish().data(), std::string("\x00\x01\xff", 3));
    QVERIFY(!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&c, &in, &clean));
    QVERIFY(clean); // all bytes consumed at a message boundary
}

void TestProtobufCodec::replyRoundTrip_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("connect") << QByteArray(
        R"({"id":1,"connect":{"client":"c","version":"6.9.1 OSS","expires":true,"ttl":60,"data":{"a":1},)"
        R"("subs":{"news":{"recoverable":true,"epoch":"e","offset":5,"positioned":true}},"ping":25,"pong":true,)"
        R"("session":"s","node":"n","time":1700000000000}})");
    QTest::newRow("error") << QByteArray(R"({"id":2,"error":{"code":103,"message":"permission denied"}})");
    QTest::newRow("error-temporary") << QByteArray(
        R"({"id":3,"error":{"code":100,"message":"internal server error","temporary":true}})");
    QTest::newRow("subscribe") << QByteArray(
        R"({"id":4,"subscribe":{"expires":true,"ttl":30,"recoverable":true,"epoch":"kXqA","publications":[)"
        R"({"data":{"text":"hi"},"info":{"user":"","client":"c1"},"offset":13,"tags":{"k":"v"}}],)"
        R"("recovered":true,"offset":12,"positioned":true,"data":"sub-data","was_recovering":true,"delta":true,)"
        R"("id":77,"type":1,"phase":2,"cursor":"cur","state":[{"data":2,"key":"k"}],"publish_debounce":100}})");
    QTest::newRow("unsubscribe") << QByteArray(R"({"id":5,"unsubscribe":{}})");
    QTest::newRow("publish") << QByteArray(R"({"id":6,"publish":{}})");
    QTest::newRow("presence") << QByteArray(
        R"({"id":7,"presence":{"presence":{"c1":{"user":"","client":"c1"},)"
        R"("c2":{"user":"42","client":"c2","conn_info":{"name":"Alice"},"chan_info":"x"}}}})");
    QTest::newRow("presence-empty") << QByteArray(R"({"id":8,"presence":{"presence":{}}})");
    QTest::newRow("presence_stats-zero") << QByteArray(R"({"id":9,"presence_stats":{"num_clients":0,"num_users":0}})");
    QTest::newRow("presence_stats") << QByteArray(R"({"id":9,"presence_stats":{"num_clients":2,"num_users":1}})");
    QTest::newRow("history-position") << QByteArray(R"({"id":10,"history":{"publications":[],"epoch":"","offset":0}})");
    QTest::newRow("history") << QByteArray(
        R"({"id":10,"history":{"publications":[{"data":{"text":"a"},"offset":11},{"data":{"text":"b"},"offset":12}],)"
        R"("epoch":"kXqA","offset":12}})");
    QTest::newRow("ping-result") << QByteArray(R"({"id":11,"ping":{}})");
    QTest::newRow("rpc") << QByteArray(R"({"id":12,"rpc":{"data":{"r":true}}})");
    QTest::newRow("refresh") << QByteArray(
        R"({"id":13,"refresh":{"client":"c","version":"v","expires":true,"ttl":3600}})");
    QTest::newRow("sub_refresh") << QByteArray(
        R"({"id":14,"sub_refresh":{"expires":true,"ttl":3600,"items":[{"data":1,"key":"k","version":3,"score":-5,"removed":true}]}})");
    QTest::newRow("push-pub") << QByteArray(
        R"({"push":{"channel":"chat:a","pub":{"data":{"text":"hi"},"info":{"user":"","client":"c"},"offset":13,)"
        R"("tags":{"t":"v"},"time":5,"channel":"chat:a","epoch":"e","prev_data":{"p":1}}}})");
    QTest::newRow("push-pub-binary") << QByteArray(
        R"({"push":{"channel":"chat:a","pub":{"data":{"$base64":"AAH/"}}}})");
    QTest::newRow("push-pub-delta") << QByteArray(
        R"({"push":{"channel":"chat:a","pub":{"data":{"$base64":"MTIKNkA0LDI6aGk7","$text":"12\n6@4,2:hi;"},"delta":true}}})");
    QTest::newRow("push-pub-big-ids") << QByteArray(
        R"({"push":{"id":"9007199254740993","channel":"c","pub":{"data":1,"score":"-9007199254740993"}}})");
    QTest::newRow("push-join") << QByteArray(
        R"({"push":{"channel":"chat:a","join":{"info":{"user":"42","client":"c2","conn_info":{"name":"Alice"}}}}})");
    QTest::newRow("push-leave") << QByteArray(
        R"({"push":{"channel":"chat:a","leave":{"info":{"user":"42","client":"c2"}}}})");
    QTest::newRow("push-unsubscribe") << QByteArray(
        R"({"push":{"channel":"chat:a","unsubscribe":{"code":2000,"reason":"server unsubscribe"}}})");
    QTest::newRow("push-subscribe") << QByteArray(
        R"({"push":{"channel":"news","subscribe":{"recoverable":true,"epoch":"ab12","offset":5,"positioned":true,"data":{"d":1}}}})");
    QTest::newRow("push-message") << QByteArray(R"({"push":{"message":{"data":{"x":1}}}})");
    QTest::newRow("push-refresh") << QByteArray(R"({"push":{"refresh":{"expires":true,"ttl":3600}}})");
    QTest::newRow("push-disconnect") << QByteArray(
        R"({"push":{"disconnect":{"code":3001,"reason":"shutdown","reconnect":true}}})");
    QTest::newRow("push-connect") << QByteArray(
        R"({"push":{"connect":{"client":"c","version":"v","data":{"a":1},"subs":{"x":{"offset":1}},"expires":true,)"
        R"("ttl":1,"ping":25,"pong":true,"session":"s","node":"n","time":7}}})");
    QTest::newRow("push-with-id") << QByteArray(R"({"push":{"id":7,"channel":"c","pub":{"data":1}}})");
    QTest::newRow("ping") << QByteArray(R"({})");
}

void TestProtobufCodec::replyRoundTrip()
{
    QFETCH(QByteArray, json);
    const QJsonObject reply = obj(json.constData());
    QString error;
    const QByteArray payload = ProtobufCodec::encodeReplies({reply}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QList<ProtocolMessage> decoded = ProtobufCodec().decodeServerFrame(payload);
    QCOMPARE(decoded.size(), 1);
    QCOMPARE(QString::fromUtf8(compact(decoded.first().json())), QString::fromUtf8(compact(reply)));
    QCOMPARE(decoded.first().json(), reply);
    QCOMPARE(decoded.first().raw, payload);
    compareClassification(decoded.first(), JsonCodec::decodeServerLine(compact(reply)));
    // The text recordings write says the same, on one line.
    QByteArray text;
    QVERIFY(decoded.first().appendConvertedJsonText(&text));
    QVERIFY2(!text.contains('\n'), text.constData());
    QCOMPARE(QJsonDocument::fromJson(text).object(), reply);
}

void TestProtobufCodec::jsonTextEqualsJson_data()
{
    QTest::addColumn<QByteArray>("data"); // a publication's data bytes
    QTest::newRow("compact object") << QByteArray(R"({"b":1,"a":[1,2.5e3]})");
    QTest::newRow("spaces and line breaks") << QByteArray(" {\"b\": 1,\r\n \"a\" : [1, \"x\"]}\n");
    QTest::newRow("tab inside") << QByteArray("{\"a\":\t1}");
    QTest::newRow("number") << QByteArray(" 42 ");
    QTest::newRow("long number") << QByteArray("12345678901234567890");
    QTest::newRow("escapes") << QByteArray(R"({"s":"\u00e9\n\"q\"","k\/":null})");
    QTest::newRow("duplicate keys") << QByteArray(R"({"a":1,"a":2})");
    QTest::newRow("deep") << QByteArray(200, '[') + QByteArray(200, ']');
    QTest::newRow("not json") << QByteArray("hello\nworld");
    QTest::newRow("not utf-8") << QByteArray("\xff\x00\x01", 3);
    QTest::newRow("control character in a string") << QByteArray("\"a\x01b\"");
    QTest::newRow("empty") << QByteArray();
}

void TestProtobufCodec::jsonTextEqualsJson()
{
    // Built with the generated classes, so that the data bytes are exactly these.
    QFETCH(QByteArray, data);
    cproto::Reply reply;
    cproto::Push *push = reply.mutable_push();
    push->set_channel("chat:\"a\"\n\xe4\xbd\xa0");
    cproto::Publication *pub = push->mutable_pub();
    pub->set_data(data.toStdString());
    pub->set_offset(quint64(1) << 60);
    (*pub->mutable_tags())["k\t"] = "v";
    pub->mutable_info()->set_user("u");
    const QByteArray frame = delimited({&reply});
    const QList<ProtocolMessage> messages = ProtobufCodec().decodeServerFrame(frame);
    QCOMPARE(messages.size(), 1);
    QByteArray text;
    QVERIFY(messages.first().appendConvertedJsonText(&text));
    QVERIFY2(!text.contains('\n') && !text.contains('\r'), text.constData());
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(error.errorString() + QLatin1String(": ") + QString::fromUtf8(text)));
    QCOMPARE(parsed.object(), messages.first().json());
}

void TestProtobufCodec::replyFromGeneratedClasses()
{
    // Built without the Inspector's converter, so a bug symmetric in encode and decode cannot hide here.
    cproto::Reply pub;
    pub.mutable_push()->set_channel("chat:a");
    pub.mutable_push()->mutable_pub()->set_data(R"({"text":"hi"})");
    pub.mutable_push()->mutable_pub()->mutable_info()->set_client("c1");
    pub.mutable_push()->mutable_pub()->set_offset(13);
    cproto::Reply stats;
    stats.set_id(3);
    stats.mutable_presence_stats(); // all zero: still written
    cproto::Reply ping;
    cproto::Reply error;
    error.set_id(4);
    error.mutable_error()->set_code(103);
    error.mutable_error()->set_message("permission denied");

    const QByteArray frame = delimited({&pub, &stats, &ping, &error});
    const QList<ProtocolMessage> m = ProtobufCodec().decodeServerFrame(frame);
    QCOMPARE(m.size(), 4);
    QCOMPARE(
        m[0].json(),
        obj(R"({"push":{"channel":"chat:a","pub":{"data":{"text":"hi"},"info":{"user":"","client":"c1"},"offset":13}}})"));
    QCOMPARE(m[0].kind, MessageKind::Push);
    QCOMPARE(m[0].push, PushType::Pub);
    QCOMPARE(m[0].channel, QStringLiteral("chat:a"));
    QCOMPARE(m[1].json(), obj(R"({"id":3,"presence_stats":{"num_clients":0,"num_users":0}})"));
    QCOMPARE(m[1].method, Method::PresenceStats);
    QCOMPARE(m[2].kind, MessageKind::Ping);
    QCOMPARE(m[2].json(), QJsonObject());
    QCOMPARE(m[2].raw, QByteArray(1, '\0'));
    QCOMPARE(m[3].kind, MessageKind::Error);
    QCOMPARE(m[3].code, 103);
    QCOMPARE(m[3].text, QStringLiteral("permission denied"));
}

void TestProtobufCodec::severalMessagesPerFrame()
{
    ProtobufCodec codec;
    const QList<QJsonObject> commands = {obj(R"({"id":1,"connect":{}})"),
                                         obj(R"({"id":2,"subscribe":{"channel":"a"}})"), obj(R"({})"),
                                         obj(R"({"id":3,"publish":{"channel":"a","data":{"n":1}}})")};
    const QByteArray out = codec.encodeCommands(commands);
    const QList<ProtocolMessage> sent = codec.decodeClientFrame(out);
    QCOMPARE(sent.size(), 4);
    QCOMPARE(concatRaw(sent), out);
    QCOMPARE(sent[0].method, Method::Connect);
    QCOMPARE(sent[1].method, Method::Subscribe);
    QCOMPARE(sent[1].channel, QStringLiteral("a"));
    QCOMPARE(sent[2].kind, MessageKind::Pong);
    QCOMPARE(sent[2].raw, QByteArray(1, '\0'));
    QCOMPARE(sent[3].method, Method::Publish);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(sent[i].json(), commands[i]);

    // The server may put a ping between pushes in one frame.
    const QByteArray in = ProtobufCodec::encodeReplies(
        {obj(R"({"push":{"channel":"a","pub":{"data":1,"offset":1}}})"), obj(R"({})"),
         obj(R"({"push":{"channel":"a","pub":{"data":2,"offset":2}}})"), obj(R"({"id":3,"publish":{}})")});
    const QList<ProtocolMessage> received = codec.decodeServerFrame(in);
    QCOMPARE(received.size(), 4);
    QCOMPARE(concatRaw(received), in);
    QCOMPARE(received[0].push, PushType::Pub);
    QCOMPARE(received[1].kind, MessageKind::Ping);
    QCOMPARE(received[2]
                 .json()
                 .value(QStringLiteral("push"))
                 .toObject()
                 .value(QStringLiteral("pub"))
                 .toObject()
                 .value(QStringLiteral("data")),
             QJsonValue(2));
    QCOMPARE(received[3].kind, MessageKind::Reply);
    QCOMPARE(received[3].id, 3u);
}

void TestProtobufCodec::emptyMessageIsPingAndPong()
{
    ProtobufCodec codec;
    QCOMPARE(codec.encodePong(), QByteArray(1, '\0'));
    QCOMPARE(codec.encodeCommands({QJsonObject()}), QByteArray(1, '\0'));

    const QList<ProtocolMessage> ping = codec.decodeServerFrame(QByteArray(1, '\0'));
    QCOMPARE(ping.size(), 1);
    QCOMPARE(ping.first().kind, MessageKind::Ping);
    QCOMPARE(ping.first().kindName(), QStringLiteral("ping"));

    const QList<ProtocolMessage> pong = codec.decodeClientFrame(QByteArray(1, '\0'));
    QCOMPARE(pong.size(), 1);
    QCOMPARE(pong.first().kind, MessageKind::Pong);

    QCOMPARE(codec.decodeServerFrame(QByteArray(3, '\0')).size(), 3);

    const QList<ProtocolMessage> empty = codec.decodeServerFrame(QByteArray());
    QCOMPARE(empty.size(), 1);
    QCOMPARE(empty.first().kind, MessageKind::Invalid);
    QVERIFY(!empty.first().text.isEmpty());
}

void TestProtobufCodec::bytesToJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("expected"); // the JSON value, wrapped as {"v": ...}

    QTest::newRow("object") << QByteArray(R"({"text":"hi"})") << QByteArray(R"({"v":{"text":"hi"}})");
    QTest::newRow("object-spaced") << QByteArray(" { \"a\" : [1, 2] } ") << QByteArray(R"({"v":{"a":[1,2]}})");
    QTest::newRow("array") << QByteArray("[1,\"x\"]") << QByteArray(R"({"v":[1,"x"]})");
    QTest::newRow("string") << QByteArray("\"hi\"") << QByteArray(R"({"v":"hi"})");
    QTest::newRow("number") << QByteArray("42") << QByteArray(R"({"v":42})");
    QTest::newRow("true") << QByteArray("true") << QByteArray(R"({"v":true})");
    QTest::newRow("null") << QByteArray("null") << QByteArray(R"({"v":null})");
    QTest::newRow("plain-text") << QByteArray("hello") << QByteArray(R"({"v":{"$base64":"aGVsbG8=","$text":"hello"}})");
    QTest::newRow("two-values") << QByteArray("1,2") << QByteArray(R"({"v":{"$base64":"MSwy","$text":"1,2"}})");
    QTest::newRow("bracket-escape") << QByteArray("1],[2")
                                    << QByteArray(R"({"v":{"$base64":"MV0sWzI=","$text":"1],[2"}})");
    QTest::newRow("binary") << QByteArray("\x00\x01\xff", 3) << QByteArray(R"({"v":{"$base64":"AAH/"}})");
    QTest::newRow("utf8-text") << QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd")
                               << QByteArray(
                                      "{\"v\":{\"$base64\":\"5L2g5aW9\",\"$text\":\"\xe4\xbd\xa0\xe5\xa5\xbd\"}}");
    QTest::newRow("truncated-json") << QByteArray("{\"a\":")
                                    << QByteArray(R"({"v":{"$base64":"eyJhIjo=","$text":"{\"a\":"}})");
}

void TestProtobufCodec::bytesToJson()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, expected);
    const QJsonValue v = ProtobufJson::bytesToJson(bytes);
    QCOMPARE(v, obj(expected.constData()).value(QStringLiteral("v")));

    // And back: JSON values give their compact text, the $base64 form the exact bytes.
    QByteArray back;
    QVERIFY(ProtobufJson::jsonToBytes(v, &back));
    QCOMPARE(ProtobufJson::bytesToJson(back), v);
    if (v.isObject() && v.toObject().contains(QStringLiteral("$base64")))
        QCOMPARE(back, bytes);
}

void TestProtobufCodec::jsonToBytes_data()
{
    QTest::addColumn<QByteArray>("json"); // {"v": value}
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("object") << QByteArray(R"({"v":{"b":1,"a":"x"}})") << true << QByteArray(R"({"a":"x","b":1})");
    QTest::newRow("string") << QByteArray(R"({"v":"hi"})") << true << QByteArray("\"hi\"");
    QTest::newRow("number") << QByteArray(R"({"v":-3.5})") << true << QByteArray("-3.5");
    QTest::newRow("bool") << QByteArray(R"({"v":false})") << true << QByteArray("false");
    QTest::newRow("null") << QByteArray(R"({"v":null})") << true << QByteArray("null");
    QTest::newRow("base64") << QByteArray(R"({"v":{"$base64":"aGk="}})") << true << QByteArray("hi");
    QTest::newRow("base64-wins") << QByteArray(R"({"v":{"$base64":"aGk=","$text":"other"}})") << true
                                 << QByteArray("hi");
    QTest::newRow("text-only") << QByteArray(R"({"v":{"$text":"plain text"}})") << true << QByteArray("plain text");
    QTest::newRow("base64-invalid") << QByteArray(R"({"v":{"$base64":"!!"}})") << false << QByteArray();
    QTest::newRow("base64-not-string") << QByteArray(R"({"v":{"$base64":5}})") << false << QByteArray();
    QTest::newRow("text-not-string") << QByteArray(R"({"v":{"$text":5}})") << false << QByteArray();
    QTest::newRow("base64-with-other-keys-is-json")
        << QByteArray(R"({"v":{"$base64":"aGk=","x":1}})") << true << QByteArray(R"({"$base64":"aGk=","x":1})");
}

void TestProtobufCodec::jsonToBytes()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QByteArray, bytes);
    QByteArray out;
    QString error;
    QCOMPARE(ProtobufJson::jsonToBytes(obj(json.constData()).value(QStringLiteral("v")), &out, &error), ok);
    if (ok)
        QCOMPARE(out, bytes);
    else
        QVERIFY(!error.isEmpty());
}

void TestProtobufCodec::unknownFieldsAreListed()
{
    ProtobufCodec codec;
    // Field 99 (varint): tag 99 << 3 = 0x318 -> 98 06.
    const QList<ProtocolMessage> onlyUnknown = codec.decodeServerFrame(hex("03980601"));
    QCOMPARE(onlyUnknown.size(), 1);
    QCOMPARE(onlyUnknown.first().json(), obj(R"({"$unknown_fields":[99]})"));
    QCOMPARE(onlyUnknown.first().kind, MessageKind::Ping); // decoders ignore unknown fields

    // id 5, connect {} with an unknown field 20 inside (tag a0 01, varint 1) and field 99 outside.
    const QList<ProtocolMessage> reply =
        codec.decodeServerFrame(hex("0a") + hex("0805") + hex("2a03a00101") + hex("980601"));
    QCOMPARE(reply.size(), 1);
    QCOMPARE(reply.first().json(), obj(R"({"id":5,"connect":{"$unknown_fields":[20]},"$unknown_fields":[99]})"));
    QCOMPARE(reply.first().kind, MessageKind::Reply);
    QCOMPARE(reply.first().method, Method::Connect);
}

void TestProtobufCodec::encodeErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unknown-field") << QByteArray(R"({"id":1,"publish":{"channel":"a","dat":1}})")
                                   << QStringLiteral("publish.dat");
    QTest::newRow("unknown-method") << QByteArray(R"({"id":1,"bogus":{}})") << QStringLiteral("bogus");
    QTest::newRow("id-string") << QByteArray(R"({"id":"1","connect":{}})")
                               << QStringLiteral("id: expected a whole number");
    QTest::newRow("id-negative") << QByteArray(R"({"id":-1,"connect":{}})") << QStringLiteral("out of range");
    QTest::newRow("id-too-big") << QByteArray(R"({"id":4294967296,"connect":{}})") << QStringLiteral("out of range");
    QTest::newRow("id-fraction") << QByteArray(R"({"id":1.5,"connect":{}})") << QStringLiteral("not a whole number");
    QTest::newRow("bool-as-string") << QByteArray(R"({"id":1,"subscribe":{"channel":"a","recover":"yes"}})")
                                    << QStringLiteral("subscribe.recover");
    QTest::newRow("channel-number") << QByteArray(R"({"id":1,"subscribe":{"channel":5}})")
                                    << QStringLiteral("subscribe.channel");
    QTest::newRow("bad-base64") << QByteArray(R"({"id":1,"publish":{"channel":"a","data":{"$base64":"!!"}}})")
                                << QStringLiteral("publish.data");
    QTest::newRow("offset-too-big") << QByteArray(R"({"id":1,"subscribe":{"channel":"a","offset":1e20}})")
                                    << QStringLiteral("out of range");
    QTest::newRow("offset-negative-string")
        << QByteArray(R"({"id":1,"subscribe":{"channel":"a","offset":"-1"}})") << QStringLiteral("subscribe.offset");
    QTest::newRow("limit-too-big") << QByteArray(R"({"id":1,"history":{"channel":"a","limit":3000000000}})")
                                   << QStringLiteral("history.limit");
    QTest::newRow("map-value-type") << QByteArray(R"({"id":1,"connect":{"headers":{"h":1}}})")
                                    << QStringLiteral("connect.headers[h]");
    QTest::newRow("repeated-not-array") << QByteArray(R"({"id":1,"sub_refresh":{"channel":"a","untrack":"x"}})")
                                        << QStringLiteral("an array");
    QTest::newRow("method-not-object") << QByteArray(R"({"id":1,"publish":5})") << QStringLiteral("publish");
    QTest::newRow("track-not-modelled") << QByteArray(R"({"id":1,"sub_refresh":{"channel":"a","track":[]}})")
                                        << QStringLiteral("track");
}

void TestProtobufCodec::encodeErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    ProtobufCodec codec;
    QString error;
    QVERIFY(codec.encodeCommands({obj(json.constData())}, &error).isEmpty());
    QVERIFY2(error.contains(mentions), qPrintable(error));

    // In a batch the failing command is named by position; nothing of the batch is encoded.
    error.clear();
    QVERIFY(codec.encodeCommands({obj(R"({"id":9,"connect":{}})"), obj(json.constData())}, &error).isEmpty());
    QVERIFY2(error.startsWith(QStringLiteral("message 2: ")), qPrintable(error));
}

void TestProtobufCodec::deepNestingIsRefused()
{
    QJsonObject node{{QStringLiteral("key"), QStringLiteral("k")}};
    for (int i = 0; i < 150; ++i)
        node = QJsonObject{{QStringLiteral("op"), QStringLiteral("and")}, {QStringLiteral("nodes"), QJsonArray{node}}};
    QJsonObject command{{QStringLiteral("id"), 1},
                        {QStringLiteral("subscribe"),
                         QJsonObject{{QStringLiteral("channel"), QStringLiteral("a")}, {QStringLiteral("tf"), node}}}};
    QString error;
    QVERIFY(ProtobufCodec().encodeCommands({command}, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("nested deeper")), qPrintable(error));
}

void TestProtobufCodec::garbage_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QStringList>("kinds"); // kindName() of each message
    QTest::addColumn<QString>("lastText");  // part of the last message's text

    QTest::newRow("truncated-varint") << hex("80") << QStringList{QStringLiteral("invalid")}
                                      << QStringLiteral("bad length prefix at byte 0");
    QTest::newRow("overlong-varint") << hex("ffffffffffffffffffff01") << QStringList{QStringLiteral("invalid")}
                                     << QStringLiteral("longer than 10 bytes");
    QTest::newRow("length-beyond-frame") << hex("0a0801") << QStringList{QStringLiteral("invalid")}
                                         << QStringLiteral("announces 10 bytes, but only 2 bytes follow");
    QTest::newRow("huge-length-32") << hex("ffffffff0f00") << QStringList{QStringLiteral("invalid")}
                                    << QStringLiteral("announces 4294967295 bytes");
    QTest::newRow("huge-length-64") << hex("ffffffffffffffff7f00") << QStringList{QStringLiteral("invalid")}
                                    << QStringLiteral("announces 9223372036854775807 bytes");
    // Ten bytes, the last with bits past 64: libprotobuf drops them and reads all 64 bits set.
    QTest::newRow("ten-byte-length-bits-dropped")
        << hex("ffffffffffffffffff7f00") << QStringList{QStringLiteral("invalid")}
        << QStringLiteral("announces 18446744073709551615 bytes");
    QTest::newRow("garbage-body") << hex("03ffffff") << QStringList{QStringLiteral("invalid")}
                                  << QStringLiteral("not a valid Protobuf Reply");
    QTest::newRow("ping-then-truncated") << hex("000508")
                                         << QStringList{QStringLiteral("ping"), QStringLiteral("invalid")}
                                         << QStringLiteral("at byte 1");
    QTest::newRow("bad-message-between-good")
        << hex("0003ffffff00") << QStringList{QStringLiteral("ping"), QStringLiteral("invalid"), QStringLiteral("ping")}
        << QString();
    // push { channel: "\xff" }: proto3 strings must be UTF-8; libprotobuf's reason is kept.
    QTest::newRow("invalid-utf8-string") << hex("0522031201ff") << QStringList{QStringLiteral("invalid")}
                                         << QStringLiteral("UTF-8");
    QTest::newRow("wrong-wire-type-truncated")
        << hex("020d01") << QStringList{QStringLiteral("invalid")} << QStringLiteral("not a valid Protobuf Reply");
}

void TestProtobufCodec::garbage()
{
    QFETCH(QByteArray, payload);
    QFETCH(QStringList, kinds);
    QFETCH(QString, lastText);
    ProtobufCodec codec;
    const QList<ProtocolMessage> messages = codec.decodeServerFrame(payload);
    QStringList actual;
    for (const ProtocolMessage &m : messages)
        actual << m.kindName();
    QCOMPARE(actual, kinds);
    QCOMPARE(concatRaw(messages), payload);
    for (const ProtocolMessage &m : messages) {
        if (m.kind == MessageKind::Invalid)
            QVERIFY(!m.text.isEmpty());
    }
    if (!lastText.isEmpty())
        QVERIFY2(messages.last().text.contains(lastText), qPrintable(messages.last().text));
    checkFrameInvariants(codec.decodeClientFrame(payload), payload, false);
}

void TestProtobufCodec::tooManyMessagesInOneFrame()
{
    const int n = ProtobufCodec::kMaxMessagesPerFrame;
    const QList<ProtocolMessage> messages = ProtobufCodec().decodeServerFrame(QByteArray(n + 5, '\0'));
    QCOMPARE(messages.size(), n + 1);
    QCOMPARE(messages.at(n - 1).kind, MessageKind::Ping);
    QCOMPARE(messages.last().kind, MessageKind::Invalid);
    QCOMPARE(messages.last().raw, QByteArray(5, '\0'));
    QVERIFY(messages.last().text.contains(QStringLiteral("remaining 5 bytes")));
}

void TestProtobufCodec::checkFrameInvariants(const QList<ProtocolMessage> &messages, const QByteArray &payload,
                                             bool server)
{
    QVERIFY(!messages.isEmpty());
    // Every byte of the frame belongs to exactly one message, in order: nothing hidden, nothing invented.
    QCOMPARE(concatRaw(messages), payload);
    for (const ProtocolMessage &m : messages) {
        if (m.kind == MessageKind::Invalid) {
            QVERIFY(!m.text.isEmpty());
            QVERIFY(m.json().isEmpty());
            continue;
        }
        // Server messages are classified without JSON: the result must be what their JSON classifies as.
        if (server) {
            compareClassification(m, JsonCodec::classifyServerObject(m.json(), m.raw));
            if (QTest::currentTestFailed())
                return;
        }
        // A decoded message's JSON converts back, and that decodes to the same JSON.
        const QByteArray text = compact(m.json());
        if (text.contains("$unknown_fields") || text.contains("$base64"))
            continue; // unknown fields cannot be encoded; "$base64" may be data that merely looks like the form
        QString error;
        const QByteArray again = server ? ProtobufCodec::encodeReplies({m.json()}, &error)
                                        : ProtobufCodec().encodeCommands({m.json()}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error + QLatin1String(" for ") + QString::fromUtf8(text)));
        const QList<ProtocolMessage> redecoded =
            server ? ProtobufCodec().decodeServerFrame(again) : ProtobufCodec().decodeClientFrame(again);
        QCOMPARE(redecoded.size(), 1);
        QCOMPARE(redecoded.first().json(), m.json());
    }
}

void TestProtobufCodec::classifiedWithoutJson_data()
{
    QTest::addColumn<QByteArray>("reply");
    const char *replies[] = {
        R"({"push":{"channel":"c","pub":{"data":{"a":1},"offset":3}}})",
        R"({"push":{"channel":"c","join":{"info":{"user":"u","client":"c"}}}})",
        R"({"push":{"channel":"c","leave":{"info":{"user":"u","client":"c"}}}})",
        R"({"push":{"channel":"c","unsubscribe":{"code":2500,"reason":"insufficient state"}}})",
        R"({"push":{"disconnect":{"code":3001,"reason":"shutdown","reconnect":true}}})",
        R"({"push":{"disconnect":{"code":4294967295,"reason":"too big for an int"}}})",
        R"({"push":{"channel":"c","message":{"data":"x"}}})",
        R"({"push":{"channel":"c","subscribe":{"recoverable":true}}})",
        R"({"push":{"connect":{"client":"c","version":"v"}}})",
        R"({"push":{"refresh":{"expires":true,"ttl":60}}})",
        R"({"push":{"channel":"c","pub":{"data":1},"unsubscribe":{"code":2000}}})",
        R"({"push":{"channel":"c"}})",
        R"({"push":{}})",
        R"({"id":3,"error":{"code":103,"message":"permission denied"}})",
        R"({"id":3,"error":{"code":3000000000,"message":"huge"}})",
        R"({"id":4,"error":{}})",
        R"({"id":5,"subscribe":{}})",
        R"({"id":6,"presence_stats":{"num_clients":1,"num_users":1}})",
        R"({"id":7,"sub_refresh":{"expires":true}})",
        R"({"id":8})",
        R"({"connect":{"client":"c"}})",
        R"({"id":9,"publish":{},"rpc":{"data":1}})",
        R"({})",
    };
    for (const char *reply : replies)
        QTest::newRow(reply) << QByteArray(reply);
}

void TestProtobufCodec::classifiedWithoutJson()
{
    QFETCH(QByteArray, reply);
    QString error;
    const QByteArray frame = ProtobufCodec::encodeReplies({obj(reply)}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<ProtocolMessage> messages = ProtobufCodec().decodeServerFrame(frame);
    QCOMPARE(messages.size(), 1);
    // A copy opened later (json() converts lazily) classifies as the message does, and its JSON is the reply's.
    const ProtocolMessage copy = messages.first();
    compareClassification(messages.first(), JsonCodec::classifyServerObject(copy.json(), copy.raw));
    QCOMPARE(copy.json(), ProtobufCodec::serverMessageJson(copy.raw));
    QCOMPARE(copy.json(), obj(reply));
}

void TestProtobufCodec::fuzz()
{
    // Deterministic: a fixed seed, so a failure reproduces.
    QRandomGenerator random(20261126);
    ProtobufCodec codec;
    const QList<QByteArray> corpus = {
        ProtobufCodec::encodeReplies(
            {obj(R"({"id":1,"connect":{"client":"c","version":"v","ping":25,"pong":true,"subs":{"a":{"offset":1}}}})"),
             obj(R"({"push":{"channel":"chat:a","pub":{"data":{"text":"hi"},"info":{"user":"u","client":"c"},"offset":13,"tags":{"k":"v"}}}})"),
             obj(R"({})"), obj(R"({"id":4,"error":{"code":103,"message":"permission denied"}})")}),
        ProtobufCodec::encodeReplies(
            {obj(R"({"id":7,"presence":{"presence":{"c1":{"user":"","client":"c1","conn_info":[1]}}}})"),
             obj(R"({"id":9,"history":{"publications":[{"data":"x","offset":1}],"epoch":"e","offset":1}})")}),
        // Replies that are classified from their bytes without libprotobuf (no maps, each field once).
        ProtobufCodec::encodeReplies(
            {obj(R"({"push":{"channel":"chat:a","pub":{"data":{"text":"hi"},"info":{"user":"u","client":"c"},"offset":13}}})"),
             obj(R"({"push":{"channel":"c","unsubscribe":{"code":2500,"reason":"r"}}})"),
             obj(R"({"push":{"disconnect":{"code":3001,"reason":"shutdown","reconnect":true}}})"),
             obj(R"({"id":5,"error":{"code":103,"message":"permission denied"}})"), obj(R"({"id":6,"publish":{}})")}),
        codec.encodeCommands(
            {obj(R"({"id":1,"connect":{"name":"n","subs":{"s":{"recover":true}},"headers":{"a":"b"}}})"),
             obj(R"({"id":2,"subscribe":{"channel":"c","tf":{"op":"and","nodes":[{"key":"k"}]},"offset":3}})"),
             obj(R"({"id":3,"publish":{"channel":"c","data":{"$base64":"AAH/"}}})")}),
    };
    for (const QByteArray &frame : corpus)
        QVERIFY(!frame.isEmpty());

    int invalid = 0;
    int decoded = 0;
    int plain = 0;
    int parsed = 0;
    auto check = [&](const QByteArray &payload) {
        const QList<ProtocolMessage> server = codec.decodeServerFrame(payload);
        checkFrameInvariants(server, payload, true);
        if (QTest::currentTestFailed())
            return;
        checkAgainstParse(payload, &plain, &parsed);
        if (QTest::currentTestFailed())
            return;
        checkFrameInvariants(codec.decodeClientFrame(payload), payload, false);
        for (const ProtocolMessage &m : server) {
            (m.kind == MessageKind::Invalid ? invalid : decoded)++;
            QByteArray text;
            if (m.appendConvertedJsonText(&text))
                QCOMPARE(QJsonDocument::fromJson(text).object(), m.json());
        }
    };

    for (int i = 0; i < 3000 && !QTest::currentTestFailed(); ++i) {
        QByteArray payload(random.bounded(0, 96), '\0');
        for (char &c : payload)
            c = char(random.bounded(256));
        check(payload);
    }
    for (int i = 0; i < 4000 && !QTest::currentTestFailed(); ++i) {
        QByteArray payload = corpus.at(random.bounded(int(corpus.size())));
        const int mutations = random.bounded(1, 5);
        for (int k = 0; k < mutations && !payload.isEmpty(); ++k) {
            const int at = random.bounded(int(payload.size()));
            switch (random.bounded(6)) {
            case 0: // flip one bit
                payload[at] = char(payload.at(at) ^ (1 << random.bounded(8)));
                break;
            case 1: // random byte
                payload[at] = char(random.bounded(256));
                break;
            case 2: // insert
                payload.insert(at, char(random.bounded(256)));
                break;
            case 3: // delete
                payload.remove(at, 1);
                break;
            case 4: // truncate
                payload.truncate(at);
                break;
            case 5: // a huge varint
                payload.insert(at, hex("ffffffff0f"));
                break;
            }
        }
        check(payload);
    }
    QVERIFY(!QTest::currentTestFailed());
    // Both outcomes must occur, or the fuzzer is not exercising anything.
    QVERIFY2(invalid > 1000, qPrintable(QString::number(invalid)));
    QVERIFY2(decoded > 1000, qPrintable(QString::number(decoded)));
    // Both ways of classifying a Reply must be exercised: from its bytes, and parsed by libprotobuf.
    QVERIFY2(plain > 1000, qPrintable(QString::number(plain)));
    QVERIFY2(parsed > 1000, qPrintable(QString::number(parsed)));
}

// Each message of a server frame, decoded by the codec (from its bytes when they are plain, else parsed), against
// libprotobuf's own parse of the same bytes and JsonCodec's classification of their JSON: a Reply libprotobuf
// rejects must be Invalid, and one it accepts must classify the same. Counts the plain and the parsed ones.
void TestProtobufCodec::checkAgainstParse(const QByteArray &payload, int *plain, int *parsed)
{
    for (const ProtocolMessage &m : ProtobufCodec().decodeServerFrame(payload)) {
        google::protobuf::io::CodedInputStream in(reinterpret_cast<const quint8 *>(m.raw.constData()),
                                                  int(m.raw.size()));
        quint32 length = 0;
        if (!in.ReadVarint32(&length) || qsizetype(length) != m.raw.size() - in.CurrentPosition())
            continue; // the framing itself is broken: garbage() and checkFrameInvariants() cover it
        const QByteArrayView body = QByteArrayView(m.raw).sliced(in.CurrentPosition());
        cproto::Reply reply;
        // libprotobuf logs why it refuses bytes (invalid UTF-8); the codec's own decoding reported it already.
        QLoggingCategory::setFilterRules(QStringLiteral("inspector.protobuf.warning=false"));
        const bool ok = reply.ParseFromArray(body.data(), int(body.size()));
        QLoggingCategory::setFilterRules(QString());
        const bool isPlain =
            ProtobufJsonText::isPlainMessage(body, ProtobufSchema::message(cproto::Reply::descriptor()));
        (isPlain ? *plain : *parsed) += 1;
        if (isPlain)
            QVERIFY2(ok, qPrintable(QLatin1String("plain but not a Reply: ") + QString::fromLatin1(m.raw.toHex())));
        if (!ok) {
            QCOMPARE(m.kind, MessageKind::Invalid);
            continue;
        }
        compareClassification(m, JsonCodec::classifyServerObject(ProtobufJson::toJson(reply), m.raw));
        if (QTest::currentTestFailed()) {
            qWarning("message %s", m.raw.toHex().constData());
            return;
        }
    }
}

// Edges where reading the wire and parsing could part: varints libprotobuf reads in at most 5 bytes (tags and
// lengths) or 10, UTF-8 it refuses, and fields given twice (the last one wins).
void TestProtobufCodec::wireClassificationAgreesWithParse_data()
{
    QTest::addColumn<QByteArray>("body"); // one Reply, without its length prefix
    QTest::addColumn<bool>("plain");      // classified from its bytes
    QTest::newRow("id") << hex("0805") << true;
    QTest::newRow("tag-in-5-bytes") << hex("888080800005") << true;
    QTest::newRow("tag-in-6-bytes") << hex("88808080800005") << false;
    QTest::newRow("id-in-10-bytes") << hex("0885808080808080808001") << true;
    QTest::newRow("id-in-11-bytes") << hex("088580808080808080808001") << false;
    // push { channel: "c" } with the push's length in 5 bytes, then in 6.
    QTest::newRow("length-in-5-bytes") << hex("228380808000120163") << true;
    QTest::newRow("length-in-6-bytes") << hex("22838080808000120163") << false;
    QTest::newRow("channel-surrogate") << hex("22051203eda080") << false;
    QTest::newRow("channel-overlong") << hex("22041202c0af") << false;
    QTest::newRow("channel-4-bytes") << hex("22061204f09f9880") << true;
    QTest::newRow("id-zero-then-five") << hex("08000805") << true;
    QTest::newRow("id-five-then-seven") << hex("08050807") << false;
    QTest::newRow("channel-empty-then-set") << hex("22051200120163") << true;
    QTest::newRow("push-twice") << hex("22031201612203120162") << false;
    QTest::newRow("unknown-field") << hex("f80101") << false;
    QTest::newRow("id-as-bytes") << hex("0a0161") << false;
    QTest::newRow("error-and-push") << hex("120508671201782203120161") << true;
}

void TestProtobufCodec::wireClassificationAgreesWithParse()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, plain);
    QCOMPARE(ProtobufJsonText::isPlainMessage(body, ProtobufSchema::message(cproto::Reply::descriptor())), plain);
    const QByteArray frame = char(body.size()) + body;
    int plainCount = 0;
    int parsedCount = 0;
    checkAgainstParse(frame, &plainCount, &parsedCount);
    QCOMPARE(plainCount, plain ? 1 : 0);
    QCOMPARE(plainCount + parsedCount, 1);
}

QTEST_GUILESS_MAIN(TestProtobufCodec)
#include "tst_protobufcodec.moc"
