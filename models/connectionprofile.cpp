#include "connectionprofile.h"

#include "jsontext.h"
#include "jwt.h"
#include "secretmasker.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QUuid>

namespace {

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

QByteArray bytes(const QJsonValue &value)
{
    return value.toString().toUtf8();
}

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list << item.toString();
    return list;
}

QJsonObject claimsToJson(const TokenClaims &c)
{
    // JSON-valued claims are saved as the user's text, so their key order survives.
    QJsonObject o;
    if (!c.sub.isEmpty())
        o.insert(QLatin1String("sub"), c.sub);
    if (!c.info.isEmpty())
        o.insert(QLatin1String("info"), text(c.info));
    if (!c.b64info.isEmpty())
        o.insert(QLatin1String("b64info"), c.b64info);
    if (!c.channels.isEmpty())
        o.insert(QLatin1String("channels"), stringArray(c.channels));
    if (!c.subs.isEmpty())
        o.insert(QLatin1String("subs"), text(c.subs));
    if (!c.meta.isEmpty())
        o.insert(QLatin1String("meta"), text(c.meta));
    if (c.expireAt)
        o.insert(QLatin1String("expireAt"), double(*c.expireAt));
    if (!c.aud.isEmpty())
        o.insert(QLatin1String("aud"), stringArray(c.aud));
    if (!c.iss.isEmpty())
        o.insert(QLatin1String("iss"), c.iss);
    return o;
}

TokenClaims claimsFromJson(const QJsonObject &o)
{
    TokenClaims c;
    c.sub = o.value(QLatin1String("sub")).toString();
    c.info = bytes(o.value(QLatin1String("info")));
    c.b64info = o.value(QLatin1String("b64info")).toString();
    c.channels = stringList(o.value(QLatin1String("channels")));
    c.subs = bytes(o.value(QLatin1String("subs")));
    c.meta = bytes(o.value(QLatin1String("meta")));
    if (o.value(QLatin1String("expireAt")).isDouble())
        c.expireAt = qint64(o.value(QLatin1String("expireAt")).toDouble());
    c.aud = stringList(o.value(QLatin1String("aud")));
    c.iss = o.value(QLatin1String("iss")).toString();
    return c;
}

bool sameClaims(const TokenClaims &a, const TokenClaims &b)
{
    return claimsToJson(a) == claimsToJson(b);
}

QJsonObject subscriptionToJson(const SubscribeOptions &s)
{
    QJsonObject o{{QLatin1String("channel"), s.channel}};
    if (s.recover)
        o.insert(QLatin1String("recover"), true);
    if (!s.epoch.isEmpty())
        o.insert(QLatin1String("epoch"), s.epoch);
    if (s.offset)
        o.insert(QLatin1String("offset"), QString::number(s.offset)); // u64 does not fit a double
    if (s.positioned)
        o.insert(QLatin1String("positioned"), true);
    if (s.recoverable)
        o.insert(QLatin1String("recoverable"), true);
    if (s.joinLeave)
        o.insert(QLatin1String("joinLeave"), true);
    if (!s.delta.isEmpty())
        o.insert(QLatin1String("delta"), s.delta);
    if (!s.data.isEmpty())
        o.insert(QLatin1String("data"), text(s.data));
    return o;
}

SubscribeOptions subscriptionFromJson(const QJsonObject &o)
{
    SubscribeOptions s;
    s.channel = o.value(QLatin1String("channel")).toString();
    s.recover = o.value(QLatin1String("recover")).toBool();
    s.epoch = o.value(QLatin1String("epoch")).toString();
    s.offset = o.value(QLatin1String("offset")).toString().toULongLong();
    s.positioned = o.value(QLatin1String("positioned")).toBool();
    s.recoverable = o.value(QLatin1String("recoverable")).toBool();
    s.joinLeave = o.value(QLatin1String("joinLeave")).toBool();
    s.delta = o.value(QLatin1String("delta")).toString();
    s.data = bytes(o.value(QLatin1String("data")));
    return s;
}

} // namespace

