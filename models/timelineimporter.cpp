#include "timelineimporter.h"

#include "harimporter.h"
#include "recordlineparser.h"
#include "timelinemodel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>

namespace {

constexpr qint64 kReadChunk = 1 << 20;
constexpr int kHarSliceFrames = 5000;
constexpr int kBatchFrames = 4096;
constexpr int kMaxQueuedBatches = 8; // how far the reader may run ahead of the UI (memory bound)
constexpr qint64 kSliceMs = 20;
constexpr int kIdlePollMs = 5;

} // namespace

// What the reader thread and the UI thread share while a JSON Lines file loads.
struct TimelineImporter::LinesShared
{
    QMutex mutex;
    QWaitCondition notFull;
    QList<QList<Frame>> queue;
    bool done = false;
    std::atomic<bool> cancel{false};
    // Written by the reader; read by the UI thread under the mutex.
    qint64 bytesDone = 0;
    qint64 badLines = 0;
    qint64 firstBadLine = 0;
    QString firstError;
    QString readError;

    void push(QList<Frame> &&batch)
    {
        QMutexLocker lock(&mutex);
        while (queue.size() >= kMaxQueuedBatches && !cancel)
            notFull.wait(&mutex);
        queue.append(std::move(batch));
    }

    // Runs on the reader thread.
    void read(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            QMutexLocker lock(&mutex);
            readError = TimelineImporter::tr("Cannot open %1: %2").arg(path, file.errorString());
            done = true;
            return;
        }
        QByteArray buffer;
        qsizetype pos = 0;
        qint64 lineNumber = 0;
        qint64 consumed = 0;
        QList<Frame> batch;
        batch.reserve(kBatchFrames);
        qint64 bad = 0;
        qint64 firstBad = 0;
        QString firstErr;
        QString ioError;
        auto publish = [&] {
            {
                QMutexLocker lock(&mutex);
                bytesDone = consumed;
                badLines = bad;
                firstBadLine = firstBad;
                firstError = firstErr;
            }
            push(std::move(batch));
            batch = QList<Frame>();
            batch.reserve(kBatchFrames);
        };
        while (!cancel) {
            qsizetype nl = buffer.indexOf('\n', pos);
            if (nl < 0) {
                if (file.atEnd()) {
                    if (pos >= buffer.size())
                        break;
                    nl = buffer.size(); // the last line has no newline
                } else {
                    buffer.remove(0, pos);
                    pos = 0;
                    const QByteArray chunk = file.read(kReadChunk);
                    if (chunk.isEmpty() && !file.atEnd()) {
                        ioError = TimelineImporter::tr("Cannot read %1: %2").arg(path, file.errorString());
                        break;
                    }
                    buffer += chunk;
                    continue;
                }
            }
            const QByteArrayView line = QByteArrayView(buffer).sliced(pos, nl - pos);
            consumed += qMin<qsizetype>(nl + 1, buffer.size()) - pos;
            pos = nl + 1;
            ++lineNumber;
            if (line.trimmed().isEmpty())
                continue;
            Frame f;
            QString error;
            if (RecordLineParser::parse(line, &f, &error)) {
                batch.append(std::move(f));
                if (batch.size() >= kBatchFrames)
                    publish();
            } else if (bad++ == 0) {
                firstBad = lineNumber;
                firstErr = error;
            }
        }
        publish();
        QMutexLocker lock(&mutex);
        readError = ioError;
        done = true;
    }
};

QString TimelineImporter::Summary::text() const
{
    if (!error.isEmpty())
        return error;
    QString s =
        cancelled ? tr("Import cancelled; frames imported: %L1.").arg(frames) : tr("Frames imported: %L1.").arg(frames);
    if (badLines > 0) {
        s += QLatin1Char(' ');
        if (firstBadLine > 0)
            s += tr("Lines that could not be read: %L1; the first, line %L2: %3")
                     .arg(badLines)
                     .arg(firstBadLine)
                     .arg(firstError);
        else
            s += tr("Messages that could not be read: %L1; the first: %2").arg(badLines).arg(firstError);
    }
    for (const QString &note : notes)
        s += QLatin1Char(' ') + note;
    return s;
}

TimelineImporter::TimelineImporter(TimelineModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    qRegisterMetaType<TimelineImporter::Summary>();
    m_timer.setSingleShot(true);
}

TimelineImporter::~TimelineImporter()
{
    // A worker still running owns its data and deletes itself when done; a reader is told to stop.
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
    if (m_lines) {
        QMutexLocker lock(&m_lines->mutex);
        m_lines->cancel = true;
        m_lines->notFull.wakeAll();
    }
}

TimelineImporter::Format TimelineImporter::detectFormat(const QString &path, const QByteArray &head)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("har"))
        return Format::Har;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return Format::JsonLines;
    // A recording's first line is a whole record with "dir"; a HAR starts with {"log": ... over many lines.
    const qsizetype nl = head.indexOf('\n');
    const QByteArray first = (nl < 0 ? head : head.left(nl)).trimmed();
    if (first.startsWith('{') && first.endsWith('}') && first.contains("\"dir\""))
        return Format::JsonLines;
    return head.contains("\"log\"") ? Format::Har : Format::JsonLines;
}

