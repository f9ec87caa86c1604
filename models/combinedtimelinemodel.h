#pragma once

#include "frame.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <QTimer>

#include <vector>

// Several sources in one timeline, in time order: the messages of several sessions (or of several recordings) and
// the server API calls made beside them, each row naming its source. A publication is followed across the sources
// by its key (channel and offset, publicationKey()): the push every subscriber got and the server's publish reply
// share it, so a filter on PublicationKeyRole shows one message travelling from the server to every client.
//
// Appends are batched like TimelineModel's: rows are queued and inserted at most batchInterval() ms later, in time
// order (rows of the same millisecond keep the order they arrived in). A queued row older than the last shown one
// (a slower source, a file read after another) is merged into place. At most cap() rows are kept; the oldest are
// dropped and counted (droppedCount()).
class CombinedTimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        SourceColumn,
        DirectionColumn,
        KindColumn,
        ChannelColumn,
        OffsetColumn,
        SizeColumn,
        SummaryColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        TimeRole = Qt::UserRole + 1, // qint64 ms since the epoch
        SourceRole,                  // int: index of the source
        SourceNameRole,              // QString
        DirectionRole,               // int: Origin
        KindNameRole,                // QString: "push_pub", or "api publish" / "api publish reply" for server calls
        ChannelRole,                 // QString
        OffsetRole,                  // qulonglong: the publication's offset, 0 when none
        PublicationKeyRole,          // QString: publicationKey() of a publication or a publish reply, else ""
        ServerCallRole,              // bool: a server API call or its reply
        RawRole,                     // QByteArray: the message's bytes; a server row's: its ServerCallFrames row
        SizeRole,                    // int: bytes of RawRole
    };
    Q_ENUM(Role)

    // Where a row comes from, as the Direction column says it.
    enum class Origin : quint8 { In, Out, ServerCall, ServerReply };

    struct Entry
    {
        qint64 timeMs = 0;
        qint64 seq = 0; // arrival order, for rows of the same millisecond
        int source = 0;
        Origin origin = Origin::In;
        quint64 offset = 0;
        QString kind;
        QString channel;
        QString summary; // server rows: the reply's sentence or the call's method
        QByteArray raw;
    };

    static constexpr int kDefaultCap = 500000;
    static constexpr int kDefaultBatchIntervalMs = 50;

    explicit CombinedTimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Sources are numbered from 0 in the order they are added; a name may change later (a session renamed).
    int addSource(const QString &name);
    void setSourceName(int source, const QString &name);
    QString sourceName(int source) const { return m_sources.value(source); }
    int sourceCount() const { return int(m_sources.size()); }

    const Entry &entryAt(int row) const { return m_rows.at(size_t(row)); }
    // The row of the publication the same source got in the same channel before the publication at `row`; -1 when
    // there is none among the kMaxLookBack rows before it (or the row is not a publication).
    int previousPublication(int row) const;
    static constexpr int kMaxLookBack = 100000;
    // "channel#offset"; empty when offset is 0 (no position to follow).
    static QString publicationKey(const QString &channel, quint64 offset);

    int cap() const { return m_cap; }
    void setCap(int rows);
    qint64 droppedCount() const { return m_dropped; }
    int pendingCount() const { return int(m_queue.size()); }
    void setBatchInterval(int ms) { m_batchTimer.setInterval(qMax(0, ms)); }

public slots:
    // One row per message of the frame (one for a frame without messages). A server call or reply frame
    // (ServerCallFrames: live from a session's server panel, or read from a recording) is one server row; the reply
    // of a publish or broadcast carries the offset the server gave the publication, so it shares the key of the
    // pushes that carried it.
    void appendFrame(int source, const Frame &frame);
    // Inserts the queued rows now.
    void flush();
    void clear();

signals:
    // Rows were inserted or dropped (once per batch).
    void countsChanged();

private:
    void enqueue(Entry &&entry);
    void appendServerFrame(int source, const Frame &frame);
    void enforceCap();
    QString internKind(const QString &kind);

    std::vector<Entry> m_rows;
    std::vector<Entry> m_queue;
    QStringList m_sources;
    QHash<QString, QString> m_kinds; // one shared string per kind name
    QHash<std::pair<int, quint32>, QString>
        m_callMethods; // (source, id) of a server call -> its method, until its reply
    qint64 m_nextSeq = 0;
    qint64 m_dropped = 0;
    int m_cap = kDefaultCap;
    QTimer m_batchTimer;
};
