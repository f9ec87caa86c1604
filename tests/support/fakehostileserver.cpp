#include "fakehostileserver.h"

#include "testsupport.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <sys/socket.h>

namespace {

// Bytes queued in the socket before sendStream() waits for the client to read.
constexpr qint64 kStreamQueueBytes = 1024 * 1024;

void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

// Reads a varint at pos; false when it is cut off or longer than 10 bytes.
bool readVarint(const QByteArray &in, qsizetype &pos, quint64 &value)
{
    value = 0;
    for (int shift = 0; shift < 70 && pos < in.size(); shift += 7) {
        const auto byte = quint8(in.at(pos++));
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

void appendField(QByteArray &out, int field, const QByteArray &bytes)
{
    appendVarint(out, quint64(field) << 3 | 2);
    appendVarint(out, quint64(bytes.size()));
    out.append(bytes);
}

// The id of a Protobuf Command that has a connect field (4), else 0. Skips unknown fields.
quint32 protobufConnectId(const QByteArray &command)
{
    quint32 id = 0;
    bool connect = false;
    qsizetype pos = 0;
    while (pos < command.size()) {
        quint64 key = 0;
        if (!readVarint(command, pos, key))
            return 0;
        const int field = int(key >> 3);
        switch (key & 7) {
        case 0: {
            quint64 v = 0;
            if (!readVarint(command, pos, v))
                return 0;
            if (field == 1)
                id = quint32(v);
            break;
        }
        case 2: {
            quint64 len = 0;
            if (!readVarint(command, pos, len) || len > quint64(command.size() - pos))
                return 0;
            pos += qsizetype(len);
            connect = connect || field == 4;
            break;
        }
        case 1:
            pos += 8;
            break;
        case 5:
            pos += 4;
            break;
        default:
            return 0;
        }
    }
    return connect ? id : 0;
}

} // namespace

FakeHostileServer::FakeHostileServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHostileServer::onNewConnection);
}

FakeHostileServer::~FakeHostileServer()
{
    if (m_client)
        m_client->abort();
}

bool FakeHostileServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FakeHostileServer::port() const
{
    return m_server.serverPort();
}

QUrl FakeHostileServer::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(port()));
}

void FakeHostileServer::stopListening()
{
    m_server.close();
}

void FakeHostileServer::setHandshake(Handshake mode, const QByteArray &response)
{
    m_handshake = mode;
    m_customResponse = response;
}

bool FakeHostileServer::hasClient() const
{
    return m_client && m_client->state() == QAbstractSocket::ConnectedState;
}

QList<QByteArray> FakeHostileServer::receivedData() const
{
    QList<QByteArray> out;
    for (const ClientMessage &m : m_received) {
        if (m.opcode == Text || m.opcode == Binary)
            out.append(m.payload);
    }
    return out;
}

void FakeHostileServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_client) {
            m_client->disconnect(this);
            m_client->abort();
            m_client->deleteLater();
        }
        m_client = socket;
        ++m_connections;
        m_upgraded = false;
        m_requestDone = false;
        m_request.clear();
        m_buffer.clear();
        m_fragment.clear();
        m_inFragment = false;
        m_received.clear();
        m_streamCount = m_streamNext = 0;
        m_streamPiece = nullptr;
        connect(socket, &QTcpSocket::readyRead, this, &FakeHostileServer::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &FakeHostileServer::onBytesWritten);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
            if (socket == m_client)
                emit clientDisconnected();
        });
        emit clientConnected();
    }
}

void FakeHostileServer::onReadyRead()
{
    if (!m_client)
        return;
    m_buffer.append(m_client->readAll());
    if (!m_requestDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_request = m_buffer.left(end + 4);
        m_buffer.remove(0, end + 4);
        m_requestDone = true;
        emit handshakeReceived(m_request);
        answerHandshake();
    }
    if (m_upgraded)
        parseFrames();
}

