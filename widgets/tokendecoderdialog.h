#pragma once

#include "jwt.h"
#include "tokenclaims.h"

#include <QDateTime>
#include <QDialog>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class SecretLineEdit;

// Paste a JWT and see its header and claims pretty-printed (claim order as in the token), what the time claims
// mean ("Expires in 5 min", "Expired 2 h ago"), what Centrifugo would object to, and, with the HMAC secret entered,
// whether the signature is valid. Without a secret nothing is verified (and it says so). Decoding is a pure
// function over the text, so any garbage is explained instead of failing.
class TokenDecoderDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TokenDecoderDialog(QWidget *parent = nullptr);
    ~TokenDecoderDialog() override;

    void setToken(const QString &token);
    QString token() const;
    void setSecret(const QString &secret);

    Jwt jwt() const { return m_jwt; }
    // What the dialog shows, for tests and screen readers.
    QString statusText() const;
    QString expiryText() const;
    QString verificationText() const;
    QString headerText() const;
    QString claimsText() const;
    QString warningsText() const;
    // For tests: the clock for the expiry sentence (default: the current UTC time).
    void setClock(std::function<QDateTime()> clock);

signals:
    // "Edit in Generator": the decoded claims, to load into a TokenGeneratorDialog.
    void editRequested(const TokenClaims &claims);

private:
    void buildUi();
    void decode();
    void updateExpiry();
    void updateVerification();

    std::function<QDateTime()> m_clock;
    Jwt m_jwt;
    QPlainTextEdit *m_input = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_expiry = nullptr;
    QLabel *m_times = nullptr;
    QLabel *m_warnings = nullptr;
    QPlainTextEdit *m_header = nullptr;
    QPlainTextEdit *m_claims = nullptr;
    SecretLineEdit *m_secret = nullptr;
    QLabel *m_verification = nullptr;
    QPushButton *m_copyClaims = nullptr;
    QPushButton *m_edit = nullptr;
    QTimer *m_tick = nullptr;
};
