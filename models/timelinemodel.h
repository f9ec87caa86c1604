#pragma once

#include "framestore.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

// The timeline of one session as a table: one row per protocol message, over a compact FrameStore.
//
// Appends are batched: appendFrame() only queues; the queue is stored and shown in ONE rowsInserted per batch
// (at most batchInterval() ms after the first queued frame), so a flood of frames costs a few view updates per
// second, not one per frame. One batch stores and shows at most kRowsPerTurn rows (whole frames); a larger
// backlog continues on the following event-loop turns, so input and painting get their turn in between. Every
// frame still arrives, in order; flush() stores everything at once.
//
// Cap: at most cap() rows are kept; the oldest are dropped and counted (droppedCount(), never silently).
//
// Pause: while paused the table is frozen (no rows are added, so nothing moves under the user's eyes) but every
// frame is still stored; pendingCount() says how many wait. Resuming shows them all at once. Only the cap can
// drop rows, paused or not, and those drops are counted.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        DirectionColumn,
        KindColumn,
        ChannelColumn,
        IdColumn,
        SizeColumn,
        RttColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        KindRole = Qt::UserRole + 1, // int (Protocol::MessageKind)
        KindNameRole,                // QString, "subscribe_reply"
        DirectionRole,               // int (Protocol::Direction)
        ChannelRole,                 // QString
        MethodRole,                  // int (Protocol::Method)
        PushRole,                    // int (Protocol::PushType)
        IdRole,                      // uint
        CodeRole,                    // int: error, unsubscribe or close code
        TimeRole,                    // qint64 ms since the epoch
        RttRole,                     // double ms, or invalid
        SizeRole,                    // int bytes of the message
        RawRole,                     // QByteArray: the message's bytes
        BinaryRole,                  // bool: from a binary (Protobuf) frame
        SerialRole,                  // qint64: row number for the row's whole life (survives drops of older rows)
        DescriptionRole,             // QString: Explainer::describe (decodes the row)
        OriginRole,                  // int (Frame::Origin): a frame of the connection, a server API call or reply...
        ServerCallRole,              // bool: a server API call or its reply (made beside the client)
    };
    Q_ENUM(Role)

    static constexpr int kDefaultCap = 2000000;
    static constexpr int kDefaultBatchIntervalMs = 30;
    // Rows stored and shown per event-loop turn by the batch timer (a few milliseconds of work).
    static constexpr int kRowsPerTurn = 4000;

    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The storage behind the rows. It may hold more rows than rowCount() while paused (those are pending).
    const FrameStore &store() const { return m_store; }

    // Channels seen since the last clear(), index 0 being "" (for the channel filter's list).
    const QStringList &channels() const { return m_store.channels(); }
    // Rows stored, shown or pending.
    int storedCount() const { return m_store.count(); }

    // The server API method of a server call or reply row ("publish"; a reply takes its call's, found by id among
    // the kServerCallLookBack rows before it); empty for other rows.
    QString serverMethod(int row) const;
    static constexpr int kServerCallLookBack = 10000;
    // What a row that did not travel on the client connection (Frame::Origin) says, in words.
    QString describeOther(int row) const;

    // Decodes the message of a row (for the detail pane) and the whole frame it came in.
    ProtocolMessage messageAt(int row) const;
    Frame frameAt(int row) const;

    int cap() const { return m_cap; }
    // Rows dropped because of the cap since the last clear().
    qint64 droppedCount() const { return m_store.droppedRows(); }
    // Frames stored (shown or pending).
    qint64 frameCount() const { return m_store.frameCount(); }
    // Rows stored or queued but not shown yet (paused, or the batch has not run yet).
    qint64 pendingCount() const;
    bool isPaused() const { return m_paused; }

    // Takes all rows of a store filled elsewhere (the importer's parser threads) after the queued frames, without
    // copying their bytes. Like appendFrames() the rows show at the next flush() (or batch timer); the cap applies.
    void appendStore(FrameStore &&rows);

    int batchInterval() const { return m_batchTimer.interval(); }
    void setBatchInterval(int ms) { m_batchTimer.setInterval(qMax(0, ms)); }

public slots:
    void appendFrame(const Frame &frame);
    void appendFrames(const QList<Frame> &frames);
    // Stores and shows the queued frames now instead of at the end of the batch interval.
    void flush();
    // Removes every row and resets the dropped counter.
    void clear();
    // At least 1 row. Lowering it drops the oldest rows at once (counted).
    void setCap(int rows);
    void setPaused(bool paused);

signals:
    void droppedCountChanged(qint64 dropped);
    // Rows, frames, pending or dropped counts changed (once per batch).
    void countsChanged();
    void pausedChanged(bool paused);

private:
    // Stores queued frames (whole ones, at least one) up to maxRows rows; returns the rows taken from the queue.
    int storeQueued(int maxRows);
    void storeAndExpose(int maxRows);
    void flushStep();
    void enforceCap(int incomingRows);
    void exposeStored();
    QVariant displayData(const FrameStore::Row &r, int row, int column) const;
    QVariant otherDisplayData(const FrameStore::Row &r, int row, int column) const;
    QString kindNameOf(const FrameStore::Row &r, int row) const;
    bool replyOk(const FrameStore::Row &r) const;
    // The cells and roles an HTTP exchange row (Frame::Origin::HttpExchange) shows its own way; invalid otherwise.
    QVariant httpExchangeData(const FrameStore::Row &r, int column, int role) const;

    FrameStore m_store;
    QList<Frame> m_queue;
    int m_queuedRows = 0;
    bool m_storedUnsignalled = false; // appendStore() stored rows that no countsChanged has announced yet
    int m_rows = 0;                   // rows shown; m_store.count() - m_rows are pending
    int m_cap = kDefaultCap;
    bool m_paused = false;
    QTimer m_batchTimer;
    QTimer m_continueTimer;
};
