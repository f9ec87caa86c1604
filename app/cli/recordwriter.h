#pragma once

#include "frame.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

// Appends frames to a JSON Lines file through one large buffer, so a flood costs one write() per ~256 KiB.
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
    bool isOpen() const { return m_file.isOpen(); }
    void write(const Frame &frame);
    // Writes the buffer out; false (and errorString()) when the disk refused it.
    bool flush();
    bool close();

    qint64 linesWritten() const { return m_lines; }
    bool failed() const { return m_failed; }
    QString errorString() const { return m_error; }

private:
    static constexpr qsizetype kBufferSize = 256 * 1024;

    QFile m_file;
    QByteArray m_buffer;
    qint64 m_lines = 0;
    bool m_failed = false;
    QString m_error;
};
