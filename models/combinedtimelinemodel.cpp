#include "combinedtimelinemodel.h"

#include "publicationposition.h"
#include "servercallframes.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iterator>
#include <utility>

namespace {

bool earlier(const CombinedTimelineModel::Entry &a, const CombinedTimelineModel::Entry &b)
{
    return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.seq < b.seq;
}

} // namespace

CombinedTimelineModel::CombinedTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(kDefaultBatchIntervalMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &CombinedTimelineModel::flush);
}

int CombinedTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CombinedTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CombinedTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_rows.at(size_t(index.row()));
    const bool server = e.origin == Origin::ServerCall || e.origin == Origin::ServerReply;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case SourceColumn:
            return m_sources.value(e.source);
        case DirectionColumn:
            switch (e.origin) {
            case Origin::In:
                return tr("\u2193 in");
            case Origin::Out:
                return tr("\u2191 out");
            case Origin::ServerCall:
                return tr("\u2192 server API");
            case Origin::ServerReply:
                return tr("\u2190 server API");
            }
            return {};
        case KindColumn:
            return e.kind;
        case ChannelColumn:
            return e.channel;
        case OffsetColumn:
            return e.offset ? QVariant(e.offset) : QVariant();
        case SizeColumn:
            return int(e.raw.size());
        case SummaryColumn:
            return e.summary;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return server ? tr("A call of the server HTTP API, made beside the clients: %1").arg(e.summary) : QVariant();
    case TimeRole:
        return e.timeMs;
    case SourceRole:
        return e.source;
    case SourceNameRole:
        return m_sources.value(e.source);
    case DirectionRole:
        return int(e.origin);
    case KindNameRole:
        return e.kind;
    case ChannelRole:
        return e.channel;
    case OffsetRole:
        return qulonglong(e.offset);
    case PublicationKeyRole:
        return publicationKey(e.channel, e.offset);
    case ServerCallRole:
        return server;
    case RawRole:
        return e.raw;
    case SizeRole:
        return int(e.raw.size());
    default:
        return {};
    }
}

QVariant CombinedTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Source");
    case DirectionColumn:
        return tr("Dir");
    case KindColumn:
        return tr("Kind");
    case ChannelColumn:
        return tr("Channel");
    case OffsetColumn:
        return tr("Offset");
    case SizeColumn:
        return tr("Size");
    case SummaryColumn:
        return tr("Summary");
    case ColumnCount:
        break;
    }
    return {};
}

int CombinedTimelineModel::addSource(const QString &name)
{
    m_sources.append(name);
    return int(m_sources.size()) - 1;
}

void CombinedTimelineModel::setSourceName(int source, const QString &name)
{
    if (source < 0 || source >= m_sources.size() || m_sources.at(source) == name)
        return;
    m_sources[source] = name;
    if (!m_rows.empty())
        emit dataChanged(index(0, SourceColumn), index(rowCount() - 1, SourceColumn));
}

QString CombinedTimelineModel::publicationKey(const QString &channel, quint64 offset)
{
    return offset == 0 ? QString() : channel + QLatin1Char('#') + QString::number(offset);
}

QString CombinedTimelineModel::internKind(const QString &kind)
{
    auto it = m_kinds.constFind(kind);
    if (it == m_kinds.constEnd())
        it = m_kinds.insert(kind, kind);
    return it.value();
}

int CombinedTimelineModel::previousPublication(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    const Entry &e = m_rows.at(size_t(row));
    static const QString pub = QStringLiteral("push_pub");
    if (e.kind != pub)
        return -1;
    for (int r = row - 1; r >= 0 && r >= row - kMaxLookBack; --r) {
        const Entry &before = m_rows.at(size_t(r));
        if (before.source == e.source && before.kind == pub && before.channel == e.channel)
            return r;
    }
    return -1;
}

