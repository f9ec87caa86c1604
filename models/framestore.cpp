#include "framestore.h"

#include "wirecodec.h"

#include <cstdlib>
#include <cstring>
#include <new>

using Protocol::MessageKind;

FrameStore::FrameStore()
{
    m_channels.append(QString());
}

FrameStore::~FrameStore() = default;

quint32 FrameStore::internChannel(const QString &name)
{
    if (name.isEmpty())
        return 0;
    const auto it = m_channelIndex.constFind(name);
    if (it != m_channelIndex.constEnd())
        return it.value();
    const quint32 index = quint32(m_channels.size());
    m_channels.append(name);
    m_channelIndex.insert(name, index);
    return index;
}

FrameStore::Row &FrameStore::pushRow()
{
    const int p = m_head + m_count;
    const size_t block = size_t(p >> kRowBlockShift);
    if (block == m_blocks.size())
        m_blocks.emplace_back(new Row[kRowBlockSize]); // not zeroed: untouched pages cost no memory
    ++m_count;
    return m_blocks[block][p & kRowBlockMask];
}

void FrameStore::FreeDeleter::operator()(char *p) const
{
    std::free(p);
}

quint32 FrameStore::internChannelUtf8(QByteArrayView name)
{
    if (name.isEmpty())
        return 0;
    // FNV-1a: much cheaper than qHash(QByteArray) for short names, and once per row here.
    quint64 h = 14695981039346656037ULL;
    for (const char c : name)
        h = (h ^ uchar(c)) * 1099511628211ULL;
    const auto it = m_channelUtf8.constFind(h);
    if (it != m_channelUtf8.constEnd() && it->first == name)
        return it->second;
    const quint32 index = internChannel(QString::fromUtf8(name));
    if (it == m_channelUtf8.constEnd())
        m_channelUtf8.insert(h, {name.toByteArray(), index}); // on a collision the first name keeps the slot
    return index;
}

FrameStore::Chunk &FrameStore::chunkWithRoom(qint64 bytes)
{
    if (m_chunks.empty() || qint64(m_chunks.back().size - m_chunks.back().used) < bytes) {
        Chunk c;
        c.size = quint32(qMax<qint64>(kChunkSize, bytes));
        c.data.reset(static_cast<char *>(std::malloc(c.size))); // not zeroed: untouched pages cost no memory
        if (!c.data)
            throw std::bad_alloc();
        m_chunks.push_back(std::move(c));
    }
    return m_chunks.back();
}

quint64 FrameStore::store(const QByteArray &frameBytes, const QList<QByteArray> &extra)
{
    qint64 total = qint64(sizeof(quint32)) + frameBytes.size();
    for (const QByteArray &e : extra)
        total += e.size();
    Chunk &c = chunkWithRoom(total);
    const quint32 offset = c.used;
    char *out = c.data.get() + offset;
    const quint32 length = quint32(frameBytes.size());
    std::memcpy(out, &length, sizeof length);
    out += sizeof length;
    if (length)
        std::memcpy(out, frameBytes.constData(), length);
    out += length;
    for (const QByteArray &e : extra) {
        if (!e.isEmpty())
            std::memcpy(out, e.constData(), size_t(e.size()));
        out += e.size();
    }
    c.used += quint32(total);
    m_arenaBytes += total;
    const quint64 seq = m_firstChunkSeq + quint64(m_chunks.size() - 1);
    return (seq << 32) | offset;
}

const char *FrameStore::frameData(quint64 pos, quint32 *length) const
{
    const Chunk &c = m_chunks[size_t(quint32(pos >> 32) - m_firstChunkSeq)];
    const char *p = c.data.get() + quint32(pos);
    std::memcpy(length, p, sizeof *length);
    return p + sizeof *length;
}

