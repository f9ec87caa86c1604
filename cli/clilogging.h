#pragma once

#include <QLoggingCategory>

// The CLI's own messages ("inspector.cli"); per-frame tracing is "inspector.cli.trace" and off unless asked for.
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcCliTrace)
