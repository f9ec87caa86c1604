#include "translationpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QTranslator>

namespace TranslationPaths {

QStringList directories()
{
    const QDir bin(QCoreApplication::applicationDirPath());
    QStringList dirs;
    // A translation somewhere else (tests, a relocated tree) first.
    const QString env = qEnvironmentVariable("INSPECTOR_TRANSLATIONS_DIR");
    if (!env.isEmpty())
        dirs << env;
    return dirs +
           QStringList{bin.filePath(QStringLiteral("translations")),
                       QDir::cleanPath(bin.filePath(QStringLiteral("../share/centrifugo-inspector/translations")))};
}

bool load(QTranslator *translator, const QString &language)
{
    const QString file = QStringLiteral("centrifugo-inspector_%1.qm").arg(language);
    for (const QString &dir : directories()) {
        if (translator->load(file, dir))
            return true;
    }
    return false;
}

} // namespace TranslationPaths
