#pragma once

#include "httptransport.h"

// HTTP-streaming (bidirectional emulation, and the unidirectional endpoint): the connect goes as the POST body, the
// response is a stream of messages, one JSON object per line, or Protobuf messages each after its varint length.
class HttpStreamTransport : public HttpTransport
{
    Q_OBJECT

public:
    explicit HttpStreamTransport(TransportKind kind, QObject *parent = nullptr);

    // Cuts complete Protobuf messages (each with its varint length prefix) off the front of buffer. *bad is set
    // when a length prefix is not a valid varint.
    static QList<QByteArray> takeDelimited(QByteArray *buffer, bool *bad);

protected:
    QNetworkReply *start(QNetworkAccessManager *nam, QNetworkRequest request, const SessionOptions &options,
                         const QByteArray &initial) override;
    void consume(const QByteArray &bytes) override;
    qsizetype partialBytes() const override { return m_buffer.size(); }
    void resetFraming() override { m_buffer.clear(); }

private:
    bool m_protobuf = false;
    QByteArray m_buffer;
};