int FrameStore::append(const Frame &frame)
{
    const QByteArray &raw = frame.raw;
    const int n = rowsFor(frame);

    // Where each message's bytes are inside the frame. Messages are slices of the frame in order (JSON lines,
    // length-prefixed Protobuf); bytes that are not found are stored after the frame.
    QVarLengthArray<quint32, 4> offsets(n);
    QVarLengthArray<quint32, 4> lengths(n);
    QList<QByteArray> extra;
    quint32 extraOffset = quint32(raw.size());
    if (frame.messages.isEmpty()) {
        offsets[0] = 0;
        lengths[0] = quint32(raw.size());
    } else {
        qsizetype cursor = 0;
        for (int i = 0; i < n; ++i) {
            const QByteArray &m = frame.messages.at(i).raw;
            qsizetype at = -1;
            if (cursor + m.size() <= raw.size() &&
                std::memcmp(raw.constData() + cursor, m.constData(), size_t(m.size())) == 0)
                at = cursor;
            else if (!m.isEmpty())
                at = raw.indexOf(m, cursor);
            if (at < 0) {
                offsets[i] = extraOffset;
                extraOffset += quint32(m.size());
                extra.append(m);
            } else {
                offsets[i] = quint32(at);
                cursor = at + m.size();
            }
            lengths[i] = quint32(m.size());
        }
    }

    const quint64 pos = store(raw, extra);
    quint8 frameFlags = 0;
    if (frame.direction == Protocol::Direction::Out)
        frameFlags |= Row::Out;
    if (frame.binary)
        frameFlags |= Row::Binary;
    if (frame.close)
        frameFlags |= Row::Close;
    if (frame.rejected)
        frameFlags |= Row::Rejected;
    if (frame.injected != Frame::Injected::None)
        frameFlags |= Row::Injected;
    if (frame.messages.isEmpty())
        frameFlags |= Row::NoMessages;

    for (int i = 0; i < n; ++i) {
        Row &r = pushRow();
        r.timeMs = frame.timeMs;
        r.pos = pos;
        r.msgOffset = offsets[i];
        r.msgLength = lengths[i];
        r.subIndex = quint16(qMin(i, 0xffff));
        r.flags = frameFlags | (i == 0 ? Row::FirstOfFrame : 0) | (i == n - 1 ? Row::LastOfFrame : 0);
        r.origin = quint8(frame.origin);
        if (frame.messages.isEmpty()) {
            r.kind = quint8(frame.close ? MessageKind::Disconnect : MessageKind::Invalid);
            r.method = quint8(Protocol::Method::None);
            r.push = quint8(Protocol::PushType::None);
            r.id = 0;
            r.channel = 0;
            r.rttMs = -1;
            r.code = 0;
            continue;
        }
        const ProtocolMessage &m = frame.messages.at(i);
        r.setMessage(m);
        r.channel = internChannel(m.channel);
        linkReplyChannel(r);
    }
    ++m_frameCount;
    return n;
}

char *FrameStore::reserveFrameBytes(quint32 maxBytes)
{
    Chunk &c = chunkWithRoom(qint64(sizeof(quint32)) + maxBytes);
    return c.data.get() + c.used + sizeof(quint32);
}

void FrameStore::commitFrame(quint32 bytes, const Row &fields, QByteArrayView channelUtf8)
{
    Chunk &c = m_chunks.back(); // the one reserveFrameBytes() made room in
    const quint32 offset = c.used;
    std::memcpy(c.data.get() + offset, &bytes, sizeof bytes);
    const quint32 total = quint32(sizeof bytes) + bytes;
    c.used += total;
    m_arenaBytes += total;
    const quint64 seq = m_firstChunkSeq + quint64(m_chunks.size() - 1);

    Row &r = pushRow();
    r = fields;
    r.pos = (seq << 32) | offset;
    r.msgOffset = 0;
    r.msgLength = bytes;
    r.subIndex = 0;
    r.flags = quint8((fields.flags & (Row::Out | Row::Binary | Row::Close)) | Row::FirstOfFrame | Row::LastOfFrame);
    r.channel = internChannelUtf8(channelUtf8);
    ++m_frameCount;
}

