#pragma once

#include "clioptions.h"
#include "serverapiclient.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <cstdio>

// The server API mode of centrifugo-inspector-cli (docs/cli.md, "Server API"):
//   --api METHOD [JSON]  calls run one after another; each reply is one JSON line on `out` (the server's body, or
//                        {"transport_error": {...}} when there is none) and a sentence on `err`;
//   --publish-demo A,B   demo publications round-robin into the channels at --demo-rate, until interrupted or
//                        --demo-count; one line per publication on `out`.
// finished() carries the exit status: 0 all calls succeeded (or the demo ran until stopped or --demo-count), 1 a
// call failed (the demo: 10 failures in a row). A call whose JSON is not an object stops start() (usage error).
class ApiMode : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDemoFailuresInRow = 10;

    ApiMode(const CliOptions &options, FILE *out, FILE *err, QObject *parent = nullptr);

    // Splits "METHOD" or "METHOD JSON" into the method and the body ({} when there is none).
    static bool parseCall(const QString &spec, QString *method, QByteArray *body, QString *error);
    // The JSON line printed for a reply.
    static QByteArray outputLine(const ServerApiReply &reply);
    // The body of demo publication n (1-based) into channel: a chat-like text in several scripts, n and a time.
    static QJsonObject demoPublication(const QString &channel, qint64 n);

    // Returns false (with *error) when a call's JSON is not an object; nothing is sent then.
    bool start(QString *error);
    void interrupt();

signals:
    void finished(int exitCode);

private:
    void callNext();
    void publishNext();
    void onReply(quint64 id, const ServerApiReply &reply);
    void print(FILE *stream, const QByteArray &line);
    void finish(int code);

    CliOptions m_options;
    FILE *m_out;
    FILE *m_err;
    ServerApiClient m_client;
    QList<QPair<QString, QByteArray>> m_calls;
    QHash<quint64, QPair<qint64, QString>> m_demoCalls; // call id -> demo number, channel
    QTimer m_demoTimer;
    qint64 m_demoSent = 0;
    int m_failuresInRow = 0;
    int m_next = 0;
    int m_exitCode = CliOptions::kExitOk;
    bool m_finished = false;
};
