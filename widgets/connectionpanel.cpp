#include "connectionpanel.h"

#include "connectioninput.h"
#include "connectionmoreoptions.h"
#include "connectionsettings.h"
#include "connectionstatearea.h"
#include "explainer.h"
#include "reconnector.h"
#include "secretlineedit.h"
#include "themecolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using State = Session::State;

namespace {

constexpr int kCountdownTickMs = 100;

// A scroll area as large as its content wants (QScrollArea caps its hint at 24 lines) and never narrower than the
// content: the options scroll only when the column is too short for them. Its minimum is a few lines while More
// options is closed, so that in a short column (a session under the window's menus, sessions side by side) the
// connection state below keeps the height its rows need; with More options open, at least a dozen lines of them.
class FittingScrollArea : public QScrollArea
{
public:
    void setMinimumLines(int lines)
    {
        m_minimumLines = lines;
        updateGeometry();
    }
    QSize sizeHint() const override
    {
        return widget() ? widget()->sizeHint() + QSize(verticalScrollBar()->sizeHint().width(), 0)
                        : QScrollArea::sizeHint();
    }
    QSize minimumSizeHint() const override
    {
        if (!widget())
            return QScrollArea::minimumSizeHint();
        return {widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width(),
                qMin(widget()->sizeHint().height(), fontMetrics().height() * m_minimumLines)};
    }

private:
    int m_minimumLines = 4;
};

} // namespace

ConnectionPanel::ConnectionPanel(Session *session, QSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(settings)
{
    // Ticks the "reconnecting in 2.3 s" countdown while a reconnect is scheduled.
    m_countdown = new QTimer(this);
    m_countdown->setInterval(kCountdownTickMs);
    connect(m_countdown, &QTimer::timeout, this, &ConnectionPanel::updateCountdown);
    buildUi();
    retranslateUi();
    loadSettings();
    connect(m_session, &Session::stateChanged, this, &ConnectionPanel::updateState);
    connect(m_session, &Session::connected, this, [this] {
        m_problem = {};
        m_reconnectText.clear();
        m_reconnectNote.clear();
        m_countdown->stop();
        updateState();
    });
    connect(m_session, &Session::closed, this, &ConnectionPanel::onClosed);
    connect(m_session, &Session::connectFailed, this, &ConnectionPanel::onConnectFailed);
    connect(m_session, &Session::frame, this, &ConnectionPanel::onFrame);
    connect(m_session, &Session::certificateErrors, this, &ConnectionPanel::onCertificateErrors);
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == State::Connecting) { // a new attempt, from this panel or a profile
            m_certificateErrors.clear();
            m_certificateErrorsIgnored = false;
            updateTlsWarning();
        }
    });
    updateState();
}

bool ConnectionPanel::protobufAvailable()
{
    return createWireCodec(Protocol::Format::Protobuf)->format() == Protocol::Format::Protobuf;
}

