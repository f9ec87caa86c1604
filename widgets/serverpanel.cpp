#include "serverpanel.h"

#include "jsonhighlighter.h"
#include "jwt.h"
#include "secretlineedit.h"
#include "serverapiclient.h"
#include "serverapitemplates.h"
#include "session.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

const QString kCategory = QStringLiteral("inspector.api");

} // namespace

ServerPanel::ServerPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_client(new ServerApiClient(this))
    , m_urlLabel(new QLabel)
    , m_url(new QLineEdit)
    , m_keyLabel(new QLabel)
    , m_key(new SecretLineEdit)
    , m_methodLabel(new QLabel)
    , m_method(new QComboBox)
    , m_description(new QLabel)
    , m_body(new QPlainTextEdit)
    , m_send(new QPushButton)
    , m_template(new QPushButton)
    , m_sessionTitle(new QLabel)
    , m_channelLabel(new QLabel)
    , m_channel(new QLineEdit)
    , m_codeLabel(new QLabel)
    , m_code(new QSpinBox)
    , m_reason(new QLineEdit)
    , m_publish(new QPushButton)
    , m_presence(new QPushButton)
    , m_history(new QPushButton)
    , m_unsubscribe(new QPushButton)
    , m_disconnect(new QPushButton)
    , m_status(new QLabel)
    , m_reply(new QPlainTextEdit)
{
    m_url->setObjectName(QStringLiteral("apiUrl"));
    m_key->setObjectName(QStringLiteral("apiKey"));
    m_method->setObjectName(QStringLiteral("apiMethod"));
    m_body->setObjectName(QStringLiteral("apiBody"));
    m_send->setObjectName(QStringLiteral("apiSend"));
    m_reply->setObjectName(QStringLiteral("apiReply"));
    m_status->setObjectName(QStringLiteral("apiStatus"));
    m_method->addItems(ServerApiTemplates::methods());
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_body->setFont(mono);
    m_reply->setFont(mono);
    m_reply->setReadOnly(true);
    new JsonHighlighter(m_body->document());
    new JsonHighlighter(m_reply->document());
    m_description->setWordWrap(true);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_code->setRange(3000, 4999);
    m_code->setValue(4000);

    auto *form = new QFormLayout;
    form->addRow(m_urlLabel, m_url);
    form->addRow(m_keyLabel, m_key);
    form->addRow(m_methodLabel, m_method);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_template);
    buttons->addStretch();
    buttons->addWidget(m_send);

    auto *chaos = new QGridLayout;
    chaos->addWidget(m_channelLabel, 0, 0);
    chaos->addWidget(m_channel, 0, 1, 1, 2);
    chaos->addWidget(m_publish, 1, 0);
    chaos->addWidget(m_presence, 1, 1);
    chaos->addWidget(m_history, 1, 2);
    chaos->addWidget(m_unsubscribe, 2, 0, 1, 3);
    chaos->addWidget(m_codeLabel, 3, 0);
    chaos->addWidget(m_code, 3, 1);
    chaos->addWidget(m_reason, 3, 2);
    chaos->addWidget(m_disconnect, 4, 0, 1, 3);
    for (int column = 0; column < 3; ++column)
        chaos->setColumnStretch(column, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_description);
    layout->addWidget(m_body, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_sessionTitle);
    layout->addLayout(chaos);
    layout->addWidget(m_status);
    layout->addWidget(m_reply, 3);

    connect(m_method, &QComboBox::currentTextChanged, this, &ServerPanel::loadTemplate);
    connect(m_template, &QPushButton::clicked, this, &ServerPanel::loadTemplate);
    connect(m_send, &QPushButton::clicked, this, &ServerPanel::send);
    connect(m_publish, &QPushButton::clicked, this, &ServerPanel::publishFromServer);
    connect(m_presence, &QPushButton::clicked, this, &ServerPanel::presence);
    connect(m_history, &QPushButton::clicked, this, &ServerPanel::history);
    connect(m_unsubscribe, &QPushButton::clicked, this, &ServerPanel::unsubscribeThisClient);
    connect(m_disconnect, &QPushButton::clicked, this, &ServerPanel::disconnectThisClient);
    connect(m_client, &ServerApiClient::finished, this,
            [this](quint64, const ServerApiReply &reply) { showReply(reply); });
    connect(m_session, &Session::stateChanged, this, &ServerPanel::updateSessionActions);
    connect(m_session, &Session::connected, this, [this]() {
        if (m_url->text().trimmed().isEmpty())
            m_url->setText(apiUrlForWebSocket(m_session->options().url));
    });
    retranslate();
    loadTemplate();
    updateSessionActions();
}

