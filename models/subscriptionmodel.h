#pragma once

#include <QAbstractTableModel>
#include <QTimer>

class SubscriptionTracker;

// Presents a SubscriptionTracker's channels as a table. Counter updates from floods of publications are coalesced
// into one dataChanged per refresh interval; status changes show at once.
class SubscriptionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ChannelColumn,
        StatusColumn,
        MessagesColumn,
        OffsetColumn,
        EpochColumn,
        ActivityColumn,
        DetailsColumn,
        ColumnCount
    };
    enum Role {
        ChannelRole = Qt::UserRole + 1, // QString
        StatusRole,                     // int (ChannelState::Status)
        StatusKeyRole,                  // QString "subscribed", ...
        SortRole,                       // numbers as numbers
    };

    explicit SubscriptionModel(SubscriptionTracker *tracker, QObject *parent = nullptr);

    SubscriptionTracker *tracker() const { return m_tracker; }
    // How long counter updates are gathered before views are told (default 100 ms; 0 = on the next event loop turn).
    void setRefreshInterval(int ms) { m_flush.setInterval(ms); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onChanged(int row);
    void flush();

    SubscriptionTracker *m_tracker;
    QTimer m_flush;
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
};
