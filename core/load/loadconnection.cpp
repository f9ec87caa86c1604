#include "loadconnection.h"

#include "loadshard.h"

#include "client.pb.h"

#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QtEndian>
#include <cerrno>
#include <charconv>
#include <cstring>

#include <unistd.h>

namespace protocol = centrifugal::centrifuge::protocol;

namespace {

constexpr int kText = 1;
constexpr int kBinary = 2;
constexpr int kClose = 8;
constexpr int kPing = 9;
constexpr int kPong = 10;

// The number after "\"t\":" in a publication's data, or -1.
qint64 sentTime(QByteArrayView data)
{
    const qsizetype at = data.indexOf(QByteArrayView("\"t\":"));
    if (at < 0)
        return -1;
    qint64 value = -1;
    const char *begin = data.data() + at + 4;
    std::from_chars(begin, data.data() + data.size(), value);
    return value;
}

int codeAfter(QByteArrayView text, QByteArrayView key)
{
    const qsizetype at = text.indexOf(key);
    if (at < 0)
        return 0;
    int code = 0;
    std::from_chars(text.data() + at + key.size(), text.data() + text.size(), code);
    return code;
}

// Appends `command` length-delimited: a varint length, then the message.
void appendDelimited(QByteArray *out, const protocol::Command &command)
{
    const std::string bytes = command.SerializeAsString();
    quint64 n = bytes.size();
    do {
        *out += char((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
        n >>= 7;
    } while (n);
    *out += QByteArray::fromStdString(bytes);
}

QString socketError(int error)
{
    const char *name = strerrorname_np(error);
    return QLatin1String("socket ") + (name ? QString::fromLatin1(name) : QString::number(error));
}

} // namespace

LoadConnection::LoadConnection(LoadShard *shard, int channel)
    : m_shard(shard)
    , m_channel(channel)
{
}

LoadConnection::~LoadConnection()
{
    release();
}

void LoadConnection::open()
{
    const Target &target = m_shard->target();
    m_fd = ::socket(target.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        fail(socketError(errno));
        return;
    }
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&target.address), target.addressLength) != 0 &&
        errno != EINPROGRESS) {
        fail(socketError(errno));
        return;
    }
    // On loopback the connection is usually made within connect(): then the request goes now, without a wake-up
    // (and a write notifier made and dropped) to learn that the socket is writable.
    const QByteArray &request = target.upgradeRequest;
    const ssize_t n = ::send(m_fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL);
    if (n > 0) {
        m_connected = true;
        if (n < request.size())
            m_pending = request.sliced(n);
        watch(true, !m_pending.isEmpty());
    } else if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOTCONN) {
        watch(false, true); // still connecting
    } else {
        fail(socketError(errno));
    }
}

void LoadConnection::close()
{
    if (m_fd >= 0 && m_upgraded) {
        char code[2];
        qToBigEndian<quint16>(1000, code);
        sendFrame(kClose, QByteArrayView(code, 2));
    }
    m_closed = true;
    release();
}

void LoadConnection::watch(bool readable, bool writable)
{
    // Only what is needed: a connection waiting for data is one notifier, not three.
    auto set = [this](QSocketNotifier *&n, QSocketNotifier::Type type, bool on) {
        if (on && !n) {
            n = new QSocketNotifier(qintptr(m_fd), type);
            if (type == QSocketNotifier::Read)
                QObject::connect(n, &QSocketNotifier::activated, n, [this] { onReadable(); });
            else
                QObject::connect(n, &QSocketNotifier::activated, n, [this] { onWritable(); });
        } else if (!on && n) {
            // It may be the notifier being handled now.
            n->setEnabled(false);
            n->deleteLater();
            n = nullptr;
        }
    };
    set(m_reader, QSocketNotifier::Read, readable);
    set(m_writer, QSocketNotifier::Write, writable);
}

void LoadConnection::fail(const QString &why)
{
    if (!m_closed) {
        m_closed = true;
        m_shard->lost(this, isPublisher() ? QLatin1String("publisher ") + why : why);
    }
    release();
}

void LoadConnection::release()
{
    watch(false, false);
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_pending.clear();
}

void LoadConnection::onWritable()
{
    if (!m_connected) {
        int error = 0;
        socklen_t length = sizeof error;
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error) {
            fail(socketError(error));
            return;
        }
        m_connected = true;
        watch(true, false);
        send(m_shard->target().upgradeRequest);
        return;
    }
    const QByteArray pending = std::exchange(m_pending, QByteArray());
    watch(true, false);
    send(pending);
}

void LoadConnection::send(QByteArrayView bytes)
{
    if (m_fd < 0 || bytes.isEmpty())
        return;
    if (!m_pending.isEmpty()) {
        m_pending += bytes;
        return;
    }
    const ssize_t n = ::send(m_fd, bytes.data(), size_t(bytes.size()), MSG_NOSIGNAL);
    if (n == bytes.size())
        return;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        fail(socketError(errno));
        return;
    }
    m_pending = bytes.sliced(qMax<qsizetype>(n, 0)).toByteArray();
    watch(true, true);
}