QString ServerPanel::apiUrlForWebSocket(const QUrl &webSocketUrl)
{
    if (!webSocketUrl.isValid() || webSocketUrl.host().isEmpty())
        return QString();
    QUrl url;
    if (webSocketUrl.scheme() == QLatin1String("ws"))
        url.setScheme(QStringLiteral("http"));
    else if (webSocketUrl.scheme() == QLatin1String("wss"))
        url.setScheme(QStringLiteral("https"));
    else
        return QString();
    url.setHost(webSocketUrl.host());
    url.setPort(webSocketUrl.port());
    return url.toString();
}

QString ServerPanel::apiUrl() const
{
    return m_url->text();
}

void ServerPanel::setApiUrl(const QString &url)
{
    m_url->setText(url);
}

void ServerPanel::setApiKey(const QString &key)
{
    m_key->setText(key);
}

QString ServerPanel::method() const
{
    return m_method->currentText();
}

void ServerPanel::setMethod(const QString &method)
{
    m_method->setCurrentText(method);
}

QString ServerPanel::body() const
{
    return m_body->toPlainText();
}

void ServerPanel::setBody(const QString &text)
{
    m_body->setPlainText(text);
}

QString ServerPanel::channel() const
{
    const QString typed = m_channel->text().trimmed();
    if (typed.isEmpty() && m_channelProvider)
        return m_channelProvider();
    return typed;
}

void ServerPanel::setChannel(const QString &channel)
{
    m_channel->setText(channel);
}

QString ServerPanel::replySentence() const
{
    return m_status->text();
}

QString ServerPanel::replyText() const
{
    return m_reply->toPlainText();
}

void ServerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ServerPanel::retranslate()
{
    m_urlLabel->setText(tr("API URL"));
    m_url->setPlaceholderText(tr("http://127.0.0.1:8000 (or its /api prefix)"));
    m_keyLabel->setText(tr("API key"));
    m_key->setPlaceholderText(tr("http_api.key of the server"));
    m_methodLabel->setText(tr("Method"));
    m_description->setText(ServerApiTemplates::description(method()));
    m_send->setText(tr("Call"));
    m_template->setText(tr("Template"));
    m_sessionTitle->setText(tr("<b>This session</b> (the client's reaction shows in its timeline)"));
    m_channelLabel->setText(tr("Channel"));
    m_channel->setPlaceholderText(tr("the selected subscription, or type a channel"));
    m_publish->setText(tr("Publish from the server"));
    m_presence->setText(tr("Presence"));
    m_history->setText(tr("History"));
    m_unsubscribe->setText(tr("Unsubscribe this client"));
    m_codeLabel->setText(tr("Code, reason"));
    m_code->setToolTip(tr("4000-4499: the client reconnects; 4500-4999: it does not."));
    m_reason->setPlaceholderText(tr("reason"));
    if (m_reason->text().isEmpty())
        m_reason->setText(QStringLiteral("disconnected by the inspector"));
    m_disconnect->setText(tr("Disconnect this client"));
}

void ServerPanel::loadTemplate()
{
    m_body->setPlainText(ServerApiTemplates::text(method()));
    m_description->setText(ServerApiTemplates::description(method()));
}

void ServerPanel::updateSessionActions()
{
    const bool connected = m_session->state() == Session::State::Connected;
    for (QPushButton *b : {m_unsubscribe, m_disconnect})
        b->setEnabled(connected);
}

