#pragma once

#include <QStyledItemDelegate>

#include <functional>

// Shows a cell whose value is a secret as a fixed row of dots and edits it in a password field. Which cells are
// secret is the owner's decision (the `hidden` predicate), so the connection panel and the profile editor apply
// the same secret-header rule in the same way.
class SecretValueDelegate : public QStyledItemDelegate
{
public:
    SecretValueDelegate(std::function<bool(const QModelIndex &)> hidden, QObject *parent);

    // What the cell shows for a value: the value, or dots while hidden (the same dots whatever the length: the
    // length of a secret is a hint, too).
    static QString shownText(const QString &value, bool hidden);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    std::function<bool(const QModelIndex &)> m_hidden;
};
