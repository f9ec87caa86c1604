#include "junitreport.h"

#include <QFile>
#include <QSaveFile>
#include <QXmlStreamWriter>

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

int count(const QList<ScenarioStepResult> &results, ScenarioStepResult::Status status)
{
    return int(std::count_if(results.begin(), results.end(),
                             [status](const ScenarioStepResult &r) { return r.status == status; }));
}

} // namespace

void JUnitReport::addRun(const QString &suiteName, const QString &file, const QList<ScenarioStepResult> &results,
                         qint64 elapsedMs)
{
    m_runs.append({suiteName, file, results, elapsedMs});
}

QByteArray JUnitReport::toXml() const
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    int tests = 0;
    int failures = 0;
    qint64 totalMs = 0;
    for (const Run &run : m_runs) {
        tests += int(run.results.size());
        failures += count(run.results, ScenarioStepResult::Status::Failed);
        totalMs += run.elapsedMs;
    }
    xml.writeAttribute(QStringLiteral("tests"), QString::number(tests));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("time"), seconds(totalMs));
    for (const Run &run : m_runs) {
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), run.name);
        xml.writeAttribute(QStringLiteral("tests"), QString::number(run.results.size()));
        xml.writeAttribute(QStringLiteral("failures"),
                           QString::number(count(run.results, ScenarioStepResult::Status::Failed)));
        xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("skipped"),
                           QString::number(count(run.results, ScenarioStepResult::Status::Skipped)));
        xml.writeAttribute(QStringLiteral("time"), seconds(run.elapsedMs));
        xml.writeAttribute(QStringLiteral("file"), run.file);
        for (const ScenarioStepResult &r : run.results) {
            xml.writeStartElement(QStringLiteral("testcase"));
            xml.writeAttribute(QStringLiteral("classname"), run.name);
            xml.writeAttribute(QStringLiteral("name"), QStringLiteral("%1. %2").arg(r.index + 1).arg(r.name));
            xml.writeAttribute(QStringLiteral("time"), seconds(r.elapsedMs));
            if (r.status == ScenarioStepResult::Status::Failed) {
                xml.writeStartElement(QStringLiteral("failure"));
                xml.writeAttribute(QStringLiteral("message"), r.reason);
                xml.writeAttribute(QStringLiteral("type"), QStringLiteral("ScenarioStepFailed"));
                xml.writeCharacters(
                    r.frames.isEmpty() ? r.reason : r.reason + QLatin1Char('\n') + r.frames.join(QLatin1Char('\n')));
                xml.writeEndElement();
            } else if (r.status == ScenarioStepResult::Status::Skipped) {
                xml.writeStartElement(QStringLiteral("skipped"));
                xml.writeAttribute(QStringLiteral("message"), r.reason);
                xml.writeEndElement();
            } else if (!r.frames.isEmpty()) {
                xml.writeTextElement(QStringLiteral("system-out"),
                                     r.reason + QLatin1Char('\n') + r.frames.join(QLatin1Char('\n')));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

bool JUnitReport::write(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toXml()) < 0 || !file.commit()) {
        *error = tr("cannot write the JUnit report %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