void ConnectionPanel::buildUi()
{
    // The options scroll (with More options open they are taller than a small window's dock); the Connect button
    // and the state area below them always stay in view.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_scroll = new FittingScrollArea;
    m_scroll->setObjectName(QStringLiteral("connectionScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    outer->addWidget(m_scroll, 1);
    auto *content = new QWidget;
    m_scroll->setWidget(content);
    auto *root = new QVBoxLayout(content);
    root->setContentsMargins(6, 6, 6, 0);
    auto *bottom = new QVBoxLayout;
    bottom->setContentsMargins(6, 6, 6, 6);
    outer->addLayout(bottom);

    buildFields(root);
    buildMoreOptions(root);
    buildSwitches(root);

    auto *buttons = new QHBoxLayout;
    m_connect = new QPushButton;
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    connect(m_connect, &QPushButton::clicked, this, &ConnectionPanel::toggleConnection);
    m_sendConnect = new QPushButton;
    m_sendConnect->setObjectName(QStringLiteral("sendConnectButton"));
    connect(m_sendConnect, &QPushButton::clicked, this, [this] { m_session->sendConnect(); });
    buttons->addWidget(m_connect, 1);
    buttons->addWidget(m_sendConnect);
    bottom->addLayout(buttons);

    m_stateArea = new ConnectionStateArea;
    bottom->addWidget(m_stateArea);
}

void ConnectionPanel::buildFields(QVBoxLayout *root)
{
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_url = new QComboBox;
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->lineEdit()->setPlaceholderText(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
    m_urlLabel = new QLabel;
    m_urlLabel->setBuddy(m_url);
    m_form->addRow(m_urlLabel, m_url);

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(QStringLiteral("JSON"), int(Protocol::Format::Json));
    m_format->addItem(QStringLiteral("Protobuf"), int(Protocol::Format::Protobuf));
    if (!protobufAvailable()) {
        if (auto *model = qobject_cast<QStandardItemModel *>(m_format->model()))
            model->item(1)->setEnabled(false);
    }
    m_formatLabel = new QLabel;
    m_formatLabel->setBuddy(m_format);
    m_form->addRow(m_formatLabel, m_format);

    m_transport = new QComboBox;
    m_transport->setObjectName(QStringLiteral("transport"));
    for (TransportKind kind : Transports::all())
        m_transport->addItem(Transports::name(kind), int(kind));
    // A URL at another transport's standard path follows the choice; a URL of the user's own stays.
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        const QUrl url(m_url->currentText().trimmed());
        const auto kind = TransportKind(m_transport->currentData().toInt());
        for (TransportKind other : Transports::all()) {
            if (url.isValid() && !url.host().isEmpty() && url.path() == Transports::defaultPath(other)) {
                m_url->setCurrentText(Transports::endpointUrl(url, kind).toString());
                break;
            }
        }
    });
    m_transportLabel = new QLabel;
    m_transportLabel->setBuddy(m_transport);
    m_form->addRow(m_transportLabel, m_transport);

    m_token = new SecretLineEdit;
    m_token->lineEdit()->setObjectName(QStringLiteral("token"));
    m_token->showButton()->setObjectName(QStringLiteral("showToken"));
    m_tokenLabel = new QLabel;
    m_tokenLabel->setBuddy(m_token);
    m_form->addRow(m_tokenLabel, m_token);
    root->addLayout(m_form);
}

void ConnectionPanel::buildMoreOptions(QVBoxLayout *root)
{
    // Less common options fold away behind a disclosure button.
    m_more = new QToolButton;
    m_more->setObjectName(QStringLiteral("moreOptions"));
    m_more->setCheckable(true);
    m_more->setAutoRaise(true);
    m_more->setArrowType(Qt::RightArrow);
    m_more->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    root->addWidget(m_more);
    m_moreContent = new ConnectionMoreOptions;
    connect(m_moreContent, &ConnectionMoreOptions::ignoreCertificateErrorsToggled, this,
            &ConnectionPanel::updateTlsWarning);
    connect(m_more, &QToolButton::toggled, this, [this](bool on) {
        m_moreContent->setVisible(on);
        m_more->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        static_cast<FittingScrollArea *>(m_scroll)->setMinimumLines(on ? 14 : 4);
        m_scroll->widget()->adjustSize();
        m_scroll->updateGeometry();
        emit preferredHeightChanged();
    });
    m_moreContent->setVisible(false);
    root->addWidget(m_moreContent);
}

void ConnectionPanel::buildSwitches(QVBoxLayout *root)
{
    m_autoPong = new QCheckBox;
    m_autoPong->setObjectName(QStringLiteral("autoPong"));
    connect(m_autoPong, &QCheckBox::toggled, this, [this](bool on) {
        if (m_session->autoPong() != on)
            m_session->setAutoPong(on);
    });
    root->addWidget(m_autoPong);

    m_reconnect = new QCheckBox;
    m_reconnect->setObjectName(QStringLiteral("reconnect"));
    m_reconnect->setEnabled(false);
    m_reconnect->setChecked(true);
    connect(m_reconnect, &QCheckBox::toggled, this, [this](bool on) {
        if (m_reconnector)
            m_reconnector->setEnabled(on);
        if (!on) {
            m_reconnectText.clear();
            m_countdown->stop();
            updateState();
        }
    });
    root->addWidget(m_reconnect);
    root->addStretch();
}

void ConnectionPanel::retranslateUi()
{
    m_url->setToolTip(tr("WebSocket endpoint of the server: ws://host:port/connection/websocket, or wss:// for TLS. "
                         "Recent URLs are in the list."));
    m_url->setAccessibleName(tr("Server URL"));
    m_urlLabel->setText(tr("&URL:"));
    if (!protobufAvailable())
        m_format->setItemData(1, tr("Protobuf arrives in its own issue."), Qt::ToolTipRole);
    m_format->setToolTip(tr("Encoding of the client protocol, chosen at the WebSocket handshake."));
    m_format->setAccessibleName(tr("Format"));
    m_formatLabel->setText(tr("&Format:"));
    m_transport->setToolTip(tr("How to reach the server: WebSocket, the HTTP-streaming and SSE emulation (commands go "
                               "to /emulation), or a unidirectional transport (connect, then pushes only)."));
    m_transport->setAccessibleName(tr("Transport"));
    m_transportLabel->setText(tr("&Transport:"));
    m_token->setPlaceholderText(tr("empty: anonymous"));
    m_token->lineEdit()->setToolTip(tr("Connection JWT sent in connect. It is not saved to the settings."));
    m_token->lineEdit()->setAccessibleName(tr("Token"));
    m_tokenLabel->setText(tr("&Token:"));
    m_more->setText(tr("More options"));
    m_more->setToolTip(tr("Client name and version, connect data, HTTP headers, TLS, automatic connect"));
    m_autoPong->setText(tr("Answer server pings (auto-pong)"));
    m_autoPong->setToolTip(tr("Off: server pings stay unanswered and the server closes the connection with 3012 no "
                              "pong after its pong timeout."));
    m_reconnect->setText(tr("Reconnect automatically"));
    m_reconnect->setToolTip(tr("After a close in a reconnect range (for example 3012 no pong, or a lost network), "
                               "connect again with backoff and restore the subscriptions, recovering missed "
                               "publications. Terminal codes such as 3501 do not reconnect."));
    m_sendConnect->setText(tr("Send connect"));
    m_sendConnect->setToolTip(tr("Send the connect command now (when automatic connect is off)."));
}

void ConnectionPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateState();
    } else if (event->type() == QEvent::PaletteChange) {
        updateState();
    }
    QWidget::changeEvent(event);
}

