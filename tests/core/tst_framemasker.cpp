// FrameMasker: frames with secrets masked for the screen and for exported files, JSON and Protobuf.
#include "commandbuilder.h"
#include "framemasker.h"
#include "framerecord.h"
#include "jwt.h"
#include "wirecodec.h"

#include <QJsonDocument>
#include <QTest>

using Protocol::Method;

namespace {

QString token(const char *sub)
{
    return Jwt::sign(QByteArray(R"({"sub":")") + sub + R"("})", "test-only-hmac-secret");
}

QString signature(const QString &jwt)
{
    return jwt.section(QLatin1Char('.'), 2);
}

Frame outgoing(Protocol::Format format, const QList<QJsonObject> &commands)
{
    const std::unique_ptr<WireCodec> codec = createWireCodec(format);
    Frame f;
    f.timeMs = 1700000000000;
    f.direction = Protocol::Direction::Out;
    f.binary = codec->binaryFrames();
    f.raw = codec->encodeCommands(commands);
    f.messages = codec->decodeClientFrame(f.raw);
    return f;
}

QJsonObject connectCommand(const QString &jwt)
{
    CommandBuilder::ConnectParams p;
    p.token = jwt;
    p.name = QStringLiteral("t");
    return CommandBuilder::command(1, Method::Connect, CommandBuilder::connect(p));
}

QJsonObject subscribeCommand(const QString &channel, const QString &subToken)
{
    SubscribeOptions o;
    o.channel = channel;
    o.token = subToken;
    return CommandBuilder::command(2, Method::Subscribe, CommandBuilder::subscribe(o));
}

} // namespace

class TestFrameMasker : public QObject
{
    Q_OBJECT

private slots:
    void commandTokens()
    {
        const QString jwt = token("42");
        const Frame f =
            outgoing(Protocol::Format::Json,
                     {connectCommand(jwt), subscribeCommand(QStringLiteral("$a"), QStringLiteral("opaque-1"))});
        QCOMPARE(FrameMasker::commandTokens(f), (QStringList{jwt, QStringLiteral("opaque-1")}));
        SecretMasker masker;
        QVERIFY(FrameMasker::learnTokens(f, &masker));
        QCOMPARE(masker.secrets(), QStringList{QStringLiteral("opaque-1")}); // the JWT is the JWT rule's
        QVERIFY(!FrameMasker::learnTokens(f, &masker));
    }

    void jsonFrame()
    {
        const QString jwt = token("42");
        const QString opaque = QStringLiteral("opaque-subscription-token");
        const Frame f =
            outgoing(Protocol::Format::Json, {connectCommand(jwt), subscribeCommand(QStringLiteral("$a"), opaque)});
        const Frame m = FrameMasker::masked(f, SecretMasker());
        QCOMPARE(m.messages.size(), 2);
        for (const QByteArray &bytes : {m.raw, m.messages.at(0).raw, m.messages.at(1).raw}) {
            QVERIFY2(!bytes.contains(signature(jwt).toUtf8()), bytes.constData());
            QVERIFY2(!bytes.contains(opaque.toUtf8()), bytes.constData());
        }
        QVERIFY(m.raw.contains(R"x("token":"eyJhbGciOi…(masked)")x"));
        QVERIFY(m.raw.contains(R"x("token":"***(masked)")x"));
        // Still one valid JSON command per line, with the decoded json masked the same way.
        for (const QByteArray &line : m.raw.split('\n'))
            QVERIFY2(!QJsonDocument::fromJson(line).isNull(), line.constData());
        QCOMPARE(m.messages.at(0).json().value(QStringLiteral("connect")).toObject().value(QStringLiteral("token")),
                 QJsonValue(QStringLiteral("eyJhbGciOi…(masked)")));
        QCOMPARE(m.messages.at(1).json().value(QStringLiteral("subscribe")).toObject().value(QStringLiteral("token")),
                 QJsonValue(QStringLiteral("***(masked)")));
        QCOMPARE(m.messages.at(1).channel, QStringLiteral("$a"));
        // The original is untouched.
        QVERIFY(f.raw.contains(jwt.toUtf8()));

        // The masked frame is a valid record line.
        Frame back;
        QString error;
        QVERIFY2(FrameRecord::fromJsonLine(FrameRecord::toJsonLine(m), &back, &error), qPrintable(error));
        QCOMPARE(back.raw, m.raw);
    }