bool ServerPanel::send()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        showProblem(tr("The body must be a JSON object: %1").arg(error.errorString()));
        return false;
    }
    if (!m_client->setBaseUrl(apiUrl())) {
        showProblem(tr("The API URL must be an http:// or https:// URL, like http://127.0.0.1:8000."));
        return false;
    }
    m_client->setApiKey(m_key->text());
    m_session->addSecret(m_key->text());
    call(method(), doc.object());
    return true;
}

void ServerPanel::call(const QString &method, const QJsonObject &body)
{
    if (!m_client->setBaseUrl(apiUrl())) {
        showProblem(tr("The API URL must be an http:// or https:// URL, like http://127.0.0.1:8000."));
        return;
    }
    m_client->setApiKey(m_key->text());
    m_status->setText(tr("Calling %1…").arg(method));
    m_reply->clear();
    log(LogEntry::Level::Info,
        tr("server call: %1 %2").arg(method, QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact))));
    m_client->call(method, body);
}

void ServerPanel::publishFromServer()
{
    setMethod(QStringLiteral("publish"));
    const QJsonObject body{
        {QStringLiteral("channel"), channel()},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("text"), QStringLiteral("from the server")},
                                             {QStringLiteral("ts"), QDateTime::currentMSecsSinceEpoch()}}}};
    setBody(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)).trimmed());
    send();
}

void ServerPanel::presence()
{
    setMethod(QStringLiteral("presence"));
    setBody(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("channel"), channel()}}).toJson()).trimmed());
    send();
}

void ServerPanel::history()
{
    setMethod(QStringLiteral("history"));
    const QJsonObject body{
        {QStringLiteral("channel"), channel()}, {QStringLiteral("limit"), 10}, {QStringLiteral("reverse"), true}};
    setBody(QString::fromUtf8(QJsonDocument(body).toJson()).trimmed());
    send();
}

void ServerPanel::unsubscribeThisClient()
{
    setMethod(QStringLiteral("unsubscribe"));
    const QJsonObject body = ServerApiTemplates::unsubscribeClient(channel(), sessionUser(), m_session->clientId());
    setBody(QString::fromUtf8(QJsonDocument(body).toJson()).trimmed());
    send();
}

void ServerPanel::disconnectThisClient()
{
    setMethod(QStringLiteral("disconnect"));
    const QJsonObject body =
        ServerApiTemplates::disconnectClient(sessionUser(), m_session->clientId(), m_code->value(), m_reason->text());
    setBody(QString::fromUtf8(QJsonDocument(body).toJson()).trimmed());
    send();
}

void ServerPanel::setDisconnectCode(int code, const QString &reason)
{
    m_code->setValue(code);
    m_reason->setText(reason);
}

QString ServerPanel::sessionUser() const
{
    // The server addresses connections by user and client id: the user is the token's "sub", "" when anonymous.
    const QString token = m_session->options().token;
    return token.isEmpty() ? QString() : Jwt::decode(token).claims().value(QLatin1String("sub")).toString();
}

void ServerPanel::showReply(const ServerApiReply &reply)
{
    m_status->setText(QStringLiteral("%1: %2 (%3 ms). %4")
                          .arg(reply.method, reply.shortStatus())
                          .arg(reply.elapsedMs)
                          .arg(reply.sentence()));
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body);
    m_reply->setPlainText(doc.isObject() ? QString::fromUtf8(doc.toJson(QJsonDocument::Indented))
                                         : QString::fromUtf8(reply.body));
    log(reply.isOk() ? LogEntry::Level::Info : LogEntry::Level::Warning,
        tr("server reply: %1 %2: %3").arg(reply.method, reply.shortStatus(), reply.sentence()));
    emit replyShown(reply);
}

void ServerPanel::showProblem(const QString &text)
{
    m_status->setText(text);
    m_reply->clear();
}

void ServerPanel::log(LogEntry::Level level, const QString &message)
{
    LogEntry entry;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    entry.level = level;
    entry.category = kCategory;
    entry.message = m_session->masker().mask(message);
    emit logged(entry);
}