void FakeHostileServer::answerHandshake()
{
    if (m_handshake == Handshake::Never)
        return;
    if (m_handshake == Handshake::Custom) {
        sendRaw(m_customResponse);
        return;
    }
    QByteArray key;
    QByteArray protocol;
    for (const QByteArray &line : m_request.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "sec-websocket-key")
            key = value;
        else if (name == "sec-websocket-protocol" && protocol.isEmpty())
            protocol = value.split(',').constFirst().trimmed();
    }
    const QByteArray keyAndGuid = key + QByteArrayLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    const QByteArray accept = QCryptographicHash::hash(keyAndGuid, QCryptographicHash::Sha1).toBase64();
    QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
    response += "Sec-WebSocket-Accept: " + accept + "\r\n";
    if (!protocol.isEmpty())
        response += "Sec-WebSocket-Protocol: " + protocol + "\r\n";
    response += "\r\n";
    sendRaw(response);
    m_upgraded = true;
    emit upgraded();
}

void FakeHostileServer::parseFrames()
{
    for (;;) {
        if (m_buffer.size() < 2)
            return;
        const auto b0 = quint8(m_buffer.at(0));
        const auto b1 = quint8(m_buffer.at(1));
        qsizetype pos = 2;
        quint64 length = b1 & 0x7f;
        if (length == 126) {
            if (m_buffer.size() < pos + 2)
                return;
            length = qFromBigEndian<quint16>(m_buffer.constData() + pos);
            pos += 2;
        } else if (length == 127) {
            if (m_buffer.size() < pos + 8)
                return;
            length = qFromBigEndian<quint64>(m_buffer.constData() + pos);
            pos += 8;
        }
        const bool masked = b1 & 0x80;
        QByteArray mask;
        if (masked) {
            if (m_buffer.size() < pos + 4)
                return;
            mask = m_buffer.mid(pos, 4);
            pos += 4;
        }
        if (quint64(m_buffer.size() - pos) < length)
            return;
        QByteArray payload = m_buffer.mid(pos, qsizetype(length));
        m_buffer.remove(0, pos + qsizetype(length));
        if (masked) {
            for (qsizetype i = 0; i < payload.size(); ++i)
                payload[i] = char(payload.at(i) ^ mask.at(i % 4));
        }
        const quint8 opcode = b0 & 0x0f;
        const bool fin = b0 & 0x80;
        if (opcode >= Close) { // control frames are never fragmented
            handleMessage({opcode, payload});
        } else if (opcode == Continuation) {
            m_fragment.append(payload);
            if (fin && m_inFragment) {
                m_inFragment = false;
                handleMessage({m_fragmentOpcode, m_fragment});
                m_fragment.clear();
            }
        } else if (!fin) {
            m_inFragment = true;
            m_fragmentOpcode = opcode;
            m_fragment = payload;
        } else {
            handleMessage({opcode, payload});
        }
        if (!m_client)
            return;
    }
}

void FakeHostileServer::handleMessage(const ClientMessage &message)
{
    m_received.append(message);
    if (message.opcode == Close && m_answerControl) {
        const int code = message.payload.size() >= 2 ? qFromBigEndian<quint16>(message.payload.constData()) : -1;
        sendClose(code);
        disconnectClient();
    } else if (message.opcode == Ping && m_answerControl) {
        sendRaw(frame(Pong, message.payload));
    } else if (m_autoConnectReply && (message.opcode == Text || message.opcode == Binary)) {
        const bool binary = message.opcode == Binary;
        // JSON commands are separated by newlines; Protobuf ones are varint-length-prefixed.
        if (binary) {
            qsizetype pos = 0;
            quint64 len = 0;
            while (pos < message.payload.size() && readVarint(message.payload, pos, len) &&
                   len <= quint64(message.payload.size() - pos)) {
                const quint32 id = protobufConnectId(message.payload.mid(pos, qsizetype(len)));
                if (id)
                    sendBinary(connectReply(id, true));
                pos += qsizetype(len);
            }
        } else {
            for (const QByteArray &line : message.payload.split('\n')) {
                const quint32 id = connectCommandId(line, false);
                if (id)
                    sendText(connectReply(id, false));
            }
        }
    }
    emit messageReceived(message.opcode, message.payload);
    if (m_handler)
        m_handler(message);
}

