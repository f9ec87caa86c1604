#include "centrifugoserver.h"

#include "testsupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QSslError>

#include <QStandardPaths>
#include <QTimer>
#include <utility>

namespace {

constexpr int StartAttempts = 3;           // a port picked free can be taken before Centrifugo binds it
constexpr int HealthPollIntervalMs = 50;   // pause between two /health requests while the server boots
constexpr int StopGraceMs = 5000;          // SIGTERM -> SIGKILL
constexpr qsizetype MaxLogBytes = 4 << 20; // keep the newest 4 MiB of server output

const QString EnvPrefix = QStringLiteral("CENTRIFUGO_");

QString loopbackHost()
{
    return QStringLiteral("127.0.0.1");
}

QString normalizedVariable(const QString &key)
{
    if (key.startsWith(EnvPrefix))
        return key;
    QString name = key.toUpper();
    name.replace(QLatin1Char('.'), QLatin1Char('_'));
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    return EnvPrefix + name;
}

} // namespace

CentrifugoServer::CentrifugoServer(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &CentrifugoServer::readOutput);
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        readOutput();
        if (m_stopping || m_starting)
            return; // stop() asked for it, or start() reports it
        qCWarning(lcTestHarness).noquote() << "centrifugo exited unexpectedly, code" << exitCode
                                           << (status == QProcess::CrashExit ? "(crash)" : "") << "\n"
                                           << logTail();
        emit exitedUnexpectedly(exitCode);
    });
    // Only loopback traffic: never route it through a proxy from the environment.
    m_network.setProxy(QNetworkProxy::NoProxy);
}

CentrifugoServer::~CentrifugoServer()
{
    stop();
}

QString CentrifugoServer::defaultConfigPath()
{
    return TestSupport::sourcePath(QStringLiteral("tests/config/centrifugo-test.json"));
}

QString CentrifugoServer::findBinary()
{
    const QString fromEnv = qEnvironmentVariable("CENTRIFUGO_BIN");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isExecutable() ? QFileInfo(fromEnv).absoluteFilePath() : QString();

    const QString configured = QStringLiteral(INSPECTOR_TESTSUPPORT_CENTRIFUGO_BIN);
    if (!configured.isEmpty() && QFileInfo(configured).isExecutable())
        return configured;

    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("centrifugo"));
    if (!onPath.isEmpty())
        return onPath;

    // Where scripts/install-deps.sh puts it, in case CMake ran before the install.
    const QString gopath = qEnvironmentVariable("GOPATH", QDir::homePath() + QStringLiteral("/go"));
    const QString installed = gopath.section(QLatin1Char(':'), 0, 0) + QStringLiteral("/bin/centrifugo");
    return QFileInfo(installed).isExecutable() ? installed : QString();
}

QString CentrifugoServer::pinnedVersion()
{
    QFile file(TestSupport::sourcePath(QStringLiteral("scripts/versions.env")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    static const QRegularExpression line(QStringLiteral("^CENTRIFUGO_VERSION=\"?([^\"\\s]+)"),
                                         QRegularExpression::MultilineOption);
    return line.match(QString::fromUtf8(file.readAll())).captured(1);
}

void CentrifugoServer::setEnvironmentOverride(const QString &key, const QString &value)
{
    m_overrides.insert(normalizedVariable(key), value);
}

void CentrifugoServer::clearEnvironmentOverrides()
{
    m_overrides.clear();
}

bool CentrifugoServer::start(const QString &configPath, const QStringList &extraArgs)
{
    stop();
    m_errorString.clear();
    m_log.clear();
    m_port = 0;

    m_binary = findBinary();
    if (m_binary.isEmpty()) {
        return fail(QStringLiteral("centrifugo binary not found (CENTRIFUGO_BIN=\"%1\", nor at the configured "
                                   "path, nor on PATH): run scripts/install-deps.sh")
                        .arg(qEnvironmentVariable("CENTRIFUGO_BIN")));
    }
    m_configPath = QFileInfo(configPath.isEmpty() ? defaultConfigPath() : configPath).absoluteFilePath();
    if (!QFileInfo::exists(m_configPath))
        return fail(QStringLiteral("config file %1 does not exist").arg(m_configPath));
    loadConfig();

    const QScopedValueRollback<bool> starting(m_starting, true);
    for (int attempt = 1; attempt <= StartAttempts; ++attempt) {
        m_port = m_fixedPort ? m_fixedPort : TestSupport::freeLoopbackPort();
        if (m_port == 0)
            return fail(QStringLiteral("could not find a free TCP port on 127.0.0.1"));
        if (!launch(extraArgs))
            return false;

        switch (waitUntilReady()) {
        case Readiness::Ready:
            qCInfo(lcTestHarness).noquote()
                << "centrifugo" << version() << "ready at" << httpUrl().toString() << "pid" << m_process.processId();
            return true;
        case Readiness::FailedToStart:
            return fail(QStringLiteral("could not run %1: %2").arg(m_binary, m_process.errorString()));
        case Readiness::TimedOut:
            stop();
            return fail(
                QStringLiteral("centrifugo not ready within %1 ms on port %2").arg(m_startTimeoutMs).arg(m_port));
        case Readiness::Exited:
            if (attempt < StartAttempts && m_log.contains("address already in use")) {
                qCInfo(lcTestHarness) << "port" << m_port << "was taken meanwhile, retrying with another one";
                m_log.clear();
                continue;
            }
            return fail(QStringLiteral("centrifugo exited during startup with code %1").arg(m_process.exitCode()));
        }
    }
    return fail(QStringLiteral("centrifugo could not bind a port in %1 attempts").arg(StartAttempts));
}

void CentrifugoServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.terminate();
    if (!m_process.waitForFinished(StopGraceMs)) {
        qCWarning(lcTestHarness) << "centrifugo ignored SIGTERM for" << StopGraceMs << "ms, killing it";
        m_process.kill();
        m_process.waitForFinished(StopGraceMs);
    }
    readOutput();
    m_stopping = false;
}

void CentrifugoServer::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.kill();
    m_process.waitForFinished(StopGraceMs);
    readOutput();
    m_stopping = false;
}

