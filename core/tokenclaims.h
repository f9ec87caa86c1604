#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

// The claims of a Centrifugo connection or subscription token, as a user sets them in the generator.
//
// toJson() writes the payload in the order Centrifugo's own Go structs give (ConnectTokenClaims and
// SubscribeTokenClaims marshalled by encoding/json), so that `centrifugo gentoken` / `gensubtoken` and this class
// produce the same bytes, and so the same token, for the same claims:
//   connection:   expire_at info b64info channels subs meta | jti aud iss sub exp iat nbf
//   subscription: jti aud iss sub exp iat nbf | info b64info data b64data override | channel client expire_at
// Empty strings, empty lists and unset numbers are left out (Go's omitempty); expire_at is written whenever set,
// 0 included (0 = the connection never expires). Strings are escaped like Go's encoding/json (HTML-safe).
// The JSON-valued claims (info, subs, meta, data, override) are kept as the user's text, compacted with key order
// unchanged, as Go does with json.RawMessage.
class TokenClaims
{
    Q_DECLARE_TR_FUNCTIONS(TokenClaims)

public:
    enum class Kind { Connection, Subscription };

    Kind kind = Kind::Connection;
    QString sub; // user ID; empty = anonymous
    std::optional<qint64> exp;
    std::optional<qint64> iat;
    std::optional<qint64> nbf;
    std::optional<qint64> expireAt;
    QString jti;
    QStringList aud; // one element is written as a string, several as an array
    QString iss;
    QByteArray info; // JSON text; empty = none
    QString b64info;
    // Connection only.
    QStringList channels;
    QByteArray subs; // JSON object text: channel -> {info, b64info, data, b64data, override}
    QByteArray meta; // JSON text
    // Subscription only.
    QString channel;
    QString client;
    QByteArray data; // JSON text
    QString b64data;
    QByteArray optionOverride; // "override" claim, JSON object text: {"presence": {"value": true}, ...}

    // The payload, ready for Jwt::sign. Invalid JSON-valued claims are left out: check problems() first.
    QByteArray toJson() const;
    // What would make the token useless or rejected, one sentence each: invalid JSON in info/subs/meta/data/
    // override, subs or override not an object, a subscription token without channel ... An exp in the past is
    // not one of them: expired tokens are how error 109 is tested.
    QStringList problems() const;

    // Reads decoded claims (e.g. Jwt::claims()) back for editing; kind from the presence of "channel". The
    // JSON-valued claims come back as compact JSON text (with QJsonDocument's sorted key order).
    static TokenClaims fromJson(const QJsonObject &claims);
};

Q_DECLARE_METATYPE(TokenClaims)
