#include "socketreader.h"

#include <QAbstractSocket>
#include <QWebSocket>

namespace {

// Header bytes of an unmasked server frame with this payload.
qint64 headerBytes(qint64 payload)
{
    return 2 + (payload > 65535 ? 8 : payload > 125 ? 2 : 0);
}

} // namespace

SocketReader::SocketReader(QObject *parent)
    : QObject(parent)
{
}

void SocketReader::attach(QWebSocket *socket)
{
    detach();
    m_stats = {};
    m_leftOver = 0;
    m_decodedTurn = 0;
    m_socket = socket;
    m_transport = socket ? socket->findChild<QAbstractSocket *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!m_transport)
        return;
    setLimit(kChunkBytes);
    // Connected after QWebSocket's own readyRead handler, so this runs once it decoded all complete frames.
    connect(m_transport, &QIODevice::readyRead, this, &SocketReader::afterRead);
}

void SocketReader::detach()
{
    if (m_transport)
        m_transport->disconnect(this);
    m_transport = nullptr;
    m_socket = nullptr;
}

void SocketReader::noteFrame(qint64 payloadBytes)
{
    const qint64 bytes = payloadBytes + headerBytes(payloadBytes);
    m_decodedTurn += bytes;
    m_stats.bytesDecoded += bytes;
}

qint64 SocketReader::bufferLimit() const
{
    return m_socket ? m_socket->readBufferSize() : 0;
}

void SocketReader::setLimit(qint64 limit)
{
    // Setting the same limit does nothing in QAbstractSocket; a different one re-enables reading when there is
    // room. Going through limit + 1 re-arms it without changing the limit.
    if (m_socket->readBufferSize() == limit)
        m_socket->setReadBufferSize(limit + 1);
    m_socket->setReadBufferSize(limit);
    m_stats.largestLimit = qMax(m_stats.largestLimit, limit);
}

void SocketReader::afterRead()
{
    if (!m_transport || !m_socket)
        return;
    ++m_stats.turns;
    const qint64 limit = m_socket->readBufferSize();
    const qint64 buffered = m_transport->bytesAvailable();
    // What this turn took from the kernel: decoded plus left over, minus what was left over before.
    const qint64 readNow = m_decodedTurn + buffered - m_leftOver;
    m_decodedTurn = 0;
    m_leftOver = buffered;
    m_stats.lastTurnLimited = limit > 0 && readNow >= limit;
    if (m_stats.lastTurnLimited)
        ++m_stats.limitedTurns;
    if (limit <= 0)
        return;
    qint64 next = limit;
    if (buffered >= limit) {
        // A full buffer left after decoding is the start of a frame larger than it: double it (the frame is read
        // on the next turns).
        next = limit * 2;
        ++m_stats.growths;
        emit bufferGrown(limit, next);
    } else if (limit > kChunkBytes && buffered < kChunkBytes) {
        next = kChunkBytes; // the large frame is through
    }
    setLimit(next);
}
