#include "sessionarea.h"

#include "proxyappview.h"
#include "sessionview.h"

#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>

SessionArea::SessionArea(QWidget *parent)
    : QStackedWidget(parent)
    , m_tabs(new QTabWidget)
    , m_splitter(new QSplitter(Qt::Horizontal))
{
    m_tabs->setObjectName(QStringLiteral("sessionTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_splitter->setObjectName(QStringLiteral("sideBySide"));
    m_splitter->setChildrenCollapsible(false);
    addWidget(m_tabs);
    addWidget(m_splitter);
}

void SessionArea::place(const QList<SessionView *> &sessions, SessionView *current, const QList<ProxyAppView *> &apps,
                        bool sideBySide)
{
    // Side by side, applications connected through the proxy take up to all but one column, the newest ones (a
    // reconnecting SDK shows beside its previous connection); the current session and the ones after it take the
    // rest.
    m_tabs->blockSignals(true);
    QList<SessionView *> shown;
    QList<ProxyAppView *> shownApps;
    if (sideBySide) {
        const int appColumns = qMin(int(apps.size()), kMaxColumns - 1);
        shownApps = apps.mid(apps.size() - appColumns);
        const int columns = kMaxColumns - appColumns;
        const int start = qMax(0, qMin(int(sessions.indexOf(current)), int(sessions.size()) - columns));
        shown = sessions.mid(start, columns);
    }
    for (SessionView *view : sessions) {
        if (shown.contains(view))
            continue;
        if (m_tabs->indexOf(view) < 0)
            m_tabs->addTab(view, view->title());
        view->show();
    }
    for (ProxyAppView *view : apps) {
        if (shownApps.contains(view))
            continue;
        if (m_tabs->indexOf(view) < 0)
            addAppTab(view, m_tabs->count());
        view->show();
    }
    for (SessionView *view : sessions)
        view->setCompact(shown.contains(view));
    for (ProxyAppView *view : apps)
        view->setCompact(shownApps.contains(view));
    QList<QWidget *> columns;
    for (SessionView *view : std::as_const(shown))
        columns.append(view);
    for (ProxyAppView *view : std::as_const(shownApps))
        columns.append(view);
    for (QWidget *view : std::as_const(columns)) {
        const int index = m_tabs->indexOf(view);
        if (index >= 0)
            m_tabs->removeTab(index);
        m_splitter->addWidget(view);
        view->show();
    }
    if (sideBySide) {
        QList<int> sizes;
        for (int i = 0; i < m_splitter->count(); ++i)
            sizes.append(1000);
        m_splitter->setSizes(sizes);
    } else if (m_tabs->indexOf(current) >= 0) {
        m_tabs->setCurrentWidget(current);
    }
    m_tabs->blockSignals(false);
    setCurrentWidget(sideBySide ? static_cast<QWidget *>(m_splitter) : m_tabs);
    // The parts' sizes changed below cached layout items: drop the caches, so that the window's minimum follows
    // (two full-size sessions side by side would otherwise widen the window beyond the screen).
    for (SessionView *view : sessions)
        view->updateGeometry();
    for (ProxyAppView *view : apps)
        view->updateGeometry();
    m_splitter->updateGeometry();
    m_tabs->updateGeometry();
    updateGeometry();
}

void SessionArea::addAppTab(ProxyAppView *view, int index)
{
    index = m_tabs->insertTab(index, view, view->title());
    m_tabs->tabBar()->setTabButton(index, QTabBar::RightSide, nullptr);
}
