#include "profileresolver.h"

#include "secretstore.h"

#include <QDateTime>

std::function<QString()> ProfileResolver::Result::tokenProvider() const
{
    if (profile.tokenSource == ConnectionProfile::TokenSource::Generated && !hmacSecret.isEmpty()) {
        const ConnectionProfile p = profile;
        const QByteArray secret = hmacSecret;
        return [p, secret] { return p.generateToken(secret, QDateTime::currentDateTimeUtc()); };
    }
    if (profile.tokenSource == ConnectionProfile::TokenSource::Fixed && !options.token.isEmpty()) {
        // Refreshing with the same token only helps until it expires, but it is what the user gave.
        const QString token = options.token;
        return [token] { return token; };
    }
    return {};
}

std::function<QString(const QString &)> ProfileResolver::Result::subscriptionTokenProvider() const
{
    if (!profile.generateSubscriptionTokens || hmacSecret.isEmpty())
        return {};
    const ConnectionProfile p = profile;
    const QByteArray secret = hmacSecret;
    return [p, secret](const QString &channel) {
        return p.generateSubscriptionToken(channel, secret, QDateTime::currentDateTimeUtc());
    };
}

ProfileResolver::ProfileResolver(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{
    qRegisterMetaType<ProfileResolver::Result>();
}

void ProfileResolver::resolve(const ConnectionProfile &profile)
{
    const quint64 generation = ++m_generation;
    m_result = Result();
    m_result.profile = profile;
    m_secretHeaders.clear();
    m_token.clear();
    m_pending = 1; // held until every read is started, so an early answer cannot finish the whole resolve

    const auto readInto = [this, generation](const QString &key, std::function<void(const QString &)> store,
                                             const QString &missing) {
        if (!m_secrets) {
            if (!missing.isEmpty())
                m_result.warnings << missing;
            return;
        }
        ++m_pending;
        m_secrets->read(key, this,
                        [this, generation, store, missing](bool found, const QString &value, const QString &error) {
                            if (generation != m_generation)
                                return;
                            if (found && !value.isEmpty())
                                store(value);
                            else if (!missing.isEmpty())
                                m_result.warnings << (error.isEmpty() ? missing : missing + QLatin1Char(' ') + error);
                            finishOne(generation);
                        });
    };

    const bool needsHmac = profile.tokenSource == ConnectionProfile::TokenSource::Generated;
    if (profile.tokenSource == ConnectionProfile::TokenSource::Fixed) {
        readInto(
            profile.secretKey(ConnectionProfile::Secret::ConnectionToken),
            [this](const QString &value) { m_token = value; },
            tr("No token is stored for profile \"%1\": it connects without a token. Enter the token in "
               "Profiles (tokens are not part of exported files).")
                .arg(profile.name));
    }
    if (needsHmac || profile.generateSubscriptionTokens) {
        readInto(
            profile.secretKey(ConnectionProfile::Secret::HmacSecret),
            [this](const QString &value) { m_result.hmacSecret = value.toUtf8(); },
            needsHmac ? tr("No HMAC secret is stored for profile \"%1\": no token can be generated, so it "
                           "connects without a token. Enter the secret in Profiles.")
                            .arg(profile.name)
                      : QString());
    }
    readInto(
        profile.secretKey(ConnectionProfile::Secret::ApiKey), [this](const QString &value) { m_result.apiKey = value; },
        QString());
    for (const ConnectionProfile::Header &header : profile.headers) {
        if (!header.isSecret() || !header.value.isEmpty())
            continue;
        const QByteArray name = header.name;
        readInto(
            profile.secretKey(ConnectionProfile::Secret::Header, name),
            [this, name](const QString &value) {
                m_secretHeaders.append({name, value.toLatin1(), true});
            },
            tr("No value is stored for the secret header %1 of profile \"%2\": it is sent empty.")
                .arg(QString::fromLatin1(name), profile.name));
    }
    // Answers come from the event loop, so nothing has finished yet: release the hold.
    finishOne(generation);
}

void ProfileResolver::finishOne(quint64 generation)
{
    if (generation != m_generation || --m_pending > 0)
        return;
    const ConnectionProfile &profile = m_result.profile;
    QString token = m_token;
    if (profile.tokenSource == ConnectionProfile::TokenSource::Generated && !m_result.hmacSecret.isEmpty())
        token = profile.generateToken(m_result.hmacSecret, QDateTime::currentDateTimeUtc());
    m_result.options = profile.toSessionOptions(token, m_secretHeaders);
    emit resolved(m_result);
}
