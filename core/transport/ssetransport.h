#pragma once

#include "httptransport.h"

// Server-Sent Events (bidirectional emulation, and the unidirectional endpoint): the connect goes in the cf_connect
// URL parameter of a GET, each `data:` event is one JSON message. JSON only.
class SseTransport : public HttpTransport
{
    Q_OBJECT

public:
    explicit SseTransport(TransportKind kind, QObject *parent = nullptr);

protected:
    QNetworkReply *start(QNetworkAccessManager *nam, QNetworkRequest request, const SessionOptions &options,
                         const QByteArray &initial) override;
    void consume(const QByteArray &bytes) override;
    qsizetype partialBytes() const override { return m_line.size() + m_data.size(); }
    void resetFraming() override;

private:
    void takeLine(const QByteArray &line);

    QByteArray m_line; // an unfinished line
    QByteArray m_data; // the data lines of the event being read
    bool m_hasData = false;
    bool m_afterCr = false; // the last byte was a CR: a LF right after it ends nothing more
};