quint32 FakeHostileServer::connectCommandId(const QByteArray &payload, bool binary)
{
    if (binary) {
        qsizetype pos = 0;
        quint64 len = 0;
        if (!readVarint(payload, pos, len) || len > quint64(payload.size() - pos))
            return 0;
        return protobufConnectId(payload.mid(pos, qsizetype(len)));
    }
    const QJsonObject command = QJsonDocument::fromJson(payload).object();
    if (!command.contains(QLatin1String("connect")))
        return 0;
    return quint32(command.value(QLatin1String("id")).toInteger());
}

QByteArray FakeHostileServer::connectReply(quint32 id, bool binary)
{
    if (!binary) {
        return "{\"id\":" + QByteArray::number(id) +
               ",\"connect\":{\"client\":\"fake-client\",\"version\":\"0.0.0-fake\",\"ping\":0,\"pong\":false}}";
    }
    QByteArray result;
    appendField(result, 1, "fake-client");
    appendField(result, 2, "0.0.0-fake");
    QByteArray reply;
    appendVarint(reply, 1 << 3); // id, varint
    appendVarint(reply, id);
    appendField(reply, 5, result);
    QByteArray out;
    appendVarint(out, quint64(reply.size()));
    return out + reply;
}

QByteArray FakeHostileServer::frameHeader(quint8 opcode, quint64 length, bool fin, quint8 rsv)
{
    QByteArray out;
    out.append(char((fin ? 0x80 : 0) | (rsv & 7) << 4 | (opcode & 0x0f)));
    if (length < 126) {
        out.append(char(length));
    } else if (length <= 0xffff) {
        out.append(char(126));
        char len[2];
        qToBigEndian<quint16>(quint16(length), len);
        out.append(len, 2);
    } else {
        out.append(char(127));
        char len[8];
        qToBigEndian<quint64>(length, len);
        out.append(len, 8);
    }
    return out;
}

QByteArray FakeHostileServer::frame(quint8 opcode, const QByteArray &payload, bool fin, bool masked, quint8 rsv)
{
    QByteArray out = frameHeader(opcode, quint64(payload.size()), fin, rsv);
    if (!masked)
        return out + payload;
    out[1] = char(out.at(1) | 0x80);
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    out.append(mask, 4);
    QByteArray body = payload;
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char(body.at(i) ^ mask[i % 4]);
    return out + body;
}

QByteArray FakeHostileServer::closePayload(int code, const QByteArray &reason)
{
    if (code < 0)
        return {};
    char bytes[2];
    qToBigEndian<quint16>(quint16(code), bytes);
    return QByteArray(bytes, 2) + reason;
}

void FakeHostileServer::sendRaw(const QByteArray &bytes)
{
    if (m_client)
        m_client->write(bytes);
}

void FakeHostileServer::sendClose(int code, const QByteArray &reason)
{
    sendRaw(frame(Close, closePayload(code, reason)));
}

void FakeHostileServer::sendStream(qint64 count, std::function<QByteArray(qint64)> piece)
{
    m_streamCount = count;
    m_streamNext = 0;
    m_streamPiece = std::move(piece);
    pumpStream();
}

void FakeHostileServer::onBytesWritten()
{
    if (isStreaming())
        pumpStream();
}

void FakeHostileServer::pumpStream()
{
    if (!m_client || !m_streamPiece)
        return;
    while (m_streamNext < m_streamCount && m_client->bytesToWrite() < kStreamQueueBytes)
        m_client->write(m_streamPiece(m_streamNext++));
    if (m_streamNext == m_streamCount) {
        m_streamPiece = nullptr;
        emit streamFinished();
    }
}

void FakeHostileServer::disconnectClient()
{
    if (m_client)
        m_client->disconnectFromHost();
}

void FakeHostileServer::resetClient()
{
    if (!m_client)
        return;
    const struct linger lingerOff = {1, 0};
    ::setsockopt(int(m_client->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lingerOff, sizeof lingerOff);
    m_client->abort();
}
