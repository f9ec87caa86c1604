#include "commandanalysis.h"

#include "jsoncodec.h"
#include "linter.h"
#include "lintreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using Severity = LintFinding::Severity;

namespace {

bool structural(QChar c)
{
    return c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char('[') || c == QLatin1Char(']') ||
           c == QLatin1Char('"') || c == QLatin1Char(',') || c == QLatin1Char(':');
}

QByteArray compact(const QJsonValue &v)
{
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    // Scalars: serialise inside an array and strip the brackets.
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace

bool CommandAnalysis::hasErrors() const
{
    return Linter::hasErrors(findings);
}

QList<QPair<qsizetype, qsizetype>> CommandAnalysis::splitValues(const QString &text)
{
    QList<QPair<qsizetype, qsizetype>> out;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype start = i;
        const QChar c = text.at(i);
        if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            int depth = 0;
            bool inString = false;
            for (; i < n; ++i) {
                const QChar d = text.at(i);
                if (inString) {
                    if (d == QLatin1Char('\\'))
                        ++i;
                    else if (d == QLatin1Char('"'))
                        inString = false;
                } else if (d == QLatin1Char('"')) {
                    inString = true;
                } else if (d == QLatin1Char('{') || d == QLatin1Char('[')) {
                    ++depth;
                } else if (d == QLatin1Char('}') || d == QLatin1Char(']')) {
                    if (--depth == 0) {
                        ++i;
                        break;
                    }
                }
            }
        } else if (c == QLatin1Char('"')) {
            for (++i; i < n; ++i) {
                if (text.at(i) == QLatin1Char('\\'))
                    ++i;
                else if (text.at(i) == QLatin1Char('"')) {
                    ++i;
                    break;
                }
            }
        } else {
            ++i;
            while (i < n && !text.at(i).isSpace() && !structural(text.at(i)))
                ++i;
        }
        out.append({start, qMin(i, n)});
    }
    return out;
}

bool CommandAnalysis::parseValue(const QString &text, QJsonValue *value)
{
    // Wrapping in an array parses scalars too (QJsonDocument only takes containers).
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray('[' + text.toUtf8() + ']'), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return false;
    if (value)
        *value = doc.array().at(0);
    return true;
}

CommandAnalysis CommandAnalysis::analyze(const QString &text, const LintContext &context, quint32 nextId)
{
    CommandAnalysis a;
    if (text.trimmed().isEmpty()) {
        a.kind = Kind::Empty;
        return a;
    }

    const auto ranges = splitValues(text);
    QList<QJsonValue> values;
    bool allJson = !ranges.isEmpty();
    for (const auto &r : ranges) {
        QJsonValue v;
        if (!parseValue(text.mid(r.first, r.second - r.first), &v)) {
            allJson = false;
            break;
        }
        values.append(v);
    }
    for (const QJsonValue &v : std::as_const(values)) {
        if (v.isObject() && a.method == Protocol::Method::None)
            a.method = JsonCodec::classifyClientObject(v.toObject(), {}).method;
    }

    bool mapLines = false; // the wire keeps the typed text's lines: findings point into it directly
    if (!allJson) {
        a.kind = Kind::NotJson;
        a.payload = text.toUtf8();
        a.wire = a.payload;
        mapLines = true;
    } else if (values.size() == 1 && values.first().isObject()) {
        a.kind = Kind::Object;
        a.valueCount = 1;
        a.object = values.first().toObject();
        QJsonObject sent = a.object;
        // Session::sendCommand assigns ids, so a missing id is not a mistake here.
        if (!a.object.contains(QLatin1String("id")) && Protocol::expectsReply(a.method)) {
            a.idWillBeAssigned = true;
            a.assignedId = nextId;
            sent.insert(QLatin1String("id"), qint64(nextId));
        }
        a.wire = JsonCodec().encodeCommands({sent});
    } else {
        a.kind = Kind::Raw;
        a.valueCount = int(values.size());
        QList<QByteArray> lines;
        for (const QJsonValue &v : std::as_const(values))
            lines.append(compact(v));
        a.payload = lines.join('\n');
        a.wire = a.payload;
    }

    const LintReport report = Linter::lintFrame(a.wire, context);
    a.outcome = report.outcome;
    a.findings = report.findings;
    if (!mapLines) {
        // The wire line n is the typed value n, compacted: point at the same quoted name or string in the typed
        // value, else at where the value starts.
        const QStringList wireLines = QString::fromUtf8(a.wire).split(QLatin1Char('\n'));
        for (LintFinding &f : a.findings) {
            if (f.line <= 0 || f.line > ranges.size())
                continue;
            const auto range = ranges.at(f.line - 1);
            qsizetype at = range.first;
            const QString wireLine = wireLines.value(f.line - 1);
            const qsizetype start = f.column - 1;
            if (start >= 0 && start < wireLine.size() && wireLine.at(start) == QLatin1Char('"')) {
                const qsizetype end = wireLine.indexOf(QLatin1Char('"'), start + 1);
                const QString token = wireLine.mid(start, end < 0 ? -1 : end - start + 1);
                const qsizetype found = text.indexOf(token, range.first);
                if (found >= 0 && found < range.second)
                    at = found;
            }
            Linter::lineColumn(text, at, &f.line, &f.column);
        }
    }
    if (a.idWillBeAssigned) {
        LintFinding f;
        f.severity = Severity::Info;
        f.code = QStringLiteral("id-assigned");
        f.outcome = a.outcome;
        f.message = tr("No \"id\": the inspector adds id %1 when it sends the command.").arg(nextId);
        a.findings.prepend(f);
    }
    if (a.kind == Kind::NotJson && text.contains(QLatin1Char('\n'))) {
        LintFinding f;
        f.severity = Severity::Info;
        f.code = QStringLiteral("sent-as-typed");
        f.outcome = a.outcome;
        f.message = tr("This is not JSON for the inspector, so it is sent exactly as typed, line breaks included.");
        a.findings.append(f);
    }
    return a;
}
