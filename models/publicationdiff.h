#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QStringList>

// What changed between two publications' data, path by path: "~ price: 10 → 11", "+ note: \"new\"", "- old".
// Objects are compared key by key, arrays index by index; any other change is one replaced value.
class PublicationDiff
{
    Q_DECLARE_TR_FUNCTIONS(PublicationDiff)

public:
    static QStringList changes(const QJsonValue &before, const QJsonValue &after);
    // The changes as text; a sentence when there are none.
    static QString text(const QJsonValue &before, const QJsonValue &after);
};
