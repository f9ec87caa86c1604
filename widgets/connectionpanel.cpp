#include "connectionpanel.h"

#include "commandanalysis.h"
#include "connectioninput.h"
#include "connectionsettings.h"
#include "connectionstatearea.h"
#include "explainer.h"
#include "reconnector.h"
#include "secretmasker.h"
#include "secretvaluedelegate.h"
#include "themecolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QTableWidget>
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

    auto *tokenRow = new QHBoxLayout;
    m_token = new QLineEdit;
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_showToken = new QToolButton;
    m_showToken->setObjectName(QStringLiteral("showToken"));
    m_showToken->setCheckable(true);
    connect(m_showToken, &QToolButton::toggled, this, [this](bool on) {
        m_token->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_showToken->setText(on ? tr("Hide") : tr("Show"));
    });
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_showToken);
    m_tokenLabel = new QLabel;
    m_tokenLabel->setBuddy(m_token);
    m_form->addRow(m_tokenLabel, tokenRow);
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
    m_moreContent = new QWidget;
    m_moreForm = new QFormLayout(m_moreContent);
    m_moreForm->setContentsMargins(0, 0, 0, 0);
    m_moreForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("clientName"));
    m_nameLabel = new QLabel;
    m_nameLabel->setBuddy(m_name);
    m_moreForm->addRow(m_nameLabel, m_name);
    m_version = new QLineEdit;
    m_version->setObjectName(QStringLiteral("clientVersion"));
    m_versionLabel = new QLabel;
    m_versionLabel->setBuddy(m_version);
    m_moreForm->addRow(m_versionLabel, m_version);
    m_data = new QPlainTextEdit;
    m_data->setObjectName(QStringLiteral("connectData"));
    m_data->setTabChangesFocus(true);
    m_data->setFixedHeight(m_data->fontMetrics().lineSpacing() * 3 + 12);
    connect(m_data, &QPlainTextEdit::textChanged, this, &ConnectionPanel::validateConnectData);
    m_dataLabel = new QLabel;
    m_dataLabel->setBuddy(m_data);
    m_moreForm->addRow(m_dataLabel, m_data);
    m_dataProblem = new QLabel;
    m_dataProblem->setWordWrap(true);
    m_dataProblem->hide();
    m_moreForm->addRow(new QLabel, m_dataProblem);

    m_headers = new QTableWidget(0, 2);
    m_headers->setObjectName(QStringLiteral("headers"));
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setFixedHeight(m_headers->horizontalHeader()->sizeHint().height() +
                              m_headers->verticalHeader()->defaultSectionSize() * 3 + 4);
    m_headers->setItemDelegateForColumn(
        1, new SecretValueDelegate([this](const QModelIndex &index) { return isHeaderValueHidden(index.row()); },
                                   m_headers));
    connect(m_headers, &QTableWidget::itemChanged, m_headers->viewport(), qOverload<>(&QWidget::update));
    auto *headerButtons = new QHBoxLayout;
    m_addHeader = new QToolButton;
    m_addHeader->setObjectName(QStringLiteral("addHeader"));
    connect(m_addHeader, &QToolButton::clicked, this, [this] {
        addHeaderRow();
        m_headers->setCurrentCell(m_headers->rowCount() - 1, 0);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, 0));
    });
    m_removeHeader = new QToolButton;
    m_removeHeader->setObjectName(QStringLiteral("removeHeader"));
    connect(m_removeHeader, &QToolButton::clicked, this, [this] {
        const int row = m_headers->currentRow();
        if (row >= 0)
            m_headers->removeRow(row);
    });
    headerButtons->addWidget(m_addHeader);
    headerButtons->addWidget(m_removeHeader);
    headerButtons->addStretch();
    auto *headerBox = new QVBoxLayout;
    headerBox->addWidget(m_headers);
    headerBox->addLayout(headerButtons);
    m_headersLabel = new QLabel;
    m_headersLabel->setBuddy(m_headers);
    m_moreForm->addRow(m_headersLabel, headerBox);

    auto *caRow = new QHBoxLayout;
    m_caFile = new QLineEdit;
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_browseCa = new QToolButton;
    connect(m_browseCa, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("CA Certificates"), m_caFile->text(),
                                                          tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCa);
    m_caLabel = new QLabel;
    m_caLabel->setBuddy(m_caFile);
    m_moreForm->addRow(m_caLabel, caRow);
    m_ignoreCertErrors = new QCheckBox;
    m_ignoreCertErrors->setObjectName(QStringLiteral("ignoreCertificateErrors"));
    connect(m_ignoreCertErrors, &QCheckBox::toggled, this, &ConnectionPanel::updateTlsWarning);
    m_moreForm->addRow(m_ignoreCertErrors);
    m_handshakeTimeout = new QDoubleSpinBox;
    m_handshakeTimeout->setObjectName(QStringLiteral("handshakeTimeout"));
    m_handshakeTimeout->setRange(0, 600);
    m_handshakeTimeout->setDecimals(1);
    m_handshakeTimeout->setValue(SessionOptions().handshakeTimeoutMs / 1000.0);
    m_handshakeLabel = new QLabel;
    m_handshakeLabel->setBuddy(m_handshakeTimeout);
    m_moreForm->addRow(m_handshakeLabel, m_handshakeTimeout);

    m_autoConnect = new QCheckBox;
    m_autoConnect->setObjectName(QStringLiteral("autoConnect"));
    m_moreForm->addRow(m_autoConnect);
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
    m_token->setToolTip(tr("Connection JWT sent in connect. It is not saved to the settings."));
    m_token->setAccessibleName(tr("Token"));
    m_showToken->setText(m_showToken->isChecked() ? tr("Hide") : tr("Show"));
    m_showToken->setToolTip(tr("Show or hide the token"));
    m_tokenLabel->setText(tr("&Token:"));
    m_more->setText(tr("More options"));
    m_handshakeTimeout->setSuffix(tr(" s"));
    m_handshakeTimeout->setSpecialValueText(tr("no limit"));
    m_handshakeTimeout->setToolTip(tr("How long the server may take to answer the WebSocket handshake before the "
                                      "connection is given up (and said so). 0: wait forever."));
    m_handshakeLabel->setText(tr("&Handshake timeout:"));
    m_more->setToolTip(tr("Client name and version, connect data, HTTP headers, TLS, automatic connect"));
    m_name->setToolTip(tr("Client name sent in connect (the server uses it for metrics only)."));
    m_name->setAccessibleName(tr("Client name"));
    m_nameLabel->setText(tr("Client &name:"));
    m_version->setAccessibleName(tr("Client version"));
    m_versionLabel->setText(tr("Client &version:"));
    m_data->setPlaceholderText(tr("JSON for the connect proxy, e.g. {\"room\": 1}"));
    m_data->setAccessibleName(tr("Connect data"));
    m_dataLabel->setText(tr("Connect &data:"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->setAccessibleName(tr("HTTP headers"));
    m_headers->setToolTip(tr("Extra HTTP headers of the WebSocket handshake. Values of secret headers "
                             "(Authorization, Cookie, names with key, token, secret ... or a JWT) are shown as dots "
                             "and never saved."));
    m_headersLabel->setText(tr("HTTP headers:"));
    m_addHeader->setText(tr("Add"));
    m_removeHeader->setText(tr("Remove"));
    m_caFile->setPlaceholderText(tr("PEM file, for wss://"));
    m_caFile->setToolTip(tr("PEM file with CA certificates to trust besides the system's, e.g. for a self-signed "
                            "development server."));
    m_caFile->setAccessibleName(tr("CA file"));
    m_browseCa->setText(tr("Browse…"));
    m_caLabel->setText(tr("CA &file:"));
    m_ignoreCertErrors->setText(tr("Ignore certificate errors (test servers only)"));
    m_ignoreCertErrors->setToolTip(tr("Connect to a wss:// server even when its certificate is not trusted, expired "
                                      "or for another host. The errors are still shown, and the state area warns "
                                      "for as long as this is on. Not remembered: off at every start."));
    m_autoConnect->setText(tr("Send connect after the handshake"));
    m_autoConnect->setToolTip(tr("Off: the WebSocket opens and you send connect yourself (from the composer or the "
                                 "Send connect button)."));
    m_autoPong->setText(tr("Answer server pings (auto-pong)"));
    m_autoPong->setToolTip(tr("Off: server pings stay unanswered and the server closes the connection with 3012 no "
                              "pong after its pong timeout."));
    m_reconnect->setText(tr("Reconnect automatically"));
    m_reconnect->setToolTip(tr("After a close in a reconnect range (for example 3012 no pong, or a lost network), "
                               "connect again with backoff and restore the subscriptions, recovering missed "
                               "publications. Terminal codes such as 3501 do not reconnect."));
    m_sendConnect->setText(tr("Send connect"));
    m_sendConnect->setToolTip(tr("Send the connect command now (when automatic connect is off)."));
    validateConnectData();
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
    updateState();
}

QString ConnectionPanel::lastCloseText() const
{
    return m_stateArea->lastClose();
}

void ConnectionPanel::addHeaderRow(const QString &name, const QString &value)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
}

