#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>

Q_LOGGING_CATEGORY(lcTestHarness, "inspector.test.harness", QtInfoMsg)

namespace TestSupport {

QString sourceDir()
{
    const QString fromEnv = qEnvironmentVariable("INSPECTOR_SOURCE_DIR");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(fromEnv);
    return QDir::cleanPath(QStringLiteral(INSPECTOR_TESTSUPPORT_SOURCE_DIR));
}

QString sourcePath(const QString &relative)
{
    return QDir(sourceDir()).absoluteFilePath(relative);
}

QString letters(int size)
{
    QString out;
    out.reserve(size);
    for (int i = 0; i < size; ++i)
        out.append(QLatin1Char(char('a' + i % 26)));
    return out;
}

bool makeTestCertificates(const QString &dir, const QString &caName)
{
    const auto openssl = [&dir](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qCWarning(lcTestHarness, "openssl %s failed: %s", qPrintable(args.join(QLatin1Char(' '))),
                      p.readAllStandardError().constData());
            return false;
        }
        return true;
    };
    QFile ext(QDir(dir).filePath(QStringLiteral("ext.cnf")));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=IP:127.0.0.1\n");
    ext.close();
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    return openssl({s("req"), s("-x509"), s("-newkey"), s("rsa:2048"), s("-nodes"), s("-keyout"), s("ca.key"),
                    s("-out"), s("ca.pem"), s("-days"), s("2"), s("-subj"), QLatin1String("/CN=") + caName}) &&
           openssl({s("req"), s("-newkey"), s("rsa:2048"), s("-nodes"), s("-keyout"), s("server.key"), s("-out"),
                    s("server.csr"), s("-subj"), s("/CN=127.0.0.1")}) &&
           openssl({s("x509"), s("-req"), s("-in"), s("server.csr"), s("-CA"), s("ca.pem"), s("-CAkey"), s("ca.key"),
                    s("-CAcreateserial"), s("-out"), s("server.pem"), s("-days"), s("2"), s("-extfile"), s("ext.cnf")});
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace TestSupport
