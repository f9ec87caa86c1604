#include "linter.h"

#include "jwt.h"
#include "lintcommand.h"
#include "serverjsonreader.h"

#include <QDateTime>
#include <QRegularExpression>

#include <functional>

using Severity = LintFinding::Severity;
using Kind = LintOutcome::Kind;

// What the connection looks like while the frame's commands run one after the other.
struct Linter::Run
{
    bool authenticated = false;
    bool failed = false; // a connect failed: the server reads nothing more
    bool pingOutstanding = false;
    QSet<QString> subscriptions;
    QString user; // of the connection token; empty = anonymous
    qint64 now = 0;
};

namespace {

// The decisive part of a command's checks: conditions on server settings, then at most one definite failure.
class Verdict
{
public:
    Verdict(const LintContext &context)
        : m_context(context)
    {
    }

    // Unless the server has `setting`, the command gets (kind, code).
    void require(const QString &setting, Kind kind, int code)
    {
        if (done() || m_context.grantedSettings.contains(setting))
            return;
        if (m_context.missingSettings.contains(setting)) {
            fail(kind == Kind::Error ? LintOutcome::error(code) : LintOutcome::close(code), QString(),
                 Linter::tr("The server is known not to meet this condition: %1.")
                     .arg(LintOutcome::settingText(setting)));
            return;
        }
        m_outcome.chain(LintOutcome::unless(setting, kind, code));
    }
    void fail(const LintOutcome &outcome, const QString &code, const QString &why, qsizetype offset = -1)
    {
        if (done())
            return;
        m_outcome.chain(outcome);
        m_code = code.isEmpty() ? QStringLiteral("missing-setting") : code;
        m_why = why;
        m_offset = offset;
        m_failed = true;
    }
    // A definite failure was found (the checks after it do not matter).
    bool done() const { return m_failed; }
    bool failed() const { return m_failed; }
    const LintOutcome &outcome() const { return m_outcome; }
    QString code() const { return m_code; }
    QString why() const { return m_why; }
    qsizetype offset() const { return m_offset; }

private:
    const LintContext &m_context;
    LintOutcome m_outcome;
    bool m_failed = false;
    QString m_code;
    QString m_why;
    qsizetype m_offset = -1;
};

QString namespaceOf(const QString &channel)
{
    const qsizetype colon = channel.indexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : channel.left(colon);
}

bool isAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() > 127)
            return false;
    }
    return true;
}

qint64 claimSeconds(const Jwt &jwt, const char *claim)
{
    const QJsonValue v = jwt.claims().value(QLatin1String(claim));
    if (!v.isDouble())
        return 0;
    // Clamped first: converting a double beyond qint64 (an "exp" of 1e300) is undefined behaviour.
    return qint64(qBound(-9.0e18, v.toDouble(), 9.0e18));
}

