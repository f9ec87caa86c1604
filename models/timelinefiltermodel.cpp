#include "timelinefiltermodel.h"

#include "timelinemodel.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>

#include <emmintrin.h>

namespace {

constexpr int kMatchBlock = 4096;     // rows between deadline checks
constexpr qint64 kSliceBudgetMs = 25; // per event-loop turn while matching a regular expression
constexpr int kSyncRegexRows = 20000; // fewer rows than this are matched at once, even with a regex

inline uchar foldAscii(uchar c)
{
    return (c >= 'A' && c <= 'Z') ? uchar(c + ('a' - 'A')) : c;
}

inline uchar upperAscii(uchar c)
{
    return (c >= 'a' && c <= 'z') ? uchar(c - ('a' - 'A')) : c;
}

// Substring search without per-call set-up, so it is cheap on a million short messages: SSE2 compares the
// needle's first and last byte at 16 positions at once (both cases when folding) and checks the middle only
// where both match. The needle is stored folded to lower case when case-insensitive (ASCII only).
class ByteSearcher
{
public:
    ByteSearcher() = default;
    ByteSearcher(const QByteArray &needle, bool caseSensitive)
        : m_needle(needle)
        , m_fold(!caseSensitive)
    {
        if (m_fold) {
            for (char &c : m_needle)
                c = char(foldAscii(uchar(c)));
        }
        if (m_needle.isEmpty())
            return;
        const uchar first = uchar(m_needle.front());
        const uchar last = uchar(m_needle.back());
        m_firstLo = _mm_set1_epi8(char(first));
        m_lastLo = _mm_set1_epi8(char(last));
        m_firstHi = _mm_set1_epi8(char(m_fold ? upperAscii(first) : first));
        m_lastHi = _mm_set1_epi8(char(m_fold ? upperAscii(last) : last));
    }

    bool isEmpty() const { return m_needle.isEmpty(); }

    bool contains(const char *hay, qsizetype length) const
    {
        const qsizetype n = m_needle.size();
        if (n == 0 || length < n)
            return n == 0;
        const qsizetype lastStart = length - n; // last position a match can start at
        qsizetype i = 0;
        for (; i + 15 <= lastStart; i += 16) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(hay + i));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(hay + i + n - 1));
            const __m128i ea = _mm_or_si128(_mm_cmpeq_epi8(a, m_firstLo), _mm_cmpeq_epi8(a, m_firstHi));
            const __m128i eb = _mm_or_si128(_mm_cmpeq_epi8(b, m_lastLo), _mm_cmpeq_epi8(b, m_lastHi));
            unsigned mask = unsigned(_mm_movemask_epi8(_mm_and_si128(ea, eb)));
            while (mask) {
                const int bit = __builtin_ctz(mask);
                if (middleMatches(hay + i + bit))
                    return true;
                mask &= mask - 1;
            }
        }
        for (; i <= lastStart; ++i) {
            if (equal(uchar(hay[i]), uchar(m_needle.front())) && middleMatches(hay + i))
                return true;
        }
        return false;
    }

private:
    bool equal(uchar hay, uchar needle) const { return (m_fold ? foldAscii(hay) : hay) == needle; }

    // The candidate's first and last bytes matched: compare everything (short needles make this cheap).
    bool middleMatches(const char *at) const
    {
        const qsizetype n = m_needle.size();
        const char *nd = m_needle.constData();
        if (!m_fold)
            return std::memcmp(at, nd, size_t(n)) == 0;
        for (qsizetype k = 0; k < n; ++k) {
            if (foldAscii(uchar(at[k])) != uchar(nd[k]))
                return false;
        }
        return true;
    }

    QByteArray m_needle;
    bool m_fold = false;
    __m128i m_firstLo{}, m_firstHi{}, m_lastLo{}, m_lastHi{};
};

// Channel wildcard: * any run of characters (including ':' and '/'), ? one character, the rest literal.
QRegularExpression wildcard(const QString &pattern)
{
    QString rx = QRegularExpression::escape(pattern);
    rx.replace(QLatin1String("\\*"), QLatin1String(".*"));
    rx.replace(QLatin1String("\\?"), QLatin1String("."));
    return QRegularExpression(QRegularExpression::anchoredPattern(rx));
}

} // namespace

// A filter compiled for the hot loop: kinds as a bit mask, channels as a per-channel-index cache, text as a
// Horspool skip table (ASCII case folding) or memmem.
struct TimelineFilterModel::Matcher
{
    enum class TextMode { None, Plain, Regex };

    const FrameStore *store = nullptr;
    quint32 kinds = TimelineFilter::kAllKinds;
    int direction = -1; // -1 any, else the Row::Out bit expected
    bool channelActive = false;
    QString channel;
    QRegularExpression channelPattern;
    std::vector<qint8> channelCache; // per channel index: -1 not known yet, 0 no, 1 yes
    TextMode textMode = TextMode::None;
    ByteSearcher searcher;
    QRegularExpression regex;

