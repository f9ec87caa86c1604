#include "jwt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

namespace {

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

QString formatLocal(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString partName(int part)
{
    switch (part) {
    case 0:
        return Jwt::tr("The header (part 1)");
    case 1:
        return Jwt::tr("The payload (part 2)");
    default:
        return Jwt::tr("The signature (part 3)");
    }
}

} // namespace

Jwt Jwt::failure(const QString &token, DecodeError error, const QString &text)
{
    Jwt jwt;
    jwt.m_token = token;
    jwt.m_error = error;
    jwt.m_errorString = text;
    return jwt;
}

Jwt Jwt::decode(QStringView input)
{
    QStringView text = input.trimmed();
    if (text.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        text = text.sliced(7).trimmed();
    if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"'))
        text = text.sliced(1, text.size() - 2).trimmed();
    const QString token = text.toString();
    if (token.isEmpty())
        return failure(token, DecodeError::Empty, tr("The token is empty."));

    const QList<QStringView> parts = text.split(u'.');
    if (parts.size() != 3) {
        QString sentence = tr("A JWT has exactly three parts separated by dots (header.payload.signature); found: %1.")
                               .arg(parts.size());
        if (parts.size() == 5)
            sentence +=
                QLatin1Char(' ') + tr("Five parts is an encrypted token (JWE), which Centrifugo does not accept.");
        return failure(token, DecodeError::WrongPartCount, sentence);
    }

    QByteArray decoded[3];
    qsizetype partStart = 0;
    for (int part = 0; part < 3; ++part) {
        const QByteArray ascii = parts.at(part).toUtf8();
        qsizetype position = -1;
        if (!base64UrlDecode(ascii, &decoded[part], &position)) {
            static const DecodeError errors[] = {DecodeError::BadHeaderBase64, DecodeError::BadPayloadBase64,
                                                 DecodeError::BadSignatureBase64};
            QString sentence;
            if (position < parts.at(part).size()) {
                sentence = tr("%1 is not base64url: unexpected character '%2' at position %3 of the token.")
                               .arg(partName(part), parts.at(part).sliced(position, 1).toString())
                               .arg(partStart + position + 1);
                const QChar c = parts.at(part).at(position);
                if (c == u'+' || c == u'/')
                    sentence += QLatin1Char(' ') +
                                tr("This looks like standard base64; a JWT uses base64url, with '-' and '_' instead "
                                   "of '+' and '/'.");
            } else {
                sentence = tr("%1 is not base64url: a length of %2 characters is impossible (a character is "
                              "missing or one too many).")
                               .arg(partName(part))
                               .arg(parts.at(part).size());
            }
            return failure(token, errors[part], sentence);
        }
        partStart += parts.at(part).size() + 1;
    }

    Jwt jwt;
    jwt.m_token = token;
    jwt.m_headerJson = decoded[0];
    jwt.m_payloadJson = decoded[1];
    jwt.m_signature = decoded[2];
    jwt.m_signingInput = parts.at(0).toLatin1() + '.' + parts.at(1).toLatin1();

    for (int part = 0; part < 2; ++part) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(decoded[part], &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return failure(token, part == 0 ? DecodeError::BadHeaderJson : DecodeError::BadPayloadJson,
                           tr("%1 decodes, but not to JSON: %2 at character %3.")
                               .arg(partName(part), parseError.errorString())
                               .arg(parseError.offset + 1));
        }
        if (!document.isObject()) {
            return failure(token, part == 0 ? DecodeError::HeaderNotObject : DecodeError::PayloadNotObject,
                           tr("%1 decodes to JSON, but not to a JSON object.").arg(partName(part)));
        }
        (part == 0 ? jwt.m_header : jwt.m_claims) = document.object();
    }
    jwt.m_error = DecodeError::NoError;
    return jwt;
}

QByteArray Jwt::headerJson(Algorithm algorithm)
{
    return "{\"alg\":\"" + QByteArray(algorithmName(algorithm).data()) + "\",\"typ\":\"JWT\"}";
}

QByteArray Jwt::hmac(Algorithm algorithm, const QByteArray &secret, const QByteArray &data)
{
    QCryptographicHash::Algorithm hash;
    switch (algorithm) {
    case Algorithm::HS256:
        hash = QCryptographicHash::Sha256;
        break;
    case Algorithm::HS384:
        hash = QCryptographicHash::Sha384;
        break;
    case Algorithm::HS512:
        hash = QCryptographicHash::Sha512;
        break;
    default:
        return {};
    }
    return QMessageAuthenticationCode::hash(data, secret, hash);
}

QString Jwt::sign(const QByteArray &payloadJson, const QByteArray &secret, Algorithm algorithm)
{
    if (algorithm != Algorithm::HS256 && algorithm != Algorithm::HS384 && algorithm != Algorithm::HS512)
        return {};
    const QByteArray input = base64UrlEncode(headerJson(algorithm)) + '.' + base64UrlEncode(payloadJson);
    return QString::fromLatin1(input + '.' + base64UrlEncode(hmac(algorithm, secret, input)));
}

QByteArray Jwt::base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool Jwt::base64UrlDecode(QByteArrayView text, QByteArray *out, qsizetype *errorPosition)
{
    qsizetype length = text.size();
    // Padding is not part of JWT's base64url, but tolerate what a generic encoder may add.
    while (length > 0 && text.at(length - 1) == '=' && text.size() - length < 2)
        --length;
    for (qsizetype i = 0; i < length; ++i) {
        if (!isBase64UrlChar(text.at(i))) {
            if (errorPosition)
                *errorPosition = i;
            return false;
        }
    }
    // One character carries 6 bits: a remainder of one character cannot hold a byte.
    if (length % 4 == 1) {
        if (errorPosition)
            *errorPosition = text.size();
        return false;
    }
    const auto result = QByteArray::fromBase64Encoding(text.first(length).toByteArray(),
                                                       QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        if (errorPosition)
            *errorPosition = text.size();
        return false;
    }
    if (out)
        *out = result.decoded;
    return true;
}

Jwt::Algorithm Jwt::algorithmFromName(QStringView name)
{
    if (name == QLatin1String("HS256"))
        return Algorithm::HS256;
    if (name == QLatin1String("HS384"))
        return Algorithm::HS384;
    if (name == QLatin1String("HS512"))
        return Algorithm::HS512;
    if (name.isEmpty() || name.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return Algorithm::None;
    return Algorithm::Other;
}

QLatin1String Jwt::algorithmName(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::HS256:
        return QLatin1String("HS256");
    case Algorithm::HS384:
        return QLatin1String("HS384");
    case Algorithm::HS512:
        return QLatin1String("HS512");
    case Algorithm::None:
        return QLatin1String("none");
    case Algorithm::Other:
        break;
    }
    return QLatin1String("");
}

QString Jwt::algorithmText() const
{
    return m_header.value(QLatin1String("alg")).toString();
}

Jwt::Algorithm Jwt::algorithm() const
{
    return algorithmFromName(algorithmText());
}

QString Jwt::subject() const
{
    return m_claims.value(QLatin1String("sub")).toString();
}

bool Jwt::isSubscriptionToken() const
{
    return m_claims.contains(QLatin1String("channel"));
}

Jwt::Verification Jwt::verify(const QByteArray &secret) const
{
    if (!isValid())
        return Verification::Malformed;
    const Algorithm alg = algorithm();
    if (alg != Algorithm::HS256 && alg != Algorithm::HS384 && alg != Algorithm::HS512)
        return Verification::UnsupportedAlgorithm;
    if (secret.isEmpty())
        return Verification::EmptySecret;
    const QByteArray expected = hmac(alg, secret, m_signingInput);
    if (expected.size() != m_signature.size())
        return Verification::BadSignature;
    // Constant time, out of habit: a signature check should not leak where it differs.
    uchar difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= uchar(expected.at(i)) ^ uchar(m_signature.at(i));
    return difference == 0 ? Verification::Valid : Verification::BadSignature;
}

QString Jwt::verificationText(Verification verification)
{
    switch (verification) {
    case Verification::Valid:
        return tr("Signature valid: the token was signed with this secret and not changed since.");
    case Verification::BadSignature:
        return tr("Signature invalid: the token was signed with another secret or changed after signing. Centrifugo "
                  "closes a connection with such a token with code 3500 (invalid token).");
    case Verification::Malformed:
        return tr("The token cannot be verified because it does not decode.");
    case Verification::UnsupportedAlgorithm:
        return tr("Only HMAC tokens (HS256, HS384, HS512) can be verified with a secret; this token's algorithm "
                  "needs a public key, or the token is unsigned.");
    case Verification::EmptySecret:
        return tr("Enter the HMAC secret (client.token.hmac_secret_key) to verify the signature.");
    }
    return {};
}

QDateTime Jwt::timeClaim(QLatin1String name) const
{
    const QJsonValue value = m_claims.value(name);
    if (!value.isDouble())
        return {};
    const double seconds = value.toDouble();
    // Outside of year 0..9999 QDateTime cannot show it anyway.
    if (!(seconds > -62135596800.0 && seconds < 253402300800.0))
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000.0), QTimeZone::utc());
}

