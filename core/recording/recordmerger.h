#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

// Reads several recordings (JSON Lines, framerecord.h) as one, in time order: a k-way merge that holds one line
// per file, so memory stays bounded however long the files are. Lines of the same millisecond come in file order
// (the order the files were given). Each file is a source: the "source" field of its lines when they carry one
// (a merged recording merged again keeps its names), else the file's name without ".jsonl".
//
//   RecordMerger merger;
//   if (!merger.open({"a.jsonl", "b.jsonl"}, &error)) ...
//   RecordMerger::Line line;
//   while (merger.next(&line)) out.write(RecordMerger::withSource(line.text, merger.sourceName(line.file)));
class RecordMerger
{
    Q_DECLARE_TR_FUNCTIONS(RecordMerger)

public:
    struct Line
    {
        QByteArray text; // without the trailing newline
        qint64 timeMs = 0;
        int file = 0;
    };

    RecordMerger();
    ~RecordMerger();
    RecordMerger(const RecordMerger &) = delete;
    RecordMerger &operator=(const RecordMerger &) = delete;

    // Opens every file; false with *error (a translated sentence) when one cannot be read.
    bool open(const QStringList &paths, QString *error);
    // The next line in time order; false when every file is read to its end.
    bool next(Line *line);
    int fileCount() const { return int(m_files.size()); }
    // The source of a file's lines without a "source" field of their own.
    QString sourceName(int file) const;
    // Lines skipped because their time could not be read (counted, never silently).
    qint64 badLines() const { return m_badLines; }
    // The first of them: "b.jsonl line 7: ..." (empty when there is none).
    QString firstBadLine() const { return m_firstBadLine; }

    // "clientA" for ".../clientA.jsonl".
    static QString defaultSourceName(const QString &path);
    // The value of the line's "source" field; empty when it has none.
    static QString sourceOf(QByteArrayView line);
    // The line with "source": name as its first field; a line that has a "source" field already is returned as it
    // is (its own source wins).
    static QByteArray withSource(QByteArrayView line, const QString &name);
    // The "time" of a record line in ms since the epoch; false when the line is not a readable record.
    static bool timeOf(QByteArrayView line, qint64 *timeMs, QString *error);

private:
    struct Input;
    // Reads the next usable line of file i into its head; false at its end.
    bool advance(int i);

    std::vector<std::unique_ptr<Input>> m_files;
    std::vector<int> m_heap; // indexes of files with a head line, a min-heap by (time, index)
    qint64 m_badLines = 0;
    QString m_firstBadLine;
};
