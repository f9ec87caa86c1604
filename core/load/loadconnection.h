#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <sys/socket.h>

class LoadShard;
class QSocketNotifier;

// One connection of a load run, as small as it can be: a non-blocking socket watched by one QSocketNotifier and a
// minimal RFC 6455 client (handshake, masked frames out, unmasked frames in); no QTcpSocket, no Session, no decoded
// message kept. A connection costs a few hundred bytes plus the kernel's socket buffers: each read goes into its
// shard's buffer, and only a frame cut by a read is kept. It sends connect and subscribe in one frame, answers the
// server's pings, and reports only what the run counts: subscribed, each publication's latency (from the "t" the
// publisher put in its data), errors and closes. Lives in its shard's thread.
// A publisher connection (channel kPublisher) sends connect only, is never subscribed, and sends publish commands.
class LoadConnection
{
public:
    // What every connection of a run shares.
    struct Target
    {
        sockaddr_storage address{};
        socklen_t addressLength = 0;
        QByteArray upgradeRequest; // the HTTP request, ending in an empty line
        Protocol::Format format = Protocol::Format::Json;
    };

    static constexpr int kPublisher = -1; // the channel index of a publisher connection

    LoadConnection(LoadShard *shard, int channel);
    ~LoadConnection(); // closes the socket
    LoadConnection(const LoadConnection &) = delete;
    LoadConnection &operator=(const LoadConnection &) = delete;

    void open();
    void close(); // sends a close frame (1000) and closes the socket
    bool isSubscribed() const { return m_subscribed; }
    int channel() const { return m_channel; }
    bool isPublisher() const { return m_channel == kPublisher; }
    bool isReady() const { return m_ready; } // a publisher whose connect was answered
    // A publisher: sends a publish command with data {"t":sentNs,"n":seq}; false when it is not connected (any more).
    bool publish(const QByteArray &channel, qint64 sentNs, qint64 seq);

private:
    void onWritable();
    void onReadable();
    void watch(bool readable, bool writable);
    void fail(const QString &why);
    void release();
    bool readHandshake(QByteArrayView data, qsizetype *used);
    qsizetype readFrames(QByteArrayView data);
    bool handleFrame(int opcode, QByteArrayView payload);
    void handleJson(QByteArrayView payload);
    void handleProtobuf(QByteArrayView payload);
    void onPublicationData(QByteArrayView data);
    void sendFrame(int opcode, QByteArrayView payload);
    void send(QByteArrayView bytes);
    QByteArray connectAndSubscribe() const;
    void handlePublisherReply(quint64 id, int errorCode);

    LoadShard *m_shard;
    QSocketNotifier *m_reader = nullptr; // from the handshake on
    QSocketNotifier *m_writer = nullptr; // while connecting, and while the socket has not taken all of m_pending
    QByteArray m_partial;                // an incomplete handshake or frame; usually empty
    QByteArray m_pending;                // bytes the socket did not take yet; usually empty
    int m_fd = -1;
    int m_channel;
    quint64 m_nextId = 2; // of the publisher's next publish command
    bool m_connected = false;
    bool m_upgraded = false;
    bool m_subscribed = false;
    bool m_closed = false;
    bool m_ready = false;
};
