#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

// What the linter needs to know about the connection a command is going to.
struct LintContext
{
    bool socketOpen = false;      // the WebSocket is open
    bool connectSent = false;     // a connect command was sent on this socket
    bool connected = false;       // connect succeeded
    bool connectFailed = false;   // connect got an error reply: the server ignores everything after it
    bool pingOutstanding = false; // the server pinged and no pong was sent yet
    Protocol::Format format = Protocol::Format::Json;
    QSet<quint32> inFlightIds; // ids of commands still waiting for their reply

    QSet<QString> subscriptions; // channels this connection is subscribed to (or subscribing)
    QString token;               // the connection token sent with connect; empty = anonymous
    QByteArray hmacSecret;       // the server's HMAC secret when known: tokens are then verified, not assumed
    // Server settings already known, in the vocabulary of LintOutcome ("namespace:chat", "rpc-proxy"): granted
    // ones make conditions disappear, missing ones (e.g. a namespace that answered 102) make them definite.
    QStringList grantedSettings;
    QStringList missingSettings;
    qint64 nowSecs = 0; // the time tokens are checked at (Unix seconds); 0 = now

    bool operator==(const LintContext &o) const
    {
        return socketOpen == o.socketOpen && connectSent == o.connectSent && connected == o.connected &&
               connectFailed == o.connectFailed && pingOutstanding == o.pingOutstanding && format == o.format &&
               inFlightIds == o.inFlightIds && subscriptions == o.subscriptions && token == o.token &&
               hmacSecret == o.hmacSecret && grantedSettings == o.grantedSettings &&
               missingSettings == o.missingSettings && nowSecs == o.nowSecs;
    }
    bool operator!=(const LintContext &o) const { return !(*this == o); }
};
