#pragma once

#include "protocol.h"
#include "sessionoptions.h"
#include "subscribeoptions.h"
#include "tokenclaims.h"
#include "transport/transportkind.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

// Everything needed to connect to one server, as the user saved it under a name. A plain value.
//
// A profile never holds a secret: the fixed token, the HMAC secret, the server API key and the values of headers
// marked secret live in the SecretStore under secretKey(...). So toJson() (settings and exported files) cannot leak
// them; ProfileResolver reads them back when connecting.
class ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    enum class TokenSource {
        None,      // anonymous (or a token typed for each connect)
        Fixed,     // a token pasted by the user, kept in the SecretStore
        Generated, // signed locally from the HMAC secret and tokenClaims, fresh for every connect and refresh
    };
    enum class Secret { ConnectionToken, HmacSecret, ApiKey, Header };

    struct Header
    {
        QByteArray name;
        QByteArray value;    // empty in a saved profile when secret: the value is in the SecretStore
        bool secret = false; // marked secret by the user
        // Marked, or secret by the common rule (SecretMasker::isSecretHeader): the value stays out of the
        // settings and exports either way.
        bool isSecret() const;
        bool operator==(const Header &other) const
        {
            return name == other.name && value == other.value && secret == other.secret;
        }
    };

    QString id; // stable across renames; a new one for duplicates and imports
    QString name;
    QUrl url = QUrl(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
    Protocol::Format format = Protocol::Format::Json;
    TransportKind transport = TransportKind::WebSocket; // url names this transport's endpoint
    QList<Header> headers;
    QByteArray connectData; // JSON text for the connect proxy; empty = none

    TokenSource tokenSource = TokenSource::None;
    // Template for Generated: exp and iat are set at generation time from tokenTtlSec.
    TokenClaims tokenClaims;
    qint64 tokenTtlSec = 3600; // <= 0: no exp claim
    // Sign subscription tokens for private ($) channels with the same HMAC secret.
    bool generateSubscriptionTokens = true;

    // Subscribed again after every connect. Their token fields are not saved.
    QList<SubscribeOptions> subscriptions;

    // HTTP API (publish, presence ... from the Server API panel); empty = derived from url.
    QUrl apiUrl;

    // TLS for wss://: extra CA certificates (PEM file) and whether certificate errors are ignored.
    QString caCertificatesFile;
    bool ignoreCertificateErrors = false;
    // How long the WebSocket handshake may take before the session gives up (0 = no limit).
    int handshakeTimeoutMs = SessionOptions().handshakeTimeoutMs;

    // A new profile with a fresh id.
    static ConnectionProfile create(const QString &name);
    static QString newId();

    // The keychain key of one secret: "profile/<id>/token", "profile/<id>/hmac", "profile/<id>/apikey",
    // "profile/<id>/header/<lower-case name>".
    QString secretKey(Secret secret, const QByteArray &headerName = {}) const;
    // Secrets this profile needs to connect as saved (for messages like "enter the HMAC secret").
    QList<Secret> neededSecrets() const;

    // "http://host:port/api" from a ws(s)://host:port/connection/websocket URL, unless apiUrl is set.
    QUrl effectiveApiUrl() const;

    // Settings and export form: every field but secrets (secret header values are left out).
    QJsonObject toJson() const;
    // Reads toJson()'s form; unknown fields are ignored, missing ones keep their defaults. Returns false (and
    // *error) only when the object is not a profile at all (no name, or an unusable URL).
    static bool fromJson(const QJsonObject &json, ConnectionProfile *profile, QString *error = nullptr);

    // Problems that would make connecting fail, one sentence each (bad URL, invalid connect data, claims ...).
    QStringList problems() const;

    // Options for Session::open. token and the secret header values come from the SecretStore (ProfileResolver).
    SessionOptions toSessionOptions(const QString &token, const QList<Header> &secretHeaders = {}) const;
    // A connection token from tokenClaims, valid from now for tokenTtlSec. Empty without a secret.
    QString generateToken(const QByteArray &hmacSecret, const QDateTime &now) const;
    // A subscription token for channel, for the same user, with the same lifetime.
    QString generateSubscriptionToken(const QString &channel, const QByteArray &hmacSecret, const QDateTime &now) const;

    bool operator==(const ConnectionProfile &other) const;
    bool operator!=(const ConnectionProfile &other) const { return !(*this == other); }

    static QLatin1String tokenSourceName(TokenSource source);
    static TokenSource tokenSourceFromName(QStringView name);
};
