#pragma once

#include <QString>

// What a numeric protocol code means, in words a user understands.
struct CodeExplanation
{
    enum class Kind { Error, Disconnect, Unsubscribe };
    // What a client should do after it.
    enum class Advice { None, Retry, Reconnect, Resubscribe, Stop };

    Kind kind = Kind::Error;
    int code = 0;
    bool known = false;
    QString name;    // short, as the server's source names it: "bad request"
    QString meaning; // one or two sentences: why it happens and what to do
    Advice advice = Advice::None;

    // "3501 bad request: <meaning> <advice sentence>"
    QString sentence() const;
    QString adviceText() const;
};
