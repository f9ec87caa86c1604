#include "httptransport.h"

#include "emulationsender.h"

#include <QTimer>

using Level = LogEntry::Level;

namespace {

QAbstractSocket::SocketError socketErrorOf(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
        return QAbstractSocket::ConnectionRefusedError;
    case QNetworkReply::RemoteHostClosedError:
        return QAbstractSocket::RemoteHostClosedError;
    case QNetworkReply::HostNotFoundError:
        return QAbstractSocket::HostNotFoundError;
    case QNetworkReply::TimeoutError:
        return QAbstractSocket::SocketTimeoutError;
    case QNetworkReply::SslHandshakeFailedError:
        return QAbstractSocket::SslHandshakeFailedError;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QAbstractSocket::ProxyConnectionRefusedError;
    default:
        return QAbstractSocket::UnknownSocketError;
    }
}

} // namespace

HttpTransport::HttpTransport(TransportKind kind, QObject *parent)
    : Transport(parent)
    , m_kind(kind)
    , m_emulation(new EmulationSender(&m_nam, this))
{
    connect(m_emulation, &EmulationSender::logged, this, &Transport::logged);
    connect(m_emulation, &EmulationSender::exchanged, this, &Transport::httpExchange);
    connect(m_emulation, &EmulationSender::failed, this, [this](const QString &words) {
        // Without a working emulation path the connection is half dead: end it so a client reconnects.
        if (!m_reply || m_ended)
            return;
        m_emulationFailure = words;
        m_reply->disconnect(this);
        m_reply->abort();
        CloseInfo c;
        c.side = CloseInfo::Side::Transport;
        c.code = 1006;
        c.reason = tr("the emulation endpoint refused a command: %1").arg(words);
        end(c);
    });
    m_clock.start();
}

HttpTransport::~HttpTransport()
{
    abort();
}

void HttpTransport::abort()
{
    ++m_generation;
    m_emulation->stop();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void HttpTransport::open(const SessionOptions &options, const QByteArray &initial)
{
    abort();
    resetFraming();
    m_opened = false;
    m_ended = false;
    m_rule = CloseInfo::Rule::None;
    m_bytes = 0;
    m_emulationFailure.clear();

    QNetworkRequest request(options.url);
    for (const auto &h : options.headers)
        request.setRawHeader(h.first, h.second);
    // A stream must not be cached or redirected into something else; Centrifugo never redirects.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QSslConfiguration tls;
    if (options.url.scheme() == QLatin1String("https")) {
        tls = tlsConfiguration(options);
        request.setSslConfiguration(tls);
    }
    if (Transports::isEmulation(m_kind))
        m_emulation->start(options, tls);

    m_clock.restart();
    m_path = options.url.path();
    m_initialBytes = initial.size();
    m_reply = start(&m_nam, request, options, initial);
    traceHeaders(options);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpTransport::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpTransport::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpTransport::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this, reply = m_reply.data(), ignore = options.ignoreCertificateErrors](const QList<QSslError> &errors) {
                if (reportSslErrors(errors, ignore))
                    reply->ignoreSslErrors();
            });
}

void HttpTransport::send(const QByteArray &payload, bool binary)
{
    Q_UNUSED(binary)
    if (!canSend()) {
        emit logged(Level::Warning, tr("Not sent: %1 is unidirectional, the server takes nothing after the connect "
                                       "request.")
                                        .arg(Transports::name(m_kind)));
        return;
    }
    m_emulation->send(payload);
}

void HttpTransport::setEmulationSession(const QString &session, const QString &node)
{
    if (Transports::isEmulation(m_kind))
        m_emulation->setSession(session, node);
}

void HttpTransport::close(CloseInfo::Rule rule)
{
    if (!m_reply || m_ended)
        return;
    if (rule != CloseInfo::Rule::UserClose || m_rule == CloseInfo::Rule::None)
        m_rule = rule;
    m_reply->disconnect(this);
    m_reply->abort();
    CloseInfo c;
    c.side = CloseInfo::Side::Client;
    c.rule = m_rule;
    // No close frame exists over HTTP: 1000 once open as for a WebSocket closed cleanly, else 1006.
    c.code = m_opened ? 1000 : 1006;
    c.reason = rule == CloseInfo::Rule::UserClose ? QStringLiteral("client closed")
                                                  : QString::fromLatin1(CloseInfo::ruleName(rule));
    end(c);
}