void LoadConnection::onReadable()
{
    QByteArray &buffer = m_shard->readBuffer();
    const ssize_t n = ::recv(m_fd, buffer.data(), size_t(buffer.size()), 0);
    if (n == 0) {
        fail(QStringLiteral("socket closed"));
        return;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            fail(socketError(errno));
        return;
    }
    // Most reads hold whole frames and are handled in the shard's buffer; only a cut frame is copied.
    QByteArrayView data(buffer.constData(), qsizetype(n));
    if (!m_partial.isEmpty()) {
        m_partial.append(data);
        data = m_partial;
    }
    qsizetype used = 0;
    if (!m_upgraded && !readHandshake(data, &used)) {
        if (m_fd >= 0 && data.data() != m_partial.constData())
            m_partial = data.toByteArray();
        return;
    }
    if (m_fd >= 0)
        used += readFrames(data.sliced(used));
    if (m_fd < 0 || used == data.size())
        m_partial.clear();
    else
        m_partial = data.sliced(used).toByteArray();
}

bool LoadConnection::readHandshake(QByteArrayView data, qsizetype *used)
{
    const qsizetype end = data.indexOf(QByteArrayView("\r\n\r\n"));
    if (end < 0)
        return false;
    if (!data.startsWith(QByteArrayView("HTTP/1.1 101"))) {
        fail(QStringLiteral("handshake %1")
                 .arg(QString::fromLatin1(data.sliced(9, qMin<qsizetype>(3, data.size() - 9)))));
        return false;
    }
    *used = end + 4;
    m_upgraded = true;
    sendFrame(m_shard->target().format == Protocol::Format::Protobuf ? kBinary : kText, connectAndSubscribe());
    return true;
}

QByteArray LoadConnection::connectAndSubscribe() const
{
    const bool json = m_shard->target().format == Protocol::Format::Json;
    if (isPublisher())
        return json ? QByteArray("{\"id\":1,\"connect\":{\"name\":\"load\"}}") : [] {
            protocol::Command connect;
            connect.set_id(1);
            connect.mutable_connect()->set_name("load");
            QByteArray out;
            appendDelimited(&out, connect);
            return out;
        }();
    const QByteArray channel = m_shard->channelName(m_channel);
    if (json)
        return "{\"id\":1,\"connect\":{\"name\":\"load\"}}\n{\"id\":2,\"subscribe\":{\"channel\":\"" + channel + "\"}}";
    protocol::Command connect;
    connect.set_id(1);
    connect.mutable_connect()->set_name("load");
    protocol::Command subscribe;
    subscribe.set_id(2);
    subscribe.mutable_subscribe()->set_channel(channel.toStdString());
    QByteArray out;
    appendDelimited(&out, connect);
    appendDelimited(&out, subscribe);
    return out;
}

bool LoadConnection::publish(const QByteArray &channel, qint64 sentNs, qint64 seq)
{
    if (!m_ready || m_fd < 0)
        return false;
    const QByteArray data = "{\"t\":" + QByteArray::number(sentNs) + ",\"n\":" + QByteArray::number(seq) + '}';
    const quint64 id = m_nextId++;
    if (m_shard->target().format == Protocol::Format::Json) {
        const QByteArray command = "{\"id\":" + QByteArray::number(id) + ",\"publish\":{\"channel\":\"" + channel +
                                   "\",\"data\":" + data + "}}";
        sendFrame(kText, command);
        return true;
    }
    protocol::Command command;
    command.set_id(quint32(id));
    command.mutable_publish()->set_channel(channel.toStdString());
    command.mutable_publish()->set_data(data.toStdString());
    QByteArray out;
    appendDelimited(&out, command);
    sendFrame(kBinary, out);
    return true;
}

void LoadConnection::handlePublisherReply(quint64 id, int errorCode)
{
    if (id == 1 && errorCode == 0 && !m_ready) {
        m_ready = true;
        m_shard->publisherReady(this);
    } else if (errorCode != 0) {
        m_shard->error(QStringLiteral("%1 %2")
                           .arg(id == 1 ? QLatin1String("publisher connect") : QLatin1String("publish"))
                           .arg(errorCode));
    }
}

