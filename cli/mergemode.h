#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdio>

// The merge mode of centrifugo-inspector-cli: --merge A.jsonl B.jsonl ... [--record MERGED.jsonl]. Writes every
// line of the recordings in time order (RecordMerger: one line per file in memory), each with a "source" field
// naming the client it came from, to the record file or stdout; a summary goes to `err`.
// Exit status: 0 merged (lines whose time could not be read are skipped and counted in the summary), 2 a file
// could not be read or the output not written.
class MergeMode
{
    Q_DECLARE_TR_FUNCTIONS(MergeMode)

public:
    static int run(const QStringList &inputs, const QString &recordPath, FILE *out, FILE *err);
};
