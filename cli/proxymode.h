#pragma once

#include "clioptions.h"
#include "proxyserver.h"
#include "recordwriter.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#include <cstdio>

// The CLI's proxy mode (--proxy ADDRESS:PORT, docs/proxy.md): runs a ProxyServer forwarding to --url, records
// every frame of every application connection (with its "conn"), applies the --inject faults, and ends on
// --duration or Ctrl+C like a normal run (exit 0; 2 when it cannot listen or the record cannot be written).
class ProxyMode : public QObject
{
    Q_OBJECT

public:
    // One --inject fault: `action` on connection `conn` (0 = every connection), `afterMs` after it was accepted.
    struct Injection
    {
        enum class Action { Close, DropUpstream, Delay, Drop, HoldPings, HoldPongs, Pass };
        Action action = Action::Pass;
        int conn = 0;
        int afterMs = 0;
        int code = 3001; // close
        QString reason;  // close
        int value = 0;   // delay: ms; drop: count
        QString channel; // drop
    };
    // Parses "after=5s,conn=2,close=3001:reason" (see --help). False with *error (a sentence) when malformed.
    static bool parseInjection(const QString &spec, Injection *out, QString *error);

    ProxyMode(const CliOptions &options, FILE *out, FILE *err, QObject *parent = nullptr);

    // Opens the record file and starts listening; false with *error (exit 2) when either fails.
    bool start(QString *error);
    // SIGINT/SIGTERM: closes every connection and finishes; a second request finishes at once.
    void interrupt(int signalNumber);

signals:
    void finished(int exitCode);

private:
    void onAccepted(ProxyConnection *connection);
    void apply(ProxyConnection *connection, const Injection &injection);
    void stop();
    void finish();
    QString summaryText() const;

    CliOptions m_options;
    FILE *m_out;
    FILE *m_err;
    QList<Injection> m_injections;
    ProxyServer m_server;
    RecordWriter m_writer;
    QTimer m_durationTimer;
    QTimer m_flushTimer;
    QTimer m_closeTimeout;
    bool m_stopping = false;
    bool m_finished = false;
    bool m_recordErrorPrinted = false;
};
