#pragma once

#include "clioptions.h"
#include "recordwriter.h"
#include "runsummary.h"
#include "session.h"

#include <QObject>
#include <QTimer>

// One run of the CLI: opens the session, subscribes, sends, records every frame, and decides when and how the
// run ends (see CliOptions' help text for the rules and exit statuses).
class Recorder : public QObject
{
    Q_OBJECT

public:
    explicit Recorder(const CliOptions &options, QObject *parent = nullptr);

    // Opens the record file and starts connecting. False (exit 2) when the record file cannot be written.
    bool start(QString *error);
    // SIGINT/SIGTERM: ends the run cleanly; a second request ends it at once.
    void interrupt(int signalNumber);

    const RunSummary &summary() const { return m_summary; }

signals:
    // Emitted once, when everything is flushed and printed.
    void finished(int exitCode);

private:
    void onStateChanged(Session::State state);
    void onConnected();
    void onConnectFailed(int code, const QString &message);
    void onFrame(const Frame &frame);
    void onClosed(int code, const QString &reason);
    void sendCommands();
    void checkCommandsDone();
    // Closes the connection normally, then finishes (or after a timeout if the close handshake hangs).
    void stop(int exitCode);
    void finish(int exitCode);

    CliOptions m_options;
    Session m_session;
    RecordWriter m_writer;
    RunSummary m_summary;
    QTimer m_durationTimer;
    QTimer m_closeTimeout;
    QTimer m_settleTimer;
    QTimer m_recordFlushTimer; // hands a quiet connection's frames to the record writer
    qint64 m_dataFramesIn = 0;
    int m_exitCode = 0;
    bool m_everOpen = false;
    bool m_commandsSent = false;
    bool m_limitReached = false;
    bool m_stopping = false;
    bool m_finished = false;
    bool m_recordErrorPrinted = false; // a failed record file is reported once
};
