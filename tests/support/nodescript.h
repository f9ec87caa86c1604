#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// Runs one of the reference-client scripts of tests/node with `node` and collects the JSON lines it prints.
//
//   NodeScript subscriber;
//   QVERIFY2(subscriber.start(QStringLiteral("sdk-subscriber.js"), {url, channel, QStringLiteral("1")}),
//            qPrintable(subscriber.failureContext()));
//   QVERIFY2(subscriber.waitForLine(QStringLiteral("subscribed")), qPrintable(subscriber.failureContext()));
//
// Waiting runs the event loop until a matching line arrives, the script exits or the timeout passes.
// Each waitForLine() looks only at the lines after the one that the previous successful wait returned.
class NodeScript : public QObject
{
    Q_OBJECT

public:
    using LinePredicate = std::function<bool(const QJsonObject &line)>;

    explicit NodeScript(QObject *parent = nullptr);
    ~NodeScript() override;

    // tests/node in the source tree.
    static QString scriptsDir();
    // `node` on PATH, or an empty string.
    static QString nodeExecutable();

    // Extra environment for the next start(), e.g. SDK_TIMEOUT_MS.
    void setEnvironmentValue(const QString &name, const QString &value);

    // Starts `node tests/node/<script> arguments...` and waits until the process runs (not for any output).
    bool start(const QString &script, const QStringList &arguments = {});
    // Kills the script if it still runs.
    void stop();
    bool isRunning() const;

    // The first line not yet consumed whose "event" equals event (or that predicate accepts). Returns
    // std::nullopt if none arrived before timeoutMs or the script ended without printing one.
    std::optional<QJsonObject> waitForLine(const QString &event, int timeoutMs = 20000);
    std::optional<QJsonObject> waitForLine(const LinePredicate &predicate, int timeoutMs = 20000);
    // Waits for the script to exit by itself; false on timeout (the script keeps running).
    bool waitForFinished(int timeoutMs = 20000);

    // Every JSON line printed so far; a line that is not JSON appears as {"event":"invalid_json","text":...}.
    QList<QJsonObject> lines() const { return m_lines; }
    QString standardError() const { return QString::fromUtf8(m_stderr); }
    int exitCode() const;
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    // Command line, exit status, stdout lines and stderr, for QVERIFY2 failure messages.
    QString failureContext() const;

signals:
    void lineReceived(const QJsonObject &line);
    void finished(int exitCode);

private:
    std::optional<QJsonObject> takeMatch(const LinePredicate &predicate);
    void readStandardOutput();
    void readStandardError();
    void addLine(const QByteArray &line);

    QProcess m_process;
    QMap<QString, QString> m_environment;
    QString m_commandLine;
    QString m_startError;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderr;
    QList<QJsonObject> m_lines;
    qsizetype m_nextLine = 0;
};