    Matcher(const FrameStore *s, const TimelineFilter &f, QString *error)
        : store(s)
    {
        kinds = f.effectiveKinds();
        if (f.direction != TimelineFilter::DirectionFilter::Any)
            direction = f.direction == TimelineFilter::DirectionFilter::Out ? FrameStore::Row::Out : 0;
        if (!f.channel.isEmpty()) {
            channelActive = true;
            channel = f.channel;
            if (channel.contains(QLatin1Char('*')) || channel.contains(QLatin1Char('?')))
                channelPattern = wildcard(channel);
        }
        if (f.text.isEmpty())
            return;
        if (f.regex) {
            regex = QRegularExpression(f.text, f.caseSensitive ? QRegularExpression::NoPatternOption
                                                               : QRegularExpression::CaseInsensitiveOption);
            if (!regex.isValid()) {
                *error = QCoreApplication::translate("TimelineFilterModel", "Invalid regular expression: %1")
                             .arg(regex.errorString());
                return;
            }
            textMode = TextMode::Regex;
            return;
        }
        textMode = TextMode::Plain;
        searcher = ByteSearcher(f.text.toUtf8(), f.caseSensitive);
    }

    bool channelMatches(quint32 index)
    {
        if (index >= channelCache.size())
            channelCache.resize(size_t(store->channels().size()), -1);
        qint8 &known = channelCache[index];
        if (known < 0) {
            const QString &name = store->channels().at(int(index));
            known = channelPattern.pattern().isEmpty() ? name == channel : channelPattern.match(name).hasMatch();
        }
        return known;
    }

    bool textMatches(QByteArrayView bytes) const
    {
        if (textMode == TextMode::Plain)
            return searcher.contains(bytes.data(), bytes.size());
        return regex.match(QString::fromUtf8(bytes)).hasMatch();
    }

    bool operator()(const FrameStore::Row &r)
    {
        const bool server =
            r.origin == quint8(Frame::Origin::ServerCall) || r.origin == quint8(Frame::Origin::ServerReply);
        if (!(kinds & (server ? TimelineFilter::kServerCallsBit : 1u << r.kind)))
            return false;
        if (direction >= 0 && (r.flags & FrameStore::Row::Out) != direction)
            return false;
        if (channelActive && !channelMatches(r.channel))
            return false;
        if (textMode == TextMode::None)
            return true;
        if (textMatches(store->messageBytes(r)))
            return true;
        // A close frame's bytes are only its reason: let its code be found too.
        return (r.flags & FrameStore::Row::Close) && textMatches(QByteArray::number(r.code));
    }
};

TimelineFilterModel::TimelineFilterModel(TimelineModel *source, QObject *parent)
    : QAbstractProxyModel(parent)
{
    m_scanTimer.setSingleShot(true);
    m_scanTimer.setInterval(0);
    connect(&m_scanTimer, &QTimer::timeout, this, &TimelineFilterModel::scanSlice);
    setSourceModel(source);
}

TimelineFilterModel::~TimelineFilterModel() = default;

void TimelineFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    auto *timeline = qobject_cast<TimelineModel *>(sourceModel);
    Q_ASSERT_X(timeline || !sourceModel, "TimelineFilterModel", "the source must be a TimelineModel");
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    beginResetModel();
    QAbstractProxyModel::setSourceModel(timeline);
    m_source = timeline;
    if (m_source) {
        connect(m_source, &QAbstractItemModel::rowsInserted, this, &TimelineFilterModel::onSourceRowsInserted);
        connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &TimelineFilterModel::onSourceRowsAboutToBeRemoved);
        connect(m_source, &QAbstractItemModel::rowsRemoved, this, &TimelineFilterModel::onSourceRowsRemoved);
        connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            setScanning(false);
            beginResetModel();
        });
        connect(m_source, &QAbstractItemModel::modelReset, this, [this] {
            rebuild();
            endResetModel();
        });
        connect(m_source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    }
    rebuild();
    endResetModel();
}

void TimelineFilterModel::setFilter(const TimelineFilter &filter)
{
    if (filter == m_filter && m_matcher)
        return;
    m_filter = filter;
    beginResetModel();
    rebuild();
    endResetModel();
    emit filterChanged();
}

void TimelineFilterModel::rebuild()
{
    // Called between beginResetModel() and endResetModel().
    setScanning(false);
    m_serials.clear();
    m_serials.shrink_to_fit();
    m_head = 0;
    if (!m_source) {
        m_matcher.reset();
        return;
    }
    QString error;
    m_matcher = std::make_unique<Matcher>(&m_source->store(), m_filter, &error);
    if (error != m_searchError) {
        m_searchError = error;
        emit searchErrorChanged(error);
    }
    const int n = m_source->rowCount();
    if (m_matcher->textMode == Matcher::TextMode::Regex && n > kSyncRegexRows) {
        m_scanSerial = m_source->store().firstSerial();
        setScanning(true);
        m_scanTimer.start();
        return;
    }
    // Reserved once instead of grown: untouched capacity costs address space, not memory.
    m_serials.reserve(size_t(n));
    if (m_filter.isPassThrough()) {
        const qint64 first = m_source->store().firstSerial();
        for (int row = 0; row < n; ++row)
            m_serials.push_back(first + row);
        return;
    }
    match(0, n - 1, m_serials, nullptr, 0);
}

