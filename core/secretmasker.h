#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// Hides secrets in text that leaves the secret store: log lines, exported timelines and reports. It replaces
//  - every JWT-looking string (eyJ<header>.<payload>.<signature>) with its first 10 characters and "…(masked)",
//    e.g. "eyJhbGciOi…(masked)" (the first characters are the algorithm header, not secret), and
//  - every known secret value (tokens, HMAC secrets, API keys added with addSecret), also in its JSON-escaped and
//    percent-encoded forms, with "***(masked)".
// A plain value, cheap to copy; mask() is const and may be called from any thread. Text without "eyJ" and without
// known secrets is returned unchanged without running a regular expression.
class SecretMasker
{
public:
    // Shorter values are not masked: masking "a" or "123" everywhere would make logs unreadable and say nothing.
    static constexpr int kMinimumSecretLength = 4;
    static QLatin1String secretMask() { return QLatin1String("***(masked)"); }

    void addSecret(const QString &secret);
    // Adds a token unless the JWT rule already masks all of it: JWTs keep their readable "eyJhbGciOi…(masked)"
    // form, opaque tokens (for a connect proxy, say) become known secrets.
    void addToken(const QString &token);
    // Every secret of other (e.g. the secret store's) as well.
    void addSecrets(const SecretMasker &other);
    void removeSecret(const QString &secret);
    void clear();
    QStringList secrets() const { return m_secrets; }

    QString mask(const QString &text) const;
    QByteArray mask(const QByteArray &utf8) const;
    // Whether mask() would change anything (cheap: no regular expression unless "eyJ" or a secret is there).
    bool needsMasking(QByteArrayView utf8) const;
    // For bytes that must keep their length and structure (Protobuf frames, hex dumps): the secret part of every
    // JWT (after its first 10 characters) and every known secret are overwritten with '*', byte for byte.
    QByteArray maskSameLength(const QByteArray &bytes) const;
    // Every string (not the keys) of a JSON value, masked.
    QJsonValue mask(const QJsonValue &value) const;

    // Only the JWT rule, for callers without known secrets.
    static QString maskJwts(const QString &text);
    // "eyJhbGciOi…(masked)" for a token.
    static QString maskedJwt(QStringView token);
    // The whole text is one JWT-looking string (as the JWT rule matches it).
    static bool isJwt(QStringView text);
    // HTTP headers whose values are credentials by their name: Authorization, Cookie, and names with "auth",
    // "token", "secret", "key", "password", "session" or "cookie" in them (X-API-Key, X-Auth-Token, ...).
    static bool isSecretHeaderName(const QString &name);
    // The one rule for secret headers, used by the connection panel, the profile editor, the profile store and
    // exports: a secret name, or a value that carries a JWT.
    static bool isSecretHeader(const QString &name, const QString &value);

private:
    void rebuild();

    QStringList m_secrets;
    QStringList m_variants; // every form of every secret, longest first
    QList<QByteArray> m_variantsUtf8;
    QRegularExpression m_pattern;
};
