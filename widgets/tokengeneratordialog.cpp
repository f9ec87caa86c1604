#include "tokengeneratordialog.h"

#include "jsonhighlighter.h"
#include "jsontext.h"
#include "jwt.h"
#include "secretlineedit.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace {

constexpr qint64 kUnitSeconds[] = {1, 60, 3600, 86400};

QString optionalText(const QByteArray &json)
{
    return QString::fromUtf8(json);
}

} // namespace

TokenGeneratorDialog::TokenGeneratorDialog(QWidget *parent)
    : QDialog(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setWindowTitle(tr("Token Generator"));
    buildUi();
    updateKindVisibility();
    regenerate();
}

TokenGeneratorDialog::~TokenGeneratorDialog() = default;

QPlainTextEdit *TokenGeneratorDialog::jsonEdit(const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setPlaceholderText(placeholder);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    new JsonHighlighter(edit->document());
    connect(edit, &QPlainTextEdit::textChanged, this, &TokenGeneratorDialog::regenerate);
    return edit;
}

void TokenGeneratorDialog::buildUi()
{
    auto *form = new QWidget(this);
    auto *formOuter = new QVBoxLayout(form);
    m_form = new QFormLayout;
    formOuter->addLayout(m_form);
    // Extra height goes below the fields, not into the rows.
    formOuter->addStretch(1);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    auto *kindRow = new QWidget(form);
    auto *kindLayout = new QHBoxLayout(kindRow);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    m_connectionKind = new QRadioButton(tr("&Connection token"), kindRow);
    m_subscriptionKind = new QRadioButton(tr("&Subscription token"), kindRow);
    m_connectionKind->setChecked(true);
    auto *kindGroup = new QButtonGroup(this);
    kindGroup->addButton(m_connectionKind);
    kindGroup->addButton(m_subscriptionKind);
    kindLayout->addWidget(m_connectionKind);
    kindLayout->addWidget(m_subscriptionKind);
    kindLayout->addStretch();
    m_form->addRow(tr("Type:"), kindRow);

    m_algorithm = new QComboBox(form);
    for (const Jwt::Algorithm a : {Jwt::Algorithm::HS256, Jwt::Algorithm::HS384, Jwt::Algorithm::HS512})
        m_algorithm->addItem(Jwt::algorithmName(a), int(a));
    m_form->addRow(tr("&Algorithm:"), m_algorithm);

    m_secret = new SecretLineEdit(form);
    m_secret->setPlaceholderText(tr("client.token.hmac_secret_key of the server's configuration"));
    m_form->addRow(tr("HMAC s&ecret:"), m_secret);

    m_sub = new QLineEdit(form);
    m_sub->setPlaceholderText(tr("empty = anonymous user"));
    m_form->addRow(tr("&User ID (sub):"), m_sub);

    m_channel = new QLineEdit(form);
    m_channel->setPlaceholderText(tr("e.g. $private or chat:room"));
    m_form->addRow(tr("C&hannel:"), m_channel);

    m_client = new QLineEdit(form);
    m_client->setPlaceholderText(tr("optional: limits the token to one client ID"));
    m_form->addRow(tr("Client ID:"), m_client);

    m_expiryRow = new QWidget(form);
    auto *expiryLayout = new QHBoxLayout(m_expiryRow);
    expiryLayout->setContentsMargins(0, 0, 0, 0);
    m_expiryMode = new QComboBox(m_expiryRow);
    m_expiryMode->addItem(tr("Expires after"), int(ExpiryMode::After));
    m_expiryMode->addItem(tr("Expires at"), int(ExpiryMode::At));
    m_expiryMode->addItem(tr("Never expires"), int(ExpiryMode::Never));
    m_expiryAmount = new QSpinBox(m_expiryRow);
    m_expiryAmount->setRange(-1000000, 1000000);
    m_expiryAmount->setValue(1);
    m_expiryAmount->setToolTip(tr("A negative value makes an already expired token, to test error 109."));
    m_expiryUnit = new QComboBox(m_expiryRow);
    m_expiryUnit->addItems({tr("seconds"), tr("minutes"), tr("hours"), tr("days")});
    m_expiryUnit->setCurrentIndex(2);
    m_expiryAt = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), m_expiryRow);
    m_expiryAt->setCalendarPopup(true);
    m_expiryAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    expiryLayout->addWidget(m_expiryMode);
    expiryLayout->addWidget(m_expiryAmount);
    expiryLayout->addWidget(m_expiryUnit);
    expiryLayout->addWidget(m_expiryAt);
    expiryLayout->addStretch();
    m_form->addRow(tr("E&xpiry (exp):"), m_expiryRow);

    m_iat = new QCheckBox(tr("Include the issue time (iat)"), form);
    m_iat->setChecked(true);
    m_form->addRow(QString(), m_iat);

    m_info = jsonEdit(tr("{\"name\": \"Alice\"}  (JSON, shown to other clients in presence and join/leave)"));
    m_form->addRow(tr("&Info:"), m_info);
    m_channels = new QLineEdit(form);
    m_channels->setPlaceholderText(tr("news, chat:room  (server-side subscriptions)"));
    m_form->addRow(tr("Cha&nnels:"), m_channels);
    m_subs = jsonEdit(tr("{\"chat:room\": {\"info\": {}}}  (JSON object: server-side subscriptions with options)"));
    m_form->addRow(tr("Subs:"), m_subs);
    m_meta = jsonEdit(tr("{\"plan\": \"pro\"}  (JSON kept on the server, never sent to clients)"));
    m_form->addRow(tr("&Meta:"), m_meta);
    m_data = jsonEdit(tr("{\"welcome\": true}  (JSON sent to the client in the subscribe result)"));
    m_form->addRow(tr("&Data:"), m_data);
    // Names for tests and style sheets.
    m_info->setObjectName(QStringLiteral("info"));
    m_subs->setObjectName(QStringLiteral("subs"));
    m_meta->setObjectName(QStringLiteral("meta"));
    m_data->setObjectName(QStringLiteral("data"));
    m_sub->setObjectName(QStringLiteral("sub"));
    m_channel->setObjectName(QStringLiteral("channel"));
    m_channels->setObjectName(QStringLiteral("channels"));

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(form);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *preview = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(preview);
    m_problemsLabel = new QLabel(preview);
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemsLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_tokenView = new QPlainTextEdit(preview);
    m_tokenView->setReadOnly(true);
    m_tokenView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tokenView->setWordWrapMode(QTextOption::WrapAnywhere);
    m_tokenView->setFixedHeight(m_tokenView->fontMetrics().lineSpacing() * 5 + 12);
    m_payloadView = new QPlainTextEdit(preview);
    m_payloadView->setReadOnly(true);
    m_payloadView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(m_payloadView->document());
    m_expiryLabel = new QLabel(preview);
    m_expiryLabel->setWordWrap(true);
    previewLayout->addWidget(new QLabel(tr("Token:"), preview));
    previewLayout->addWidget(m_tokenView);
    previewLayout->addWidget(m_expiryLabel);
    previewLayout->addWidget(m_problemsLabel);
    previewLayout->addWidget(new QLabel(tr("Payload (claims, in the order they are signed):"), preview));
    previewLayout->addWidget(m_payloadView, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(scroll);
    splitter->addWidget(preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy Token"), QDialogButtonBox::ActionRole);
    m_copy->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    m_useConnection = buttons->addButton(tr("Use as C&onnection Token"), QDialogButtonBox::ActionRole);
    m_useSubscription = buttons->addButton(tr("Use as Su&bscription Token"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 720);

    connect(m_connectionKind, &QRadioButton::toggled, this, [this] {
        updateKindVisibility();
        regenerate();
    });
    connect(m_algorithm, &QComboBox::currentIndexChanged, this, &TokenGeneratorDialog::regenerate);
    connect(m_secret, &SecretLineEdit::textChanged, this, &TokenGeneratorDialog::regenerate);
    for (QLineEdit *edit : {m_sub, m_channel, m_client, m_channels})
        connect(edit, &QLineEdit::textChanged, this, &TokenGeneratorDialog::regenerate);
    connect(m_expiryMode, &QComboBox::currentIndexChanged, this, [this] {
        updateKindVisibility();
        regenerate();
    });
    connect(m_expiryAmount, &QSpinBox::valueChanged, this, &TokenGeneratorDialog::regenerate);
    connect(m_expiryUnit, &QComboBox::currentIndexChanged, this, &TokenGeneratorDialog::regenerate);
    connect(m_expiryAt, &QDateTimeEdit::dateTimeChanged, this, &TokenGeneratorDialog::regenerate);
    connect(m_iat, &QCheckBox::toggled, this, &TokenGeneratorDialog::regenerate);
    connect(m_copy, &QPushButton::clicked, this, &TokenGeneratorDialog::copyToken);
    connect(m_useConnection, &QPushButton::clicked, this, [this] {
        regenerate();
        if (!m_token.isEmpty())
            emit useAsConnectionToken(m_token);
    });
    connect(m_useSubscription, &QPushButton::clicked, this, [this] {
        regenerate();
        if (!m_token.isEmpty())
            emit useAsSubscriptionToken(m_channel->text().trimmed(), m_token);
    });
}

void TokenGeneratorDialog::setRowVisible(QWidget *field, bool visible)
{
    m_form->setRowVisible(field, visible);
}

void TokenGeneratorDialog::updateKindVisibility()
{
    const bool connection = m_connectionKind->isChecked();
    setRowVisible(m_channel, !connection);
    setRowVisible(m_client, !connection);
    setRowVisible(m_channels, connection);
    setRowVisible(m_subs, connection);
    setRowVisible(m_meta, connection);
    setRowVisible(m_data, !connection);
    m_useConnection->setVisible(connection);
    m_useSubscription->setVisible(!connection);
    const auto mode = ExpiryMode(m_expiryMode->currentData().toInt());
    m_expiryAmount->setVisible(mode == ExpiryMode::After);
    m_expiryUnit->setVisible(mode == ExpiryMode::After);
    m_expiryAt->setVisible(mode == ExpiryMode::At);
}

void TokenGeneratorDialog::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    regenerate();
}

void TokenGeneratorDialog::setSecret(const QString &secret)
{
    m_secret->setText(secret);
}

QString TokenGeneratorDialog::secret() const
{
    return m_secret->text();
}

void TokenGeneratorDialog::setKind(TokenClaims::Kind kind)
{
    (kind == TokenClaims::Kind::Connection ? m_connectionKind : m_subscriptionKind)->setChecked(true);
}

TokenClaims::Kind TokenGeneratorDialog::kind() const
{
    return m_connectionKind->isChecked() ? TokenClaims::Kind::Connection : TokenClaims::Kind::Subscription;
}

void TokenGeneratorDialog::setChannel(const QString &channel)
{
    m_channel->setText(channel);
}

void TokenGeneratorDialog::setExpiryMode(ExpiryMode mode)
{
    m_expiryMode->setCurrentIndex(m_expiryMode->findData(int(mode)));
}

void TokenGeneratorDialog::setExpiresAfter(qint64 seconds)
{
    m_filling = true;
    int unit = 0;
    for (int i = 3; i > 0; --i) {
        if (seconds % kUnitSeconds[i] == 0 && qAbs(seconds / kUnitSeconds[i]) <= m_expiryAmount->maximum()) {
            unit = i;
            break;
        }
    }
    m_expiryUnit->setCurrentIndex(unit);
    m_expiryAmount->setValue(int(
        qBound(qint64(m_expiryAmount->minimum()), seconds / kUnitSeconds[unit], qint64(m_expiryAmount->maximum()))));
    m_filling = false;
    setExpiryMode(ExpiryMode::After);
    regenerate();
}

void TokenGeneratorDialog::setClaims(const TokenClaims &claims)
{
    m_filling = true;
    setKind(claims.kind);
    m_sub->setText(claims.sub);
    m_channel->setText(claims.channel);
    m_client->setText(claims.client);
    m_iat->setChecked(claims.iat.has_value());
    m_info->setPlainText(optionalText(claims.info.isEmpty() ? QByteArray() : JsonText::indent(claims.info)));
    m_channels->setText(claims.channels.join(QStringLiteral(", ")));
    m_subs->setPlainText(optionalText(claims.subs.isEmpty() ? QByteArray() : JsonText::indent(claims.subs)));
    m_meta->setPlainText(optionalText(claims.meta.isEmpty() ? QByteArray() : JsonText::indent(claims.meta)));
    m_data->setPlainText(optionalText(claims.data.isEmpty() ? QByteArray() : JsonText::indent(claims.data)));
    m_filling = false;
    if (!claims.exp) {
        setExpiryMode(ExpiryMode::Never);
    } else {
        const qint64 remaining = *claims.exp - m_clock().toSecsSinceEpoch();
        if (remaining > 0) {
            setExpiresAfter(remaining);
        } else {
            m_expiryAt->setDateTime(QDateTime::fromSecsSinceEpoch(*claims.exp).toLocalTime());
            setExpiryMode(ExpiryMode::At);
        }
    }
    updateKindVisibility();
    regenerate();
}

TokenClaims TokenGeneratorDialog::claims(const QDateTime &now) const
{
    TokenClaims c;
    c.kind = kind();
    c.sub = m_sub->text().trimmed();
    const qint64 seconds = now.toSecsSinceEpoch();
    switch (ExpiryMode(m_expiryMode->currentData().toInt())) {
    case ExpiryMode::After:
        c.exp = seconds + qint64(m_expiryAmount->value()) * kUnitSeconds[qBound(0, m_expiryUnit->currentIndex(), 3)];
        break;
    case ExpiryMode::At:
        c.exp = m_expiryAt->dateTime().toSecsSinceEpoch();
        break;
    case ExpiryMode::Never:
        break;
    }
    if (m_iat->isChecked())
        c.iat = seconds;
    c.info = m_info->toPlainText().trimmed().toUtf8();
    if (c.kind == TokenClaims::Kind::Connection) {
        static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
        c.channels = m_channels->text().split(separators, Qt::SkipEmptyParts);
        c.subs = m_subs->toPlainText().trimmed().toUtf8();
        c.meta = m_meta->toPlainText().trimmed().toUtf8();
    } else {
        c.channel = m_channel->text().trimmed();
        c.client = m_client->text().trimmed();
        c.data = m_data->toPlainText().trimmed().toUtf8();
    }
    return c;
}

void TokenGeneratorDialog::regenerate()
{
    if (m_filling)
        return;
    const QDateTime now = m_clock();
    const TokenClaims c = claims(now);
    m_problems = c.problems();
    if (m_secret->text().isEmpty())
        m_problems.prepend(
            tr("Enter the HMAC secret: client.token.hmac_secret_key in the server's configuration "
               "(or client.subscription_token.hmac_secret_key when subscription tokens have their own)."));
    const QByteArray payload = c.toJson();
    m_payloadView->setPlainText(QString::fromUtf8(JsonText::indent(payload)));
    m_token = m_problems.isEmpty()
                  ? Jwt::sign(payload, m_secret->text().toUtf8(), Jwt::Algorithm(m_algorithm->currentData().toInt()))
                  : QString();
    m_tokenView->setPlainText(m_token);
    m_problemsLabel->setText(m_problems.join(QLatin1Char('\n')));
    m_problemsLabel->setVisible(!m_problems.isEmpty());
    QString expiry;
    if (!m_token.isEmpty()) {
        const Jwt jwt = Jwt::decode(m_token);
        expiry = jwt.expirySentence(now);
        if (jwt.timeState(now) == Jwt::TimeState::Expired)
            expiry += QLatin1Char(' ') + tr("Centrifugo answers such a token with error 109 (token expired).");
        expiry += QLatin1Char(' ') + tr("Length: %1 characters.").arg(m_token.size());
    }
    m_expiryLabel->setText(expiry);
    const bool ok = !m_token.isEmpty();
    m_copy->setEnabled(ok);
    m_useConnection->setEnabled(ok);
    m_useSubscription->setEnabled(ok);
}

void TokenGeneratorDialog::copyToken()
{
    regenerate();
    if (!m_token.isEmpty())
        QApplication::clipboard()->setText(m_token);
}