bool CentrifugoServer::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QString CentrifugoServer::log() const
{
    return QString::fromUtf8(m_log);
}

QString CentrifugoServer::logTail(int lines) const
{
    QList<QByteArray> all = m_log.trimmed().split('\n');
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return QString::fromUtf8(all.join('\n'));
}

QUrl CentrifugoServer::webSocketUrl() const
{
    return QUrl(QStringLiteral("%1://%2:%3/connection/websocket")
                    .arg(m_tls ? QStringLiteral("wss") : QStringLiteral("ws"), loopbackHost())
                    .arg(m_port));
}

QUrl CentrifugoServer::httpUrl() const
{
    return QUrl(QStringLiteral("%1://%2:%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), loopbackHost())
                    .arg(m_port));
}

QString CentrifugoServer::apiKey() const
{
    return overrideOrConfig(QStringLiteral("CENTRIFUGO_HTTP_API_KEY"), m_configApiKey);
}

QString CentrifugoServer::hmacSecret() const
{
    return overrideOrConfig(QStringLiteral("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY"), m_configHmacSecret);
}

QString CentrifugoServer::version() const
{
    if (!m_version.isEmpty())
        return m_version;
    const QString binary = m_binary.isEmpty() ? findBinary() : m_binary;
    if (binary.isEmpty())
        return {};
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary, {QStringLiteral("version")});
    if (!process.waitForFinished(10000) || process.exitCode() != 0)
        return {};
    // "Centrifugo v6.9.1 (Go version: go1.26.8)"
    static const QRegularExpression pattern(QStringLiteral("Centrifugo\\s+(\\S+)"));
    m_version = pattern.match(QString::fromUtf8(process.readAll())).captured(1);
    return m_version;
}

void CentrifugoServer::setTls(const QString &certificateFile, const QString &keyFile)
{
    m_tls = true;
    setEnvironmentOverride(QStringLiteral("http_server.tls.enabled"), QStringLiteral("true"));
    setEnvironmentOverride(QStringLiteral("http_server.tls.cert_pem"), certificateFile);
    setEnvironmentOverride(QStringLiteral("http_server.tls.key_pem"), keyFile);
    // Connected once: this server's replies are trusted whatever the certificate.
    if (!std::exchange(m_trustAnyCertificate, true))
        connect(&m_network, &QNetworkAccessManager::sslErrors, this,
                [](QNetworkReply *reply, const QList<QSslError> &) { reply->ignoreSslErrors(); });
}

QJsonObject CentrifugoServer::apiCall(const QString &method, const QJsonObject &body, int timeoutMs)
{
    if (!isRunning())
        return {{QStringLiteral("transport_error"), QStringLiteral("centrifugo is not running")}};

    QUrl url = httpUrl();
    url.setPath(QStringLiteral("/api/") + method);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("X-API-Key", apiKey().toUtf8());

    QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    bool timedOut = false;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort(); // emits finished
    });
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    timer.stop();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray payload = reply->readAll();
    const QString networkError = reply->errorString();
    reply->deleteLater();

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &parseError);
    if (!timedOut && parseError.error == QJsonParseError::NoError && document.isObject())
        return document.object();

    QString reason;
    if (timedOut)
        reason = QStringLiteral("no reply to /api/%1 within %2 ms").arg(method).arg(timeoutMs);
    else if (payload.isEmpty())
        reason = networkError;
    else
        reason = QStringLiteral("not a JSON object: %1").arg(QString::fromUtf8(payload.left(200)));
    return {{QStringLiteral("transport_error"), reason}, {QStringLiteral("http_status"), status}};
}

