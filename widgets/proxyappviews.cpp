#include "proxyappviews.h"

#include "proxyappview.h"
#include "proxyserver.h"

ProxyAppViews::ProxyAppViews(ProxyServer *server, QObject *parent)
    : QObject(parent)
    , m_server(server)
{
    connect(server, &ProxyServer::connectionAccepted, this, &ProxyAppViews::add);
    connect(server, &ProxyServer::frame, this, [this](const Frame &f) {
        if (ProxyAppView *v = viewFor(f.conn))
            v->appendFrame(f);
    });
    connect(server, &ProxyServer::message, this, [this](int id, LogEntry::Level level, const QString &text) {
        if (ProxyAppView *v = id > 0 ? viewFor(id) : nullptr)
            v->addMessage(level, text);
    });
}

ProxyAppViews::~ProxyAppViews()
{
    for (const QPointer<ProxyAppView> &view : std::as_const(m_views)) {
        if (view && !view->parent())
            delete view;
    }
}

QList<ProxyAppView *> ProxyAppViews::views() const
{
    QList<ProxyAppView *> out;
    for (int id : m_order) {
        if (ProxyAppView *v = m_views.value(id))
            out.append(v);
    }
    return out;
}

ProxyAppView *ProxyAppViews::viewFor(int id)
{
    if (m_views.contains(id))
        return m_views.value(id); // null once the window deleted it: the frame has nowhere to go
    ProxyConnection *c = m_server->connection(id);
    return c ? add(c) : nullptr;
}

ProxyAppView *ProxyAppViews::add(ProxyConnection *connection)
{
    if (m_views.contains(connection->id()))
        return m_views.value(connection->id());
    auto *view = new ProxyAppView(connection);
    m_views.insert(connection->id(), view);
    m_order.append(connection->id());
    emit viewAdded(view);
    return view;
}
