#pragma once

#include <QString>

// One line of the session's log, as shown in the log pane and printed by the CLI.
struct LogEntry
{
    // Trace is below Qt's debug: it maps to the "*.trace" logging categories, which are off unless enabled.
    enum class Level { Trace, Debug, Info, Warning, Error };

    qint64 timeMs = 0;
    Level level = Level::Info;
    QString category; // e.g. "inspector.session"
    QString message;

    static QString levelName(Level level); // "trace" ... "error", not translated
    static bool levelFromName(QStringView name, Level *level);
};
