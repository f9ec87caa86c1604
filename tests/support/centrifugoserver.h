#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

// A real Centrifugo server for tests: one process per instance, on 127.0.0.1 and a free port.
//
//   CentrifugoServer server;
//   server.setEnvironmentOverride(QStringLiteral("client.ping_interval"), QStringLiteral("2s"));
//   QVERIFY2(server.start(), qPrintable(server.errorString()));
//   const QJsonObject reply = server.publish(QStringLiteral("chat:room"), QJsonObject{{"text", "hi"}});
//
// The binary is $CENTRIFUGO_BIN, else the one CMake found at configure time, else `centrifugo` on PATH.
// Settings are overridden through environment variables (Centrifugo v6 maps CENTRIFUGO_CLIENT_PING_INTERVAL to
// client.ping_interval and lets the environment win over the config file); the child gets no other
// CENTRIFUGO_* variables from the test's environment.
class CentrifugoServer : public QObject
{
    Q_OBJECT

public:
    explicit CentrifugoServer(QObject *parent = nullptr);
    ~CentrifugoServer() override;

    // tests/config/centrifugo-test.json in the source tree.
    static QString defaultConfigPath();
    // The Centrifugo binary that start() runs, or an empty string if none is found.
    static QString findBinary();
    // CENTRIFUGO_VERSION of scripts/versions.env ("v6.9.1"), or an empty string.
    static QString pinnedVersion();

    // Sets a Centrifugo setting for the next start(): key is a config path ("client.ping_interval") or a full
    // variable name ("CENTRIFUGO_CLIENT_PING_INTERVAL"); value as Centrifugo parses it ("2s", "true", "[...]").
    void setEnvironmentOverride(const QString &key, const QString &value);
    void clearEnvironmentOverrides();
    // Serves HTTPS/WSS with this PEM certificate and key from the next start() on. The harness itself trusts the
    // server whatever the certificate (it only checks readiness and calls the API); clients under test do not.
    void setTls(const QString &certificateFile, const QString &keyFile);
    QMap<QString, QString> environmentOverrides() const { return m_overrides; }

    // How long start() waits for /health to answer 200 (default 15000 ms).
    void setStartTimeout(int milliseconds) { m_startTimeoutMs = milliseconds; }

    // Starts the server (stopping a running one first) with configPath (empty: defaultConfigPath()) on
    // 127.0.0.1 and a free port, and waits until GET /health answers 200. extraArgs are appended to the command
    // line (e.g. "--log.level=debug"). On failure returns false; errorString() then holds the reason and the
    // server's output.
    bool start(const QString &configPath = QString(), const QStringList &extraArgs = {});
    // Terminates the server (SIGTERM, then SIGKILL after 5 s). Safe to call when not running.
    void stop();
    // Kills the server with SIGKILL, as a crash would (no shutdown, no disconnect sent), and waits for it to exit.
    void kill();
    // The port of the next start()s (0, the default: a free one each time). To restart a killed server where its
    // clients reconnect: setPort(port()) before start().
    void setPort(quint16 port) { m_fixedPort = port; }
    bool isRunning() const;
    // The server's process id (0 when not running), e.g. to kill -9 it in a test of a lost connection.
    qint64 processId() const { return m_process.processId(); }

    QString errorString() const { return m_errorString; }
    // Everything the server printed (stdout and stderr, JSON log lines), for failure messages.
    QString log() const;
    // The last lines of log(), short enough for a QVERIFY2 message.
    QString logTail(int lines = 30) const;

    QString binaryPath() const { return m_binary; }
    QString configPath() const { return m_configPath; }
    quint16 port() const { return m_port; }
    QUrl webSocketUrl() const;  // ws://127.0.0.1:PORT/connection/websocket
    QUrl httpUrl() const;       // http://127.0.0.1:PORT
    QString apiKey() const;     // http_api.key of the config, or its override
    QString hmacSecret() const; // client.token.hmac_secret_key of the config, or its override
    // Version reported by `centrifugo version`, e.g. "v6.9.1" (a plain `go install` without the version
    // stamped in reports "v0.0.0"). Empty if the binary cannot be run.
    QString version() const;

    // POST /api/<method> with X-API-Key; blocks in a local event loop until the reply arrives. Returns the
    // server's JSON object ({"result": ...} or {"error": ...}), or {"transport_error": text, "http_status": N}
    // when there is no JSON body (server down, HTTP 401, timeout).
    QJsonObject apiCall(const QString &method, const QJsonObject &body = {}, int timeoutMs = 10000);
    QJsonObject publish(const QString &channel, const QJsonValue &data);

signals:
    // The server exited while it was supposed to be running (not through stop()).
    void exitedUnexpectedly(int exitCode);

private:
    enum class Readiness { Ready, Exited, FailedToStart, TimedOut };

    bool fail(const QString &reason);
    void loadConfig();
    bool launch(const QStringList &extraArgs);
    Readiness waitUntilReady();
    void readOutput();
    QString overrideOrConfig(const QString &variable, const QString &configValue) const;

    QProcess m_process;
    QNetworkAccessManager m_network;
    QMap<QString, QString> m_overrides;
    QString m_binary;
    QString m_configPath;
    QString m_configApiKey;
    QString m_configHmacSecret;
    QString m_errorString;
    QByteArray m_log;
    mutable QString m_version;
    int m_startTimeoutMs = 15000;
    quint16 m_port = 0;
    quint16 m_fixedPort = 0;
    bool m_stopping = false;
    bool m_tls = false;
    bool m_trustAnyCertificate = false;
    bool m_starting = false;
};