ConnectionProfile ConnectionProfile::create(const QString &name)
{
    ConnectionProfile profile;
    profile.id = newId();
    profile.name = name;
    return profile;
}

QString ConnectionProfile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString ConnectionProfile::secretKey(Secret secret, const QByteArray &headerName) const
{
    const QString prefix = QLatin1String("profile/") + id + QLatin1Char('/');
    switch (secret) {
    case Secret::ConnectionToken:
        return prefix + QLatin1String("token");
    case Secret::HmacSecret:
        return prefix + QLatin1String("hmac");
    case Secret::ApiKey:
        return prefix + QLatin1String("apikey");
    case Secret::Header:
        return prefix + QLatin1String("header/") + QString::fromLatin1(headerName.toLower());
    }
    return {};
}

bool ConnectionProfile::Header::isSecret() const
{
    return secret || SecretMasker::isSecretHeader(QString::fromLatin1(name), QString::fromLatin1(value));
}

QList<ConnectionProfile::Secret> ConnectionProfile::neededSecrets() const
{
    QList<Secret> secrets;
    if (tokenSource == TokenSource::Fixed)
        secrets << Secret::ConnectionToken;
    if (tokenSource == TokenSource::Generated)
        secrets << Secret::HmacSecret;
    for (const Header &header : headers) {
        if (header.isSecret()) {
            secrets << Secret::Header;
            break;
        }
    }
    return secrets;
}

QUrl ConnectionProfile::effectiveApiUrl() const
{
    if (!apiUrl.isEmpty())
        return apiUrl;
    QUrl api = url;
    api.setScheme(url.scheme() == QLatin1String("wss") ? QStringLiteral("https") : QStringLiteral("http"));
    api.setPath(QStringLiteral("/api"));
    api.setQuery(QString());
    return api;
}

QJsonObject ConnectionProfile::toJson() const
{
    QJsonArray headerArray;
    for (const Header &header : headers) {
        QJsonObject h{{QLatin1String("name"), QString::fromLatin1(header.name)}};
        if (header.isSecret())
            h.insert(QLatin1String("secret"), true);
        else
            h.insert(QLatin1String("value"), QString::fromLatin1(header.value));
        headerArray.append(h);
    }
    QJsonArray subscriptionArray;
    for (const SubscribeOptions &s : subscriptions)
        subscriptionArray.append(subscriptionToJson(s));

    QJsonObject json{
        {QLatin1String("id"), id},
        {QLatin1String("name"), name},
        {QLatin1String("url"), url.toString()},
        {QLatin1String("format"), Protocol::formatName(format)},
        {QLatin1String("token"), QJsonObject{{QLatin1String("source"), tokenSourceName(tokenSource)},
                                             {QLatin1String("ttlSec"), double(tokenTtlSec)},
                                             {QLatin1String("subscriptionTokens"), generateSubscriptionTokens},
                                             {QLatin1String("claims"), claimsToJson(tokenClaims)}}},
        {QLatin1String("tls"), QJsonObject{{QLatin1String("caFile"), caCertificatesFile},
                                           {QLatin1String("ignoreCertificateErrors"), ignoreCertificateErrors}}},
    };
    if (transport != TransportKind::WebSocket)
        json.insert(QLatin1String("transport"), Transports::name(transport));
    if (!headerArray.isEmpty())
        json.insert(QLatin1String("headers"), headerArray);
    if (!connectData.isEmpty())
        json.insert(QLatin1String("connectData"), text(connectData));
    json.insert(QLatin1String("handshakeTimeoutMs"), handshakeTimeoutMs);
    if (!subscriptionArray.isEmpty())
        json.insert(QLatin1String("subscriptions"), subscriptionArray);
    if (!apiUrl.isEmpty())
        json.insert(QLatin1String("apiUrl"), apiUrl.toString());
    return json;
}

