#pragma once

#include "commandanalysis.h"
#include "protocol.h"

#include <QWidget>

class CommandHistory;
class JsonHighlighter;
class LintContextTracker;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class Session;

// Writes and sends commands: a template picker (every method, plus an empty "raw" entry), a JSON editor with
// highlighting, the frame exactly as it will go on the wire with the server's predicted reaction, the linter's
// findings about those bytes as you type (underlined in the text and listed below), the server's notes on
// surprising methods, Send (Ctrl+Enter) and a history of sent commands (Ctrl+Up/Down, or the list).
//
// Send is disabled only while the editor is empty. When the linter reports an error, the first Send arms the
// button ("Send anyway") and the second one sends, so bad commands can be sent on purpose but not by accident.
class CommandComposer : public QWidget
{
    Q_OBJECT

public:
    enum class SendState {
        Disabled, // not JSON, or empty
        Ready,    // no errors: Send sends
        Guarded,  // the linter found an error: the next Send arms
        Armed,    // the next Send sends despite the errors
    };
    Q_ENUM(SendState)

    CommandComposer(Session *session, CommandHistory *history, QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    // Puts the method's template in the editor (Method::None: empty, for free text).
    void loadTemplate(Protocol::Method method);
    QPlainTextEdit *editor() const { return m_editor; }

    // Lints now instead of after the typing pause.
    void lintNow();
    const CommandAnalysis &analysis() const { return m_analysis; }
    SendState sendState() const { return m_sendState; }
    QString sendButtonText() const;

public slots:
    // The session's lint context changed (LintContextTracker::contextChanged): lint again after the pause.
    void setLintContext(const LintContext &context);
    // What the Send button and Ctrl+Enter do: send, or arm when the linter found an error. Returns true if sent.
    bool send();
    void recallOlder();
    void recallNewer();

signals:
    // A command went to the session; ids are those the session used (0 for send, pongs and raw text).
    void sent(const QList<quint32> &ids);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleLint();
    void showFindings();
    void showWire();
    void updateSendButton();
    void updateNote();
    void moveToFinding(int row);
    // Selects the next (or previous) template placeholder from a position, wrapping around; false when none.
    bool selectPlaceholder(int from, bool forward);
    // Asks before a template replaces a command the user typed; true to go on.
    bool confirmReplaceDraft();
    void retranslateUi();

    Session *m_session;
    CommandHistory *m_history;
    QLabel *m_templateLabel = nullptr;
    QComboBox *m_templates = nullptr;
    QLabel *m_description = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_wireLabel = nullptr;
    QPlainTextEdit *m_wire = nullptr; // the frame as it goes on the wire, read-only
    LintContextTracker *m_tracker = nullptr;
    QListWidget *m_findings = nullptr;
    QLabel *m_idInfo = nullptr;
    QPushButton *m_send = nullptr;
    QComboBox *m_historyBox = nullptr;
    QPushButton *m_resend = nullptr;
    QTimer *m_lintTimer = nullptr;

    CommandAnalysis m_analysis;
    LintContext m_context; // the latest from m_tracker; m_analysis was made with it
    SendState m_sendState = SendState::Disabled;
    bool m_armed = false;
    int m_historyPos = -1; // -1: editing new text; else the history row shown
    QString m_draft;       // what was typed before recalling history
    bool m_settingText = false;
    QString m_lastSetText; // what a template or a recalled command put in the editor
};
