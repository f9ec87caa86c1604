#pragma once

#include "lintfinding.h"
#include "lintoutcome.h"

#include <QList>

// The linter's verdict on one frame: every finding, and what the server does with the frame as a whole (the
// first outcome of its commands, in order, that is not "accepted"; nothing after a close is run).
struct LintReport
{
    QList<LintFinding> findings;
    LintOutcome outcome;
    int commandCount = 0; // lines the server reads as commands
    qsizetype bytes = 0;  // the frame's size on the wire
};
