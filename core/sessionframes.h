#pragma once

#include "closeinfo.h"
#include "frame.h"
#include "httpexchange.h"
#include "wirecodec.h"

#include <QCoreApplication>
#include <QJsonObject>

// The frames a Session makes itself (one sent, the close, a frame QWebSocket rejected) and the decoding of a
// received one for its transport: the frame handling apart from the session's state.
class SessionFrames
{
    Q_DECLARE_TR_FUNCTIONS(SessionFrames)

public:
    static Frame outgoing(const QByteArray &payload, bool binary, QList<ProtocolMessage> messages);
    // The Disconnect frame that ends every connection in the timeline.
    static Frame closed(const CloseInfo &close);
    // QWebSocket drops a frame it rejects and closes: the frame's bytes are gone, but not the fact.
    static Frame rejected(const CloseInfo &close);
    // The server's messages in one received payload. Unidirectional transports send bare pushes: wrapped as the
    // bidirectional ones, they decode and show alike (the frame keeps the bytes as received).
    static QList<ProtocolMessage> decodeServer(const WireCodec &codec, const QByteArray &payload, bool unidirectional);
    // An emulation transport's HTTP request as its own row (Frame::Origin::HttpExchange), never decoded as protocol.
    static Frame httpExchange(const HttpExchange &exchange);
    // The unidirectional connect request: the connect fields alone, without the command around them.
    static ProtocolMessage connectRequest(const QJsonObject &request);
};
