#pragma once

#include <QLatin1String>
#include <QList>
#include <QStringView>
#include <QUrl>

// The ways a client reaches Centrifugo. WebSocket is bidirectional; HTTP-streaming and SSE emulate a bidirectional
// connection (a long response for the server's messages, one POST to the emulation endpoint per command); the
// unidirectional ones take a connect request and then only deliver pushes.
enum class TransportKind { WebSocket, HttpStream, Sse, UniWebSocket, UniSse, UniHttpStream };

namespace Transports {

QList<TransportKind> all();
// The name used in the server's configuration and on the command line: "websocket", "http_stream", "uni_sse", ...
QLatin1String name(TransportKind kind);
// False for an unknown name.
bool fromName(QStringView name, TransportKind *kind);
bool isEmulation(TransportKind kind);
bool isUnidirectional(TransportKind kind);
bool usesWebSocket(TransportKind kind);
// Protobuf is spoken over WebSocket and HTTP-streaming; SSE and the unidirectional transports are JSON only.
bool supportsProtobuf(TransportKind kind);
// The server's default endpoint path: "/connection/http_stream".
QString defaultPath(TransportKind kind);
// The transport's endpoint on the host of an URL (scheme ws/http, wss/https as fits the transport).
QUrl endpointUrl(const QUrl &anyUrl, TransportKind kind);
// The emulation endpoint on the host of a transport URL ("/emulation", as the server's default handler_prefix).
QUrl emulationUrl(const QUrl &transportUrl);

} // namespace Transports
