#include "connectionpanel.h"

#include "commandanalysis.h"
#include "explainer.h"
#include "reconnector.h"
#include "secretmasker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWebSocketProtocol>

using State = Session::State;

namespace {

constexpr int kMaxRecentUrls = 10;

QPixmap dot(const QColor &color)
{
    const qreal dpr = 2.0;
    QPixmap pm(QSize(14, 14) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color.darker(130));
    p.setBrush(color);
    p.drawEllipse(QRectF(1.5, 1.5, 11, 11));
    return pm;
}

QString key(const char *name)
{
    return QLatin1String("connection/") + QLatin1String(name);
}

// A scroll area as large as its content wants (QScrollArea caps its hint at 24 lines) and never narrower than the
// content: the options scroll only when the dock is too short for them.
class FittingScrollArea : public QScrollArea
{
public:
    QSize sizeHint() const override
    {
        return widget() ? widget()->sizeHint() + QSize(verticalScrollBar()->sizeHint().width(), 0)
                        : QScrollArea::sizeHint();
    }
    // The usual options (More options closed) in full; more only scrolls.
    QSize minimumSizeHint() const override
    {
        if (!widget())
            return QScrollArea::minimumSizeHint();
        return {widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width(),
                qMin(widget()->sizeHint().height(), fontMetrics().height() * 12)};
    }
};

// Shows the values of secret headers as dots, and edits them in a password field, unless secrets are shown.
class HeaderValueDelegate : public QStyledItemDelegate
{
public:
    explicit HeaderValueDelegate(const ConnectionPanel *panel)
        : QStyledItemDelegate(const_cast<ConnectionPanel *>(panel))
        , m_panel(panel)
    {
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor); line && m_panel->isHeaderValueHidden(index.row()))
            line->setEchoMode(QLineEdit::Password);
        return editor;
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->text = m_panel->shownHeaderValue(index.row());
    }

private:
    const ConnectionPanel *m_panel;
};

} // namespace

