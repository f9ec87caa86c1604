#pragma once

#include "logentry.h"
#include "serverapireply.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class SecretLineEdit;
class ServerApiClient;
class Session;

// Centrifugo's server API from the inspector: API URL and key, a form with a template for each of the 13 methods,
// the reply shown and explained, and chaos controls for the connected session (publish from the server, presence,
// history, unsubscribe or disconnect this client with a chosen code and reason). Every call and its reply also go
// out as log entries marked as server calls (category inspector.api), so they sit beside the session's own lines.
class ServerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ServerPanel(Session *session, QWidget *parent = nullptr);

    // "http://host:port" for a WebSocket URL "ws://host:port/connection/websocket" (wss: https); empty otherwise.
    static QString apiUrlForWebSocket(const QUrl &webSocketUrl);

    ServerApiClient *client() const { return m_client; }
    QString apiUrl() const;
    void setApiUrl(const QString &url);
    void setApiKey(const QString &key);
    QString method() const;
    void setMethod(const QString &method);
    QString body() const;
    void setBody(const QString &text);
    // The channel field, else the provider's channel (the subscription selected in the window), else empty.
    QString channel() const;
    void setChannel(const QString &channel);
    void setChannelProvider(std::function<QString()> provider) { m_channelProvider = std::move(provider); }
    // The last reply's sentence and its JSON as shown.
    QString replySentence() const;
    QString replyText() const;

    // Sends the form. Returns false (and says why in the reply area) when the body is not a JSON object or the URL
    // is not an http(s) URL.
    bool send();
    // Chaos and inspection actions on the session's client and the channel field.
    void publishFromServer();
    void presence();
    void history();
    void unsubscribeThisClient();
    void disconnectThisClient();
    // The code and reason "disconnect this client" sends.
    void setDisconnectCode(int code, const QString &reason);

signals:
    void logged(const LogEntry &entry);
    void replyShown(const ServerApiReply &reply);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void loadTemplate();
    void call(const QString &method, const QJsonObject &body);
    void showReply(const ServerApiReply &reply);
    void showProblem(const QString &text);
    void log(LogEntry::Level level, const QString &message);
    void updateSessionActions();
    QString sessionUser() const;

    Session *m_session;
    std::function<QString()> m_channelProvider;
    ServerApiClient *m_client;
    QLabel *m_urlLabel;
    QLineEdit *m_url;
    QLabel *m_keyLabel;
    SecretLineEdit *m_key;
    QLabel *m_methodLabel;
    QComboBox *m_method;
    QLabel *m_description;
    QPlainTextEdit *m_body;
    QPushButton *m_send;
    QPushButton *m_template;
    QLabel *m_sessionTitle;
    QLabel *m_channelLabel;
    QLineEdit *m_channel;
    QLabel *m_codeLabel;
    QSpinBox *m_code;
    QLineEdit *m_reason;
    QPushButton *m_publish;
    QPushButton *m_presence;
    QPushButton *m_history;
    QPushButton *m_unsubscribe;
    QPushButton *m_disconnect;
    QLabel *m_status;
    QPlainTextEdit *m_reply;
};
