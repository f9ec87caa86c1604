#include "timelinemodel.h"

#include "explainer.h"
#include "httpexchange.h"
#include "servercallframes.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <limits>

using Protocol::MessageKind;

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(kDefaultBatchIntervalMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &TimelineModel::flushStep);
    // A backlog larger than one turn's rows continues on the next event-loop turn, after input and paint.
    m_continueTimer.setSingleShot(true);
    m_continueTimer.setInterval(0);
    connect(&m_continueTimer, &QTimer::timeout, this, &TimelineModel::flushStep);
}

TimelineModel::~TimelineModel() = default;

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 TimelineModel::pendingCount() const
{
    return qint64(m_store.count() - m_rows) + m_queuedRows;
}

void TimelineModel::appendFrame(const Frame &frame)
{
    m_queue.append(frame);
    m_queuedRows += FrameStore::rowsFor(frame);
    // Started once per batch, not restarted: the first frame of a burst waits at most one interval.
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void TimelineModel::appendFrames(const QList<Frame> &frames)
{
    if (frames.isEmpty())
        return;
    for (const Frame &f : frames)
        m_queuedRows += FrameStore::rowsFor(f);
    m_queue.append(frames);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void TimelineModel::appendStore(FrameStore &&rows)
{
    if (rows.isEmpty())
        return;
    const qint64 droppedBefore = m_store.droppedRows();
    storeQueued(std::numeric_limits<int>::max()); // frames queued before these rows stay before them
    enforceCap(rows.count());
    m_store.appendStore(std::move(rows));
    // As in storeQueued(): after enforceCap no shown row is left when the store is still over the cap.
    if (m_store.count() > m_cap)
        m_store.dropOldest(m_store.count() - m_cap);
    if (m_store.droppedRows() != droppedBefore)
        emit droppedCountChanged(m_store.droppedRows());
    m_storedUnsignalled = true; // flush() says so in countsChanged
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void TimelineModel::enforceCap(int incomingRows)
{
    // Drop shown rows in one removal before the batch arrives; rows that were never shown go without a signal.
    const qint64 excess = qint64(m_store.count()) + incomingRows - m_cap;
    if (excess <= 0)
        return;
    const int shownDrop = int(qMin<qint64>(excess, m_rows));
    if (shownDrop > 0) {
        beginRemoveRows(QModelIndex(), 0, shownDrop - 1);
        m_store.dropOldest(shownDrop);
        m_rows -= shownDrop;
        endRemoveRows();
    }
    const int hiddenDrop = int(qMin<qint64>(excess - shownDrop, m_store.count()));
    if (hiddenDrop > 0)
        m_store.dropOldest(hiddenDrop);
}

int TimelineModel::storeQueued(int maxRows)
{
    if (m_queue.isEmpty())
        return 0;
    // Whole frames from the front of the queue, at least one, until maxRows rows are taken.
    qsizetype frames = 0;
    int incoming = 0;
    while (frames < m_queue.size() && (frames == 0 || incoming < maxRows))
        incoming += FrameStore::rowsFor(m_queue.at(frames++));
    m_queuedRows -= incoming;
    enforceCap(incoming);
    // After enforceCap either everything fits or no shown row is left, so the drops below are never visible.
    for (qsizetype i = 0; i < frames; ++i) {
        m_store.append(m_queue.at(i));
        if (m_store.count() > m_cap)
            m_store.dropOldest(m_store.count() - m_cap);
    }
    if (frames == m_queue.size())
        m_queue.clear();
    else
        m_queue.remove(0, frames); // from the front: Qt moves the list's start, nothing is copied
    return incoming;
}

void TimelineModel::exposeStored()
{
    if (m_paused || m_rows >= m_store.count())
        return;
    beginInsertRows(QModelIndex(), m_rows, m_store.count() - 1);
    m_rows = m_store.count();
    endInsertRows();
}

void TimelineModel::flush()
{
    m_batchTimer.stop();
    m_continueTimer.stop();
    storeAndExpose(std::numeric_limits<int>::max());
}

void TimelineModel::flushStep()
{
    m_batchTimer.stop();
    storeAndExpose(kRowsPerTurn);
    if (!m_queue.isEmpty())
        m_continueTimer.start();
}

void TimelineModel::storeAndExpose(int maxRows)
{
    const qint64 droppedBefore = m_store.droppedRows();
    const int rowsBefore = m_rows;
    const bool hadQueue = storeQueued(maxRows) > 0 || m_storedUnsignalled;
    m_storedUnsignalled = false;
    exposeStored();
    if (m_store.droppedRows() != droppedBefore)
        emit droppedCountChanged(m_store.droppedRows());
    if (hadQueue || rowsBefore != m_rows)
        emit countsChanged();
}

void TimelineModel::clear()
{
    m_batchTimer.stop();
    m_continueTimer.stop();
    const bool hadDrops = m_store.droppedRows() != 0;
    beginResetModel();
    m_queue.clear();
    m_queuedRows = 0;
    m_storedUnsignalled = false;
    m_store.clear();
    m_rows = 0;
    endResetModel();
    if (hadDrops)
        emit droppedCountChanged(0);
    emit countsChanged();
}

void TimelineModel::setCap(int rows)
{
    rows = qMax(1, rows);
    if (rows == m_cap)
        return;
    m_cap = rows;
    const qint64 droppedBefore = m_store.droppedRows();
    enforceCap(0);
    if (m_store.droppedRows() != droppedBefore) {
        emit droppedCountChanged(m_store.droppedRows());
        emit countsChanged();
    }
}

void TimelineModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    if (paused)
        flush(); // what arrived before the pause is shown
    m_paused = paused;
    emit pausedChanged(paused);
    if (!paused)
        flush();
    else
        emit countsChanged();
}

ProtocolMessage TimelineModel::messageAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    return m_store.message(row);
}

Frame TimelineModel::frameAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    return m_store.frame(row);
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= IdColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return role == Qt::DisplayRole ? tr("Time") : tr("Local time the frame was sent or received");
    case DirectionColumn:
        return role == Qt::DisplayRole ? tr("Dir") : tr("Direction: out = sent by this client, in = from the server");
    case KindColumn:
        return role == Qt::DisplayRole ? tr("Kind") : tr("What the message is, with the code of errors and closes");
    case ChannelColumn:
        return tr("Channel");
    case IdColumn:
        return role == Qt::DisplayRole ? tr("ID") : tr("Command id; a reply carries the id of its command");
    case SizeColumn:
        return role == Qt::DisplayRole ? tr("Size") : tr("Bytes of this message on the wire");
    case RttColumn:
        return role == Qt::DisplayRole ? tr("RTT (ms)") : tr("Round trip: time from the command to its reply");
    case ColumnCount:
        break;
    }
    return {};
}

