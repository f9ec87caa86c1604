#include "tokenclaims.h"

#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Builds {"k":v,...} text in the order fields are added.
class ObjectWriter
{
public:
    void raw(const char *key, const QByteArray &json)
    {
        m_out += m_out.isEmpty() ? '{' : ',';
        m_out += '"';
        m_out += key;
        m_out += "\":";
        m_out += json;
    }
    void string(const char *key, const QString &value)
    {
        if (!value.isEmpty())
            raw(key, JsonText::goQuote(value));
    }
    void number(const char *key, const std::optional<qint64> &value)
    {
        if (value)
            raw(key, QByteArray::number(*value));
    }
    void strings(const char *key, const QStringList &values)
    {
        if (values.isEmpty())
            return;
        QByteArray array = "[";
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i)
                array += ',';
            array += JsonText::goQuote(values.at(i));
        }
        raw(key, array + ']');
    }
    void json(const char *key, const QByteArray &text)
    {
        if (text.trimmed().isEmpty())
            return;
        const QByteArray compacted = JsonText::compact(text, true);
        if (!compacted.isEmpty())
            raw(key, compacted);
    }
    QByteArray finish() const { return m_out.isEmpty() ? QByteArray("{}") : m_out + '}'; }

private:
    QByteArray m_out;
};

QByteArray compactJson(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).sliced(1).chopped(1);
}

std::optional<qint64> numberClaim(const QJsonObject &claims, QLatin1String key)
{
    const QJsonValue value = claims.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return qint64(value.toDouble());
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    if (value.isString()) {
        list << value.toString();
    } else {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            list << item.toString();
    }
    return list;
}

bool isObjectText(const QByteArray &text)
{
    return text.trimmed().startsWith('{');
}

} // namespace

QByteArray TokenClaims::toJson() const
{
    ObjectWriter w;
    const auto registered = [&] {
        w.string("jti", jti);
        if (aud.size() == 1)
            w.string("aud", aud.first());
        else
            w.strings("aud", aud);
        w.string("iss", iss);
        w.string("sub", sub);
        w.number("exp", exp);
        w.number("iat", iat);
        w.number("nbf", nbf);
    };
    if (kind == Kind::Connection) {
        w.number("expire_at", expireAt);
        w.json("info", info);
        w.string("b64info", b64info);
        w.strings("channels", channels);
        w.json("subs", subs);
        w.json("meta", meta);
        registered();
    } else {
        registered();
        w.json("info", info);
        w.string("b64info", b64info);
        w.json("data", data);
        w.string("b64data", b64data);
        w.json("override", optionOverride);
        w.string("channel", channel);
        w.string("client", client);
        w.number("expire_at", expireAt);
    }
    return w.finish();
}

QStringList TokenClaims::problems() const
{
    QStringList list;
    const auto checkJson = [&](const char *name, const QByteArray &text, bool mustBeObject) {
        if (text.trimmed().isEmpty())
            return;
        QString error;
        if (!JsonText::isValid(text, &error))
            list << tr("%1 is not valid JSON: %2.").arg(QLatin1String(name), error);
        else if (mustBeObject && !isObjectText(text))
            list << tr("%1 must be a JSON object.").arg(QLatin1String(name));
    };
    checkJson("info", info, false);
    if (kind == Kind::Connection) {
        checkJson("subs", subs, true);
        checkJson("meta", meta, false);
        for (const QString &name : channels) {
            if (name.trimmed().isEmpty()) {
                list << tr("channels contains an empty channel name.");
                break;
            }
        }
    } else {
        checkJson("data", data, false);
        checkJson("override", optionOverride, true);
        if (channel.isEmpty())
            list << tr("A subscription token needs the channel claim (the channel it lets the user subscribe to).");
    }
    if (!b64info.isEmpty() &&
        !QByteArray::fromBase64Encoding(b64info.toLatin1(), QByteArray::AbortOnBase64DecodingErrors))
        list << tr("b64info is not valid base64.");
    if (!b64data.isEmpty() &&
        !QByteArray::fromBase64Encoding(b64data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors))
        list << tr("b64data is not valid base64.");
    return list;
}

TokenClaims TokenClaims::fromJson(const QJsonObject &claims)
{
    TokenClaims c;
    c.kind = claims.contains(QLatin1String("channel")) ? Kind::Subscription : Kind::Connection;
    c.sub = claims.value(QLatin1String("sub")).toString();
    c.exp = numberClaim(claims, QLatin1String("exp"));
    c.iat = numberClaim(claims, QLatin1String("iat"));
    c.nbf = numberClaim(claims, QLatin1String("nbf"));
    c.expireAt = numberClaim(claims, QLatin1String("expire_at"));
    c.jti = claims.value(QLatin1String("jti")).toString();
    c.aud = stringList(claims.value(QLatin1String("aud")));
    c.iss = claims.value(QLatin1String("iss")).toString();
    c.info = compactJson(claims.value(QLatin1String("info")));
    c.b64info = claims.value(QLatin1String("b64info")).toString();
    c.channels = stringList(claims.value(QLatin1String("channels")));
    c.subs = compactJson(claims.value(QLatin1String("subs")));
    c.meta = compactJson(claims.value(QLatin1String("meta")));
    c.channel = claims.value(QLatin1String("channel")).toString();
    c.client = claims.value(QLatin1String("client")).toString();
    c.data = compactJson(claims.value(QLatin1String("data")));
    c.b64data = claims.value(QLatin1String("b64data")).toString();
    c.optionOverride = compactJson(claims.value(QLatin1String("override")));
    return c;
}
