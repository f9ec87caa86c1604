#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class MainWindow;
class QAction;
class QMenu;
class QString;

// The menu bar of a MainWindow: every menu, action and keyboard shortcut, each action wired to the window's slots.
// The window only asks for the menus to be built (again on a language change: the actions keep their object names,
// by which the window, its settings and the tests find them) and for the keys its shortcut override must let
// through.
class MainMenus : public QObject
{
    Q_OBJECT

public:
    explicit MainMenus(MainWindow *window);

    // Deletes the menus and builds them in the current language.
    void rebuild();
    // The shortcuts of the window's actions: they win over text fields' own key bindings.
    QList<QKeySequence> windowKeys() const { return m_windowKeys; }

private:
    void buildFileMenu();
    void buildConnectionMenu();
    void buildCommandMenu();
    void buildViewMenu();
    void buildThemeMenu(QMenu *view);
    void buildToolsMenu();
    void buildLanguageMenu();
    void buildHelpMenu();
    // An action of the window in `menu`: named, with its keys (window-wide), calling `slot` on the window.
    template <typename Slot>
    QAction *make(QMenu *menu, const QString &text, const char *name, const QList<QKeySequence> &keys, Slot slot);
    void addPartToggle(QMenu *view, const QString &text, const char *name, int part);

    MainWindow *m_window;
    QList<QKeySequence> m_windowKeys;
};
