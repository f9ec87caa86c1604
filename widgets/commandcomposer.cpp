#include "commandcomposer.h"

#include "commandhistory.h"
#include "commandtemplates.h"
#include "jsonhighlighter.h"
#include "lintcontexttracker.h"
#include "session.h"
#include "themecolors.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

using Method = Protocol::Method;
using Severity = LintFinding::Severity;

namespace {

constexpr int kLintDelayMs = 150;

// Length of the token starting at a column, so that a finding underlines a whole "key" or value.
int tokenLength(const QString &line, int column)
{
    const qsizetype start = column - 1;
    if (start < 0 || start >= line.size())
        return 1;
    if (line.at(start) == QLatin1Char('"')) {
        qsizetype i = start + 1;
        while (i < line.size() && line.at(i) != QLatin1Char('"')) {
            if (line.at(i) == QLatin1Char('\\'))
                ++i;
            ++i;
        }
        return int(qMin(i + 1, line.size()) - start);
    }
    qsizetype i = start;
    while (i < line.size() && !line.at(i).isSpace() && !QStringView(u"{}[],:").contains(line.at(i)))
        ++i;
    return int(qMax<qsizetype>(1, i - start));
}

QColor severityColor(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QColor(0xd0, 0x10, 0x20);
    case Severity::Warning:
        return QColor(0xe0, 0x8a, 0x00);
    case Severity::Info:
        break;
    }
    return QColor(0x1c, 0x71, 0xd8);
}

} // namespace

