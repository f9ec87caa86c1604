#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

// The ${name} values of one scenario run: the file's "variables", built-ins (run_id, iteration, url, api_url),
// and what steps capture (alice.client, epoch, offset ...).
class ScenarioVariables
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioVariables)

public:
    void set(const QString &name, const QJsonValue &value) { m_values.insert(name, value); }
    bool contains(const QString &name) const { return m_values.contains(name); }
    QJsonValue value(const QString &name) const { return m_values.value(name); }

    // Replaces ${name} in every string of v, keys excluded. A string that is exactly "${name}" takes the value
    // with its JSON type (an offset stays a number); inside longer text the value is written as text. Unknown names
    // are left as they are and listed in *unknown.
    QJsonValue substitute(const QJsonValue &v, QStringList *unknown) const;
    QString substitute(const QString &s, QStringList *unknown) const;

    // The names a value refers to with ${...}.
    static QSet<QString> referencedNames(const QJsonValue &v);

private:
    QHash<QString, QJsonValue> m_values;
};
