#include "secretlineedit.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

SecretLineEdit::SecretLineEdit(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_show(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_show);
    m_edit->setEchoMode(QLineEdit::Password);
    // Secrets are pasted, rarely typed: no autocompletion or undo history worth keeping.
    m_edit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_show->setCheckable(true);
    retranslateUi();
    setFocusProxy(m_edit);
    connect(m_show, &QToolButton::toggled, this, &SecretLineEdit::setRevealed);
    connect(m_edit, &QLineEdit::textChanged, this, &SecretLineEdit::textChanged);
}

QString SecretLineEdit::text() const
{
    return m_edit->text();
}

void SecretLineEdit::setText(const QString &text)
{
    m_edit->setText(text);
}

void SecretLineEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

bool SecretLineEdit::isRevealed() const
{
    return m_edit->echoMode() == QLineEdit::Normal;
}

void SecretLineEdit::setRevealed(bool revealed)
{
    m_edit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    if (m_show->isChecked() != revealed)
        m_show->setChecked(revealed);
    retranslateUi();
}

void SecretLineEdit::retranslateUi()
{
    m_show->setText(isRevealed() ? tr("Hide") : tr("Show"));
    m_show->setToolTip(tr("Show or hide the secret"));
}

void SecretLineEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
