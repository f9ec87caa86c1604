#include "httpstreamtransport.h"

HttpStreamTransport::HttpStreamTransport(TransportKind kind, QObject *parent)
    : HttpTransport(kind, parent)
{
}

QNetworkReply *HttpStreamTransport::start(QNetworkAccessManager *nam, QNetworkRequest request,
                                          const SessionOptions &options, const QByteArray &initial)
{
    // The server picks Protobuf by the request's content type.
    m_protobuf = options.format == Protocol::Format::Protobuf && m_kind == TransportKind::HttpStream;
    const QByteArray type =
        m_protobuf ? QByteArrayLiteral("application/octet-stream") : QByteArrayLiteral("application/json");
    request.setHeader(QNetworkRequest::ContentTypeHeader, type);
    request.setRawHeader("Accept", type);
    if (m_trace) {
        emit logged(LogEntry::Level::Trace, QStringLiteral("> POST %1 (%2 bytes, %3)")
                                                .arg(options.url.path(QUrl::FullyEncoded))
                                                .arg(initial.size())
                                                .arg(QString::fromLatin1(type)));
    }
    return nam->post(request, initial);
}

QList<QByteArray> HttpStreamTransport::takeDelimited(QByteArray *buffer, bool *bad)
{
    QList<QByteArray> out;
    *bad = false;
    qsizetype pos = 0;
    while (pos < buffer->size()) {
        quint64 length = 0;
        int shift = 0;
        qsizetype p = pos;
        bool complete = false;
        while (p < buffer->size()) {
            const auto byte = quint8(buffer->at(p++));
            length |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80)) {
                complete = true;
                break;
            }
            shift += 7;
            if (shift > 63) {
                *bad = true;
                return out;
            }
        }
        if (!complete || quint64(buffer->size() - p) < length)
            break;
        out.append(buffer->mid(pos, p - pos + qsizetype(length)));
        pos = p + qsizetype(length);
    }
    buffer->remove(0, pos);
    return out;
}

void HttpStreamTransport::consume(const QByteArray &bytes)
{
    m_buffer += bytes;
    if (m_protobuf) {
        bool bad = false;
        const QList<QByteArray> messages = takeDelimited(&m_buffer, &bad);
        for (const QByteArray &m : messages)
            emit received(m, true);
        if (bad) {
            emit logged(LogEntry::Level::Error,
                        tr("The stream holds a length prefix that is not a valid varint: the rest cannot be framed."));
            close(CloseInfo::Rule::ProtocolViolation);
        }
        return;
    }
    qsizetype start = 0;
    for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0; nl = m_buffer.indexOf('\n', start)) {
        if (nl > start)
            emit received(m_buffer.mid(start, nl - start), false);
        start = nl + 1;
    }
    m_buffer.remove(0, start);
}
