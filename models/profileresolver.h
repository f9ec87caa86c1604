#pragma once

#include "connectionprofile.h"

#include <QObject>
#include <QPointer>
#include <functional>

class SecretStore;

// Turns a saved profile into what a Session needs, reading its secrets from the SecretStore (asynchronously, as
// the keychain answers). Always ends with resolved(): missing secrets are listed in Result::warnings rather than
// blocking, so the user can still connect (anonymously) and see what the server says.
//
//   auto *resolver = new ProfileResolver(secrets, this);
//   connect(resolver, &ProfileResolver::resolved, this, [=](const ProfileResolver::Result &r) {
//       session->open(r.options);
//       session->setTokenProvider(r.tokenProvider());              // fresh tokens for refresh (Generated)
//       session->setSubscriptionTokenProvider(r.subscriptionTokenProvider());
//   });
//   resolver->resolve(store->current());
class ProfileResolver : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        ConnectionProfile profile;
        SessionOptions options; // token and secret headers filled in
        QByteArray hmacSecret;  // for Generated (and subscription tokens); empty otherwise
        QString apiKey;         // the server API key, if one is stored
        QStringList warnings;   // "No token is stored for this profile ..." one sentence each

        // A provider that signs a fresh connection token at every call (Generated with a secret), or returns the
        // fixed token; empty function when there is nothing to refresh with.
        std::function<QString()> tokenProvider() const;
        // Signs subscription tokens for private ($) channels when the profile allows it; empty function otherwise.
        std::function<QString(const QString &channel)> subscriptionTokenProvider() const;
    };

    explicit ProfileResolver(SecretStore *secrets, QObject *parent = nullptr);

    // Starts resolving; a resolve() still running for an older call is abandoned (its result is not emitted).
    void resolve(const ConnectionProfile &profile);
    bool isBusy() const { return m_pending > 0; }

signals:
    void resolved(const ProfileResolver::Result &result);

private:
    void finishOne(quint64 generation);

    QPointer<SecretStore> m_secrets;
    quint64 m_generation = 0;
    int m_pending = 0;
    Result m_result;
    QList<ConnectionProfile::Header> m_secretHeaders;
    QString m_token;
};

Q_DECLARE_METATYPE(ProfileResolver::Result)
