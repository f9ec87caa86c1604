#include "trafficstats.h"

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

// Round-trip buckets in ms: a command answered in the same process is ~0.1 ms, a loaded server seconds.
const QList<double> &rttBounds()
{
    static const QList<double> bounds = {0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};
    return bounds;
}

void collectPaths(const QJsonValue &value, const QString &prefix, QStringList *out)
{
    if (out->size() >= 50)
        return;
    if (value.isDouble()) {
        out->append(prefix);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectPaths(it.value(), prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), out);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (int i = 0; i < a.size() && i < 10; ++i)
            collectPaths(a.at(i),
                         prefix.isEmpty() ? QString::number(i) : prefix + QLatin1Char('.') + QString::number(i), out);
    }
}

} // namespace

TrafficStats::TrafficStats(QObject *parent)
    : QObject(parent)
    , m_rttCounts(rttBounds().size() + 1, 0)
{
}

void TrafficStats::setModel(QAbstractItemModel *model, const Roles &roles)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_roles = roles;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
            if (!parent.isValid())
                addRows(first, last);
        });
        connect(model, &QAbstractItemModel::modelReset, this, &TrafficStats::recount);
    }
    recount();
}

void TrafficStats::addRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex i = m_model->index(row, 0);
        auto value = [&i](int role) { return role < 0 ? QVariant() : i.data(role); };
        const QVariant rtt = value(m_roles.rtt);
        const QString channel = value(m_roles.channel).toString();
        const QString kind = value(m_roles.kind).toString();
        // The bytes are read only for what needs them: the plotted channel, and a channel's first publication.
        const bool publication = kind == QLatin1String("push_pub");
        const bool plotted = publication && !m_fieldPath.isEmpty() && channel == m_fieldChannel;
        const bool unseen = publication && !m_paths.contains(channel);
        const QByteArray raw = plotted || unseen ? value(m_roles.raw).toByteArray() : QByteArray();
        if (unseen)
            m_paths.insert(channel, numericPaths(publicationData(raw)));
        addMessage(value(m_roles.time).toLongLong(), kind, channel, value(m_roles.size).toLongLong(),
                   rtt.isValid() ? rtt.toDouble() : -1, plotted ? raw : QByteArray());
    }
    trim();
    emit changed();
}

void TrafficStats::recount()
{
    const QString channel = m_fieldChannel;
    const QString path = m_fieldPath;
    clear();
    m_fieldChannel = channel;
    m_fieldPath = path;
    if (m_model && m_model->rowCount() > 0)
        addRows(0, m_model->rowCount() - 1);
    else
        emit changed();
}

void TrafficStats::addMessage(qint64 timeMs, const QString &kind, const QString &channel, qint64 bytes, double rttMs,
                              const QByteArray &raw)
{
    const qint64 second = timeMs / 1000;
    Bucket &k = m_byKind[second][kind];
    ++k.messages;
    k.bytes += bytes;
    Bucket &c = m_byChannel[second][channel.isEmpty() ? QStringLiteral("(no channel)") : channel];
    ++c.messages;
    c.bytes += bytes;
    ++m_messages;
    if (rttMs >= 0) {
        const QList<double> &bounds = rttBounds();
        const auto it = std::lower_bound(bounds.begin(), bounds.end(), rttMs);
        ++m_rttCounts[int(it - bounds.begin())];
        ++m_rttTotal;
    }
    if (!raw.isEmpty() && channel == m_fieldChannel && kind == QLatin1String("push_pub")) {
        double v = 0;
        if (numberAt(publicationData(raw), m_fieldPath, &v)) {
            m_field.append(QPointF(double(timeMs), v));
            if (m_field.size() > kMaxFieldPoints)
                m_field.remove(0, m_field.size() - kMaxFieldPoints);
        }
    }
}

void TrafficStats::trim()
{
    if (m_byKind.isEmpty())
        return;
    const qint64 oldest = m_byKind.lastKey() - kMaxSeconds;
    while (!m_byKind.isEmpty() && m_byKind.firstKey() < oldest)
        m_byKind.erase(m_byKind.begin());
    while (!m_byChannel.isEmpty() && m_byChannel.firstKey() < oldest)
        m_byChannel.erase(m_byChannel.begin());
}

