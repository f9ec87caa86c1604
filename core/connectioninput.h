#pragma once

#include "transportkind.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

// What a user types for a connection (the panel's fields, the CLI's options), checked the way the transport will
// use it. The panel and the CLI share these rules so that both accept and refuse the same input.
class ConnectionInput
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionInput)

public:
    // True when the URL's scheme is the one the transport speaks: ws/wss for WebSocket transports, http/https for
    // the HTTP ones.
    static bool schemeFits(const QUrl &url, TransportKind kind);

    // Typed text made into the transport's URL: a missing scheme is added and ws<->http swapped to fit the transport
    // (keeping TLS). False, with *error in words, when the text is empty, not a URL or has another scheme.
    static bool url(const QString &text, TransportKind kind, QUrl *url, QString *error);

    // An HTTP header name as RFC 9110 allows it (a "token"): letters, digits and !#$%&'*+-.^_`|~.
    static bool isHeaderName(const QString &name);
};
