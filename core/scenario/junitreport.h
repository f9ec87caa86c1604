#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// JUnit XML as Jenkins and GitLab read it: one <testsuite> per scenario run, one <testcase> per step with its time
// in seconds, a <failure> with the reason and the frames involved, <skipped/> for steps after a failure.
class JUnitReport
{
    Q_DECLARE_TR_FUNCTIONS(JUnitReport)

public:
    // suiteName: the scenario's name (and the run number when repeated); file: the scenario file.
    void addRun(const QString &suiteName, const QString &file, const QList<ScenarioStepResult> &results,
                qint64 elapsedMs);
    QByteArray toXml() const;
    bool write(const QString &path, QString *error) const;

    int runs() const { return int(m_runs.size()); }

private:
    struct Run
    {
        QString name;
        QString file;
        QList<ScenarioStepResult> results;
        qint64 elapsedMs = 0;
    };
    QList<Run> m_runs;
};
