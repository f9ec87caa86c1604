#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

// Matches a scenario's expectation pattern against a message (docs/scenarios.md, "Patterns"):
//   - an object matches an object holding at least its keys, each matching (a subset match);
//   - an array matches an array holding elements that match its elements, in the same order (gaps allowed);
//   - a string "/regex/" matches a string or number whose text the regular expression finds;
//   - "$any" matches any value that is present, "$absent" a key that is missing;
//   - any other value must be equal (numbers by value).
class ScenarioMatcher
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioMatcher)

public:
    static constexpr QLatin1String kAny{"$any"};
    static constexpr QLatin1String kAbsent{"$absent"};

    // True when actual matches pattern; otherwise *mismatch (if given) says where and why, e.g.
    // "at subscribe.recovered: expected true, got false".
    static bool matches(const QJsonValue &pattern, const QJsonValue &actual, QString *mismatch = nullptr);

    // The first problem of a pattern (a "/regex/" that does not compile), or an empty string.
    static QString checkPattern(const QJsonValue &pattern);

    // The value at a dotted path ("subscribe.publications.0.offset"); *found false when a part is missing.
    static QJsonValue valueAt(const QJsonValue &root, const QString &path, bool *found);

    // Compact JSON text of a value, for messages.
    static QString text(const QJsonValue &value);

private:
    static bool match(const QJsonValue &pattern, const QJsonValue &actual, const QString &path, QString *mismatch);
    static bool isRegex(const QString &s);
};
