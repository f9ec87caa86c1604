#include "sessionview.h"

#include "commandcomposer.h"
#include "connectionpanel.h"
#include "logmodel.h"
#include "logview.h"
#include "reconnector.h"
#include "servercallframes.h"
#include "serverpanel.h"
#include "session.h"
#include "subscriptionpanel.h"
#include "subscriptiontracker.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QAction>
#include <QDataStream>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcGui, "inspector.gui", QtInfoMsg)

using Level = LogEntry::Level;

namespace {

constexpr quint32 kLayoutVersion = 1;

} // namespace

SessionView::SessionView(Session *session, QSettings *settings, CommandHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_tracker(new SubscriptionTracker(this))
    , m_timelineModel(new TimelineModel(this))
    , m_logModel(new LogModel(this))
    , m_reconnector(new Reconnector(session, this))
{
    m_tracker->setSession(session);
    connect(session, &Session::frame, m_timelineModel, &TimelineModel::appendFrame);
    connect(session, &Session::logged, m_logModel, &LogModel::append);
    // After a reconnect, the channels the close ended come back, recovering from their last position.
    m_reconnector->setSubscriptionSource([this] { return m_tracker->restorableSubscriptions(); });
    buildUi(settings, history);

    connect(m_reconnector, &Reconnector::restored, this,
            [this](const QStringList &channels, const QStringList &recovering) {
                log(Level::Info,
                    recovering.isEmpty()
                        ? tr("Reconnected; subscribed again to %1.").arg(channels.join(QLatin1String(", ")))
                        : tr("Reconnected; subscribed again to %1 (recovering %2).")
                              .arg(channels.join(QLatin1String(", ")), recovering.join(QLatin1String(", "))));
            });
    connect(m_reconnector, &Reconnector::stopped, this, [this](const QString &reason) {
        if (!m_session->closedByClient())
            log(Level::Info, reason);
    });
    connect(session, &Session::stateChanged, this, &SessionView::titleChanged);
    connect(session, &Session::connected, this, &SessionView::onConnected);
    connect(m_subscriptions, &SubscriptionPanel::problem, this,
            [this](const QString &text) { emit statusMessage(text, 8000); });
    connect(m_logView, &LogView::levelChanged, this, &SessionView::updateSessionLogLevel);
    connect(m_logView, &LogView::saved, this,
            [this](const QString &path) { log(Level::Info, tr("Log saved to %1").arg(path)); });
    // A connect from the panel uses the panel's token: refresh tokens of a profile no longer apply.
    connect(m_connection, &ConnectionPanel::connectRequested, this, [this] {
        m_session->setTokenProvider({});
        m_session->setSubscriptionTokenProvider({});
        m_profile.reset();
    });
    // More options opened: give the connection panel the height it now wants, taken from the subscriptions.
    connect(m_connection, &ConnectionPanel::preferredHeightChanged, this, [this] {
        const QList<int> sizes = m_left->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        const int wanted =
            qMin(m_connection->sizeHint().height() + 30, total - m_subscriptions->minimumSizeHint().height());
        m_left->setSizes({wanted, total - wanted});
    });
    retranslateUi();
    updateSessionLogLevel();
}

SessionView::~SessionView()
{
    // The session may outlive the view: stop it from calling into our models.
    m_reconnector->cancel();
    m_session->disconnect(this);
    m_session->disconnect(m_timelineModel);
    m_session->disconnect(m_logModel);
    m_tracker->setSession(nullptr);
}

void SessionView::buildUi(QSettings *settings, CommandHistory *history)
{
    m_connection = new ConnectionPanel(m_session, settings);
    m_connection->setObjectName(QStringLiteral("connectionPanel"));
    m_connection->setReconnector(m_reconnector);
    m_subscriptions = new SubscriptionPanel(m_session, m_tracker);
    m_subscriptions->setObjectName(QStringLiteral("subscriptionPanel"));
    m_composer = new CommandComposer(m_session, history);
    m_composer->setObjectName(QStringLiteral("composer"));
    m_logView = new LogView(m_logModel);
    m_logView->setObjectName(QStringLiteral("logView"));
    m_timeline = new TimelineWidget(m_timelineModel);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    // The server API panel: its calls and replies go to this session's log and timeline as server calls.
    m_serverPanel = new ServerPanel(m_session);
    m_serverPanel->setObjectName(QStringLiteral("serverPanel"));
    connect(m_serverPanel, &ServerPanel::logged, m_logModel, &LogModel::append);
    m_serverCalls = new ServerCallFrames(m_serverPanel->client(), this);
    connect(m_serverCalls, &ServerCallFrames::frame, m_timelineModel, &TimelineModel::appendFrame);
    m_serverPanel->setChannelProvider([this]() { return m_subscriptions->selectedChannel(); });

    m_tools = new QTabWidget;
    m_tools->setObjectName(QStringLiteral("toolTabs"));
    m_tools->setDocumentMode(true);
    m_tools->addTab(m_composer, QString());
    m_tools->addTab(m_serverPanel, QString());

    // Left column: connection over subscriptions. Centre: the timeline. Bottom: command/server tabs beside the log.
    m_left = new QSplitter(Qt::Vertical);
    m_left->setObjectName(QStringLiteral("leftSplitter"));
    m_left->addWidget(m_connection);
    m_left->addWidget(m_subscriptions);
    m_left->setSizes({m_connection->sizeHint().height() + 30, 600});
    m_top = new QSplitter(Qt::Horizontal);
    m_top->setObjectName(QStringLiteral("topSplitter"));
    m_top->addWidget(m_left);
    m_top->addWidget(m_timeline);
    m_top->setStretchFactor(1, 1);
    m_top->setSizes({400, 1100});
    m_bottom = new QSplitter(Qt::Horizontal);
    m_bottom->setObjectName(QStringLiteral("bottomSplitter"));
    m_bottom->addWidget(m_tools);
    m_bottom->addWidget(m_logView);
    m_bottom->setSizes({620, 560});
    m_outer = new QSplitter(Qt::Vertical);
    m_outer->setObjectName(QStringLiteral("outerSplitter"));
    m_outer->addWidget(m_top);
    m_outer->addWidget(m_bottom);
    m_outer->setStretchFactor(0, 1);
    m_outer->setSizes({590, 330});
    for (QSplitter *s : {m_left, m_top, m_bottom, m_outer})
        s->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_outer);
    addServerActions();

    // Tab order: connection -> subscriptions -> timeline -> composer -> log.
    setTabOrder(m_connection, m_subscriptions);
    setTabOrder(m_subscriptions, m_timeline);
    setTabOrder(m_timeline, m_composer);
    setTabOrder(m_composer, m_logView);
}

