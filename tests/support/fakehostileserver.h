#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <functional>

// A FAKE Centrifugo server for hostile tests: it speaks raw WebSocket on 127.0.0.1 (a free port) and writes
// whatever bytes a test asks for, including what a real Centrifugo never sends (bad frames, bad opcodes,
// truncated frames, broken close frames, wrong HTTP answers, stalls, TCP resets). Everything a real server does
// is tested against the real Centrifugo (CentrifugoServer); use this only for misbehaviour.
//
//   FakeHostileServer fake;
//   QVERIFY(fake.listen());
//   fake.setAutoConnectReply(true);                 // answer the client's connect command
//   session.open(options with url = fake.url());
//   QTRY_COMPARE(session.state(), Session::State::Connected);
//   fake.sendText("not json at all");               // one text frame
//   fake.sendRaw(FakeHostileServer::frame(FakeHostileServer::Text, "{\"push\":").left(5)); // half a frame
//   fake.sendClose(1000, QByteArray(200, 'x'));     // a close reason longer than the 123 bytes allowed
//   fake.resetClient();                             // TCP RST
//
// One client at a time: a new connection replaces the current one (after a reconnect the test talks to the new
// one; connectionCount() tells how many there were). Lives in the test's thread: its writes are sent while the
// test waits (QTRY_*, QSignalSpy::wait).
class FakeHostileServer : public QObject
{
    Q_OBJECT

public:
    // WebSocket opcodes (RFC 6455 5.2); any other value 0..15 may be passed to frame() too.
    enum Opcode : quint8 { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };

    // How the server answers the client's HTTP upgrade request.
    enum class Handshake {
        Upgrade, // "101 Switching Protocols" with a correct Sec-WebSocket-Accept (and the first subprotocol asked for)
        Never,   // accepts TCP and reads the request, then answers nothing
        Custom,  // writes the bytes given to setHandshake() as they are (e.g. "HTTP/1.1 200 OK ..."), nothing else
    };

    // One message from the client, unmasked; continuation frames are joined to their first frame.
    struct ClientMessage
    {
        quint8 opcode = Text;
        QByteArray payload;
    };

    explicit FakeHostileServer(QObject *parent = nullptr);
    ~FakeHostileServer() override;

    // Listens on 127.0.0.1 and a free port. False if that fails.
    bool listen();
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const;
    // ws://127.0.0.1:PORT/connection/websocket
    QUrl url() const;
    // Closes the listening socket: further connection attempts are refused. The current client stays.
    void stopListening();

    // Default Upgrade. For Custom, response is written verbatim once the request is read.
    void setHandshake(Handshake mode, const QByteArray &response = {});
    // On: each connect command in the client's data messages gets a minimal successful connect reply (JSON or
    // Protobuf, as the command came; client "fake-client", version "0.0.0-fake", no ping). Off by default.
    void setAutoConnectReply(bool on) { m_autoConnectReply = on; }
    // On (default): a client close frame is answered with a close frame of the same code, then TCP is closed;
    // a client ping frame with a pong. Off: control frames are only recorded.
    void setAnswerControlFrames(bool on) { m_answerControl = on; }
    // Called for every client message (data and control), after the automatic replies. May call send*().
    void setMessageHandler(std::function<void(const ClientMessage &)> handler) { m_handler = std::move(handler); }

    // The current client.
    bool hasClient() const;
    bool isUpgraded() const { return m_upgraded; }
    int connectionCount() const { return m_connections; }
    QByteArray handshakeRequest() const { return m_request; } // the client's raw HTTP request
    QList<ClientMessage> received() const { return m_received; }
    // Data messages (text and binary) of the current client, in order.
    QList<QByteArray> receivedData() const;
    // The connect command's id in a JSON or Protobuf data message, 0 if it holds none.
    static quint32 connectCommandId(const QByteArray &payload, bool binary);

    // One WebSocket frame with exactly these fields: any opcode, FIN bit, RSV bits (0..7), optional masking (a
    // server must not mask). The length is encoded in the shortest form.
    static QByteArray frame(quint8 opcode, const QByteArray &payload, bool fin = true, bool masked = false,
                            quint8 rsv = 0);
    // Only the header of an unmasked frame announcing length payload bytes (to stream a huge payload after it, or
    // to announce more than will ever come).
    static QByteArray frameHeader(quint8 opcode, quint64 length, bool fin = true, quint8 rsv = 0);
    // The payload of a close frame: 2-byte code (any value, even invalid ones) and the reason (any length).
    static QByteArray closePayload(int code, const QByteArray &reason);
    // A minimal successful connect reply to command id, in JSON ({"id":N,"connect":{...}}) or Protobuf
    // (varint-length-prefixed Reply).
    static QByteArray connectReply(quint32 id, bool binary);

    // Writes bytes to the current client exactly as given.
    void sendRaw(const QByteArray &bytes);
    void sendText(const QByteArray &payload) { sendRaw(frame(Text, payload)); }
    void sendBinary(const QByteArray &payload) { sendRaw(frame(Binary, payload)); }
    // A close frame with this code and reason; code < 0 sends a close frame with an empty payload.
    void sendClose(int code, const QByteArray &reason = {});
    // Writes pieces 0..count-1 (each any bytes: whole frames, several, or part of one) as fast as the client
    // reads them, with at most about 1 MB queued in this process, so a flood or a huge frame does not count
    // towards the test's memory. streamFinished() once all are written.
    void sendStream(qint64 count, std::function<QByteArray(qint64 index)> piece);
    qint64 streamedPieces() const { return m_streamNext; }
    bool isStreaming() const { return m_streamNext < m_streamCount; }

    // Closes TCP without a close frame (FIN).
    void disconnectClient();
    // Resets TCP (SO_LINGER 0, then close: the client sees "connection reset by peer").
    void resetClient();

signals:
    void clientConnected(); // TCP accepted
    void handshakeReceived(const QByteArray &request);
    void upgraded();
    void messageReceived(quint8 opcode, const QByteArray &payload);
    void clientDisconnected();
    void streamFinished();

private:
    void onNewConnection();
    void onReadyRead();
    void onBytesWritten();
    void answerHandshake();
    void parseFrames();
    void handleMessage(const ClientMessage &message);
    void pumpStream();

    QTcpServer m_server;
    QPointer<QTcpSocket> m_client;
    Handshake m_handshake = Handshake::Upgrade;
    QByteArray m_customResponse;
    bool m_autoConnectReply = false;
    bool m_answerControl = true;
    std::function<void(const ClientMessage &)> m_handler;
    int m_connections = 0;
    bool m_upgraded = false;
    bool m_requestDone = false;
    QByteArray m_request;
    QByteArray m_buffer;
    quint8 m_fragmentOpcode = Text;
    QByteArray m_fragment;
    bool m_inFragment = false;
    QList<ClientMessage> m_received;
    qint64 m_streamCount = 0;
    qint64 m_streamNext = 0;
    std::function<QByteArray(qint64)> m_streamPiece;
};