bool ConnectionProfile::fromJson(const QJsonObject &json, ConnectionProfile *profile, QString *error)
{
    const QString name = json.value(QLatin1String("name")).toString().trimmed();
    if (name.isEmpty()) {
        if (error)
            *error = tr("A profile needs a name.");
        return false;
    }
    ConnectionProfile p;
    p.id = json.value(QLatin1String("id")).toString();
    p.name = name;
    if (json.contains(QLatin1String("url")))
        p.url = QUrl(json.value(QLatin1String("url")).toString());
    p.format = json.value(QLatin1String("format")).toString() == Protocol::formatName(Protocol::Format::Protobuf)
                   ? Protocol::Format::Protobuf
                   : Protocol::Format::Json;
    if (json.contains(QLatin1String("transport")) &&
        !Transports::fromName(json.value(QLatin1String("transport")).toString(), &p.transport)) {
        if (error)
            *error = tr("Unknown transport \"%1\".").arg(json.value(QLatin1String("transport")).toString());
        return false;
    }
    const QJsonArray headerArray = json.value(QLatin1String("headers")).toArray();
    for (const QJsonValue &value : headerArray) {
        const QJsonObject h = value.toObject();
        Header header;
        header.name = h.value(QLatin1String("name")).toString().toLatin1();
        header.secret = h.value(QLatin1String("secret")).toBool();
        if (!header.isSecret())
            header.value = h.value(QLatin1String("value")).toString().toLatin1();
        if (!header.name.isEmpty())
            p.headers << header;
    }
    p.connectData = bytes(json.value(QLatin1String("connectData")));
    const QJsonObject token = json.value(QLatin1String("token")).toObject();
    p.tokenSource = tokenSourceFromName(token.value(QLatin1String("source")).toString());
    if (token.contains(QLatin1String("ttlSec")))
        p.tokenTtlSec = qint64(token.value(QLatin1String("ttlSec")).toDouble());
    p.generateSubscriptionTokens = token.value(QLatin1String("subscriptionTokens")).toBool(true);
    p.tokenClaims = claimsFromJson(token.value(QLatin1String("claims")).toObject());
    const QJsonArray subscriptionArray = json.value(QLatin1String("subscriptions")).toArray();
    for (const QJsonValue &value : subscriptionArray) {
        const SubscribeOptions s = subscriptionFromJson(value.toObject());
        if (!s.channel.isEmpty())
            p.subscriptions << s;
    }
    p.apiUrl = QUrl(json.value(QLatin1String("apiUrl")).toString());
    const QJsonObject tls = json.value(QLatin1String("tls")).toObject();
    p.caCertificatesFile = tls.value(QLatin1String("caFile")).toString();
    p.ignoreCertificateErrors = tls.value(QLatin1String("ignoreCertificateErrors")).toBool();
    p.handshakeTimeoutMs = qMax(0, json.value(QLatin1String("handshakeTimeoutMs")).toInt(p.handshakeTimeoutMs));
    *profile = p;
    return true;
}

QStringList ConnectionProfile::problems() const
{
    QStringList list;
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
        list << tr("The URL must be a WebSocket URL such as ws://127.0.0.1:8000/connection/websocket.");
    QString error;
    if (!connectData.trimmed().isEmpty() && !JsonText::isValid(connectData, &error))
        list << tr("The connect data is not valid JSON: %1.").arg(error);
    if (tokenSource == TokenSource::Generated)
        list << tokenClaims.problems();
    for (const SubscribeOptions &s : subscriptions) {
        if (!s.data.trimmed().isEmpty() && !JsonText::isValid(s.data, &error))
            list << tr("The subscribe data of %1 is not valid JSON: %2.").arg(s.channel, error);
    }
    if (!caCertificatesFile.isEmpty() && !QFileInfo(caCertificatesFile).isReadable())
        list << tr("The CA certificate file %1 cannot be read.").arg(caCertificatesFile);
    return list;
}

