#include "commandhistory.h"

#include "secretmasker.h"

#include <QSettings>

CommandHistory::CommandHistory(QSettings *settings, QObject *parent)
    : QAbstractListModel(parent)
    , m_settings(settings)
{
    if (m_settings) {
        m_commands = m_settings->value(settingsKey()).toStringList();
        m_commands.removeAll(QString());
        if (m_commands.size() > m_limit)
            m_commands.resize(m_limit);
    }
}

QString CommandHistory::settingsKey()
{
    return QStringLiteral("composer/history");
}

void CommandHistory::add(const QString &command)
{
    const QString text = command.trimmed();
    if (text.isEmpty())
        return;
    const int existing = int(m_commands.indexOf(text));
    if (existing == 0)
        return;
    if (existing > 0) {
        beginMoveRows({}, existing, existing, {}, 0);
        m_commands.move(existing, 0);
        endMoveRows();
    } else {
        beginInsertRows({}, 0, 0);
        m_commands.prepend(text);
        endInsertRows();
        if (m_commands.size() > m_limit) {
            beginRemoveRows({}, m_limit, int(m_commands.size()) - 1);
            m_commands.resize(m_limit);
            endRemoveRows();
        }
    }
    save();
}

void CommandHistory::clear()
{
    beginResetModel();
    m_commands.clear();
    endResetModel();
    save();
}

void CommandHistory::setLimit(int limit)
{
    m_limit = qMax(1, limit);
    if (m_commands.size() > m_limit) {
        beginRemoveRows({}, m_limit, int(m_commands.size()) - 1);
        m_commands.resize(m_limit);
        endRemoveRows();
        save();
    }
}

int CommandHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_commands.size());
}

QVariant CommandHistory::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &text = m_commands.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        // One line in lists; the full text is in the edit role and the tooltip.
        QString line = text.simplified();
        if (line.size() > 200)
            line = line.left(200) + QChar(0x2026);
        return line;
    }
    case Qt::EditRole:
    case Qt::ToolTipRole:
        return text;
    default:
        break;
    }
    return {};
}

void CommandHistory::save() const
{
    if (!m_settings)
        return;
    // Tokens stay in memory for recall in this run, but never reach the settings file.
    QStringList stored;
    stored.reserve(m_commands.size());
    for (const QString &command : m_commands)
        stored.append(SecretMasker::maskJwts(command));
    m_settings->setValue(settingsKey(), stored);
}
