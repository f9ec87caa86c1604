#include "timelineimporter.h"

#include "harimporter.h"
#include "recordlineparser.h"
#include "timelinemodel.h"

#include <QFileInfo>
#include <QThread>

namespace {

constexpr qint64 kReadChunk = 1 << 20;
constexpr int kHarSliceFrames = 5000;

} // namespace

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
    m_timer.setInterval(0);
}

TimelineImporter::~TimelineImporter()
{
    // A HAR worker still parsing owns its data and deletes itself when done.
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
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
    m_file.close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_summary.error = tr("Cannot open %1: %2").arg(path, m_file.errorString());
        return false;
    }
    if (format == Format::Auto)
        format = detectFormat(path, m_file.peek(64 * 1024));
    m_summary.format = format;
    m_buffer.clear();
    m_pos = 0;
    m_lineNumber = 0;
    m_bytesDone = 0;
    m_bytesTotal = m_file.size();
    m_running = true;
    disconnect(&m_timer, nullptr, this, nullptr);

    if (format == Format::JsonLines) {
        connect(&m_timer, &QTimer::timeout, this, &TimelineImporter::readSlice);
        m_timer.start();
        return true;
    }

    m_file.close();
    connect(&m_timer, &QTimer::timeout, this, &TimelineImporter::appendHarSlice);
    auto result = std::make_shared<HarImporter::Result>();
    const int generation = ++m_generation;
    m_worker = QThread::create([result, path] { *result = HarImporter::parseFile(path); });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &QThread::finished, this, [this, result, generation] {
        if (generation != m_generation)
            return; // a later import replaced this one
        m_worker = nullptr;
        if (!m_running)
            return; // cancelled meanwhile
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
        m_bytesDone = m_bytesTotal;
        m_timer.start();
    });
    m_worker->start();
    return true;
}

void TimelineImporter::cancel()
{
    if (!m_running)
        return;
    ++m_generation; // a HAR worker still parsing is ignored when it ends
    m_summary.cancelled = true;
    finish();
}

void TimelineImporter::readSlice()
{
    if (!m_model) {
        m_summary.error = tr("The timeline was closed during the import.");
        finish();
        return;
    }
    m_slice.start();
    QList<Frame> batch;
    bool done = false;
    int sinceCheck = 0;
    while (true) {
        qsizetype nl = m_buffer.indexOf('\n', m_pos);
        if (nl < 0) {
            if (m_file.atEnd()) {
                if (m_pos >= m_buffer.size()) {
                    done = true;
                    break;
                }
                nl = m_buffer.size(); // the last line has no newline
            } else {
                m_buffer.remove(0, m_pos);
                m_pos = 0;
                const QByteArray chunk = m_file.read(kReadChunk);
                if (chunk.isEmpty() && !m_file.atEnd()) {
                    m_summary.error = tr("Cannot read %1: %2").arg(m_summary.path, m_file.errorString());
                    done = true;
                    break;
                }
                m_buffer += chunk;
                continue;
            }
        }
        const QByteArrayView line = QByteArrayView(m_buffer).sliced(m_pos, nl - m_pos);
        m_pos = nl + 1;
        ++m_lineNumber;
        if (!line.trimmed().isEmpty()) {
            Frame f;
            QString error;
            if (RecordLineParser::parse(line, &f, &error)) {
                batch.append(std::move(f));
            } else if (m_summary.badLines++ == 0) {
                m_summary.firstBadLine = m_lineNumber;
                m_summary.firstError = error;
            }
        }
        if (++sinceCheck == 64) {
            sinceCheck = 0;
            if (!budgetLeft())
                break;
        }
    }
    m_summary.frames += batch.size();
    m_model->appendFrames(batch);
    m_model->flush(); // rows show now, not a batch interval later
    m_bytesDone = m_file.pos() - (m_buffer.size() - qMin(m_pos, m_buffer.size()));
    emit progress(m_bytesDone, m_bytesTotal);
    if (done)
        finish();
    else
        m_timer.start();
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
        m_timer.start();
}

void TimelineImporter::finish()
{
    m_timer.stop();
    m_file.close();
    m_buffer.clear();
    m_buffer.squeeze();
    m_harFrames.reset();
    m_running = false;
    emit finished(m_summary);
}
