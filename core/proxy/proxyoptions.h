#pragma once

#include "sessionoptions.h"

#include <QHostAddress>

// How the proxy listens and where it forwards to. A plain value, like SessionOptions.
struct ProxyOptions
{
    // The side facing the application: plain ws:// on loopback unless asked otherwise (allowNonLoopback), because
    // whoever reaches the port can use the application's credentials it forwards.
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0 = any free port
    bool allowNonLoopback = false;
    // The side facing Centrifugo: url (ws:// or wss://), caCertificatesFile, ignoreCertificateErrors,
    // handshakeTimeoutMs and extra headers are used; the format follows each application's subprotocol.
    SessionOptions upstream;
};
