#include "subscriptionpanel.h"

#include "commandanalysis.h"
#include "commandbuilder.h"
#include "session.h"
#include "subscriptionmodel.h"
#include "subscriptiontracker.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using Method = Protocol::Method;
using Status = ChannelState::Status;

SubscriptionPanel::SubscriptionPanel(Session *session, SubscriptionTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_tracker(tracker)
    , m_model(new SubscriptionModel(tracker, this))
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(6, 6, 6, 6);

    auto *row = new QHBoxLayout;
    m_channel = new QLineEdit;
    m_channel->setObjectName(QStringLiteral("subscribeChannel"));
    m_channel->setClearButtonEnabled(true);
    connect(m_channel, &QLineEdit::returnPressed, this, &SubscriptionPanel::subscribeFromForm);
    m_subscribe = new QPushButton;
    m_subscribe->setObjectName(QStringLiteral("subscribeButton"));
    connect(m_subscribe, &QPushButton::clicked, this, &SubscriptionPanel::subscribeFromForm);
    m_optionsToggle = new QToolButton;
    m_optionsToggle->setObjectName(QStringLiteral("subscribeOptionsToggle"));
    m_optionsToggle->setCheckable(true);
    row->addWidget(m_channel, 1);
    row->addWidget(m_subscribe);
    row->addWidget(m_optionsToggle);
    root->addLayout(row);

    m_options = new QWidget;
    auto *options = new QFormLayout(m_options);
    options->setContentsMargins(0, 0, 0, 0);
    options->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *flags = new QHBoxLayout;
    m_recoverable = new QCheckBox;
    m_recoverable->setChecked(true);
    m_positioned = new QCheckBox;
    m_positioned->setChecked(true);
    m_joinLeave = new QCheckBox;
    m_joinLeave->setChecked(true);
    m_delta = new QCheckBox;
    for (QCheckBox *c : {m_recoverable, m_positioned, m_joinLeave, m_delta})
        flags->addWidget(c);
    flags->addStretch();
    for (QLabel *&label : m_formLabels)
        label = new QLabel;
    options->addRow(m_formLabels[0], flags);
    auto *recoverRow = new QHBoxLayout;
    m_recover = new QCheckBox;
    m_epoch = new QLineEdit;
    m_offset = new QLineEdit;
    m_offset->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,20}")), this));
    recoverRow->addWidget(m_recover);
    recoverRow->addWidget(m_epoch, 2);
    recoverRow->addWidget(m_offset, 1);
    options->addRow(m_formLabels[1], recoverRow);
    m_token = new QLineEdit;
    m_token->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_formLabels[2]->setBuddy(m_token);
    options->addRow(m_formLabels[2], m_token);
    m_data = new QLineEdit;
    m_formLabels[3]->setBuddy(m_data);
    options->addRow(m_formLabels[3], m_data);
    m_options->setVisible(false);
    connect(m_optionsToggle, &QToolButton::toggled, m_options, &QWidget::setVisible);
    root->addWidget(m_options);

    // Actions on the selected channel, as buttons in two rows: all of them fit the dock's width (a tool bar would
    // hide the last ones behind its extension arrow).
    auto *actions = new QGridLayout;
    actions->setSpacing(2);
    const auto add = [this, actions](const char *name, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        connect(a, &QAction::triggered, this, [this, slot] {
            const QString ch = selectedChannel();
            if (!ch.isEmpty())
                slot(ch);
        });
        auto *button = new QToolButton;
        button->setObjectName(QLatin1String(name) + QLatin1String("Button"));
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        const int index = actions->count();
        actions->addWidget(button, index / 4, index % 4);
        m_actionButtons.append(button);
        return a;
    };
    m_unsubscribeAction = add("unsubscribeAction", [this](const QString &ch) { unsubscribe(ch); });
    m_resubscribeAction = add("resubscribeAction", [this](const QString &ch) { resubscribe(ch); });
    m_publishAction = add("publishAction", [this](const QString &ch) { askAndPublish(ch); });
    m_historyAction = add("historyAction", [this](const QString &ch) { history(ch); });
    m_presenceAction = add("presenceAction", [this](const QString &ch) { presence(ch); });
    m_presenceStatsAction = add("presenceStatsAction", [this](const QString &ch) { presenceStats(ch); });
    m_forgetAction = add("forgetAction", [this](const QString &ch) { m_tracker->remove(ch); });
    root->addLayout(actions);

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("subscriptionView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Details right after the state, where the dock's width shows it; offset and epoch (also in the row's tooltip)
    // come last.
    m_view->horizontalHeader()->moveSection(SubscriptionModel::DetailsColumn, SubscriptionModel::MessagesColumn);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_unsubscribeAction, m_resubscribeAction, m_publishAction, m_historyAction, m_presenceAction,
                        m_presenceStatsAction, m_forgetAction});
    root->addWidget(m_view, 1);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("subscriptionSummary"));
    root->addWidget(m_summary);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SubscriptionPanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SubscriptionPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateSummary();
        if (!m_view->selectionModel()->hasSelection() && m_model->rowCount() > 0)
            m_view->selectRow(0);
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SubscriptionPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SubscriptionPanel::updateSummary);
    connect(m_tracker, &SubscriptionTracker::statusChanged, this, &SubscriptionPanel::updateSummary);
    connect(m_session, &Session::stateChanged, this, &SubscriptionPanel::updateActions);
    retranslateUi();
    updateActions();
    updateSummary();
}

