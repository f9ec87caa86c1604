#include "serverapiclient.h"

#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

ServerApiClient::ServerApiClient(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ServerApiReply>();
    connect(&m_network, &QNetworkAccessManager::finished, this, &ServerApiClient::onFinished);
}

ServerApiClient::~ServerApiClient()
{
    // Replies are children of m_network; no finished() must reach a half-destroyed client.
    disconnect(&m_network, nullptr, this, nullptr);
}

QUrl ServerApiClient::apiPrefix(const QString &text)
{
    QString trimmed = text.trimmed();
    if (!trimmed.contains(QLatin1String("://")))
        trimmed.prepend(QLatin1String("http://"));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return QUrl();
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/api")))
        path += QLatin1String("/api");
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

bool ServerApiClient::setBaseUrl(const QString &url)
{
    const QUrl prefix = apiPrefix(url);
    if (!prefix.isValid())
        return false;
    m_apiUrl = prefix;
    return true;
}

QUrl ServerApiClient::methodUrl(const QString &method) const
{
    QUrl url = m_apiUrl;
    url.setPath(url.path() + QLatin1Char('/') + method);
    return url;
}

void ServerApiClient::setApiKey(const QString &key)
{
    m_masker.removeSecret(m_apiKey);
    m_apiKey = key;
    m_masker.addSecret(key);
}

quint64 ServerApiClient::call(const QString &method, const QJsonObject &body)
{
    return callRaw(method, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

quint64 ServerApiClient::callRaw(const QString &method, const QByteArray &body)
{
    const quint64 id = m_nextId++;
    emit started(id, method, body);
    if (!m_apiUrl.isValid()) {
        const ServerApiReply reply = ServerApiReply::fromHttp(method, 0, QByteArray(), tr("no API URL set"));
        QTimer::singleShot(0, this, [this, id, reply]() { emit finished(id, reply); });
        return id;
    }
    QNetworkRequest request(methodUrl(method));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!m_apiKey.isEmpty())
        request.setRawHeader("X-API-Key", m_apiKey.toUtf8());
    // Plain HTTP/1.1: Centrifugo's API has nothing to gain from HTTP/2 upgrades here.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    qCDebug(lcApi).noquote() << "POST" << methodUrl(method).toString() << m_masker.mask(QString::fromUtf8(body));

    QNetworkReply *reply = m_network.post(request, body);
    m_pending.insert(reply, Pending{id, method, QDateTime::currentMSecsSinceEpoch(), false});
    if (m_timeoutMs > 0) {
        QTimer::singleShot(m_timeoutMs, reply, [this, reply]() {
            auto it = m_pending.find(reply);
            if (it == m_pending.end())
                return;
            it->timedOut = true;
            reply->abort();
        });
    }
    return id;
}

void ServerApiClient::abortAll()
{
    const QList<QNetworkReply *> replies = m_pending.keys();
    for (QNetworkReply *reply : replies)
        reply->abort();
}

void ServerApiClient::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_pending.find(reply);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);

    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - pending.startedMs;
    ServerApiReply result;
    if (pending.timedOut) {
        result = ServerApiReply::timedOut(pending.method, m_timeoutMs);
    } else {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString networkError = status == 0 ? reply->errorString() : QString();
        result = ServerApiReply::fromHttp(pending.method, status, reply->readAll(), networkError);
        result.elapsedMs = elapsed;
    }
    // Debug only: callers show the reply in their own way (the CLI's lines, the server panel, the timeline).
    qCDebug(lcApi).noquote() << pending.method << result.shortStatus() << elapsed << "ms"
                             << m_masker.mask(QString::fromUtf8(result.body));
    emit finished(pending.id, result);
}
