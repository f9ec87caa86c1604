#include "secretmasker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {

// Three base64url parts, the first one a JSON object header ("{\"" encodes to "eyJ"). The signature may be empty
// (an unsigned token).
const QLatin1String kJwtPattern("eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");

const QRegularExpression &jwtExpression()
{
    static const QRegularExpression expression{QString(kJwtPattern)};
    return expression;
}

QString jsonEscaped(const QString &value)
{
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.sliced(2, json.size() - 4));
}

} // namespace

void SecretMasker::addSecret(const QString &secret)
{
    if (secret.size() < kMinimumSecretLength || m_secrets.contains(secret))
        return;
    m_secrets << secret;
    rebuild();
}

void SecretMasker::addToken(const QString &token)
{
    if (!isJwt(token))
        addSecret(token);
}

void SecretMasker::addSecrets(const SecretMasker &other)
{
    bool added = false;
    for (const QString &secret : other.m_secrets) {
        if (secret.size() >= kMinimumSecretLength && !m_secrets.contains(secret)) {
            m_secrets << secret;
            added = true;
        }
    }
    if (added)
        rebuild();
}

void SecretMasker::removeSecret(const QString &secret)
{
    if (m_secrets.removeAll(secret) > 0)
        rebuild();
}

void SecretMasker::clear()
{
    m_secrets.clear();
    rebuild();
}

void SecretMasker::rebuild()
{
    m_variants.clear();
    for (const QString &secret : std::as_const(m_secrets)) {
        for (const QString &variant :
             {secret, jsonEscaped(secret), QString::fromLatin1(QUrl::toPercentEncoding(secret))}) {
            if (!m_variants.contains(variant))
                m_variants << variant;
        }
    }
    // Longest first, so that a secret containing another one is masked as a whole.
    std::sort(m_variants.begin(), m_variants.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    m_variantsUtf8.clear();
    for (const QString &variant : std::as_const(m_variants))
        m_variantsUtf8 << variant.toUtf8();
    if (m_variants.isEmpty()) {
        m_pattern = QRegularExpression();
        return;
    }
    QStringList alternatives;
    alternatives.reserve(m_variants.size());
    for (const QString &variant : std::as_const(m_variants))
        alternatives << QRegularExpression::escape(variant);
    // Known secrets first: a JWT that is a known secret is masked completely.
    m_pattern = QRegularExpression(QLatin1String("(") + alternatives.join(QLatin1Char('|')) + QLatin1String(")|(") +
                                   kJwtPattern + QLatin1String(")"));
    m_pattern.optimize();
}

bool SecretMasker::isJwt(QStringView text)
{
    static const QRegularExpression whole{QRegularExpression::anchoredPattern(QString(kJwtPattern))};
    return text.startsWith(QLatin1String("eyJ")) && whole.match(text).hasMatch();
}

bool SecretMasker::isSecretHeaderName(const QString &name)
{
    static const char *const parts[] = {"auth", "token", "secret", "key", "password", "passwd", "session", "cookie"};
    for (const char *part : parts) {
        if (name.contains(QLatin1String(part), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool SecretMasker::isSecretHeader(const QString &name, const QString &value)
{
    return isSecretHeaderName(name) || maskJwts(value) != value;
}

QString SecretMasker::maskedJwt(QStringView token)
{
    return token.first(qMin<qsizetype>(10, token.size())).toString() + QStringLiteral("…(masked)");
}

QString SecretMasker::maskJwts(const QString &text)
{
    if (!text.contains(QLatin1String("eyJ")))
        return text;
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = jwtExpression().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).sliced(last, match.capturedStart() - last);
        out += maskedJwt(match.capturedView());
        last = match.capturedEnd();
    }
    if (last == 0)
        return text;
    out += QStringView(text).sliced(last);
    return out;
}

QString SecretMasker::mask(const QString &text) const
{
    if (m_variants.isEmpty())
        return maskJwts(text);
    bool anySecret = text.contains(QLatin1String("eyJ"));
    for (qsizetype i = 0; !anySecret && i < m_variants.size(); ++i)
        anySecret = text.contains(m_variants.at(i));
    if (!anySecret)
        return text;
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = m_pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).sliced(last, match.capturedStart() - last);
        if (match.capturedStart(1) >= 0)
            out += secretMask();
        else
            out += maskedJwt(match.capturedView());
        last = match.capturedEnd();
    }
    out += QStringView(text).sliced(last);
    return out;
}

QByteArray SecretMasker::mask(const QByteArray &utf8) const
{
    // Bytes that hold nothing to mask are returned untouched, even when they are not valid UTF-8.
    if (!needsMasking(utf8))
        return utf8;
    return mask(QString::fromUtf8(utf8)).toUtf8();
}

bool SecretMasker::needsMasking(QByteArrayView utf8) const
{
    for (const QByteArray &variant : m_variantsUtf8) {
        if (utf8.contains(variant))
            return true;
    }
    if (!utf8.contains("eyJ"))
        return false;
    // Latin-1 maps byte to character one to one, and the JWT pattern is ASCII only.
    return jwtExpression().match(QString::fromLatin1(utf8.data(), utf8.size())).hasMatch();
}

QByteArray SecretMasker::maskSameLength(const QByteArray &bytes) const
{
    if (!needsMasking(bytes))
        return bytes;
    QByteArray out = bytes;
    // Longest first: a secret that contains another one goes whole.
    for (const QByteArray &variant : m_variantsUtf8) {
        for (qsizetype at = out.indexOf(variant); at >= 0; at = out.indexOf(variant, at + variant.size()))
            std::fill(out.begin() + at, out.begin() + at + variant.size(), '*');
    }
    if (out.contains("eyJ")) {
        const QString latin1 = QString::fromLatin1(out);
        QRegularExpressionMatchIterator it = jwtExpression().globalMatch(latin1);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const qsizetype from = match.capturedStart() + qMin<qsizetype>(10, match.capturedLength());
            std::fill(out.begin() + from, out.begin() + match.capturedEnd(), '*');
        }
    }
    return out;
}

QJsonValue SecretMasker::mask(const QJsonValue &value) const
{
    switch (value.type()) {
    case QJsonValue::String:
        return mask(value.toString());
    case QJsonValue::Array: {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = mask(QJsonValue(array.at(i)));
        return array;
    }
    case QJsonValue::Object: {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = mask(QJsonValue(it.value()));
        return object;
    }
    default:
        return value;
    }
}
