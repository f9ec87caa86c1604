#include "clilogging.h"

Q_LOGGING_CATEGORY(lcCli, "inspector.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCliTrace, "inspector.cli.trace", QtWarningMsg)
