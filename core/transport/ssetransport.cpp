#include "ssetransport.h"

SseTransport::SseTransport(TransportKind kind, QObject *parent)
    : HttpTransport(kind, parent)
{
}

QNetworkReply *SseTransport::start(QNetworkAccessManager *nam, QNetworkRequest request, const SessionOptions &options,
                                   const QByteArray &initial)
{
    QUrl url = options.url;
    // Percent-encoded by hand: QUrlQuery would leave '+' and '&' of the JSON ambiguous.
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    if (!query.isEmpty())
        query += '&';
    query += "cf_connect=" + QUrl::toPercentEncoding(QString::fromUtf8(initial));
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    request.setUrl(url);
    request.setRawHeader("Accept", "text/event-stream");
    if (m_trace) {
        emit logged(LogEntry::Level::Trace, QStringLiteral("> GET %1?cf_connect=… (%2 bytes of connect)")
                                                .arg(options.url.path(QUrl::FullyEncoded))
                                                .arg(initial.size()));
    }
    return nam->get(request);
}

void SseTransport::resetFraming()
{
    m_line.clear();
    m_data.clear();
    m_hasData = false;
    m_afterCr = false;
}

void SseTransport::consume(const QByteArray &bytes)
{
    // Lines end with CRLF, LF or CR (the event stream format); an empty line ends an event.
    for (const char c : bytes) {
        if (c == '\n' && m_afterCr) {
            m_afterCr = false;
            continue;
        }
        m_afterCr = c == '\r';
        if (c == '\n' || c == '\r') {
            takeLine(std::exchange(m_line, {}));
            continue;
        }
        m_line.append(c);
    }
}

void SseTransport::takeLine(const QByteArray &line)
{
    if (line.isEmpty()) {
        if (m_hasData)
            emit received(std::exchange(m_data, {}), false);
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return; // a comment
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field != "data")
        return; // event, id and retry mean nothing to Centrifugo
    if (m_hasData)
        m_data.append('\n');
    m_data.append(value);
    m_hasData = true;
}