void TrafficStats::clear()
{
    m_byKind.clear();
    m_byChannel.clear();
    m_rttCounts.fill(0);
    m_rttTotal = 0;
    m_messages = 0;
    m_field.clear();
    m_paths.clear();
}

QList<TrafficStats::Series> TrafficStats::rates(GroupBy group, Measure measure, int maxSeries, qint64 nowMs) const
{
    const QMap<qint64, Buckets> &all = group == GroupBy::Kind ? m_byKind : m_byChannel;
    QMap<qint64, Buckets> buckets = all;
    const qint64 current = nowMs / 1000;
    while (!buckets.isEmpty() && buckets.lastKey() >= current)
        buckets.erase(std::prev(buckets.end()));
    if (buckets.isEmpty())
        return {};
    auto amount = [measure](const Bucket &b) { return double(measure == Measure::Messages ? b.messages : b.bytes); };
    QHash<QString, double> totals;
    for (const Buckets &second : buckets) {
        for (auto it = second.begin(); it != second.end(); ++it)
            totals[it.key()] += amount(it.value());
    }
    QStringList names = totals.keys();
    std::sort(names.begin(), names.end(), [&totals](const QString &a, const QString &b) {
        return totals.value(a) != totals.value(b) ? totals.value(a) > totals.value(b) : a < b;
    });
    const bool other = names.size() > maxSeries;
    const QStringList shown = names.mid(0, other ? maxSeries - 1 : maxSeries);
    QList<Series> series;
    for (const QString &name : shown)
        series.append(Series{name, {}, totals.value(name)});
    if (other) {
        double rest = 0;
        for (const QString &name : names.mid(shown.size()))
            rest += totals.value(name);
        series.append(Series{tr("other"), {}, rest});
    }
    const qint64 first = buckets.firstKey();
    const qint64 last = buckets.lastKey();
    for (qint64 second = first; second <= last; ++second) {
        const Buckets here = buckets.value(second);
        double rest = 0;
        for (auto it = here.begin(); it != here.end(); ++it) {
            if (!shown.contains(it.key()))
                rest += amount(it.value());
        }
        for (int i = 0; i < series.size(); ++i) {
            const double y = other && i == series.size() - 1 ? rest : amount(here.value(series.at(i).name));
            series[i].points.append(QPointF(double(second * 1000), y));
        }
    }
    return series;
}

TrafficStats::Histogram TrafficStats::rttHistogram() const
{
    return Histogram{rttBounds(), m_rttCounts, m_rttTotal};
}

QStringList TrafficStats::channels() const
{
    QStringList names;
    for (const Buckets &second : m_byChannel) {
        for (auto it = second.begin(); it != second.end(); ++it) {
            if (!names.contains(it.key()))
                names.append(it.key());
        }
    }
    names.sort();
    return names;
}

void TrafficStats::setField(const QString &channel, const QString &path)
{
    m_fieldChannel = channel;
    m_fieldPath = path;
    recount();
}

QJsonObject TrafficStats::publicationData(const QByteArray &messageJson)
{
    const QJsonObject push = QJsonDocument::fromJson(messageJson).object().value(QLatin1String("push")).toObject();
    return push.value(QLatin1String("pub")).toObject().value(QLatin1String("data")).toObject();
}

bool TrafficStats::numberAt(const QJsonObject &data, const QString &path, double *value)
{
    if (path.isEmpty())
        return false;
    QJsonValue v = data;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (v.isObject()) {
            v = v.toObject().value(part);
        } else if (v.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            if (!ok)
                return false;
            v = v.toArray().at(index);
        } else {
            return false;
        }
    }
    if (v.isDouble()) {
        *value = v.toDouble();
        return true;
    }
    bool ok = false;
    const double parsed = v.toString().toDouble(&ok);
    if (ok && v.isString())
        *value = parsed;
    return ok && v.isString();
}

QStringList TrafficStats::numericPaths(const QJsonObject &data)
{
    QStringList paths;
    collectPaths(data, QString(), &paths);
    return paths;
}