QString HttpTransport::openStatusWords(int status, TransportKind kind)
{
    switch (status) {
    case 400:
        return tr("400 Bad Request: the server refused the connect request (missing or not valid JSON).");
    case 404:
        return tr("404 Not Found: the server has no %1 endpoint at this path: the transport is disabled in its "
                  "configuration (%1.enabled) or its handler_prefix differs.")
            .arg(Transports::name(kind));
    case 405:
        return tr("405 Method Not Allowed: the endpoint takes another HTTP method.");
    case 413:
        return tr("413 Request Entity Too Large: the connect request is over the endpoint's max_request_body_size.");
    default:
        return tr("HTTP %1 instead of 200: the stream did not start.").arg(status);
    }
}

void HttpTransport::onMetaData()
{
    if (m_opened || m_ended || !m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return;
    const double ms = double(m_clock.nsecsElapsed()) / 1e6;
    if (m_trace) {
        emit logged(Level::Trace, QStringLiteral("< HTTP %1 %2")
                                      .arg(status)
                                      .arg(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()));
        for (const auto &h : m_reply->rawHeaderPairs())
            emit logged(Level::Trace,
                        QStringLiteral("< %1: %2").arg(QString::fromLatin1(h.first), QString::fromLatin1(h.second)));
    }
    if (status != 200)
        return; // judged when the reply finishes, with its body read
    emit httpExchange(connectExchange(status, ms, {}));
    emit logged(Level::Info,
                tr("%1 response started (HTTP 200 in %2 ms)").arg(Transports::name(m_kind)).arg(ms, 0, 'f', 1));
    m_opened = true;
    emit opened();
}

HttpExchange HttpTransport::connectExchange(int status, double ms, const QString &error) const
{
    HttpExchange e;
    e.request = HttpExchange::Request::Connect;
    e.method = m_reply && m_reply->operation() == QNetworkAccessManager::GetOperation ? QStringLiteral("GET")
                                                                                      : QStringLiteral("POST");
    e.path = m_path;
    e.status = status;
    e.requestBytes = m_initialBytes;
    e.ms = ms;
    if (m_reply)
        e.contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    e.error = error;
    return e;
}

void HttpTransport::onReadyRead()
{
    if (!m_reply)
        return;
    onMetaData();
    if (!m_opened)
        return; // an error body, read when the reply finishes
    const QByteArray bytes = m_reply->readAll();
    m_bytes += bytes.size();
    consume(bytes);
}

void HttpTransport::onFinished()
{
    if (!m_reply || m_ended)
        return;
    onMetaData();
    QNetworkReply *reply = m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    CloseInfo c;
    c.code = 1006;
    if (m_opened) {
        consume(reply->readAll());
        const qsizetype partial = partialBytes();
        if (partial > 0) {
            c.side = CloseInfo::Side::Transport;
            c.reason =
                tr("the stream was cut in the middle of a message (%n byte(s) of it received)", nullptr, int(partial));
        } else if (reply->error() != QNetworkReply::NoError) {
            c.side = CloseInfo::Side::Transport;
            c.hasSocketError = true;
            c.socketError = socketErrorOf(reply->error());
            c.reason = reply->errorString();
        } else {
            // The server ended the response: the disconnect push before it (if any) says why.
            c.side = CloseInfo::Side::Server;
            c.code = 0;
            c.reason = tr("the server ended the response");
        }
    } else if (status != 0) {
        const QByteArray body = reply->readAll().left(200).trimmed();
        c.side = CloseInfo::Side::Transport;
        c.reason = openStatusWords(status, m_kind);
        if (!body.isEmpty())
            c.reason += tr(" The body says: \"%1\".").arg(QString::fromUtf8(body));
        HttpExchange e = connectExchange(status, double(m_clock.nsecsElapsed()) / 1e6, c.reason);
        e.responseBytes = body.size();
        emit httpExchange(e);
    } else {
        c.side = CloseInfo::Side::Transport;
        c.hasSocketError = true;
        c.socketError = socketErrorOf(reply->error());
        c.certificateRejected = reply->error() == QNetworkReply::SslHandshakeFailedError;
        c.reason = reply->errorString();
        emit httpExchange(connectExchange(0, double(m_clock.nsecsElapsed()) / 1e6, c.reason));
    }
    emit logged(Level::Debug, tr("%1 response over after %2 ms, %n byte(s) of body", nullptr, int(m_bytes))
                                  .arg(Transports::name(m_kind))
                                  .arg(double(m_clock.nsecsElapsed()) / 1e6, 0, 'f', 1));
    end(c);
}

void HttpTransport::end(CloseInfo info)
{
    if (m_ended)
        return;
    m_ended = true;
    m_emulation->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    QTimer::singleShot(0, this, [this, info, gen = m_generation] {
        if (gen == m_generation)
            emit closed(info);
    });
}
