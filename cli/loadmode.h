#pragma once

#include "clioptions.h"
#include "loadrunner.h"

#include <QObject>

#include <cstdio>

// The load mode of centrifugo-inspector-cli (--load, docs/load.md): runs a LoadRunner, prints progress and the
// report in words on `err` and the report as one JSON line on `out`. finished() carries the exit status: 0 every
// connection held and nothing lost, 1 otherwise.
class LoadMode : public QObject
{
    Q_OBJECT

public:
    LoadMode(const CliOptions &options, FILE *out, FILE *err, QObject *parent = nullptr);
    void start();
    void interrupt() { m_runner.stop(); }

signals:
    void finished(int exitCode);

private:
    CliOptions m_options;
    FILE *m_out;
    FILE *m_err;
    LoadRunner m_runner;
};