QDateTime Jwt::expiresAt() const
{
    return timeClaim(QLatin1String("exp"));
}

QDateTime Jwt::issuedAt() const
{
    return timeClaim(QLatin1String("iat"));
}

QDateTime Jwt::notBefore() const
{
    return timeClaim(QLatin1String("nbf"));
}

QDateTime Jwt::expireAtClaim() const
{
    const QDateTime time = timeClaim(QLatin1String("expire_at"));
    return time.isValid() && time.toMSecsSinceEpoch() != 0 ? time : QDateTime();
}

Jwt::TimeState Jwt::timeState(const QDateTime &now) const
{
    const QDateTime nbf = notBefore();
    if (nbf.isValid() && now < nbf)
        return TimeState::NotYetValid;
    const QDateTime exp = expiresAt();
    if (!exp.isValid())
        return TimeState::NoExpiry;
    return now < exp ? TimeState::Valid : TimeState::Expired;
}

QString Jwt::expirySentence(const QDateTime &now) const
{
    if (!isValid())
        return {};
    const QDateTime exp = expiresAt();
    switch (timeState(now)) {
    case TimeState::NotYetValid: {
        const QDateTime nbf = notBefore();
        return tr("Not valid yet: becomes valid in %1 (%2).").arg(humanDuration(now.secsTo(nbf)), formatLocal(nbf));
    }
    case TimeState::NoExpiry:
        return tr("Has no exp claim: never expires.");
    case TimeState::Valid:
        return tr("Expires in %1 (%2).").arg(humanDuration(now.secsTo(exp)), formatLocal(exp));
    case TimeState::Expired:
        return tr("Expired %1 ago (%2).").arg(humanDuration(exp.secsTo(now)), formatLocal(exp));
    }
    return {};
}

