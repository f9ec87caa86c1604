#pragma once

#include <QObject>
#include <QTranslator>

// The interface language, switched while the program runs: installs or removes the application's and Qt's
// translators, which sends QEvent::LanguageChange to every widget (each retranslates itself).
class LanguageSwitcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    // "en", "zh_CN", or "" for the system's language. Returns false when the translation cannot be loaded (the
    // interface then stays in English).
    bool setLanguage(const QString &language);
    // The language in use ("en" or "zh_CN").
    QString effectiveLanguage() const { return m_effective; }

    // The effective language for a choice ("" -> the system locale's).
    static QString resolve(const QString &language);

private:
    QTranslator m_app;
    QTranslator m_qt;
    bool m_installed = false;
    QString m_effective = QStringLiteral("en");
};