void SessionView::addServerActions()
{
    // The subscription list's context menu gets the server's view of the selected channel and the chaos controls.
    QTableView *view = m_subscriptions->view();
    auto *separator = new QAction(view);
    separator->setSeparator(true);
    view->addAction(separator);
    struct ServerAction
    {
        const char *name;
        void (ServerPanel::*slot)();
    };
    const ServerAction actions[] = {{"serverPublish", &ServerPanel::publishFromServer},
                                    {"serverPresence", &ServerPanel::presence},
                                    {"serverHistory", &ServerPanel::history},
                                    {"serverUnsubscribe", &ServerPanel::unsubscribeThisClient}};
    for (const ServerAction &action : actions) {
        auto *a = new QAction(view);
        a->setObjectName(QLatin1String(action.name));
        // Slots run in the order they were connected: the channel and the tab first, then the server call.
        connect(a, &QAction::triggered, this, [this] {
            m_serverPanel->setChannel(m_subscriptions->selectedChannel());
            m_tools->setCurrentWidget(m_serverPanel);
        });
        connect(a, &QAction::triggered, m_serverPanel, action.slot);
        view->addAction(a);
        m_serverActions.append(a);
    }
    auto *disconnectAction = new QAction(view);
    disconnectAction->setObjectName(QStringLiteral("serverDisconnect"));
    connect(disconnectAction, &QAction::triggered, this, &SessionView::askAndDisconnectThisClient);
    view->addAction(disconnectAction);
    m_serverActions.append(disconnectAction);
}

