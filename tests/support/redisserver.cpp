#include "redisserver.h"

#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpSocket>

namespace {

constexpr int kStartAttempts = 3; // a port picked free can be taken before Redis binds it
constexpr int kStopGraceMs = 5000;

} // namespace

RedisServer::~RedisServer()
{
    stop();
}

QString RedisServer::findBinary()
{
    const QString fromEnv = qEnvironmentVariable("REDIS_SERVER_BIN");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isExecutable() ? fromEnv : QString();
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (!onPath.isEmpty())
        return onPath;
    const QString debian = QStringLiteral("/usr/bin/redis-server");
    return QFileInfo(debian).isExecutable() ? debian : QString();
}

QString RedisServer::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

bool RedisServer::start(int timeoutMs)
{
    stop();
    m_errorString.clear();
    if (findBinary().isEmpty()) {
        m_errorString = QStringLiteral("redis-server not found (REDIS_SERVER_BIN, PATH, /usr/bin): install the "
                                       "Debian package redis-server (scripts/install-deps.sh does)");
        return false;
    }
    if (!m_dir.isValid()) {
        m_errorString = QStringLiteral("cannot create a temporary directory for Redis");
        return false;
    }
    for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
        switch (launch(timeoutMs)) {
        case Readiness::Ready:
            qCInfo(lcTestHarness) << "redis-server ready at" << url() << "pid" << m_process.processId();
            return true;
        case Readiness::PortTaken:
            continue;
        case Readiness::Failed:
            return false;
        }
    }
    m_errorString = QStringLiteral("redis-server could not bind a port in %1 attempts").arg(kStartAttempts);
    return false;
}

RedisServer::Readiness RedisServer::launch(int timeoutMs)
{
    m_log.clear();
    m_port = TestSupport::freeLoopbackPort();
    if (m_port == 0) {
        m_errorString = QStringLiteral("no free TCP port on 127.0.0.1");
        return Readiness::Failed;
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setWorkingDirectory(m_dir.path());
    // Loopback only, nothing written to disk, logs to stdout.
    m_process.start(findBinary(),
                    {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                     QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                     QStringLiteral("no"), QStringLiteral("--daemonize"), QStringLiteral("no"), QStringLiteral("--dir"),
                     m_dir.path(), QStringLiteral("--logfile"), QString()});
    if (!m_process.waitForStarted(timeoutMs)) {
        m_errorString = QStringLiteral("could not run redis-server: %1").arg(m_process.errorString());
        return Readiness::Failed;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_log.contains("Ready to accept connections")) {
        if (m_process.state() == QProcess::NotRunning || !m_process.waitForReadyRead(int(deadline.remainingTime())))
            break;
        m_log += m_process.readAll();
    }
    m_log += m_process.readAll();
    if (m_process.state() == QProcess::NotRunning) {
        if (m_log.contains("Address already in use"))
            return Readiness::PortTaken;
        m_errorString = QStringLiteral("redis-server exited during startup:\n%1").arg(log());
        return Readiness::Failed;
    }
    if (!m_log.contains("Ready to accept connections") || !ping()) {
        m_errorString = QStringLiteral("redis-server not ready within %1 ms:\n%2").arg(timeoutMs).arg(log());
        stop();
        return Readiness::Failed;
    }
    return Readiness::Ready;
}

bool RedisServer::ping()
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    if (!socket.waitForConnected(5000))
        return false;
    socket.write("PING\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    return answer.startsWith("+PONG");
}

void RedisServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(kStopGraceMs)) {
        m_process.kill();
        m_process.waitForFinished(kStopGraceMs);
    }
    m_log += m_process.readAll();
}
