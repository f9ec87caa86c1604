#pragma once

#include "frame.h"
#include "scenario.h"
#include "scenariovariables.h"
#include "serverapireply.h"
#include "sessionoptions.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>

class ProxyConnection;
class ServerApiClient;
class Session;

// Runs a scenario on the event loop, one step after the other, never blocking: every wait is a timer or a signal.
// Each step reports started and then passed or failed with the reason and the frames involved; after a failure
// the remaining steps are skipped. Talks to Centrifugo only through Session's public API and ServerApiClient.
//
//   ScenarioRunner runner;
//   connect(&runner, &ScenarioRunner::stepFinished, ...);
//   connect(&runner, &ScenarioRunner::finished, ...);
//   runner.start(scenario);
class ScenarioRunner : public QObject
{
    Q_OBJECT

public:
    explicit ScenarioRunner(QObject *parent = nullptr);
    ~ScenarioRunner() override;

    // Step by step: the runner waits for next() before each step (the first included).
    void setStepByStep(bool on) { m_stepByStep = on; }
    bool isStepByStep() const { return m_stepByStep; }
    // ${iteration} of the next start() (1-based).
    void setIteration(int iteration) { m_iteration = iteration; }

    // Starts a run (stopping one in progress). The scenario's settings are used as they are: apply overrides first.
    void start(const Scenario &scenario);
    // Step by step: runs the next step (or continues the run when step by step was switched off).
    void next();
    // Ends the run: the current step fails ("stopped"), the rest are skipped, sessions are closed.
    void stop();

    bool isRunning() const { return m_running; }
    // Waiting for next() in step-by-step mode.
    bool isWaitingForNext() const { return m_running && m_waitingForNext; }
    const Scenario &scenario() const { return m_scenario; }
    const QList<ScenarioStepResult> &results() const { return m_results; }
    bool passed() const;
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    const ScenarioVariables &variables() const { return m_vars; }
    // The session opened under this name in the current run, or nullptr.
    Session *session(const QString &name) const;
    // The proxy connection the session's current connection goes through, or nullptr (not proxied, or closed).
    ProxyConnection *proxyConnection(const QString &name) const;

signals:
    void stepStarted(int index, const QString &name);
    void stepFinished(const ScenarioStepResult &result);
    // Every frame of every session of the run, in and out (for a record).
    void frameSeen(const QString &session, const Frame &frame);
    void finished(bool passed);

private:
    struct Inbound
    {
        enum class Type { Reply, Push, Close };
        Type type = Type::Reply;
        QJsonObject json;
        quint32 id = 0;
        bool consumed = false;
    };
    struct Peer;

    void runNext();
    void runStep(const ScenarioStep &step, const QJsonObject &spec);
    void pass(const QString &reason, const QStringList &frames = {});
    void fail(const QString &reason, const QStringList &frames = {});
    void endStep(ScenarioStepResult::Status status, const QString &reason, const QStringList &frames);
    void finishRun();
    void poll();
    void wait(int timeoutMs, std::function<void()> onTimeout);
    int stepTimeout(const QJsonObject &spec) const;
    bool capture(const QJsonObject &spec, const QJsonValue &root, QString *error);

    Peer *peer(const QString &name) const;
    Peer *addPeer(const QString &name);
    void openSession(Peer *p, const QJsonObject &spec);
    void sendCommand(Peer *p, const QJsonObject &spec);
    void expectMessage(Peer *p, const QJsonObject &spec);
    void callApi(const QString &method, const QJsonObject &body, const QJsonObject &spec);
    void waitForEvent(Peer *p, const QString &event, const QJsonObject &spec);
    void fault(Peer *p, const QString &fault, const QJsonObject &spec);
    void proxyFault(Peer *p, const QString &fault, const QJsonObject &spec);
    // Puts a proxy in front of `upstream` for the session (a running one is kept when its upstream is the same);
    // returns the URL the session connects to, empty with *error set when the proxy cannot listen.
    QUrl startProxy(Peer *p, const SessionOptions &upstream, QString *error);
    void stopProxy(Peer *p);
    void closeSession(Peer *p, const QJsonObject &spec);
    void onFrame(Peer *p, const Frame &frame);
    QString signToken(const QJsonObject &claims, QString *error) const;
    static QString frameLine(const QString &session, const char *arrow, const QJsonObject &json);

    Scenario m_scenario;
    ScenarioVariables m_vars;
    QList<ScenarioStepResult> m_results;
    std::map<QString, std::unique_ptr<Peer>> m_peers;
    ServerApiClient *m_api = nullptr; // child
    quint64 m_apiCall = 0;
    std::function<void(const ServerApiReply &)> m_onApiReply;
    QTimer m_timeout;
    std::function<void()> m_onTimeout;
    std::function<void()> m_poll; // checks whether the current step is done; called on every event
    QElapsedTimer m_clock;
    QElapsedTimer m_stepClock;
    int m_current = -1;
    int m_iteration = 1;
    bool m_running = false;
    bool m_inStep = false;
    bool m_stepByStep = false;
    bool m_waitingForNext = false;
    bool m_unreachable = false; // the step that fails now failed for an unreachable server
};
