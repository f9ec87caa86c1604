#include "timelineimporter.h"

#include "framestore.h"
#include "harimporter.h"
#include "recordlineappender.h"
#include "timelinemodel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <cstring>
#include <limits>
#include <map>

namespace {

constexpr qint64 kFirstBlockBytes = 64 * 1024; // small, so that the first rows show at once
constexpr qint64 kBlockBytes = 2 << 20;        // then blocks of whole lines of about 2 MiB
constexpr int kHarBlockRows = 5000;            // rows per HAR block: one block is handed over per event-loop turn
constexpr int kMaxBlocksAhead = 8; // blocks read but not yet taken by the UI (memory bound: ~16 MiB + their rows)
constexpr int kMaxParsers = 2;
constexpr int kIdlePollMs = 5;

} // namespace

// What the parser threads and the UI thread share while a JSON Lines file loads. The file is cut into blocks of
// whole lines; each parser thread reads the next block (in order, under the mutex) and parses it into a FrameStore
// of its own, outside the mutex. The UI thread takes the parsed blocks in file order and hands each store to the
// model whole (TimelineModel::appendStore): per row it copies a 48-byte index, never the bytes, never a Frame.
struct TimelineImporter::LinesShared
{
    struct Parsed
    {
        FrameStore rows;
        qint64 bytes = 0; // bytes of the file in this block
        qint64 lines = 0; // lines in this block (blank ones too)
        qint64 badLines = 0;
        qint64 firstBadLine = 0; // 1-based within the block
        QString firstError;
    };

    // Two locks, so that the UI thread, which takes parsed blocks under `mutex`, never waits for a file read.
    QMutex readMutex; // the reading position: file, carry, atEnd, readError
    QMutex mutex;     // parsed, taken, parsers, done
    QWaitCondition notFull;
    std::atomic<bool> cancel{false};
    QFile file;
    QByteArray carry;                 // the start of a line whose end is in the next block
    std::atomic<qint64> nextBlock{0}; // blocks read so far (written under readMutex)
    bool atEnd = false;
    QString readError; // read by the UI thread only once every parser has ended
    // Parsed blocks by index, taken in order by the UI thread; only under the mutex.
    std::map<qint64, std::unique_ptr<Parsed>> parsed;
    qint64 taken = 0; // blocks taken by the UI thread
    int parsers = 0;  // parser threads still running
    bool done = false;

    // Reads the next block of whole lines into *buffer (each parser reuses its own, so that no block-sized buffer
    // is allocated and freed per block); false at the end (or on an error, then readError is set).
    bool readBlock(QByteArray *buffer, qint64 *index)
    {
        if (atEnd)
            return false;
        if (!file.isOpen()) {
            // start() checked that it opens; the readers open it for themselves (only ever under readMutex).
            if (!file.open(QIODevice::ReadOnly)) {
                readError = TimelineImporter::tr("Cannot open %1: %2").arg(file.fileName(), file.errorString());
                atEnd = true;
                return false;
            }
        }
        const qint64 want = nextBlock == 0 ? kFirstBlockBytes : kBlockBytes;
        buffer->resize(carry.size()); // keeps the capacity
        if (!carry.isEmpty())
            std::memcpy(buffer->data(), carry.constData(), size_t(carry.size()));
        carry.clear();
        qsizetype cut = -1;
        for (;;) {
            const qsizetype old = buffer->size();
            buffer->resize(old + want);
            const qint64 n = file.read(buffer->data() + old, want);
            if (n < 0) {
                readError = TimelineImporter::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
                atEnd = true;
                return false;
            }
            buffer->resize(old + n);
            if (n == 0 || file.atEnd()) {
                atEnd = true;
                cut = buffer->size(); // the rest, with the last line even without its newline
                break;
            }
            // Only the bytes just read: the carry and earlier rounds have no newline (a long line must not be
            // searched again on every round).
            cut = QByteArrayView(buffer->constData() + old, n).lastIndexOf('\n');
            if (cut >= 0) {
                cut += old + 1; // after the newline
                break;
            }
            // No newline yet: a line longer than a block; read on.
        }
        if (buffer->isEmpty())
            return false;
        if (cut < buffer->size()) {
            carry = buffer->sliced(cut);
            buffer->resize(cut);
        }
        *index = nextBlock.fetch_add(1);
        return true;
    }

