#pragma once

#include "protocol.h"

#include <QSet>

// What the linter needs to know about the connection a command is going to.
struct LintContext
{
    bool socketOpen = false;      // the WebSocket is open
    bool connectSent = false;     // a connect command was sent on this socket
    bool connected = false;       // connect succeeded
    bool connectFailed = false;   // connect got an error reply: the server ignores everything after it
    bool pingOutstanding = false; // the server pinged and no pong was sent yet
    Protocol::Format format = Protocol::Format::Json;
    QSet<quint32> inFlightIds; // ids of commands still waiting for their reply
};
