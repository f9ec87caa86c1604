#pragma once

#include "timelinefilter.h"

#include <QAbstractProxyModel>
#include <QElapsedTimer>
#include <QTimer>

#include <memory>
#include <vector>

class TimelineModel;

// The rows of a TimelineModel that pass a TimelineFilter. Matching runs over the store's compact row index and
// raw bytes (never through data()), so that a filter over a million rows does not stall the GUI. The result is a sorted
// list of row serials, so drops of the oldest rows only cut its front and appends only extend its end.
//
// Regular expressions are slower (each row is converted to text): they are matched in slices of a few tens of
// milliseconds per event-loop turn, rows appear as they are found, and busyChanged()/progress() report it.
class TimelineFilterModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit TimelineFilterModel(TimelineModel *source, QObject *parent = nullptr);
    ~TimelineFilterModel() override;

    TimelineModel *timeline() const { return m_source; }

    const TimelineFilter &filter() const { return m_filter; }
    // Re-evaluates every row: synchronously unless the filter uses a regular expression.
    void setFilter(const TimelineFilter &filter);

    // The matching rows' serials (FrameStore::serial), ascending: what "export the shown rows" writes.
    std::vector<qint64> serials() const { return {m_serials.begin() + m_head, m_serials.end()}; }

    // Row of the source model for a row of this model, or -1.
    int sourceRow(int proxyRow) const;
    // Row of this model for a source row, or -1 when the row is filtered out.
    int proxyRow(int sourceRow) const;

    // A regular expression is being matched in the background.
    bool isBusy() const { return m_scanning; }
    // Why the search text is not used (an invalid regular expression), or empty.
    QString searchError() const { return m_searchError; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setSourceModel(QAbstractItemModel *sourceModel) override;

signals:
    void filterChanged();
    void busyChanged(bool busy);
    // Percentage of rows matched so far while busy.
    void progress(int percent);
    void searchErrorChanged(const QString &error);

private:
    struct Matcher;

    void rebuild();
    // Matches source rows [first, last], appending serials to out; stops early at the deadline (if given) and
    // returns the first row not matched.
    int match(int first, int last, std::vector<qint64> &out, const QElapsedTimer *deadline, qint64 budgetMs);
    void scanSlice();
    void appendMatches(const std::vector<qint64> &found);
    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    void onSourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onSourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void setScanning(bool scanning);
    qint64 serialAt(int proxyRow) const { return m_serials[size_t(m_head + proxyRow)]; }

    TimelineModel *m_source = nullptr;
    TimelineFilter m_filter;
    std::unique_ptr<Matcher> m_matcher;
    std::vector<qint64> m_serials; // matching rows' serials, ascending, from index m_head on
    int m_head = 0;
    int m_pendingRemoval = 0;
    bool m_removalIsReset = false;
    bool m_scanning = false;
    qint64 m_scanSerial = 0; // next serial to match while scanning
    QTimer m_scanTimer;
    QString m_searchError;
};
