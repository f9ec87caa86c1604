#pragma once

#include "lintcontext.h"
#include "lintreport.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <cstdio>

// The batch linter of centrifugo-inspector-cli (docs/cli.md, "Linting frames"):
//   --lint FILE            JSON Lines {"frame": "<text>", "state": {...}} in, one JSON line out per input line
//                          with the predicted outcome of the frame and its findings;
//   --lint-recording FILE  the outgoing frames of a JSON Lines recording or a HAR file, in the order they were
//                          sent, each linted with the session state the recording shows at that moment.
// FILE "-" is standard input. Output goes to standard output.
class LintMode
{
    Q_DECLARE_TR_FUNCTIONS(LintMode)

public:
    // Exit status: 0 when every input line was read, 1 when some were not (each got an "error" line), 2 when the
    // file cannot be opened.
    static int runFrames(const QString &path, FILE *out, QString *error);
    static int runRecording(const QString &path, FILE *out, QString *error);

    // The "state" object of an input line as a lint context; fields left out mean a fresh connected session.
    static bool contextFromState(const QJsonObject &state, LintContext *context, QString *error);
    // {"outcome": ..., "code": ..., "commands": N, "bytes": N, "findings": [...]}
    static QJsonObject reportJson(const LintReport &report);

private:
    static bool readAll(const QString &path, QByteArray *data, QString *error);
};
