#pragma once

#include "protocol.h"

#include <QCoreApplication>
#include <QString>

// A protocol-valid starting point for every command. Values a user must fill in are "<placeholders>",
// which the linter flags until they are replaced.
class CommandTemplates
{
    Q_DECLARE_TR_FUNCTIONS(CommandTemplates)

public:
    // Pretty-printed JSON of the command with the given id (send has no id).
    static QString text(Protocol::Method method, quint32 id);
    // Subscribe variants of the v6 protocol, without id (the session assigns one): a publication tags filter
    // (tf, a tree of and/or/not over leaves key/cmp/val), and fossil delta compression.
    static QString subscribeWithTagsFilter();
    static QString subscribeWithDelta();
    // Connect with the v6 fields `headers` (a string map, what the emulation transports carry instead of HTTP
    // headers; Centrifugo hands them only to proxies configured to forward them) and `flag` (an int64 bit set;
    // v6.9.1 reads no connect flag). Without id.
    static QString connectWithHeadersAndFlag();
    // One sentence on what the command does.
    static QString description(Protocol::Method method);
    // What Centrifugo v6 really does with it when that is a surprise (ping, send); empty otherwise.
    static QString serverNote(Protocol::Method method);
};