ConnectionPanel::ConnectionPanel(Session *session, QSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(settings)
{
    buildUi();
    loadSettings();
    connect(m_session, &Session::stateChanged, this, &ConnectionPanel::updateState);
    connect(m_session, &Session::connected, this, [this] {
        m_problemTitle.clear();
        m_problemText.clear();
        m_reconnectText.clear();
        m_reconnectNote.clear();
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
    // The options scroll (with More options open they are taller than a small window's dock, and squeezed rows
    // would overlap); the Connect button and the state area below them always stay in view.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    auto *scroll = new FittingScrollArea;
    scroll->setObjectName(QStringLiteral("connectionScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    outer->addWidget(scroll);
    auto *content = new QWidget;
    scroll->setWidget(content);
    auto *root = new QVBoxLayout(content);
    root->setContentsMargins(6, 6, 6, 0);
    auto *bottom = new QVBoxLayout;
    bottom->setContentsMargins(6, 6, 6, 6);
    outer->addLayout(bottom);
    outer->addStretch(1);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_url = new QComboBox;
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setToolTip(tr("WebSocket endpoint of the server: ws://host:port/connection/websocket, or wss:// for TLS. "
                         "Recent URLs are in the list."));
    m_url->lineEdit()->setPlaceholderText(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
    form->addRow(tr("&URL:"), m_url);

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(QStringLiteral("JSON"), int(Protocol::Format::Json));
    m_format->addItem(QStringLiteral("Protobuf"), int(Protocol::Format::Protobuf));
    if (!protobufAvailable()) {
        if (auto *model = qobject_cast<QStandardItemModel *>(m_format->model()))
            model->item(1)->setEnabled(false);
        m_format->setItemData(1, tr("Protobuf arrives in its own issue."), Qt::ToolTipRole);
    }
    m_format->setToolTip(tr("Encoding of the client protocol, chosen at the WebSocket handshake."));
    form->addRow(tr("&Format:"), m_format);

    auto *tokenRow = new QHBoxLayout;
    m_token = new QLineEdit;
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("empty: anonymous"));
    m_token->setToolTip(tr("Connection JWT sent in connect. It is not saved to the settings."));
    m_showToken = new QToolButton;
    m_showToken->setText(tr("Show"));
    m_showToken->setObjectName(QStringLiteral("showToken"));
    m_showToken->setCheckable(true);
    m_showToken->setToolTip(tr("Show or hide the token"));
    connect(m_showToken, &QToolButton::toggled, this, [this](bool on) {
        m_token->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_showToken->setText(on ? tr("Hide") : tr("Show"));
    });
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_showToken);
    auto *tokenLabel = new QLabel(tr("&Token:"));
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenRow);
    root->addLayout(form);

    // Less common options fold away behind a disclosure button.
    m_more = new QToolButton;
    m_more->setObjectName(QStringLiteral("moreOptions"));
    m_more->setText(tr("More options"));
    m_more->setCheckable(true);
    m_more->setAutoRaise(true);
    m_more->setArrowType(Qt::RightArrow);
    m_more->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_more->setToolTip(tr("Client name and version, connect data, HTTP headers, TLS, automatic connect"));
    root->addWidget(m_more);
    auto *moreContent = new QWidget;
    auto *more = new QFormLayout(moreContent);
    more->setContentsMargins(0, 0, 0, 0);
    more->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("clientName"));
    m_name->setToolTip(tr("Client name sent in connect (the server uses it for metrics only)."));
    more->addRow(tr("Client &name:"), m_name);
    m_version = new QLineEdit;
    m_version->setObjectName(QStringLiteral("clientVersion"));
    more->addRow(tr("Client &version:"), m_version);
    m_data = new QPlainTextEdit;
    m_data->setObjectName(QStringLiteral("connectData"));
    m_data->setTabChangesFocus(true);
    m_data->setPlaceholderText(tr("JSON for the connect proxy, e.g. {\"room\": 1}"));
    m_data->setFixedHeight(m_data->fontMetrics().lineSpacing() * 3 + 12);
    connect(m_data, &QPlainTextEdit::textChanged, this, &ConnectionPanel::validateConnectData);
    more->addRow(tr("Connect &data:"), m_data);
    m_dataProblem = new QLabel;
    m_dataProblem->setWordWrap(true);
    m_dataProblem->setStyleSheet(QStringLiteral("color: #c01c28"));
    m_dataProblem->hide();
    more->addRow(QString(), m_dataProblem);

    m_headers = new QTableWidget(0, 2);
    m_headers->setObjectName(QStringLiteral("headers"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setFixedHeight(m_headers->horizontalHeader()->sizeHint().height() +
                              m_headers->verticalHeader()->defaultSectionSize() * 3 + 4);
    m_headers->setToolTip(tr("Extra HTTP headers sent with the WebSocket handshake (for proxies and cookies). "
                             "Values of secret headers (Authorization, Cookie, API keys, tokens) are shown as dots "
                             "and not saved; View ▸ Show secrets shows them."));
    m_headers->setItemDelegateForColumn(1, new HeaderValueDelegate(this));
    // A name typed into column 0 may make the value beside it secret.
    connect(m_headers, &QTableWidget::itemChanged, m_headers->viewport(), qOverload<>(&QWidget::update));
    auto *headerButtons = new QHBoxLayout;
    auto *addHeader = new QToolButton;
    addHeader->setText(tr("Add header"));
    connect(addHeader, &QToolButton::clicked, this, [this] {
        addHeaderRow();
        m_headers->setCurrentCell(m_headers->rowCount() - 1, 0);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, 0));
    });
    auto *removeHeader = new QToolButton;
    removeHeader->setText(tr("Remove"));
    connect(removeHeader, &QToolButton::clicked, this, [this] {
        const int row = m_headers->currentRow();
        if (row >= 0)
            m_headers->removeRow(row);
    });
    headerButtons->addWidget(addHeader);
    headerButtons->addWidget(removeHeader);
    headerButtons->addStretch();
    auto *headerBox = new QVBoxLayout;
    headerBox->addWidget(m_headers);
    headerBox->addLayout(headerButtons);
    more->addRow(tr("HTTP headers:"), headerBox);

    auto *caRow = new QHBoxLayout;
    m_caFile = new QLineEdit;
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("PEM file, for wss://"));
    m_caFile->setToolTip(tr("PEM file with CA certificates to trust besides the system's, e.g. for a self-signed "
                            "development server."));
    auto *browseCa = new QToolButton;
    browseCa->setText(tr("Browse…"));
    connect(browseCa, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("CA Certificates"), m_caFile->text(),
                                                          tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browseCa);
    auto *caLabel = new QLabel(tr("CA &file:"));
    caLabel->setBuddy(m_caFile);
    more->addRow(caLabel, caRow);
    m_ignoreCertErrors = new QCheckBox(tr("Ignore certificate errors (test servers only)"));
    m_ignoreCertErrors->setObjectName(QStringLiteral("ignoreCertificateErrors"));
    m_ignoreCertErrors->setToolTip(tr("Connect to a wss:// server even when its certificate is not trusted, expired "
                                      "or for another host. The errors are still shown, and the state area warns "
                                      "for as long as this is on. Not remembered: off at every start."));
    connect(m_ignoreCertErrors, &QCheckBox::toggled, this, &ConnectionPanel::updateTlsWarning);
    more->addRow(m_ignoreCertErrors);
    m_handshakeTimeout = new QDoubleSpinBox;
    m_handshakeTimeout->setObjectName(QStringLiteral("handshakeTimeout"));
    m_handshakeTimeout->setRange(0, 600);
    m_handshakeTimeout->setDecimals(1);
    m_handshakeTimeout->setSuffix(tr(" s"));
    m_handshakeTimeout->setSpecialValueText(tr("no limit"));
    m_handshakeTimeout->setValue(SessionOptions().handshakeTimeoutMs / 1000.0);
    m_handshakeTimeout->setToolTip(tr("How long the server may take to answer the WebSocket handshake before the "
                                      "connection is given up (and said so). 0: wait forever."));
    auto *handshakeLabel = new QLabel(tr("&Handshake timeout:"));
    handshakeLabel->setBuddy(m_handshakeTimeout);
    more->addRow(handshakeLabel, m_handshakeTimeout);

    m_autoConnect = new QCheckBox(tr("Send connect after the handshake"));
    m_autoConnect->setObjectName(QStringLiteral("autoConnect"));
    m_autoConnect->setToolTip(tr("Off: the WebSocket opens and you send connect yourself (from the composer or the "
                                 "Send connect button)."));
    more->addRow(m_autoConnect);
    connect(m_more, &QToolButton::toggled, this, [this, moreContent, scroll](bool on) {
        moreContent->setVisible(on);
        m_more->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        scroll->widget()->adjustSize();
        scroll->updateGeometry();
    });
    moreContent->setVisible(false);
    root->addWidget(moreContent);

    m_autoPong = new QCheckBox(tr("Answer server pings (auto-pong)"));
    m_autoPong->setObjectName(QStringLiteral("autoPong"));
    m_autoPong->setToolTip(tr("Off: server pings stay unanswered and the server closes the connection with 3012 no "
                              "pong after its pong timeout."));
    connect(m_autoPong, &QCheckBox::toggled, this, [this](bool on) {
        if (m_session->autoPong() != on)
            m_session->setAutoPong(on);
    });
    root->addWidget(m_autoPong);

    m_reconnect = new QCheckBox(tr("Reconnect automatically"));
    m_reconnect->setObjectName(QStringLiteral("reconnect"));
    m_reconnect->setToolTip(tr("After a close in a reconnect range (for example 3012 no pong, or a lost network), "
                               "connect again with backoff and restore the subscriptions, recovering missed "
                               "publications. Terminal codes such as 3501 do not reconnect."));
    m_reconnect->setEnabled(false);
    m_reconnect->setChecked(true);
    connect(m_reconnect, &QCheckBox::toggled, this, [this](bool on) {
        if (m_reconnector)
            m_reconnector->setEnabled(on);
        if (!on) {
            m_reconnectText.clear();
            updateState();
        }
    });
    root->addWidget(m_reconnect);

    auto *buttons = new QHBoxLayout;
    m_connect = new QPushButton(tr("Connect"));
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    connect(m_connect, &QPushButton::clicked, this, &ConnectionPanel::toggleConnection);
    m_sendConnect = new QPushButton(tr("Send connect"));
    m_sendConnect->setObjectName(QStringLiteral("sendConnectButton"));
    m_sendConnect->setToolTip(tr("Send the connect command now (when automatic connect is off)."));
    connect(m_sendConnect, &QPushButton::clicked, this, [this] { m_session->sendConnect(); });
    buttons->addWidget(m_connect, 1);
    buttons->addWidget(m_sendConnect);
    bottom->addLayout(buttons);

    // The state area.
    auto *stateBox = new QGroupBox(tr("State"));
    auto *stateLayout = new QVBoxLayout(stateBox);
    auto *stateRow = new QHBoxLayout;
    m_stateIcon = new QLabel;
    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("stateLabel"));
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stateRow->addWidget(m_stateIcon);
    stateRow->addWidget(m_state, 1);
    stateLayout->addLayout(stateRow);
    m_explanation = new QLabel;
    m_explanation->setObjectName(QStringLiteral("explanationLabel"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setStyleSheet(QStringLiteral("color: #8a1c1c"));
    stateLayout->addWidget(m_explanation);
    m_tlsWarning = new QLabel;
    m_tlsWarning->setObjectName(QStringLiteral("tlsWarningLabel"));
    m_tlsWarning->setWordWrap(true);
    m_tlsWarning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tlsWarning->setTextFormat(Qt::RichText);
    m_tlsWarning->setStyleSheet(QStringLiteral("color: #b35c00"));
    m_tlsWarning->hide();
    stateLayout->addWidget(m_tlsWarning);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    auto addInfo = [grid, this](int row, const QString &label, QLabel **value, const char *name) {
        auto *l = new QLabel(label);
        l->setStyleSheet(QStringLiteral("color: palette(mid)"));
        *value = new QLabel;
        (*value)->setObjectName(QLatin1String(name));
        (*value)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(l, row, 0);
        grid->addWidget(*value, row, 1);
    };
    addInfo(0, tr("Client id:"), &m_clientId, "clientIdLabel");
    addInfo(1, tr("Server:"), &m_serverVersion, "serverVersionLabel");
    addInfo(2, tr("Ping:"), &m_ping, "pingLabel");
    addInfo(3, tr("Last RTT:"), &m_rtt, "rttLabel");
    addInfo(4, tr("Last close:"), &m_lastClose, "lastCloseLabel");
    m_lastClose->setWordWrap(true);
    m_lastClose->setText(QStringLiteral("–"));
    stateLayout->addLayout(grid);
    bottom->addWidget(stateBox);
    root->addStretch();
}

void ConnectionPanel::setReconnector(Reconnector *reconnector)
{
    m_reconnector = reconnector;
    m_reconnect->setEnabled(reconnector);
    if (!reconnector)
        return;
    reconnector->setEnabled(m_reconnect->isChecked());
    connect(reconnector, &Reconnector::scheduled, this, [this](int attempt, int delayMs) {
        m_reconnectText = tr("reconnecting in %1 s (attempt %2)").arg(delayMs / 1000.0, 0, 'f', 1).arg(attempt);
        m_reconnectNote.clear();
        updateState();
    });
    connect(reconnector, &Reconnector::attempting, this, [this](int attempt) {
        m_reconnectText = tr("reconnect attempt %1").arg(attempt);
        updateState();
    });
    connect(reconnector, &Reconnector::stopped, this, [this](const QString &reason) {
        const bool wasReconnecting = !m_reconnectText.isEmpty();
        m_reconnectText.clear();
        // A close the user asked for needs no comment; otherwise say why no reconnect follows.
        if (!m_session->closedByClient() || wasReconnecting)
            m_reconnectNote = reason;
        updateState();
    });
}

QString ConnectionPanel::lastCloseText() const
{
    return m_lastClose->text();
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
    m_dataProblem->setText(ok ? QString() : tr("Connect data is not valid JSON."));
}

bool ConnectionPanel::readOptions(SessionOptions *options, QString *error) const
{
    SessionOptions o;
    QString text = m_url->currentText().trimmed();
    if (text.isEmpty()) {
        *error = tr("Enter the server's WebSocket URL, e.g. ws://127.0.0.1:8000/connection/websocket.");
        return false;
    }
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("ws://"));
    QUrl url(text, QUrl::StrictMode);
    if (url.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (url.scheme() == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
        *error = tr("\"%1\" is not a WebSocket URL: use ws://host:port/path or wss://host:port/path.").arg(text);
        return false;
    }
    o.url = url;
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
    static const QRegularExpression headerName(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name = m_headers->item(row, 0) ? m_headers->item(row, 0)->text().trimmed() : QString();
        const QString value = m_headers->item(row, 1) ? m_headers->item(row, 1)->text().trimmed() : QString();
        if (name.isEmpty() && value.isEmpty())
            continue;
        if (!headerName.match(name).hasMatch()) {
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

QString ConnectionPanel::stateText() const
{
    return m_state->text();
}

QString ConnectionPanel::explanationText() const
{
    return m_explanation->text();
}

bool ConnectionPanel::connectToServer()
{
    if (m_reconnector && m_reconnector->isScheduled())
        m_reconnector->cancel(); // connect now, with the fields as they are
    m_reconnectText.clear();
    m_reconnectNote.clear();
    SessionOptions options;
    QString error;
    if (!readOptions(&options, &error)) {
        showProblem(tr("Cannot connect"), error);
        return false;
    }
    m_problemTitle.clear();
    m_problemText.clear();
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
        m_reconnectText.clear();
        updateState();
        return;
    }
    if (m_session->state() == State::Disconnected)
        connectToServer();
    else
        disconnectFromServer();
}

void ConnectionPanel::showProblem(const QString &title, const QString &text)
{
    m_problemTitle = title;
    m_problemText = text;
    updateState();
}

void ConnectionPanel::onClosed(int code, const QString &reason)
{
    const CodeExplanation last = Explainer::disconnect(code);
    m_lastClose->setText(tr("%1 %2 at %3")
                             .arg(code)
                             .arg(last.known ? last.name : reason)
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
    m_lastClose->setToolTip(reason);
    const CloseInfo &info = m_session->lastClose();
    if (info.rule == CloseInfo::Rule::UserClose) {
        m_problemTitle = tr("Closed by you");
        m_problemText.clear();
    } else {
        const CodeExplanation e = Explainer::disconnect(code);
        switch (info.side) {
        case CloseInfo::Side::Client:
            m_problemTitle = tr("Closed by this client: code %1").arg(code);
            break;
        case CloseInfo::Side::Transport:
            m_problemTitle = tr("Connection lost: %1").arg(CloseInfo::socketErrorWords(info.socketError));
            break;
        case CloseInfo::Side::Server:
        case CloseInfo::Side::Unknown:
            m_problemTitle = e.known ? tr("Closed by the server: %1 %2").arg(code).arg(e.name)
                                     : tr("Closed by the server: code %1").arg(code);
            break;
        }
        m_problemText = Explainer::describeClose(info);
        if (!m_certificateErrors.isEmpty() && !m_certificateErrorsIgnored)
            m_problemText += QLatin1Char('\n') +
                             tr("The server's certificate was not accepted: %1. Trust its CA with a CA file (More "
                                "options) or, for a test server only, ignore certificate errors.")
                                 .arg(m_certificateErrors.join(QLatin1String("; ")));
    }
    updateState();
}

void ConnectionPanel::onConnectFailed(int code, const QString &message)
{
    Q_UNUSED(message)
    m_problemTitle = tr("connect failed: error %1").arg(code);
    m_problemText = Explainer::error(code).sentence();
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
    m_tlsWarning->setText(html);
    m_tlsWarning->setVisible(!lines.isEmpty());
}

QString ConnectionPanel::tlsWarningText() const
{
    return m_tlsWarningText;
}

bool ConnectionPanel::isHeaderValueHidden(int row) const
{
    const QTableWidgetItem *name = m_headers->item(row, 0);
    const QTableWidgetItem *value = m_headers->item(row, 1);
    return !m_showSecrets && value && isSecretHeader(name ? name->text() : QString(), value->text());
}

QString ConnectionPanel::shownHeaderValue(int row) const
{
    const QTableWidgetItem *value = m_headers->item(row, 1);
    if (!value)
        return {};
    // The same dots whatever the length: the length of a secret is a hint, too.
    return isHeaderValueHidden(row) && !value->text().isEmpty() ? QString(8, QChar(0x2022)) : value->text();
}

bool ConnectionPanel::isSecretHeader(const QString &name, const QString &value)
{
    return SecretMasker::isSecretHeaderName(name) || SecretMasker::maskJwts(value) != value;
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
            m_rtt->setText(tr("%1 ms").arg(m.rttMs, 0, 'f', 1));
            break;
        }
    }
}

void ConnectionPanel::updateDetails()
{
    const bool connected = m_session->state() == State::Connected;
    m_clientId->setText(connected ? m_session->clientId() : QStringLiteral("–"));
    m_serverVersion->setText(connected && !m_session->serverVersion().isEmpty() ? m_session->serverVersion()
                                                                                : QStringLiteral("–"));
    if (connected && m_session->pingIntervalSec() > 0)
        m_ping->setText(m_session->pongRequired() ? tr("every %1 s, pong required").arg(m_session->pingIntervalSec())
                                                  : tr("every %1 s").arg(m_session->pingIntervalSec()));
    else
        m_ping->setText(QStringLiteral("–"));
    if (m_session->lastRttMs() < 0)
        m_rtt->setText(QStringLiteral("–"));
}

void ConnectionPanel::updateState()
{
    const State state = m_session->state();
    QString text;
    QColor color;
    switch (state) {
    case State::Disconnected:
        text = m_problemTitle.isEmpty() ? tr("Disconnected") : m_problemTitle;
        color = m_problemText.isEmpty() ? QColor(0x90, 0x90, 0x90) : QColor(0xc0, 0x1c, 0x28);
        break;
    case State::Connecting:
        text = tr("Connecting to %1…").arg(m_session->options().url.toString(QUrl::RemovePassword));
        color = QColor(0xe5, 0xa5, 0x0a);
        break;
    case State::Open:
        if (!m_problemTitle.isEmpty())
            text = m_problemTitle;
        else
            text = m_session->connectSent() ? tr("Open, waiting for the connect reply")
                                            : tr("Open: WebSocket ready, connect not sent");
        color = m_problemText.isEmpty() ? QColor(0x1c, 0x71, 0xd8) : QColor(0xc0, 0x1c, 0x28);
        break;
    case State::Connected:
        text = tr("Connected");
        color = QColor(0x2e, 0xc2, 0x7e);
        break;
    }
    if (!m_reconnectText.isEmpty() && state != State::Connected)
        text += QLatin1String(" — ") + m_reconnectText;
    m_state->setText(text);
    m_stateIcon->setPixmap(dot(color));
    QString explanation = m_problemText;
    if (!m_reconnectNote.isEmpty() && state == State::Disconnected)
        explanation += (explanation.isEmpty() ? QString() : QStringLiteral("\n")) + m_reconnectNote;
    m_explanation->setText(explanation);
    m_explanation->setVisible(!explanation.isEmpty());

    const bool idle = state == State::Disconnected;
    const bool scheduled = m_reconnector && m_reconnector->isScheduled();
    m_connect->setText(scheduled ? tr("Stop reconnecting") : idle ? tr("Connect") : tr("Disconnect"));
    m_connect->setToolTip(idle ? tr("Open the WebSocket and send connect (Ctrl+K)")
                               : tr("Close the connection (Ctrl+Shift+K)"));
    m_sendConnect->setEnabled(state == State::Open && !m_session->connectSent());
    for (QWidget *w : {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_format)})
        w->setEnabled(idle);
    updateTlsWarning();
    updateDetails();
}

void ConnectionPanel::rememberUrl(const QString &url)
{
    QStringList recent;
    recent.append(url);
    for (int i = 0; i < m_url->count() && recent.size() < kMaxRecentUrls; ++i) {
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
    if (!m_settings)
        return;
    QStringList recent;
    for (int i = 0; i < m_url->count(); ++i)
        recent.append(m_url->itemText(i));
    m_settings->setValue(key("recentUrls"), recent);
    m_settings->setValue(key("url"), m_url->currentText().trimmed());
    m_settings->setValue(key("format"),
                         QString(Protocol::formatName(Protocol::Format(m_format->currentData().toInt()))));
    m_settings->setValue(key("name"), m_name->text());
    m_settings->setValue(key("version"), m_version->text());
    m_settings->setValue(key("data"), m_data->toPlainText());
    QStringList headers;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name = m_headers->item(row, 0) ? m_headers->item(row, 0)->text() : QString();
        const QString value = m_headers->item(row, 1) ? m_headers->item(row, 1)->text() : QString();
        // Like the token, the values of secret headers stay out of the settings (the name is kept).
        if (!name.isEmpty())
            headers.append(name + QLatin1Char(':') + (isSecretHeader(name, value) ? QString() : value));
    }
    m_settings->setValue(key("headers"), headers);
    m_settings->setValue(key("caFile"), m_caFile->text().trimmed());
    m_settings->setValue(key("autoPong"), m_autoPong->isChecked());
    m_settings->setValue(key("handshakeTimeoutMs"), int(m_handshakeTimeout->value() * 1000));
    m_settings->setValue(key("autoConnect"), m_autoConnect->isChecked());
    m_settings->setValue(key("reconnect"), m_reconnect->isChecked());
    m_settings->setValue(key("moreOptions"), m_more->isChecked());
}

void ConnectionPanel::loadSettings()
{
    const SessionOptions defaults;
    SessionOptions o = defaults;
    QStringList recent;
    if (m_settings) {
        recent = m_settings->value(key("recentUrls")).toStringList();
        o.url = QUrl(m_settings->value(key("url"), defaults.url.toString()).toString());
        o.format = m_settings->value(key("format")).toString() == QLatin1String("protobuf") && protobufAvailable()
                       ? Protocol::Format::Protobuf
                       : Protocol::Format::Json;
        o.name = m_settings->value(key("name"), defaults.name).toString();
        o.version = m_settings->value(key("version"), defaults.version).toString();
        o.connectData = m_settings->value(key("data")).toString().toUtf8();
        for (const QString &h : m_settings->value(key("headers")).toStringList()) {
            const qsizetype colon = h.indexOf(QLatin1Char(':'));
            if (colon > 0)
                o.headers.append({h.left(colon).toLatin1(), h.mid(colon + 1).toUtf8()});
        }
        o.caCertificatesFile = m_settings->value(key("caFile")).toString();
        o.autoPong = m_settings->value(key("autoPong"), true).toBool();
        o.handshakeTimeoutMs =
            qMax(0, m_settings->value(key("handshakeTimeoutMs"), defaults.handshakeTimeoutMs).toInt());
        o.autoConnect = m_settings->value(key("autoConnect"), true).toBool();
        m_more->setChecked(m_settings->value(key("moreOptions"), false).toBool());
        m_reconnect->setChecked(m_settings->value(key("reconnect"), true).toBool());
    }
    recent.removeAll(QString());
    m_url->clear();
    m_url->addItems(recent.mid(0, kMaxRecentUrls));
    setOptions(o);
}
