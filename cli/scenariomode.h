#pragma once

#include "clioptions.h"
#include "junitreport.h"
#include "recordwriter.h"
#include "scenario.h"
#include "scenariorunner.h"

#include <QCoreApplication>
#include <QObject>

#include <cstdio>

// The scenario mode of centrifugo-inspector-cli (--scenario FILE, docs/scenarios.md): runs the scenario --repeat
// times, prints one line per step on `out` and each failing step with its reason and frames on `err`, writes the
// JUnit report (--junit) and every frame of every session (--record). finished() carries the exit status: 0 every
// step of every run passed, 1 a step failed, 2 the server was unreachable.
class ScenarioMode : public QObject
{
    Q_OBJECT

public:
    ScenarioMode(const CliOptions &options, FILE *out, FILE *err, QObject *parent = nullptr);

    // Reads and checks the scenario and opens the record; false (with *error, "FILE:LINE: step N (name): ...")
    // when the file is bad: nothing runs then (exit 2).
    bool start(QString *error);
    void interrupt();

    // The failure report of one step, as printed on stderr.
    static QString failureText(const Scenario &scenario, const ScenarioStepResult &result);

signals:
    void finished(int exitCode);

private:
    void startRun();
    void onStepFinished(const ScenarioStepResult &result);
    void onRunFinished(bool passed);
    void print(FILE *stream, const QString &text);
    void finish(int code);

    CliOptions m_options;
    FILE *m_out;
    FILE *m_err;
    Scenario m_scenario;
    ScenarioRunner m_runner;
    JUnitReport m_report;
    RecordWriter m_record;
    int m_run = 0;
    int m_failedRuns = 0;
    bool m_unreachable = false;
    bool m_interrupted = false;
};
