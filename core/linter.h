#pragma once

#include "lintcontext.h"
#include "lintfinding.h"
#include "lintreport.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

class LintCommand;

// Says, before a frame is sent, what Centrifugo will do with it. It reads the frame the way the server does
// (docs/server-behaviour.md): one command per line, each line decoded by the server's rules (ServerJsonReader,
// LintCommand), and runs the commands in order against what it knows of the session (LintContext): connect
// state, subscriptions, the token. What depends on the server's configuration is predicted as a condition.
class Linter
{
    Q_DECLARE_TR_FUNCTIONS(Linter)

public:
    // Centrifugo's default websocket.message_size_limit: a bigger frame closes the connection with 1009.
    static constexpr qsizetype kMessageSizeLimit = 65536;
    // Centrifugo's default channel.max_length, checked on subscribe only.
    static constexpr qsizetype kChannelMaxLength = 255;

    // The frame exactly as it goes on the wire.
    static LintReport lintFrame(const QByteArray &wire, const LintContext &context = {});
    // lintFrame(text.toUtf8(), context).findings
    static QList<LintFinding> lint(const QString &text, const LintContext &context = {});
    static bool hasErrors(const QList<LintFinding> &findings);
    // 1-based line and column of a character offset in text.
    static void lineColumn(const QString &text, qsizetype offset, int *line, int *column);
    // 1-based line and column (in characters) of a byte offset in UTF-8 bytes.
    static void lineColumnOfByte(const QByteArray &bytes, qsizetype offset, int *line, int *column);

private:
    struct Run;
    static LintOutcome lintLine(const QByteArray &wire, qsizetype lineStart, const QByteArray &line,
                                const LintContext &context, Run *run, QList<LintFinding> *out);
};
