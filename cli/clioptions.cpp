#include "clioptions.h"

#include "connectioninput.h"
#include "wirecodec.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString description()
{
    return CliOptions::tr(
        "Headless recorder for Centrifugo (client protocol v2, JSON or Protobuf over WebSocket).\n"
        "\n"
        "Connects to URL, sends connect (with --token if given), subscribes to every --subscribe channel, sends\n"
        "every --send command in order, and records every WebSocket frame in and out.\n"
        "\n"
        "When it stops:\n"
        "  --frames N and/or --duration S: at whichever limit comes first.\n"
        "  --subscribe without limits: when interrupted (Ctrl+C, SIGTERM).\n"
        "  otherwise: when every --send command that expects a reply got it, plus 250 ms for the server's\n"
        "  reaction (a disconnect). With no --send at all this is a connection check.\n"
        "It then closes the connection normally (code 1000), flushes the record and prints the summary.\n"
        "SIGINT and SIGTERM end the run the same way.\n"
        "\n"
        "Record (--record): JSON Lines, one object per WebSocket frame, with time (ISO 8601 UTC, ms), dir\n"
        "(in/out), kind, channel, id, rtt_ms, size, frame (decoded message JSON), raw (exact payload) and\n"
        "code/reason for closes. See docs/cli.md for every field.\n"
        "\n"
        "Exit status:\n"
        "  0  clean finish: limit reached, commands done, or interrupted\n"
        "  1  the connection failed, connect was refused, the connection closed (who closed it, the code,\n"
        "     reason and explanation are printed: the server, this client for a deadline or a frame it\n"
        "     rejected, or the network), a deadline passed (handshake, connect reply, no ping from the\n"
        "     server, or --duration before the connection was open), or the record could not be written\n"
        "  2  bad usage (unknown option, bad value, record file not writable, Protobuf unavailable)");
}

QString apiDescription()
{
    return CliOptions::tr(
        "\n\nServer API (--api, --publish-demo; docs/cli.md): calls Centrifugo's server HTTP API at --api-url\n"
        "with --api-key instead of connecting. Each --api call prints the server's reply as one JSON line on\n"
        "stdout (a failure without a JSON reply prints {\"transport_error\": {...}}) and a sentence on stderr.\n"
        "Exit status: 0 when every call succeeded, 1 when one failed (API error, wrong key, unknown method,\n"
        "unreachable, timeout), 2 bad usage.");
}

// `--api METHOD JSON` is two arguments, which QCommandLineParser cannot take for one option: the JSON (an argument
// starting with '{') is joined to the method as "METHOD JSON".
QStringList joinApiArguments(const QStringList &arguments)
{
    QStringList joined;
    for (int i = 0; i < arguments.size(); ++i) {
        joined << arguments.at(i);
        const QString &a = arguments.at(i);
        if ((a == QLatin1String("--api") || a == QLatin1String("-api")) && i + 2 < arguments.size() &&
            arguments.at(i + 2).trimmed().startsWith(QLatin1Char('{'))) {
            joined << arguments.at(i + 1) + QLatin1Char(' ') + arguments.at(i + 2);
            i += 2;
        }
    }
    return joined;
}

bool isProtobufAvailable()
{
    return createWireCodec(Protocol::Format::Protobuf)->format() == Protocol::Format::Protobuf;
}

} // namespace

