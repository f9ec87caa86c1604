#pragma once

// Shared by the linter's and the command analysis' tests.
#include "lintcontext.h"

namespace TestSupport {

// A socket that is open and a connect that was answered: the context most commands are typed in.
inline LintContext connectedLintContext()
{
    LintContext c;
    c.socketOpen = true;
    c.connectSent = true;
    c.connected = true;
    return c;
}

} // namespace TestSupport
