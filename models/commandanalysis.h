#pragma once

#include "lintcontext.h"
#include "lintfinding.h"
#include "lintoutcome.h"
#include "protocol.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

// What the composer's text is and how it would be sent: one JSON object goes through Session::sendCommand (which
// assigns a missing id and writes it in compact form), any other JSON (an array, a scalar, several values) goes
// through Session::sendRaw with each value compacted on its own line, and text that is not JSON for Qt is sent
// exactly as typed (the server reads some of it: text after an object, 1e400, deep nesting). `wire` holds the
// exact bytes of the frame, and the linter's findings and predicted outcome are about those bytes; for Kind::Object
// and Kind::Raw the findings' line and column are mapped back to the typed text where the wire has the same line.
struct CommandAnalysis
{
    Q_DECLARE_TR_FUNCTIONS(CommandAnalysis)

public:
    enum class Kind {
        Empty,   // nothing but whitespace
        NotJson, // not JSON for Qt: sent as typed with Session::sendRaw
        Object,  // one JSON object: sent with Session::sendCommand
        Raw,     // JSON, but not exactly one object: compacted, one value per line, sent with Session::sendRaw
    };

    Kind kind = Kind::Empty;
    QJsonObject object;                               // Kind::Object
    QByteArray payload;                               // Raw, NotJson: what Session::sendRaw sends
    QByteArray wire;                                  // the frame exactly as it goes on the wire
    int valueCount = 0;                               // top-level JSON values in the text
    Protocol::Method method = Protocol::Method::None; // of the first object that has one
    bool idWillBeAssigned = false;                    // Kind::Object without "id" whose method expects a reply
    quint32 assignedId = 0;                           // the id the session will assign (the nextId given)
    QList<LintFinding> findings;
    LintOutcome outcome; // what the server does with the frame

    bool canSend() const { return kind != Kind::Empty; }
    bool hasErrors() const;

    static CommandAnalysis analyze(const QString &text, const LintContext &context, quint32 nextId);

    // Top-level JSON values of a text as [start, end) character ranges, found by bracket matching; the last range
    // runs to the end of the text when brackets do not close. Whitespace between values is skipped.
    static QList<QPair<qsizetype, qsizetype>> splitValues(const QString &text);
    // Parses one JSON value of any type (objects, arrays and scalars). Returns false when it is not JSON.
    static bool parseValue(const QString &text, QJsonValue *value);
};