void FrameStore::squeeze()
{
    if (m_chunks.empty())
        return;
    Chunk &c = m_chunks.back();
    if (c.used == 0) {
        m_chunks.pop_back(); // reserved for a frame that was not stored: no row points into it
        return;
    }
    if (c.used == c.size)
        return;
    // A copy of exactly the used bytes, not realloc(): shrinking in place would leave the tail as a hole in the
    // heap between long-lived chunks, which later short-lived buffers touch and keep resident. The big chunk
    // freed here is reused by the next batch instead. Rows hold offsets into the chunk, so they stay valid.
    char *p = static_cast<char *>(std::malloc(c.used));
    if (!p)
        return; // keep the big one
    std::memcpy(p, c.data.get(), c.used);
    c.data.reset(p);
    c.size = c.used;
}

void FrameStore::appendStore(FrameStore &&other)
{
    if (&other == this || other.m_count == 0) {
        if (&other != this)
            other.clear();
        return;
    }
    // Channels of other -> channels of this.
    QVarLengthArray<quint32, 256> channelMap(other.m_channels.size());
    for (qsizetype i = 0; i < other.m_channels.size(); ++i)
        channelMap[i] = internChannel(other.m_channels.at(i));
    // Other's chunks are appended after ours: chunk sequence s of other becomes seqBase + (s - other's first).
    const quint64 seqBase = quint64(m_firstChunkSeq) + quint64(m_chunks.size());
    const quint64 otherFirst = other.m_firstChunkSeq;
    for (Chunk &c : other.m_chunks)
        m_chunks.push_back(std::move(c));
    other.forEachRow(0, other.m_count - 1, [&](int, const Row &src) {
        Row &r = pushRow();
        r = src;
        r.pos = ((seqBase + ((src.pos >> 32) - otherFirst)) << 32) | (src.pos & 0xffffffffu);
        r.channel = channelMap[qsizetype(src.channel)];
        linkReplyChannel(r);
    });
    m_arenaBytes += other.m_arenaBytes;
    m_frameCount += other.m_frameCount;
    other.m_chunks.clear(); // moved from: the bytes belong to this store now
    other.clear();
}

void FrameStore::dropOldest(int n)
{
    n = qBound(0, n, m_count);
    if (n == 0)
        return;
    forEachRow(0, n - 1, [this](int, const Row &r) {
        if (r.flags & Row::FirstOfFrame) {
            --m_frameCount;
            ++m_droppedFrames;
        }
    });
    m_droppedRows += n;
    m_count -= n;
    m_head += n;
    if (m_count == 0) {
        m_blocks.clear();
        m_head = 0;
    } else {
        const size_t freeBlocks = size_t(m_head >> kRowBlockShift);
        m_blocks.erase(m_blocks.begin(), m_blocks.begin() + qint64(freeBlocks));
        m_head &= kRowBlockMask;
    }

    // Free the arena chunks no stored row points into any more.
    const quint32 keepFrom = m_count == 0 ? m_firstChunkSeq + quint32(m_chunks.size()) : quint32(row(0).pos >> 32);
    size_t freeChunks = 0;
    while (freeChunks < m_chunks.size() && m_firstChunkSeq + freeChunks < keepFrom) {
        m_arenaBytes -= m_chunks[freeChunks].used;
        ++freeChunks;
    }
    m_chunks.erase(m_chunks.begin(), m_chunks.begin() + qint64(freeChunks));
    m_firstChunkSeq += quint32(freeChunks);
}

void FrameStore::clear()
{
    m_blocks.clear();
    m_blocks.shrink_to_fit();
    m_head = 0;
    m_count = 0;
    m_firstChunkSeq += quint32(m_chunks.size());
    m_chunks.clear();
    m_chunks.shrink_to_fit();
    m_arenaBytes = 0;
    m_frameCount = 0;
    m_droppedRows = 0;
    m_droppedFrames = 0;
    m_channels = QStringList{QString()};
    m_channelIndex.clear();
    m_channelUtf8.clear();
    m_commandChannels.clear();
}

