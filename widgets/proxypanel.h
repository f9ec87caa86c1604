#pragma once

#include <QWidget>

class ProxyConnection;
class ProxyServer;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;
class QTreeWidget;

// The proxy dock (docs/proxy.md): where the proxy listens and forwards to, start and stop, the application
// connections with their counters, and fault injection for the selected one. It only drives the ProxyServer it is
// given; the frames go to one view per application connection (ProxyAppViews).
class ProxyPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProxyPanel(ProxyServer *server, QWidget *parent = nullptr);

    void setUpstreamUrl(const QString &url);
    void setListenAddress(const QString &addressAndPort);
    // Starts with the form's values; false (and the reason in the status line) when the proxy cannot listen.
    bool start();
    void stop();
    QString statusText() const;
    // The connection selected in the list (fault buttons act on it), or nullptr.
    ProxyConnection *selectedConnection() const;
    void selectConnection(int id);

private:
    void onAccepted(ProxyConnection *connection);
    void refresh();
    void updateButtons();
    void addMessage(int connection, const QString &text);

    ProxyServer *m_server;
    QLineEdit *m_listen;
    QLineEdit *m_upstream;
    QCheckBox *m_ignoreCertificates;
    QPushButton *m_startStop;
    QLabel *m_status;
    QTreeWidget *m_connections;
    QSpinBox *m_closeCode;
    QLineEdit *m_closeReason;
    QPushButton *m_close;
    QPushButton *m_dropUpstream;
    QSpinBox *m_delay;
    QPushButton *m_applyDelay;
    QLineEdit *m_dropChannel;
    QSpinBox *m_dropCount;
    QPushButton *m_drop;
    QCheckBox *m_holdPings;
    QCheckBox *m_holdPongs;
    QPushButton *m_pass;
    QPlainTextEdit *m_messages;
    QTimer *m_refresh;
};