CommandComposer::CommandComposer(Session *session, CommandHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_history(history)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(6, 6, 6, 6);

    auto *top = new QHBoxLayout;
    auto *templateLabel = new QLabel;
    m_templateLabel = templateLabel;
    m_templates = new QComboBox;
    m_templates->setObjectName(QStringLiteral("templates"));
    m_templates->addItem(QString(), int(Method::None));
    for (Method m : Protocol::allMethods())
        m_templates->addItem(QString(Protocol::methodName(m)), int(m));
    templateLabel->setBuddy(m_templates);
    connect(m_templates, &QComboBox::activated, this,
            [this](int index) { loadTemplate(Method(m_templates->itemData(index).toInt())); });
    top->addWidget(templateLabel);
    top->addWidget(m_templates);
    root->addLayout(top);
    m_description = new QLabel;
    m_description->setObjectName(QStringLiteral("methodDescription"));
    m_description->setWordWrap(true);
    m_description->setStyleSheet(
        QStringLiteral("color: %1").arg(ThemeColors::mutedText(m_description->palette()).name()));
    root->addWidget(m_description);

    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("composerEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Tab moves between template placeholders (or indents); Ctrl+Tab leaves the editor.
    m_editor->setTabChangesFocus(false);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setMinimumHeight(m_editor->fontMetrics().lineSpacing() * 6);
    m_editor->installEventFilter(this);
    m_highlighter = new JsonHighlighter(m_editor->document());
    root->addWidget(m_editor, 3);

    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("serverNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("background: #fff4ce; color: #5c4400; padding: 4px; border-radius: 3px"));
    m_note->hide();
    root->addWidget(m_note);

    // What goes on the wire: the linter judges exactly these bytes.
    m_wire = new QPlainTextEdit;
    m_wire->setObjectName(QStringLiteral("wirePreview"));
    m_wire->setReadOnly(true);
    m_wire->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_wire->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_wire->setMaximumHeight(m_wire->fontMetrics().lineSpacing() * 3 + 12);
    m_wire->setToolTip(tr("The frame exactly as it goes on the wire; the linter checks these bytes."));
    m_wireLabel = new QLabel;
    m_wireLabel->setObjectName(QStringLiteral("wireLabel"));
    m_wireLabel->setWordWrap(true);
    root->addWidget(m_wireLabel);
    root->addWidget(m_wire);

    m_findings = new QListWidget;
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setWordWrap(true);
    m_findings->setTextElideMode(Qt::ElideNone);
    m_findings->setMinimumHeight(m_findings->fontMetrics().lineSpacing() * 3);
    connect(m_findings, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { moveToFinding(m_findings->row(item)); });
    root->addWidget(m_findings, 2);

    auto *bottom = new QHBoxLayout;
    m_idInfo = new QLabel;
    m_idInfo->setObjectName(QStringLiteral("idInfo"));
    m_idInfo->setWordWrap(true);
    m_historyBox = new QComboBox;
    m_historyBox->setObjectName(QStringLiteral("history"));
    m_historyBox->setModel(m_history);
    m_historyBox->setCurrentIndex(-1);
    m_historyBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_historyBox->setMinimumContentsLength(8);
    connect(m_historyBox, &QComboBox::activated, this, [this](int row) {
        setText(m_history->at(row));
        m_lastSetText = text();
        m_historyPos = row;
        m_historyBox->setCurrentIndex(-1);
        m_editor->setFocus();
    });
    top->addWidget(m_historyBox, 1);
    m_resend = new QPushButton;
    m_resend->setObjectName(QStringLiteral("resendButton"));
    connect(m_resend, &QPushButton::clicked, this, [this] {
        if (m_history->count() == 0)
            return;
        setText(m_history->at(0));
        send();
    });
    top->addWidget(m_resend);
    bottom->addWidget(m_idInfo, 1);
    m_send = new QPushButton;
    m_send->setObjectName(QStringLiteral("sendButton"));
    connect(m_send, &QPushButton::clicked, this, &CommandComposer::send);
    bottom->addWidget(m_send);
    root->addLayout(bottom);

    m_lintTimer = new QTimer(this);
    m_lintTimer->setSingleShot(true);
    m_lintTimer->setInterval(kLintDelayMs);
    connect(m_lintTimer, &QTimer::timeout, this, &CommandComposer::lintNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_armed = false;
        if (!m_settingText)
            m_historyPos = -1;
        m_lintTimer->start(); // restart: lint when typing pauses
        updateSendButton();
    });
    connect(m_history, &QAbstractItemModel::modelReset, this, [this] { m_resend->setEnabled(m_history->count()); });
    connect(m_history, &QAbstractItemModel::rowsInserted, this, [this] { m_resend->setEnabled(true); });
    m_resend->setEnabled(m_history->count() > 0);

    // The lint context (connect state, subscriptions, ids in flight, ping outstanding, what replies taught about the
    // server) arrives as a signal, only when it changed: a flood of pushes leaves the composer alone.
    m_tracker = new LintContextTracker(m_session, this);
    m_context = m_tracker->context();
    connect(m_tracker, &LintContextTracker::contextChanged, this, &CommandComposer::setLintContext);

    retranslateUi();
    lintNow();
}

void CommandComposer::retranslateUi()
{
    m_templateLabel->setText(tr("&Template:"));
    m_templates->setItemText(0, tr("Raw / empty"));
    m_templates->setToolTip(tr("Start from a protocol-valid command. Raw / empty clears the editor for free text."));
    m_editor->setPlaceholderText(tr("Type a command as JSON, e.g. {\"subscribe\": {\"channel\": \"news\"}}, or pick a "
                                    "template. Tab goes to the next placeholder; Ctrl+Enter sends; Ctrl+Up/Down "
                                    "recalls sent commands."));
    m_editor->setAccessibleName(tr("Command editor"));
    m_findings->setToolTip(tr("What the linter found; activate an entry to jump to it."));
    m_findings->setAccessibleName(tr("Linter findings"));
    m_historyBox->setPlaceholderText(tr("History"));
    m_historyBox->setToolTip(tr("Commands sent before (Ctrl+Up / Ctrl+Down in the editor)"));
    m_historyBox->setAccessibleName(tr("History"));
    m_resend->setText(tr("Resend last"));
    m_resend->setToolTip(tr("Put the last sent command in the editor and send it again"));
    m_send->setMinimumWidth(m_send->fontMetrics().horizontalAdvance(tr("Confirm: send with errors")) + 24);
    updateSendButton();
}

void CommandComposer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        lintNow(); // the findings and notes in the new language
    } else if (event->type() == QEvent::PaletteChange) {
        m_description->setStyleSheet(QStringLiteral("color: %1").arg(ThemeColors::mutedText(palette()).name()));
    }
    QWidget::changeEvent(event);
}

QString CommandComposer::text() const
{
    return m_editor->toPlainText();
}

