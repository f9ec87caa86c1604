#pragma once

#include "sessionoptions.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QToolButton;

// The connection options that fold away behind ConnectionPanel's "More options": client name and version, connect
// data, extra HTTP headers, TLS (CA file, ignoring certificate errors), the handshake timeout and automatic
// connect. It reads and fills those fields of SessionOptions; the panel owns the rest. Values of secret headers
// (SecretMasker::isSecretHeader) are drawn as dots, also while being edited, unless setShowSecrets(true).
class ConnectionMoreOptions : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionMoreOptions(QWidget *parent = nullptr);

    // Sets these fields of *options. Returns false and sets *error (translated) when one is not usable.
    bool readOptions(SessionOptions *options, QString *error) const;
    // Sets these fields of *options as typed, unvalidated, leaving out what is not remembered (for the settings).
    void readFields(SessionOptions *options) const;
    void setOptions(const SessionOptions &options);
    bool ignoresCertificateErrors() const;

    void setShowSecrets(bool show);
    bool showsSecrets() const;
    // What the headers table shows in the value column of row: the value, or dots while it is a hidden secret.
    QString shownHeaderValue(int row) const;
    bool isHeaderValueHidden(int row) const;

signals:
    void ignoreCertificateErrorsToggled(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validateConnectData();
    void addHeaderRow(const QString &name = {}, const QString &value = {});

    QLineEdit *m_name = nullptr;
    QLineEdit *m_version = nullptr;
    QPlainTextEdit *m_data = nullptr;
    QLabel *m_dataProblem = nullptr;
    QTableWidget *m_headers = nullptr;
    QLineEdit *m_caFile = nullptr;
    QCheckBox *m_ignoreCertErrors = nullptr;
    QDoubleSpinBox *m_handshakeTimeout = nullptr;
    QCheckBox *m_autoConnect = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLabel *m_dataLabel = nullptr;
    QLabel *m_headersLabel = nullptr;
    QLabel *m_caLabel = nullptr;
    QLabel *m_handshakeLabel = nullptr;
    QToolButton *m_addHeader = nullptr;
    QToolButton *m_removeHeader = nullptr;
    QToolButton *m_browseCa = nullptr;
    bool m_showSecrets = false;
};
