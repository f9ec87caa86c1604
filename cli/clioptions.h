#pragma once

#include "logentry.h"
#include "sessionoptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The command line of centrifugo-inspector-cli, parsed and checked.
struct CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(CliOptions)

public:
    enum class Parse {
        Run,        // options are valid: run the recorder
        ShowHelp,   // --help / --version: *message holds the text for stdout, exit 0
        UsageError, // *message says what is wrong, exit 2
    };

    // Exit statuses, documented in --help and docs/cli.md.
    static constexpr int kExitOk = 0;
    static constexpr int kExitConnection = 1;
    static constexpr int kExitUsage = 2;

    SessionOptions session;
    QStringList subscribe;  // channels, subscribed in order after connect
    QStringList send;       // raw commands, sent in order after the subscribes
    QString recordPath;     // JSON Lines file; "-" = stdout; empty = no recording
    qint64 frames = 0;      // stop after this many received frames; 0 = no limit
    double durationSec = 0; // stop after this many seconds; 0 = no limit
    LogEntry::Level logLevel = LogEntry::Level::Info;
    bool summary = false;
    // Batch linting instead of a live session (LintMode): a JSON Lines file of frames, or a recording / HAR file.
    QString lintPath;          // --lint FILE ("-" = stdin)
    QString lintRecordingPath; // --lint-recording FILE

    // Parses arguments (arguments.first() is the program). Never exits the process.
    static Parse parse(const QStringList &arguments, CliOptions *options, QString *message);

    // Whether the run ends by itself when the commands are done (no limit and nothing subscribed).
    bool endsWhenCommandsDone() const { return frames == 0 && durationSec == 0 && subscribe.isEmpty(); }
};