CliOptions::Parse CliOptions::parse(const QStringList &arguments, CliOptions *o, QString *message)
{
    QCommandLineParser p;
    p.setApplicationDescription(description() + apiDescription());
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version and exit."));
    const QCommandLineOption url(QStringLiteral("url"),
                                 tr("WebSocket endpoint (default ws://127.0.0.1:8000/connection/websocket)."),
                                 QStringLiteral("URL"), o->session.url.toString());
    const QCommandLineOption token(QStringLiteral("token"), tr("Connection JWT sent in connect."), QStringLiteral("T"));
    const QCommandLineOption subscribe(
        QStringLiteral("subscribe"), tr("Subscribe to CHANNEL after connect. Repeatable."), QStringLiteral("CHANNEL"));
    const QCommandLineOption send(QStringLiteral("send"),
                                  tr("Send JSON as a raw command after connect and the subscribes, in the order "
                                     "given. Repeatable. Linted first: findings go to stderr with their severity, "
                                     "and the command is sent anyway (to see what the server does)."),
                                  QStringLiteral("JSON"));
    const QCommandLineOption record(QStringLiteral("record"),
                                    tr("Record every frame to FILE as JSON Lines (\"-\" = stdout). Buffered; "
                                       "flushed at exit."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption frames(QStringLiteral("frames"),
                                    tr("Stop after N frames received (the closing frame is recorded as well)."),
                                    QStringLiteral("N"));
    const QCommandLineOption duration(QStringLiteral("duration"), tr("Stop after SECONDS (fractions allowed)."),
                                      QStringLiteral("SECONDS"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      tr("Log to stderr from this level up: trace, debug, info, warning, error "
                                         "(default info). QT_LOGGING_RULES still applies on top."),
                                      QStringLiteral("LEVEL"), QStringLiteral("info"));
    const QCommandLineOption summary(QStringLiteral("summary"),
                                     tr("At exit, print messages per kind and per channel, bytes in/out and the "
                                        "frame rate."));
    const QCommandLineOption protocol(QStringLiteral("protocol"), tr("Wire format: json or protobuf (default json)."),
                                      QStringLiteral("json|protobuf"), QStringLiteral("json"));
    const QCommandLineOption noAutoPong(QStringLiteral("no-auto-pong"),
                                        tr("Do not answer server pings (the server then closes with 3012 no pong)."));
    p.addOptions({help, version, url, token, subscribe, send, record, frames, duration, logLevel, summary, protocol,
                  noAutoPong});
    // Deadlines (docs/cli.md): each one that passes ends the run with status 1 and says which.
    const QCommandLineOption handshakeTimeout(
        QStringLiteral("handshake-timeout"),
        tr("Give up when the WebSocket handshake is not answered within SECONDS (default 10; 0 = wait forever)."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption connectTimeout(
        QStringLiteral("connect-timeout"),
        tr("Give up when connect is not answered within SECONDS (default 10; 0 = wait forever)."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption pingTolerance(
        QStringLiteral("ping-tolerance"),
        tr("How late the server's ping may be: a warning after its interval + SECONDS, the end of the run (\"no "
           "ping from the server\") after its interval + twice SECONDS (default 5)."),
        QStringLiteral("SECONDS"), QStringLiteral("5"));
    p.addOptions({handshakeTimeout, connectTimeout, pingTolerance});
    const QCommandLineOption transport(QStringLiteral("transport"),
                                       tr("How to reach the server: websocket (default), http_stream, sse, "
                                          "uni_websocket, uni_sse or uni_http_stream. --url names that transport's "
                                          "endpoint (default: its standard path on 127.0.0.1:8000)."),
                                       QStringLiteral("NAME"), QStringLiteral("websocket"));
    const QCommandLineOption probe(QStringLiteral("probe"),
                                   tr("Try every transport against the server of --url (its host and port) and "
                                      "print which work, the connect time and the reason of each failure. Exit 0 "
                                      "when one works."));
    p.addOptions({transport, probe});
    const QCommandLineOption lint(QStringLiteral("lint"),
                                  tr("Lint frames instead of connecting: JSON Lines {\"frame\": ..., \"state\": {...}} "
                                     "from FILE (- for stdin), one JSON line per frame with the predicted outcome."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption lintRecording(QStringLiteral("lint-recording"),
                                           tr("Lint the sent frames of a JSON Lines recording or a HAR file, in the "
                                              "order they were sent."),
                                           QStringLiteral("FILE"));
    p.addOptions({lint, lintRecording});
    const QCommandLineOption apiUrl(QStringLiteral("api-url"),
                                    tr("Centrifugo's server API: the server's base URL or its /api prefix "
                                       "(default $CENTRIFUGO_API_URL)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
                                    tr("The server API key, sent as X-API-Key (default $CENTRIFUGO_API_KEY)."),
                                    QStringLiteral("KEY"));
    const QCommandLineOption api(QStringLiteral("api"),
                                 tr("Call the server API instead of connecting: METHOD (publish, broadcast, "
                                    "subscribe, unsubscribe, disconnect, refresh, presence, presence_stats, "
                                    "history, history_remove, channels, info, batch) with a JSON body (default "
                                    "{}). Repeatable; run in order; each reply is printed as one JSON line."),
                                 QStringLiteral("METHOD JSON"));
    const QCommandLineOption publishDemo(QStringLiteral("publish-demo"),
                                         tr("Publish demo messages through the server API, round-robin into the "
                                            "comma-separated CHANNELS, until interrupted (or --demo-count)."),
                                         QStringLiteral("CHANNELS"));
    const QCommandLineOption demoRate(QStringLiteral("demo-rate"), tr("Demo publications per second (default 3)."),
                                      QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption demoCount(QStringLiteral("demo-count"),
                                       tr("Stop the demo after N publications (default 0: until interrupted)."),
                                       QStringLiteral("N"), QStringLiteral("0"));
    p.addOptions({apiUrl, apiKey, api, publishDemo, demoRate, demoCount});
    const QCommandLineOption merge(QStringLiteral("merge"),
                                   tr("Merge recordings (FILE and the files after it) into one, in time order, each "
                                      "line with a \"source\" field naming its file's client; written to --record "
                                      "(default stdout)."),
                                   QStringLiteral("FILE"));
    p.addOption(merge);
    const QCommandLineOption proxy(QStringLiteral("proxy"),
                                   tr("Proxy mode: listen on ADDRESS:PORT (loopback) and forward every application "
                                      "connection to --url, recording both ways (docs/proxy.md)."),
                                   QStringLiteral("ADDRESS:PORT"));
    const QCommandLineOption proxyAllowRemote(QStringLiteral("proxy-allow-remote"),
                                              tr("Let --proxy listen on an address that is not loopback."));
    const QCommandLineOption inject(QStringLiteral("inject"),
                                    tr("Proxy mode: inject a fault, e.g. after=5s,close=3001 or conn=2,drop=chat:5, "
                                       "delay=200, drop-upstream, hold-pings, hold-pongs, pass. Repeatable."),
                                    QStringLiteral("SPEC"));
    p.addOptions({proxy, proxyAllowRemote, inject});
    // Scenarios (docs/scenarios.md): --url, --api-url, --api-key and --record apply to them as well.
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        tr("Run the QA scenario in FILE (JSON or YAML, docs/scenarios.md) and exit 0 when every "
           "step passed, 1 when one failed, 2 for a bad file or an unreachable server."),
        QStringLiteral("FILE"));
    const QCommandLineOption junit(QStringLiteral("junit"), tr("With --scenario: write a JUnit XML report to FILE."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), tr("With --scenario: run it N times (default 1)."),
                                    QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption hmacSecret(QStringLiteral("hmac-secret"),
                                        tr("With --scenario: the HMAC secret that signs tokens given as claims "
                                           "(default $CENTRIFUGO_HMAC_SECRET, then the file's)."),
                                        QStringLiteral("SECRET"));
    p.addOptions({scenario, junit, repeat, hmacSecret});
    // Load runs (docs/load.md): --url, --api-url, --api-key, --protocol and --duration apply to them as well.
    const QCommandLineOption load(QStringLiteral("load"),
                                  tr("Load run: open --connections lightweight connections, subscribe them to "
                                     "--channels channels, publish through the server API or a connection "
                                     "(--publish-via) at --publish-rate for --duration seconds, and report latency "
                                     "percentiles, deliveries, losses, errors, CPU and memory (JSON on stdout)."));
    const QCommandLineOption connections(QStringLiteral("connections"),
                                         tr("With --load: connections to open (default 100)."), QStringLiteral("N"),
                                         QStringLiteral("100"));
    const QCommandLineOption connectRate(QStringLiteral("connect-rate"),
                                         tr("With --load: new connections per second (default 1000)."),
                                         QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption channels(QStringLiteral("channels"), tr("With --load: channels (default 10)."),
                                      QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption publishRate(QStringLiteral("publish-rate"),
                                         tr("With --load: publications per second (default 100)."), QStringLiteral("N"),
                                         QStringLiteral("100"));
    p.addOptions({load, connections, connectRate, channels, publishRate});
    const QCommandLineOption publishVia(QStringLiteral("publish-via"),
                                        tr("With --load: publish through the server API (api, the default) or over one "
                                           "more connection that is not subscribed (client)."),
                                        QStringLiteral("api|client"), QStringLiteral("api"));
    p.addOption(publishVia);

    if (!p.parse(joinApiArguments(arguments))) {
        *message = p.errorText();
        return Parse::UsageError;
    }
    if (p.isSet(help)) {
        *message = p.helpText();
        return Parse::ShowHelp;
    }
    if (p.isSet(version)) {
        *message = QStringLiteral("centrifugo-inspector-cli %1\n").arg(QStringLiteral(INSPECTOR_VERSION));
        return Parse::ShowHelp;
    }
    if (p.isSet(merge)) {
        o->mergePaths = p.values(merge) + p.positionalArguments();
        o->recordPath = p.value(record);
        return Parse::Run;
    }
    if (!p.positionalArguments().isEmpty()) {
        *message = tr("Unexpected argument: %1").arg(p.positionalArguments().constFirst());
        return Parse::UsageError;
    }

    if (p.isSet(lint) || p.isSet(lintRecording)) {
        o->lintPath = p.value(lint);
        o->lintRecordingPath = p.value(lintRecording);
        if (p.isSet(lint) == p.isSet(lintRecording) || (o->lintPath.isEmpty() && o->lintRecordingPath.isEmpty())) {
            *message = tr("give one of --lint FILE or --lint-recording FILE");
            return Parse::UsageError;
        }
        return Parse::Run;
    }

    if (p.isSet(load)) {
        o->loadMode = true;
        bool ok1 = false;
        bool ok2 = false;
        bool ok3 = false;
        bool ok4 = false;
        o->load.connections = p.value(connections).toInt(&ok1);
        o->load.connectRate = p.value(connectRate).toDouble(&ok2);
        o->load.channels = p.value(channels).toInt(&ok3);
        o->load.publishRate = p.value(publishRate).toDouble(&ok4);
        if (!ok1 || !ok2 || !ok3 || !ok4 || o->load.connections < 1 || !(o->load.connectRate > 0) ||
            o->load.channels < 1 || !(o->load.publishRate > 0)) {
            *message = tr("--connections, --connect-rate, --channels and --publish-rate must be positive numbers");
            return Parse::UsageError;
        }
        const QString via = p.value(publishVia);
        if (via != QLatin1String("api") && via != QLatin1String("client")) {
            *message = tr("--publish-via must be api or client, not \"%1\"").arg(via);
            return Parse::UsageError;
        }
        o->load.publishVia =
            via == QLatin1String("client") ? LoadRunner::PublishVia::Client : LoadRunner::PublishVia::Api;
        return parseLoadOptions(p, url, apiUrl, apiKey, protocol, duration, o, message);
    }
    if (p.isSet(scenario)) {
        o->scenarioPath = p.value(scenario);
        o->junitPath = p.value(junit);
        o->hmacSecret = p.isSet(hmacSecret) ? p.value(hmacSecret) : qEnvironmentVariable("CENTRIFUGO_HMAC_SECRET");
        bool ok = false;
        o->repeat = p.value(repeat).toInt(&ok);
        if (!ok || o->repeat < 1) {
            *message = tr("--repeat must be a positive whole number, not \"%1\"").arg(p.value(repeat));
            return Parse::UsageError;
        }
        // Step lines on stdout say what happens; the sessions' own info lines only with --log-level.
        o->logLevel = LogEntry::Level::Warning;
        if (p.isSet(logLevel) && !LogEntry::levelFromName(p.value(logLevel), &o->logLevel)) {
            *message =
                tr("--log-level must be trace, debug, info, warning or error, not \"%1\"").arg(p.value(logLevel));
            return Parse::UsageError;
        }
        return parseScenarioOptions(p, url, apiUrl, apiKey, record, o, message);
    }
    if (p.isSet(junit) || p.isSet(repeat) || p.isSet(hmacSecret)) {
        *message = tr("--junit, --repeat and --hmac-secret need --scenario FILE");
        return Parse::UsageError;
    }

    if (p.isSet(api) || p.isSet(publishDemo))
        return parseApiOptions(p, api, apiUrl, apiKey, publishDemo, demoRate, demoCount, o, message);

    if (!Transports::fromName(p.value(transport), &o->session.transport)) {
        *message = tr("--transport must be one of websocket, http_stream, sse, uni_websocket, uni_sse, "
                      "uni_http_stream, not \"%1\"")
                       .arg(p.value(transport));
        return Parse::UsageError;
    }
    o->probe = p.isSet(probe);
    QUrl u(p.value(url), QUrl::StrictMode);
    if (!p.isSet(url) && u.isValid())
        u = Transports::endpointUrl(u, o->session.transport);
    const bool webSocket = Transports::usesWebSocket(o->session.transport) || o->probe;
    if (!u.isValid() || u.host().isEmpty() || (!ConnectionInput::schemeFits(u, o->session.transport) && !o->probe)) {
        *message = webSocket ? tr("--url must be a ws:// or wss:// URL, not \"%1\"").arg(p.value(url))
                             : tr("--url must be an http:// or https:// URL for --transport %1, not \"%2\"")
                                   .arg(p.value(transport), p.value(url));
        return Parse::UsageError;
    }
    o->session.url = u;
    o->session.token = p.value(token);
    o->session.autoPong = !p.isSet(noAutoPong);

    const QString format = p.value(protocol);
    if (format == QLatin1String("json")) {
        o->session.format = Protocol::Format::Json;
    } else if (format == QLatin1String("protobuf")) {
        if (!isProtobufAvailable()) {
            *message = tr("--protocol protobuf: this build has no Protobuf codec; use --protocol json");
            return Parse::UsageError;
        }
        o->session.format = Protocol::Format::Protobuf;
    } else {
        *message = tr("--protocol must be json or protobuf, not \"%1\"").arg(format);
        return Parse::UsageError;
    }

    o->subscribe = p.values(subscribe);
    for (const QString &channel : std::as_const(o->subscribe)) {
        if (channel.isEmpty()) {
            *message = tr("--subscribe needs a channel name");
            return Parse::UsageError;
        }
    }
    o->send = p.values(send);
    if (o->session.format == Protocol::Format::Protobuf) {
        // Protobuf frames are built from JSON objects, so each line of a command must be one.
        for (const QString &command : std::as_const(o->send)) {
            for (const QString &line : command.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                QJsonParseError error;
                const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
                if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                    *message =
                        tr("--send with --protocol protobuf needs JSON objects (one per line), not \"%1\"").arg(line);
                    return Parse::UsageError;
                }
            }
        }
    }
    o->recordPath = p.value(record);
    if (p.isSet(record) && o->recordPath.isEmpty()) {
        *message = tr("--record needs a file name (or - for stdout)");
        return Parse::UsageError;
    }

    if (p.isSet(frames)) {
        bool ok = false;
        o->frames = p.value(frames).toLongLong(&ok);
        if (!ok || o->frames <= 0) {
            *message = tr("--frames must be a positive whole number, not \"%1\"").arg(p.value(frames));
            return Parse::UsageError;
        }
    }
    if (p.isSet(duration)) {
        bool ok = false;
        o->durationSec = p.value(duration).toDouble(&ok);
        if (!ok || !(o->durationSec > 0) || o->durationSec > 1e6) {
            *message = tr("--duration must be a positive number of seconds, not \"%1\"").arg(p.value(duration));
            return Parse::UsageError;
        }
    }
    if (!LogEntry::levelFromName(p.value(logLevel), &o->logLevel)) {
        *message = tr("--log-level must be trace, debug, info, warning or error, not \"%1\"").arg(p.value(logLevel));
        return Parse::UsageError;
    }
    o->summary = p.isSet(summary);
    const struct
    {
        const QCommandLineOption &option;
        int *ms;
    } deadlines[] = {{handshakeTimeout, &o->session.handshakeTimeoutMs},
                     {connectTimeout, &o->session.connectTimeoutMs},
                     {pingTolerance, &o->session.pingToleranceMs}};
    for (const auto &d : deadlines) {
        bool ok = false;
        const double seconds = p.value(d.option).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 1e6) {
            *message = tr("--%1 must be a number of seconds (0 or more), not \"%2\"")
                           .arg(d.option.names().constFirst(), p.value(d.option));
            return Parse::UsageError;
        }
        *d.ms = int(seconds * 1000);
    }
    if (p.isSet(proxy)) {
        o->proxyListen = p.value(proxy);
        o->proxyAllowRemote = p.isSet(proxyAllowRemote);
        o->inject = p.values(inject);
        if (o->proxyListen.isEmpty() || !o->subscribe.isEmpty() || !o->send.isEmpty() || o->frames > 0) {
            *message = tr("--proxy needs ADDRESS:PORT and takes no --subscribe, --send or --frames");
            return Parse::UsageError;
        }
    } else if (p.isSet(inject)) {
        *message = tr("--inject works in proxy mode only (--proxy)");
        return Parse::UsageError;
    }
    return Parse::Run;
}

CliOptions::Parse CliOptions::parseApiOptions(const QCommandLineParser &p, const QCommandLineOption &api,
                                              const QCommandLineOption &apiUrl, const QCommandLineOption &apiKey,
                                              const QCommandLineOption &publishDemo, const QCommandLineOption &demoRate,
                                              const QCommandLineOption &demoCount, CliOptions *o, QString *message)
{
    o->apiUrl = p.isSet(apiUrl) ? p.value(apiUrl) : qEnvironmentVariable("CENTRIFUGO_API_URL");
    o->apiKey = p.isSet(apiKey) ? p.value(apiKey) : qEnvironmentVariable("CENTRIFUGO_API_KEY");
    if (o->apiUrl.isEmpty()) {
        *message = tr("--api and --publish-demo need --api-url URL (or CENTRIFUGO_API_URL)");
        return Parse::UsageError;
    }
    o->apiCalls = p.values(api);
    for (const QString &call : std::as_const(o->apiCalls)) {
        if (call.trimmed().isEmpty()) {
            *message = tr("--api needs a method name");
            return Parse::UsageError;
        }
    }
    if (p.isSet(publishDemo)) {
        for (const QString &channel : p.value(publishDemo).split(QLatin1Char(','))) {
            if (!channel.trimmed().isEmpty())
                o->publishDemo << channel.trimmed();
        }
        if (o->publishDemo.isEmpty()) {
            *message = tr("--publish-demo needs at least one channel");
            return Parse::UsageError;
        }
    }
    bool ok = false;
    o->demoRate = p.value(demoRate).toDouble(&ok);
    if (!ok || !(o->demoRate > 0) || o->demoRate > 10000) {
        *message = tr("--demo-rate must be a positive number, not \"%1\"").arg(p.value(demoRate));
        return Parse::UsageError;
    }
    o->demoCount = p.value(demoCount).toLongLong(&ok);
    if (!ok || o->demoCount < 0) {
        *message = tr("--demo-count must be a whole number (0 or more), not \"%1\"").arg(p.value(demoCount));
        return Parse::UsageError;
    }
    return Parse::Run;
}

CliOptions::Parse CliOptions::parseScenarioOptions(const QCommandLineParser &p, const QCommandLineOption &url,
                                                   const QCommandLineOption &apiUrl, const QCommandLineOption &apiKey,
                                                   const QCommandLineOption &record, CliOptions *o, QString *message)
{
    if (o->scenarioPath.isEmpty()) {
        *message = tr("--scenario needs a file name");
        return Parse::UsageError;
    }
    if (p.isSet(url)) {
        const QUrl u(p.value(url), QUrl::StrictMode);
        if (!u.isValid() || (u.scheme() != QLatin1String("ws") && u.scheme() != QLatin1String("wss"))) {
            *message = tr("--url must be a ws:// or wss:// URL, not \"%1\"").arg(p.value(url));
            return Parse::UsageError;
        }
        o->scenarioUrl = p.value(url);
    }
    o->apiUrl = p.isSet(apiUrl) ? p.value(apiUrl) : qEnvironmentVariable("CENTRIFUGO_API_URL");
    o->apiKey = p.isSet(apiKey) ? p.value(apiKey) : qEnvironmentVariable("CENTRIFUGO_API_KEY");
    o->recordPath = p.value(record);
    if (p.isSet(record) && o->recordPath.isEmpty()) {
        *message = tr("--record needs a file name (or - for stdout)");
        return Parse::UsageError;
    }
    return Parse::Run;
}

CliOptions::Parse CliOptions::parseLoadOptions(const QCommandLineParser &p, const QCommandLineOption &url,
                                               const QCommandLineOption &apiUrl, const QCommandLineOption &apiKey,
                                               const QCommandLineOption &protocol, const QCommandLineOption &duration,
                                               CliOptions *o, QString *message)
{
    const QUrl u(p.value(url), QUrl::StrictMode);
    if (!u.isValid() || u.scheme() != QLatin1String("ws") || u.host().isEmpty()) {
        *message = tr("--load needs a ws:// URL, not \"%1\"").arg(p.value(url));
        return Parse::UsageError;
    }
    o->load.url = u;
    o->load.apiUrl = p.isSet(apiUrl) ? p.value(apiUrl) : qEnvironmentVariable("CENTRIFUGO_API_URL");
    o->load.apiKey = p.isSet(apiKey) ? p.value(apiKey) : qEnvironmentVariable("CENTRIFUGO_API_KEY");
    if (o->load.apiUrl.isEmpty() && o->load.publishVia == LoadRunner::PublishVia::Api) {
        *message = tr("--load publishes through the server API: give --api-url URL (or CENTRIFUGO_API_URL)");
        return Parse::UsageError;
    }
    const QString format = p.value(protocol);
    if (format != QLatin1String("json") && format != QLatin1String("protobuf")) {
        *message = tr("--protocol must be json or protobuf, not \"%1\"").arg(format);
        return Parse::UsageError;
    }
    o->load.format = format == QLatin1String("json") ? Protocol::Format::Json : Protocol::Format::Protobuf;
    if (p.isSet(duration)) {
        bool ok = false;
        o->load.durationSec = p.value(duration).toDouble(&ok);
        if (!ok || !(o->load.durationSec > 0)) {
            *message = tr("--duration must be a positive number of seconds, not \"%1\"").arg(p.value(duration));
            return Parse::UsageError;
        }
    }
    return Parse::Run;
}
