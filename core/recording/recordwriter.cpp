#include "recordwriter.h"

#include "framerecord.h"

#include <cstdio>

#ifdef Q_OS_LINUX
#include <pthread.h>
#endif

namespace {

qsizetype frameBytes(const Frame &frame)
{
    // The raw bytes dominate; the constant stands for the decoded messages that travel with them.
    return frame.raw.size() + 64 * frame.messages.size();
}

} // namespace

RecordWriter::~RecordWriter()
{
    close();
}

bool RecordWriter::open(const QString &path, QString *error)
{
    if (m_open) {
        *error = tr("The record file is already open.");
        return false;
    }
    // Unbuffered QFile: the writer thread's buffer already batches the writes, a second copy would only cost time.
    const bool ok = path == QLatin1String("-")
                        ? m_file.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)
                        : (m_file.setFileName(path),
                           m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered));
    if (!ok) {
        *error = tr("Cannot write the record file %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_open = true;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void RecordWriter::write(const Frame &frame, Format format)
{
    if (!m_open || failed())
        return;
    ++m_lines;
    if (format == Format::Here) {
        if (!m_pending.frames.isEmpty())
            queuePending(); // the frames before this one go first
        if (m_pending.text.capacity() == 0) {
            m_pending.text.swap(m_spareText);
            if (m_pending.text.capacity() == 0)
                m_pending.text.reserve(kBatchBytes + kBatchBytes / 4);
        }
        const qsizetype before = m_pending.text.size();
        // Frames come from the Session, whose messages were decoded from their bytes: "frame" can be those bytes.
        FrameRecord::appendJsonLine(frame, &m_pending.text, FrameRecord::FrameJson::FromRaw);
        m_pending.bytes += m_pending.text.size() - before;
    } else {
        if (!m_pending.text.isEmpty())
            queuePending();
        m_pending.frames.append(frame);
        // json() caches lazily and is not thread-safe: a frame whose line needs it gets its own copy of the
        // messages.
        if (!FrameRecord::writesWithoutJson(frame, FrameRecord::FrameJson::FromRaw))
            m_pending.frames.last().messages.detach();
        m_pending.bytes += frameBytes(frame);
    }
    if (m_pending.bytes >= kBatchBytes)
        flush();
}

void RecordWriter::flush()
{
    if (!m_open)
        return;
    queuePending();
    // Written frames come back to be freed here, on the thread that allocated them: freeing them on the writer
    // thread would make both threads contend for the allocator's lock.
    std::deque<Batch> written;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        written.swap(m_written);
    }
    // One buffer is kept for reuse, unless a large frame had it grow far past a batch.
    for (Batch &batch : written) {
        if (m_spareText.capacity() > 0)
            break;
        if (batch.text.capacity() > 0 && batch.text.capacity() <= 4 * kBatchBytes) {
            m_spareText.swap(batch.text);
            m_spareText.truncate(0); // keeps the capacity
        }
    }
}

void RecordWriter::queuePending()
{
    if (m_pending.frames.isEmpty() && m_pending.text.isEmpty())
        return;
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_room.wait(lock, [this] { return m_queuedBytes < kMaxQueuedBytes || m_failed.load(); });
        m_queuedBytes += m_pending.bytes;
        m_queue.push_back(std::move(m_pending));
    }
    m_work.notify_one();
    m_pending = Batch();
}

bool RecordWriter::close()
{
    if (!m_open)
        return !failed();
    flush();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_work.notify_one();
    m_thread.join();
    m_written.clear();
    m_spareText = QByteArray();
    if (!m_file.flush())
        fail(tr("Writing the record file failed: %1").arg(m_file.errorString()));
    m_file.close();
    m_open = false;
    return !failed();
}

QString RecordWriter::errorString() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_error;
}

void RecordWriter::run()
{
#ifdef Q_OS_LINUX
    pthread_setname_np(pthread_self(), "record-writer"); // so that top and perf show it apart
#endif
    QByteArray buffer;
    buffer.reserve(2 * kBatchBytes + 64 * 1024);
    for (;;) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_work.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopped, and everything queued is written
        Batch batch = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();

        if (!failed()) {
            if (batch.frames.isEmpty()) {
                writeOut(batch.text);
            } else {
                buffer.truncate(0); // keeps the capacity
                for (const Frame &frame : batch.frames) {
                    // Frames come from the Session, whose messages were decoded from their bytes: "frame" can be
                    // those bytes.
                    FrameRecord::appendJsonLine(frame, &buffer, FrameRecord::FrameJson::FromRaw);
                }
                writeOut(buffer);
            }
        }
        const qsizetype bytes = batch.bytes;

        lock.lock();
        m_queuedBytes -= bytes;
        m_written.push_back(std::move(batch));
        lock.unlock();
        m_room.notify_one();
    }
}

bool RecordWriter::writeOut(const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        const qint64 n = m_file.write(data, left);
        if (n <= 0) {
            fail(tr("Writing the record file failed: %1").arg(m_file.errorString()));
            return false;
        }
        data += n;
        left -= n;
    }
    return true;
}

void RecordWriter::fail(const QString &error)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_failed.load())
            return;
        m_error = error;
        m_failed.store(true);
    }
    m_room.notify_all();
}
