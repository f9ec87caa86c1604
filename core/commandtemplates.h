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
    // One sentence on what the command does.
    static QString description(Protocol::Method method);
    // What Centrifugo v6 really does with it when that is a surprise (ping, send); empty otherwise.
    static QString serverNote(Protocol::Method method);
};
