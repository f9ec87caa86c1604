#include "lintfinding.h"

#include <QCoreApplication>

QString LintFinding::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QCoreApplication::translate("LintFinding", "error");
    case Severity::Warning:
        return QCoreApplication::translate("LintFinding", "warning");
    case Severity::Info:
        break;
    }
    return QCoreApplication::translate("LintFinding", "info");
}
