#pragma once

#include "closeinfo.h"
#include "session.h"
#include "sessionoptions.h"

#include <QWidget>

class ConnectionMoreOptions;
class ConnectionStateArea;
class QCheckBox;
class QFormLayout;
class QGroupBox;
class QScrollArea;
class QTimer;
class QVBoxLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QToolButton;
class Reconnector;
class SecretLineEdit;

// Where a connection is set up and watched: URL, format, token, client name/version, connect data, extra HTTP
// headers, TLS (CA file, ignoring certificate errors), auto-pong and auto-connect, the Connect/Disconnect button,
// and a state area that says what the connection is doing and, after a close, why (code, reason and the
// explanation). While certificate errors are ignored the state area says so in orange, with the errors.
// Secrets stay hidden unless setShowSecrets(true): the token field is a password field and the values of secret
// headers (SecretMasker::isSecretHeader) are shown as dots, also while being edited.
// The options behind "More options" are a ConnectionMoreOptions.
// Settings (ConnectionSettings: recent URLs and the last options) go to the QSettings given, if any.
// The state area (ConnectionStateArea) shows what the session says; a close the user asked for is recognised by
// Session::closedByClient().
class ConnectionPanel : public QWidget
{
    Q_OBJECT

public:
    ConnectionPanel(Session *session, QSettings *settings, QWidget *parent = nullptr);

    // The options the fields describe. Returns false and sets *error (translated) when they are not usable.
    bool readOptions(SessionOptions *options, QString *error) const;
    void setOptions(const SessionOptions &options);
    void setUrl(const QString &url);
    QString url() const;
    void setToken(const QString &token);
    QString token() const;

    // The state line ("Connected") and, after a close or failure, the explanation.
    QString stateText() const;
    QString explanationText() const;

    void saveSettings() const;
    void loadSettings();

    static bool protobufAvailable();

    // Shows the values of secret headers and the token (the View menu's Show secrets); off by default.
    void setShowSecrets(bool show);
    bool showSecrets() const;
    // What the headers table shows in the value column of row: the value, or dots while it is a hidden secret.
    QString shownHeaderValue(int row) const;
    bool isHeaderValueHidden(int row) const;
    // The orange TLS line of the state area ("Certificate errors are ignored ..."), empty while hidden.
    QString tlsWarningText() const;

    // Shows and controls automatic reconnects ("Reconnect automatically", countdown, why it stopped).
    void setReconnector(Reconnector *reconnector);
    // The last close of this session, kept after a reconnect: "3012 no pong at 12:00:01", or empty.
    QString lastCloseText() const;
    ConnectionStateArea *stateArea() const { return m_stateArea; }
    // The scroll area of the options above the Connect button.
    QScrollArea *optionsScroll() const { return m_scroll; }

public slots:
    // Validates the fields and opens the session; shows the problem in the state area when they are not valid.
    bool connectToServer();
    void disconnectFromServer();
    void toggleConnection();

signals:
    // Emitted after the session was told to open, with the options used.
    void connectRequested(const SessionOptions &options);
    // More options was opened or closed: the panel now wants another height (the window gives it room).
    void preferredHeightChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    // URL, format and token.
    void buildFields(QVBoxLayout *root);
    // The folded-away options: client name and version, connect data, headers, TLS, automatic connect.
    void buildMoreOptions(QVBoxLayout *root);
    // Auto-pong and automatic reconnect.
    void buildSwitches(QVBoxLayout *root);
    void retranslateUi();
    void updateCountdown();
    int countdownSeconds() const; // until the scheduled reconnect, rounded up
    // The fields as they are, unvalidated (for the settings).
    SessionOptions fieldOptions() const;
    void updateState();
    void updateDetails();
    void onFrame(const Frame &frame);
    void onClosed(int code, const QString &reason);
    void onConnectFailed(int code, const QString &message);
    void onCertificateErrors(const QStringList &errors, bool ignored);
    void updateTlsWarning();
    void rememberUrl(const QString &url);
    // "Cannot connect" with why (fields that are not valid).
    void showProblem(const QString &text);

    Session *m_session;
    QSettings *m_settings;

    QComboBox *m_url = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_transport = nullptr;
    SecretLineEdit *m_token = nullptr;
    QToolButton *m_more = nullptr;
    QCheckBox *m_autoPong = nullptr;
    QCheckBox *m_reconnect = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_sendConnect = nullptr;

    QScrollArea *m_scroll = nullptr;
    ConnectionMoreOptions *m_moreContent = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_formatLabel = nullptr;
    QLabel *m_transportLabel = nullptr;
    QLabel *m_tokenLabel = nullptr;
    ConnectionStateArea *m_stateArea = nullptr;
    Reconnector *m_reconnector = nullptr;
    QTimer *m_countdown = nullptr;
    QString m_reconnectText; // "reconnect attempt 2", or empty while a countdown runs
    int m_reconnectAttempt = 0;
    int m_countdownShown = -1; // the seconds the headline shows
    QString m_reconnectNote;   // why reconnecting stopped

    // Certificate errors of the current connection attempt (Session::certificateErrors), in words.
    QStringList m_certificateErrors;
    QString m_tlsWarningText; // plain text of the TLS warning
    bool m_certificateErrorsIgnored = false;

    // Why the last connection ended, kept until the next connect; the texts are made from it in the current
    // language.
    struct Problem
    {
        enum class Kind { None, ClosedByYou, Closed, ConnectFailed, Invalid };
        Kind kind = Kind::None;
        int code = 0;
        QString reason; // close reason, or the problem text of Invalid
        bool certificateRefused = false;
        CloseInfo close; // who closed, with the rule or socket error
    };
    Problem m_problem;
    void problemTexts(QString *title, QString *text) const;
};
