#include "connectionmoreoptions.h"

#include "commandanalysis.h"
#include "connectioninput.h"
#include "secretmasker.h"
#include "secretvaluedelegate.h"
#include "themecolors.h"

#include <QCheckBox>
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
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// The text of a cell; empty for a cell never filled in (a row just added).
QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

ConnectionMoreOptions::ConnectionMoreOptions(QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("clientName"));
    m_nameLabel = new QLabel;
    m_nameLabel->setBuddy(m_name);
    form->addRow(m_nameLabel, m_name);
    m_version = new QLineEdit;
    m_version->setObjectName(QStringLiteral("clientVersion"));
    m_versionLabel = new QLabel;
    m_versionLabel->setBuddy(m_version);
    form->addRow(m_versionLabel, m_version);
    m_data = new QPlainTextEdit;
    m_data->setObjectName(QStringLiteral("connectData"));
    m_data->setTabChangesFocus(true);
    m_data->setFixedHeight(m_data->fontMetrics().lineSpacing() * 3 + 12);
    connect(m_data, &QPlainTextEdit::textChanged, this, &ConnectionMoreOptions::validateConnectData);
    m_dataLabel = new QLabel;
    m_dataLabel->setBuddy(m_data);
    form->addRow(m_dataLabel, m_data);
    m_dataProblem = new QLabel;
    m_dataProblem->setWordWrap(true);
    m_dataProblem->hide();
    form->addRow(new QLabel, m_dataProblem);

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
    form->addRow(m_headersLabel, headerBox);

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
    form->addRow(m_caLabel, caRow);
    m_ignoreCertErrors = new QCheckBox;
    m_ignoreCertErrors->setObjectName(QStringLiteral("ignoreCertificateErrors"));
    connect(m_ignoreCertErrors, &QCheckBox::toggled, this, &ConnectionMoreOptions::ignoreCertificateErrorsToggled);
    form->addRow(m_ignoreCertErrors);
    m_handshakeTimeout = new QDoubleSpinBox;
    m_handshakeTimeout->setObjectName(QStringLiteral("handshakeTimeout"));
    m_handshakeTimeout->setRange(0, 600);
    m_handshakeTimeout->setDecimals(1);
    m_handshakeTimeout->setValue(SessionOptions().handshakeTimeoutMs / 1000.0);
    m_handshakeLabel = new QLabel;
    m_handshakeLabel->setBuddy(m_handshakeTimeout);
    form->addRow(m_handshakeLabel, m_handshakeTimeout);

    m_autoConnect = new QCheckBox;
    m_autoConnect->setObjectName(QStringLiteral("autoConnect"));
    form->addRow(m_autoConnect);
    retranslateUi();
}

void ConnectionMoreOptions::retranslateUi()
{
    m_handshakeTimeout->setSuffix(tr(" s"));
    m_handshakeTimeout->setSpecialValueText(tr("no limit"));
    m_handshakeTimeout->setToolTip(tr("How long the server may take to answer the WebSocket handshake before the "
                                      "connection is given up (and said so). 0: wait forever."));
    m_handshakeLabel->setText(tr("&Handshake timeout:"));
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
    validateConnectData();
}

void ConnectionMoreOptions::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        validateConnectData(); // the problem line's colour follows the theme
    QWidget::changeEvent(event);
}

void ConnectionMoreOptions::addHeaderRow(const QString &name, const QString &value)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
}

void ConnectionMoreOptions::validateConnectData()
{
    const QString text = m_data->toPlainText();
    const bool ok = text.trimmed().isEmpty() || CommandAnalysis::parseValue(text, nullptr);
    m_dataProblem->setVisible(!ok);
    m_dataProblem->setStyleSheet(QStringLiteral("color: %1").arg(ThemeColors::problemText(palette()).name()));
    m_dataProblem->setText(ok ? QString() : tr("Connect data is not valid JSON."));
}

bool ConnectionMoreOptions::readOptions(SessionOptions *options, QString *error) const
{
    SessionOptions &o = *options;
    o.name = m_name->text().trimmed();
    o.version = m_version->text().trimmed();
    const QString data = m_data->toPlainText().trimmed();
    if (!data.isEmpty() && !CommandAnalysis::parseValue(data, nullptr)) {
        *error = tr("Connect data is not valid JSON; fix it or clear it.");
        return false;
    }
    o.connectData = data.toUtf8();
    o.headers.clear();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name = cellText(m_headers, row, 0).trimmed();
        const QString value = cellText(m_headers, row, 1).trimmed();
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
    o.autoConnect = m_autoConnect->isChecked();
    return true;
}

void ConnectionMoreOptions::readFields(SessionOptions *options) const
{
    SessionOptions &o = *options;
    o.name = m_name->text();
    o.version = m_version->text();
    o.connectData = m_data->toPlainText().toUtf8();
    o.headers.clear();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        o.headers.append({cellText(m_headers, row, 0).toLatin1(), cellText(m_headers, row, 1).toUtf8()});
    }
    o.caCertificatesFile = m_caFile->text().trimmed();
    o.autoConnect = m_autoConnect->isChecked();
}

void ConnectionMoreOptions::setOptions(const SessionOptions &o)
{
    m_name->setText(o.name);
    m_version->setText(o.version);
    m_data->setPlainText(QString::fromUtf8(o.connectData));
    m_headers->setRowCount(0);
    for (const auto &h : o.headers)
        addHeaderRow(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    m_caFile->setText(o.caCertificatesFile);
    m_ignoreCertErrors->setChecked(o.ignoreCertificateErrors);
    m_handshakeTimeout->setValue(o.handshakeTimeoutMs / 1000.0);
    m_autoConnect->setChecked(o.autoConnect);
}

bool ConnectionMoreOptions::ignoresCertificateErrors() const
{
    return m_ignoreCertErrors->isChecked();
}

bool ConnectionMoreOptions::isHeaderValueHidden(int row) const
{
    const QTableWidgetItem *name = m_headers->item(row, 0);
    const QTableWidgetItem *value = m_headers->item(row, 1);
    return !m_showSecrets && value && SecretMasker::isSecretHeader(name ? name->text() : QString(), value->text());
}

QString ConnectionMoreOptions::shownHeaderValue(int row) const
{
    const QTableWidgetItem *value = m_headers->item(row, 1);
    return value ? SecretValueDelegate::shownText(value->text(), isHeaderValueHidden(row)) : QString();
}

bool ConnectionMoreOptions::showsSecrets() const
{
    return m_showSecrets;
}

void ConnectionMoreOptions::setShowSecrets(bool show)
{
    m_showSecrets = show;
    m_headers->viewport()->update();
}
