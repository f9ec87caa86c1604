#include "mergemode.h"

#include "clioptions.h"
#include "recordmerger.h"

#include <QFile>

namespace {

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

int MergeMode::run(const QStringList &inputs, const QString &recordPath, FILE *out, FILE *err)
{
    RecordMerger merger;
    QString error;
    if (!merger.open(inputs, &error)) {
        print(err, QStringLiteral("centrifugo-inspector-cli: %1\n").arg(error));
        return CliOptions::kExitUsage;
    }
    QFile file;
    const bool toStdout = recordPath.isEmpty() || recordPath == QLatin1String("-");
    const bool opened = toStdout
                            ? file.open(out, QIODevice::WriteOnly)
                            : (file.setFileName(recordPath), file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (!opened) {
        print(err, QStringLiteral("centrifugo-inspector-cli: %1\n")
                       .arg(tr("Cannot write %1: %2").arg(recordPath, file.errorString())));
        return CliOptions::kExitUsage;
    }
    // Lines are gathered into blocks: one write per block, not per line.
    constexpr qsizetype kBlockBytes = 1 << 20;
    QByteArray block;
    block.reserve(kBlockBytes + 4096);
    qint64 lines = 0;
    RecordMerger::Line line;
    bool written = true;
    while (written && merger.next(&line)) {
        block += RecordMerger::withSource(line.text, merger.sourceName(line.file));
        block += '\n';
        ++lines;
        if (block.size() >= kBlockBytes) {
            written = file.write(block) == block.size();
            block.clear();
        }
    }
    written = written && file.write(block) == block.size() && file.flush();
    if (!written) {
        print(err,
              QStringLiteral("centrifugo-inspector-cli: %1\n")
                  .arg(tr("Cannot write %1: %2").arg(toStdout ? QStringLiteral("-") : recordPath, file.errorString())));
        return CliOptions::kExitUsage;
    }
    QString summary =
        tr("Merged %n line(s) from %1 file(s) in time order.", nullptr, int(lines)).arg(merger.fileCount());
    if (merger.badLines() > 0)
        summary += QLatin1Char(' ') +
                   tr("Skipped %n line(s) without a readable time; the first: %1", nullptr, int(merger.badLines()))
                       .arg(merger.firstBadLine());
    print(err, summary + QLatin1Char('\n'));
    return CliOptions::kExitOk;
}
