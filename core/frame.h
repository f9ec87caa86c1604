#pragma once

#include "closeinfo.h"
#include "protocol.h"
#include "protocolmessage.h"

#include <QByteArray>
#include <QList>

// One WebSocket frame in or out (or the close that ended the connection), with the messages it carries.
struct Frame
{
    qint64 timeMs = 0; // milliseconds since the Unix epoch
    Protocol::Direction direction = Protocol::Direction::In;
    bool binary = false;
    bool close = false; // a close frame: messages holds one Disconnect with code and reason
    // For a close: who closed (the server's close frame, this client, or the transport without a close frame).
    CloseInfo::Side closedBy = CloseInfo::Side::Unknown;
    // A frame the WebSocket layer rejected (e.g. invalid UTF-8): its bytes are gone; messages holds one Invalid
    // message whose text (and raw) says what was rejected and why.
    bool rejected = false;
    QByteArray raw;
    QList<ProtocolMessage> messages;

    // Proxy mode (core/proxy): what the proxy did to this frame instead of forwarding it as received.
    enum class Injected : quint8 {
        None,         // forwarded as received (or not a proxied frame)
        Close,        // a close the proxy sent to the application as if the server had
        DropUpstream, // the upstream connection the proxy dropped without a close frame
        Drop,         // messages the proxy kept from the application (publications dropped on purpose)
        Hold,         // pings or pongs the proxy held back (not forwarded)
        Delay,        // forwarded, but late on purpose
    };
    // The application connection of a proxied frame (1, 2, ...); 0 for a frame of the inspector's own session.
    int conn = 0;
    Injected injected = Injected::None;

    // Rows that share the timeline with the protocol but did not travel on the client connection: they are shown
    // and recorded beside the frames, never decoded as client protocol.
    enum class Origin : quint8 {
        Wire,         // a frame of the client connection (WebSocket message or an emulation transport's message)
        ServerCall,   // a server API request body (raw holds the JSON sent to the server's HTTP API)
        ServerReply,  // a server API reply body, or the failure in words when there was none
        HttpExchange, // one HTTP request of an emulation transport (raw holds its summary as a JSON object)
    };
    Origin origin = Origin::Wire;
};
