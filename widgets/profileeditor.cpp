#include "profileeditor.h"

#include "jsonhighlighter.h"
#include "jwt.h"
#include "secretlineedit.h"
#include "secretmasker.h"
#include "secretstore.h"
#include "secretvaluedelegate.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum HeaderColumn { NameColumn, ValueColumn, SecretColumn };

// Marked secret, or secret by the common rule (the check box is then checked and locked).
bool isSecretRow(const QModelIndex &index)
{
    return index.siblingAtColumn(SecretColumn).data(Qt::CheckStateRole).toInt() == Qt::Checked ||
           SecretMasker::isSecretHeader(index.siblingAtColumn(NameColumn).data().toString(),
                                        index.siblingAtColumn(ValueColumn).data().toString());
}

QPlainTextEdit *jsonField(QWidget *parent, const QString &placeholder, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    new JsonHighlighter(edit->document());
    return edit;
}

} // namespace

ProfileEditor::ProfileEditor(SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_secrets(secrets)
{
    buildUi();
    setProfile(ConnectionProfile());
}

void ProfileEditor::buildUi()
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);

    auto *connection = new QGroupBox(tr("Connection"), content);
    auto *form = new QFormLayout(connection);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_name = new QLineEdit(connection);
    form->addRow(tr("&Name:"), m_name);
    m_url = new QLineEdit(connection);
    m_url->setPlaceholderText(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
    form->addRow(tr("&URL:"), m_url);
    m_format = new QComboBox(connection);
    m_format->addItem(tr("JSON"), int(Protocol::Format::Json));
    m_format->addItem(tr("Protobuf"), int(Protocol::Format::Protobuf));
    form->addRow(tr("&Format:"), m_format);

    m_headers = new QTableWidget(0, 3, connection);
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value"), tr("Secret")});
    m_headers->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_headers->verticalHeader()->hide();
    m_headers->setItemDelegateForColumn(
        ValueColumn, new SecretValueDelegate([](const QModelIndex &index) { return isSecretRow(index); }, m_headers));
    m_headers->setFixedHeight(m_headers->verticalHeader()->defaultSectionSize() * 4 + 8);
    auto *headerButtons = new QHBoxLayout;
    auto *addHeader = new QPushButton(tr("Add Header"), connection);
    auto *removeHeader = new QPushButton(tr("Remove Header"), connection);
    headerButtons->addWidget(addHeader);
    headerButtons->addWidget(removeHeader);
    headerButtons->addStretch();
    auto *headerBox = new QVBoxLayout;
    headerBox->addWidget(m_headers);
    headerBox->addLayout(headerButtons);
    form->addRow(tr("HTTP headers:"), headerBox);

    m_connectData = jsonField(connection, tr("JSON sent as connect data (for a connect proxy); empty for none"), 3);
    form->addRow(tr("Connect &data:"), m_connectData);
    layout->addWidget(connection);

    auto *token = new QGroupBox(tr("Token"), content);
    auto *tokenLayout = new QVBoxLayout(token);
    auto *sourceRow = new QHBoxLayout;
    m_sourceNone = new QRadioButton(tr("No token (anonymous)"), token);
    m_sourceFixed = new QRadioButton(tr("Fixed token"), token);
    m_sourceGenerated = new QRadioButton(tr("Generate from HMAC secret"), token);
    auto *sourceGroup = new QButtonGroup(this);
    for (QRadioButton *button : {m_sourceNone, m_sourceFixed, m_sourceGenerated}) {
        sourceGroup->addButton(button);
        sourceRow->addWidget(button);
    }
    sourceRow->addStretch();
    tokenLayout->addLayout(sourceRow);
    m_sourcePages = new QStackedWidget(token);
    m_sourcePages->addWidget(new QWidget(m_sourcePages));

    auto *fixedPage = new QWidget(m_sourcePages);
    auto *fixedForm = new QFormLayout(fixedPage);
    fixedForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_fixedToken = new SecretLineEdit(fixedPage);
    m_fixedToken->setPlaceholderText(tr("eyJ… (kept in the secret store, never in settings or exports)"));
    m_fixedSummary = new QLabel(fixedPage);
    m_fixedSummary->setWordWrap(true);
    fixedForm->addRow(tr("T&oken:"), m_fixedToken);
    fixedForm->addRow(QString(), m_fixedSummary);
    m_sourcePages->addWidget(fixedPage);

    auto *generatedPage = new QWidget(m_sourcePages);
    auto *generatedForm = new QFormLayout(generatedPage);
    generatedForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_hmacSecret = new SecretLineEdit(generatedPage);
    m_hmacSecret->setPlaceholderText(tr("client.token.hmac_secret_key (development servers only)"));
    generatedForm->addRow(tr("HMAC s&ecret:"), m_hmacSecret);
    m_sub = new QLineEdit(generatedPage);
    m_sub->setPlaceholderText(tr("empty = anonymous user"));
    generatedForm->addRow(tr("User ID (sub):"), m_sub);
    m_ttlMinutes = new QSpinBox(generatedPage);
    m_ttlMinutes->setRange(0, 60 * 24 * 365);
    m_ttlMinutes->setSuffix(tr(" min"));
    m_ttlMinutes->setSpecialValueText(tr("never expires"));
    generatedForm->addRow(tr("Lifetime:"), m_ttlMinutes);
    m_info = jsonField(generatedPage, tr("{\"name\": \"Alice\"}  (info claim, JSON)"), 2);
    generatedForm->addRow(tr("Info:"), m_info);
    m_channels = new QLineEdit(generatedPage);
    m_channels->setPlaceholderText(tr("server-side subscriptions, e.g. news, chat:room"));
    generatedForm->addRow(tr("Channels:"), m_channels);
    m_subscriptionTokens =
        new QCheckBox(tr("Also sign subscription tokens for private ($) channels with this secret"), generatedPage);
    generatedForm->addRow(QString(), m_subscriptionTokens);
    auto *openGenerator = new QPushButton(tr("Open Token Generator…"), generatedPage);
    generatedForm->addRow(QString(), openGenerator);
    m_sourcePages->addWidget(generatedPage);
    tokenLayout->addWidget(m_sourcePages);
    layout->addWidget(token);

    auto *api = new QGroupBox(tr("Server API"), content);
    auto *apiForm = new QFormLayout(api);
    apiForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_apiUrl = new QLineEdit(api);
    m_apiUrl->setPlaceholderText(tr("derived from the URL, e.g. http://127.0.0.1:8000/api"));
    apiForm->addRow(tr("API URL:"), m_apiUrl);
    m_apiKey = new SecretLineEdit(api);
    m_apiKey->setPlaceholderText(tr("http_api.key (kept in the secret store)"));
    apiForm->addRow(tr("API &key:"), m_apiKey);
    layout->addWidget(api);

    auto *restore = new QGroupBox(tr("Subscriptions to restore after connecting"), content);
    auto *restoreLayout = new QVBoxLayout(restore);
    m_subscriptions = new QPlainTextEdit(restore);
    m_subscriptions->setPlaceholderText(tr("One channel per line"));
    m_subscriptions->setTabChangesFocus(true);
    m_subscriptions->setFixedHeight(m_subscriptions->fontMetrics().lineSpacing() * 4 + 12);
    restoreLayout->addWidget(m_subscriptions);
    layout->addWidget(restore);

    auto *tls = new QGroupBox(tr("TLS (wss://)"), content);
    auto *tlsForm = new QFormLayout(tls);
    tlsForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    auto *caRow = new QHBoxLayout;
    m_caFile = new QLineEdit(tls);
    m_caFile->setPlaceholderText(tr("extra CA certificates (PEM), e.g. for a self-signed development server"));
    auto *browse = new QPushButton(tr("Browse…"), tls);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    tlsForm->addRow(tr("CA file:"), caRow);
    m_ignoreCertErrors = new QCheckBox(tr("Ignore certificate errors"), tls);
    tlsForm->addRow(QString(), m_ignoreCertErrors);
    m_tlsWarning = new QLabel(tr("Certificate errors are still shown in the log, but the connection goes ahead: "
                                 "anyone on the network could read and change the traffic. For development only."),
                              tls);
    m_tlsWarning->setWordWrap(true);
    m_tlsWarning->setStyleSheet(QStringLiteral("color: #b00020;"));
    tlsForm->addRow(m_tlsWarning);
    layout->addWidget(tls);

    auto *timeouts = new QGroupBox(tr("Timeouts"), content);
    auto *timeoutForm = new QFormLayout(timeouts);
    m_handshakeTimeout = new QDoubleSpinBox(timeouts);
    m_handshakeTimeout->setObjectName(QStringLiteral("handshakeTimeout"));
    m_handshakeTimeout->setRange(0, 600);
    m_handshakeTimeout->setDecimals(1);
    m_handshakeTimeout->setSuffix(tr(" s"));
    m_handshakeTimeout->setSpecialValueText(tr("no limit"));
    m_handshakeTimeout->setToolTip(tr("How long the server may take to answer the WebSocket handshake before the "
                                      "connection is given up (and said so). 0: wait forever."));
    timeoutForm->addRow(tr("Handshake timeout:"), m_handshakeTimeout);
    layout->addWidget(timeouts);

    m_problems = new QLabel(content);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_problems);
    m_secretBackend = new QLabel(content);
    m_secretBackend->setWordWrap(true);
    layout->addWidget(m_secretBackend);
    layout->addStretch();

    // Names for tests and style sheets.
    m_name->setObjectName(QStringLiteral("name"));
    m_url->setObjectName(QStringLiteral("url"));
    m_sourceNone->setObjectName(QStringLiteral("sourceNone"));
    m_sourceFixed->setObjectName(QStringLiteral("sourceFixed"));
    m_sourceGenerated->setObjectName(QStringLiteral("sourceGenerated"));
    m_fixedToken->lineEdit()->setObjectName(QStringLiteral("fixedToken"));
    m_hmacSecret->lineEdit()->setObjectName(QStringLiteral("hmacSecret"));
    m_apiKey->lineEdit()->setObjectName(QStringLiteral("apiKey"));
    m_sub->setObjectName(QStringLiteral("sub"));

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    const auto updateBackend = [this] {
        m_secretBackend->setText(m_secrets ? m_secrets->backendDescription()
                                           : tr("No secret store: secrets are not saved."));
    };
    updateBackend();
    if (m_secrets)
        connect(m_secrets, &SecretStore::backendChanged, this, updateBackend);

    for (QLineEdit *edit : {m_name, m_url, m_sub, m_channels, m_apiUrl, m_caFile})
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditor::markModified);
    for (QPlainTextEdit *edit : {m_connectData, m_info, m_subscriptions})
        connect(edit, &QPlainTextEdit::textChanged, this, &ProfileEditor::markModified);
    for (SecretLineEdit *edit : {m_fixedToken, m_hmacSecret, m_apiKey})
        connect(edit, &SecretLineEdit::textChanged, this, &ProfileEditor::markModified);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ProfileEditor::markModified);
    connect(m_ttlMinutes, &QSpinBox::valueChanged, this, &ProfileEditor::markModified);
    connect(m_handshakeTimeout, &QDoubleSpinBox::valueChanged, this, &ProfileEditor::markModified);
    for (QCheckBox *box : {m_subscriptionTokens, m_ignoreCertErrors})
        connect(box, &QCheckBox::toggled, this, &ProfileEditor::markModified);
    connect(m_ignoreCertErrors, &QCheckBox::toggled, m_tlsWarning, &QLabel::setVisible);
    connect(sourceGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (!checked)
            return;
        updateTokenSourcePage();
        markModified();
    });
    connect(m_fixedToken, &SecretLineEdit::textChanged, this, &ProfileEditor::updateTokenSummary);
    connect(m_headers, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == NameColumn || item->column() == ValueColumn)
            applySecretRule(item->row());
        m_headers->viewport()->update();
        markModified();
    });
    connect(addHeader, &QPushButton::clicked, this, [this] {
        addHeaderRow({});
        m_headers->setCurrentCell(m_headers->rowCount() - 1, NameColumn);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, NameColumn));
        markModified();
    });
    connect(removeHeader, &QPushButton::clicked, this, [this] {
        if (m_headers->currentRow() >= 0) {
            m_headers->removeRow(m_headers->currentRow());
            markModified();
        }
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("CA Certificates"), m_caFile->text(),
                                                          tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    connect(openGenerator, &QPushButton::clicked, this,
            [this] { emit tokenGeneratorRequested(profile().tokenClaims, m_hmacSecret->text()); });
}

void ProfileEditor::addHeaderRow(const ConnectionProfile::Header &header)
{
    const bool wasLoading = std::exchange(m_loading, true);
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, NameColumn, new QTableWidgetItem(QString::fromLatin1(header.name)));
    m_headers->setItem(row, ValueColumn, new QTableWidgetItem(QString::fromLatin1(header.value)));
    auto *secret = new QTableWidgetItem;
    secret->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    secret->setCheckState(header.secret ? Qt::Checked : Qt::Unchecked);
    secret->setToolTip(tr("Keep the value in the secret store instead of the settings, and out of exports"));
    m_headers->setItem(row, SecretColumn, secret);
    applySecretRule(row);
    m_loading = wasLoading;
}

