#include "proxyappview.h"

#include "logmodel.h"
#include "logview.h"
#include "proxyconnection.h"
#include "subscriptionmodel.h"
#include "subscriptiontracker.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

ProxyAppView::ProxyAppView(ProxyConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_id(connection->id())
    , m_connection(connection)
    , m_peer(connection->peer())
    , m_timelineModel(new TimelineModel(this))
    , m_logModel(new LogModel(this))
    , m_tracker(new SubscriptionTracker(this))
    , m_subscriptionModel(new SubscriptionModel(m_tracker, this))
{
    setObjectName(QStringLiteral("proxyApp%1").arg(m_id));
    m_header = new QLabel;
    m_header->setObjectName(QStringLiteral("proxyAppState"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeline = new TimelineWidget(m_timelineModel);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_subscriptions = new QTableView;
    m_subscriptions->setObjectName(QStringLiteral("proxyAppSubscriptions"));
    m_subscriptions->setModel(m_subscriptionModel);
    m_subscriptions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_subscriptions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_subscriptions->verticalHeader()->hide();
    m_subscriptions->horizontalHeader()->setStretchLastSection(true);
    m_logView = new LogView(m_logModel);
    m_logView->setObjectName(QStringLiteral("logView"));

    m_top = new QSplitter(Qt::Horizontal);
    m_top->addWidget(m_subscriptions);
    m_top->addWidget(m_timeline);
    m_top->setStretchFactor(1, 3);
    auto *outer = new QSplitter(Qt::Vertical);
    outer->addWidget(m_top);
    outer->addWidget(m_logView);
    outer->setStretchFactor(0, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(outer, 1);

    connect(connection, &ProxyConnection::clientIdChanged, this, &ProxyAppView::update);
    connect(connection, &ProxyConnection::stateChanged, this, &ProxyAppView::update);
    connect(connection, &ProxyConnection::finished, this, &ProxyAppView::update);
    update();
}

ProxyAppView::~ProxyAppView() = default;

void ProxyAppView::setCompact(bool compact)
{
    if (m_compact == compact)
        return;
    m_compact = compact;
    m_top->setOrientation(compact ? Qt::Vertical : Qt::Horizontal);
    // An explicit minimum wins over the parts' own (0 x 0 gives them back theirs).
    const QSize smallest = compact ? QSize(160, 90) : QSize(0, 0);
    for (QWidget *w : {static_cast<QWidget *>(m_subscriptions), static_cast<QWidget *>(m_timeline),
                       static_cast<QWidget *>(m_logView)})
        w->setMinimumSize(smallest);
    m_top->setSizes(compact ? QList<int>{100, 500} : QList<int>{250, 750});
}

QString ProxyAppView::name() const
{
    return tr("App %1").arg(m_id);
}

QString ProxyAppView::title() const
{
    QString t = m_clientId.isEmpty() ? name() : tr("%1 \u00b7 client id %2").arg(name(), m_clientId);
    return m_closed ? tr("%1 (closed)").arg(t) : t;
}

QString ProxyAppView::stateText() const
{
    if (m_closed)
        return tr("Application connection %1 from %2 through the proxy, closed: %3")
            .arg(m_id)
            .arg(m_peer, m_closeSummary.isEmpty() ? tr("no reason known") : m_closeSummary);
    const bool open = m_connection && m_connection->state() == ProxyConnection::State::Open;
    return tr("Application connection %1 from %2 through the proxy, %3. Read only: the fault injection of the Proxy "
              "dock acts on the selected connection.")
        .arg(m_id)
        .arg(m_peer, open ? tr("open") : tr("connecting upstream"));
}

void ProxyAppView::update()
{
    const QString before = title();
    if (m_connection) {
        m_clientId = m_connection->clientId();
        m_closed = m_connection->state() == ProxyConnection::State::Closed;
        m_closeSummary = m_connection->closeSummary();
    }
    m_header->setText(stateText());
    m_header->setStyleSheet(m_closed ? QStringLiteral("color: #b35c00") : QString());
    if (title() != before)
        emit titleChanged();
}

void ProxyAppView::appendFrame(const Frame &frame)
{
    m_timelineModel->appendFrame(frame);
    m_tracker->processFrame(frame);
    emit frameAdded(frame);
}

void ProxyAppView::addMessage(LogEntry::Level level, const QString &text)
{
    LogEntry e;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.level = level;
    e.category = QStringLiteral("inspector.proxy");
    e.message = text;
    m_logModel->append(e);
}

void ProxyAppView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_header->setText(stateText());
        emit titleChanged();
    }
    QWidget::changeEvent(event);
}