void ConnectionPanel::setReconnector(Reconnector *reconnector)
{
    m_reconnector = reconnector;
    m_reconnect->setEnabled(reconnector);
    if (!reconnector)
        return;
    reconnector->setEnabled(m_reconnect->isChecked());
    connect(reconnector, &Reconnector::scheduled, this, [this](int attempt, int) {
        m_reconnectAttempt = attempt;
        m_reconnectText.clear(); // the countdown says it
        m_reconnectNote.clear();
        m_countdown->start();
        updateState();
    });
    connect(reconnector, &Reconnector::attempting, this, [this](int attempt) {
        m_countdown->stop();
        m_reconnectText = tr("reconnect attempt %1").arg(attempt);
        updateState();
    });
    connect(reconnector, &Reconnector::stopped, this, [this](const QString &reason) {
        const bool wasReconnecting = !m_reconnectText.isEmpty() || m_countdown->isActive();
        m_countdown->stop();
        m_reconnectText.clear();
        // A close the user asked for needs no comment; otherwise say why no reconnect follows.
        if (!m_session->closedByClient() || wasReconnecting)
            m_reconnectNote = reason;
        updateState();
    });
}

void ConnectionPanel::updateCountdown()
{
    if (!m_reconnector || !m_reconnector->isScheduled()) {
        m_countdown->stop();
        return;
    }
    // Redrawn only when the whole seconds shown change: a new headline lays the panel out again, which at every
    // tick kept a disconnected window at about a tenth of a core.
    if (countdownSeconds() != m_countdownShown)
        updateState();
}

int ConnectionPanel::countdownSeconds() const
{
    return (qMax(0, m_reconnector->remainingMs()) + 999) / 1000;
}

QString ConnectionPanel::lastCloseText() const
{
    return m_stateArea->lastClose();
}

bool ConnectionPanel::readOptions(SessionOptions *options, QString *error) const
{
    SessionOptions o;
    o.transport = TransportKind(m_transport->currentData().toInt());
    if (!ConnectionInput::url(m_url->currentText(), o.transport, &o.url, error))
        return false;
    o.format = Protocol::Format(m_format->currentData().toInt());
    o.token = m_token->text().trimmed();
    if (!m_moreContent->readOptions(&o, error))
        return false;
    o.autoPong = m_autoPong->isChecked();
    *options = o;
    return true;
}

