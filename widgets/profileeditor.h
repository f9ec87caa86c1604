#pragma once

#include "connectionprofile.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class SecretLineEdit;
class SecretStore;

// Edits one connection profile: URL, format, headers (secret ones masked), connect data, the token source (none /
// a fixed token / generated from the HMAC secret and claims), the server API key, subscriptions to restore and
// TLS options. Secrets are loaded from and saved to the SecretStore, never kept in the profile itself.
class ProfileEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileEditor(SecretStore *secrets, QWidget *parent = nullptr);

    // Shows profile; its secrets arrive from the store asynchronously (fields fill in when they do).
    void setProfile(const ConnectionProfile &profile);
    // The profile the fields describe (secret header values included, for connecting right away; toJson() drops
    // them).
    ConnectionProfile profile() const;
    // Writes the secret fields to the SecretStore under the profile's keys (empty fields remove the secret).
    void saveSecrets();
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    QStringList problems() const;

    // Secret fields, for tests.
    QString fixedToken() const;
    QString hmacSecret() const;
    QString apiKey() const;

signals:
    void modifiedChanged(bool modified);
    // "Open Token Generator" with the profile's claims and secret.
    void tokenGeneratorRequested(const TokenClaims &claims, const QString &secret);

private:
    void buildUi();
    void markModified();
    void updateTokenSummary();
    void updateTokenSourcePage();
    // Checks and locks the Secret box of a row whose header is secret by the common rule.
    void applySecretRule(int row);
    void addHeaderRow(const ConnectionProfile::Header &header);
    void loadSecret(const QString &key, SecretLineEdit *field);

    QPointer<SecretStore> m_secrets;
    ConnectionProfile m_profile; // as last set: id and the fields the editor does not show
    bool m_modified = false;
    bool m_loading = false;
    quint64 m_generation = 0; // ignores secrets that arrive for a previously shown profile

    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_format = nullptr;
    QTableWidget *m_headers = nullptr;
    QPlainTextEdit *m_connectData = nullptr;
    QRadioButton *m_sourceNone = nullptr;
    QRadioButton *m_sourceFixed = nullptr;
    QRadioButton *m_sourceGenerated = nullptr;
    QStackedWidget *m_sourcePages = nullptr;
    SecretLineEdit *m_fixedToken = nullptr;
    QLabel *m_fixedSummary = nullptr;
    SecretLineEdit *m_hmacSecret = nullptr;
    QLineEdit *m_sub = nullptr;
    QSpinBox *m_ttlMinutes = nullptr;
    QPlainTextEdit *m_info = nullptr;
    QLineEdit *m_channels = nullptr;
    QCheckBox *m_subscriptionTokens = nullptr;
    SecretLineEdit *m_apiKey = nullptr;
    QLineEdit *m_apiUrl = nullptr;
    QPlainTextEdit *m_subscriptions = nullptr;
    QLineEdit *m_caFile = nullptr;
    QCheckBox *m_ignoreCertErrors = nullptr;
    QDoubleSpinBox *m_handshakeTimeout = nullptr;
    QLabel *m_tlsWarning = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_secretBackend = nullptr;
};
