#pragma once

#include <QByteArray>
#include <QString>

// The options of a subscribe request (protocol SubscribeRequest), as a user sets them.
struct SubscribeOptions
{
    QString channel;
    QString token;
    bool recover = false;
    QString epoch;
    quint64 offset = 0;
    bool positioned = false;
    bool recoverable = false;
    bool joinLeave = false;
    QString delta;   // "" or "fossil"
    QByteArray data; // raw JSON, empty for none
};
