#include "explainer.h"

#include "protocol.h"

#include <QJsonArray>

#include <map>

using Advice = CodeExplanation::Advice;
using Kind = CodeExplanation::Kind;
using Protocol::MessageKind;

namespace {

struct Entry
{
    const char *name;
    const char *meaning;
    Advice advice;
};

// Text is translated at lookup time via the Explainer context, so these are marked with QT_TRANSLATE_NOOP.
const std::map<int, Entry> &errorTable()
{
    static const std::map<int, Entry> table = {
        {100,
         {QT_TRANSLATE_NOOP("Explainer", "internal server error"),
          QT_TRANSLATE_NOOP("Explainer", "The server failed to handle the command; this is temporary."),
          Advice::Retry}},
        {101,
         {QT_TRANSLATE_NOOP("Explainer", "unauthorized"),
          QT_TRANSLATE_NOOP("Explainer", "The connection is not authenticated for this command."), Advice::Stop}},
        {102,
         {QT_TRANSLATE_NOOP("Explainer", "unknown channel"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The channel's namespace (the part before ':') is not configured on the server."),
          Advice::Stop}},
        {103,
         {QT_TRANSLATE_NOOP("Explainer", "permission denied"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The server does not allow this operation on the channel for this user: check the "
                            "namespace's allow_* options (anonymous users need both allow_*_for_client and "
                            "allow_*_for_anonymous), or use a subscription token for private ($) channels."),
          Advice::Stop}},
        {104,
         {QT_TRANSLATE_NOOP("Explainer", "method not found"),
          QT_TRANSLATE_NOOP("Explainer", "The server has no handler for this method (for RPC: unknown method)."),
          Advice::Stop}},
        {105,
         {QT_TRANSLATE_NOOP("Explainer", "already subscribed"),
          QT_TRANSLATE_NOOP("Explainer", "This connection is already subscribed to the channel."), Advice::None}},
        {106,
         {QT_TRANSLATE_NOOP("Explainer", "limit exceeded"),
          QT_TRANSLATE_NOOP("Explainer",
                            "A server limit was reached, for example the number of channels per connection."),
          Advice::Stop}},
        {107,
         {QT_TRANSLATE_NOOP("Explainer", "bad request"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The command is well-formed but its values are not acceptable: a channel name "
                            "that is too long, not ASCII or not matching the channel regex, a publish without "
                            "data, or history with reverse and a zero since.offset."),
          Advice::Stop}},
        {108,
         {QT_TRANSLATE_NOOP("Explainer", "not available"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The feature is off for this channel or server: presence needs presence: true, "
                            "history needs history_size and history_ttl, RPC needs an RPC proxy."),
          Advice::Stop}},
        {109,
         {QT_TRANSLATE_NOOP("Explainer", "token expired"),
          QT_TRANSLATE_NOOP("Explainer", "The token has expired: get a new token and try again."), Advice::Retry}},
        {110,
         {QT_TRANSLATE_NOOP("Explainer", "expired"),
          QT_TRANSLATE_NOOP("Explainer", "The connection or subscription has expired."), Advice::Reconnect}},
        {111,
         {QT_TRANSLATE_NOOP("Explainer", "too many requests"),
          QT_TRANSLATE_NOOP("Explainer", "The server limits the command rate; slow down and retry."), Advice::Retry}},
        {112,
         {QT_TRANSLATE_NOOP("Explainer", "unrecoverable position"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The server cannot continue from the given offset and epoch (the stream was reset or "
                            "the publications are gone); load the state again."),
          Advice::Resubscribe}},
        {113,
         {QT_TRANSLATE_NOOP("Explainer", "concurrent pagination"),
          QT_TRANSLATE_NOOP("Explainer", "Another pagination request is running; this is temporary."), Advice::Retry}},
    };
    return table;
}

const std::map<int, Entry> &disconnectTable()
{
    static const std::map<int, Entry> table = {
        {1000,
         {QT_TRANSLATE_NOOP("Explainer", "normal closure"),
          QT_TRANSLATE_NOOP("Explainer", "The WebSocket was closed normally."), Advice::None}},
        {1001,
         {QT_TRANSLATE_NOOP("Explainer", "going away"),
          QT_TRANSLATE_NOOP("Explainer", "The peer is going away, for example a server restart."), Advice::Reconnect}},
        {1006,
         {QT_TRANSLATE_NOOP("Explainer", "abnormal closure"),
          QT_TRANSLATE_NOOP("Explainer", "The connection dropped without a close frame: a network failure, the "
                                         "server process died, or (Centrifugo) about 5 s after a connect error "
                                         "reply such as 109."),
          Advice::Reconnect}},
        {1009,
         {QT_TRANSLATE_NOOP("Explainer", "message too big"),
          QT_TRANSLATE_NOOP("Explainer", "A frame exceeded the server's websocket.message_size_limit (65536 bytes by "
                                         "default)."),
          Advice::Stop}},
        {3000,
         {QT_TRANSLATE_NOOP("Explainer", "connection closed"),
          QT_TRANSLATE_NOOP("Explainer", "The connection was closed."), Advice::Reconnect}},
        {3001,
         {QT_TRANSLATE_NOOP("Explainer", "shutdown"), QT_TRANSLATE_NOOP("Explainer", "The server is shutting down."),
          Advice::Reconnect}},
        {3004,
         {QT_TRANSLATE_NOOP("Explainer", "internal server error"),
          QT_TRANSLATE_NOOP("Explainer", "The server hit an internal error."), Advice::Reconnect}},
        {3005,
         {QT_TRANSLATE_NOOP("Explainer", "connection expired"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The connection's token expired and was not refreshed in time; reconnect with a "
                            "fresh token."),
          Advice::Reconnect}},
        {3006,
         {QT_TRANSLATE_NOOP("Explainer", "subscription expired"),
          QT_TRANSLATE_NOOP("Explainer", "A server-side subscription expired."), Advice::Reconnect}},
        {3008,
         {QT_TRANSLATE_NOOP("Explainer", "slow"),
          QT_TRANSLATE_NOOP("Explainer", "The client read too slowly and the server's queue for it overflowed "
                                         "(client.queue_max_size)."),
          Advice::Reconnect}},
        {3009,
         {QT_TRANSLATE_NOOP("Explainer", "write error"),
          QT_TRANSLATE_NOOP("Explainer", "The server could not write to the connection."), Advice::Reconnect}},
        {3010,
         {QT_TRANSLATE_NOOP("Explainer", "insufficient state"),
          QT_TRANSLATE_NOOP("Explainer", "The server found a gap in a positioned server-side subscription's stream."),
          Advice::Reconnect}},
        {3011,
         {QT_TRANSLATE_NOOP("Explainer", "force reconnect"),
          QT_TRANSLATE_NOOP("Explainer", "The server asked the client to reconnect."), Advice::Reconnect}},
        {3012,
         {QT_TRANSLATE_NOOP("Explainer", "no pong"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The client did not answer the server's ping with a pong (an empty message: {} in "
                            "JSON, the byte 00 in Protobuf) within the pong timeout (8 s in Centrifugo)."),
          Advice::Reconnect}},
        {3013,
         {QT_TRANSLATE_NOOP("Explainer", "too many requests"),
          QT_TRANSLATE_NOOP("Explainer", "The client sent commands faster than the server allows."),
          Advice::Reconnect}},
        {3014,
         {QT_TRANSLATE_NOOP("Explainer", "state invalidated"),
          QT_TRANSLATE_NOOP("Explainer", "Drop the token and cached state, then reconnect."), Advice::Reconnect}},
        {3500,
         {QT_TRANSLATE_NOOP("Explainer", "invalid token"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The token is malformed or its signature does not match the server's secret, or a "
                            "subscription token's channel, user or client does not match."),
          Advice::Stop}},
        {3501,
         {QT_TRANSLATE_NOOP("Explainer", "bad request"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The server could not accept a command: invalid JSON, a command without a known "
                            "method (such as {\"id\":2}), a command before connect or a second connect, an "
                            "empty channel, or a stray {} when no ping was outstanding."),
          Advice::Stop}},
        {3502,
         {QT_TRANSLATE_NOOP("Explainer", "stale"),
          QT_TRANSLATE_NOOP("Explainer", "The client did not send connect within the server's stale delay (10 s by "
                                         "default)."),
          Advice::Stop}},
        {3503,
         {QT_TRANSLATE_NOOP("Explainer", "force disconnect"),
          QT_TRANSLATE_NOOP("Explainer", "The server disconnected the client on purpose (for example via the "
                                         "server API's disconnect)."),
          Advice::Stop}},
        {3504,
         {QT_TRANSLATE_NOOP("Explainer", "connection limit"),
          QT_TRANSLATE_NOOP("Explainer", "The user has too many connections."), Advice::Stop}},
        {3505,
         {QT_TRANSLATE_NOOP("Explainer", "channel limit"),
          QT_TRANSLATE_NOOP("Explainer", "The connection reached the server's channel limit."), Advice::Stop}},
        {3506,
         {QT_TRANSLATE_NOOP("Explainer", "inappropriate protocol"),
          QT_TRANSLATE_NOOP("Explainer", "The data cannot be sent in this protocol, for example binary data to a JSON "
                                         "client."),
          Advice::Stop}},
        {3507,
         {QT_TRANSLATE_NOOP("Explainer", "permission denied"),
          QT_TRANSLATE_NOOP("Explainer", "The server refused the connection for this user."), Advice::Stop}},
        {3508,
         {QT_TRANSLATE_NOOP("Explainer", "not available"),
          QT_TRANSLATE_NOOP("Explainer",
                            "The command is not available on this server, for example an asynchronous send "
                            "without a message handler."),
          Advice::Stop}},
        {3509,
         {QT_TRANSLATE_NOOP("Explainer", "too many errors"),
          QT_TRANSLATE_NOOP("Explainer", "The client caused too many errors."), Advice::Stop}},
    };
    return table;
}

const std::map<int, Entry> &unsubscribeTable()
{
    static const std::map<int, Entry> table = {
        {2000,
         {QT_TRANSLATE_NOOP("Explainer", "server unsubscribe"),
          QT_TRANSLATE_NOOP("Explainer", "The server unsubscribed the client from the channel (for example "
                                         "via the server API)."),
          Advice::Stop}},
        {2500,
         {QT_TRANSLATE_NOOP("Explainer", "insufficient state"),
          QT_TRANSLATE_NOOP("Explainer", "The server found a gap in the positioned stream."), Advice::Resubscribe}},
        {2501,
         {QT_TRANSLATE_NOOP("Explainer", "subscription expired"),
          QT_TRANSLATE_NOOP("Explainer", "The subscription token expired and was not refreshed."),
          Advice::Resubscribe}},
        {2502,
         {QT_TRANSLATE_NOOP("Explainer", "state invalidated"),
          QT_TRANSLATE_NOOP("Explainer", "Drop cached state and subscribe again."), Advice::Resubscribe}},
    };
    return table;
}

CodeExplanation lookup(const std::map<int, Entry> &table, Kind kind, int code)
{
    CodeExplanation e;
    e.kind = kind;
    e.code = code;
    const auto it = table.find(code);
    if (it != table.end()) {
        e.known = true;
        e.name = Explainer::tr(it->second.name);
        e.meaning = Explainer::tr(it->second.meaning);
        e.advice = it->second.advice;
    }
    return e;
}

QList<int> keys(const std::map<int, Entry> &table)
{
    QList<int> out;
    for (const auto &kv : table)
        out.append(kv.first);
    return out;
}

} // namespace

QString CodeExplanation::adviceText() const
{
    switch (advice) {
    case Advice::Retry:
        return Explainer::tr("A client may retry.");
    case Advice::Reconnect:
        return Explainer::tr("A client should reconnect.");
    case Advice::Resubscribe:
        return Explainer::tr("A client should subscribe again.");
    case Advice::Stop:
        return Explainer::tr("A client should not retry without changing something.");
    case Advice::None:
        break;
    }
    return {};
}

QString CodeExplanation::sentence() const
{
    if (!known)
        return meaning;
    QString s = QString::number(code) + QLatin1Char(' ') + name + QLatin1String(": ") + meaning;
    const QString a = adviceText();
    if (!a.isEmpty())
        s += QLatin1Char(' ') + a;
    return s;
}

CodeExplanation Explainer::error(int code)
{
    CodeExplanation e = lookup(errorTable(), Kind::Error, code);
    if (!e.known) {
        e.name = tr("application error");
        e.meaning = code >= 400 && code <= 1999
                        ? tr("Error %1 is in the range 400-1999 that applications (proxies) use; its meaning is "
                             "defined by the application.")
                              .arg(code)
                        : tr("Error %1 is not defined by the protocol.").arg(code);
    }
    return e;
}

CodeExplanation Explainer::disconnect(int code)
{
    CodeExplanation e = lookup(disconnectTable(), Kind::Disconnect, code);
    if (e.known)
        return e;
    if (code < 3000) {
        e.name = tr("WebSocket close");
        e.meaning = tr("Close code %1 is a WebSocket transport code, not a Centrifugo disconnect.").arg(code);
        e.advice = Advice::Reconnect;
    } else if ((code >= 3000 && code < 3500) || (code >= 4000 && code < 4500) || code >= 5000) {
        e.name = tr("reconnect");
        e.meaning = tr("Close code %1 is in a reconnect range (3000-3499, 4000-4499, 5000+); application codes are "
                       "4000-4999.")
                        .arg(code);
        e.advice = Advice::Reconnect;
    } else {
        e.name = tr("terminal");
        e.meaning = tr("Close code %1 is in a terminal range (3500-3999, 4500-4999); application codes are 4000-4999.")
                        .arg(code);
        e.advice = Advice::Stop;
    }
    return e;
}

CodeExplanation Explainer::unsubscribe(int code)
{
    CodeExplanation e = lookup(unsubscribeTable(), Kind::Unsubscribe, code);
    if (!e.known) {
        e.name = tr("unsubscribe");
        e.meaning = tr("Unsubscribe code %1 is not defined by the protocol; codes from 2500 up mean subscribe again.")
                        .arg(code);
        e.advice = code >= 2500 ? Advice::Resubscribe : Advice::Stop;
    }
    return e;
}

QList<int> Explainer::knownErrorCodes()
{
    return keys(errorTable());
}

QList<int> Explainer::knownDisconnectCodes()
{
    return keys(disconnectTable());
}

QList<int> Explainer::knownUnsubscribeCodes()
{
    return keys(unsubscribeTable());
}

QString Explainer::describeReply(const ProtocolMessage &m)
{
    const QJsonObject r = m.json().value(Protocol::methodName(m.method)).toObject();
    switch (m.method) {
    case Protocol::Method::Connect: {
        QString s = tr("Connected as client %1 to server %2.")
                        .arg(r.value(QLatin1String("client")).toString(), r.value(QLatin1String("version")).toString());
        if (r.contains(QLatin1String("ping")))
            s += QLatin1Char(' ') + (r.value(QLatin1String("pong")).toBool()
                                         ? tr("The server pings every %1 s and expects a pong each time.")
                                         : tr("The server pings every %1 s; no pong needed."))
                                        .arg(r.value(QLatin1String("ping")).toInt());
        if (r.value(QLatin1String("expires")).toBool())
            s += QLatin1Char(' ') +
                 tr("The token expires in %1 s: refresh before then.").arg(r.value(QLatin1String("ttl")).toInt());
        return s;
    }
    case Protocol::Method::Subscribe: {
        const QString channel = m.channel.isEmpty() ? tr("the channel") : m.channel;
        if (r.value(QLatin1String("was_recovering")).toBool()) {
            const int n = int(r.value(QLatin1String("publications")).toArray().size());
            // The server omits "recovered" when it is false.
            return r.value(QLatin1String("recovered")).toBool()
                       ? tr("Subscribed to %1 again and recovered %n missed publication(s).", nullptr, n).arg(channel)
                       : tr("Subscribed to %1 again, but the missed publications could not be recovered (stream "
                            "reset or too old): load the state again.")
                             .arg(channel);
        }
        QString s = tr("Subscribed to %1.").arg(channel);
        if (r.value(QLatin1String("recoverable")).toBool())
            s += QLatin1Char(' ') + tr("Recoverable at offset %1, epoch %2.")
                                        .arg(r.value(QLatin1String("offset")).toInteger())
                                        .arg(r.value(QLatin1String("epoch")).toString());
        return s;
    }
    case Protocol::Method::History: {
        const int n = int(r.value(QLatin1String("publications")).toArray().size());
        return tr("History: %n publication(s); the stream is at offset %1, epoch %2.", nullptr, n)
            .arg(r.value(QLatin1String("offset")).toInteger())
            .arg(r.value(QLatin1String("epoch")).toString());
    }
    case Protocol::Method::Presence: {
        const int n = int(r.value(QLatin1String("presence")).toObject().size());
        return tr("Presence: %n client(s) subscribed.", nullptr, n);
    }
    case Protocol::Method::PresenceStats:
        return tr("Presence stats: %1 client(s), %2 user(s).")
            .arg(r.value(QLatin1String("num_clients")).toInt())
            .arg(r.value(QLatin1String("num_users")).toInt());
    case Protocol::Method::Refresh:
    case Protocol::Method::SubRefresh:
        return r.value(QLatin1String("expires")).toBool()
                   ? tr("Token refreshed; it expires in %1 s.").arg(r.value(QLatin1String("ttl")).toInt())
                   : tr("Token refreshed; it does not expire.");
    case Protocol::Method::None:
        return tr("Reply to command %1 with an empty result.").arg(m.id);
    default:
        break;
    }
    return tr("Reply to command %1 (%2): done.").arg(m.id).arg(QString(Protocol::methodName(m.method)));
}

QString Explainer::describe(const ProtocolMessage &m)
{
    const QString method = QString(Protocol::methodName(m.method));
    switch (m.kind) {
    case MessageKind::Invalid:
        return tr("Not a valid protocol message: %1").arg(m.text);
    case MessageKind::Command:
        if (m.method == Protocol::Method::None)
            return tr("Command %1 has no method: the server closes the connection with 3501 bad request.").arg(m.id);
        return m.channel.isEmpty() ? tr("Command %1 \"%2\".").arg(m.id).arg(method)
                                   : tr("Command %1 \"%2\" on channel %3.").arg(m.id).arg(method, m.channel);
    case MessageKind::Reply:
        return describeReply(m);
    case MessageKind::Error:
        return tr("Error reply to command %1: %2").arg(m.id).arg(error(m.code).sentence());
    case MessageKind::Ping:
        return tr("Server ping (an empty message: {} in JSON, the byte 00 in Protobuf): answer with the same "
                  "empty message (a pong) when connect returned pong: true, or the server closes the connection with "
                  "3012 no pong.");
    case MessageKind::Pong:
        return tr("Pong: the answer to the server's ping. A pong without an outstanding ping is a bad request (3501).");
    case MessageKind::Disconnect: {
        const CodeExplanation e = disconnect(m.code);
        QString s = tr("Connection closed with code %1").arg(m.code);
        if (!m.text.isEmpty())
            s += tr(", reason \"%1\"").arg(m.text);
        return s + QLatin1String(". ") + e.sentence();
    }
    case MessageKind::Push:
        break;
    }
    switch (m.push) {
    case Protocol::PushType::Pub:
        return tr("Publication in channel %1.").arg(m.channel);
    case Protocol::PushType::Join:
        return tr("A client joined channel %1.").arg(m.channel);
    case Protocol::PushType::Leave:
        return tr("A client left channel %1.").arg(m.channel);
    case Protocol::PushType::Unsubscribe:
        return tr("The server unsubscribed this client from channel %1. %2")
            .arg(m.channel, unsubscribe(m.code).sentence());
    case Protocol::PushType::Subscribe:
        return tr("The server subscribed this client to channel %1 (server-side subscription).").arg(m.channel);
    case Protocol::PushType::Message:
        return tr("An asynchronous message from the server.");
    case Protocol::PushType::Connect:
        return tr("Connect push (unidirectional transports).");
    case Protocol::PushType::Disconnect:
        return tr("Disconnect push: %1").arg(disconnect(m.code).sentence());
    case Protocol::PushType::Refresh:
        return tr("The server refreshed the connection's expiry.");
    case Protocol::PushType::None:
        break;
    }
    return tr("Push of an unknown type.");
}

QString Explainer::describeClose(const CloseInfo &c)
{
    QString s;
    switch (c.side) {
    case CloseInfo::Side::Server: {
        s = tr("The server closed the connection with code %1").arg(c.code);
        if (!c.reason.isEmpty())
            s += tr(", reason \"%1\"").arg(c.reason);
        return s + QLatin1String(". ") + disconnect(c.code).sentence();
    }
    case CloseInfo::Side::Client:
        if (c.rule == CloseInfo::Rule::UserClose)
            return c.code == 1006 ? tr("This client stopped connecting before the WebSocket was open, as asked.")
                                  : tr("This client closed the connection (code %1), as asked.").arg(c.code);
        s = c.code == 1006 ? tr("This client dropped the connection before the WebSocket was open")
                           : tr("This client closed the connection with code %1").arg(c.code);
        s += tr(": %1.").arg(CloseInfo::ruleWords(c.rule));
        if (c.rule == CloseInfo::Rule::HandshakeTimeout || c.rule == CloseInfo::Rule::ConnectReplyTimeout ||
            c.rule == CloseInfo::Rule::PingSilence)
            s += QLatin1Char(' ') + tr("A client should reconnect with backoff.");
        else if (!c.reason.isEmpty())
            s += QLatin1Char(' ') + tr("(WebSocket layer: \"%1\")").arg(c.reason);
        return s;
    case CloseInfo::Side::Transport:
        s = tr("The connection was lost without a close frame (1006 %1): %2")
                .arg(disconnect(1006).name,
                     c.hasSocketError ? CloseInfo::socketErrorWords(c.socketError) : tr("the socket closed"));
        if (!c.reason.isEmpty())
            s += tr(" (%1)").arg(c.reason);
        s += QLatin1String(". ");
        if (c.certificateRejected)
            return s + tr("The server's certificate was not accepted: retrying cannot help until you trust its CA "
                          "(a CA file) or, for a test server only, ignore certificate errors.");
        return s + tr("A client should reconnect with backoff.");
    case CloseInfo::Side::Unknown:
        break;
    }
    ProtocolMessage m;
    m.kind = Protocol::MessageKind::Disconnect;
    m.code = c.code;
    m.text = c.reason;
    return describe(m);
}
