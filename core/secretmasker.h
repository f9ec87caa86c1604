#pragma once

#include <QByteArray>
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
    void removeSecret(const QString &secret);
    void clear();
    QStringList secrets() const { return m_secrets; }

    QString mask(const QString &text) const;
    QByteArray mask(const QByteArray &utf8) const;

    // Only the JWT rule, for callers without known secrets.
    static QString maskJwts(const QString &text);
    // "eyJhbGciOi…(masked)" for a token.
    static QString maskedJwt(QStringView token);

private:
    void rebuild();

    QStringList m_secrets;
    QStringList m_variants; // every form of every secret, longest first
    QRegularExpression m_pattern;
};
