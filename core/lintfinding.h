#pragma once

#include <QString>

// One thing the linter noticed about a command a user typed.
struct LintFinding
{
    enum class Severity { Info, Warning, Error };

    Severity severity = Severity::Info;
    QString code;    // stable identifier, e.g. "no-method"; not translated
    QString message; // a sentence for the user, translated
    int line = 0;    // 1-based; 0 when it concerns the whole command
    int column = 0;  // 1-based

    static QString severityName(Severity severity); // translated "error", "warning", "info"
};