void CommandComposer::setText(const QString &text)
{
    m_settingText = true;
    // Through the cursor, so Ctrl+Z brings back what was there before.
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    m_settingText = false;
    m_editor->moveCursor(QTextCursor::Start);
    lintNow();
}

bool CommandComposer::confirmReplaceDraft()
{
    // Nothing typed since the last template or recalled command: nothing to lose.
    if (text().trimmed().isEmpty() || text() == m_lastSetText)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Replace the command?"),
                    tr("The editor holds a command you typed. Replace it with the template? (Ctrl+Z in the editor "
                       "brings it back.)"),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("replaceDraftQuestion"));
    box.button(QMessageBox::Yes)->setText(tr("Replace"));
    box.setDefaultButton(QMessageBox::Yes);
    return box.exec() == QMessageBox::Yes;
}

void CommandComposer::loadTemplate(Method method)
{
    if (!confirmReplaceDraft()) {
        updateNote(); // the template list shows the editor's method again
        return;
    }
    const int index = m_templates->findData(int(method));
    if (index >= 0 && m_templates->currentIndex() != index)
        m_templates->setCurrentIndex(index);
    if (method == Method::None) {
        setText(QString());
        m_lastSetText.clear();
    } else {
        // Templates come without "id": the session assigns the next free one when it sends.
        QJsonObject object = QJsonDocument::fromJson(CommandTemplates::text(method, 1).toUtf8()).object();
        object.remove(QLatin1String("id"));
        setText(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed());
        m_lastSetText = text();
        selectPlaceholder(0, true); // the first one, ready to be typed over
    }
    m_editor->setFocus();
}

void CommandComposer::setLintContext(const LintContext &context)
{
    m_context = context;
    if (!m_lintTimer->isActive())
        m_lintTimer->start();
}

void CommandComposer::lintNow()
{
    m_lintTimer->stop();
    m_analysis = CommandAnalysis::analyze(text(), m_context, m_session->peekNextId());
    showFindings();
    updateNote();
    updateSendButton();
}

void CommandComposer::showFindings()
{
    m_findings->clear();
    QList<QTextEdit::ExtraSelection> selections;
    QStyle *style = this->style();
    for (const LintFinding &f : m_analysis.findings) {
        if (m_analysis.kind == CommandAnalysis::Kind::Empty)
            break; // the placeholder text says what to do; an error for an empty editor is noise
        QIcon icon;
        switch (f.severity) {
        case Severity::Error:
            icon = style->standardIcon(QStyle::SP_MessageBoxCritical);
            break;
        case Severity::Warning:
            icon = style->standardIcon(QStyle::SP_MessageBoxWarning);
            break;
        case Severity::Info:
            icon = style->standardIcon(QStyle::SP_MessageBoxInformation);
            break;
        }
        QString where;
        if (f.line > 0)
            where = tr("Line %1, column %2: ").arg(f.line).arg(f.column);
        auto *item = new QListWidgetItem(icon, where + f.message);
        item->setData(Qt::UserRole, f.code);
        item->setToolTip(LintFinding::severityName(f.severity) + QLatin1String(" [") + f.code + QLatin1String("] ") +
                         f.message);
        m_findings->addItem(item);

        if (f.line <= 0 || f.line > m_editor->document()->blockCount())
            continue;
        const QTextBlock block = m_editor->document()->findBlockByNumber(f.line - 1);
        const QString line = block.text();
        int column = f.column;
        if (column <= 0 || column > line.size())
            column = qMax(1, int(line.size())); // past the end: mark the last character
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(block);
        sel.cursor.setPosition(block.position() + column - 1);
        sel.cursor.setPosition(block.position() + qMin(int(line.size()), column - 1 + tokenLength(line, column)),
                               QTextCursor::KeepAnchor);
        sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        sel.format.setUnderlineColor(severityColor(f.severity));
        sel.format.setToolTip(f.message);
        selections.append(sel);
    }
    m_findings->setVisible(m_findings->count() > 0);
    m_editor->setExtraSelections(selections);

    if (m_analysis.kind == CommandAnalysis::Kind::Object) {
        const QJsonValue id = m_analysis.object.value(QLatin1String("id"));
        if (m_analysis.idWillBeAssigned)
            m_idInfo->setText(tr("id: automatic (%1)").arg(m_analysis.assignedId));
        else if (!id.isUndefined())
            m_idInfo->setText(tr("id: %1 (yours)")
                                  .arg(QString::fromUtf8(QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact))
                                           .mid(1)
                                           .chopped(1)));
        else
            m_idInfo->setText(tr("no id"));
    } else if (m_analysis.kind == CommandAnalysis::Kind::Raw) {
        m_idInfo->setText(tr("raw: each value compacted on its own line"));
    } else if (m_analysis.kind == CommandAnalysis::Kind::NotJson) {
        m_idInfo->setText(tr("raw: sent exactly as typed"));
    } else {
        m_idInfo->clear();
    }
    showWire();
}

