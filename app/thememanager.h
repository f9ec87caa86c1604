#pragma once

#include <QObject>
#include <QPalette>

// Light and dark themes: the system's (its palette, read from the platform, light or dark as the system is), or
// a manual Light or Dark palette on the Fusion style. Widgets pick their meaningful colours from the palette in
// use (ThemeColors) and follow a change through QEvent::PaletteChange.
class ThemeManager : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    explicit ThemeManager(QObject *parent = nullptr);

    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }
    // The palette in use is dark (the system's, or the manual Dark).
    bool isDark() const;

    static QString themeName(Theme theme); // "system", "light", "dark"
    static Theme themeFromName(const QString &name);
    static QPalette lightPalette();
    static QPalette darkPalette();

signals:
    void themeChanged(ThemeManager::Theme theme);

private:
    Theme m_theme = Theme::System;
    QString m_systemStyle;
};
