#pragma once

#include <QAbstractListModel>
#include <QStringList>

class QSettings;

// Commands the user sent, newest first, for recall and re-send. Kept in the QSettings given (if any) so they
// survive a restart; an identical command moves to the top instead of appearing twice.
class CommandHistory : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit CommandHistory(QSettings *settings = nullptr, QObject *parent = nullptr);

    void add(const QString &command);
    void clear();
    QString at(int row) const { return m_commands.value(row); }
    int count() const { return int(m_commands.size()); }
    QStringList commands() const { return m_commands; }

    void setLimit(int limit);
    int limit() const { return m_limit; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The settings key the list is stored under.
    static QString settingsKey();

private:
    void save() const;

    QSettings *m_settings;
    QStringList m_commands;
    int m_limit = 200;
};
