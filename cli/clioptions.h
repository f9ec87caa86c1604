#pragma once

#include "loadrunner.h"
#include "logentry.h"
#include "sessionoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
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
    // Server API calls instead of a live session (ApiMode): --api METHOD [JSON] (repeatable) or --publish-demo.
    QString apiUrl;          // --api-url, else $CENTRIFUGO_API_URL
    QString apiKey;          // --api-key, else $CENTRIFUGO_API_KEY
    QStringList apiCalls;    // "METHOD" or "METHOD JSON", in order
    QStringList publishDemo; // --publish-demo CHANNELS: demo publications round-robin over these
    double demoRate = 3;     // --demo-rate: publications per second
    qint64 demoCount = 0;    // --demo-count: stop after N; 0 = until interrupted
    // Merge of recordings instead of a live session (MergeMode): --merge A.jsonl B.jsonl ... --record OUT.
    QStringList mergePaths;
    bool isApiMode() const { return !apiCalls.isEmpty() || !publishDemo.isEmpty(); }
    // --probe: try every transport against the server of --url and report which work (TransportProbe).
    bool probe = false;
    // Proxy mode (ProxyMode, docs/proxy.md): listen on --proxy ADDRESS:PORT and forward to --url.
    QString proxyListen;           // empty = no proxy
    bool proxyAllowRemote = false; // --proxy-allow-remote: listen on an address that is not loopback
    QStringList inject;            // --inject SPEC, in order (ProxyMode::parseInjection)
    bool isProxyMode() const { return !proxyListen.isEmpty(); }
    // A scenario instead of a live session (ScenarioMode, docs/scenarios.md). The url and API settings given on
    // the command line (apiUrl, apiKey above; the WebSocket URL here) replace the file's "defaults".
    QString scenarioPath; // --scenario FILE
    QString scenarioUrl;  // --url, only when given
    QString junitPath;    // --junit FILE
    QString hmacSecret;   // --hmac-secret, else $CENTRIFUGO_HMAC_SECRET
    int repeat = 1;       // --repeat N
    bool isScenarioMode() const { return !scenarioPath.isEmpty(); }
    // A load run instead of a live session (LoadMode, docs/load.md).
    bool loadMode = false; // --load
    LoadRunner::Options load;

    // Parses arguments (arguments.first() is the program). Never exits the process.
    static Parse parse(const QStringList &arguments, CliOptions *options, QString *message);

private:
    static Parse parseApiOptions(const QCommandLineParser &p, const QCommandLineOption &api,
                                 const QCommandLineOption &apiUrl, const QCommandLineOption &apiKey,
                                 const QCommandLineOption &publishDemo, const QCommandLineOption &demoRate,
                                 const QCommandLineOption &demoCount, CliOptions *o, QString *message);
    static Parse parseLoadOptions(const QCommandLineParser &p, const QCommandLineOption &url,
                                  const QCommandLineOption &apiUrl, const QCommandLineOption &apiKey,
                                  const QCommandLineOption &protocol, const QCommandLineOption &duration, CliOptions *o,
                                  QString *message);
    static Parse parseScenarioOptions(const QCommandLineParser &p, const QCommandLineOption &url,
                                      const QCommandLineOption &apiUrl, const QCommandLineOption &apiKey,
                                      const QCommandLineOption &record, CliOptions *o, QString *message);

public:
    // Whether the run ends by itself when the commands are done (no limit and nothing subscribed).
    bool endsWhenCommandsDone() const { return frames == 0 && durationSec == 0 && subscribe.isEmpty(); }
};
