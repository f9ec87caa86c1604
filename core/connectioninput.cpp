#include "connectioninput.h"

#include <QRegularExpression>

bool ConnectionInput::schemeFits(const QUrl &url, TransportKind kind)
{
    const QString scheme = url.scheme();
    if (Transports::usesWebSocket(kind))
        return scheme == QLatin1String("ws") || scheme == QLatin1String("wss");
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

bool ConnectionInput::url(const QString &typed, TransportKind kind, QUrl *url, QString *error)
{
    QString text = typed.trimmed();
    const bool webSocket = Transports::usesWebSocket(kind);
    if (text.isEmpty()) {
        *error =
            webSocket
                ? tr("Enter the server's WebSocket URL, e.g. ws://127.0.0.1:8000/connection/websocket.")
                : tr("Enter the transport's URL, e.g. http://127.0.0.1:8000%1.").arg(Transports::defaultPath(kind));
        return false;
    }
    if (!text.contains(QLatin1String("://")))
        text.prepend(webSocket ? QLatin1String("ws://") : QLatin1String("http://"));
    QUrl u(text, QUrl::StrictMode);
    const QString scheme = u.scheme();
    const bool secure = scheme == QLatin1String("https") || scheme == QLatin1String("wss");
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws") || secure)
        u.setScheme(webSocket ? (secure ? QStringLiteral("wss") : QStringLiteral("ws"))
                              : (secure ? QStringLiteral("https") : QStringLiteral("http")));
    if (!u.isValid() || u.host().isEmpty() || !schemeFits(u, kind)) {
        *error = webSocket
                     ? tr("\"%1\" is not a WebSocket URL: use ws://host:port/path or wss://host:port/path.").arg(text)
                     : tr("\"%1\" is not an HTTP URL: use http://host:port/path or https://host:port/path.").arg(text);
        return false;
    }
    *url = u;
    return true;
}

bool ConnectionInput::isHeaderName(const QString &name)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(name).hasMatch();
}