QJsonObject CentrifugoServer::publish(const QString &channel, const QJsonValue &data)
{
    return apiCall(QStringLiteral("publish"), {{QStringLiteral("channel"), channel}, {QStringLiteral("data"), data}});
}

bool CentrifugoServer::fail(const QString &reason)
{
    m_errorString = reason;
    if (!m_log.isEmpty())
        m_errorString += QStringLiteral("\n--- centrifugo output (%1) ---\n%2").arg(m_binary, logTail(60));
    qCWarning(lcTestHarness).noquote() << m_errorString;
    return false;
}

void CentrifugoServer::loadConfig()
{
    m_configApiKey.clear();
    m_configHmacSecret.clear();
    QFile file(m_configPath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    // Only JSON configs are read here; with TOML/YAML configs set the key through setEnvironmentOverride().
    const QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    m_configApiKey = config.value(QStringLiteral("http_api")).toObject().value(QStringLiteral("key")).toString();
    m_configHmacSecret = config.value(QStringLiteral("client"))
                             .toObject()
                             .value(QStringLiteral("token"))
                             .toObject()
                             .value(QStringLiteral("hmac_secret_key"))
                             .toString();
}

bool CentrifugoServer::launch(const QStringList &extraArgs)
{
    // The child sees only the overrides of this instance, not CENTRIFUGO_* variables of the test's environment.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList inherited = environment.keys();
    for (const QString &name : inherited) {
        if (name.startsWith(EnvPrefix))
            environment.remove(name);
    }
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        environment.insert(it.key(), it.value());

    QStringList arguments{QStringLiteral("--config"),
                          m_configPath,
                          QStringLiteral("--http_server.address"),
                          loopbackHost(),
                          QStringLiteral("--http_server.port"),
                          QString::number(m_port),
                          QStringLiteral("--health.enabled")};
    arguments += extraArgs;

    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(QFileInfo(m_configPath).absolutePath());
    m_process.setProgram(m_binary);
    m_process.setArguments(arguments);
    QString description = m_binary + QLatin1Char(' ') + arguments.join(QLatin1Char(' '));
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        description.prepend(it.key() + QLatin1Char('=') + it.value() + QLatin1Char(' '));
    qCInfo(lcTestHarness).noquote() << "starting" << description;
    m_process.start();
    return true;
}

CentrifugoServer::Readiness CentrifugoServer::waitUntilReady()
{
    QEventLoop loop;
    bool done = false;
    Readiness result = Readiness::TimedOut;
    const auto finish = [&](Readiness readiness) {
        if (done)
            return;
        done = true;
        result = readiness;
        loop.quit();
    };

    QUrl healthUrl = httpUrl();
    healthUrl.setPath(QStringLiteral("/health"));
    QNetworkReply *pending = nullptr;

    QTimer pollTimer;
    pollTimer.setSingleShot(true);
    pollTimer.setInterval(HealthPollIntervalMs);
    connect(&pollTimer, &QTimer::timeout, &loop, [&] {
        if (m_process.state() != QProcess::Running)
            return; // wait for started() or finished()
        pending = m_network.get(QNetworkRequest(healthUrl));
        QNetworkReply *reply = pending;
        connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            pending = nullptr;
            reply->deleteLater();
            if (status == 200)
                finish(Readiness::Ready);
            else if (!done)
                pollTimer.start();
        });
    });

    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, [&] { finish(Readiness::TimedOut); });
    connect(&m_process, &QProcess::started, &loop, [&] { pollTimer.start(0); });
    connect(&m_process, &QProcess::finished, &loop, [&] { finish(Readiness::Exited); });
    connect(&m_process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(Readiness::FailedToStart);
    });

    deadline.start(m_startTimeoutMs);
    if (m_process.state() == QProcess::Running)
        pollTimer.start(0);
    else if (m_process.state() == QProcess::NotRunning)
        finish(m_process.error() == QProcess::FailedToStart ? Readiness::FailedToStart : Readiness::Exited);
    if (!done)
        loop.exec();

    pollTimer.stop();
    if (pending) {
        pending->disconnect(&loop);
        pending->abort();
        pending->deleteLater();
    }
    return result;
}

void CentrifugoServer::readOutput()
{
    const QByteArray chunk = m_process.readAllStandardOutput();
    if (chunk.isEmpty())
        return;
    m_log += chunk;
    if (m_log.size() > MaxLogBytes)
        m_log.remove(0, m_log.size() - MaxLogBytes);
    if (lcTestHarness().isDebugEnabled()) {
        const QList<QByteArray> lines = chunk.trimmed().split('\n');
        for (const QByteArray &line : lines)
            qCDebug(lcTestHarness).noquote() << "centrifugo:" << QString::fromUtf8(line);
    }
}

QString CentrifugoServer::overrideOrConfig(const QString &variable, const QString &configValue) const
{
    const auto it = m_overrides.constFind(variable);
    return it != m_overrides.cend() ? it.value() : configValue;
}
