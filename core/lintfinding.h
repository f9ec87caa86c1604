#pragma once

#include "lintoutcome.h"

#include <QString>

// One thing the linter noticed about a command a user typed, with what the server will do because of it.
struct LintFinding
{
    enum class Severity { Info, Warning, Error };

    Severity severity = Severity::Info;
    QString code;    // stable identifier, e.g. "no-method"; not translated
    QString message; // a sentence for the user, translated; ends with the predicted outcome
    int line = 0;    // 1-based; 0 when it concerns the whole command
    int column = 0;  // 1-based
    // What the server does with the command because of this finding: Accepted for a remark that changes
    // nothing (an ignored field), an error reply or a close for a mistake, Conditional when it depends on
    // server settings.
    LintOutcome outcome;

    static QString severityName(Severity severity); // translated "error", "warning", "info"
};
