#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// A JSON Web Token as Centrifugo uses it: decode any token without a key, sign and verify the HMAC algorithms
// (HS256, HS384, HS512) with a shared secret, and explain the time claims. A plain value; decode() is a pure
// function that never fails hard on garbage: it returns a Jwt whose error() says what is wrong.
class Jwt
{
    Q_DECLARE_TR_FUNCTIONS(Jwt)

public:
    enum class Algorithm { None, HS256, HS384, HS512, Other };

    enum class DecodeError {
        NoError,
        Empty,              // nothing but white space
        WrongPartCount,     // not header.payload.signature
        BadHeaderBase64,    // part 1 is not base64url
        BadPayloadBase64,   // part 2 is not base64url
        BadSignatureBase64, // part 3 is not base64url
        BadHeaderJson,      // part 1 decodes, but not to JSON
        BadPayloadJson,     // part 2 decodes, but not to JSON
        HeaderNotObject,
        PayloadNotObject,
    };

    enum class Verification {
        Valid,
        BadSignature,         // signed with another secret, or changed after signing
        Malformed,            // the token did not decode
        UnsupportedAlgorithm, // not HS256/HS384/HS512 (RSA, ECDSA, EdDSA need a public key; "none" is unsigned)
        EmptySecret,
    };

    // Where a token stands at a given moment, from exp and nbf.
    enum class TimeState { NoExpiry, NotYetValid, Valid, Expired };

    Jwt() = default;

    // Decodes a token. Surrounding white space, surrounding double quotes and a "Bearer " prefix are removed
    // first, so a token pasted from a header or a JSON document works.
    static Jwt decode(QStringView token);

    // base64url(header) "." base64url(payloadJson) "." base64url(HMAC(secret, first two parts)). The header is
    // {"alg":"HS256","typ":"JWT"} (alg per algorithm), byte for byte what Centrifugo's Go library writes.
    // payloadJson is used exactly as given (see TokenClaims::toJson for Centrifugo's claim order). Returns an
    // empty string for Algorithm::None/Other.
    static QString sign(const QByteArray &payloadJson, const QByteArray &secret,
                        Algorithm algorithm = Algorithm::HS256);
    static QByteArray headerJson(Algorithm algorithm);
    static QByteArray hmac(Algorithm algorithm, const QByteArray &secret, const QByteArray &data);

    // Unpadded base64url (RFC 7515). decode returns false on any character outside the alphabet (trailing '='
    // padding is accepted) or an impossible length; *errorPosition is then the 0-based index of the culprit.
    static QByteArray base64UrlEncode(const QByteArray &data);
    static bool base64UrlDecode(QByteArrayView text, QByteArray *out, qsizetype *errorPosition = nullptr);

    static Algorithm algorithmFromName(QStringView name);
    static QLatin1String algorithmName(Algorithm algorithm);

    bool isValid() const { return m_error == DecodeError::NoError; }
    DecodeError error() const { return m_error; }
    // One sentence for the user, empty when valid.
    QString errorString() const { return m_errorString; }

    QString token() const { return m_token; }
    QByteArray headerJson() const { return m_headerJson; }   // decoded part 1, as in the token
    QByteArray payloadJson() const { return m_payloadJson; } // decoded part 2, as in the token (claim order kept)
    QByteArray signature() const { return m_signature; }     // decoded part 3
    QJsonObject header() const { return m_header; }
    QJsonObject claims() const { return m_claims; }
    QString algorithmText() const;    // the header's "alg" as written
    Algorithm algorithm() const;      // parsed "alg"
    QString subject() const;          // "sub"; empty = anonymous for Centrifugo
    bool isSubscriptionToken() const; // has a "channel" claim

    Verification verify(const QByteArray &secret) const;
    static QString verificationText(Verification verification);

    // Time claims as UTC date-times; invalid when absent or not a number.
    QDateTime expiresAt() const;     // exp
    QDateTime issuedAt() const;      // iat
    QDateTime notBefore() const;     // nbf
    QDateTime expireAtClaim() const; // Centrifugo's expire_at (connection expiry); invalid when absent or 0
    TimeState timeState(const QDateTime &now) const;
    // "Expires in 5 min (2026-01-01 12:00:00)." / "Expired 2 h 3 min ago (...)." / "Has no exp claim: never
    // expires." / "Not valid before ... (in 10 s).", in the local time zone.
    QString expirySentence(const QDateTime &now) const;
    // Things a Centrifugo server would reject or a user should know, one sentence each (non-numeric exp,
    // unsupported alg, a "channel" claim in what looks like a connection token ...). Empty when none.
    QStringList claimWarnings() const;

    // "45 s", "5 min", "2 h 3 min", "3 d 4 h" (always positive).
    static QString humanDuration(qint64 seconds);

private:
    static Jwt failure(const QString &token, DecodeError error, const QString &text);
    QDateTime timeClaim(QLatin1String name) const;

    QString m_token;
    DecodeError m_error = DecodeError::Empty;
    QString m_errorString;
    QByteArray m_headerJson;
    QByteArray m_payloadJson;
    QByteArray m_signature;
    QByteArray m_signingInput;
    QJsonObject m_header;
    QJsonObject m_claims;
};
