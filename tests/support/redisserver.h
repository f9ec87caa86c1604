#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A real Redis server for tests (Debian's redis-server), on 127.0.0.1 and a free port, without persistence.
// Used as the engine of a Centrifugo cluster:
//
//   RedisServer redis;
//   QVERIFY2(redis.start(), qPrintable(redis.errorString()));
//   node.setEnvironmentOverride(u"engine.type"_s, u"redis"_s);
//   node.setEnvironmentOverride(u"engine.redis.address"_s, redis.url());
class RedisServer
{
public:
    RedisServer() = default;
    ~RedisServer();
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    // $REDIS_SERVER_BIN, else redis-server on PATH, else /usr/bin/redis-server; empty when none.
    static QString findBinary();

    // Starts redis-server and waits until it answers PING with PONG. False with errorString() on failure.
    bool start(int timeoutMs = 15000);
    // SIGTERM, then SIGKILL after 5 s. Safe when not running.
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    QString url() const; // redis://127.0.0.1:PORT
    QString errorString() const { return m_errorString; }
    QString log() const { return QString::fromUtf8(m_log); }

private:
    enum class Readiness { Ready, PortTaken, Failed };
    Readiness launch(int timeoutMs);
    bool ping();

    QProcess m_process;
    QTemporaryDir m_dir;
    QByteArray m_log;
    QString m_errorString;
    quint16 m_port = 0;
};
