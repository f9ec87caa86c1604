#include "lintmode.h"

#include "framerecord.h"
#include "jsoncodec.h"
#include "linter.h"
#include "lintlearner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {

void writeLine(FILE *out, const QJsonObject &o)
{
    QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    line.append('\n');
    std::fwrite(line.constData(), 1, size_t(line.size()), out);
}

QLatin1String severityKey(LintFinding::Severity s)
{
    switch (s) {
    case LintFinding::Severity::Error:
        return QLatin1String("error");
    case LintFinding::Severity::Warning:
        return QLatin1String("warning");
    case LintFinding::Severity::Info:
        break;
    }
    return QLatin1String("info");
}

} // namespace

bool LintMode::readAll(const QString &path, QByteArray *data, QString *error)
{
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

bool LintMode::contextFromState(const QJsonObject &state, LintContext *c, QString *error)
{
    *c = LintContext();
    const QString phase = state.value(QLatin1String("phase")).toString(QStringLiteral("connected"));
    c->socketOpen = true;
    if (phase == QLatin1String("open")) {
    } else if (phase == QLatin1String("connecting")) {
        c->connectSent = true;
    } else if (phase == QLatin1String("connected")) {
        c->connectSent = true;
        c->connected = true;
    } else if (phase == QLatin1String("connect-failed")) {
        c->connectSent = true;
        c->connectFailed = true;
    } else {
        *error = tr("\"phase\" must be open, connecting, connected or connect-failed, not \"%1\"").arg(phase);
        return false;
    }
    for (const QJsonValue &v : state.value(QLatin1String("subscriptions")).toArray())
        c->subscriptions.insert(v.toString());
    for (const QJsonValue &v : state.value(QLatin1String("pending_ids")).toArray())
        c->inFlightIds.insert(quint32(v.toDouble()));
    c->pingOutstanding = state.value(QLatin1String("ping_outstanding")).toBool();
    c->token = state.value(QLatin1String("token")).toString();
    c->hmacSecret = state.value(QLatin1String("hmac_secret")).toString().toUtf8();
    for (const QJsonValue &v : state.value(QLatin1String("settings")).toArray())
        c->grantedSettings.append(v.toString());
    for (const QJsonValue &v : state.value(QLatin1String("missing_settings")).toArray())
        c->missingSettings.append(v.toString());
    c->nowSecs = qint64(state.value(QLatin1String("now")).toDouble());
    if (state.value(QLatin1String("format")).toString() == QLatin1String("protobuf"))
        c->format = Protocol::Format::Protobuf;
    return true;
}

QJsonObject LintMode::reportJson(const LintReport &report)
{
    QJsonObject o = report.outcome.toJson();
    QJsonArray findings;
    for (const LintFinding &f : report.findings) {
        QJsonObject j{{QStringLiteral("severity"), severityKey(f.severity)},
                      {QStringLiteral("code"), f.code},
                      {QStringLiteral("message"), f.message},
                      {QStringLiteral("outcome"), f.outcome.toJson()}};
        if (f.line > 0) {
            j.insert(QStringLiteral("line"), f.line);
            j.insert(QStringLiteral("column"), f.column);
        }
        findings.append(j);
    }
    o.insert(QStringLiteral("commands"), report.commandCount);
    o.insert(QStringLiteral("bytes"), report.bytes);
    o.insert(QStringLiteral("findings"), findings);
    return o;
}

int LintMode::runFrames(const QString &path, FILE *out, QString *error)
{
    QByteArray data;
    if (!readAll(path, &data, error))
        return 2;
    int status = 0;
    int number = 0;
    for (const QByteArray &rawLine : data.split('\n')) {
        ++number;
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        QString problem;
        LintContext context;
        if (pe.error != QJsonParseError::NoError || !doc.isObject())
            problem = tr("line %1 is not a JSON object").arg(number);
        else if (!doc.object().value(QLatin1String("frame")).isString())
            problem = tr("line %1 has no \"frame\" string").arg(number);
        else
            contextFromState(doc.object().value(QLatin1String("state")).toObject(), &context, &problem);
        if (!problem.isEmpty()) {
            writeLine(out, {{QStringLiteral("error"), problem}});
            status = 1;
            continue;
        }
        const QByteArray wire = doc.object().value(QLatin1String("frame")).toString().toUtf8();
        writeLine(out, reportJson(Linter::lintFrame(wire, context)));
    }
    std::fflush(out);
    return status;
}

int LintMode::runRecording(const QString &path, FILE *out, QString *error)
{
    QByteArray data;
    if (!readAll(path, &data, error))
        return 2;
    QList<Frame> frames;
    int status = 0;
    const QByteArray start = data.left(4096).trimmed();
    QJsonParseError pe;
    const QJsonDocument har =
        start.startsWith('{') && !data.contains("\"dir\"") ? QJsonDocument::fromJson(data, &pe) : QJsonDocument();
    if (har.isObject() && har.object().contains(QLatin1String("log"))) {
        // HAR: the WebSocket messages of every entry, in the order they appear.
        for (const QJsonValue &entry :
             har.object().value(QLatin1String("log")).toObject().value(QLatin1String("entries")).toArray()) {
            for (const QJsonValue &mv : entry.toObject().value(QLatin1String("_webSocketMessages")).toArray()) {
                const QJsonObject m = mv.toObject();
                if (m.value(QLatin1String("opcode")).toInt(1) != 1)
                    continue; // text frames only
                Frame f;
                f.direction = m.value(QLatin1String("type")).toString() == QLatin1String("send")
                                  ? Protocol::Direction::Out
                                  : Protocol::Direction::In;
                f.timeMs = qint64(m.value(QLatin1String("time")).toDouble() * 1000);
                f.raw = m.value(QLatin1String("data")).toString().toUtf8();
                const JsonCodec codec;
                f.messages = f.direction == Protocol::Direction::Out ? codec.decodeClientFrame(f.raw)
                                                                     : codec.decodeServerFrame(f.raw);
                frames.append(f);
            }
        }
    } else {
        int number = 0;
        for (const QByteArray &line : data.split('\n')) {
            ++number;
            if (line.trimmed().isEmpty())
                continue;
            Frame f;
            QString problem;
            if (!FrameRecord::fromJsonLine(line, &f, &problem)) {
                writeLine(out, {{QStringLiteral("error"), tr("line %1: %2").arg(number).arg(problem)}});
                status = 1;
                continue;
            }
            frames.append(f);
        }
    }

    LintLearner learner;
    int index = 0;
    for (const Frame &f : std::as_const(frames)) {
        ++index;
        if (f.direction == Protocol::Direction::In || f.close || f.binary) {
            learner.observe(f);
            continue;
        }
        LintContext context;
        learner.apply(&context, true);
        QJsonObject o = reportJson(Linter::lintFrame(f.raw, context));
        o.insert(QStringLiteral("index"), index);
        o.insert(QStringLiteral("time_ms"), double(f.timeMs));
        o.insert(QStringLiteral("frame"), QString::fromUtf8(f.raw));
        writeLine(out, o);
        learner.observe(f);
    }
    std::fflush(out);
    return status;
}
