#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

// A line edit for secrets (tokens, HMAC secrets, API keys): masked by default, with a "Show" toggle so that the
// user can check what was pasted. The text is never logged.
class SecretLineEdit : public QWidget
{
    Q_OBJECT

public:
    explicit SecretLineEdit(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void setPlaceholderText(const QString &text);
    bool isRevealed() const;
    void setRevealed(bool revealed);
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *showButton() const { return m_show; }

signals:
    void textChanged(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLineEdit *m_edit;
    QToolButton *m_show;
};
