#pragma once

#include "lintcontext.h"
#include "lintfinding.h"
#include "protocol.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

// What the composer's text is and how it would be sent: one JSON object goes through Session::sendCommand (which
// assigns a missing id), any other JSON (an array, a scalar, several values) is sent as typed through
// Session::sendRaw, and text that is not JSON at all cannot be sent. Includes the linter's findings, with line
// and column relative to the whole text.
struct CommandAnalysis
{
    Q_DECLARE_TR_FUNCTIONS(CommandAnalysis)

public:
    enum class Kind {
        Empty,   // nothing but whitespace
        NotJson, // cannot be sent
        Object,  // one JSON object: sent with Session::sendCommand
        Raw,     // JSON, but not exactly one object: sent with Session::sendRaw
    };

    Kind kind = Kind::Empty;
    QJsonObject object;                               // Kind::Object
    QByteArray payload;                               // Kind::Raw: every value in compact form, one per line
    int valueCount = 0;                               // top-level JSON values in the text
    Protocol::Method method = Protocol::Method::None; // of the first object that has one
    bool idWillBeAssigned = false;                    // Kind::Object without "id" whose method expects a reply
    quint32 assignedId = 0;                           // the id the session will assign (the nextId given)
    QList<LintFinding> findings;

    bool canSend() const { return kind == Kind::Object || kind == Kind::Raw; }
    bool hasErrors() const;

    static CommandAnalysis analyze(const QString &text, const LintContext &context, quint32 nextId);

    // Top-level JSON values of a text as [start, end) character ranges, found by bracket matching; the last range
    // runs to the end of the text when brackets do not close. Whitespace between values is skipped.
    static QList<QPair<qsizetype, qsizetype>> splitValues(const QString &text);
    // Parses one JSON value of any type (objects, arrays and scalars). Returns false when it is not JSON.
    static bool parseValue(const QString &text, QJsonValue *value);
};
