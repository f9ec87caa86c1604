#include "linter.h"

#include "jsoncodec.h"
#include "protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

using Protocol::Method;
using Severity = LintFinding::Severity;

namespace {

// Where a field name first appears, so the finding can be shown next to it.
void locateKey(const QString &text, const QString &key, int *line, int *column)
{
    const qsizetype at = text.indexOf(QLatin1Char('"') + key + QLatin1Char('"'));
    if (at < 0) {
        *line = 0;
        *column = 0;
        return;
    }
    Linter::lineColumn(text, at, line, column);
}

void add(QList<LintFinding> *out, Severity severity, const char *code, const QString &message, const QString &text = {},
         const QString &key = {})
{
    LintFinding f;
    f.severity = severity;
    f.code = QString::fromLatin1(code);
    f.message = message;
    if (!key.isEmpty())
        locateKey(text, key, &f.line, &f.column);
    out->append(f);
}

QStringList methodNames()
{
    QStringList names;
    for (Method m : Protocol::allMethods())
        names.append(QString(Protocol::methodName(m)));
    return names;
}

// Placeholders in templates look like "<channel>"; sending one unchanged is almost always a mistake.
void findPlaceholders(const QJsonValue &value, const QString &path, QStringList *out)
{
    static const QRegularExpression placeholder(QStringLiteral("^<[^<>]+>$"));
    if (value.isString() && placeholder.match(value.toString()).hasMatch()) {
        out->append(path);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            findPlaceholders(it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), out);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            findPlaceholders(a.at(i), path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'), out);
    }
}

bool isAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() > 127)
            return false;
    }
    return true;
}

} // namespace

void Linter::lineColumn(const QString &text, qsizetype offset, int *line, int *column)
{
    int l = 1;
    int c = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++l;
            c = 1;
        } else {
            ++c;
        }
    }
    *line = l;
    *column = c;
}

bool Linter::hasErrors(const QList<LintFinding> &findings)
{
    for (const LintFinding &f : findings) {
        if (f.severity == Severity::Error)
            return true;
    }
    return false;
}

QList<LintFinding> Linter::lint(const QString &text, const LintContext &context)
{
    QList<LintFinding> out;
    if (text.trimmed().isEmpty()) {
        add(&out, Severity::Error, "empty", tr("The command is empty."));
        return out;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        LintFinding f;
        f.severity = Severity::Error;
        f.code = QStringLiteral("invalid-json");
        // QJsonParseError's offset counts UTF-8 bytes; map it back to characters for line and column.
        const qsizetype chars = QString::fromUtf8(text.toUtf8().left(pe.offset)).size();
        lineColumn(text, chars, &f.line, &f.column);
        f.message = tr("Invalid JSON at line %1, column %2: %3. The server closes the connection with 3501 bad "
                       "request.")
                        .arg(f.line)
                        .arg(f.column)
                        .arg(pe.errorString());
        out.append(f);
        return out;
    }
    if (!doc.isObject()) {
        add(&out, Severity::Error, "not-object",
            tr("A command must be a JSON object such as {\"id\": 1, \"connect\": {}}. The server closes the "
               "connection with 3501 bad request."));
        return out;
    }
    // Centrifugo's websocket.message_size_limit; the compact form is what goes on the wire.
    constexpr qsizetype kMessageSizeLimit = 65536;
    const qsizetype size = doc.toJson(QJsonDocument::Compact).size();
    if (size > kMessageSizeLimit)
        add(&out, Severity::Error, "too-big",
            tr("The command is %1 bytes; Centrifugo closes the connection with 1009 (message too big) above %2 "
               "bytes.")
                .arg(size)
                .arg(kMessageSizeLimit));
    lintObject(text, doc.object(), context, &out);
    return out;
}

