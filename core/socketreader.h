#pragma once

#include <QObject>
#include <QPointer>

class QAbstractSocket;
class QWebSocket;

// The read path of a Session's QWebSocket. QWebSocket decodes everything its socket has buffered in one go, and an
// unlimited socket buffers whatever the kernel holds: under a flood that is megabytes, tens of thousands of
// messages in ONE event-loop turn (a frozen window). A bounded buffer makes each turn handle at most kChunkBytes
// and leaves the rest in the kernel for the next turns; that is the back-pressure, and it is counted.
//
// Two rules keep it from stalling (QAbstractSocket re-enables reading only when its buffer empties or its limit
// changes): after every turn the limit is set again, and a frame larger than the buffer grows it (QWebSocket
// reads a frame only once all of it is buffered). The buffer shrinks back only between turns, when what is left
// fits, never while QWebSocket is still decoding.
class SocketReader : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kChunkBytes = 64 * 1024;

    struct Stats
    {
        qint64 turns = 0;             // read turns (readyRead of the socket)
        qint64 limitedTurns = 0;      // turns that filled the buffer: the kernel may have held more (back-pressure)
        qint64 growths = 0;           // times the buffer grew for a frame larger than it
        qint64 largestLimit = 0;      // largest buffer limit used
        qint64 bytesDecoded = 0;      // bytes of frames decoded (headers included)
        bool lastTurnLimited = false; // the last turn filled the buffer (see isHoldingBack())
    };

    explicit SocketReader(QObject *parent = nullptr);

    // Finds the socket QWebSocket reads from (its child, created by open()) and bounds it. Without it the buffer
    // stays unlimited, as QWebSocket has it.
    void attach(QWebSocket *socket);
    void detach();
    // Each frame QWebSocket handed over (payload bytes), for the back-pressure count.
    void noteFrame(qint64 payloadBytes);

    // The socket's read buffer limit now (kChunkBytes, more while a larger frame comes in; 0 = unlimited).
    qint64 bufferLimit() const;
    // The last turn filled the buffer: data may be waiting in the kernel for the next turns.
    bool isHoldingBack() const { return m_stats.lastTurnLimited; }
    const Stats &stats() const { return m_stats; }

signals:
    // The buffer grew for a large frame (old and new limit), for the trace log.
    void bufferGrown(qint64 from, qint64 to);

private:
    void afterRead();
    void setLimit(qint64 limit);

    QPointer<QWebSocket> m_socket;
    QPointer<QAbstractSocket> m_transport;
    Stats m_stats;
    qint64 m_leftOver = 0;    // bytes buffered after the last turn
    qint64 m_decodedTurn = 0; // bytes decoded during the current turn
};
