#include "loadconnection.h"

#include "loadrunner.h"

#include "client.pb.h"

#include <QRandomGenerator>
#include <QTcpSocket>
#include <QtEndian>
#include <charconv>

namespace protocol = centrifugal::centrifuge::protocol;

namespace {

// Any base64 of 16 bytes will do: the server's accept value is not checked, only its 101 status.
constexpr char kKey[] = "dGhlIHNhbXBsZSBub25jZQ=="; // 16 bytes, as RFC 6455 requires
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

} // namespace

LoadConnection::LoadConnection(LoadRunner *runner, const QUrl &url, Protocol::Format format, const QString &channel)
    : m_runner(runner)
    , m_url(url)
    , m_format(format)
    , m_channel(channel)
{
}

LoadConnection::~LoadConnection()
{
    delete m_socket;
}

void LoadConnection::open()
{
    m_socket = new QTcpSocket;
    QObject::connect(m_socket, &QTcpSocket::connected, m_runner, [this] { onConnected(); });
    QObject::connect(m_socket, &QTcpSocket::readyRead, m_runner, [this] { onReadyRead(); });
    QObject::connect(m_socket, &QTcpSocket::errorOccurred, m_runner, [this](QAbstractSocket::SocketError e) {
        if (m_closed)
            return;
        m_closed = true;
        m_runner->connectionLost(this, QStringLiteral("socket %1").arg(int(e)));
    });
    m_socket->connectToHost(m_url.host(), quint16(m_url.port(m_url.scheme() == QLatin1String("wss") ? 443 : 80)));
}

void LoadConnection::close()
{
    m_closed = true;
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        QByteArray code(2, '\0');
        qToBigEndian<quint16>(1000, code.data());
        sendFrame(kClose, code);
        m_socket->disconnectFromHost();
    }
}

void LoadConnection::onConnected()
{
    const QByteArray path = m_url.path(QUrl::FullyEncoded).toUtf8();
    QByteArray request = "GET " + (path.isEmpty() ? QByteArray("/") : path) +
                         " HTTP/1.1\r\nHost: " + m_url.host().toUtf8() + ':' + QByteArray::number(m_url.port(80)) +
                         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: " +
                         kKey + "\r\n";
    if (m_format == Protocol::Format::Protobuf)
        request += "Sec-WebSocket-Protocol: centrifuge-protobuf\r\n";
    m_socket->write(request + "\r\n");
}

bool LoadConnection::readHandshake()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    if (!m_buffer.startsWith("HTTP/1.1 101")) {
        m_closed = true;
        m_runner->connectionLost(this, QStringLiteral("handshake %1").arg(QString::fromLatin1(m_buffer.mid(9, 3))));
        return false;
    }
    m_buffer.remove(0, end + 4);
    m_upgraded = true;
    sendFrame(m_format == Protocol::Format::Protobuf ? kBinary : kText, connectAndSubscribe());
    return true;
}

QByteArray LoadConnection::connectAndSubscribe() const
{
    if (m_format == Protocol::Format::Json)
        return "{\"id\":1,\"connect\":{\"name\":\"load\"}}\n{\"id\":2,\"subscribe\":{\"channel\":\"" +
               m_channel.toUtf8() + "\"}}";
    protocol::Command connect;
    connect.set_id(1);
    connect.mutable_connect()->set_name("load");
    protocol::Command subscribe;
    subscribe.set_id(2);
    subscribe.mutable_subscribe()->set_channel(m_channel.toStdString());
    QByteArray out;
    for (const protocol::Command *c : {&connect, &subscribe}) {
        const std::string bytes = c->SerializeAsString();
        // Length-delimited: a varint length, then the message.
        quint64 n = bytes.size();
        do {
            out += char((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
            n >>= 7;
        } while (n);
        out += QByteArray::fromStdString(bytes);
    }
    return out;
}

void LoadConnection::onReadyRead()
{
    m_buffer += m_socket->readAll();
    if (!m_upgraded && !readHandshake())
        return;
    qsizetype pos = 0;
    while (m_buffer.size() - pos >= 2) {
        const auto *b = reinterpret_cast<const uchar *>(m_buffer.constData() + pos);
        const int opcode = b[0] & 0x0f;
        quint64 length = b[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (m_buffer.size() - pos < 4)
                break;
            length = qFromBigEndian<quint16>(b + 2);
            header = 4;
        } else if (length == 127) {
            if (m_buffer.size() - pos < 10)
                break;
            length = qFromBigEndian<quint64>(b + 2);
            header = 10;
        }
        if (quint64(m_buffer.size() - pos - header) < length)
            break;
        handleFrame(opcode, m_buffer.mid(pos + header, qsizetype(length)));
        pos += header + qsizetype(length);
    }
    m_buffer.remove(0, pos);
}

void LoadConnection::handleFrame(int opcode, const QByteArray &payload)
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
    case kClose: {
        const int code = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 1005;
        if (!m_closed) {
            m_closed = true;
            m_runner->connectionLost(this, QStringLiteral("close %1").arg(code));
        }
        break;
    }
    default:
        break;
    }
}

void LoadConnection::handleJson(const QByteArray &payload)
{
    const QByteArrayView all(payload);
    for (qsizetype start = 0; start < all.size();) {
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        const QByteArrayView line = all.sliced(start, end - start);
        start = end + 1;
        // Publications first: they are nearly all of the traffic.
        const qsizetype pub = line.indexOf(QByteArrayView("\"pub\":"));
        if (pub >= 0) {
            onPublicationData(line.sliced(pub));
        } else if (line == QByteArrayView("{}")) {
            sendFrame(kText, QByteArrayLiteral("{}")); // pong
        } else if (line.contains(QByteArrayView("\"error\":"))) {
            m_runner->error(QStringLiteral("reply %1").arg(codeAfter(line, QByteArrayView("\"code\":"))));
        } else if (line.contains(QByteArrayView("\"id\":2")) && !m_subscribed) {
            m_subscribed = true;
            m_runner->connectionSubscribed(this);
        }
    }
}

void LoadConnection::handleProtobuf(const QByteArray &payload)
{
    const auto *p = reinterpret_cast<const uchar *>(payload.constData());
    const qsizetype size = payload.size();
    qsizetype pos = 0;
    protocol::Reply reply;
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
        if (reply.has_push() && reply.push().has_pub()) {
            const std::string &data = reply.push().pub().data();
            onPublicationData(QByteArrayView(data.data(), qsizetype(data.size())));
        } else if (reply.id() == 0 && !reply.has_push()) {
            sendFrame(kBinary, QByteArray(1, '\0')); // pong: an empty command
        } else if (reply.has_error()) {
            m_runner->error(QStringLiteral("reply %1").arg(reply.error().code()));
        } else if (reply.id() == 2 && !m_subscribed) {
            m_subscribed = true;
            m_runner->connectionSubscribed(this);
        }
    }
}

void LoadConnection::onPublicationData(QByteArrayView data)
{
    const qint64 sent = sentTime(data);
    if (sent >= 0)
        m_runner->delivered(sent);
}

void LoadConnection::sendFrame(int opcode, const QByteArray &payload)
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
    m_socket->write(frame);
}