bool TimelineImporter::start(const QString &path, Format format)
{
    if (m_running)
        cancel();
    m_summary = Summary();
    m_summary.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_summary.error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    if (format == Format::Auto)
        format = detectFormat(path, file.peek(64 * 1024));
    m_summary.format = format;
    m_bytesTotal = file.size();
    file.close();
    m_running = true;
    disconnect(&m_timer, nullptr, this, nullptr);
    const int generation = ++m_generation;

    if (format == Format::JsonLines) {
        auto shared = std::make_shared<LinesShared>();
        m_lines = shared;
        m_ready.clear();
        m_worker = QThread::create([shared, path] { shared->read(path); });
        connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
        connect(&m_timer, &QTimer::timeout, this, &TimelineImporter::appendLinesSlice);
        m_worker->start();
        m_timer.start(0);
        return true;
    }

    connect(&m_timer, &QTimer::timeout, this, &TimelineImporter::appendHarSlice);
    auto result = std::make_shared<HarImporter::Result>();
    m_worker = QThread::create([result, path] { *result = HarImporter::parseFile(path); });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &QThread::finished, this, [this, result, generation] {
        if (generation != m_generation)
            return; // a later import replaced this one, or it was cancelled
        m_summary.error = result->error;
        m_summary.badLines = result->badMessages;
        m_summary.firstError = result->firstProblem;
        if (result->ok()) {
            m_summary.notes.append(tr("WebSocket connections: %L1 (%2).")
                                       .arg(result->urls.size())
                                       .arg(result->urls.join(QLatin1String(", "))));
            if (result->skippedControlFrames > 0)
                m_summary.notes.append(
                    tr("WebSocket ping/pong control frames not shown: %L1.").arg(result->skippedControlFrames));
        }
        m_harFrames = std::make_shared<QList<Frame>>(std::move(result->frames));
        m_harNext = 0;
        m_timer.start(0);
    });
    m_worker->start();
    return true;
}

void TimelineImporter::cancel()
{
    if (!m_running)
        return;
    m_summary.cancelled = true;
    finish();
}

void TimelineImporter::appendLinesSlice()
{
    if (!m_model) {
        m_summary.error = tr("The timeline was closed during the import.");
        finish();
        return;
    }
    QElapsedTimer slice;
    slice.start();
    bool done = false;
    qint64 bytesDone = 0;
    {
        QMutexLocker lock(&m_lines->mutex);
        m_ready.append(std::move(m_lines->queue));
        m_lines->queue.clear();
        m_lines->notFull.wakeAll();
        done = m_lines->done;
        bytesDone = m_lines->bytesDone;
        m_summary.badLines = m_lines->badLines;
        m_summary.firstBadLine = m_lines->firstBadLine;
        m_summary.firstError = m_lines->firstError;
        if (done)
            m_summary.error = m_lines->readError;
    }
    bool appended = false;
    while (!m_ready.isEmpty() && slice.elapsed() < kSliceMs) {
        const QList<Frame> batch = m_ready.takeFirst();
        m_summary.frames += batch.size();
        m_model->appendFrames(batch);
        appended = true;
    }
    if (appended)
        m_model->flush(); // rows show now, not a batch interval later
    if (appended || done)
        emit progress(done && m_ready.isEmpty() ? m_bytesTotal : bytesDone, m_bytesTotal);
    if (done && m_ready.isEmpty()) {
        finish();
        return;
    }
    // Poll again at once while there is work, else shortly (the reader is ahead or behind).
    m_timer.start(m_ready.isEmpty() ? kIdlePollMs : 0);
}

void TimelineImporter::appendHarSlice()
{
    if (!m_model) {
        m_summary.error = tr("The timeline was closed during the import.");
        finish();
        return;
    }
    if (!m_harFrames || !m_summary.error.isEmpty()) {
        finish();
        return;
    }
    const qsizetype n = qMin<qsizetype>(kHarSliceFrames, m_harFrames->size() - m_harNext);
    m_model->appendFrames(m_harFrames->mid(m_harNext, n));
    m_model->flush();
    m_harNext += n;
    m_summary.frames += n;
    emit progress(m_harNext, m_harFrames->size());
    if (m_harNext >= m_harFrames->size())
        finish();
    else
        m_timer.start(0);
}

void TimelineImporter::finish()
{
    m_timer.stop();
    ++m_generation; // a HAR worker still parsing is ignored when it ends
    if (m_lines) {
        // Stop the reader; it ends by itself (it owns its share of the state) and deletes its thread.
        QMutexLocker lock(&m_lines->mutex);
        m_lines->cancel = true;
        m_lines->notFull.wakeAll();
    }
    m_lines.reset();
    m_ready.clear();
    m_harFrames.reset();
    m_running = false;
    emit finished(m_summary);
}
