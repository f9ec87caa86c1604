#include "recordwriter.h"

#include "framerecord.h"

#include <cstdio>

RecordWriter::~RecordWriter()
{
    close();
}

bool RecordWriter::open(const QString &path, QString *error)
{
    // Unbuffered QFile: our own buffer already batches the writes, a second copy would only cost time.
    const bool ok = path == QLatin1String("-")
                        ? m_file.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)
                        : (m_file.setFileName(path),
                           m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered));
    if (!ok) {
        *error = tr("Cannot write the record file %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_buffer.reserve(kBufferSize + 64 * 1024);
    return true;
}

void RecordWriter::write(const Frame &frame)
{
    if (!m_file.isOpen() || m_failed)
        return;
    // Frames come from the Session, whose messages were decoded from their bytes: "frame" can be those bytes.
    FrameRecord::appendJsonLine(frame, &m_buffer, FrameRecord::FrameJson::FromRaw);
    ++m_lines;
    if (m_buffer.size() >= kBufferSize)
        flush();
}

bool RecordWriter::flush()
{
    if (!m_file.isOpen() || m_failed)
        return !m_failed;
    const char *data = m_buffer.constData();
    qint64 left = m_buffer.size();
    while (left > 0) {
        const qint64 n = m_file.write(data, left);
        if (n <= 0) {
            m_failed = true;
            m_error = tr("Writing the record file failed: %1").arg(m_file.errorString());
            return false;
        }
        data += n;
        left -= n;
    }
    m_buffer.truncate(0); // keeps the capacity
    if (m_buffer.capacity() < kBufferSize)
        m_buffer.reserve(kBufferSize + 64 * 1024);
    return true;
}

bool RecordWriter::close()
{
    if (!m_file.isOpen())
        return !m_failed;
    flush();
    if (!m_file.flush() && !m_failed) {
        m_failed = true;
        m_error = tr("Writing the record file failed: %1").arg(m_file.errorString());
    }
    m_file.close();
    return !m_failed;
}
