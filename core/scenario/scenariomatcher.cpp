#include "scenariomatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString where(const QString &path)
{
    return path.isEmpty() ? ScenarioMatcher::tr("the message") : path;
}

// The text a regular expression is matched against: strings as they are, numbers and booleans as JSON.
QString scalarText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : ScenarioMatcher::text(v);
}

} // namespace

QString ScenarioMatcher::text(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isUndefined())
        return tr("nothing");
    // A one-element array gives the scalar's JSON spelling without building a string by hand.
    const QByteArray a = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

bool ScenarioMatcher::isRegex(const QString &s)
{
    return s.size() >= 2 && s.startsWith(QLatin1Char('/')) && s.endsWith(QLatin1Char('/'));
}

bool ScenarioMatcher::matches(const QJsonValue &pattern, const QJsonValue &actual, QString *mismatch)
{
    QString why;
    const bool ok = match(pattern, actual, QString(), &why);
    if (mismatch)
        *mismatch = why;
    return ok;
}

bool ScenarioMatcher::match(const QJsonValue &pattern, const QJsonValue &actual, const QString &path, QString *mismatch)
{
    if (pattern.isString()) {
        const QString p = pattern.toString();
        if (p == kAbsent) {
            if (actual.isUndefined())
                return true;
            *mismatch = tr("at %1: expected no value, got %2").arg(where(path), text(actual));
            return false;
        }
        if (actual.isUndefined()) {
            *mismatch = tr("at %1: missing (expected %2)").arg(where(path), text(pattern));
            return false;
        }
        if (p == kAny)
            return true;
        if (isRegex(p)) {
            const QRegularExpression re(p.mid(1, p.size() - 2));
            if (!actual.isObject() && !actual.isArray() && re.match(scalarText(actual)).hasMatch())
                return true;
            *mismatch = tr("at %1: %2 does not match %3").arg(where(path), text(actual), p);
            return false;
        }
    }
    if (actual.isUndefined()) {
        *mismatch = tr("at %1: missing (expected %2)").arg(where(path), text(pattern));
        return false;
    }
    if (pattern.isObject()) {
        if (!actual.isObject()) {
            *mismatch = tr("at %1: expected an object, got %2").arg(where(path), text(actual));
            return false;
        }
        const QJsonObject p = pattern.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (!match(it.value(), a.value(it.key()), join(path, it.key()), mismatch))
                return false;
        }
        return true;
    }
    if (pattern.isArray()) {
        if (!actual.isArray()) {
            *mismatch = tr("at %1: expected an array, got %2").arg(where(path), text(actual));
            return false;
        }
        const QJsonArray p = pattern.toArray();
        const QJsonArray a = actual.toArray();
        qsizetype next = 0;
        for (qsizetype i = 0; i < p.size(); ++i) {
            QString firstWhy;
            bool found = false;
            for (; next < a.size() && !found; ++next) {
                QString why;
                found = match(p.at(i), a.at(next), join(path, QString::number(next)), &why);
                if (!found && firstWhy.isEmpty())
                    firstWhy = why;
            }
            if (!found) {
                *mismatch = firstWhy.isEmpty() ? tr("at %1: no element for pattern element %2 (%3)")
                                                     .arg(where(path), QString::number(i), text(p.at(i)))
                                               : tr("at %1: no element matches pattern element %2 (%3)")
                                                     .arg(where(path), QString::number(i), firstWhy);
                return false;
            }
        }
        return true;
    }
    if (pattern.isDouble() && actual.isDouble() && pattern.toDouble() == actual.toDouble())
        return true;
    if (pattern == actual)
        return true;
    *mismatch = tr("at %1: expected %2, got %3").arg(where(path), text(pattern), text(actual));
    return false;
}

QString ScenarioMatcher::checkPattern(const QJsonValue &pattern)
{
    if (pattern.isString()) {
        const QString p = pattern.toString();
        // A pattern with ${variables} is checked when it runs, with the values in.
        if (!isRegex(p) || p.contains(QLatin1String("${")))
            return {};
        const QRegularExpression re(p.mid(1, p.size() - 2));
        if (!re.isValid())
            return tr("bad regular expression %1: %2 at offset %3")
                .arg(p, re.errorString(), QString::number(re.patternErrorOffset()));
        return {};
    }
    if (pattern.isObject()) {
        const QJsonObject o = pattern.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString e = checkPattern(it.value());
            if (!e.isEmpty())
                return e;
        }
    } else if (pattern.isArray()) {
        for (const QJsonValue &v : pattern.toArray()) {
            const QString e = checkPattern(v);
            if (!e.isEmpty())
                return e;
        }
    }
    return {};
}

QJsonValue ScenarioMatcher::valueAt(const QJsonValue &root, const QString &path, bool *found)
{
    QJsonValue v = root;
    for (const QString &part : path.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        if (v.isObject() && v.toObject().contains(part)) {
            v = v.toObject().value(part);
            continue;
        }
        bool isIndex = false;
        const int i = part.toInt(&isIndex);
        if (v.isArray() && isIndex && i >= 0 && i < v.toArray().size()) {
            v = v.toArray().at(i);
            continue;
        }
        *found = false;
        return {};
    }
    *found = true;
    return v;
}
