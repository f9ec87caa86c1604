#include "secretvaluedelegate.h"

#include <QLineEdit>

SecretValueDelegate::SecretValueDelegate(std::function<bool(const QModelIndex &)> hidden, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_hidden(std::move(hidden))
{
}

QString SecretValueDelegate::shownText(const QString &value, bool hidden)
{
    return hidden && !value.isEmpty() ? QString(8, QChar(0x2022)) : value;
}

QWidget *SecretValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                           const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor); line && m_hidden(index))
        line->setEchoMode(QLineEdit::Password);
    return editor;
}

void SecretValueDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = shownText(option->text, m_hidden(index));
}