int TimelineFilterModel::match(int first, int last, std::vector<qint64> &out, const QElapsedTimer *deadline,
                               qint64 budgetMs)
{
    const FrameStore &store = m_source->store();
    const qint64 base = store.firstSerial();
    Matcher &m = *m_matcher;
    for (int from = first; from <= last; from += kMatchBlock) {
        const int to = qMin(last, from + kMatchBlock - 1);
        store.forEachRow(from, to, [&](int row, const FrameStore::Row &r) {
            if (m(r))
                out.push_back(base + row);
        });
        if (deadline && deadline->elapsed() >= budgetMs)
            return to + 1;
    }
    return last + 1;
}

void TimelineFilterModel::setScanning(bool scanning)
{
    if (!scanning)
        m_scanTimer.stop();
    if (scanning == m_scanning)
        return;
    m_scanning = scanning;
    emit busyChanged(scanning);
}

void TimelineFilterModel::scanSlice()
{
    if (!m_scanning || !m_source)
        return;
    QElapsedTimer timer;
    timer.start();
    const FrameStore &store = m_source->store();
    const int n = m_source->rowCount();
    const int start = int(qMax<qint64>(0, m_scanSerial - store.firstSerial()));
    std::vector<qint64> found;
    const int next = match(start, n - 1, found, &timer, kSliceBudgetMs);
    m_scanSerial = store.firstSerial() + next;
    appendMatches(found);
    if (next >= n) {
        setScanning(false);
        emit progress(100);
        return;
    }
    emit progress(int(qint64(next) * 100 / qMax(1, n)));
    m_scanTimer.start();
}

void TimelineFilterModel::appendMatches(const std::vector<qint64> &found)
{
    if (found.empty())
        return;
    const int rows = rowCount();
    beginInsertRows(QModelIndex(), rows, rows + int(found.size()) - 1);
    m_serials.insert(m_serials.end(), found.begin(), found.end());
    endInsertRows();
}

void TimelineFilterModel::onSourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || !m_matcher || m_scanning)
        return; // a running scan reaches the new rows by itself
    if (last != m_source->rowCount() - 1) {
        // TimelineModel only appends; anything else is matched from scratch.
        beginResetModel();
        rebuild();
        endResetModel();
        return;
    }
    std::vector<qint64> found;
    match(first, last, found, nullptr, 0);
    appendMatches(found);
}

void TimelineFilterModel::onSourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (first != 0) {
        m_removalIsReset = true;
        beginResetModel();
        return;
    }
    // The oldest rows go: cut the matches whose serials are below the new first serial.
    const qint64 cut = m_source->store().firstSerial() + last + 1;
    const auto begin = m_serials.begin() + m_head;
    const int k = int(std::lower_bound(begin, m_serials.end(), cut) - begin);
    if (k > 0) {
        beginRemoveRows(QModelIndex(), 0, k - 1);
        m_pendingRemoval = k;
    }
}

void TimelineFilterModel::onSourceRowsRemoved(const QModelIndex &parent, int, int)
{
    if (parent.isValid())
        return;
    if (m_removalIsReset) {
        m_removalIsReset = false;
        rebuild();
        endResetModel();
        return;
    }
    if (m_pendingRemoval == 0)
        return;
    m_head += m_pendingRemoval;
    m_pendingRemoval = 0;
    if (m_head > 4096 && size_t(m_head) > m_serials.size() / 2) {
        m_serials.erase(m_serials.begin(), m_serials.begin() + m_head);
        m_head = 0;
    }
    endRemoveRows();
}

int TimelineFilterModel::sourceRow(int proxyRow) const
{
    if (!m_source || proxyRow < 0 || proxyRow >= rowCount())
        return -1;
    return int(serialAt(proxyRow) - m_source->store().firstSerial());
}

int TimelineFilterModel::proxyRow(int sourceRow) const
{
    if (!m_source || sourceRow < 0 || sourceRow >= m_source->rowCount())
        return -1;
    const qint64 serial = m_source->store().serial(sourceRow);
    const auto begin = m_serials.begin() + m_head;
    const auto it = std::lower_bound(begin, m_serials.end(), serial);
    return it != m_serials.end() && *it == serial ? int(it - begin) : -1;
}

int TimelineFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_serials.size()) - m_head;
}

int TimelineFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

QModelIndex TimelineFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex TimelineFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex TimelineFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    const int row = sourceRow(proxyIndex.row());
    return row < 0 ? QModelIndex() : m_source->index(row, proxyIndex.column());
}

QModelIndex TimelineFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_source)
        return {};
    const int row = proxyRow(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

bool TimelineFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QVariant TimelineFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_source)
        return {};
    if (orientation == Qt::Horizontal)
        return m_source->headerData(section, orientation, role);
    return QAbstractProxyModel::headerData(section, orientation, role);
}
