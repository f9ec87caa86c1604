#include "scenariovariables.h"

#include "scenariomatcher.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

const QRegularExpression &reference()
{
    static const QRegularExpression re(QStringLiteral("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)\\}"));
    return re;
}

} // namespace

QString ScenarioVariables::substitute(const QString &s, QStringList *unknown) const
{
    if (!s.contains(QLatin1String("${")))
        return s;
    QString out;
    qsizetype last = 0;
    auto it = reference().globalMatch(s);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (m_values.contains(name)) {
            const QJsonValue v = m_values.value(name);
            out += v.isString() ? v.toString() : ScenarioMatcher::text(v);
        } else {
            out += m.captured(0);
            if (!unknown->contains(name))
                unknown->append(name);
        }
        last = m.capturedEnd();
    }
    out += QStringView(s).mid(last);
    return out;
}

QJsonValue ScenarioVariables::substitute(const QJsonValue &v, QStringList *unknown) const
{
    if (v.isString()) {
        const QString s = v.toString();
        const QRegularExpressionMatch whole = reference().match(s);
        if (whole.hasMatch() && whole.capturedStart() == 0 && whole.capturedLength() == s.size()) {
            if (m_values.contains(whole.captured(1)))
                return m_values.value(whole.captured(1));
            if (!unknown->contains(whole.captured(1)))
                unknown->append(whole.captured(1));
            return v;
        }
        return substitute(s, unknown);
    }
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = substitute(it.value(), unknown);
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = substitute(QJsonValue(*it), unknown);
        return a;
    }
    return v;
}

QSet<QString> ScenarioVariables::referencedNames(const QJsonValue &v)
{
    QSet<QString> names;
    if (v.isString()) {
        auto it = reference().globalMatch(v.toString());
        while (it.hasNext())
            names.insert(it.next().captured(1));
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            names.unite(referencedNames(it.value()));
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            names.unite(referencedNames(e));
    }
    return names;
}