// The common token checks of connect, refresh and sub_refresh. Returns false when a definite failure was set.
bool checkSignature(const Jwt &jwt, const LintContext &context, Verdict *verdict, const QString &code, qsizetype offset)
{
    if (context.hmacSecret.isEmpty()) {
        verdict->require(QStringLiteral("token-signature"), Kind::Close, 3500);
        return true;
    }
    if (jwt.verify(context.hmacSecret) != Jwt::Verification::Valid) {
        verdict->fail(LintOutcome::close(3500), code,
                      Linter::tr("The token is not signed with the server's key (%1).")
                          .arg(Jwt::verificationText(jwt.verify(context.hmacSecret))),
                      offset);
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

void Linter::lineColumnOfByte(const QByteArray &bytes, qsizetype offset, int *line, int *column)
{
    offset = qBound(qsizetype(0), offset, bytes.size());
    const qsizetype lineStart = bytes.lastIndexOf('\n', offset - 1) + 1;
    *line = int(bytes.left(lineStart).count('\n')) + 1;
    *column = int(QString::fromUtf8(bytes.mid(lineStart, offset - lineStart)).size()) + 1;
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
    return lintFrame(text.toUtf8(), context).findings;
}

LintReport Linter::lintFrame(const QByteArray &wire, const LintContext &context)
{
    LintReport report;
    report.bytes = wire.size();
    auto frameFinding = [&report](Severity severity, const char *code, const LintOutcome &outcome, const QString &why) {
        LintFinding f;
        f.severity = severity;
        f.code = QString::fromLatin1(code);
        f.outcome = outcome;
        f.message = why + QLatin1Char(' ') + outcome.sentence();
        report.findings.append(f);
    };

    Run run;
    run.authenticated = context.connected || (context.connectSent && !context.connectFailed);
    if (!context.socketOpen) {
        // Not connected yet: predict for the session it will be sent on, connected unless the frame is the connect.
        const QByteArray first = wire.left(wire.indexOf('\n') < 0 ? wire.size() : wire.indexOf('\n'));
        const ServerJsonReader::Result read = ServerJsonReader::read(first);
        const LintCommand cmd = read.ok ? LintCommand::decode(read.value) : LintCommand();
        run.authenticated = !(read.ok && cmd.ok && cmd.methods().contains(QLatin1String("connect")));
        frameFinding(Severity::Info, "not-open", LintOutcome::accepted(),
                     run.authenticated ? tr("Not connected: open the connection before sending. The predictions are "
                                            "for a connected session.")
                                       : tr("Not connected: open the connection before sending. The predictions are "
                                            "for a fresh connection."));
    }
    run.failed = context.connectFailed;
    run.pingOutstanding = context.pingOutstanding;
    run.subscriptions = context.subscriptions;
    run.now = context.nowSecs > 0 ? context.nowSecs : QDateTime::currentSecsSinceEpoch();
    if (!context.token.isEmpty())
        run.user = Jwt::decode(context.token).subject();

    if (run.failed) {
        report.outcome = LintOutcome::close(1006);
        frameFinding(Severity::Error, "after-failed-connect", report.outcome,
                     tr("Connect failed on this connection: the server reads no further command (no reply) and lets "
                        "the socket go about 5 s after the error. Reconnect first."));
        return report;
    }
    if (wire.size() > kMessageSizeLimit) {
        report.outcome = LintOutcome::close(1009);
        frameFinding(Severity::Error, "too-big", report.outcome,
                     tr("The frame is %1 bytes on the wire; the server accepts at most %2 bytes per frame "
                        "(websocket.message_size_limit).")
                         .arg(wire.size())
                         .arg(kMessageSizeLimit));
        return report;
    }
    if (wire.isEmpty()) {
        report.outcome = LintOutcome::close(3501);
        frameFinding(Severity::Error, "empty", report.outcome, tr("The frame is empty: there is no command in it."));
        return report;
    }

    // One command per line; a single "\n" at the very end ends the last line and starts no new one.
    qsizetype start = 0;
    bool stopped = false;
    while (start < wire.size() && !stopped) {
        qsizetype end = wire.indexOf('\n', start);
        if (end < 0)
            end = wire.size();
        ++report.commandCount;
        QList<LintFinding> own;
        const LintOutcome outcome = lintLine(wire, start, wire.mid(start, end - start), context, &run, &own);
        for (LintFinding &f : own)
            report.findings.append(f);
        report.outcome.chain(outcome);
        // After a close, or a failed connect, the server runs nothing more from this frame.
        if (outcome.kind == Kind::Close || run.failed ||
            (outcome.kind == Kind::Conditional && outcome.otherwiseKind == Kind::Close))
            stopped = true;
        start = end + 1;
    }
    if (stopped && start < wire.size())
        frameFinding(Severity::Info, "not-run", report.outcome,
                     tr("The lines after that are not run: the server stops reading this frame there."));
    if (report.commandCount > 1)
        frameFinding(Severity::Info, "several-lines", report.outcome,
                     tr("The server reads this frame as %1 commands, one per line, and runs them in order.")
                         .arg(report.commandCount));
    return report;
}

LintOutcome Linter::lintLine(const QByteArray &wire, qsizetype lineStart, const QByteArray &line,
                             const LintContext &context, Run *run, QList<LintFinding> *out)
{
    Verdict verdict(context);
    QList<LintFinding> notes;
    auto note = [&](Severity severity, const char *code, const QString &message, qsizetype offset) {
        LintFinding f;
        f.severity = severity;
        f.code = QString::fromLatin1(code);
        f.message = message;
        if (offset >= 0)
            lineColumnOfByte(wire, lineStart + offset, &f.line, &f.column);
        notes.append(f);
    };
    auto finish = [&]() {
        const LintOutcome outcome = verdict.outcome();
        for (LintFinding &f : notes)
            f.outcome = outcome;
        if (verdict.failed() || outcome.kind == Kind::Conditional) {
            LintFinding f;
            f.code = verdict.failed() ? verdict.code() : QStringLiteral("depends-on-server");
            f.severity = outcome.isDefiniteFailure() ? Severity::Error
                         : verdict.failed()          ? Severity::Warning
                                                     : Severity::Info;
            f.outcome = outcome;
            f.message = (verdict.why().isEmpty() ? QString() : verdict.why() + QLatin1Char(' ')) + outcome.sentence();
            if (verdict.offset() >= 0)
                lineColumnOfByte(wire, lineStart + verdict.offset(), &f.line, &f.column);
            else
                lineColumnOfByte(wire, lineStart, &f.line, &f.column);
            out->append(f);
        }
        out->append(notes);
        return outcome;
    };

    // 1. The line as JSON, by the server's reader.
    const ServerJsonReader::Result read = ServerJsonReader::read(line);
    if (!read.ok) {
        QString why;
        if (line.startsWith("\xef\xbb\xbf"))
            why = tr("The line starts with a byte-order mark, which the server does not skip.");
        else if (line.trimmed().isEmpty())
            why = tr("This line is empty: the server reads every line of a frame as a command, and an empty one "
                     "is not JSON.");
        else
            why = tr("The server cannot read this line as JSON: %1.").arg(read.error);
        verdict.fail(LintOutcome::close(3501), QStringLiteral("invalid-json"), why, read.errorOffset);
        return finish();
    }
    {
        qsizetype rest = read.value.end;
        while (rest < line.size() && ServerJsonReader::isSpace(line.at(rest)))
            ++rest;
        if (rest < line.size())
            note(Severity::Warning, "trailing-text",
                 tr("The server reads only the first JSON value of a line and ignores the rest (\"%1\"). Put each "
                    "command on its own line.")
                     .arg(QString::fromUtf8(line.mid(rest, 40))),
                 rest);
    }

    // 2. Decoding into the server's Command.
    const LintCommand cmd = LintCommand::decode(read.value);
    if (!cmd.ok) {
        verdict.fail(LintOutcome::close(3501), QStringLiteral("bad-type"),
                     tr("The server cannot decode this command: %1.").arg(cmd.error), cmd.errorOffset);
        return finish();
    }
    const bool protobuf = context.format == Protocol::Format::Protobuf;
    for (const LintCommand::Note &n : cmd.notes) {
        if (n.kind == LintCommand::Note::Kind::UnknownField) {
            note(protobuf ? Severity::Error : Severity::Warning, "unknown-field",
                 protobuf ? tr("\"%1\" is not a field of the protocol, so the command cannot be encoded in Protobuf.")
                                .arg(n.path)
                          : tr("\"%1\" is not a field of the protocol; the server ignores it.").arg(n.path),
                 n.offset);
        } else {
            note(Severity::Info, "case-folded",
                 tr("The server matches field names without regard to case: \"%1\" is taken as \"%2\".")
                     .arg(n.path, n.field),
                 n.offset);
        }
    }

    const QStringList methods = cmd.methods();
    const bool isConnect = methods.contains(QLatin1String("connect"));
    const bool hasSend = methods.contains(QLatin1String("send"));
    const quint32 id = cmd.id();
    const qsizetype idOffset = cmd.root.offsets.value(QStringLiteral("id"), -1);

    // 3. Order of the session.
    if (!run->authenticated && !isConnect) {
        verdict.fail(LintOutcome::close(3501), QStringLiteral("before-connect"),
                     tr("The first command on a connection must be connect."));
        return finish();
    }

    // 4. Pongs: a command with id 0 (or none) that is not "send" is a pong, whatever else it holds.
    if (id == 0 && !hasSend) {
        if (run->pingOutstanding) {
            run->pingOutstanding = false;
            note(Severity::Info, "pong",
                 methods.isEmpty() ? tr("This is a pong: the answer to the server's ping.")
                                   : tr("Without an id this is taken as a pong: the server answers the ping with it "
                                        "and ignores \"%1\".")
                                         .arg(methods.first()),
                 -1);
            return finish();
        }
        if (methods.isEmpty())
            verdict.fail(LintOutcome::close(3501), QStringLiteral("stray-pong"),
                         tr("A command without a method and id is a pong, and the server has not pinged."));
        else if (idOffset < 0)
            verdict.fail(LintOutcome::close(3501), QStringLiteral("missing-id"),
                         tr("\"%1\" needs an \"id\" (a number from 1): without one the server takes the command "
                            "for a pong, and it has not pinged.")
                             .arg(methods.first()));
        else
            verdict.fail(LintOutcome::close(3501), QStringLiteral("zero-id"),
                         tr("A command with id 0 is taken for a pong, and the server has not pinged. Use a number "
                            "from 1."),
                         cmd.root.offsets.value(QStringLiteral("id")));
        return finish();
    }

    // 5. Which command it is.
    QString kindMethod;
    for (const char *m : LintSchema::dispatchOrder()) {
        if (methods.contains(QLatin1String(m))) {
            kindMethod = QString::fromLatin1(m);
            break;
        }
    }
    if (kindMethod.isEmpty()) {
        if (methods.contains(QLatin1String("ping")))
            verdict.fail(LintOutcome::close(3501), QStringLiteral("ping-command"),
                         tr("The server does not take \"ping\" as a command of its own. It pings the client with "
                            "{}; answer with {}."));
        else
            verdict.fail(LintOutcome::close(3501), QStringLiteral("no-method"),
                         tr("This command has no method. Add exactly one of: connect, subscribe, unsubscribe, "
                            "publish, presence, presence_stats, history, rpc, send, refresh, sub_refresh."));
        return finish();
    }
    const QString method = methods.first(); // the handler the server runs
    if (methods.size() > 1)
        note(Severity::Warning, "several-methods",
             tr("The command has several methods (%1); the server runs only \"%2\".")
                 .arg(methods.join(QLatin1String(", ")), method),
             -1);
    if (id != 0 && context.inFlightIds.contains(id))
        note(Severity::Warning, "duplicate-id",
             tr("Command %1 is still waiting for its reply; the server does not mind, but the two replies cannot be "
                "told apart.")
                 .arg(id),
             idOffset);
    if (hasSend && id != 0 && method == QLatin1String("send"))
        note(Severity::Info, "send-id", tr("\"send\" gets no reply, so its id is not needed."), idOffset);

    const LintCommand::Object *body = cmd.body(method);
    const QString channel = body ? body->string("channel") : QString();
    const qsizetype bodyOffset = cmd.root.offsets.value(method, -1);
    const qsizetype channelOffset = body ? body->offsets.value(QStringLiteral("channel"), bodyOffset) : bodyOffset;

    // Placeholders left from a template, at any depth of the body (e.g. publish.data.text).
    if (body) {
        static const QRegularExpression placeholder(QStringLiteral("^<[^<>]+>$"));
        const std::function<void(const ServerJsonValue &, const QString &)> findPlaceholders =
            [&](const ServerJsonValue &v, const QString &path) {
                if (v.type == ServerJsonValue::Type::String &&
                    placeholder.match(QString::fromUtf8(v.text)).hasMatch()) {
                    note(Severity::Warning, "placeholder",
                         tr("\"%1\" still holds a template placeholder; the server takes it literally.").arg(path),
                         v.offset);
                } else if (v.type == ServerJsonValue::Type::Object) {
                    for (size_t i = 0; i < v.keys.size() && i < v.items.size(); ++i)
                        findPlaceholders(v.items[i], path + QLatin1Char('.') + QString::fromUtf8(v.keys[i]));
                }
            };
        for (auto it = body->values.constBegin(); it != body->values.constEnd(); ++it)
            findPlaceholders(*it, method + QLatin1Char('.') + it.key());
    }

    auto needChannel = [&]() {
        if (channel.isEmpty()) {
            verdict.fail(LintOutcome::close(3501), QStringLiteral("missing-channel"),
                         tr("\"%1\" needs a non-empty \"channel\".").arg(method), bodyOffset);
            return false;
        }
        return true;
    };
    // Centrifugo's channel checks shared by subscribe, publish, presence, presence_stats and history.
    auto channelChecks = [&]() {
        const QString ns = namespaceOf(channel);
        if (!ns.isEmpty())
            verdict.require(QStringLiteral("namespace:") + ns, Kind::Error, 102);
        if (!isAscii(channel))
            verdict.fail(LintOutcome::error(107), QStringLiteral("non-ascii-channel"),
                         tr("The channel name is not ASCII, which the server refuses unless a channel_regex "
                            "allows it."),
                         channelOffset);
        return ns;
    };

    // The body's token and its offset in the frame; a token that is not a JWT closes the connection (3500).
    const auto bodyToken = [&](qsizetype *offset) {
        *offset = body->offsets.value(QStringLiteral("token"), bodyOffset);
        return body->string("token");
    };
    const auto notAJwt = [&](const Jwt &jwt, qsizetype offset) {
        verdict.fail(LintOutcome::close(3500), QStringLiteral("bad-token"),
                     tr("The token is not a JWT: %1").arg(jwt.errorString()), offset);
    };
    // The token of a refresh or sub_refresh: false, with the finding, when it is missing or not a JWT.
    const auto refreshToken = [&](const LintOutcome &missing, const QString &rule, const QString &why, Jwt *jwt,
                                  qsizetype *offset) {
        const QString token = bodyToken(offset);
        if (token.isEmpty()) {
            verdict.fail(missing, rule, why, bodyOffset);
            return false;
        }
        *jwt = Jwt::decode(token);
        if (!jwt->isValid()) {
            notAJwt(*jwt, *offset);
            return false;
        }
        return true;
    };

    // 6. The handler.
    if (method == QLatin1String("connect")) {
        if (run->authenticated) {
            verdict.fail(LintOutcome::close(3501), QStringLiteral("second-connect"),
                         tr("This connection has already sent connect."), bodyOffset);
            return finish();
        }
        qsizetype tokenOffset = 0;
        const QString token = bodyToken(&tokenOffset);
        if (token.isEmpty()) {
            verdict.require(QStringLiteral("anonymous-connect"), Kind::Close, 3501);
        } else {
            const Jwt jwt = Jwt::decode(token);
            const qint64 exp = claimSeconds(jwt, "exp");
            if (!jwt.isValid()) {
                notAJwt(jwt, tokenOffset);
            } else if (exp > 0 && exp < run->now) {
                verdict.fail(LintOutcome::error(109), QStringLiteral("token-expired"),
                             tr("The token expired %1 ago. After this error the server reads nothing more from the "
                                "connection and drops it about 5 s later (1006).")
                                 .arg(Jwt::humanDuration(run->now - exp)),
                             tokenOffset);
                run->failed = true;
            } else {
                checkSignature(jwt, context, &verdict, QStringLiteral("bad-token"), tokenOffset);
            }
            run->user = jwt.subject();
        }
        if (!verdict.failed())
            run->authenticated = true;
        return finish();
    }

    if (method == QLatin1String("ping")) {
        verdict.fail(LintOutcome::error(108), QStringLiteral("ping-with-method"),
                     tr("With \"ping\" next to \"%1\" the server runs its ping handler, which clients cannot use.")
                         .arg(kindMethod),
                     bodyOffset);
        return finish();
    }

    if (method == QLatin1String("subscribe")) {
        if (!needChannel())
            return finish();
        const QString delta = body->string("delta");
        if (!delta.isEmpty() && delta != QLatin1String("fossil")) {
            verdict.fail(LintOutcome::close(3501), QStringLiteral("bad-delta"),
                         tr("The only delta type is \"fossil\" (lower case)."),
                         body->offsets.value(QStringLiteral("delta"), bodyOffset));
            return finish();
        }
        if (channel.toUtf8().size() > kChannelMaxLength) {
            verdict.fail(LintOutcome::error(107), QStringLiteral("long-channel"),
                         tr("The channel name is %1 bytes; the server refuses subscriptions to channels longer than "
                            "%2 bytes (channel.max_length).")
                             .arg(channel.toUtf8().size())
                             .arg(kChannelMaxLength),
                         channelOffset);
            return finish();
        }
        if (run->subscriptions.contains(channel)) {
            verdict.fail(LintOutcome::error(105), QStringLiteral("already-subscribed"),
                         tr("This connection is already subscribed to \"%1\".").arg(channel), channelOffset);
            return finish();
        }
        const QString ns = channelChecks();
        if (channel.startsWith(QLatin1Char('$')) && body->string("token").isEmpty())
            verdict.fail(LintOutcome::error(103), QStringLiteral("private-no-token"),
                         tr("Channels starting with $ are private: they need a subscription \"token\"."),
                         channelOffset);
        verdict.require(QStringLiteral("subscribe:") + ns, Kind::Error, 103);
        if (body->values.value(QStringLiteral("recover")).type == ServerJsonValue::Type::True &&
            body->string("epoch").isEmpty())
            note(Severity::Info, "recover-no-position",
                 tr("\"recover\" needs the last \"offset\" and \"epoch\" you saw; without them nothing is "
                    "recovered."),
                 body->offsets.value(QStringLiteral("recover"), -1));
        if (!verdict.failed())
            run->subscriptions.insert(channel);
        return finish();
    }

    if (method == QLatin1String("unsubscribe")) {
        if (needChannel())
            run->subscriptions.remove(channel);
        return finish();
    }

    if (method == QLatin1String("publish")) {
        if (!needChannel())
            return finish();
        const QString ns = channelChecks();
        verdict.require(QStringLiteral("publish:") + ns, Kind::Error, 103);
        if (!body->has("data"))
            verdict.fail(LintOutcome::error(107), QStringLiteral("publish-no-data"), tr("\"publish\" needs \"data\"."),
                         bodyOffset);
        return finish();
    }

    // Presence and history: the feature must be on in the namespace (108) and allowed to this client (103).
    auto requireFeature = [&](const QString &feature) {
        const QString ns = channelChecks();
        verdict.require(feature + QLatin1String("-enabled:") + ns, Kind::Error, 108);
        verdict.require(feature + QLatin1Char(':') + ns, Kind::Error, 103);
    };

    if (method == QLatin1String("presence") || method == QLatin1String("presence_stats")) {
        if (!needChannel())
            return finish();
        requireFeature(QStringLiteral("presence"));
        return finish();
    }

    if (method == QLatin1String("history")) {
        if (!needChannel())
            return finish();
        requireFeature(QStringLiteral("history"));
        const LintCommand::Object *since = body->object("since");
        if (since) {
            const quint64 offset = since->values.value(QStringLiteral("offset")).text.toULongLong();
            const QString epoch = since->string("epoch");
            if (body->values.value(QStringLiteral("reverse")).type == ServerJsonValue::Type::True && offset == 0)
                verdict.fail(LintOutcome::error(107), QStringLiteral("history-reverse-zero"),
                             tr("History in reverse from since.offset 0 is refused."),
                             body->offsets.value(QStringLiteral("reverse"), bodyOffset));
            else if (!epoch.isEmpty())
                verdict.require(QStringLiteral("stream-epoch:") + channel + QLatin1Char('=') + epoch, Kind::Error, 112);
        }
        if (!body->has("limit"))
            note(Severity::Info, "history-no-limit",
                 tr("Without \"limit\" (or with 0) history returns no publications, only the current offset and "
                    "epoch; use -1 for as many as the server allows."),
                 bodyOffset);
        return finish();
    }

    if (method == QLatin1String("rpc")) {
        verdict.require(QStringLiteral("rpc-proxy"), Kind::Error, 108);
        return finish();
    }

    if (method == QLatin1String("send")) {
        verdict.fail(LintOutcome::close(3508), QStringLiteral("send-unavailable"),
                     tr("Centrifugo has no handler for asynchronous \"send\" messages."), bodyOffset);
        return finish();
    }

    if (method == QLatin1String("refresh")) {
        Jwt jwt;
        qsizetype tokenOffset = 0;
        if (!refreshToken(LintOutcome::close(3501), QStringLiteral("refresh-no-token"),
                          tr("\"refresh\" needs a \"token\"."), &jwt, &tokenOffset))
            return finish();
        const qint64 exp = claimSeconds(jwt, "exp");
        if (exp > 0 && exp < run->now) {
            verdict.fail(LintOutcome::close(3005), QStringLiteral("token-expired"),
                         tr("The token expired %1 ago.").arg(Jwt::humanDuration(run->now - exp)), tokenOffset);
        } else if (checkSignature(jwt, context, &verdict, QStringLiteral("bad-token"), tokenOffset) &&
                   jwt.subject() != run->user) {
            verdict.fail(LintOutcome::close(3500), QStringLiteral("token-user"),
                         run->user.isEmpty()
                             ? tr("The token is for user \"%1\", but this connection is anonymous.").arg(jwt.subject())
                             : tr("The token is for user \"%1\", but this connection is user \"%2\".")
                                   .arg(jwt.subject(), run->user),
                         tokenOffset);
        }
        return finish();
    }

    if (method == QLatin1String("sub_refresh")) {
        if (!needChannel())
            return finish();
        if (!run->subscriptions.contains(channel)) {
            verdict.fail(LintOutcome::error(103), QStringLiteral("sub-refresh-not-subscribed"),
                         tr("This connection is not subscribed to \"%1\".").arg(channel), channelOffset);
            return finish();
        }
        Jwt jwt;
        qsizetype tokenOffset = 0;
        if (!refreshToken(LintOutcome::error(107), QStringLiteral("sub-refresh-no-token"),
                          tr("\"sub_refresh\" needs the new subscription \"token\"."), &jwt, &tokenOffset))
            return finish();
        if (jwt.claims().value(QLatin1String("channel")).toString() != channel) {
            verdict.fail(LintOutcome::close(3500), QStringLiteral("token-channel"),
                         tr("A subscription token needs a \"channel\" claim equal to \"%1\".").arg(channel),
                         tokenOffset);
        } else if (checkSignature(jwt, context, &verdict, QStringLiteral("bad-token"), tokenOffset) &&
                   jwt.subject() != run->user) {
            verdict.fail(LintOutcome::close(3500), QStringLiteral("token-user"),
                         tr("The token is for user \"%1\", not for this connection's user \"%2\".")
                             .arg(jwt.subject(), run->user),
                         tokenOffset);
        }
        return finish();
    }
    return finish();
}
