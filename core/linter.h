#pragma once

#include "lintcontext.h"
#include "lintfinding.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

// Checks a command typed by a user against the protocol rules before it is sent, and says what the server will do.
class Linter
{
    Q_DECLARE_TR_FUNCTIONS(Linter)

public:
    static QList<LintFinding> lint(const QString &text, const LintContext &context = {});
    static bool hasErrors(const QList<LintFinding> &findings);
    // 1-based line and column of a character offset in text.
    static void lineColumn(const QString &text, qsizetype offset, int *line, int *column);

private:
    static void lintObject(const QString &text, const QJsonObject &object, const LintContext &context,
                           QList<LintFinding> *out);
};
