#pragma once

#include <QList>
#include <QStackedWidget>

class ProxyAppView;
class QSplitter;
class QTabWidget;
class SessionView;

// The window's centre: its sessions and the views of the applications connected through the proxy, in tabs or side
// by side (docs/user-guide.md, docs/proxy.md). It only places the views it is given; the window keeps the list of
// sessions and which one is current.
class SessionArea : public QStackedWidget
{
    Q_OBJECT

public:
    // Side by side, at most this many columns: more would not fit a screen.
    static constexpr int kMaxColumns = 3;

    explicit SessionArea(QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    QSplitter *splitter() const { return m_splitter; }

    // Side by side: up to kMaxColumns columns in a splitter, the others wait in the (hidden) tabs. Tabs: every
    // session, then every application, `current` shown.
    void place(const QList<SessionView *> &sessions, SessionView *current, const QList<ProxyAppView *> &apps,
               bool sideBySide);
    // An application's tab: without a close button, it stays after the connection ended.
    void addAppTab(ProxyAppView *view, int index);

private:
    QTabWidget *m_tabs;
    QSplitter *m_splitter;
};
