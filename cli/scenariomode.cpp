#include "scenariomode.h"

#include "scenarioparser.h"

ScenarioMode::ScenarioMode(const CliOptions &options, FILE *out, FILE *err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(out)
    , m_err(err)
{
    connect(&m_runner, &ScenarioRunner::stepFinished, this, &ScenarioMode::onStepFinished);
    connect(&m_runner, &ScenarioRunner::finished, this, &ScenarioMode::onRunFinished);
    connect(&m_runner, &ScenarioRunner::frameSeen, this, [this](const QString &, const Frame &frame) {
        if (m_record.isOpen())
            m_record.write(frame);
    });
}

bool ScenarioMode::start(QString *error)
{
    ScenarioError parseError;
    if (!ScenarioParser::load(m_options.scenarioPath, &m_scenario, &parseError)) {
        *error = parseError.toString();
        return false;
    }
    ScenarioSettings overrides;
    overrides.url = m_options.scenarioUrl;
    overrides.apiUrl = m_options.apiUrl;
    overrides.apiKey = m_options.apiKey;
    overrides.hmacSecret = m_options.hmacSecret;
    m_scenario.applyOverrides(overrides);
    if (!m_options.recordPath.isEmpty() && !m_record.open(m_options.recordPath, error))
        return false;
    print(m_out, tr("Scenario \"%1\" (%2): %n step(s)\n", nullptr, int(m_scenario.steps.size()))
                     .arg(m_scenario.name, m_scenario.filePath));
    startRun();
    return true;
}

void ScenarioMode::interrupt()
{
    m_interrupted = true;
    m_runner.stop();
}

void ScenarioMode::startRun()
{
    ++m_run;
    if (m_options.repeat > 1)
        print(m_out, tr("Run %1 of %2\n").arg(m_run).arg(m_options.repeat));
    m_runner.setIteration(m_run);
    m_runner.start(m_scenario);
}

QString ScenarioMode::failureText(const Scenario &scenario, const ScenarioStepResult &result)
{
    const ScenarioStep &step = scenario.steps.at(result.index);
    QString text = tr("%1:%2: step %3 (%4) failed: %5\n")
                       .arg(scenario.filePath)
                       .arg(step.line)
                       .arg(result.index + 1)
                       .arg(result.name, result.reason);
    for (const QString &frame : result.frames)
        text += QStringLiteral("    %1\n").arg(frame);
    return text;
}

void ScenarioMode::onStepFinished(const ScenarioStepResult &result)
{
    const int total = int(m_scenario.steps.size());
    switch (result.status) {
    case ScenarioStepResult::Status::Passed:
        print(m_out, tr("PASS %1/%2 %3 (%4 ms): %5\n")
                         .arg(result.index + 1)
                         .arg(total)
                         .arg(result.name)
                         .arg(result.elapsedMs)
                         .arg(result.reason));
        break;
    case ScenarioStepResult::Status::Failed:
        m_unreachable = m_unreachable || result.unreachable;
        print(m_out,
              tr("FAIL %1/%2 %3 (%4 ms)\n").arg(result.index + 1).arg(total).arg(result.name).arg(result.elapsedMs));
        print(m_err, failureText(m_scenario, result));
        break;
    case ScenarioStepResult::Status::Skipped:
        print(m_out, tr("SKIP %1/%2 %3\n").arg(result.index + 1).arg(total).arg(result.name));
        break;
    }
}

void ScenarioMode::onRunFinished(bool passed)
{
    const QString suite = m_options.repeat > 1 ? tr("%1 (run %2)").arg(m_scenario.name).arg(m_run) : m_scenario.name;
    m_report.addRun(suite, m_scenario.filePath, m_runner.results(), m_runner.elapsedMs());
    if (!passed)
        ++m_failedRuns;
    m_record.flush();
    if (m_run < m_options.repeat && !m_interrupted && !m_unreachable) {
        // Queued: the runner is still inside its finished() signal.
        QMetaObject::invokeMethod(this, &ScenarioMode::startRun, Qt::QueuedConnection);
        return;
    }
    print(m_out, tr("%1 of %2 run(s) passed\n").arg(m_run - m_failedRuns).arg(m_run));
    QString error;
    int code = m_failedRuns ? CliOptions::kExitConnection : CliOptions::kExitOk;
    if (m_unreachable)
        code = CliOptions::kExitUsage;
    if (!m_options.junitPath.isEmpty() && !m_report.write(m_options.junitPath, &error)) {
        print(m_err, error + QLatin1Char('\n'));
        code = CliOptions::kExitUsage;
    }
    if (m_record.isOpen() && !m_record.close()) {
        print(m_err, m_record.errorString() + QLatin1Char('\n'));
        code = CliOptions::kExitUsage;
    }
    finish(code);
}

void ScenarioMode::print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

void ScenarioMode::finish(int code)
{
    emit finished(code);
}