QString TimelineModel::serverMethod(int row) const
{
    const FrameStore::Row &r = m_store.row(row);
    const auto call = quint8(Frame::Origin::ServerCall);
    if (r.origin == call)
        return ServerCallFrames::methodOfCall(m_store.messageBytes(r));
    if (r.origin != quint8(Frame::Origin::ServerReply))
        return {};
    for (int i = row - 1; i >= 0 && i >= row - kServerCallLookBack; --i) {
        const FrameStore::Row &c = m_store.row(i);
        if (c.origin == call && c.id == r.id)
            return ServerCallFrames::methodOfCall(m_store.messageBytes(c));
    }
    return {};
}

QString TimelineModel::describeOther(int row) const
{
    const FrameStore::Row &r = m_store.row(row);
    switch (Frame::Origin(r.origin)) {
    case Frame::Origin::ServerCall:
        return ServerCallFrames::describeCall(serverMethod(row), m_store.channel(row));
    case Frame::Origin::ServerReply:
        return ServerCallFrames::describeReply(serverMethod(row), r.code, m_store.messageBytes(r).toByteArray());
    case Frame::Origin::Wire:
    case Frame::Origin::HttpExchange:
        break;
    }
    // Another kind of row beside the protocol: its bytes are its description.
    return QString::fromUtf8(m_store.messageBytes(r));
}

QVariant TimelineModel::otherDisplayData(const FrameStore::Row &r, int row, int column) const
{
    const auto origin = Frame::Origin(r.origin);
    const bool server = origin == Frame::Origin::ServerCall || origin == Frame::Origin::ServerReply;
    switch (Column(column)) {
    case DirectionColumn:
        // An HTTP exchange's direction always comes from httpExchangeData().
        if (server)
            return r.flags & FrameStore::Row::Out ? tr("\u2192 server API") : tr("\u2190 server API");
        return displayData(r, row, column);
    case KindColumn:
        if (origin == Frame::Origin::ServerReply && !replyOk(r))
            return QString(kindNameOf(r, row) + QLatin1Char(' ') +
                           ServerCallFrames::replyOf({}, r.code, m_store.messageBytes(r).toByteArray()).shortStatus());
        return kindNameOf(r, row);
    default:
        return displayData(r, row, column);
    }
}

bool TimelineModel::replyOk(const FrameStore::Row &r) const
{
    return ServerCallFrames::replyOf({}, r.code, m_store.messageBytes(r).toByteArray()).isOk();
}

QString TimelineModel::kindNameOf(const FrameStore::Row &r, int row) const
{
    switch (Frame::Origin(r.origin)) {
    case Frame::Origin::Wire:
        return FrameStore::kindName(r);
    case Frame::Origin::ServerCall:
        return QLatin1String("api ") + serverMethod(row);
    case Frame::Origin::ServerReply:
        return QLatin1String("api ") + serverMethod(row) + QLatin1String(" reply");
    case Frame::Origin::HttpExchange:
        break;
    }
    return QStringLiteral("http");
}