void ConnectionPanel::setOptions(const SessionOptions &o)
{
    setUrl(o.url.toString());
    const int format = m_format->findData(int(o.format));
    if (format >= 0)
        m_format->setCurrentIndex(format);
    {
        const QSignalBlocker keepUrl(m_transport);
        m_transport->setCurrentIndex(qMax(0, m_transport->findData(int(o.transport))));
    }
    m_token->setText(o.token);
    m_moreContent->setOptions(o);
    m_autoPong->setChecked(o.autoPong);
}

void ConnectionPanel::setUrl(const QString &url)
{
    m_url->setCurrentText(url);
}

void ConnectionPanel::setToken(const QString &token)
{
    m_token->setText(token);
}

QString ConnectionPanel::token() const
{
    return m_token->text().trimmed();
}

QString ConnectionPanel::url() const
{
    return m_url->currentText().trimmed();
}

SessionOptions ConnectionPanel::fieldOptions() const
{
    SessionOptions o;
    o.url = QUrl(m_url->currentText().trimmed());
    o.format = Protocol::Format(m_format->currentData().toInt());
    o.transport = TransportKind(m_transport->currentData().toInt());
    m_moreContent->readFields(&o);
    o.autoPong = m_autoPong->isChecked();
    return o;
}

QString ConnectionPanel::stateText() const
{
    return m_stateArea->headline();
}

QString ConnectionPanel::explanationText() const
{
    return m_stateArea->explanation();
}

bool ConnectionPanel::connectToServer()
{
    if (m_reconnector && m_reconnector->isScheduled())
        m_reconnector->cancel(); // connect now, with the fields as they are
    m_countdown->stop();
    m_reconnectText.clear();
    m_reconnectNote.clear();
    SessionOptions options;
    QString error;
    if (!readOptions(&options, &error)) {
        showProblem(error);
        return false;
    }
    m_problem = {};
    rememberUrl(options.url.toString());
    saveSettings();
    m_session->open(options);
    emit connectRequested(options);
    updateState();
    return true;
}

void ConnectionPanel::disconnectFromServer()
{
    m_session->close();
}

void ConnectionPanel::toggleConnection()
{
    if (m_reconnector && m_reconnector->isScheduled()) {
        m_reconnector->cancel(); // "Stop reconnecting"
        m_countdown->stop();
        m_reconnectText.clear();
        updateState();
        return;
    }
    if (m_session->state() == State::Disconnected)
        connectToServer();
    else
        disconnectFromServer();
}

void ConnectionPanel::showProblem(const QString &text)
{
    m_problem = {};
    m_problem.kind = Problem::Kind::Invalid;
    m_problem.reason = text;
    updateState();
}

void ConnectionPanel::problemTexts(QString *title, QString *text) const
{
    title->clear();
    text->clear();
    switch (m_problem.kind) {
    case Problem::Kind::None:
        break;
    case Problem::Kind::ClosedByYou:
        *title = tr("Closed by you");
        break;
    case Problem::Kind::Invalid:
        *title = tr("Cannot connect");
        *text = m_problem.reason;
        break;
    case Problem::Kind::ConnectFailed:
        *title = tr("connect failed: error %1").arg(m_problem.code);
        *text = Explainer::error(m_problem.code).sentence();
        break;
    case Problem::Kind::Closed: {
        const int code = m_problem.code;
        const CodeExplanation e = Explainer::disconnect(code);
        switch (m_problem.close.side) {
        case CloseInfo::Side::Client:
            *title = tr("Closed by this client: code %1").arg(code);
            break;
        case CloseInfo::Side::Transport:
            *title = tr("Connection lost: %1").arg(CloseInfo::socketErrorWords(m_problem.close.socketError));
            break;
        case CloseInfo::Side::Server:
        case CloseInfo::Side::Unknown:
            *title = e.known ? tr("Closed by the server: %1 %2").arg(code).arg(e.name)
                             : tr("Closed by the server: code %1").arg(code);
            break;
        }
        *text = Explainer::describeClose(m_problem.close);
        if (m_problem.certificateRefused)
            *text += QLatin1Char('\n') +
                     tr("The server's certificate was not accepted: %1. Trust its CA with a CA file (More "
                        "options) or, for a test server only, ignore certificate errors.")
                         .arg(m_certificateErrors.join(QLatin1String("; ")));
        break;
    }
    }
}

