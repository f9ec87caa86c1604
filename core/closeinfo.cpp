#include "closeinfo.h"

#include <array>

namespace {

struct QtReason
{
    const char *context;
    const char *source;
    CloseInfo::Rule rule;
};

// The reasons QWebSocket (Qt 6.4) puts in the close frames it sends on its own (qwebsocketdataprocessor.cpp,
// qwebsocketframe.cpp). Those with %1 are compared up to the placeholder.
constexpr std::array<QtReason, 15> kQtReasons = {{
    {"QWebSocketDataProcessor", "Invalid UTF-8 code encountered.", CloseInfo::Rule::InvalidUtf8},
    {"QWebSocketDataProcessor", "Received message is too big.", CloseInfo::Rule::MessageTooBig},
    {"QWebSocketDataProcessor", "Timeout when reading data from socket.", CloseInfo::Rule::ReadTimeout},
    {"QWebSocketDataProcessor", "Invalid close code %1 detected.", CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketDataProcessor", "Payload of close frame is too small.", CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketDataProcessor", "Received Continuation frame, while there is nothing to continue.",
     CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketDataProcessor", "All data frames after the initial data frame must have opcode 0 (continuation).",
     CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketDataProcessor", "Invalid opcode detected: %1", CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketFrame", "Control frame is larger than 125 bytes", CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketFrame", "Control frames cannot be fragmented", CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketFrame", "Rsv field is non-zero", CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketFrame", "Used reserved opcode", CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketFrame", "Highest bit of payload length is not 0.", CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketFrame", "Lengths smaller than 126 must be expressed as one byte.", CloseInfo::Rule::ProtocolViolation},
    {"QWebSocketFrame", "Maximum framesize exceeded.", CloseInfo::Rule::MessageTooBig},
}};

bool matches(const QString &reason, const QString &pattern)
{
    const qsizetype placeholder = pattern.indexOf(QLatin1String("%1"));
    if (placeholder < 0)
        return reason == pattern;
    return reason.startsWith(pattern.left(placeholder)) && reason.endsWith(pattern.mid(placeholder + 2)) &&
           reason.size() > pattern.size() - 2;
}

} // namespace

const char *CloseInfo::sideName(Side side)
{
    switch (side) {
    case Side::Server:
        return "server";
    case Side::Client:
        return "client";
    case Side::Transport:
        return "transport";
    case Side::Unknown:
        break;
    }
    return "unknown";
}

CloseInfo::Side CloseInfo::sideFromName(QStringView name)
{
    for (Side s : {Side::Server, Side::Client, Side::Transport}) {
        if (name == QLatin1String(sideName(s)))
            return s;
    }
    return Side::Unknown;
}

const char *CloseInfo::ruleName(Rule rule)
{
    switch (rule) {
    case Rule::None:
        return "none";
    case Rule::UserClose:
        return "user_close";
    case Rule::HandshakeTimeout:
        return "handshake_timeout";
    case Rule::ConnectReplyTimeout:
        return "connect_reply_timeout";
    case Rule::PingSilence:
        return "no_ping";
    case Rule::InvalidUtf8:
        return "invalid_utf8";
    case Rule::ProtocolViolation:
        return "protocol_violation";
    case Rule::MessageTooBig:
        return "message_too_big";
    case Rule::ReadTimeout:
        return "read_timeout";
    }
    return "none";
}

CloseInfo::Rule CloseInfo::ruleOfQtReason(const QString &reason)
{
    if (reason.isEmpty())
        return Rule::None;
    for (const QtReason &r : kQtReasons) {
        const QString source = QString::fromLatin1(r.source);
        // Both spellings: Qt's own translation may be installed, or not.
        if (matches(reason, source) || matches(reason, QCoreApplication::translate(r.context, r.source)))
            return r.rule;
    }
    return Rule::None;
}

QString CloseInfo::socketErrorWords(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::RemoteHostClosedError:
        return tr("the server's side closed the TCP connection without a WebSocket close frame");
    case QAbstractSocket::ConnectionRefusedError:
        return tr("the connection or the WebSocket upgrade was refused");
    case QAbstractSocket::HostNotFoundError:
        return tr("the host name was not found");
    case QAbstractSocket::SocketTimeoutError:
        return tr("the network operation timed out");
    case QAbstractSocket::NetworkError:
        return tr("the network failed (e.g. the connection was reset)");
    case QAbstractSocket::SslHandshakeFailedError:
        return tr("the TLS handshake failed (e.g. the certificate was not accepted)");
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return tr("TLS failed");
    default:
        break;
    }
    return tr("socket error %1").arg(int(error));
}

QString CloseInfo::ruleWords(Rule rule)
{
    switch (rule) {
    case Rule::None:
        return QString();
    case Rule::UserClose:
        return tr("the close was asked for here");
    case Rule::HandshakeTimeout:
        return tr("the server did not answer the WebSocket handshake in time");
    case Rule::ConnectReplyTimeout:
        return tr("the server did not reply to connect in time");
    case Rule::PingSilence:
        return tr("no ping from the server within its ping interval plus the tolerance");
    case Rule::InvalidUtf8:
        return tr("the server sent text that is not valid UTF-8 (a text frame or a close reason), which WebSocket "
                  "forbids");
    case Rule::ProtocolViolation:
        return tr("the server sent a frame that breaks the WebSocket protocol (RFC 6455), e.g. a close reason "
                  "longer than 123 bytes or an invalid close code");
    case Rule::MessageTooBig:
        return tr("the server sent a message larger than the WebSocket layer accepts");
    case Rule::ReadTimeout:
        return tr("a frame from the server started but did not finish within 5 s");
    }
    return QString();
}