void ProfileEditor::applySecretRule(int row)
{
    QTableWidgetItem *name = m_headers->item(row, NameColumn);
    QTableWidgetItem *value = m_headers->item(row, ValueColumn);
    QTableWidgetItem *secret = m_headers->item(row, SecretColumn);
    if (!name || !value || !secret)
        return;
    const bool byRule = SecretMasker::isSecretHeader(name->text(), value->text());
    const Qt::ItemFlags flags = byRule ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                       : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable;
    const QSignalBlocker blocker(m_headers);
    if (byRule)
        secret->setCheckState(Qt::Checked);
    secret->setFlags(flags);
    secret->setToolTip(byRule ? tr("A credential by its name or value: always kept in the secret store and out of "
                                   "exports, like in the connection panel")
                              : tr("Keep the value in the secret store instead of the settings, and out of exports"));
}

void ProfileEditor::loadSecret(const QString &key, SecretLineEdit *field)
{
    if (!m_secrets)
        return;
    const quint64 generation = m_generation;
    m_secrets->read(key, this, [this, field, generation](bool found, const QString &value, const QString &) {
        // Only fill a field the user has not typed into meanwhile, for the profile still shown.
        if (generation != m_generation || !found || !field->text().isEmpty())
            return;
        const bool wasModified = m_modified;
        m_loading = true;
        field->setText(value);
        m_loading = false;
        setModified(wasModified);
    });
}

