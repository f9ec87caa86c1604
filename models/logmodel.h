#pragma once

#include "logentry.h"

#include <QAbstractTableModel>
#include <QTimer>
#include <deque>

class QIODevice;

// The log pane's entries. Appends are buffered and inserted in one batch per event loop turn; at most capacity()
// entries are kept, and every entry dropped for the cap is counted (droppedCount()). Only entries at or above
// minimumLevel() are rows; the others are kept and reappear when the level is lowered.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1, TimeMsRole };

    explicit LogModel(QObject *parent = nullptr);

    void append(const LogEntry &entry);
    // Inserts buffered entries now (normally done on the next event loop turn).
    void flush();
    void clear();

    void setMinimumLevel(LogEntry::Level level);
    LogEntry::Level minimumLevel() const { return m_minimum; }

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    quint64 droppedCount() const { return m_dropped; }
    // Every stored entry, whatever the level filter (buffered ones included after flush()).
    int storedCount() const { return int(m_entries.size()); }

    const LogEntry &entryAt(int row) const;
    // One line per visible entry: "2024-01-01 12:00:00.000 info inspector.session message".
    static QString formatLine(const LogEntry &entry);
    // Writes the visible entries, after a header that says which level is shown and how many were dropped.
    bool write(QIODevice *device) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void droppedCountChanged(quint64 dropped);

private:
    bool visible(const LogEntry &e) const { return e.level >= m_minimum; }
    void trim();
    void rebuildVisible();

    std::deque<LogEntry> m_entries; // stored entries, oldest first
    quint64 m_firstSeq = 0;         // sequence number of m_entries.front()
    std::deque<quint64> m_visible;  // sequence numbers of the rows, ascending
    QList<LogEntry> m_pending;      // appended, not yet inserted
    QTimer m_flushTimer;
    LogEntry::Level m_minimum = LogEntry::Level::Info;
    int m_capacity = 100000;
    quint64 m_dropped = 0;
};