void Linter::lintObject(const QString &text, const QJsonObject &object, const LintContext &context,
                        QList<LintFinding> *out)
{
    const QStringList known = methodNames();

    // Methods present, and top-level fields the protocol does not have.
    QList<Method> methods;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("id"))
            continue;
        const Method m = Protocol::methodFromName(key);
        if (m == Method::None) {
            const bool protobuf = context.format == Protocol::Format::Protobuf;
            add(out, protobuf ? Severity::Error : Severity::Warning, "unknown-field",
                protobuf ? tr("\"%1\" is not a command field, so the command cannot be encoded in Protobuf. Methods "
                              "are: %2.")
                               .arg(key, known.join(QLatin1String(", ")))
                         : tr("\"%1\" is not a command field; the server ignores it. Methods are: %2.")
                               .arg(key, known.join(QLatin1String(", "))),
                text, key);
        } else if (!it.value().isNull()) {
            methods.append(m);
        }
    }

    // The id.
    const QJsonValue idValue = object.value(QLatin1String("id"));
    quint32 id = 0;
    if (!idValue.isUndefined()) {
        const double d = idValue.toDouble(-1);
        // Range first: converting a double beyond qint64 is undefined behaviour.
        if (!idValue.isDouble() || d < 0 || d > 4294967295.0 || d != double(qint64(d))) {
            add(out, Severity::Error, "bad-id",
                tr("\"id\" must be a whole number from 1 to 4294967295; the server cannot decode this command and "
                   "closes the connection with 3501 bad request."),
                text, QStringLiteral("id"));
        } else {
            id = quint32(d);
        }
    }

    if (methods.isEmpty()) {
        if (object.isEmpty() || (id == 0 && object.size() == 1 && object.contains(QLatin1String("id")))) {
            if (context.pingOutstanding) {
                add(out, Severity::Info, "pong", tr("This is a pong: the answer to the server's ping."));
            } else {
                add(out, Severity::Error, "stray-pong",
                    tr("An empty command is a pong, and the server has not pinged: it closes the connection with "
                       "3501 bad request."));
            }
            return;
        }
        add(out, Severity::Error, "no-method",
            tr("This command has no method, so the server closes the connection with 3501 bad request. Add exactly "
               "one of: %1 (connect first).")
                .arg(known.join(QLatin1String(", "))));
        return;
    }

    // The server dispatches on the first method field in its own order; the others are ignored.
    const ProtocolMessage classified = JsonCodec::classifyClientObject(object, {});
    const Method method = classified.method;
    const QString name = QString(Protocol::methodName(method));
    if (methods.size() > 1) {
        QStringList names;
        for (Method m : methods)
            names.append(QString(Protocol::methodName(m)));
        add(out, Severity::Error, "several-methods",
            tr("The command has several methods (%1); the server handles only \"%2\" and ignores the rest. Send "
               "one command per method.")
                .arg(names.join(QLatin1String(", ")), name));
    }

    if (method == Method::Send) {
        if (id != 0)
            add(out, Severity::Warning, "send-id", tr("\"send\" gets no reply, so its id is not needed."), text,
                QStringLiteral("id"));
        add(out, Severity::Warning, "send-unavailable",
            tr("Centrifugo has no handler for asynchronous \"send\" messages: it closes the connection with 3508 not "
               "available."));
    } else if (id == 0 && idValue.isUndefined()) {
        add(out, Severity::Error, "missing-id",
            tr("\"%1\" expects a reply, so it needs an \"id\" (a number from 1). Without one the server takes the "
               "command for a pong and closes the connection with 3501 bad request.")
                .arg(name));
    } else if (id == 0) {
        add(out, Severity::Error, "zero-id",
            context.pingOutstanding
                ? tr("A command with id 0 is taken as the pong to the server's ping: the server silently drops the "
                     "command and sends no reply. Use a number from 1.")
                : tr("A command with id 0 is taken as a pong, and the server has not pinged: it closes the connection "
                     "with 3501 bad request. Use a number from 1."),
            text, QStringLiteral("id"));
    } else if (context.inFlightIds.contains(id)) {
        add(out, Severity::Warning, "duplicate-id",
            tr("Command %1 is still waiting for its reply; a second command with the same id makes the replies "
               "impossible to tell apart.")
                .arg(id),
            text, QStringLiteral("id"));
    }

    if (method == Method::Ping) {
        add(out, Severity::Error, "ping-command",
            tr("Centrifugo does not accept a client \"ping\" command: it closes the connection with 3501 bad "
               "request. The server pings the client with {}; answer with {}."),
            text, name);
    }

    // Order of the session.
    if (context.connectFailed) {
        add(out, Severity::Error, "after-failed-connect",
            tr("Connect failed on this connection: Centrifugo ignores every further command (no reply) and drops the "
               "socket about 5 s after the error (close 1006). Reconnect first."));
    } else if (method == Method::Connect) {
        if (context.connected || context.connectSent)
            add(out, Severity::Error, "second-connect",
                tr("This connection has already sent connect; a second connect closes it with 3501 bad request."), text,
                name);
    } else if (context.socketOpen && !context.connectSent) {
        add(out, Severity::Error, "before-connect",
            tr("The first command must be connect; \"%1\" before connect closes the connection with 3501 bad "
               "request.")
                .arg(name),
            text, name);
    } else if (!context.socketOpen) {
        add(out, Severity::Info, "not-open", tr("Not connected: open the connection before sending."));
    }

    // The method's own fields.
    const QJsonValue bodyValue = object.value(name);
    if (!bodyValue.isObject()) {
        add(out, Severity::Error, "body-not-object", tr("\"%1\" must be an object, for example \"%1\": {}.").arg(name),
            text, name);
        return;
    }
    const QJsonObject body = bodyValue.toObject();
    const QStringList fields = Protocol::requestFields(method);
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!fields.contains(it.key())) {
            if (context.format == Protocol::Format::Protobuf) {
                add(out, Severity::Error, "unknown-field",
                    tr("\"%1\" has no field \"%2\", so the command cannot be encoded in Protobuf. Known fields: "
                       "%3.")
                        .arg(name, it.key(), fields.join(QLatin1String(", "))),
                    text, it.key());
                continue;
            }
            add(out, Severity::Warning, "unknown-field",
                fields.isEmpty() ? tr("\"%1\" takes no fields; the server ignores \"%2\".").arg(name, it.key())
                                 : tr("\"%1\" has no field \"%2\"; the server ignores it. Known fields: %3.")
                                       .arg(name, it.key(), fields.join(QLatin1String(", "))),
                text, it.key());
        }
    }

    if (Protocol::needsChannel(method)) {
        const QJsonValue channel = body.value(QLatin1String("channel"));
        if (channel.isUndefined() || (channel.isString() && channel.toString().isEmpty())) {
            add(out, Severity::Error, "missing-channel",
                tr("\"%1\" needs a non-empty \"channel\"; without one the server closes the connection with 3501 "
                   "bad request.")
                    .arg(name),
                text, name);
        } else if (!channel.isString()) {
            add(out, Severity::Error, "bad-channel", tr("\"channel\" must be a string."), text,
                QStringLiteral("channel"));
        } else {
            const QString ch = channel.toString();
            if (ch.size() > 255)
                add(out, Severity::Warning, "long-channel",
                    tr("The channel name is longer than 255 characters; Centrifugo answers with error 107 bad "
                       "request."),
                    text, QStringLiteral("channel"));
            if (!isAscii(ch))
                add(out, Severity::Warning, "non-ascii-channel",
                    tr("The channel name is not ASCII; Centrifugo answers with error 107 bad request unless a "
                       "channel_regex allows it."),
                    text, QStringLiteral("channel"));
        }
    }

    for (const char *tokenField : {"token"}) {
        const QJsonValue v = body.value(QLatin1String(tokenField));
        if (!v.isUndefined() && !v.isString())
            add(out, Severity::Error, "bad-token", tr("\"token\" must be a string (a JWT)."), text,
                QStringLiteral("token"));
    }

    switch (method) {
    case Method::Publish:
        if (!body.contains(QLatin1String("data")))
            add(out, Severity::Warning, "publish-no-data",
                tr("\"publish\" without \"data\": Centrifugo answers with error 107 bad request."), text, name);
        else if (body.value(QLatin1String("data")).isNull())
            add(out, Severity::Info, "publish-null-data",
                tr("\"data\" is null: Centrifugo accepts it and stores null as the publication's data."), text,
                QStringLiteral("data"));
        break;
    case Method::Refresh:
        if (body.value(QLatin1String("token")).toString().isEmpty())
            add(out, Severity::Error, "refresh-no-token",
                tr("\"refresh\" needs a \"token\"; without one the server closes the connection with 3501 bad "
                   "request."),
                text, name);
        else
            add(out, Severity::Info, "refresh-token",
                tr("An invalid or wrongly signed token here closes the connection with 3500 invalid token."), text,
                QStringLiteral("token"));
        break;
    case Method::SubRefresh:
        if (body.value(QLatin1String("token")).toString().isEmpty())
            add(out, Severity::Warning, "sub-refresh-no-token",
                tr("\"sub_refresh\" needs the new subscription \"token\"."), text, name);
        break;
    case Method::Subscribe: {
        const QJsonValue delta = body.value(QLatin1String("delta"));
        if (!delta.isUndefined() && delta.toString() != QLatin1String("fossil"))
            add(out, Severity::Error, "bad-delta",
                tr("The only delta type is \"fossil\"; any other value closes the connection with 3501 bad request."),
                text, QStringLiteral("delta"));
        if (body.value(QLatin1String("recover")).toBool() && !body.contains(QLatin1String("epoch")))
            add(out, Severity::Warning, "recover-no-position",
                tr("\"recover\" needs the last \"offset\" and \"epoch\" you saw; without them nothing can be "
                   "recovered."),
                text, QStringLiteral("recover"));
        if (body.value(QLatin1String("channel")).toString().startsWith(QLatin1Char('$')) &&
            !body.contains(QLatin1String("token")))
            add(out, Severity::Warning, "private-no-token",
                tr("Channels starting with $ are private: without a subscription \"token\" the server answers 103 "
                   "permission denied."),
                text, QStringLiteral("channel"));
        break;
    }
    case Method::History: {
        const QJsonObject since = body.value(QLatin1String("since")).toObject();
        if (body.value(QLatin1String("reverse")).toBool() && body.contains(QLatin1String("since")) &&
            since.value(QLatin1String("offset")).toInteger() == 0)
            add(out, Severity::Warning, "history-reverse-zero",
                tr("History with \"reverse\" and a zero since.offset is answered with error 107 bad request."), text,
                QStringLiteral("reverse"));
        if (!body.contains(QLatin1String("limit")))
            add(out, Severity::Info, "history-no-limit",
                tr("Without \"limit\" (or with 0) history returns no publications, only the current offset and "
                   "epoch; use -1 for as many as the server allows."),
                text, name);
        break;
    }
    default:
        break;
    }

    QStringList placeholders;
    findPlaceholders(object, QString(), &placeholders);
    for (const QString &path : placeholders)
        add(out, Severity::Warning, "placeholder",
            tr("\"%1\" still holds a template placeholder; fill it in.").arg(path), text,
            path.section(QLatin1Char('.'), -1));
}