void ProfileEditor::setProfile(const ConnectionProfile &p)
{
    ++m_generation;
    m_loading = true;
    m_profile = p;
    m_name->setText(p.name);
    m_url->setText(p.url.toString());
    m_format->setCurrentIndex(m_format->findData(int(p.format)));
    m_headers->setRowCount(0);
    for (const ConnectionProfile::Header &header : p.headers)
        addHeaderRow(header);
    m_connectData->setPlainText(QString::fromUtf8(p.connectData));
    switch (p.tokenSource) {
    case ConnectionProfile::TokenSource::None:
        m_sourceNone->setChecked(true);
        break;
    case ConnectionProfile::TokenSource::Fixed:
        m_sourceFixed->setChecked(true);
        break;
    case ConnectionProfile::TokenSource::Generated:
        m_sourceGenerated->setChecked(true);
        break;
    }
    m_fixedToken->setText(QString());
    m_hmacSecret->setText(QString());
    m_apiKey->setText(QString());
    m_sub->setText(p.tokenClaims.sub);
    m_ttlMinutes->setValue(p.tokenTtlSec > 0 ? int(qMax<qint64>(1, p.tokenTtlSec / 60)) : 0);
    m_info->setPlainText(QString::fromUtf8(p.tokenClaims.info));
    m_channels->setText(p.tokenClaims.channels.join(QStringLiteral(", ")));
    m_subscriptionTokens->setChecked(p.generateSubscriptionTokens);
    m_apiUrl->setText(p.apiUrl.toString());
    QStringList channels;
    for (const SubscribeOptions &s : p.subscriptions)
        channels << s.channel;
    m_subscriptions->setPlainText(channels.join(QLatin1Char('\n')));
    m_caFile->setText(p.caCertificatesFile);
    m_ignoreCertErrors->setChecked(p.ignoreCertificateErrors);
    m_tlsWarning->setVisible(p.ignoreCertificateErrors);
    m_handshakeTimeout->setValue(p.handshakeTimeoutMs / 1000.0);
    updateTokenSourcePage();
    updateTokenSummary();
    m_loading = false;
    setModified(false);
    setEnabled(!p.id.isEmpty());

    if (!p.id.isEmpty()) {
        loadSecret(p.secretKey(ConnectionProfile::Secret::ConnectionToken), m_fixedToken);
        loadSecret(p.secretKey(ConnectionProfile::Secret::HmacSecret), m_hmacSecret);
        loadSecret(p.secretKey(ConnectionProfile::Secret::ApiKey), m_apiKey);
        if (m_secrets) {
            const quint64 generation = m_generation;
            for (const ConnectionProfile::Header &header : p.headers) {
                if (!header.isSecret())
                    continue;
                const QString name = QString::fromLatin1(header.name);
                m_secrets->read(p.secretKey(ConnectionProfile::Secret::Header, header.name), this,
                                [this, name, generation](bool found, const QString &value, const QString &) {
                                    if (generation != m_generation || !found)
                                        return;
                                    for (int row = 0; row < m_headers->rowCount(); ++row) {
                                        QTableWidgetItem *item = m_headers->item(row, ValueColumn);
                                        if (m_headers->item(row, NameColumn)->text() == name &&
                                            item->text().isEmpty()) {
                                            const bool wasModified = m_modified;
                                            m_loading = true;
                                            item->setText(value);
                                            m_loading = false;
                                            setModified(wasModified);
                                        }
                                    }
                                });
            }
        }
    }
}