    void frameWithoutSecretsIsUnchanged()
    {
        Frame f = outgoing(Protocol::Format::Json, {subscribeCommand(QStringLiteral("news"), QString())});
        const Frame m = FrameMasker::masked(f, SecretMasker());
        QCOMPARE(m.raw, f.raw);
        QVERIFY(m.raw.isSharedWith(f.raw)); // no copy made
        QCOMPARE(m.messages.first().json(), f.messages.first().json());
    }

    void knownSecretsInPublications()
    {
        SecretMasker masker;
        masker.addSecret(QStringLiteral("test-api-key"));
        Frame f;
        f.direction = Protocol::Direction::In;
        f.raw = R"({"push":{"channel":"c","pub":{"data":{"leak":"test-api-key"}}}})";
        f.messages = createWireCodec(Protocol::Format::Json)->decodeServerFrame(f.raw);
        const Frame m = FrameMasker::masked(f, masker);
        QCOMPARE(m.raw, QByteArray(R"x({"push":{"channel":"c","pub":{"data":{"leak":"***(masked)"}}}})x"));
    }

    void closeFrameReason()
    {
        const QString jwt = token("7");
        Frame f;
        f.close = true;
        f.raw = QByteArray("bad token ") + jwt.toUtf8();
        ProtocolMessage d;
        d.kind = Protocol::MessageKind::Disconnect;
        d.code = 3500;
        d.text = QString::fromUtf8(f.raw);
        d.raw = f.raw;
        f.messages.append(d);
        const Frame m = FrameMasker::masked(f, SecretMasker());
        QCOMPARE(m.messages.first().text, QStringLiteral("bad token eyJhbGciOi…(masked)"));
        QCOMPARE(m.messages.first().code, 3500);
    }

    void protobufFrameKeepsItsStructure()
    {
        const std::unique_ptr<WireCodec> codec = createWireCodec(Protocol::Format::Protobuf);
        if (codec->format() != Protocol::Format::Protobuf)
            QSKIP("built without Protobuf");
        const QString jwt = token("42");
        const QString opaque = QStringLiteral("opaque-subscription-token");
        const Frame f =
            outgoing(Protocol::Format::Protobuf, {connectCommand(jwt), subscribeCommand(QStringLiteral("$a"), opaque)});
        QVERIFY(f.binary);
        QVERIFY(f.raw.contains(jwt.toUtf8()));
        const Frame m = FrameMasker::masked(f, SecretMasker());
        QCOMPARE(m.raw.size(), f.raw.size());
        QVERIFY(!m.raw.contains(signature(jwt).toUtf8()));
        QVERIFY(!m.raw.contains(opaque.toUtf8()));
        // Byte for byte: the masked bytes still decode to the same commands, tokens starred.
        const QList<ProtocolMessage> decoded = codec->decodeClientFrame(m.raw);
        QCOMPARE(decoded.size(), 2);
        QCOMPARE(decoded.at(0).method, Method::Connect);
        const QString connectToken =
            decoded.at(0).json().value(QStringLiteral("connect")).toObject().value(QStringLiteral("token")).toString();
        QCOMPARE(connectToken.size(), jwt.size());
        QVERIFY(connectToken.startsWith(jwt.left(10) + QStringLiteral("***")));
        QCOMPARE(decoded.at(1).channel, QStringLiteral("$a"));
        QCOMPARE(decoded.at(1)
                     .json()
                     .value(QStringLiteral("subscribe"))
                     .toObject()
                     .value(QStringLiteral("token"))
                     .toString(),
                 QString(opaque.size(), QLatin1Char('*')));
        // The decoded json of the masked frame is masked too.
        QVERIFY(!QJsonDocument(m.messages.at(0).json()).toJson().contains(signature(jwt).toUtf8()));
        Frame back;
        QString error;
        QVERIFY2(FrameRecord::fromJsonLine(FrameRecord::toJsonLine(m), &back, &error), qPrintable(error));
        QCOMPARE(back.raw, m.raw);
    }
};

QTEST_GUILESS_MAIN(TestFrameMasker)
#include "tst_framemasker.moc"
