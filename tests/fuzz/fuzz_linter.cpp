// The command linter on any text, in every connection state it distinguishes.
#include "linter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    LintContext context;
    (void)Linter::lint(text, context);
    context.socketOpen = true;
    context.connectSent = true;
    context.connected = true;
    context.pingOutstanding = true;
    context.inFlightIds = {1, 2, 3};
    const QList<LintFinding> findings = Linter::lint(text, context);
    (void)Linter::hasErrors(findings);
    context.format = Protocol::Format::Protobuf;
    context.connectFailed = true;
    (void)Linter::lint(text, context);
    return 0;
}