void ConnectionPanel::onClosed(int code, const QString &reason)
{
    const CodeExplanation last = Explainer::disconnect(code);
    m_stateArea->setLastClose(tr("%1 %2 at %3")
                                  .arg(code)
                                  .arg(last.known ? last.name : reason)
                                  .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))),
                              reason);
    m_problem = {};
    m_problem.close = m_session->lastClose();
    m_problem.kind =
        m_problem.close.rule == CloseInfo::Rule::UserClose ? Problem::Kind::ClosedByYou : Problem::Kind::Closed;
    m_problem.code = code;
    m_problem.reason = reason;
    m_problem.certificateRefused = !m_certificateErrors.isEmpty() && !m_certificateErrorsIgnored;
    updateState();
}

void ConnectionPanel::onConnectFailed(int code, const QString &message)
{
    Q_UNUSED(message)
    m_problem = {};
    m_problem.kind = Problem::Kind::ConnectFailed;
    m_problem.code = code;
    updateState();
}

void ConnectionPanel::onCertificateErrors(const QStringList &errors, bool ignored)
{
    m_certificateErrors = errors;
    m_certificateErrorsIgnored = ignored;
    updateTlsWarning();
}

void ConnectionPanel::updateTlsWarning()
{
    QStringList lines;
    if (m_session->state() != State::Disconnected) {
        const SessionOptions &o = m_session->options();
        if (o.ignoreCertificateErrors && o.url.scheme() == QLatin1String("wss"))
            lines << tr("Certificate errors are ignored for this connection: the server's identity is not checked.");
        if (m_certificateErrorsIgnored && !m_certificateErrors.isEmpty())
            lines << tr("Ignored: %1").arg(m_certificateErrors.join(QLatin1String("; ")));
    } else if (m_moreContent->ignoresCertificateErrors()) {
        lines << tr("Certificate errors will be ignored when you connect to a wss:// URL: the server's identity "
                    "will not be checked.");
    }
    m_tlsWarningText = lines.join(QLatin1Char('\n'));
    // The warning in bold, the errors themselves in normal weight below it.
    QString html;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).toHtmlEscaped();
        html += i == 0 ? QStringLiteral("<b>⚠ %1</b>").arg(line) : QStringLiteral("<br>%1").arg(line);
    }
    m_stateArea->setTlsWarning(html);
}

QString ConnectionPanel::tlsWarningText() const
{
    return m_tlsWarningText;
}

bool ConnectionPanel::isHeaderValueHidden(int row) const
{
    return m_moreContent->isHeaderValueHidden(row);
}

QString ConnectionPanel::shownHeaderValue(int row) const
{
    return m_moreContent->shownHeaderValue(row);
}

bool ConnectionPanel::showSecrets() const
{
    return m_moreContent->showsSecrets();
}

void ConnectionPanel::setShowSecrets(bool show)
{
    if (show == showSecrets())
        return;
    m_token->setRevealed(show);
    m_moreContent->setShowSecrets(show);
}

void ConnectionPanel::onFrame(const Frame &frame)
{
    if (frame.direction != Protocol::Direction::In)
        return;
    for (const ProtocolMessage &m : frame.messages) {
        if (m.rttMs >= 0) {
            m_stateArea->setRtt(tr("%1 ms").arg(m.rttMs, 0, 'f', 1));
            break;
        }
    }
}

void ConnectionPanel::updateDetails()
{
    const bool connected = m_session->state() == State::Connected;
    const QString none = QStringLiteral("–");
    m_stateArea->setClientId(connected ? m_session->clientId() : none);
    m_stateArea->setServerVersion(connected && !m_session->serverVersion().isEmpty() ? m_session->serverVersion()
                                                                                     : none);
    if (connected && m_session->pingIntervalSec() > 0)
        m_stateArea->setPing(m_session->pongRequired()
                                 ? tr("every %1 s, pong required").arg(m_session->pingIntervalSec())
                                 : tr("every %1 s").arg(m_session->pingIntervalSec()));
    else
        m_stateArea->setPing(none);
    if (m_session->lastRttMs() < 0)
        m_stateArea->setRtt(none);
    else
        m_stateArea->setRtt(tr("%1 ms").arg(m_session->lastRttMs(), 0, 'f', 1));
}