void SubscriptionPanel::retranslateUi()
{
    m_channel->setPlaceholderText(tr("Channel, e.g. chat:room1"));
    m_channel->setAccessibleName(tr("Channel"));
    m_subscribe->setText(tr("Subscribe"));
    m_subscribe->setToolTip(tr("Send subscribe for the channel with the options below (Enter)"));
    m_optionsToggle->setText(tr("Options"));
    m_optionsToggle->setToolTip(tr("Subscribe options: recovery, positioning, join/leave, token, data"));
    m_recoverable->setText(tr("recoverable"));
    m_recoverable->setToolTip(tr("Ask for a recoverable stream (granted when the namespace allows recovery)."));
    m_positioned->setText(tr("positioned"));
    m_positioned->setToolTip(tr("Ask the server to watch the stream position and report gaps."));
    m_joinLeave->setText(tr("join/leave"));
    m_joinLeave->setToolTip(tr("Receive join and leave pushes (when the namespace has join_leave)."));
    m_delta->setText(tr("delta"));
    m_delta->setToolTip(tr("Ask for fossil delta compression (delta: \"fossil\")."));
    m_formLabels[0]->setText(tr("Ask for:"));
    m_formLabels[1]->setText(tr("Recovery:"));
    m_formLabels[2]->setText(tr("Token:"));
    m_formLabels[3]->setText(tr("Data:"));
    m_recover->setText(tr("recover from"));
    m_recover->setToolTip(tr("Recover missed publications since this epoch and offset."));
    m_epoch->setPlaceholderText(tr("epoch"));
    m_offset->setPlaceholderText(tr("offset"));
    m_token->setPlaceholderText(tr("subscription JWT (needed for $private channels)"));
    m_data->setPlaceholderText(tr("JSON for the subscribe proxy"));

    m_unsubscribeAction->setText(tr("Unsubscribe"));
    m_unsubscribeAction->setToolTip(tr("Send unsubscribe for the selected channel"));
    m_resubscribeAction->setText(tr("Resubscribe"));
    m_resubscribeAction->setToolTip(tr("Subscribe again with the same options, recovering from the last position "
                                       "when the stream is recoverable"));
    m_publishAction->setText(tr("Publish…"));
    m_publishAction->setToolTip(tr("Publish JSON data into the selected channel"));
    m_historyAction->setText(tr("History"));
    m_historyAction->setToolTip(tr("Ask for the channel's last 10 publications"));
    m_presenceAction->setText(tr("Presence"));
    m_presenceAction->setToolTip(tr("Ask who is subscribed to the channel"));
    m_presenceStatsAction->setText(tr("Stats"));
    m_presenceStatsAction->setToolTip(tr("Ask for the channel's presence stats (clients and users)"));
    m_forgetAction->setText(tr("Forget"));
    m_forgetAction->setToolTip(tr("Remove the channel from this list (sends nothing)"));
    m_view->setAccessibleName(tr("Subscriptions"));
    updateColumnWidths();
    updateSummary();
}

