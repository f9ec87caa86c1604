#pragma once

#include "secretmasker.h"
#include "serverapireply.h"

#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

class QNetworkReply;

// A client of Centrifugo's server HTTP API: POST <base>/api/<method> with the JSON body and the X-API-Key header.
// Calls run concurrently; each ends with exactly one finished() carrying the parsed ServerApiReply. Logs go to
// inspector.api with the API key masked.
//
//   ServerApiClient api;
//   api.setBaseUrl(QUrl("http://127.0.0.1:8000"));   // or http://127.0.0.1:8000/api
//   api.setApiKey(key);
//   connect(&api, &ServerApiClient::finished, ...);
//   api.call("publish", {{"channel", "chat"}, {"data", QJsonObject{{"text", "hi"}}}});
class ServerApiClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 10000;

    explicit ServerApiClient(QObject *parent = nullptr);
    ~ServerApiClient() override;

    // The API prefix for a URL the user gives: the server's base URL ("http://host:8000", with or without a
    // trailing slash) or its API prefix ("http://host:8000/api") both give "http://host:8000/api". A URL without a
    // scheme gets http://. Returns an invalid URL when url is not an http(s) URL with a host.
    static QUrl apiPrefix(const QString &url);

    // Returns false (and keeps the old URL) when apiPrefix() rejects url.
    bool setBaseUrl(const QString &url);
    QUrl apiUrl() const { return m_apiUrl; }
    QUrl methodUrl(const QString &method) const;
    void setApiKey(const QString &key);
    QString apiKey() const { return m_apiKey; }
    // 0 = wait forever.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    // Starts a call and returns its id (never 0); finished() follows, also for failures such as a missing URL.
    quint64 call(const QString &method, const QJsonObject &body);
    // Same with a body as raw text, sent as it is (to see what the server says about malformed JSON).
    quint64 callRaw(const QString &method, const QByteArray &body);
    int pendingCount() const { return int(m_pending.size()); }
    // Aborts every pending call; each still gets its finished().
    void abortAll();

signals:
    void started(quint64 id, const QString &method, const QByteArray &body);
    void finished(quint64 id, const ServerApiReply &reply);

private:
    struct Pending
    {
        quint64 id = 0;
        QString method;
        qint64 startedMs = 0;
        bool timedOut = false;
    };

    void onFinished(QNetworkReply *reply);

    QNetworkAccessManager m_network;
    QHash<QNetworkReply *, Pending> m_pending;
    QUrl m_apiUrl;
    QString m_apiKey;
    SecretMasker m_masker;
    int m_timeoutMs = kDefaultTimeoutMs;
    quint64 m_nextId = 1;
};