void FrameStore::linkReplyChannel(Row &r)
{
    if (r.id == 0)
        return;
    const auto kind = MessageKind(r.kind);
    if (r.flags & Row::Out) {
        if (kind == MessageKind::Command)
            m_commandChannels.insert(r.id, r.channel); // the newest command with an id wins (ids restart)
    } else if (r.channel == 0 && (kind == MessageKind::Reply || kind == MessageKind::Error)) {
        r.channel = m_commandChannels.value(r.id, 0);
    }
}

QByteArrayView FrameStore::messageBytes(const Row &r) const
{
    quint32 length = 0;
    const char *data = frameData(r.pos, &length);
    return QByteArrayView(data + r.msgOffset, qsizetype(r.msgLength));
}

QByteArrayView FrameStore::messageBytes(int row) const
{
    return messageBytes(this->row(row));
}

QByteArrayView FrameStore::frameBytes(int row) const
{
    quint32 length = 0;
    const char *data = frameData(this->row(row).pos, &length);
    return QByteArrayView(data, qsizetype(length));
}

QString FrameStore::kindName(const Row &r)
{
    ProtocolMessage m;
    m.kind = MessageKind(r.kind);
    m.method = Protocol::Method(r.method);
    m.push = Protocol::PushType(r.push);
    return m.kindName();
}

QString FrameStore::kindName(int row) const
{
    return kindName(this->row(row));
}

const WireCodec &FrameStore::codec(bool binary) const
{
    std::unique_ptr<WireCodec> &c = binary ? m_binaryCodec : m_jsonCodec;
    if (!c)
        c = createWireCodec(binary ? Protocol::Format::Protobuf : Protocol::Format::Json);
    return *c;
}

ProtocolMessage FrameStore::message(int row) const
{
    const Row &r = this->row(row);
    const QByteArray bytes = messageBytes(r).toByteArray();
    ProtocolMessage m;
    if (r.flags & (Row::Close | Row::Rejected) || r.kind == quint8(MessageKind::Disconnect)) {
        m.text = QString::fromUtf8(bytes); // a close frame's (or a rejected frame's) bytes are its reason
    } else if (r.origin == quint8(Frame::Origin::Wire) &&
               (r.kind != quint8(MessageKind::Invalid) || !bytes.isEmpty())) {
        const WireCodec &c = codec(r.flags & Row::Binary);
        const QList<ProtocolMessage> decoded =
            r.flags & Row::Out ? c.decodeClientFrame(bytes) : c.decodeServerFrame(bytes);
        if (!decoded.isEmpty())
            m = decoded.first();
    }
    m.raw = bytes;
    m.kind = MessageKind(r.kind);
    m.method = Protocol::Method(r.method);
    m.push = Protocol::PushType(r.push);
    m.id = r.id;
    m.channel = m_channels.at(int(r.channel));
    m.code = r.code;
    m.rttMs = r.rttMs < 0 ? -1.0 : double(r.rttMs);
    return m;
}

int FrameStore::frameFirstRow(int row) const
{
    const quint64 pos = this->row(row).pos;
    while (row > 0 && !(this->row(row).flags & Row::FirstOfFrame) && this->row(row - 1).pos == pos)
        --row;
    return row;
}

int FrameStore::frameRowCount(int row) const
{
    const int first = frameFirstRow(row);
    const quint64 pos = this->row(first).pos;
    int last = first;
    while (last + 1 < m_count && !(this->row(last).flags & Row::LastOfFrame) && this->row(last + 1).pos == pos)
        ++last;
    return last - first + 1;
}

Frame FrameStore::frame(int row) const
{
    const int first = frameFirstRow(row);
    const int n = frameRowCount(first);
    const Row &r = this->row(first);
    Frame f;
    f.timeMs = r.timeMs;
    f.direction = r.direction();
    f.binary = r.flags & Row::Binary;
    f.close = r.flags & Row::Close;
    f.rejected = r.flags & Row::Rejected;
    f.origin = Frame::Origin(r.origin);
    f.raw = frameBytes(first).toByteArray();
    if (r.flags & Row::NoMessages)
        return f;
    f.messages.reserve(n);
    for (int i = first; i < first + n; ++i)
        f.messages.append(message(i));
    return f;
}