void SessionView::askAndDisconnectThisClient()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("disconnectClientDialog"));
    dialog.setWindowTitle(tr("Disconnect this client from the server"));
    auto *form = new QFormLayout(&dialog);
    auto *code = new QSpinBox;
    code->setRange(3000, 4999);
    code->setValue(4000);
    code->setToolTip(tr("4000-4499: the client reconnects; 4500-4999: it does not."));
    auto *reason = new QLineEdit(QStringLiteral("disconnected by the inspector"));
    form->addRow(tr("Code"), code);
    form->addRow(tr("Reason"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_serverPanel->setDisconnectCode(code->value(), reason->text());
    m_tools->setCurrentWidget(m_serverPanel);
    m_serverPanel->disconnectThisClient();
}

void SessionView::setName(const QString &name)
{
    if (m_name == name)
        return;
    m_name = name;
    emit titleChanged();
}

QString SessionView::stateText() const
{
    switch (m_session->state()) {
    case Session::State::Disconnected:
        return tr("disconnected");
    case Session::State::Connecting:
        return tr("connecting");
    case Session::State::Open:
        return tr("open");
    case Session::State::Connected:
        return tr("connected");
    }
    return {};
}

QString SessionView::title() const
{
    return tr("%1 (%2)").arg(m_name, stateText());
}

void SessionView::log(Level level, const QString &message)
{
    switch (level) {
    case Level::Trace:
    case Level::Debug:
        qCDebug(lcGui).noquote() << message;
        break;
    case Level::Info:
        qCInfo(lcGui).noquote() << message;
        break;
    case Level::Warning:
        qCWarning(lcGui).noquote() << message;
        break;
    case Level::Error:
        qCCritical(lcGui).noquote() << message;
        break;
    }
    LogEntry e;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.level = level;
    e.category = QString::fromLatin1(lcGui().categoryName());
    e.message = message;
    m_logModel->append(e);
    if (level >= Level::Info)
        emit statusMessage(message, 5000);
}

void SessionView::setStderrLevel(Level level)
{
    m_stderrLevel = level;
    updateSessionLogLevel();
}

void SessionView::updateSessionLogLevel()
{
    // The session builds only the entries someone will see: the pane's level or stderr's, whichever is lower.
    m_session->setLogLevel(qMin(m_logView->level(), m_stderrLevel));
}

void SessionView::subscribeWhenConnected(const QList<SubscribeOptions> &subscriptions)
{
    m_pendingSubscriptions.append(subscriptions);
    if (m_session->state() == Session::State::Connected)
        onConnected();
}

void SessionView::onConnected()
{
    const QList<SubscribeOptions> pending = std::exchange(m_pendingSubscriptions, {});
    for (const SubscribeOptions &o : pending)
        m_subscriptions->subscribe(o);
}

void SessionView::setSecretSource(std::function<SecretMasker()> source)
{
    m_timeline->setSecretSource(std::move(source));
}

void SessionView::setShowSecrets(bool shown)
{
    m_session->setShowSecrets(shown);
    m_timeline->setShowSecrets(shown);
    m_connection->setShowSecrets(shown);
}

void SessionView::applyProfile(const ProfileResolver::Result &result)
{
    for (const QString &warning : result.warnings)
        log(Level::Warning, warning);
    m_reconnector->cancel();
    // The panel shows the profile's options, except the values of secret headers.
    SessionOptions shown = result.options;
    shown.headers.clear();
    for (const auto &h : result.options.headers) {
        bool secret = false;
        for (const ConnectionProfile::Header &ph : result.profile.headers)
            secret = secret || (ph.isSecret() && ph.name == h.first);
        if (!secret)
            shown.headers.append(h);
    }
    m_connection->setOptions(shown);
    // The profile's secrets are masked in the log from the first line on.
    for (const auto &h : result.options.headers) {
        if (!shown.headers.contains(h))
            m_session->addSecret(QString::fromUtf8(h.second));
    }
    m_session->addSecret(QString::fromUtf8(result.hmacSecret));
    m_session->addSecret(result.apiKey);
    // The server side of the profile: its API URL (or the one derived from the WebSocket URL) and key.
    const QUrl apiUrl = result.profile.effectiveApiUrl();
    if (apiUrl.isValid())
        m_serverPanel->setApiUrl(apiUrl.toString());
    if (!result.apiKey.isEmpty())
        m_serverPanel->setApiKey(result.apiKey);
    log(Level::Info, tr("Connecting with profile \"%1\".").arg(result.profile.name));
    m_session->open(result.options);
    m_session->setTokenProvider(result.tokenProvider());
    m_session->setSubscriptionTokenProvider(result.subscriptionTokenProvider());
    m_profile = result;
    subscribeWhenConnected(result.profile.subscriptions);
}

void SessionView::duplicateInto(SessionView *other) const
{
    other->m_serverPanel->setApiUrl(m_serverPanel->apiUrl());
    if (m_profile) {
        other->applyProfile(*m_profile);
    } else {
        SessionOptions options;
        QString error;
        if (m_connection->readOptions(&options, &error))
            other->m_connection->setOptions(options);
        if (m_session->state() != Session::State::Disconnected)
            other->m_connection->connectToServer();
    }
    // The channels this client subscribed to itself, with the same options, but without a position to recover
    // from (a new client has none of its own).
    QList<SubscribeOptions> channels;
    for (const ChannelState &c : m_tracker->channels()) {
        if (!c.isActive() || c.serverSide)
            continue;
        SubscribeOptions o = SubscriptionTracker::subscribeOptions(c.request);
        o.recover = false;
        o.epoch.clear();
        o.offset = 0;
        channels.append(o);
    }
    other->subscribeWhenConnected(channels);
}

void SessionView::setCompact(bool compact)
{
    if (m_compact == compact)
        return;
    m_compact = compact;
    m_top->setOrientation(compact ? Qt::Vertical : Qt::Horizontal);
    m_left->setOrientation(compact ? Qt::Horizontal : Qt::Vertical);
    // An explicit minimum wins over the parts' own (0 x 0 gives them back theirs).
    const QSize smallest = compact ? QSize(160, 90) : QSize(0, 0);
    for (QWidget *w :
         {static_cast<QWidget *>(m_connection), static_cast<QWidget *>(m_subscriptions),
          static_cast<QWidget *>(m_timeline), static_cast<QWidget *>(m_tools), static_cast<QWidget *>(m_logView)})
        w->setMinimumSize(smallest);
    // The connection panel and the timeline keep the height of their own minimum: squeezed below it, the state
    // rows and the timeline's notes are drawn over each other.
    if (compact) {
        for (QWidget *w : {static_cast<QWidget *>(m_connection), static_cast<QWidget *>(m_timeline)})
            w->setMinimumHeight(w->minimumSizeHint().height());
    }
    if (compact) {
        m_left->setSizes({1, 1});
        m_top->setSizes({200, 500});
    } else {
        m_left->setSizes({m_connection->sizeHint().height() + 30, 600});
        m_top->setSizes({400, 1100});
    }
}

void SessionView::setPartVisible(Part part, bool visible)
{
    switch (part) {
    case Part::Connection:
        m_connection->setVisible(visible);
        break;
    case Part::Subscriptions:
        m_subscriptions->setVisible(visible);
        break;
    case Part::Tools:
        m_tools->setVisible(visible);
        break;
    case Part::Log:
        m_logView->setVisible(visible);
        break;
    }
    // An empty column or row gives its room to the timeline.
    m_left->setVisible(!m_connection->isHidden() || !m_subscriptions->isHidden());
    m_bottom->setVisible(!m_tools->isHidden() || !m_logView->isHidden());
}

bool SessionView::isPartVisible(Part part) const
{
    switch (part) {
    case Part::Connection:
        return !m_connection->isHidden();
    case Part::Subscriptions:
        return !m_subscriptions->isHidden();
    case Part::Tools:
        return !m_tools->isHidden();
    case Part::Log:
        return !m_logView->isHidden();
    }
    return false;
}

QByteArray SessionView::saveLayout() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << kLayoutVersion << m_left->saveState() << m_top->saveState() << m_bottom->saveState() << m_outer->saveState();
    return state;
}

void SessionView::restoreLayout(const QByteArray &state)
{
    QDataStream in(state);
    quint32 version = 0;
    QByteArray left, top, bottom, outer;
    in >> version >> left >> top >> bottom >> outer;
    if (in.status() != QDataStream::Ok || version != kLayoutVersion)
        return;
    m_left->restoreState(left);
    m_top->restoreState(top);
    m_bottom->restoreState(bottom);
    m_outer->restoreState(outer);
}

void SessionView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SessionView::retranslateUi()
{
    m_tools->setTabText(m_tools->indexOf(m_composer), tr("Command"));
    m_tools->setTabText(m_tools->indexOf(m_serverPanel), tr("Server API"));
    const QStringList texts = {tr("Publish from the server"), tr("Presence (server API)"), tr("History (server API)"),
                               tr("Unsubscribe this client (server API)"), tr("Disconnect this client (server API)…")};
    for (int i = 0; i < m_serverActions.size() && i < texts.size(); ++i)
        m_serverActions.at(i)->setText(texts.at(i));
    emit titleChanged();
}
