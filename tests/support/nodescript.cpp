#include "nodescript.h"

#include "testsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>

#include <utility>

namespace {

constexpr int StartTimeoutMs = 10000;
constexpr int KillTimeoutMs = 5000;

} // namespace

NodeScript::NodeScript(QObject *parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &NodeScript::readStandardOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &NodeScript::readStandardError);
    connect(&m_process, &QProcess::finished, this, [this](int exitCode) {
        // Deliver everything the script printed before announcing its end.
        readStandardOutput();
        readStandardError();
        if (!m_stdoutBuffer.isEmpty())
            addLine(std::exchange(m_stdoutBuffer, {}));
        qCDebug(lcTestHarness).noquote() << "node script exited with" << exitCode << ":" << m_commandLine;
        emit finished(exitCode);
    });
}

NodeScript::~NodeScript()
{
    stop();
}

QString NodeScript::scriptsDir()
{
    return TestSupport::sourcePath(QStringLiteral("tests/node"));
}

QString NodeScript::nodeExecutable()
{
    return QStandardPaths::findExecutable(QStringLiteral("node"));
}

void NodeScript::setEnvironmentValue(const QString &name, const QString &value)
{
    m_environment.insert(name, value);
}

bool NodeScript::start(const QString &script, const QStringList &arguments)
{
    stop();
    m_startError.clear();
    m_stdoutBuffer.clear();
    m_stderr.clear();
    m_lines.clear();
    m_nextLine = 0;

    const QString node = nodeExecutable();
    const QDir dir(scriptsDir());
    const QString scriptPath = dir.absoluteFilePath(script);
    m_commandLine = QStringList{node.isEmpty() ? QStringLiteral("node") : node, scriptPath}.join(QLatin1Char(' ')) +
                    QLatin1Char(' ') + arguments.join(QLatin1Char(' '));
    if (node.isEmpty()) {
        m_startError = QStringLiteral("`node` not found on PATH: run scripts/install-deps.sh");
        return false;
    }
    if (!QFileInfo::exists(scriptPath)) {
        m_startError = QStringLiteral("no such script: %1").arg(scriptPath);
        return false;
    }
    if (!dir.exists(QStringLiteral("node_modules"))) {
        m_startError = QStringLiteral("%1/node_modules is missing: run `npm ci` there (scripts/install-deps.sh does)")
                           .arg(dir.path());
        return false;
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_environment.cbegin(); it != m_environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(dir.path());
    m_process.setProgram(node);
    m_process.setArguments(QStringList{scriptPath} + arguments);
    qCDebug(lcTestHarness).noquote() << "starting" << m_commandLine;
    m_process.start();
    if (!m_process.waitForStarted(StartTimeoutMs)) {
        m_startError = QStringLiteral("could not start node: %1").arg(m_process.errorString());
        return false;
    }
    return true;
}

void NodeScript::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(KillTimeoutMs);
}

bool NodeScript::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

std::optional<QJsonObject> NodeScript::waitForLine(const QString &event, int timeoutMs)
{
    return waitForLine(
        [event](const QJsonObject &line) { return line.value(QStringLiteral("event")).toString() == event; },
        timeoutMs);
}

std::optional<QJsonObject> NodeScript::waitForLine(const LinePredicate &predicate, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (auto match = takeMatch(predicate))
            return match;
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
            return std::nullopt;

        // Run the event loop until the next line, the end of the script or the deadline, then look again.
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(this, &NodeScript::lineReceived, &loop, &QEventLoop::quit);
        connect(this, &NodeScript::finished, &loop, &QEventLoop::quit);
        timer.start(int(qMax<qint64>(0, deadline.remainingTime())));
        loop.exec();
    }
}

bool NodeScript::waitForFinished(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &NodeScript::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return m_process.state() == QProcess::NotRunning;
}

int NodeScript::exitCode() const
{
    return m_process.state() == QProcess::NotRunning ? m_process.exitCode() : -1;
}

QString NodeScript::failureContext() const
{
    QString text = QStringLiteral("node script: %1\n").arg(m_commandLine);
    if (!m_startError.isEmpty()) {
        text += QStringLiteral("start error: %1\n").arg(m_startError);
    } else if (m_process.state() != QProcess::NotRunning) {
        text += QStringLiteral("still running\n");
    } else {
        const bool crashed = m_process.exitStatus() == QProcess::CrashExit;
        text += QStringLiteral("exited with code %1%2\n")
                    .arg(m_process.exitCode())
                    .arg(crashed ? QStringLiteral(" (crashed or killed)") : QString());
    }
    text += QStringLiteral("stdout (%1 JSON lines):\n").arg(m_lines.size());
    for (const QJsonObject &line : m_lines)
        text += QStringLiteral("  ") + QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) +
                QLatin1Char('\n');
    if (!m_stderr.isEmpty())
        text += QStringLiteral("stderr:\n") + QString::fromUtf8(m_stderr);
    return text;
}

std::optional<QJsonObject> NodeScript::takeMatch(const LinePredicate &predicate)
{
    for (qsizetype i = m_nextLine; i < m_lines.size(); ++i) {
        if (predicate(m_lines.at(i))) {
            m_nextLine = i + 1;
            return m_lines.at(i);
        }
    }
    return std::nullopt;
}

void NodeScript::readStandardOutput()
{
    m_stdoutBuffer += m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdoutBuffer.left(newline);
        m_stdoutBuffer.remove(0, newline + 1);
        addLine(line);
    }
}

void NodeScript::readStandardError()
{
    const QByteArray chunk = m_process.readAllStandardError();
    m_stderr += chunk;
    if (!chunk.isEmpty())
        qCDebug(lcTestHarness).noquote() << "node stderr:" << QString::fromUtf8(chunk).trimmed();
}

void NodeScript::addLine(const QByteArray &line)
{
    const QByteArray trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &error);
    QJsonObject object;
    if (error.error == QJsonParseError::NoError && document.isObject()) {
        object = document.object();
    } else {
        object = {{QStringLiteral("event"), QStringLiteral("invalid_json")},
                  {QStringLiteral("text"), QString::fromUtf8(trimmed)}};
    }
    qCDebug(lcTestHarness).noquote() << "node:" << QString::fromUtf8(trimmed);
    m_lines.append(object);
    emit lineReceived(object);
}