QVariant TimelineModel::displayData(const FrameStore::Row &r, int row, int column) const
{
    switch (Column(column)) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case DirectionColumn:
        if (r.flags & FrameStore::Row::Injected)
            return r.flags & FrameStore::Row::Out ? tr("\u2191 out, injected") : tr("\u2193 in, injected");
        return r.flags & FrameStore::Row::Out ? tr("\u2191 out") : tr("\u2193 in");
    case KindColumn: {
        const QString name = FrameStore::kindName(r);
        const MessageKind kind = r.messageKind();
        const bool coded = kind == MessageKind::Error || kind == MessageKind::Disconnect ||
                           (kind == MessageKind::Push && (r.push == quint8(Protocol::PushType::Unsubscribe) ||
                                                          r.push == quint8(Protocol::PushType::Disconnect)));
        return coded ? name + QLatin1Char(' ') + QString::number(r.code) : name;
    }
    case ChannelColumn:
        return m_store.channels().at(int(r.channel));
    case IdColumn:
        return r.id ? QVariant(r.id) : QVariant();
    case SizeColumn:
        return QVariant(r.msgLength);
    case RttColumn:
        return !(r.rttMs >= 0) ? QVariant() : QVariant(QLocale::c().toString(double(r.rttMs), 'f', 2));
    case ColumnCount:
        break;
    }
    Q_UNUSED(row)
    return {};
}

QVariant TimelineModel::httpExchangeData(const FrameStore::Row &r, int column, int role) const
{
    // An emulation transport's HTTP request: its summary (a small JSON object) is read for the cells shown.
    const bool display = role == Qt::DisplayRole;
    if (!(display && (column == DirectionColumn || column == KindColumn || column == SizeColumn)) &&
        role != Qt::ToolTipRole && role != DescriptionRole && role != Qt::ForegroundRole && role != KindNameRole)
        return {};
    if (display && column == DirectionColumn)
        return tr("\u21c5 HTTP");
    if (role == KindNameRole)
        return QStringLiteral("http_exchange");
    HttpExchange e;
    if (!HttpExchange::fromJson(m_store.messageBytes(r), &e))
        return {};
    if (display)
        return column == KindColumn ? QVariant(e.shortName()) : QVariant(e.requestBytes);
    if (role == Qt::ForegroundRole)
        return e.failed() ? QColor(0xc6, 0x28, 0x28) : QColor(0x55, 0x6b, 0x8d);
    return e.words();
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const FrameStore::Row &r = m_store.row(row);
    const bool wire = r.origin == quint8(Frame::Origin::Wire);
    if (r.origin == quint8(Frame::Origin::HttpExchange)) {
        if (const QVariant v = httpExchangeData(r, index.column(), role); v.isValid())
            return v;
    }
    switch (role) {
    case Qt::DisplayRole:
        return wire ? displayData(r, row, index.column()) : otherDisplayData(r, row, index.column());
    case Qt::ToolTipRole:
    case DescriptionRole:
        if (!wire)
            return describeOther(row);
        if (r.flags & FrameStore::Row::Injected)
            return tr("Injected by the proxy (fault injection): %1").arg(Explainer::describe(m_store.message(row)));
        return Explainer::describe(m_store.message(row));
    case Qt::TextAlignmentRole:
        return index.column() >= IdColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole: {
        if (r.origin == quint8(Frame::Origin::ServerReply) && !replyOk(r))
            return QColor(0xc6, 0x28, 0x28);
        if (!wire)
            return {};
        const MessageKind kind = r.messageKind();
        if (kind == MessageKind::Error || kind == MessageKind::Invalid)
            return QColor(0xc6, 0x28, 0x28);
        if (kind == MessageKind::Disconnect)
            return r.code == 1000 ? QColor(0x8a, 0x6d, 0x00) : QColor(0xc6, 0x28, 0x28);
        if (kind == MessageKind::Push &&
            (r.push == quint8(Protocol::PushType::Disconnect) || r.push == quint8(Protocol::PushType::Unsubscribe)))
            return QColor(0xb3, 0x5c, 0x00);
        return {};
    }
    case KindRole:
        return int(r.kind);
    case KindNameRole:
        return kindNameOf(r, row);
    case DirectionRole:
        return int(r.direction());
    case ChannelRole:
        return m_store.channels().at(int(r.channel));
    case MethodRole:
        return int(r.method);
    case PushRole:
        return int(r.push);
    case IdRole:
        return r.id;
    case CodeRole:
        return r.code;
    case TimeRole:
        return r.timeMs;
    case RttRole:
        return !(r.rttMs >= 0) ? QVariant() : QVariant(double(r.rttMs)); // none, or NaN from a recording
    case SizeRole:
        return int(r.msgLength);
    case RawRole:
        return m_store.messageBytes(r).toByteArray();
    case BinaryRole:
        return bool(r.flags & FrameStore::Row::Binary);
    case SerialRole:
        return m_store.serial(row);
    case OriginRole:
        return int(r.origin);
    case ServerCallRole:
        return r.origin == quint8(Frame::Origin::ServerCall) || r.origin == quint8(Frame::Origin::ServerReply);
    default:
        break;
    }
    return {};
}