void CommandComposer::showWire()
{
    const bool empty = m_analysis.kind == CommandAnalysis::Kind::Empty;
    m_wire->setVisible(!empty);
    m_wireLabel->setVisible(!empty);
    if (empty)
        return;
    // A preview, not a copy: a 64 KiB frame would make the editor slow for nothing.
    constexpr qsizetype kPreviewBytes = 4000;
    QString shown = QString::fromUtf8(m_analysis.wire.left(kPreviewBytes));
    if (m_analysis.wire.size() > kPreviewBytes)
        shown += QStringLiteral(" …");
    if (m_wire->toPlainText() != shown)
        m_wire->setPlainText(shown);
    m_wireLabel->setText(
        tr("On the wire (%1 bytes). Predicted: %2").arg(m_analysis.wire.size()).arg(m_analysis.outcome.sentence()));
}

void CommandComposer::moveToFinding(int row)
{
    if (row < 0 || row >= m_analysis.findings.size())
        return;
    const LintFinding &f = m_analysis.findings.at(row);
    if (f.line <= 0)
        return;
    const QTextBlock block = m_editor->document()->findBlockByNumber(f.line - 1);
    if (!block.isValid())
        return;
    const int position = block.position() + qBound(0, f.column - 1, int(block.text().size()));
    // A placeholder finding points at its key; the value to type over is the placeholder after it.
    if (f.code == QLatin1String("placeholder") && selectPlaceholder(position, false)) {
        m_editor->setFocus();
        return;
    }
    QTextCursor c(block);
    c.setPosition(position);
    m_editor->setTextCursor(c);
    m_editor->setFocus();
}

void CommandComposer::updateNote()
{
    // The template list shows which method the text is, once it is recognisable.
    if (m_analysis.method != Method::None) {
        const int index = m_templates->findData(int(m_analysis.method));
        if (index >= 0)
            m_templates->setCurrentIndex(index);
    }
    const QString note = CommandTemplates::serverNote(m_analysis.method);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_description->setText(CommandTemplates::description(m_analysis.method));
}

QString CommandComposer::sendButtonText() const
{
    return m_send->text();
}

void CommandComposer::updateSendButton()
{
    // Typing since the last lint: judge the state from the last analysis until the pause is over, but never let a
    // stale "armed" survive an edit (m_armed is reset on every change).
    if (!m_analysis.canSend())
        m_sendState = SendState::Disabled;
    else if (m_analysis.hasErrors())
        m_sendState = m_armed ? SendState::Armed : SendState::Guarded;
    else
        m_sendState = SendState::Ready;

    switch (m_sendState) {
    case SendState::Disabled:
        m_send->setText(tr("Send"));
        m_send->setEnabled(false);
        m_send->setToolTip(m_analysis.kind == CommandAnalysis::Kind::Empty
                               ? tr("Type a command first.")
                               : tr("The text is not JSON: fix the marked error to send it."));
        m_send->setStyleSheet(QString());
        break;
    case SendState::Ready:
        m_send->setText(tr("Send"));
        m_send->setEnabled(true);
        m_send->setToolTip(tr("Send the command (Ctrl+Enter)"));
        m_send->setStyleSheet(QString());
        break;
    case SendState::Guarded:
        m_send->setText(tr("Send anyway…"));
        m_send->setEnabled(true);
        m_send->setToolTip(tr("The linter found an error. Click once to arm, then again to send it on purpose."));
        m_send->setStyleSheet(QStringLiteral("color: #9a2500"));
        break;
    case SendState::Armed:
        m_send->setText(tr("Confirm: send with errors"));
        m_send->setEnabled(true);
        m_send->setToolTip(tr("Click (or Ctrl+Enter) again to send the command with its errors. Editing disarms."));
        m_send->setStyleSheet(QStringLiteral("background: #c01c28; color: white; font-weight: bold"));
        break;
    }
}