void CombinedTimelineModel::appendFrame(int source, const Frame &frame)
{
    if (frame.origin == Frame::Origin::ServerCall || frame.origin == Frame::Origin::ServerReply) {
        appendServerFrame(source, frame);
        return;
    }
    if (frame.messages.isEmpty()) {
        Entry e;
        e.timeMs = frame.timeMs;
        e.source = source;
        e.origin = frame.direction == Protocol::Direction::Out ? Origin::Out : Origin::In;
        e.kind = internKind(frame.close ? QStringLiteral("close") : QStringLiteral("frame"));
        e.raw = frame.raw;
        enqueue(std::move(e));
        return;
    }
    for (const ProtocolMessage &m : frame.messages) {
        Entry e;
        e.timeMs = frame.timeMs;
        e.source = source;
        e.origin = frame.direction == Protocol::Direction::Out ? Origin::Out : Origin::In;
        e.kind = internKind(m.kindName());
        e.channel = m.channel;
        e.raw = m.raw;
        if (m.kind == Protocol::MessageKind::Push && m.push == Protocol::PushType::Pub) {
            // Messages read from a recording's fast path carry their JSON text but no parsed JSON.
            PublicationPosition position;
            if (frame.binary || !PublicationPosition::scan(m.raw, &position))
                position = PublicationPosition::of(m);
            e.offset = position.offset;
        }
        if (m.kind == Protocol::MessageKind::Error || m.kind == Protocol::MessageKind::Disconnect)
            e.summary = QStringLiteral("%1 %2").arg(m.code).arg(m.text);
        enqueue(std::move(e));
    }
}

void CombinedTimelineModel::appendServerFrame(int source, const Frame &frame)
{
    // A server call or reply row (ServerCallFrames): the reply takes the method of its call (same id).
    const ProtocolMessage m = frame.messages.value(0);
    const auto key = std::make_pair(source, m.id);
    Entry e;
    e.timeMs = frame.timeMs;
    e.source = source;
    e.channel = m.channel;
    e.raw = frame.raw;
    if (frame.origin == Frame::Origin::ServerCall) {
        const QString method = ServerCallFrames::methodOfCall(frame.raw);
        m_callMethods.insert(key, method);
        e.origin = Origin::ServerCall;
        e.kind = internKind(QLatin1String("api ") + method);
        if (e.channel.isEmpty()) // a recording's row carries the channel in the call's params only
            e.channel = QJsonDocument::fromJson(frame.raw)
                            .object()
                            .value(QLatin1String("params"))
                            .toObject()
                            .value(QLatin1String("channel"))
                            .toString();
        e.summary = tr("server call %1").arg(method);
    } else {
        const QString method = m_callMethods.take(key);
        const ServerApiReply reply = ServerCallFrames::replyOf(method, m.code, frame.raw);
        e.origin = Origin::ServerReply;
        e.kind = internKind(QLatin1String("api ") + method + QLatin1String(" reply"));
        // The reply of a publish or broadcast carries the offset the server gave the publication.
        if (reply.isOk())
            e.offset = PublicationPosition::offsetFromJson(reply.result.value(QLatin1String("offset")));
        e.summary = QStringLiteral("%1: %2").arg(reply.shortStatus(), reply.sentence());
    }
    enqueue(std::move(e));
}

void CombinedTimelineModel::enqueue(Entry &&entry)
{
    entry.seq = m_nextSeq++;
    m_queue.push_back(std::move(entry));
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void CombinedTimelineModel::flush()
{
    m_batchTimer.stop();
    if (m_queue.empty())
        return;
    std::vector<Entry> queue = std::exchange(m_queue, {});
    std::stable_sort(queue.begin(), queue.end(), earlier);
    if (m_rows.empty() || !earlier(queue.front(), m_rows.back())) {
        // The common case: everything new is at least as late as the last row.
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(queue.size()) - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(queue.begin()), std::make_move_iterator(queue.end()));
        endInsertRows();
    } else {
        // Some rows belong before rows already shown: merge them into place.
        beginResetModel();
        std::vector<Entry> merged;
        merged.reserve(m_rows.size() + queue.size());
        std::merge(std::make_move_iterator(m_rows.begin()), std::make_move_iterator(m_rows.end()),
                   std::make_move_iterator(queue.begin()), std::make_move_iterator(queue.end()),
                   std::back_inserter(merged), earlier);
        m_rows = std::move(merged);
        endResetModel();
    }
    enforceCap();
    emit countsChanged();
}

void CombinedTimelineModel::enforceCap()
{
    if (int(m_rows.size()) <= m_cap)
        return;
    const int excess = int(m_rows.size()) - m_cap;
    beginRemoveRows(QModelIndex(), 0, excess - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
    m_dropped += excess;
    endRemoveRows();
}

void CombinedTimelineModel::setCap(int rows)
{
    m_cap = qMax(1, rows);
    enforceCap();
}

void CombinedTimelineModel::clear()
{
    m_batchTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_queue.clear();
    m_dropped = 0;
    endResetModel();
    emit countsChanged();
}
