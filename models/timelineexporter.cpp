#include "timelineexporter.h"

#include "framemasker.h"
#include "framerecord.h"
#include "timelinemodel.h"

QString TimelineExporter::Summary::text() const
{
    if (!error.isEmpty())
        return error;
    if (cancelled)
        return tr("Export cancelled; %1 was not written.").arg(path);
    QString s = tr("Frames exported to %1: %L2.").arg(path).arg(frames);
    if (dropped > 0)
        s += QLatin1Char(' ') + tr("Messages dropped by the row limit before they could be written: %L1.").arg(dropped);
    if (secretsIncluded)
        s += QLatin1Char(' ') + tr("Secrets are included: keep the file private.");
    else if (maskedFrames > 0)
        s += QLatin1Char(' ') + tr("Secrets masked in %L1 frames.").arg(maskedFrames);
    return s;
}

TimelineExporter::TimelineExporter(TimelineModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    qRegisterMetaType<TimelineExporter::Summary>();
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &TimelineExporter::writeSlice);
    // Row serials start again after a clear: an export running then would write the wrong frames.
    if (model) {
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            if (!m_running)
                return;
            m_summary.error = tr("The timeline was cleared during the export; %1 was not written.").arg(m_summary.path);
            finish();
        });
    }
}

TimelineExporter::~TimelineExporter() = default;

bool TimelineExporter::start(const QString &path, std::vector<qint64> rowSerials)
{
    if (m_running)
        cancel();
    m_summary = Summary();
    m_summary.path = path;
    m_summary.secretsIncluded = m_includeSecrets;
    m_masker = m_baseMasker;
    if (!m_model) {
        m_summary.error = tr("There is no timeline to export.");
        return false;
    }
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        m_summary.error = tr("Cannot write %1: %2").arg(path, m_file->errorString());
        m_file.reset();
        return false;
    }
    const FrameStore &store = m_model->store();
    m_serials = std::move(rowSerials);
    m_index = 0;
    m_next = store.firstSerial();
    m_end = store.firstSerial() + store.count();
    m_total = m_serials.empty() ? m_end - m_next : qint64(m_serials.size());
    m_done = 0;
    m_lastFrameSerial = -1;
    m_running = true;
    m_timer.start();
    return true;
}

void TimelineExporter::cancel()
{
    if (!m_running)
        return;
    m_summary.cancelled = true;
    finish();
}

void TimelineExporter::writeSlice()
{
    if (!m_model) {
        m_summary.error = tr("The timeline was closed during the export.");
        finish();
        return;
    }
    QElapsedTimer slice;
    slice.start();
    const FrameStore &store = m_model->store();
    QByteArray out;
    int sinceCheck = 0;
    while (m_done < m_total) {
        const qint64 serial = m_serials.empty() ? m_next++ : m_serials[m_index++];
        ++m_done;
        const qint64 row = serial - store.firstSerial();
        if (row < 0) {
            ++m_summary.dropped;
            continue;
        }
        if (row >= store.count())
            continue; // cleared meanwhile
        const int first = store.frameFirstRow(int(row));
        const qint64 firstSerial = store.serial(first);
        if (firstSerial == m_lastFrameSerial)
            continue;
        m_lastFrameSerial = firstSerial;
        const Frame frame = store.frame(first);
        if (m_includeSecrets) {
            FrameRecord::appendJsonLine(frame, &out);
        } else {
            // A token learnt here is masked in every later frame, too (it may be echoed back or logged).
            FrameMasker::learnTokens(frame, &m_masker);
            const Frame masked = FrameMasker::masked(frame, m_masker);
            if (!masked.raw.isSharedWith(frame.raw))
                ++m_summary.maskedFrames;
            FrameRecord::appendJsonLine(masked, &out);
        }
        ++m_summary.frames;
        if (++sinceCheck == 32) {
            sinceCheck = 0;
            if (slice.elapsed() >= kSliceMs)
                break;
        }
    }
    if (m_file->write(out) != out.size()) {
        m_summary.error = tr("Cannot write %1: %2").arg(m_summary.path, m_file->errorString());
        finish();
        return;
    }
    emit progress(m_done, m_total);
    if (m_done >= m_total)
        finish();
    else
        m_timer.start();
}

void TimelineExporter::finish()
{
    m_timer.stop();
    m_running = false;
    if (m_file) {
        if (m_summary.ok() && !m_file->commit())
            m_summary.error = tr("Cannot write %1: %2").arg(m_summary.path, m_file->errorString());
        else if (!m_summary.ok())
            m_file->cancelWriting();
        m_file.reset(); // an uncommitted QSaveFile leaves the old file as it was
    }
    m_serials.clear();
    m_serials.shrink_to_fit();
    emit finished(m_summary);
}
