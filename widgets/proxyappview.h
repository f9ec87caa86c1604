#pragma once

#include "frame.h"
#include "logentry.h"

#include <QPointer>
#include <QWidget>

class LogModel;
class LogView;
class ProxyConnection;
class QLabel;
class QSplitter;
class QTableView;
class SubscriptionModel;
class SubscriptionTracker;
class TimelineModel;
class TimelineWidget;

// One application connection through the proxy (docs/proxy.md) as a read-only session of the window: its own
// timeline (both legs, as seen from the application, injected faults marked), the channels it subscribed to
// (followed from its frames) and its log lines. It appears when the application connects and stays, marked
// closed with the reason, after the connection ends. ProxyAppViews feeds it.
class ProxyAppView : public QWidget
{
    Q_OBJECT

public:
    explicit ProxyAppView(ProxyConnection *connection, QWidget *parent = nullptr);
    ~ProxyAppView() override;

    // The application connection's number (Frame::conn).
    int id() const { return m_id; }
    // "App 1" and, once the connect reply gave it, "App 1 · client id …", "(closed)" after it ended.
    QString name() const;
    QString title() const;
    bool isClosed() const { return m_closed; }
    // The header: who connected, its state, and why it closed.
    QString stateText() const;

    // A column beside other sessions (side by side): the channels above the timeline, and the parts may shrink
    // so that three columns fit the window.
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    TimelineModel *timelineModel() const { return m_timelineModel; }
    TimelineWidget *timeline() const { return m_timeline; }
    LogModel *logModel() const { return m_logModel; }
    SubscriptionTracker *tracker() const { return m_tracker; }

public slots:
    void appendFrame(const Frame &frame);
    // A line for this connection's log (already masked by the proxy).
    void addMessage(LogEntry::Level level, const QString &text);

signals:
    void frameAdded(const Frame &frame);
    void titleChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();

    int m_id;
    QPointer<ProxyConnection> m_connection;
    QString m_peer;
    QString m_clientId;
    QString m_closeSummary;
    bool m_closed = false;
    bool m_compact = false;
    TimelineModel *m_timelineModel;
    LogModel *m_logModel;
    SubscriptionTracker *m_tracker;
    SubscriptionModel *m_subscriptionModel;
    QLabel *m_header;
    QSplitter *m_top;
    TimelineWidget *m_timeline;
    QTableView *m_subscriptions;
    LogView *m_logView;
};
