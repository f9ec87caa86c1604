#pragma once

#include "tokenclaims.h"

#include <QDateTime>
#include <QDialog>
#include <functional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class SecretLineEdit;

// HS256/384/512 token generator for development: the HMAC secret, the claims of a connection token (sub, exp as a
// duration or a date, iat, info, channels, subs, meta) or of a subscription token (sub, channel, client, exp, iat,
// info, data), a live preview of the token and its decoded payload, Copy, and "Use as connection token" /
// "Use as subscription token". The payload has Centrifugo's own claim order (TokenClaims::toJson), so the token
// equals what `centrifugo gentoken` makes for the same claims.
//
// Never blocks: signing is microseconds. exp and iat are taken when the token is built; Copy and Use build it again
// so a token used later is not already older than the preview.
class TokenGeneratorDialog : public QDialog
{
    Q_OBJECT

public:
    enum class ExpiryMode { After, At, Never };

    explicit TokenGeneratorDialog(QWidget *parent = nullptr);
    ~TokenGeneratorDialog() override;

    void setSecret(const QString &secret);
    QString secret() const;
    void setKind(TokenClaims::Kind kind);
    TokenClaims::Kind kind() const;
    // Fills the fields from claims (e.g. a decoded token). A future exp becomes "expires after" the remaining time.
    void setClaims(const TokenClaims &claims);
    // The claims the fields describe at the moment now.
    TokenClaims claims(const QDateTime &now) const;
    void setChannel(const QString &channel);
    void setExpiresAfter(qint64 seconds); // negative: already expired (to test error 109)
    void setExpiryMode(ExpiryMode mode);

    // The token of the preview; empty while there are problems or no secret.
    QString token() const { return m_token; }
    QStringList problems() const { return m_problems; }
    // For tests: the clock used for iat and exp (default: the current UTC time).
    void setClock(std::function<QDateTime()> clock);

public slots:
    // Builds the token again from the fields and the current time.
    void regenerate();
    void copyToken();

signals:
    void useAsConnectionToken(const QString &token);
    void useAsSubscriptionToken(const QString &channel, const QString &token);

private:
    void buildUi();
    void updateKindVisibility();
    QPlainTextEdit *jsonEdit(const QString &placeholder);
    void setRowVisible(QWidget *field, bool visible);

    std::function<QDateTime()> m_clock;
    QRadioButton *m_connectionKind = nullptr;
    QRadioButton *m_subscriptionKind = nullptr;
    QComboBox *m_algorithm = nullptr;
    SecretLineEdit *m_secret = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_sub = nullptr;
    QLineEdit *m_channel = nullptr;
    QLineEdit *m_client = nullptr;
    QComboBox *m_expiryMode = nullptr;
    QSpinBox *m_expiryAmount = nullptr;
    QComboBox *m_expiryUnit = nullptr;
    QDateTimeEdit *m_expiryAt = nullptr;
    QWidget *m_expiryRow = nullptr;
    QCheckBox *m_iat = nullptr;
    QPlainTextEdit *m_info = nullptr;
    QLineEdit *m_channels = nullptr;
    QPlainTextEdit *m_subs = nullptr;
    QPlainTextEdit *m_meta = nullptr;
    QPlainTextEdit *m_data = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QPlainTextEdit *m_tokenView = nullptr;
    QPlainTextEdit *m_payloadView = nullptr;
    QLabel *m_expiryLabel = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_useConnection = nullptr;
    QPushButton *m_useSubscription = nullptr;
    QString m_token;
    QStringList m_problems;
    bool m_filling = false;
};
