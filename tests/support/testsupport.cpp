#include "testsupport.h"

#include <QDir>

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

} // namespace TestSupport