void SubscriptionPanel::updateColumnWidths()
{
    // Wide enough for the header in the current language and for a typical value.
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics fm = m_view->fontMetrics();
    const QFontMetrics hm = header->fontMetrics();
    const auto fit = [&](int column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        m_view->setColumnWidth(column, qMax(fm.horizontalAdvance(sample) + 14, hm.horizontalAdvance(title) + 20));
    };
    fit(SubscriptionModel::ChannelColumn, QStringLiteral("chat:lobby12"));
    fit(SubscriptionModel::StatusColumn, ChannelState::statusName(Status::Unsubscribed) + QStringLiteral(" (3501)"));
    fit(SubscriptionModel::MessagesColumn, QStringLiteral("00000"));
    fit(SubscriptionModel::OffsetColumn, QStringLiteral("000000"));
    fit(SubscriptionModel::EpochColumn, QStringLiteral("abcdefgh"));
    fit(SubscriptionModel::ActivityColumn, QStringLiteral("00:00:00"));
    fit(SubscriptionModel::DetailsColumn, QStringLiteral("recoverable, positioned"));
}

void SubscriptionPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

SubscribeOptions SubscriptionPanel::formOptions() const
{
    SubscribeOptions o;
    o.channel = m_channel->text().trimmed();
    o.token = m_token->text().trimmed();
    o.recoverable = m_recoverable->isChecked();
    o.positioned = m_positioned->isChecked();
    o.joinLeave = m_joinLeave->isChecked();
    o.recover = m_recover->isChecked();
    o.epoch = m_epoch->text().trimmed();
    o.offset = m_offset->text().toULongLong();
    o.delta = m_delta->isChecked() ? QStringLiteral("fossil") : QString();
    o.data = m_data->text().trimmed().toUtf8();
    return o;
}

QString SubscriptionPanel::selectedChannel() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(SubscriptionModel::ChannelRole).toString();
}

void SubscriptionPanel::selectChannel(const QString &channel)
{
    const int row = m_tracker->indexOf(channel);
    if (row >= 0)
        m_view->selectRow(row);
}

void SubscriptionPanel::prepareSubscribe(const QString &channel, const QString &token)
{
    m_channel->setText(channel);
    m_token->setText(token);
    m_optionsToggle->setChecked(true);
    m_subscribe->setFocus();
}

void SubscriptionPanel::focusChannel()
{
    m_channel->setFocus();
    m_channel->selectAll();
}

bool SubscriptionPanel::canSend(const QString &what)
{
    const Session::State state = m_session->state();
    if (state == Session::State::Open || state == Session::State::Connected)
        return true;
    emit problem(tr("%1 not sent: the connection is not open.").arg(what));
    return false;
}

quint32 SubscriptionPanel::subscribeFromForm()
{
    const SubscribeOptions o = formOptions();
    if (o.channel.isEmpty()) {
        emit problem(tr("Enter a channel name to subscribe to."));
        m_channel->setFocus();
        return 0;
    }
    if (!o.data.isEmpty() && !CommandAnalysis::parseValue(QString::fromUtf8(o.data), nullptr)) {
        emit problem(tr("Subscribe data is not valid JSON."));
        return 0;
    }
    const quint32 id = subscribe(o);
    if (id != 0)
        m_channel->clear();
    return id;
}

