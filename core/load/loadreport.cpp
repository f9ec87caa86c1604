#include "loadreport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>

qint64 LoadReport::percentile(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return -1;
    // Nearest rank: the smallest value with at least p% of the values at or below it.
    const auto rank = size_t(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

QJsonObject LoadReport::toJson() const
{
    std::vector<qint64> sorted = latencyNs;
    std::sort(sorted.begin(), sorted.end());
    auto ms = [&](double p) { return sorted.empty() ? QJsonValue() : QJsonValue(double(percentile(sorted, p)) / 1e6); };
    QJsonObject errorsJson;
    for (auto it = errors.begin(); it != errors.end(); ++it)
        errorsJson.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("format"), format},
        {QStringLiteral("publish_via"), publishVia},
        {QStringLiteral("connections_wanted"), connectionsWanted},
        {QStringLiteral("connections_held"), connectionsHeld},
        {QStringLiteral("channels"), channels},
        {QStringLiteral("duration_s"), durationSec},
        {QStringLiteral("published"), published},
        {QStringLiteral("expected"), expected},
        {QStringLiteral("delivered"), delivered},
        {QStringLiteral("lost"), lost()},
        {QStringLiteral("latency_ms"),
         QJsonObject{{QStringLiteral("p50"), ms(50)},
                     {QStringLiteral("p90"), ms(90)},
                     {QStringLiteral("p99"), ms(99)},
                     {QStringLiteral("max"), sorted.empty() ? QJsonValue() : QJsonValue(double(sorted.back()) / 1e6)}}},
        {QStringLiteral("errors"), errorsJson},
        {QStringLiteral("cpu_s"), cpuSec},
        {QStringLiteral("max_rss_kb"), maxRssKb},
        {QStringLiteral("run_rss_kb"), connectionsRssKb},
        {QStringLiteral("rss_kb_per_connection"), connectionsHeld ? double(connectionsRssKb) / connectionsHeld : 0.0},
        {QStringLiteral("cpu_us_per_delivery"), delivered ? cpuSec * 1e6 / double(delivered) : 0.0},
    };
}

QString LoadReport::text() const
{
    const QJsonObject j = toJson();
    const QJsonObject l = j.value(QLatin1String("latency_ms")).toObject();
    auto num = [](const QJsonValue &v) {
        return v.isNull() ? QStringLiteral("-") : QString::number(v.toDouble(), 'f', 2);
    };
    QString errorsText;
    for (auto it = errors.begin(); it != errors.end(); ++it)
        errorsText += QStringLiteral(" %1: %2;").arg(it.key()).arg(it.value());
    return QCoreApplication::translate("LoadReport",
                                       "Connections held: %1 of %2 (%3, %4 channel(s), %5 s)\n"
                                       "Publications: %6 sent, %7 deliveries expected, %8 delivered, %9 lost\n"
                                       "Latency (ms): p50 %10, p90 %11, p99 %12, max %13\n"
                                       "Errors:%14\n"
                                       "CPU: %15 s; peak memory: %16 MB (%17 KB per connection)\n")
        .arg(connectionsHeld)
        .arg(connectionsWanted)
        .arg(format)
        .arg(channels)
        .arg(durationSec, 0, 'f', 1)
        .arg(published)
        .arg(expected)
        .arg(delivered)
        .arg(lost())
        .arg(num(l.value(QLatin1String("p50"))), num(l.value(QLatin1String("p90"))), num(l.value(QLatin1String("p99"))),
             num(l.value(QLatin1String("max"))))
        .arg(errorsText.isEmpty() ? QCoreApplication::translate("LoadReport", " none") : errorsText)
        .arg(cpuSec, 0, 'f', 2)
        .arg(double(maxRssKb) / 1024.0, 0, 'f', 1)
        .arg(connectionsHeld ? double(connectionsRssKb) / connectionsHeld : 0.0, 0, 'f', 1);
}
