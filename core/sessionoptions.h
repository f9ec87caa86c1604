#pragma once

#include "protocol.h"
#include "transport/transportkind.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// Everything needed to open one connection. A plain value: profiles store and copy it.
struct SessionOptions
{
    QUrl url = QUrl(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
    // How to reach the server; url names that transport's endpoint (http://host:8000/connection/sse).
    TransportKind transport = TransportKind::WebSocket;
    // Where HTTP-streaming and SSE post commands; empty = /emulation on the url's host.
    QUrl emulationUrl;
    Protocol::Format format = Protocol::Format::Json;
    QList<QPair<QByteArray, QByteArray>> headers; // extra HTTP headers for the handshake
    QString token;                                // connection JWT; empty = anonymous
    QString name = QStringLiteral("centrifugo-inspector");
    QString version = QStringLiteral(INSPECTOR_VERSION);
    QByteArray connectData;  // raw JSON for the connect proxy; empty = none
    bool autoConnect = true; // send connect right after the WebSocket handshake
    bool autoPong = true;    // answer server pings when connect asked for pongs
    // TLS (wss://): the system's CAs, plus these PEM certificates when set.
    QString caCertificatesFile;
    // Continue despite certificate errors. A deliberate, visible choice: the errors are still logged.
    bool ignoreCertificateErrors = false;
    // Deadlines (ms; 0 = none): the WebSocket handshake, and the reply to connect. Past one, the session closes
    // and says which.
    int handshakeTimeoutMs = 10000;
    int connectTimeoutMs = 10000;
    // How late the server's ping may be: past its interval + this, a warning; past interval + twice this (the
    // official SDKs' limit), a close explained as "no ping from the server" (then the usual reconnect).
    int pingToleranceMs = 5000;
};
