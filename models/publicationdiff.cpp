#include "publicationdiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

QString shown(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    // A scalar: written as the single element of an array, without the brackets.
    const QByteArray text = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

void compare(const QJsonValue &a, const QJsonValue &b, const QString &path, QStringList *out)
{
    if (a == b)
        return;
    if (a.isObject() && b.isObject()) {
        const QJsonObject oa = a.toObject();
        const QJsonObject ob = b.toObject();
        QStringList keys = oa.keys();
        for (const QString &k : ob.keys()) {
            if (!keys.contains(k))
                keys.append(k);
        }
        for (const QString &k : std::as_const(keys)) {
            if (!ob.contains(k))
                out->append(QStringLiteral("- %1").arg(join(path, k)));
            else if (!oa.contains(k))
                out->append(QStringLiteral("+ %1: %2").arg(join(path, k), shown(ob.value(k))));
            else
                compare(oa.value(k), ob.value(k), join(path, k), out);
        }
        return;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray xa = a.toArray();
        const QJsonArray xb = b.toArray();
        for (int i = 0; i < std::max(xa.size(), xb.size()); ++i) {
            const QString p = join(path, QString::number(i));
            if (i >= xb.size())
                out->append(QStringLiteral("- %1").arg(p));
            else if (i >= xa.size())
                out->append(QStringLiteral("+ %1: %2").arg(p, shown(xb.at(i))));
            else
                compare(xa.at(i), xb.at(i), p, out);
        }
        return;
    }
    out->append(
        QStringLiteral("~ %1: %2 \u2192 %3").arg(path.isEmpty() ? QStringLiteral(".") : path, shown(a), shown(b)));
}

} // namespace

QStringList PublicationDiff::changes(const QJsonValue &before, const QJsonValue &after)
{
    QStringList out;
    compare(before, after, QString(), &out);
    return out;
}

QString PublicationDiff::text(const QJsonValue &before, const QJsonValue &after)
{
    const QStringList lines = changes(before, after);
    return lines.isEmpty() ? tr("The data is the same as in the channel's previous publication.")
                           : lines.join(QLatin1Char('\n'));
}