    static std::unique_ptr<Parsed> parseBlock(const QByteArray &block, const std::atomic<bool> &cancel)
    {
        auto out = std::make_unique<Parsed>();
        out->bytes = block.size();
        const char *p = block.constData();
        const char *const end = p + block.size();
        QString error;
        while (p < end) {
            if ((out->lines & 0xfff) == 0 && cancel)
                break;
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            const char *lineEnd = nl ? nl : end;
            const QByteArrayView line(p, lineEnd - p);
            p = nl ? nl + 1 : end;
            ++out->lines;
            if (line.trimmed().isEmpty())
                continue;
            if (!RecordLineAppender::append(line, &out->rows, &error) && out->badLines++ == 0) {
                out->firstBadLine = out->lines;
                out->firstError = error;
            }
        }
        out->rows.squeeze();
        return out;
    }

    // Runs on each parser thread.
    void parse()
    {
        QByteArray block;
        for (;;) {
            qint64 index = 0;
            {
                QMutexLocker lock(&mutex);
                while (!cancel && nextBlock - taken >= kMaxBlocksAhead)
                    notFull.wait(&mutex);
                if (cancel)
                    break;
            }
            {
                QMutexLocker lock(&readMutex);
                if (cancel || !readBlock(&block, &index))
                    break;
            }
            std::unique_ptr<Parsed> result = parseBlock(block, cancel);
            QMutexLocker lock(&mutex);
            parsed.emplace(index, std::move(result));
        }
        QMutexLocker lock(&mutex);
        if (--parsers == 0)
            done = true;
    }
};

// A HAR file read on the worker: the result (without frames) and the frames in blocks, in time order.
struct TimelineImporter::HarShared
{
    using Blocks = std::vector<std::unique_ptr<FrameStore>>;

    HarImporter::Result result;
    Blocks blocks;

    // Appends f to the last block of *to, starting a new block when that one is full.
    static void append(Blocks *to, const Frame &f)
    {
        if (to->empty() || to->back()->count() >= kHarBlockRows) {
            if (!to->empty())
                to->back()->squeeze();
            to->push_back(std::make_unique<FrameStore>());
        }
        to->back()->append(f);
    }

