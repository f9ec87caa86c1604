#include "transport.h"

#include "httpstreamtransport.h"
#include "secretmasker.h"
#include "ssetransport.h"
#include "websockettransport.h"

#include <QSslCertificate>

using Level = LogEntry::Level;

const SocketReader::Stats &Transport::readStats() const
{
    static const SocketReader::Stats none;
    return none;
}

QSslConfiguration Transport::tlsConfiguration(const SessionOptions &options)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!options.caCertificatesFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(options.caCertificatesFile, QSsl::Pem);
        if (cas.isEmpty())
            emit logged(Level::Error,
                        tr("No PEM certificate could be read from the CA file %1.").arg(options.caCertificatesFile));
        else
            emit logged(Level::Info, tr("Trusting %n extra CA certificate(s) from %1.", nullptr, int(cas.size()))
                                         .arg(options.caCertificatesFile));
        tls.addCaCertificates(cas);
    }
    if (options.ignoreCertificateErrors)
        emit logged(Level::Warning, tr("Certificate errors are ignored for this connection: the server's identity is "
                                       "not checked."));
    return tls;
}

bool Transport::reportSslErrors(const QList<QSslError> &errors, bool ignore)
{
    QStringList words;
    for (const QSslError &e : errors) {
        const QSslCertificate c = e.certificate();
        QString line = e.errorString();
        if (!c.isNull())
            line += tr(" (certificate: subject %1, issuer %2, valid until %3)")
                        .arg(c.subjectDisplayName(), c.issuerDisplayName(), c.expiryDate().toString(Qt::ISODate));
        words.append(line);
        emit logged(ignore ? Level::Warning : Level::Error, tr("TLS: %1").arg(line));
    }
    emit certificateErrors(words, ignore);
    return ignore;
}

void Transport::traceHeaders(const SessionOptions &options)
{
    if (!m_trace)
        return;
    for (const auto &h : options.headers) {
        const bool hide = !m_showSecrets && SecretMasker::isSecretHeaderName(QString::fromLatin1(h.first));
        emit logged(Level::Trace, QStringLiteral("> %1: %2")
                                      .arg(QString::fromLatin1(h.first),
                                           hide ? QString(SecretMasker::secretMask()) : QString::fromUtf8(h.second)));
    }
}

Transport *Transport::create(TransportKind kind, QObject *parent)
{
    switch (kind) {
    case TransportKind::HttpStream:
    case TransportKind::UniHttpStream:
        return new HttpStreamTransport(kind, parent);
    case TransportKind::Sse:
    case TransportKind::UniSse:
        return new SseTransport(kind, parent);
    case TransportKind::WebSocket:
    case TransportKind::UniWebSocket:
        break;
    }
    return new WebSocketTransport(parent);
}
