#pragma once

#include "frame.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <memory>

class FrameStore;
class QThread;
class TimelineModel;

// Loads a recording (JSON Lines, see core/recording/framerecord.h) or a browser HAR file into a TimelineModel without
// freezing the UI. JSON Lines: up to two parser threads read the file in blocks of whole lines and parse each
// block straight into a FrameStore (RecordLineAppender::append); the UI thread hands the parsed blocks to the model
// in file order, for at most about 20 ms per event-loop turn, so the first rows are on screen while the rest is
// still read and the window keeps answering. The parsers stay at most a few blocks ahead (bounded memory). Bad
// lines are counted and the first one is described with its line number; nothing is skipped silently. HAR:
// streamed by HarImporter::read on a worker into compact FrameStore blocks (sorted by time when connections
// overlap), then handed over block by block.
//
// Replace: the model is cleared only when the first frames are handed over, so an import that fails or finds
// nothing leaves the current timeline as it was.
class TimelineImporter : public QObject
{
    Q_OBJECT

public:
    enum class Format { Auto, JsonLines, Har };
    Q_ENUM(Format)
    enum class Mode { Append, Replace };
    Q_ENUM(Mode)

    struct Summary
    {
        QString path;
        Format format = Format::Auto;
        qint64 frames = 0;       // frames handed to the model
        qint64 badLines = 0;     // lines (or HAR messages) that could not be read
        qint64 firstBadLine = 0; // 1-based line number (0 for HAR)
        QString firstError;      // why the first bad line could not be read
        QStringList notes;       // HAR: connections found, skipped control frames
        QString error;           // why the file could not be read at all
        bool cancelled = false;

        bool ok() const { return error.isEmpty() && !cancelled; }
        // One translated sentence for a status line or a message box.
        QString text() const;
    };

    explicit TimelineImporter(TimelineModel *model, QObject *parent = nullptr);
    ~TimelineImporter() override;

    // Starts loading; returns false (and emits nothing) when the file cannot be opened; see lastError().
    bool start(const QString &path, Format format = Format::Auto, Mode mode = Mode::Append);
    void cancel();
    bool isRunning() const { return m_running; }
    QString lastError() const { return m_summary.error; }

    // JSON Lines unless the name ends in .har or the first line is not a complete record.
    static Format detectFormat(const QString &path, const QByteArray &head);

signals:
    void progress(qint64 done, qint64 total);
    void finished(const TimelineImporter::Summary &summary);

private:
    struct LinesShared;
    struct HarShared;

    void appendLinesSlice();
    void appendHarSlice();
    // Hands rows to the model; in Replace mode the first rows clear it first.
    void handOver(FrameStore &&rows);
    void finish();

    static constexpr qint64 kSliceMs = 20;

    QPointer<TimelineModel> m_model;
    Summary m_summary;
    bool m_running = false;
    qint64 m_bytesTotal = 0;
    QTimer m_timer;
    // JSON Lines: blocks parsed by the parser threads, taken in file order.
    std::shared_ptr<LinesShared> m_lines;
    QList<QPointer<QThread>> m_parserThreads; // each deletes itself when done; waited for on destruction
    qint64 m_linesTaken = 0;                  // lines of the blocks taken so far (for the line numbers of bad lines)
    qint64 m_bytesTaken = 0;
    // HAR: parsed on a worker, then appended from here.
    QPointer<QThread> m_worker; // deletes itself when done
    int m_generation = 0;
    std::shared_ptr<HarShared> m_har;
    size_t m_harNext = 0;
    Mode m_mode = Mode::Append;
    bool m_replaced = false; // Replace mode: the model was cleared for this import
};

Q_DECLARE_METATYPE(TimelineImporter::Summary)