bool CommandComposer::send()
{
    if (m_lintTimer->isActive())
        lintNow();
    switch (m_sendState) {
    case SendState::Disabled:
        return false;
    case SendState::Guarded:
        m_armed = true;
        updateSendButton();
        return false;
    case SendState::Ready:
    case SendState::Armed:
        break;
    }
    const Session::State state = m_session->state();
    if (state != Session::State::Open && state != Session::State::Connected) {
        m_idInfo->setText(tr("Not sent: the connection is not open. Connect first (Ctrl+K)."));
        return false;
    }

    QList<quint32> ids;
    if (m_analysis.kind == CommandAnalysis::Kind::Object) {
        const quint32 id = m_session->sendCommand(m_analysis.object);
        ids.append(id);
    } else {
        m_session->sendRaw(m_analysis.payload);
    }
    m_history->add(text());
    m_armed = false;
    m_historyPos = -1;
    lintNow();
    if (!ids.isEmpty() && ids.first() != 0)
        m_idInfo->setText(tr("Sent as id %1.").arg(ids.first()));
    else
        m_idInfo->setText(tr("Sent."));
    emit sent(ids);
    return true;
}

void CommandComposer::recallOlder()
{
    if (m_history->count() == 0)
        return;
    if (m_historyPos < 0)
        m_draft = text();
    const int pos = qMin(m_historyPos + 1, m_history->count() - 1);
    setText(m_history->at(pos));
    m_lastSetText = text();
    m_historyPos = pos;
}

void CommandComposer::recallNewer()
{
    if (m_historyPos < 0)
        return;
    const int pos = m_historyPos - 1;
    setText(pos < 0 ? m_draft : m_history->at(pos));
    m_lastSetText = pos < 0 ? QString() : text();
    m_historyPos = pos;
}

bool CommandComposer::selectPlaceholder(int from, bool forward)
{
    // A placeholder is a JSON string "<...>"; the selection covers <...> so typing replaces it.
    static const QRegularExpression placeholder(QStringLiteral("\"(<[^<>\"]+>)\""));
    const QString all = text();
    QList<QPair<int, int>> found;
    for (auto it = placeholder.globalMatch(all); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        found.append({int(m.capturedStart(1)), int(m.capturedEnd(1))});
    }
    if (found.isEmpty())
        return false;
    const QPair<int, int> *pick = nullptr;
    if (forward) {
        for (const auto &p : std::as_const(found)) {
            if (p.first >= from) {
                pick = &p;
                break;
            }
        }
        if (!pick)
            pick = &found.constFirst(); // wrap around
    } else {
        for (auto it = found.crbegin(); it != found.crend(); ++it) {
            if (it->second < from) {
                pick = &*it;
                break;
            }
        }
        if (!pick)
            pick = &found.constLast();
    }
    QTextCursor c(m_editor->document());
    c.setPosition(pick->first);
    c.setPosition(pick->second, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(c);
    return true;
}

bool CommandComposer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        if (key->key() == Qt::Key_Tab && mods == Qt::NoModifier) {
            const QTextCursor c = m_editor->textCursor();
            if (!selectPlaceholder(c.selectionEnd(), true))
                m_editor->insertPlainText(QStringLiteral("    "));
            return true;
        }
        if (key->key() == Qt::Key_Backtab && selectPlaceholder(m_editor->textCursor().selectionStart(), false))
            return true;
    }
    if (watched == m_editor && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool ctrl = (key->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier;
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        const bool upDown = key->key() == Qt::Key_Up || key->key() == Qt::Key_Down;
        if (ctrl && (enter || upDown)) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept(); // ours, not the window's shortcut: the key press follows
                return true;
            }
            if (enter)
                send();
            else if (key->key() == Qt::Key_Up)
                recallOlder();
            else
                recallNewer();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