void ConnectionPanel::validateConnectData()
{
    const QString text = m_data->toPlainText();
    const bool ok = text.trimmed().isEmpty() || CommandAnalysis::parseValue(text, nullptr);
    m_dataProblem->setVisible(!ok);
    m_dataProblem->setStyleSheet(QStringLiteral("color: %1").arg(ThemeColors::problemText(palette()).name()));
    m_dataProblem->setText(ok ? QString() : tr("Connect data is not valid JSON."));
}

bool ConnectionPanel::readOptions(SessionOptions *options, QString *error) const
{
    SessionOptions o;
    o.transport = TransportKind(m_transport->currentData().toInt());
    if (!ConnectionInput::url(m_url->currentText(), o.transport, &o.url, error))
        return false;
    o.format = Protocol::Format(m_format->currentData().toInt());
    o.token = m_token->text().trimmed();
    o.name = m_name->text().trimmed();
    o.version = m_version->text().trimmed();
    const QString data = m_data->toPlainText().trimmed();
    if (!data.isEmpty() && !CommandAnalysis::parseValue(data, nullptr)) {
        *error = tr("Connect data is not valid JSON; fix it or clear it.");
        return false;
    }
    o.connectData = data.toUtf8();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name = m_headers->item(row, 0) ? m_headers->item(row, 0)->text().trimmed() : QString();
        const QString value = m_headers->item(row, 1) ? m_headers->item(row, 1)->text().trimmed() : QString();
        if (name.isEmpty() && value.isEmpty())
            continue;
        if (!ConnectionInput::isHeaderName(name)) {
            *error = tr("\"%1\" is not a valid HTTP header name.").arg(name);
            return false;
        }
        o.headers.append({name.toLatin1(), value.toUtf8()});
    }
    o.caCertificatesFile = m_caFile->text().trimmed();
    if (!o.caCertificatesFile.isEmpty() && !QFileInfo(o.caCertificatesFile).isReadable()) {
        *error = tr("The CA certificate file %1 cannot be read.").arg(o.caCertificatesFile);
        return false;
    }
    o.ignoreCertificateErrors = m_ignoreCertErrors->isChecked();
    o.handshakeTimeoutMs = int(m_handshakeTimeout->value() * 1000);
    o.autoPong = m_autoPong->isChecked();
    o.autoConnect = m_autoConnect->isChecked();
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
    m_name->setText(o.name);
    m_version->setText(o.version);
    m_data->setPlainText(QString::fromUtf8(o.connectData));
    m_headers->setRowCount(0);
    for (const auto &h : o.headers)
        addHeaderRow(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    m_caFile->setText(o.caCertificatesFile);
    m_ignoreCertErrors->setChecked(o.ignoreCertificateErrors);
    m_handshakeTimeout->setValue(o.handshakeTimeoutMs / 1000.0);
    m_autoPong->setChecked(o.autoPong);
    m_autoConnect->setChecked(o.autoConnect);
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
    o.name = m_name->text();
    o.version = m_version->text();
    o.connectData = m_data->toPlainText().toUtf8();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name = m_headers->item(row, 0) ? m_headers->item(row, 0)->text() : QString();
        const QString value = m_headers->item(row, 1) ? m_headers->item(row, 1)->text() : QString();
        o.headers.append({name.toLatin1(), value.toUtf8()});
    }
    o.caCertificatesFile = m_caFile->text().trimmed();
    o.autoPong = m_autoPong->isChecked();
    o.autoConnect = m_autoConnect->isChecked();
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
    } else if (m_ignoreCertErrors->isChecked()) {
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
    const QTableWidgetItem *name = m_headers->item(row, 0);
    const QTableWidgetItem *value = m_headers->item(row, 1);
    return !m_showSecrets && value && SecretMasker::isSecretHeader(name ? name->text() : QString(), value->text());
}

QString ConnectionPanel::shownHeaderValue(int row) const
{
    const QTableWidgetItem *value = m_headers->item(row, 1);
    return value ? SecretValueDelegate::shownText(value->text(), isHeaderValueHidden(row)) : QString();
}

void ConnectionPanel::setShowSecrets(bool show)
{
    if (show == m_showSecrets)
        return;
    m_showSecrets = show;
    m_showToken->setChecked(show);
    m_headers->viewport()->update();
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
    if (m_countdown->isActive() && m_reconnector && m_reconnector->isScheduled())
        reconnect = tr("reconnecting in %1 s (attempt %2)")
                        .arg(qMax(0, m_reconnector->remainingMs()) / 1000.0, 0, 'f', 1)
                        .arg(m_reconnectAttempt);
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
