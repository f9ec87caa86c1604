#pragma once

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QString>

// Who ended a connection and why, as data: the Session fills one per close, and the explainer, the panel, the
// CLI and the record show it.
struct CloseInfo
{
    Q_DECLARE_TR_FUNCTIONS(CloseInfo)

public:
    enum class Side {
        Unknown,
        Server,    // the server sent a close frame: its code and reason
        Client,    // this client ended it: a close frame it sent, or a handshake it gave up on (rule says which)
        Transport, // the connection was lost without a close frame (1006): socket error says how
    };
    // The rule this client enforced when it closed (Side::Client).
    enum class Rule {
        None,
        UserClose,           // the user (or the CLI run) asked for it
        HandshakeTimeout,    // no answer to the HTTP upgrade in time
        ConnectReplyTimeout, // no reply to connect in time
        PingSilence,         // no ping from the server within its interval plus the tolerance
        InvalidUtf8,         // QWebSocket: a text frame or a close reason that is not UTF-8 (1007)
        ProtocolViolation,   // QWebSocket: a frame that breaks RFC 6455 (1002): over-long control frame, bad code
        MessageTooBig,       // QWebSocket: a message over its size limit (1009)
        ReadTimeout,         // QWebSocket: a frame started and not finished within 5 s (1001)
    };

    Side side = Side::Unknown;
    int code = 0;
    QString reason; // the close frame's reason, or the socket's error text when there was no close frame
    Rule rule = Rule::None;
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    bool hasSocketError = false;
    // A TLS certificate problem: retrying cannot help until the user changes something.
    bool certificateRejected = false;

    // QWebSocket rejected a frame from the server and closed (the frame itself never reached us).
    bool rejectedAFrame() const
    {
        return side == Side::Client && (rule == Rule::InvalidUtf8 || rule == Rule::ProtocolViolation ||
                                        rule == Rule::MessageTooBig || rule == Rule::ReadTimeout);
    }
    // Whether a reconnect can help (false for certificate errors).
    bool retryable() const { return !certificateRejected; }

    // Stable machine names for records and logs: "server", "client", "transport", "unknown".
    static const char *sideName(Side side);
    static Side sideFromName(QStringView name);
    static const char *ruleName(Rule rule);

    // The rule a close that QWebSocket itself sent stands for, judged by its reason text (Qt 6.4 exposes nothing
    // else); Rule::None when the reason is not one of QWebSocket's own.
    static Rule ruleOfQtReason(const QString &reason);
    // The socket error in a few words: "reset by the server", "refused", "timed out", "TLS handshake failed".
    static QString socketErrorWords(QAbstractSocket::SocketError error);
    static QString ruleWords(Rule rule);
};
