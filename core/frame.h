#pragma once

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
    QByteArray raw;
    QList<ProtocolMessage> messages;
};