ConnectionProfile ProfileEditor::profile() const
{
    ConnectionProfile p = m_profile;
    p.name = m_name->text().trimmed();
    p.url = QUrl(m_url->text().trimmed());
    p.format = Protocol::Format(m_format->currentData().toInt());
    p.headers.clear();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        ConnectionProfile::Header header;
        header.name = m_headers->item(row, NameColumn)->text().trimmed().toLatin1();
        header.value = m_headers->item(row, ValueColumn)->text().toLatin1();
        header.secret =
            m_headers->item(row, SecretColumn)->checkState() == Qt::Checked ||
            SecretMasker::isSecretHeader(QString::fromLatin1(header.name), m_headers->item(row, ValueColumn)->text());
        if (!header.name.isEmpty())
            p.headers << header;
    }
    p.connectData = m_connectData->toPlainText().trimmed().toUtf8();
    p.tokenSource = m_sourceFixed->isChecked()       ? ConnectionProfile::TokenSource::Fixed
                    : m_sourceGenerated->isChecked() ? ConnectionProfile::TokenSource::Generated
                                                     : ConnectionProfile::TokenSource::None;
    p.tokenClaims.sub = m_sub->text().trimmed();
    p.tokenClaims.info = m_info->toPlainText().trimmed().toUtf8();
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    p.tokenClaims.channels = m_channels->text().split(separators, Qt::SkipEmptyParts);
    p.tokenTtlSec = qint64(m_ttlMinutes->value()) * 60;
    p.generateSubscriptionTokens = m_subscriptionTokens->isChecked();
    p.apiUrl = QUrl(m_apiUrl->text().trimmed());
    // Keep the recovery options of channels that stay in the list.
    QList<SubscribeOptions> subscriptions;
    const QStringList lines = m_subscriptions->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString channel = line.trimmed();
        if (channel.isEmpty())
            continue;
        SubscribeOptions options;
        options.channel = channel;
        for (const SubscribeOptions &old : m_profile.subscriptions) {
            if (old.channel == channel)
                options = old;
        }
        subscriptions << options;
    }
    p.subscriptions = subscriptions;
    p.caCertificatesFile = m_caFile->text().trimmed();
    p.ignoreCertificateErrors = m_ignoreCertErrors->isChecked();
    p.handshakeTimeoutMs = int(m_handshakeTimeout->value() * 1000);
    return p;
}