quint32 SubscriptionPanel::subscribe(const SubscribeOptions &options)
{
    if (!canSend(QStringLiteral("subscribe")))
        return 0;
    const quint32 id =
        m_session->sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(options)));
    selectChannel(options.channel);
    return id;
}

quint32 SubscriptionPanel::unsubscribe(const QString &channel)
{
    if (!canSend(QStringLiteral("unsubscribe")))
        return 0;
    return m_session->sendCommand(
        CommandBuilder::command(0, Method::Unsubscribe, CommandBuilder::unsubscribe(channel)));
}

quint32 SubscriptionPanel::resubscribe(const QString &channel)
{
    if (!canSend(QStringLiteral("subscribe")))
        return 0;
    return m_session->sendCommand(CommandBuilder::command(0, Method::Subscribe, m_tracker->resubscribeBody(channel)));
}

quint32 SubscriptionPanel::publish(const QString &channel, const QJsonValue &data)
{
    if (!canSend(QStringLiteral("publish")))
        return 0;
    return m_session->sendCommand(CommandBuilder::command(0, Method::Publish, CommandBuilder::publish(channel, data)));
}

quint32 SubscriptionPanel::history(const QString &channel, int limit)
{
    if (!canSend(QStringLiteral("history")))
        return 0;
    return m_session->sendCommand(
        CommandBuilder::command(0, Method::History, CommandBuilder::history(channel, limit, true)));
}

quint32 SubscriptionPanel::presence(const QString &channel)
{
    if (!canSend(QStringLiteral("presence")))
        return 0;
    return m_session->sendCommand(CommandBuilder::command(0, Method::Presence, CommandBuilder::presence(channel)));
}

quint32 SubscriptionPanel::presenceStats(const QString &channel)
{
    if (!canSend(QStringLiteral("presence_stats")))
        return 0;
    return m_session->sendCommand(
        CommandBuilder::command(0, Method::PresenceStats, CommandBuilder::presenceStats(channel)));
}

void SubscriptionPanel::askAndPublish(const QString &channel)
{
    QString text = m_lastPublishData.isEmpty() ? QStringLiteral("{\"text\": \"hello\"}") : m_lastPublishData;
    for (;;) {
        bool ok = false;
        text = QInputDialog::getMultiLineText(this, tr("Publish to %1").arg(channel),
                                              tr("Data to publish (any JSON value):"), text, &ok);
        if (!ok)
            return;
        QJsonValue value;
        if (CommandAnalysis::parseValue(text, &value)) {
            m_lastPublishData = text;
            publish(channel, value);
            return;
        }
        QMessageBox::warning(this, tr("Not JSON"),
                             tr("The data is not valid JSON. Strings need quotes, e.g. \"hello\"."));
    }
}

void SubscriptionPanel::updateActions()
{
    const QString ch = selectedChannel();
    const bool open = m_session->state() == Session::State::Connected || m_session->state() == Session::State::Open;
    const int row = m_tracker->indexOf(ch);
    const bool active = row >= 0 && m_tracker->at(row).isActive();
    m_unsubscribeAction->setEnabled(open && active);
    m_resubscribeAction->setEnabled(open && row >= 0);
    for (QAction *a : {m_publishAction, m_historyAction, m_presenceAction, m_presenceStatsAction})
        a->setEnabled(open && row >= 0);
    m_forgetAction->setEnabled(row >= 0);
}

void SubscriptionPanel::updateSummary()
{
    int subscribed = 0;
    int failed = 0;
    for (int i = 0; i < m_tracker->count(); ++i) {
        if (m_tracker->at(i).status == Status::Subscribed)
            ++subscribed;
        else if (m_tracker->at(i).status == Status::Failed)
            ++failed;
    }
    QString text = tr("%n channel(s)", nullptr, m_tracker->count());
    text += QLatin1String(", ") + tr("%n subscribed", nullptr, subscribed);
    if (failed > 0)
        text += QLatin1String(", ") + tr("%n failed", nullptr, failed);
    m_summary->setText(text);
    updateActions();
}
