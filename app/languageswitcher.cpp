#include "languageswitcher.h"

#include "translationpaths.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>

LanguageSwitcher::LanguageSwitcher(QObject *parent)
    : QObject(parent)
{
}

QString LanguageSwitcher::resolve(const QString &language)
{
    const QString l = language.isEmpty() ? QLocale::system().name() : language;
    return l.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool LanguageSwitcher::setLanguage(const QString &language)
{
    const QString wanted = resolve(language);
    QTranslator app;
    const bool ok = wanted != QLatin1String("zh_CN") || TranslationPaths::load(&app, wanted);
    m_effective = ok ? wanted : QStringLiteral("en");
    // The locale first: widgets format numbers while they retranslate.
    QLocale::setDefault(m_effective == QLatin1String("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                                              : QLocale(QLocale::English, QLocale::UnitedStates));
    // Each install and removal sends LanguageChange to every widget.
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_app);
        QCoreApplication::removeTranslator(&m_qt);
        m_installed = false;
    }
    if (m_effective == QLatin1String("zh_CN")) {
        TranslationPaths::load(&m_app, m_effective);
        if (m_qt.load(QStringLiteral("qtbase_zh_CN.qm"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
        QCoreApplication::installTranslator(&m_app);
        m_installed = true;
    }
    // QApplication posts LanguageChange to the windows: deliver it now, so every text is switched on return.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return ok;
}