void ProfileEditor::saveSecrets()
{
    if (!m_secrets)
        return;
    const ConnectionProfile p = profile();
    const auto store = [this](const QString &key, const QString &value) {
        if (value.isEmpty())
            m_secrets->remove(key);
        else
            m_secrets->write(key, value);
    };
    store(p.secretKey(ConnectionProfile::Secret::ConnectionToken), m_fixedToken->text().trimmed());
    store(p.secretKey(ConnectionProfile::Secret::HmacSecret), m_hmacSecret->text());
    store(p.secretKey(ConnectionProfile::Secret::ApiKey), m_apiKey->text().trimmed());
    QStringList kept;
    for (const ConnectionProfile::Header &header : p.headers) {
        if (!header.isSecret())
            continue;
        const QString key = p.secretKey(ConnectionProfile::Secret::Header, header.name);
        store(key, QString::fromLatin1(header.value));
        kept << key;
    }
    // Secret headers that were removed or are no longer secret.
    for (const ConnectionProfile::Header &header : std::as_const(m_profile.headers)) {
        const QString key = m_profile.secretKey(ConnectionProfile::Secret::Header, header.name);
        if (header.isSecret() && !kept.contains(key))
            m_secrets->remove(key);
    }
    m_profile = p;
}

void ProfileEditor::setModified(bool modified)
{
    const bool changed = m_modified != modified;
    m_modified = modified;
    const QStringList list = problems();
    m_problems->setText(list.join(QLatin1Char('\n')));
    m_problems->setVisible(!list.isEmpty());
    if (changed)
        emit modifiedChanged(modified);
}

