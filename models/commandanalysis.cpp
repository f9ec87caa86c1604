#include "commandanalysis.h"

#include "jsoncodec.h"
#include "linter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

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
        a.findings = Linter::lint(text, context);
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
    if (!allJson) {
        // The linter locates the first syntax error in the whole text.
        a.kind = Kind::NotJson;
        a.findings = Linter::lint(text, context);
        if (!Linter::hasErrors(a.findings)) {
            LintFinding f;
            f.severity = Severity::Error;
            f.code = QStringLiteral("invalid-json");
            f.message = tr("This is not JSON; fix it before sending.");
            a.findings.prepend(f);
        }
        return a;
    }

    a.valueCount = int(values.size());
    for (const QJsonValue &v : values) {
        if (v.isObject() && a.method == Protocol::Method::None)
            a.method = JsonCodec::classifyClientObject(v.toObject(), {}).method;
    }

    if (values.size() == 1 && values.first().isObject()) {
        a.kind = Kind::Object;
        a.object = values.first().toObject();
        a.findings = Linter::lint(text, context);
        // Session::sendCommand assigns ids, so a missing id is not a mistake here.
        if (!a.object.contains(QLatin1String("id")) && Protocol::expectsReply(a.method)) {
            a.idWillBeAssigned = true;
            a.assignedId = nextId;
            a.findings.erase(std::remove_if(a.findings.begin(), a.findings.end(),
                                            [](const LintFinding &f) { return f.code == QLatin1String("missing-id"); }),
                             a.findings.end());
            LintFinding f;
            f.severity = Severity::Info;
            f.code = QStringLiteral("id-assigned");
            f.message = tr("No \"id\": the inspector adds id %1 when it sends the command.").arg(nextId);
            a.findings.prepend(f);
        }
        return a;
    }

    a.kind = Kind::Raw;
    QList<QByteArray> lines;
    for (qsizetype i = 0; i < values.size(); ++i) {
        lines.append(compact(values.at(i)));
        const auto &r = ranges.at(i);
        int line = 0;
        int column = 0;
        Linter::lineColumn(text, r.first, &line, &column);
        if (values.at(i).isObject()) {
            // Lint each object on its own and move its findings to where it starts in the whole text.
            const QList<LintFinding> own = Linter::lint(text.mid(r.first, r.second - r.first), context);
            for (LintFinding f : own) {
                if (f.line > 0) {
                    if (f.line == 1)
                        f.column += column - 1;
                    f.line += line - 1;
                }
                a.findings.append(f);
            }
        } else {
            LintFinding f;
            f.severity = Severity::Error;
            f.code = QStringLiteral("not-object");
            f.line = line;
            f.column = column;
            f.message = tr("Value %1 is not a JSON object, so it is not a command: the server closes the connection "
                           "with 3501 bad request.")
                            .arg(i + 1);
            a.findings.append(f);
        }
    }
    a.payload = lines.join('\n');
    if (values.size() > 1) {
        LintFinding f;
        f.severity = Severity::Info;
        f.code = QStringLiteral("batch");
        f.message =
            tr("%1 values: sent in one frame, one per line, exactly as typed (no ids are added).").arg(values.size());
        a.findings.prepend(f);
    }
    return a;
}
