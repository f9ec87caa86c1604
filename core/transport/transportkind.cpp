#include "transportkind.h"

namespace Transports {

QList<TransportKind> all()
{
    return {TransportKind::WebSocket,    TransportKind::HttpStream, TransportKind::Sse,
            TransportKind::UniWebSocket, TransportKind::UniSse,     TransportKind::UniHttpStream};
}

QLatin1String name(TransportKind kind)
{
    switch (kind) {
    case TransportKind::WebSocket:
        return QLatin1String("websocket");
    case TransportKind::HttpStream:
        return QLatin1String("http_stream");
    case TransportKind::Sse:
        return QLatin1String("sse");
    case TransportKind::UniWebSocket:
        return QLatin1String("uni_websocket");
    case TransportKind::UniSse:
        return QLatin1String("uni_sse");
    case TransportKind::UniHttpStream:
        return QLatin1String("uni_http_stream");
    }
    return QLatin1String("?");
}

bool fromName(QStringView text, TransportKind *kind)
{
    for (TransportKind k : all()) {
        if (text == name(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

bool isEmulation(TransportKind kind)
{
    return kind == TransportKind::HttpStream || kind == TransportKind::Sse;
}

bool isUnidirectional(TransportKind kind)
{
    return kind == TransportKind::UniWebSocket || kind == TransportKind::UniSse || kind == TransportKind::UniHttpStream;
}

bool usesWebSocket(TransportKind kind)
{
    return kind == TransportKind::WebSocket || kind == TransportKind::UniWebSocket;
}

bool supportsProtobuf(TransportKind kind)
{
    return kind == TransportKind::WebSocket || kind == TransportKind::HttpStream;
}

QString defaultPath(TransportKind kind)
{
    return QLatin1String("/connection/") + name(kind);
}

QUrl endpointUrl(const QUrl &anyUrl, TransportKind kind)
{
    QUrl u = anyUrl;
    const bool secure = u.scheme() == QLatin1String("wss") || u.scheme() == QLatin1String("https");
    if (usesWebSocket(kind))
        u.setScheme(secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    else
        u.setScheme(secure ? QStringLiteral("https") : QStringLiteral("http"));
    u.setPath(defaultPath(kind));
    u.setQuery(QString());
    return u;
}

QUrl emulationUrl(const QUrl &transportUrl)
{
    QUrl u = transportUrl;
    u.setPath(QStringLiteral("/emulation"));
    u.setQuery(QString());
    u.setFragment(QString());
    return u;
}

} // namespace Transports
