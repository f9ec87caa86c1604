#include "emulationsender.h"

#include "client.pb.h"
#include "transportkind.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using Level = LogEntry::Level;

EmulationSender::EmulationSender(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
    m_clock.start();
}

void EmulationSender::start(const SessionOptions &options, const QSslConfiguration &tls)
{
    stop();
    m_options = options;
    m_tls = tls;
    m_url = options.emulationUrl.isEmpty() ? Transports::emulationUrl(options.url) : options.emulationUrl;
    m_session.clear();
    m_node.clear();
    m_waiting.clear();
}

void EmulationSender::setSession(const QString &session, const QString &node)
{
    m_session = session;
    m_node = node;
    if (session.isEmpty()) {
        emit logged(Level::Error, tr("The connect reply names no emulation session: commands cannot be delivered "
                                     "over this transport."));
        return;
    }
    emit logged(Level::Debug, tr("Emulation session %1 on node %2").arg(session, node));
    const QList<QByteArray> waiting = std::exchange(m_waiting, {});
    for (const QByteArray &payload : waiting)
        post(payload);
}

void EmulationSender::send(const QByteArray &payload)
{
    if (m_session.isEmpty()) {
        emit logged(Level::Info, tr("Held until the connect reply names the emulation session (%n byte(s)).", nullptr,
                                    int(payload.size())));
        m_waiting.append(payload);
        return;
    }
    post(payload);
}

void EmulationSender::stop()
{
    const auto pending = std::exchange(m_pending, {});
    for (const QPointer<QNetworkReply> &reply : pending) {
        if (!reply)
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_waiting.clear();
}

void EmulationSender::post(const QByteArray &payload)
{
    QNetworkRequest request(m_url);
    for (const auto &h : m_options.headers)
        request.setRawHeader(h.first, h.second);
    if (m_url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_tls);
    QByteArray body;
    if (m_options.format == Protocol::Format::Protobuf) {
        centrifugal::centrifuge::protocol::EmulationRequest req;
        req.set_node(m_node.toStdString());
        req.set_session(m_session.toStdString());
        req.set_data(payload.constData(), size_t(payload.size()));
        const std::string bytes = req.SerializeAsString();
        body = QByteArray(bytes.data(), qsizetype(bytes.size()));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    } else {
        // The commands travel as a JSON string inside the request object.
        const QJsonObject req{{QLatin1String("session"), m_session},
                              {QLatin1String("node"), m_node},
                              {QLatin1String("data"), QString::fromUtf8(payload)}};
        body = QJsonDocument(req).toJson(QJsonDocument::Compact);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    const qint64 started = m_clock.nsecsElapsed();
    QNetworkReply *reply = m_nam->post(request, body);
    m_pending.append(reply);
    if (m_options.ignoreCertificateErrors)
        reply->ignoreSslErrors();
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, size = body.size(), started] { onFinished(reply, size, started); });
}

QString EmulationSender::statusWords(int status, const QString &node)
{
    switch (status) {
    case 200:
    case 204:
        return {};
    case 400:
        return tr("400 Bad Request: the server could not read the emulation request (not a valid request object, "
                  "or data that is not a string of commands).");
    case 404:
        return tr("404 Not Found: no server node %1 is known to this server (it restarted, or the request reached "
                  "another cluster), or the emulation endpoint is not at this path.")
            .arg(node);
    case 413:
        return tr("413 Request Entity Too Large: the command is over the server's emulation.max_request_body_size "
                  "(64 KiB by default).");
    default:
        return tr("HTTP %1: the server did not take the command.").arg(status);
    }
}

void EmulationSender::onFinished(QNetworkReply *reply, qsizetype bytes, qint64 startedNs)
{
    m_pending.removeAll(reply);
    reply->deleteLater();
    const double ms = double(m_clock.nsecsElapsed() - startedNs) / 1e6;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    HttpExchange e;
    e.method = QStringLiteral("POST");
    e.path = m_url.path();
    e.status = status;
    e.requestBytes = bytes;
    e.responseBytes = status == 0 ? -1 : reply->readAll().size();
    e.ms = ms;
    e.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    e.error = status == 0 ? reply->errorString() : statusWords(status, m_node);
    emit exchanged(e);
    if (status == 0) {
        const QString words = tr("Emulation POST %1 (%n byte(s)) failed after %2 ms: %3", nullptr, int(bytes))
                                  .arg(m_url.path())
                                  .arg(ms, 0, 'f', 1)
                                  .arg(reply->errorString());
        emit logged(Level::Error, words);
        emit failed(words);
        return;
    }
    const QString exchange = tr("Emulation POST %1: %n byte(s) -> HTTP %2 in %3 ms", nullptr, int(bytes))
                                 .arg(m_url.path())
                                 .arg(status)
                                 .arg(ms, 0, 'f', 1);
    const QString &words = e.error;
    if (words.isEmpty()) {
        emit logged(Level::Info, exchange);
        return;
    }
    emit logged(Level::Error, exchange + QLatin1String(". ") + words);
    // As the official SDK does: an unknown node or a failing server cannot deliver later commands either.
    if (status == 404 || status >= 500)
        emit failed(words);
}