QStringList Jwt::claimWarnings() const
{
    QStringList warnings;
    if (!isValid())
        return warnings;
    const Algorithm alg = algorithm();
    if (alg == Algorithm::None) {
        warnings << tr("The token is unsigned (alg \"%1\"); Centrifugo rejects it.").arg(algorithmText());
    } else if (alg == Algorithm::Other) {
        warnings << tr("Signed with %1: Centrifugo verifies it only with a configured public key "
                       "(client.token.rsa_public_key, ecdsa_public_key or jwks_public_endpoint).")
                        .arg(algorithmText());
    }
    for (const char *name : {"exp", "iat", "nbf", "expire_at"}) {
        const QLatin1String key(name);
        if (m_claims.contains(key) && !m_claims.value(key).isDouble()) {
            warnings << tr("The %1 claim must be a number of seconds since 1970-01-01 UTC; here it is %2.")
                            .arg(key, QString::fromUtf8(QJsonDocument(QJsonArray{m_claims.value(key)})
                                                            .toJson(QJsonDocument::Compact)
                                                            .sliced(1)
                                                            .chopped(1)));
        }
    }
    if (m_claims.contains(QLatin1String("sub")) && !m_claims.value(QLatin1String("sub")).isString())
        warnings << tr("The sub claim (user ID) must be a string.");
    if (isSubscriptionToken()) {
        for (const char *name : {"channels", "subs", "meta"}) {
            if (m_claims.contains(QLatin1String(name))) {
                warnings << tr("The channel claim makes this a subscription token, but it also has \"%1\", a "
                               "connection token claim. As a connection token it would be rejected (3500).")
                                .arg(QLatin1String(name));
                break;
            }
        }
    }
    if (m_claims.contains(QLatin1String("info")) && m_claims.contains(QLatin1String("b64info")))
        warnings << tr("Both info and b64info are set; Centrifugo uses b64info.");
    return warnings;
}

QString Jwt::humanDuration(qint64 seconds)
{
    seconds = qAbs(seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600) {
        const qint64 rest = seconds % 60;
        return rest ? tr("%1 min %2 s").arg(seconds / 60).arg(rest) : tr("%1 min").arg(seconds / 60);
    }
    if (seconds < 86400) {
        const qint64 rest = seconds % 3600 / 60;
        return rest ? tr("%1 h %2 min").arg(seconds / 3600).arg(rest) : tr("%1 h").arg(seconds / 3600);
    }
    const qint64 rest = seconds % 86400 / 3600;
    return rest ? tr("%1 d %2 h").arg(seconds / 86400).arg(rest) : tr("%1 d").arg(seconds / 86400);
}
