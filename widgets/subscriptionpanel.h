#pragma once

#include "subscribeoptions.h"

#include <QJsonValue>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;
class Session;
class SubscriptionModel;
class SubscriptionTracker;

// Subscribe to channels and act on them: an inline form for the channel and its subscribe options, the table of
// channels (state, messages, offset/epoch, last activity) from the SubscriptionTracker, and per-channel actions
// that send commands through the session (their replies appear in the timeline).
class SubscriptionPanel : public QWidget
{
    Q_OBJECT

public:
    SubscriptionPanel(Session *session, SubscriptionTracker *tracker, QWidget *parent = nullptr);

    SubscriptionModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The buttons of the channel actions (Unsubscribe ... Forget).
    QList<QToolButton *> actionButtons() const { return m_actionButtons; }
    QLineEdit *channelEdit() const { return m_channel; }

    // The options the form describes (channel included).
    SubscribeOptions formOptions() const;
    QString selectedChannel() const;
    void selectChannel(const QString &channel);
    // Fills the form with a channel and its subscription token (from the token generator), options shown.
    void prepareSubscribe(const QString &channel, const QString &token);

    // Each returns the id the session used, or 0 when nothing was sent (not open, no channel).
    quint32 subscribe(const SubscribeOptions &options);
    quint32 unsubscribe(const QString &channel);
    quint32 resubscribe(const QString &channel);
    quint32 publish(const QString &channel, const QJsonValue &data);
    quint32 history(const QString &channel, int limit = 10);
    quint32 presence(const QString &channel);
    quint32 presenceStats(const QString &channel);

public slots:
    // Subscribes with the form's options.
    quint32 subscribeFromForm();
    void focusChannel();

protected:
    void changeEvent(QEvent *event) override;

signals:
    // A user action could not be sent; the text says why (for the status bar).
    void problem(const QString &text);

private:
    bool canSend(const QString &what);
    void retranslateUi();
    void updateColumnWidths();
    void updateActions();
    void updateSummary();
    void askAndPublish(const QString &channel);

    Session *m_session;
    SubscriptionTracker *m_tracker;
    SubscriptionModel *m_model;

    QLineEdit *m_channel = nullptr;
    QPushButton *m_subscribe = nullptr;
    QToolButton *m_optionsToggle = nullptr;
    QWidget *m_options = nullptr;
    QCheckBox *m_recoverable = nullptr;
    QCheckBox *m_positioned = nullptr;
    QCheckBox *m_joinLeave = nullptr;
    QCheckBox *m_recover = nullptr;
    QLineEdit *m_epoch = nullptr;
    QLineEdit *m_offset = nullptr;
    QCheckBox *m_delta = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_data = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;

    QAction *m_unsubscribeAction = nullptr;
    QAction *m_resubscribeAction = nullptr;
    QAction *m_publishAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_presenceAction = nullptr;
    QAction *m_presenceStatsAction = nullptr;
    QAction *m_forgetAction = nullptr;
    QString m_lastPublishData;
    QLabel *m_formLabels[4] = {};
    QList<QToolButton *> m_actionButtons;
};
