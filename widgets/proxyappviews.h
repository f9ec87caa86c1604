#pragma once

#include "frame.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class ProxyAppView;
class ProxyConnection;
class ProxyServer;

// One ProxyAppView per application connection of a ProxyServer: made when the application connects (or its first
// frame arrives), fed with that connection's frames and messages only. The window places the views; the views
// outlive their connections.
class ProxyAppViews : public QObject
{
    Q_OBJECT

public:
    explicit ProxyAppViews(ProxyServer *server, QObject *parent = nullptr);
    // Deletes the views nobody placed.
    ~ProxyAppViews() override;

    // The view of application connection `id`, or nullptr.
    ProxyAppView *view(int id) const { return m_views.value(id); }
    QList<ProxyAppView *> views() const;

signals:
    // A new view, without a parent yet: the receiver places it (and owns it from then on).
    void viewAdded(ProxyAppView *view);

private:
    ProxyAppView *viewFor(int id);
    ProxyAppView *add(ProxyConnection *connection);

    ProxyServer *m_server;
    QHash<int, QPointer<ProxyAppView>> m_views;
    QList<int> m_order;
};