qsizetype LoadConnection::readFrames(QByteArrayView data)
{
    qsizetype pos = 0;
    while (data.size() - pos >= 2) {
        const auto *b = reinterpret_cast<const uchar *>(data.data() + pos);
        const int opcode = b[0] & 0x0f;
        quint64 length = b[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (data.size() - pos < 4)
                break;
            length = qFromBigEndian<quint16>(b + 2);
            header = 4;
        } else if (length == 127) {
            if (data.size() - pos < 10)
                break;
            length = qFromBigEndian<quint64>(b + 2);
            header = 10;
        }
        if (quint64(data.size() - pos - header) < length)
            break;
        const QByteArrayView payload = data.sliced(pos + header, qsizetype(length));
        pos += header + qsizetype(length);
        if (!handleFrame(opcode, payload))
            break;
    }
    return pos;
}

bool LoadConnection::handleFrame(int opcode, QByteArrayView payload)
{
    switch (opcode) {
    case kText:
        handleJson(payload);
        break;
    case kBinary:
        handleProtobuf(payload);
        break;
    case kPing:
        sendFrame(kPong, payload);
        break;
    case kClose:
        fail(QStringLiteral("close %1").arg(payload.size() >= 2 ? qFromBigEndian<quint16>(payload.data()) : 1005));
        break;
    default:
        break;
    }
    return m_fd >= 0;
}

void LoadConnection::handleJson(QByteArrayView all)
{
    for (qsizetype start = 0; start < all.size();) {
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        const QByteArrayView line = all.sliced(start, end - start);
        start = end + 1;
        if (isPublisher()) {
            if (line == QByteArrayView("{}"))
                sendFrame(kText, QByteArrayView("{}")); // pong
            else if (line.contains(QByteArrayView("\"id\":")))
                handlePublisherReply(
                    quint64(codeAfter(line, QByteArrayView("\"id\":"))),
                    line.contains(QByteArrayView("\"error\":")) ? codeAfter(line, QByteArrayView("\"code\":")) : 0);
            continue;
        }
        // Publications first: they are nearly all of the traffic.
        const qsizetype pub = line.indexOf(QByteArrayView("\"pub\":"));
        if (pub >= 0) {
            onPublicationData(line.sliced(pub));
        } else if (line == QByteArrayView("{}")) {
            sendFrame(kText, QByteArrayView("{}")); // pong
        } else if (line.contains(QByteArrayView("\"error\":"))) {
            m_shard->error(QStringLiteral("reply %1").arg(codeAfter(line, QByteArrayView("\"code\":"))));
        } else if (line.contains(QByteArrayView("\"id\":2")) && !m_subscribed) {
            m_subscribed = true;
            m_shard->subscribed(this);
        }
    }
}

void LoadConnection::handleProtobuf(QByteArrayView payload)
{
    const auto *p = reinterpret_cast<const uchar *>(payload.data());
    const qsizetype size = payload.size();
    qsizetype pos = 0;
    // One per thread, so that its strings' memory is reused from reply to reply.
    static thread_local protocol::Reply reply;
    while (pos < size) {
        quint64 length = 0;
        int shift = 0;
        while (pos < size && shift < 64) {
            const uchar byte = p[pos++];
            length |= quint64(byte & 0x7f) << shift;
            shift += 7;
            if (!(byte & 0x80))
                break;
        }
        if (length > quint64(size - pos) || !reply.ParseFromArray(p + pos, int(length)))
            return;
        pos += qsizetype(length);
        if (isPublisher() && reply.id() != 0) {
            handlePublisherReply(reply.id(), reply.has_error() ? int(reply.error().code()) : 0);
        } else if (reply.has_push() && reply.push().has_pub()) {
            const std::string &data = reply.push().pub().data();
            onPublicationData(QByteArrayView(data.data(), qsizetype(data.size())));
        } else if (reply.id() == 0 && !reply.has_push()) {
            sendFrame(kBinary, QByteArrayView("\0", 1)); // pong: an empty command
        } else if (reply.has_error()) {
            m_shard->error(QStringLiteral("reply %1").arg(reply.error().code()));
        } else if (reply.id() == 2 && !m_subscribed) {
            m_subscribed = true;
            m_shard->subscribed(this);
        }
    }
}

void LoadConnection::onPublicationData(QByteArrayView data)
{
    const qint64 sent = sentTime(data);
    if (sent >= 0)
        m_shard->delivered(sent);
}

void LoadConnection::sendFrame(int opcode, QByteArrayView payload)
{
    QByteArray frame;
    frame.reserve(payload.size() + 14);
    frame += char(0x80 | opcode);
    const qsizetype n = payload.size();
    if (n < 126) {
        frame += char(0x80 | n);
    } else if (n < 65536) {
        frame += char(0x80 | 126);
        frame += char(n >> 8);
        frame += char(n & 0xff);
    } else {
        frame += char(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            frame += char((quint64(n) >> shift) & 0xff);
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    char key[4];
    qToBigEndian(mask, key);
    frame.append(key, 4);
    const qsizetype start = frame.size();
    frame += payload;
    for (qsizetype i = 0; i < n; ++i)
        frame[start + i] = char(frame[start + i] ^ key[i % 4]);
    send(frame);
}