SessionOptions ConnectionProfile::toSessionOptions(const QString &token, const QList<Header> &secretHeaders) const
{
    SessionOptions options;
    options.url = url;
    options.format = format;
    options.transport = transport;
    options.token = token;
    options.connectData = connectData.trimmed().isEmpty() ? QByteArray() : JsonText::compact(connectData);
    for (const Header &header : headers) {
        if (!header.isSecret()) {
            options.headers.append({header.name, header.value});
            continue;
        }
        // A secret header's value comes from the SecretStore; one still in the profile (being edited) is used.
        QByteArray value = header.value;
        for (const Header &secret : secretHeaders) {
            if (secret.name.compare(header.name, Qt::CaseInsensitive) == 0)
                value = secret.value;
        }
        options.headers.append({header.name, value});
    }
    options.caCertificatesFile = caCertificatesFile;
    options.ignoreCertificateErrors = ignoreCertificateErrors;
    options.handshakeTimeoutMs = handshakeTimeoutMs;
    return options;
}

QString ConnectionProfile::generateToken(const QByteArray &hmacSecret, const QDateTime &now) const
{
    if (hmacSecret.isEmpty())
        return {};
    TokenClaims claims = tokenClaims;
    claims.kind = TokenClaims::Kind::Connection;
    claims.iat = now.toSecsSinceEpoch();
    if (tokenTtlSec > 0)
        claims.exp = now.toSecsSinceEpoch() + tokenTtlSec;
    else
        claims.exp.reset();
    return Jwt::sign(claims.toJson(), hmacSecret);
}

QString ConnectionProfile::generateSubscriptionToken(const QString &channel, const QByteArray &hmacSecret,
                                                     const QDateTime &now) const
{
    if (hmacSecret.isEmpty() || channel.isEmpty())
        return {};
    TokenClaims claims;
    claims.kind = TokenClaims::Kind::Subscription;
    claims.sub = tokenClaims.sub;
    claims.channel = channel;
    claims.iat = now.toSecsSinceEpoch();
    if (tokenTtlSec > 0)
        claims.exp = now.toSecsSinceEpoch() + tokenTtlSec;
    return Jwt::sign(claims.toJson(), hmacSecret);
}

bool ConnectionProfile::operator==(const ConnectionProfile &other) const
{
    if (subscriptions.size() != other.subscriptions.size())
        return false;
    for (qsizetype i = 0; i < subscriptions.size(); ++i) {
        if (subscriptionToJson(subscriptions.at(i)) != subscriptionToJson(other.subscriptions.at(i)))
            return false;
    }
    return id == other.id && name == other.name && url == other.url && format == other.format &&
           transport == other.transport && headers == other.headers && connectData == other.connectData &&
           tokenSource == other.tokenSource && sameClaims(tokenClaims, other.tokenClaims) &&
           tokenTtlSec == other.tokenTtlSec && generateSubscriptionTokens == other.generateSubscriptionTokens &&
           apiUrl == other.apiUrl && caCertificatesFile == other.caCertificatesFile &&
           ignoreCertificateErrors == other.ignoreCertificateErrors && handshakeTimeoutMs == other.handshakeTimeoutMs;
}

QLatin1String ConnectionProfile::tokenSourceName(TokenSource source)
{
    switch (source) {
    case TokenSource::None:
        return QLatin1String("none");
    case TokenSource::Fixed:
        return QLatin1String("fixed");
    case TokenSource::Generated:
        return QLatin1String("generated");
    }
    return QLatin1String("none");
}

ConnectionProfile::TokenSource ConnectionProfile::tokenSourceFromName(QStringView name)
{
    if (name == QLatin1String("fixed"))
        return TokenSource::Fixed;
    if (name == QLatin1String("generated"))
        return TokenSource::Generated;
    return TokenSource::None;
}
