#include "tokendecoderdialog.h"

#include "jsonhighlighter.h"
#include "jsontext.h"
#include "secretlineedit.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace {

QPlainTextEdit *readOnlyJson(QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(edit->document());
    return edit;
}

QString localTime(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

TokenDecoderDialog::TokenDecoderDialog(QWidget *parent)
    : QDialog(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setWindowTitle(tr("Token Decoder"));
    buildUi();
    decode();
}

TokenDecoderDialog::~TokenDecoderDialog() = default;

void TokenDecoderDialog::buildUi()
{
    m_input = new QPlainTextEdit(this);
    m_input->setPlaceholderText(tr("Paste a JWT (a \"Bearer \" prefix or quotes are fine)"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_input->setWordWrapMode(QTextOption::WrapAnywhere);
    m_input->setTabChangesFocus(true);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 4 + 12);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_expiry = new QLabel(this);
    m_expiry->setWordWrap(true);
    m_times = new QLabel(this);
    m_times->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #9a6700;"));

    auto *headerBox = new QGroupBox(tr("Header"), this);
    m_header = readOnlyJson(headerBox);
    (new QVBoxLayout(headerBox))->addWidget(m_header);
    auto *claimsBox = new QGroupBox(tr("Claims"), this);
    m_claims = readOnlyJson(claimsBox);
    (new QVBoxLayout(claimsBox))->addWidget(m_claims);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(headerBox);
    splitter->addWidget(claimsBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    auto *verifyBox = new QGroupBox(tr("Signature"), this);
    auto *verifyLayout = new QFormLayout(verifyBox);
    verifyLayout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_secret = new SecretLineEdit(verifyBox);
    m_secret->setPlaceholderText(tr("optional: the HMAC secret, to verify the signature"));
    m_verification = new QLabel(verifyBox);
    m_verification->setWordWrap(true);
    verifyLayout->addRow(tr("HMAC s&ecret:"), m_secret);
    verifyLayout->addRow(m_verification);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copyClaims = buttons->addButton(tr("&Copy Claims"), QDialogButtonBox::ActionRole);
    m_edit = buttons->addButton(tr("&Edit in Generator"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *tokenLabel = new QLabel(tr("&Token:"), this);
    tokenLabel->setBuddy(m_input);
    layout->addWidget(tokenLabel);
    layout->addWidget(m_input);
    layout->addWidget(m_status);
    layout->addWidget(m_expiry);
    layout->addWidget(m_times);
    layout->addWidget(m_warnings);
    layout->addWidget(splitter, 1);
    layout->addWidget(verifyBox);
    layout->addWidget(buttons);
    resize(820, 760);

    // The expiry sentence counts down while the dialog is open.
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &TokenDecoderDialog::updateExpiry);

    connect(m_input, &QPlainTextEdit::textChanged, this, &TokenDecoderDialog::decode);
    connect(m_secret, &SecretLineEdit::textChanged, this, &TokenDecoderDialog::updateVerification);
    connect(m_copyClaims, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_claims->toPlainText()); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (m_jwt.isValid())
            emit editRequested(TokenClaims::fromJson(m_jwt.claims()));
    });
}

void TokenDecoderDialog::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    updateExpiry();
}

void TokenDecoderDialog::setToken(const QString &token)
{
    m_input->setPlainText(token);
}

QString TokenDecoderDialog::token() const
{
    return m_input->toPlainText();
}

void TokenDecoderDialog::setSecret(const QString &secret)
{
    m_secret->setText(secret);
}

void TokenDecoderDialog::decode()
{
    m_jwt = Jwt::decode(m_input->toPlainText());
    const bool valid = m_jwt.isValid();
    if (m_jwt.error() == Jwt::DecodeError::Empty) {
        m_status->setText(tr("Paste a token above."));
        m_status->setStyleSheet(QString());
    } else if (!valid) {
        m_status->setText(m_jwt.errorString());
        m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    } else {
        const QString user =
            m_jwt.subject().isEmpty() ? tr("an anonymous user") : tr("user \"%1\"").arg(m_jwt.subject());
        const QString alg = m_jwt.algorithmText().isEmpty() ? tr("unsigned") : m_jwt.algorithmText();
        m_status->setText(m_jwt.isSubscriptionToken()
                              ? tr("%1 subscription token for %2, channel \"%3\".")
                                    .arg(alg, user, m_jwt.claims().value(QLatin1String("channel")).toString())
                              : tr("%1 connection token for %2.").arg(alg, user));
        m_status->setStyleSheet(QString());
    }
    m_header->setPlainText(valid ? QString::fromUtf8(JsonText::indent(m_jwt.headerJson())) : QString());
    m_claims->setPlainText(valid ? QString::fromUtf8(JsonText::indent(m_jwt.payloadJson())) : QString());
    m_warnings->setText(m_jwt.claimWarnings().join(QLatin1Char('\n')));
    m_warnings->setVisible(!m_warnings->text().isEmpty());

    QStringList times;
    const auto addTime = [&](const QString &label, const QDateTime &time) {
        if (time.isValid())
            times << tr("%1: %2").arg(label, localTime(time));
    };
    addTime(tr("Issued (iat)"), m_jwt.issuedAt());
    addTime(tr("Not before (nbf)"), m_jwt.notBefore());
    addTime(tr("Expires (exp)"), m_jwt.expiresAt());
    addTime(tr("Connection expires (expire_at)"), m_jwt.expireAtClaim());
    m_times->setText(times.join(QLatin1Char('\n')));
    m_times->setVisible(!times.isEmpty());

    m_copyClaims->setEnabled(valid);
    m_edit->setEnabled(valid);
    updateExpiry();
    updateVerification();
    if (valid && m_jwt.expiresAt().isValid())
        m_tick->start();
    else
        m_tick->stop();
}

void TokenDecoderDialog::updateExpiry()
{
    if (!m_jwt.isValid()) {
        m_expiry->clear();
        m_expiry->hide();
        return;
    }
    const QDateTime now = m_clock();
    QString text = m_jwt.expirySentence(now);
    if (m_jwt.timeState(now) == Jwt::TimeState::Expired)
        text += QLatin1Char(' ') + tr("Centrifugo answers it with error 109 (token expired).");
    m_expiry->setText(text);
    m_expiry->show();
}

void TokenDecoderDialog::updateVerification()
{
    if (!m_jwt.isValid()) {
        m_verification->clear();
        return;
    }
    const QString secret = m_secret->text();
    if (secret.isEmpty()) {
        m_verification->setText(tr("The signature is not checked: without the secret anyone can read a JWT, and "
                                   "only the server can tell whether it is genuine."));
        m_verification->setStyleSheet(QString());
        return;
    }
    const Jwt::Verification result = m_jwt.verify(secret.toUtf8());
    m_verification->setText(Jwt::verificationText(result));
    m_verification->setStyleSheet(result == Jwt::Verification::Valid ? QStringLiteral("color: #1a7f37;")
                                                                     : QStringLiteral("color: #b00020;"));
}

QString TokenDecoderDialog::statusText() const
{
    return m_status->text();
}

QString TokenDecoderDialog::expiryText() const
{
    return m_expiry->text();
}

QString TokenDecoderDialog::verificationText() const
{
    return m_verification->text();
}

QString TokenDecoderDialog::headerText() const
{
    return m_header->toPlainText();
}

QString TokenDecoderDialog::claimsText() const
{
    return m_claims->toPlainText();
}

QString TokenDecoderDialog::warningsText() const
{
    return m_warnings->text();
}