    void read(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = TimelineImporter::tr("Cannot open %1: %2").arg(path, file.errorString());
            return;
        }
        bool sorted = true;
        qint64 last = std::numeric_limits<qint64>::min();
        result = HarImporter::read(&file, [&](Frame &&f) {
            sorted = sorted && f.timeMs >= last;
            last = qMax(last, f.timeMs);
            append(&blocks, f);
        });
        if (!blocks.empty())
            blocks.back()->squeeze();
        if (!result.ok()) {
            blocks.clear(); // nothing of a file that is not a HAR is shown
            return;
        }
        if (!sorted)
            sortByTime();
    }

    // Connections that overlap in time: one timeline in time order (stable, so each connection keeps its order).
    // Costs a second copy of the frames while it runs.
    void sortByTime()
    {
        struct Ref
        {
            qint64 timeMs;
            quint32 block;
            int row;
        };
        std::vector<Ref> refs;
        for (size_t b = 0; b < blocks.size(); ++b) {
            const FrameStore &store = *blocks[b];
            for (int row = 0; row < store.count(); ++row) {
                if (store.row(row).flags & FrameStore::Row::FirstOfFrame)
                    refs.push_back({store.row(row).timeMs, quint32(b), row});
            }
        }
        std::stable_sort(refs.begin(), refs.end(), [](const Ref &a, const Ref &b) { return a.timeMs < b.timeMs; });
        Blocks out;
        for (const Ref &ref : refs)
            append(&out, blocks[ref.block]->frame(ref.row));
        if (!out.empty())
            out.back()->squeeze();
        blocks = std::move(out);
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
    // Parsers stop within a few thousand lines of a cancel; waiting for them means none still runs while the
    // application tears down what they use (at exit, static tables).
    for (const QPointer<QThread> &thread : std::as_const(m_parserThreads)) {
        if (thread)
            thread->wait();
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

bool TimelineImporter::start(const QString &path, Format format, Mode mode)
{
    if (m_running)
        cancel();
    m_mode = mode;
    m_replaced = false;
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
        shared->file.setFileName(path);
        shared->parsers = qBound(1, QThread::idealThreadCount(), kMaxParsers);
        m_lines = shared;
        m_linesTaken = 0;
        m_bytesTaken = 0;
        m_parserThreads.removeAll(nullptr);
        for (int i = 0, n = shared->parsers; i < n; ++i) {
            // Each thread owns a share of the state and deletes itself when done, even after a cancel.
            QThread *thread = QThread::create([shared] { shared->parse(); });
            connect(thread, &QThread::finished, thread, &QObject::deleteLater);
            m_parserThreads.append(thread);
            thread->start();
        }
        connect(&m_timer, &QTimer::timeout, this, &TimelineImporter::appendLinesSlice);
        m_timer.start(0);
        return true;
    }

    connect(&m_timer, &QTimer::timeout, this, &TimelineImporter::appendHarSlice);
    auto har = std::make_shared<HarShared>();
    m_worker = QThread::create([har, path] { har->read(path); });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &QThread::finished, this, [this, har, generation] {
        if (generation != m_generation)
            return; // a later import replaced this one, or it was cancelled
        const HarImporter::Result &result = har->result;
        m_summary.error = result.error;
        m_summary.badLines = result.badMessages;
        m_summary.firstError = result.firstProblem;
        if (result.ok()) {
            m_summary.notes.append(tr("WebSocket connections: %L1 (%2).")
                                       .arg(result.urls.size())
                                       .arg(result.urls.join(QLatin1String(", "))));
            if (result.skippedControlFrames > 0)
                m_summary.notes.append(
                    tr("WebSocket ping/pong control frames not shown: %L1.").arg(result.skippedControlFrames));
        }
        m_har = har;
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
    bool appended = false;
    bool done = false;
    for (;;) {
        std::unique_ptr<LinesShared::Parsed> block;
        {
            QMutexLocker lock(&m_lines->mutex); // never held during a file read (see LinesShared)
            const auto it = m_lines->parsed.find(m_lines->taken);
            if (it == m_lines->parsed.end()) {
                // Done when every parser ended and every block they read was taken.
                done = m_lines->done && m_lines->taken == m_lines->nextBlock;
                if (done)
                    m_summary.error = m_lines->readError;
                break;
            }
            block = std::move(it->second);
            m_lines->parsed.erase(it);
            ++m_lines->taken;
            m_lines->notFull.wakeAll();
        }
        if (block->badLines > 0 && m_summary.badLines == 0) {
            m_summary.firstBadLine = m_linesTaken + block->firstBadLine;
            m_summary.firstError = block->firstError;
        }
        m_summary.badLines += block->badLines;
        m_summary.frames += block->rows.frameCount();
        m_linesTaken += block->lines;
        m_bytesTaken += block->bytes;
        handOver(std::move(block->rows));
        appended = true;
        if (!m_lines)
            return; // a slot connected to the model (dropped rows) cancelled the import
        if (slice.elapsed() >= kSliceMs)
            break;
    }
    if (appended)
        m_model->flush(); // rows show now, not a batch interval later
    if (!m_lines)
        return; // a slot connected to the model cancelled the import
    if (appended || done)
        emit progress(done ? m_bytesTotal : m_bytesTaken, m_bytesTotal);
    if (done) {
        finish();
        return;
    }
    // Poll again at once while there is work, else shortly (the parsers are behind).
    m_timer.start(appended ? 0 : kIdlePollMs);
}

void TimelineImporter::appendHarSlice()
{
    if (!m_model) {
        m_summary.error = tr("The timeline was closed during the import.");
        finish();
        return;
    }
    if (!m_har || !m_summary.error.isEmpty()) {
        finish();
        return;
    }
    const size_t total = m_har->blocks.size();
    if (m_harNext < total) {
        std::unique_ptr<FrameStore> block = std::move(m_har->blocks[m_harNext++]);
        m_summary.frames += block->frameCount();
        handOver(std::move(*block));
        if (!m_har)
            return; // a slot connected to the model cancelled the import
        m_model->flush();
    }
    emit progress(qint64(m_harNext), qint64(total));
    if (m_harNext >= total)
        finish();
    else
        m_timer.start(0);
}

void TimelineImporter::handOver(FrameStore &&rows)
{
    if (rows.isEmpty())
        return;
    if (m_mode == Mode::Replace && !m_replaced) {
        m_replaced = true;
        m_model->clear();
    }
    m_model->appendStore(std::move(rows));
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
    m_har.reset();
    m_running = false;
    emit finished(m_summary);
}