void ConnectionPanel::updateState()
{
    using ThemeColors::stateColor;
    const State state = m_session->state();
    QString problemTitle;
    QString problemText;
    problemTexts(&problemTitle, &problemText);
    const bool problem = !problemText.isEmpty();
    QString text;
    ThemeColors::State color = ThemeColors::State::Idle;
    switch (state) {
    case State::Disconnected:
        text = problemTitle.isEmpty() ? tr("Disconnected") : problemTitle;
        color = problem ? ThemeColors::State::Problem : ThemeColors::State::Idle;
        break;
    case State::Connecting:
        text = tr("Connecting to %1…").arg(m_session->options().url.toString(QUrl::RemovePassword));
        color = ThemeColors::State::Connecting;
        break;
    case State::Open:
        if (!problemTitle.isEmpty())
            text = problemTitle;
        else
            text = m_session->connectSent() ? tr("Open, waiting for the connect reply")
                                            : tr("Open: WebSocket ready, connect not sent");
        color = problem ? ThemeColors::State::Problem : ThemeColors::State::Open;
        break;
    case State::Connected:
        text = tr("Connected");
        color = ThemeColors::State::Connected;
        break;
    }
    QString reconnect = m_reconnectText;
    if (m_countdown->isActive() && m_reconnector && m_reconnector->isScheduled()) {
        m_countdownShown = countdownSeconds();
        reconnect = tr("reconnecting in %1 s (attempt %2)").arg(m_countdownShown).arg(m_reconnectAttempt);
    }
    if (!reconnect.isEmpty() && state != State::Connected)
        text = tr("%1 — %2").arg(text, reconnect);
    m_stateArea->setHeadline(text, stateColor(color, palette()));
    QString explanation = problemText;
    if (!m_reconnectNote.isEmpty() && state == State::Disconnected)
        explanation += (explanation.isEmpty() ? QString() : QStringLiteral("\n")) + m_reconnectNote;
    m_stateArea->setExplanation(explanation);

    const bool idle = state == State::Disconnected;
    const bool scheduled = m_reconnector && m_reconnector->isScheduled();
    m_connect->setText(scheduled ? tr("Stop reconnecting") : idle ? tr("Connect") : tr("Disconnect"));
    m_connect->setToolTip(idle ? tr("Open the WebSocket and send connect (Ctrl+K)")
                               : tr("Close the connection (Ctrl+Shift+K)"));
    m_sendConnect->setEnabled(state == State::Open && !m_session->connectSent());
    for (QWidget *w :
         {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_format), static_cast<QWidget *>(m_transport)})
        w->setEnabled(idle);
    updateTlsWarning();
    updateDetails();
}

void ConnectionPanel::rememberUrl(const QString &url)
{
    QStringList recent;
    recent.append(url);
    for (int i = 0; i < m_url->count() && recent.size() < ConnectionSettings::kMaxRecentUrls; ++i) {
        if (m_url->itemText(i) != url)
            recent.append(m_url->itemText(i));
    }
    const QSignalBlocker block(m_url);
    m_url->clear();
    m_url->addItems(recent);
    m_url->setCurrentIndex(0);
}

void ConnectionPanel::saveSettings() const
{
    ConnectionSettings s;
    for (int i = 0; i < m_url->count(); ++i)
        s.recentUrls.append(m_url->itemText(i));
    s.options = fieldOptions();
    s.moreOptions = m_more->isChecked();
    s.reconnect = m_reconnect->isChecked();
    s.save(m_settings);
}

void ConnectionPanel::loadSettings()
{
    const ConnectionSettings s = ConnectionSettings::load(m_settings, protobufAvailable());
    if (m_settings) {
        m_more->setChecked(s.moreOptions);
        m_reconnect->setChecked(s.reconnect);
    }
    m_url->clear();
    m_url->addItems(s.recentUrls);
    setOptions(s.options);
}
