#pragma once

#include <QGroupBox>

class QFormLayout;
class QLabel;

// The state area under the Connect button: a coloured dot and a headline ("Connected", "Closed: 3012 no pong —
// reconnecting in 2.5 s"), the explanation of the last close or failure, the orange TLS warning, and the details
// rows (client id, server, ping, last RTT, last close). Display only: the connection panel decides the texts.
//
// Every text wraps, and the area always asks for the height its wrapped texts need at its current width, so a
// long explanation (English or Chinese) pushes the rows below it down instead of painting over them.
class ConnectionStateArea : public QGroupBox
{
    Q_OBJECT

public:
    explicit ConnectionStateArea(QWidget *parent = nullptr);

    void setHeadline(const QString &text, const QColor &color);
    void setExplanation(const QString &text);
    // The TLS warning as rich text; hidden when empty.
    void setTlsWarning(const QString &html);
    void setClientId(const QString &text);
    void setServerVersion(const QString &text);
    void setPing(const QString &text);
    void setRtt(const QString &text);
    void setLastClose(const QString &text, const QString &toolTip);

    QString headline() const;
    QString explanation() const;
    QString lastClose() const;
    // The labels, for tests and accessibility checks.
    QLabel *explanationLabel() const { return m_explanation; }
    QLabel *detailLabel(int row) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void setWrapped(QLabel *label, const QString &text);

    QLabel *m_icon = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_tlsWarning = nullptr;
    QFormLayout *m_details = nullptr;
    QLabel *m_detailNames[5] = {};
    QLabel *m_clientId = nullptr;
    QLabel *m_serverVersion = nullptr;
    QLabel *m_ping = nullptr;
    QLabel *m_rtt = nullptr;
    QLabel *m_lastClose = nullptr;
    QColor m_color;
};