void ProfileEditor::markModified()
{
    if (!m_loading)
        setModified(true);
}

QStringList ProfileEditor::problems() const
{
    QStringList list = profile().problems();
    if (m_name->text().trimmed().isEmpty())
        list.prepend(tr("A profile needs a name."));
    return list;
}

void ProfileEditor::updateTokenSourcePage()
{
    m_sourcePages->setCurrentIndex(m_sourceFixed->isChecked() ? 1 : m_sourceGenerated->isChecked() ? 2 : 0);
}

void ProfileEditor::updateTokenSummary()
{
    const QString text = m_fixedToken->text();
    if (text.trimmed().isEmpty()) {
        m_fixedSummary->setText(tr("The token is sent as is with every connect."));
        return;
    }
    const Jwt jwt = Jwt::decode(text);
    if (!jwt.isValid()) {
        m_fixedSummary->setText(jwt.errorString());
        return;
    }
    const QString user = jwt.subject().isEmpty() ? tr("an anonymous user") : tr("user \"%1\"").arg(jwt.subject());
    m_fixedSummary->setText(tr("Token for %1. %2").arg(user, jwt.expirySentence(QDateTime::currentDateTimeUtc())));
}

QString ProfileEditor::fixedToken() const
{
    return m_fixedToken->text();
}

QString ProfileEditor::hmacSecret() const
{
    return m_hmacSecret->text();
}

QString ProfileEditor::apiKey() const
{
    return m_apiKey->text();
}
