#pragma once

// Tokens for live tests. Header-only: the test support library links only Qt, the tests that include this link
// the core (Jwt, TokenClaims).
#include "jwt.h"
#include "tokenclaims.h"

#include <QDateTime>
#include <QString>

namespace TestSupport {

// A subscription token as `centrifugo gensubtoken` makes it (TokenClaims writes the same bytes), expiring
// expiresInSec from now (negative: already expired).
inline QString subscriptionToken(const QString &secret, const QString &user, const QString &channel,
                                 qint64 expiresInSec)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    TokenClaims claims;
    claims.kind = TokenClaims::Kind::Subscription;
    claims.sub = user;
    claims.channel = channel;
    claims.iat = now;
    claims.exp = now + expiresInSec;
    return Jwt::sign(claims.toJson(), secret.toUtf8());
}

} // namespace TestSupport
