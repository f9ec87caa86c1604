#pragma once

#include "frame.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

// Appends frames to a JSON Lines file. Formatting lines is work of its own for every frame, apart from reading and
// decoding, so it may run on a writer thread: write() then only queues a copy of the frame, and the thread formats
// batches into one large buffer and writes them with one write() per batch; written batches come back to be freed
// by the caller's thread. A caller with time to spare formats the line itself instead (Format::Here): no copy to
// hand over, and the writer thread only writes. Lines reach the file in the order of write() either way. The queue
// is bounded (kMaxQueuedBytes not yet written): when the disk is slower than the network, write() waits, which
// slows the reading of the socket instead of growing memory.
class RecordWriter
{
    Q_DECLARE_TR_FUNCTIONS(RecordWriter)

public:
    RecordWriter() = default;
    ~RecordWriter();
    RecordWriter(const RecordWriter &) = delete;
    RecordWriter &operator=(const RecordWriter &) = delete;

    // path "-" writes to stdout. Truncates an existing file.
    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_open; }
    // Where a frame's line is formatted: on the writer thread, or here on the caller's thread. The caller's thread
    // gains when it keeps up with its input (the Session's reads do not fill their buffer): it would only sleep
    // sooner, and wake up once more per frame or so. A saturated reader leaves the work to the writer thread.
    enum class Format { OnWriterThread, Here };
    void write(const Frame &frame, Format format = Format::OnWriterThread);
    // Hands the frames queued so far to the writer thread without waiting for them to reach the file. Call it
    // now and then so that a quiet connection's frames do not sit in memory.
    void flush();
    // Writes everything still queued and closes the file; false (and errorString()) when the disk refused it.
    bool close();

    // Frames accepted by write() (all of them are in the file once close() returned true).
    qint64 linesWritten() const { return m_lines; }
    bool failed() const { return m_failed.load(std::memory_order_relaxed); }
    QString errorString() const;

    // Large enough that the writer thread wakes rarely during a flood (each wake-up is a futex call on both sides).
    static constexpr qsizetype kBatchBytes = 256 * 1024;
    static constexpr qsizetype kMaxQueuedBytes = 64 * 1024 * 1024;

private:
    // Frames for the writer thread to format, or lines already formatted (never both).
    struct Batch
    {
        QList<Frame> frames;
        QByteArray text;
        qsizetype bytes = 0; // counted against kMaxQueuedBytes
    };

    void queuePending(); // hands the pending batch to the writer thread
    void run();
    bool writeOut(const QByteArray &bytes);
    void fail(const QString &error);

    QFile m_file; // used by the writer thread only while it runs
    bool m_open = false;
    qint64 m_lines = 0;

    // Owned by the caller's thread: frames or lines not yet handed over (never both).
    Batch m_pending;
    // A written batch's text buffer, emptied, for the next lines formatted here: a fresh buffer per batch would
    // fault in new pages every batch.
    QByteArray m_spareText;

    // Shared with the writer thread, under m_mutex.
    mutable std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_room;
    std::deque<Batch> m_queue;
    std::deque<Batch> m_written; // written, to be freed by the caller's thread (see flush())
    qsizetype m_queuedBytes = 0;
    bool m_stop = false;
    QString m_error;
    std::atomic<bool> m_failed{false};

    std::thread m_thread;
};
