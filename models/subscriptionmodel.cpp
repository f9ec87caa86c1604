#include "subscriptionmodel.h"

#include "subscriptiontracker.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

using Status = ChannelState::Status;

SubscriptionModel::SubscriptionModel(SubscriptionTracker *tracker, QObject *parent)
    : QAbstractTableModel(parent)
    , m_tracker(tracker)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &SubscriptionModel::flush);
    connect(tracker, &SubscriptionTracker::channelAboutToBeAdded, this,
            [this](int row) { beginInsertRows({}, row, row); });
    connect(tracker, &SubscriptionTracker::channelAdded, this, [this](int) { endInsertRows(); });
    connect(tracker, &SubscriptionTracker::channelAboutToBeRemoved, this, [this](int row) {
        flush(); // pending rows would shift under the removal
        beginRemoveRows({}, row, row);
    });
    connect(tracker, &SubscriptionTracker::channelRemoved, this, [this](int) { endRemoveRows(); });
    connect(tracker, &SubscriptionTracker::aboutToBeCleared, this, [this] {
        m_flush.stop();
        m_dirtyFirst = m_dirtyLast = -1;
        beginResetModel();
    });
    connect(tracker, &SubscriptionTracker::cleared, this, [this] { endResetModel(); });
    connect(tracker, &SubscriptionTracker::channelChanged, this, &SubscriptionModel::onChanged);
    connect(tracker, &SubscriptionTracker::statusChanged, this, [this](const QString &channel) {
        // Status changes are rare and matter: show them without waiting for the timer.
        onChanged(m_tracker->indexOf(channel));
        flush();
    });
}

void SubscriptionModel::onChanged(int row)
{
    if (row < 0)
        return;
    m_dirtyFirst = m_dirtyFirst < 0 ? row : qMin(m_dirtyFirst, row);
    m_dirtyLast = qMax(m_dirtyLast, row);
    if (!m_flush.isActive())
        m_flush.start();
}

void SubscriptionModel::flush()
{
    m_flush.stop();
    if (m_dirtyFirst < 0)
        return;
    const int first = m_dirtyFirst;
    const int last = qMin(m_dirtyLast, rowCount() - 1);
    m_dirtyFirst = m_dirtyLast = -1;
    if (first <= last)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

int SubscriptionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_tracker->count();
}

int SubscriptionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString details(const ChannelState &s)
{
    QStringList parts;
    if (s.status == Status::Failed || s.status == Status::Unsubscribed) {
        if (!s.explanation.isEmpty())
            parts.append(s.explanation);
    }
    if (s.serverSide)
        parts.append(SubscriptionModel::tr("server-side"));
    QStringList flags;
    if (s.recoverable)
        flags.append(SubscriptionModel::tr("recoverable"));
    if (s.positioned)
        flags.append(SubscriptionModel::tr("positioned"));
    if (s.wasRecovering)
        flags.append(s.recovered ? SubscriptionModel::tr("recovered") : SubscriptionModel::tr("not recovered"));
    if (s.delta)
        flags.append(SubscriptionModel::tr("delta"));
    if (!flags.isEmpty())
        parts.append(flags.join(QLatin1String(", ")));
    if (s.missed > 0)
        parts.append(SubscriptionModel::tr("%n publication(s) missed", nullptr, int(qMin<quint64>(s.missed, INT_MAX))));
    if (s.joins || s.leaves)
        parts.append(SubscriptionModel::tr("joins %1, leaves %2").arg(s.joins).arg(s.leaves));
    return parts.join(QLatin1String("; "));
}

QColor statusColor(Status status)
{
    switch (status) {
    case Status::Subscribed:
        return QColor(0x1b, 0x7f, 0x3a);
    case Status::Subscribing:
    case Status::Unsubscribing:
        return QColor(0x9a, 0x67, 0x00);
    case Status::Failed:
        return QColor(0xc0, 0x1c, 0x28);
    case Status::Unsubscribed:
        return QColor(0x60, 0x60, 0x60);
    }
    return {};
}

} // namespace

QVariant SubscriptionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChannelState &s = m_tracker->at(index.row());
    switch (role) {
    case ChannelRole:
        return s.channel;
    case StatusRole:
        return int(s.status);
    case StatusKeyRole:
        return ChannelState::statusKey(s.status);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return QBrush(statusColor(s.status));
        return {};
    case Qt::ToolTipRole: {
        QString tip = s.channel + QLatin1String(": ") + ChannelState::statusName(s.status);
        if (s.lastActivityMs > 0)
            tip += QLatin1Char('\n') + tr("Last activity %1")
                                           .arg(QDateTime::fromMSecsSinceEpoch(s.lastActivityMs)
                                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        if (s.hasPosition)
            tip += QLatin1Char('\n') + tr("Offset %1, epoch %2").arg(s.offset).arg(s.epoch);
        if (s.code != 0 || !s.reason.isEmpty())
            tip += QLatin1Char('\n') + tr("Code %1, reason \"%2\"").arg(s.code).arg(s.reason);
        const QString d = details(s);
        if (!d.isEmpty())
            tip += QLatin1Char('\n') + d;
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == MessagesColumn || index.column() == OffsetColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case MessagesColumn:
            return s.publications;
        case OffsetColumn:
            return s.offset;
        case ActivityColumn:
            return s.lastActivityMs;
        case StatusColumn:
            return int(s.status);
        default:
            break;
        }
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        switch (index.column()) {
        case ChannelColumn:
            return s.channel;
        case StatusColumn:
            if ((s.status == Status::Failed || s.status == Status::Unsubscribed) && s.code != 0)
                return tr("%1 (%2)").arg(ChannelState::statusName(s.status)).arg(s.code);
            return ChannelState::statusName(s.status);
        case MessagesColumn:
            return QString::number(s.publications);
        case OffsetColumn:
            return s.hasPosition ? QString::number(s.offset) : QString();
        case EpochColumn:
            return s.epoch;
        case ActivityColumn:
            return s.lastActivityMs > 0
                       ? QDateTime::fromMSecsSinceEpoch(s.lastActivityMs).toString(QStringLiteral("HH:mm:ss"))
                       : QString();
        case DetailsColumn:
            return details(s);
        default:
            break;
        }
        return {};
    default:
        break;
    }
    return {};
}

QVariant SubscriptionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ChannelColumn:
        return tr("Channel");
    case StatusColumn:
        return tr("State");
    case MessagesColumn:
        return tr("Messages");
    case OffsetColumn:
        return tr("Offset");
    case EpochColumn:
        return tr("Epoch");
    case ActivityColumn:
        return tr("Last activity");
    case DetailsColumn:
        return tr("Details");
    default:
        break;
    }
    return {};
}
