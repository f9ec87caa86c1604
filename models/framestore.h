#pragma once

#include "frame.h"
#include "protocol.h"
#include "protocolmessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>
#include <vector>

class WireCodec;

// Compact storage for millions of timeline rows. One row per protocol message: a frame that carries several
// messages becomes several rows sharing the frame's bytes. Each row keeps a 48-byte index (time, direction,
// kind, method, push, id, interned channel, code, rtt, where its bytes are); the bytes themselves live in a
// chunked arena. Messages are decoded again only when asked for (the row on display), never on append.
//
// Rows are addressed by their position 0..count()-1; the oldest rows can be dropped (dropOldest) and are then
// counted in droppedRows(). serial(row) numbers rows for their whole life, so filters survive drops.
// Not thread-safe; views returned by messageBytes()/frameBytes() live until the row is dropped or cleared.
class FrameStore
{
public:
    // The per-row index. Kept at 48 bytes: it is most of the bookkeeping cost per frame.
    struct Row
    {
        // Rejected: a frame the WebSocket layer rejected (Frame::rejected); its bytes are the reason in words.
        enum Flag : quint8 {
            Out = 1,
            Binary = 2,
            Close = 4,
            FirstOfFrame = 8,
            LastOfFrame = 16,
            NoMessages = 32,
            Rejected = 64,
            Injected = 128 // proxy mode: a fault the proxy injected (Frame::injected)
        };

        qint64 timeMs;
        quint64 pos;       // arena chunk sequence (high 32 bits) and offset of the frame record (low 32 bits)
        quint32 msgOffset; // this message's bytes, relative to the start of the frame's bytes
        quint32 msgLength;
        quint32 id;
        quint32 channel;  // index into channels(); 0 = no channel
        float rttMs;      // < 0: none
        qint32 code;      // error, unsubscribe or close code
        quint16 subIndex; // position of the message in its frame (saturates at 65535)
        quint8 kind;      // Protocol::MessageKind
        quint8 method;    // Protocol::Method
        quint8 push;      // Protocol::PushType
        quint8 flags;
        quint8 origin; // Frame::Origin (padding otherwise: the row stays 48 bytes)

        Protocol::Direction direction() const
        {
            return flags & Out ? Protocol::Direction::Out : Protocol::Direction::In;
        }
        Protocol::MessageKind messageKind() const { return Protocol::MessageKind(kind); }

        // The fields of message `m` (a ProtocolMessage, or a recording line as RecordLineParser scans it), all but
        // its channel, which the store interns.
        template <typename Message> void setMessage(const Message &m)
        {
            kind = quint8(m.kind);
            method = quint8(m.method);
            push = quint8(m.push);
            id = m.id;
            code = qint32(m.code);
            rttMs = float(m.rttMs);
        }
    };

    FrameStore();
    ~FrameStore();
    FrameStore(const FrameStore &) = delete;
    FrameStore &operator=(const FrameStore &) = delete;

    // Rows a frame becomes: one per message, one for a frame without messages.
    static int rowsFor(const Frame &frame) { return frame.messages.isEmpty() ? 1 : int(frame.messages.size()); }

    // Appends the frame's rows; returns how many. Takes only the small fields of the decoded messages.
    int append(const Frame &frame);
    // Bulk loading (the recording importer builds a FrameStore per block of lines on a worker thread, then the
    // model takes it whole with appendStore()). A frame of one message whose bytes are written in place:
    // reserveFrameBytes() gives room for at most maxBytes; commitFrame() stores the first `bytes` of them as the
    // frame and its message, with the index fields of `fields` (timeMs, flags Out/Binary/Close, kind, method, push,
    // id, rttMs, code) and the channel given as UTF-8. Nothing is stored when commitFrame() is not called.
    char *reserveFrameBytes(quint32 maxBytes);
    void commitFrame(quint32 bytes, const Row &fields, QByteArrayView channelUtf8);
    // Moves all rows of `other` (and its byte chunks, without copying the bytes) after the rows of this store;
    // `other` is left empty. Costs a copy of the 48-byte index per row and one lookup per channel of `other`.
    void appendStore(FrameStore &&other);
    // Moves the newest byte chunk to a block of exactly its used size (a finished batch keeps only what it uses).
    void squeeze();
    // Removes the n oldest rows (they are counted as dropped).
    void dropOldest(int n);
    // Removes everything; the dropped counters are reset too.
    void clear();

