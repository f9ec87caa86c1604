#include "logmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QIODevice>
#include <QTextDocument>
#include <QTextStream>

using Level = LogEntry::Level;

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogModel::flush);
}

void LogModel::append(const LogEntry &entry)
{
    m_pending.append(entry);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LogModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    QList<LogEntry> batch;
    batch.swap(m_pending);
    // A batch larger than the cap only keeps its tail; the rest is counted as dropped right away.
    qsizetype skip = 0;
    if (batch.size() > m_capacity) {
        skip = batch.size() - m_capacity;
        m_dropped += quint64(skip);
    }
    quint64 seq = m_firstSeq + m_entries.size();
    std::deque<quint64> newVisible;
    for (qsizetype i = skip; i < batch.size(); ++i) {
        m_entries.push_back(batch.at(i));
        if (visible(batch.at(i)))
            newVisible.push_back(seq);
        ++seq;
    }
    if (!newVisible.empty()) {
        const int first = int(m_visible.size());
        beginInsertRows({}, first, first + int(newVisible.size()) - 1);
        m_visible.insert(m_visible.end(), newVisible.begin(), newVisible.end());
        endInsertRows();
    }
    trim();
    if (skip > 0)
        emit droppedCountChanged(m_dropped);
}

void LogModel::trim()
{
    if (int(m_entries.size()) <= m_capacity)
        return;
    const size_t drop = m_entries.size() - size_t(m_capacity);
    const quint64 newFirst = m_firstSeq + drop;
    size_t rows = 0;
    while (rows < m_visible.size() && m_visible.at(rows) < newFirst)
        ++rows;
    if (rows > 0) {
        beginRemoveRows({}, 0, int(rows) - 1);
        m_visible.erase(m_visible.begin(), m_visible.begin() + qsizetype(rows));
        endRemoveRows();
    }
    m_entries.erase(m_entries.begin(), m_entries.begin() + qsizetype(drop));
    m_firstSeq = newFirst;
    m_dropped += drop;
    emit droppedCountChanged(m_dropped);
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_visible.clear();
    m_pending.clear();
    m_firstSeq = 0;
    endResetModel();
    if (m_dropped != 0) {
        m_dropped = 0;
        emit droppedCountChanged(0);
    }
}

void LogModel::rebuildVisible()
{
    m_visible.clear();
    quint64 seq = m_firstSeq;
    for (const LogEntry &e : m_entries) {
        if (visible(e))
            m_visible.push_back(seq);
        ++seq;
    }
}

void LogModel::setMinimumLevel(Level level)
{
    if (level == m_minimum)
        return;
    flush();
    beginResetModel();
    m_minimum = level;
    rebuildVisible();
    endResetModel();
}

void LogModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    flush();
    trim();
}

const LogEntry &LogModel::entryAt(int row) const
{
    return m_entries.at(size_t(m_visible.at(size_t(row)) - m_firstSeq));
}

QString LogModel::formatLine(const LogEntry &e)
{
    return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
           QLatin1Char(' ') + LogEntry::levelName(e.level) + QLatin1Char(' ') + e.category + QLatin1Char(' ') +
           e.message;
}

bool LogModel::write(QIODevice *device) const
{
    QTextStream out(device);
    out << "# " << tr("Centrifugo Inspector log, level %1 and above").arg(LogEntry::levelName(m_minimum)) << '\n';
    if (m_dropped > 0)
        out << "# " << tr("%1 older entries were dropped by the log's cap of %2.").arg(m_dropped).arg(m_capacity)
            << '\n';
    for (size_t row = 0; row < m_visible.size(); ++row)
        out << formatLine(entryAt(int(row))) << '\n';
    out.flush();
    return out.status() == QTextStream::Ok;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = entryAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return LogEntry::levelName(e.level);
        case CategoryColumn:
            return e.category;
        case MessageColumn:
            return e.message;
        default:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        // Rich text, so that a long message wraps in the tooltip instead of running off the screen.
        return index.column() == MessageColumn ? Qt::convertFromPlainText(e.message, Qt::WhiteSpaceNormal) : QVariant();
    case Qt::ForegroundRole:
        switch (e.level) {
        case Level::Error:
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        case Level::Warning:
            return QBrush(QColor(0x9a, 0x67, 0x00));
        case Level::Trace:
        case Level::Debug:
            return QBrush(QColor(0x70, 0x70, 0x70));
        case Level::Info:
            break;
        }
        return {};
    case LevelRole:
        return int(e.level);
    case TimeMsRole:
        return e.timeMs;
    default:
        break;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    default:
        break;
    }
    return {};
}
