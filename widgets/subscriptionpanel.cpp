#include "subscriptionpanel.h"

#include "commandanalysis.h"
#include "commandbuilder.h"
#include "session.h"
#include "subscriptionmodel.h"
#include "subscriptiontracker.h"

#include <QAction>
#include <QCheckBox>
#include <QFormLayout>
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
#include <QToolBar>
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
    m_channel->setPlaceholderText(tr("Channel, e.g. chat:room1"));
    m_channel->setClearButtonEnabled(true);
    connect(m_channel, &QLineEdit::returnPressed, this, &SubscriptionPanel::subscribeFromForm);
    m_subscribe = new QPushButton(tr("Subscribe"));
    m_subscribe->setObjectName(QStringLiteral("subscribeButton"));
    m_subscribe->setToolTip(tr("Send subscribe for the channel with the options below (Enter)"));
    connect(m_subscribe, &QPushButton::clicked, this, &SubscriptionPanel::subscribeFromForm);
    m_optionsToggle = new QToolButton;
    m_optionsToggle->setText(tr("Options"));
    m_optionsToggle->setCheckable(true);
    m_optionsToggle->setToolTip(tr("Subscribe options: recovery, positioning, join/leave, token, data"));
    row->addWidget(m_channel, 1);
    row->addWidget(m_subscribe);
    row->addWidget(m_optionsToggle);
    root->addLayout(row);

    m_options = new QWidget;
    auto *options = new QFormLayout(m_options);
    options->setContentsMargins(0, 0, 0, 0);
    options->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *flags = new QHBoxLayout;
    m_recoverable = new QCheckBox(tr("recoverable"));
    m_recoverable->setChecked(true);
    m_recoverable->setToolTip(tr("Ask for a recoverable stream (granted when the namespace allows recovery)."));
    m_positioned = new QCheckBox(tr("positioned"));
    m_positioned->setChecked(true);
    m_positioned->setToolTip(tr("Ask the server to watch the stream position and report gaps."));
    m_joinLeave = new QCheckBox(tr("join/leave"));
    m_joinLeave->setChecked(true);
    m_joinLeave->setToolTip(tr("Receive join and leave pushes (when the namespace has join_leave)."));
    m_delta = new QCheckBox(tr("delta"));
    m_delta->setToolTip(tr("Ask for fossil delta compression (delta: \"fossil\")."));
    for (QCheckBox *c : {m_recoverable, m_positioned, m_joinLeave, m_delta})
        flags->addWidget(c);
    flags->addStretch();
    options->addRow(tr("Ask for:"), flags);
    auto *recoverRow = new QHBoxLayout;
    m_recover = new QCheckBox(tr("recover from"));
    m_recover->setToolTip(tr("Recover missed publications since this epoch and offset."));
    m_epoch = new QLineEdit;
    m_epoch->setPlaceholderText(tr("epoch"));
    m_offset = new QLineEdit;
    m_offset->setPlaceholderText(tr("offset"));
    m_offset->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,20}")), this));
    recoverRow->addWidget(m_recover);
    recoverRow->addWidget(m_epoch, 2);
    recoverRow->addWidget(m_offset, 1);
    options->addRow(tr("Recovery:"), recoverRow);
    m_token = new QLineEdit;
    m_token->setPlaceholderText(tr("subscription JWT (needed for $private channels)"));
    m_token->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    options->addRow(tr("Token:"), m_token);
    m_data = new QLineEdit;
    m_data->setPlaceholderText(tr("JSON for the subscribe proxy"));
    options->addRow(tr("Data:"), m_data);
    m_options->setVisible(false);
    connect(m_optionsToggle, &QToolButton::toggled, m_options, &QWidget::setVisible);
    root->addWidget(m_options);

    // Actions on the selected channel.
    auto *toolbar = new QToolBar;
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setIconSize(QSize(16, 16));
    auto add = [this, toolbar](const QString &text, const QString &tip, auto slot) {
        QAction *a = toolbar->addAction(text);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, [this, slot] {
            const QString ch = selectedChannel();
            if (!ch.isEmpty())
                slot(ch);
        });
        return a;
    };
    m_unsubscribeAction = add(tr("Unsubscribe"), tr("Send unsubscribe for the selected channel"),
                              [this](const QString &ch) { unsubscribe(ch); });
    m_resubscribeAction = add(tr("Resubscribe"),
                              tr("Subscribe again with the same options, recovering from the last position when the "
                                 "stream is recoverable"),
                              [this](const QString &ch) { resubscribe(ch); });
    m_publishAction = add(tr("Publish…"), tr("Publish JSON data into the selected channel"),
                          [this](const QString &ch) { askAndPublish(ch); });
    m_historyAction = add(tr("History"), tr("Ask for the channel's last 10 publications"),
                          [this](const QString &ch) { history(ch); });
    m_presenceAction =
        add(tr("Presence"), tr("Ask who is subscribed to the channel"), [this](const QString &ch) { presence(ch); });
    m_presenceStatsAction = add(tr("Stats"), tr("Ask for the channel's presence stats (clients and users)"),
                                [this](const QString &ch) { presenceStats(ch); });
    m_forgetAction = add(tr("Forget"), tr("Remove the channel from this list (sends nothing)"),
                         [this](const QString &ch) { m_tracker->remove(ch); });
    root->addWidget(toolbar);

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
    const QFontMetrics fm = m_view->fontMetrics();
    const auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 14; };
    m_view->setColumnWidth(SubscriptionModel::ChannelColumn, width(QStringLiteral("chat:lobby12")));
    m_view->setColumnWidth(SubscriptionModel::StatusColumn,
                           width(ChannelState::statusName(Status::Unsubscribed) + QStringLiteral(" (3501)")));
    m_view->setColumnWidth(SubscriptionModel::MessagesColumn,
                           width(m_model->headerData(SubscriptionModel::MessagesColumn, Qt::Horizontal).toString()));
    m_view->setColumnWidth(SubscriptionModel::OffsetColumn, width(QStringLiteral("000000")));
    m_view->setColumnWidth(SubscriptionModel::EpochColumn, width(QStringLiteral("abcdefgh")));
    m_view->setColumnWidth(SubscriptionModel::ActivityColumn, width(QStringLiteral("00:00:00")));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(toolbar->actions());
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
    updateActions();
    updateSummary();
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