    int count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    // Frames whose first row is still stored.
    qint64 frameCount() const { return m_frameCount; }
    qint64 droppedRows() const { return m_droppedRows; }
    qint64 droppedFrames() const { return m_droppedFrames; }
    // Bytes held by the arena (frames' bytes plus small headers), for the status line and benchmarks.
    qint64 byteSize() const { return m_arenaBytes; }

    // Life-long row number: the serial of row 0 is the number of rows dropped since the last clear().
    qint64 firstSerial() const { return m_droppedRows; }
    qint64 serial(int row) const { return m_droppedRows + row; }

    const Row &row(int row) const
    {
        return m_blocks[size_t((m_head + row) >> kRowBlockShift)][(m_head + row) & kRowBlockMask];
    }
    // Calls fn(rowIndex, const Row &) for rows [first, last], walking blocks directly (for fast filters).
    template <typename Fn> void forEachRow(int first, int last, Fn &&fn) const;

    QByteArrayView messageBytes(int row) const;
    QByteArrayView frameBytes(int row) const;
    QByteArrayView messageBytes(const Row &r) const;

    // A reply or error without a channel of its own (presence, history, publish ...) gets the channel of the
    // command it answers (the newest sent command with its id), so it shows and filters with that channel.
    QString channel(int row) const { return m_channels.at(int(this->row(row).channel)); }
    // All channels seen since the last clear(), index 0 being the empty "no channel".
    const QStringList &channels() const { return m_channels; }
    // Index of a channel name, or -1 when no row ever had it.
    int channelIndex(const QString &name) const { return name.isEmpty() ? 0 : int(m_channelIndex.value(name, -1)); }

    // The stable machine kind name of a row ("subscribe_reply", "push_pub"), without decoding.
    QString kindName(int row) const;
    static QString kindName(const Row &r);

    // Decodes the row's message again from its bytes; index fields (rtt, method of errors, close code) win.
    ProtocolMessage message(int row) const;
    // The whole frame the row belongs to, with the messages of it that are still stored.
    Frame frame(int row) const;
    // First row and number of rows of the frame the row belongs to (only rows still stored).
    int frameFirstRow(int row) const;
    int frameRowCount(int row) const;

private:
    static constexpr int kRowBlockShift = 12; // 4096 rows (192 KiB) per block
    static constexpr int kRowBlockSize = 1 << kRowBlockShift;
    static constexpr int kRowBlockMask = kRowBlockSize - 1;
    static constexpr quint32 kChunkSize = 4u << 20; // arena chunk, 4 MiB

    struct FreeDeleter
    {
        void operator()(char *p) const;
    };
    struct Chunk
    {
        std::unique_ptr<char, FreeDeleter> data; // malloc'd (not zeroed)
        quint32 size = 0;
        quint32 used = 0;
    };

    quint64 store(const QByteArray &frameBytes, const QList<QByteArray> &extra);
    const char *frameData(quint64 pos, quint32 *length) const;
    quint32 internChannel(const QString &name);
    void linkReplyChannel(Row &r);
    quint32 internChannelUtf8(QByteArrayView name);
    Chunk &chunkWithRoom(qint64 bytes);
    Row &pushRow();
    const WireCodec &codec(bool binary) const;

    std::vector<std::unique_ptr<Row[]>> m_blocks;
    int m_head = 0; // index of row 0 in m_blocks[0]
    int m_count = 0;
    std::vector<Chunk> m_chunks; // m_chunks[i] has sequence m_firstChunkSeq + i
    quint32 m_firstChunkSeq = 0;
    qint64 m_arenaBytes = 0;
    qint64 m_frameCount = 0;
    qint64 m_droppedRows = 0;
    qint64 m_droppedFrames = 0;
    QStringList m_channels;
    QHash<QString, quint32> m_channelIndex;
    QHash<quint64, std::pair<QByteArray, quint32>> m_channelUtf8; // bulk loading: hash of the UTF-8 name -> index
    QHash<quint32, quint32> m_commandChannels;                    // id of a sent command -> its channel index
    mutable std::unique_ptr<WireCodec> m_jsonCodec;
    mutable std::unique_ptr<WireCodec> m_binaryCodec;
};

static_assert(sizeof(FrameStore::Row) == 48, "the row index is part of the memory budget");

template <typename Fn> void FrameStore::forEachRow(int first, int last, Fn &&fn) const
{
    int i = first;
    while (i <= last) {
        const int p = m_head + i;
        const Row *block = m_blocks[size_t(p >> kRowBlockShift)].get();
        const int start = p & kRowBlockMask;
        const int n = qMin(kRowBlockSize - start, last - i + 1);
        for (int k = 0; k < n; ++k)
            fn(i + k, block[start + k]);
        i += n;
    }
}
