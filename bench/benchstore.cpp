// Benchmarks 2, 3 and 6b over the timeline's storage (models/, by the timeline engineer):
//
//   bench_store store N RECORD_OUT   2 (memory): RSS after N stored frames of ~150 bytes in a TimelineModel.
//                                    3 (filter): TimelineFilterModel kind, channel and text filters over them, and
//                                      QSortFilterProxyModel::setFilterFixedString on the same model.
//                                    Then writes the frames as a recording (FrameRecord) to RECORD_OUT for 6b.
//   bench_store reopen RECORD        6b: opens the recording with TimelineImporter into a TimelineModel shown in a
//                                      TimelineWidget: time to the first painted rows and to fully loaded.
//
// Each prints one JSON object on stdout. Run offscreen (QT_QPA_PLATFORM=offscreen) or under Xvfb.
#include "fastclassifier.h"
#include "framerecord.h"
#include "jsoncodec.h"
#include "timelinefiltermodel.h"
#include "timelineimporter.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>
#include <cstdio>

namespace {

qint64 rssBytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

void printJson(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// Frame i of the synthetic flood: ~150-byte publications on 100 channels, with an error reply every 1000th frame,
// a command going out every 500th, and the word "needle" in every 997th (for the text search).
Frame makeFrame(qint64 i, qint64 t0)
{
    Frame f;
    f.timeMs = t0 + i / 50;
    if (i % 500 == 499) {
        f.direction = Protocol::Direction::Out;
        f.raw = QByteArrayLiteral("{\"id\":") + QByteArray::number(i) +
                QByteArrayLiteral(",\"publish\":{\"channel\":\"chan:1\",\"data\":{\"text\":\"hello\"}}}");
        f.messages = JsonCodec().decodeClientFrame(f.raw);
        return f;
    }
    if (i % 1000 == 998) {
        f.raw = QByteArrayLiteral("{\"id\":") + QByteArray::number(i) +
                QByteArrayLiteral(",\"error\":{\"code\":103,\"message\":\"permission denied\"}}");
    } else {
        QByteArray text = i % 997 == 0 ? QByteArrayLiteral("a needle in the haystack") : QByteArrayLiteral("payload");
        f.raw = QByteArrayLiteral("{\"push\":{\"channel\":\"chan:") + QByteArray::number(i % 100) +
                QByteArrayLiteral("\",\"pub\":{\"data\":{\"seq\":") + QByteArray::number(i) +
                QByteArrayLiteral(",\"user\":\"u") + QByteArray::number(i % 1000) +
                QByteArrayLiteral("\",\"text\":\"") + text + QByteArrayLiteral("\"},\"offset\":") +
                QByteArray::number(i + 1) + QByteArrayLiteral("}}}");
        if (f.raw.size() < 150)
            f.raw.insert(f.raw.indexOf("\"},\"offset\""), QByteArray(150 - f.raw.size(), 'x'));
    }
    f.messages = JsonCodec().decodeServerFrame(f.raw);
    return f;
}

// Median of `runs` timings of measured(), each after an untimed prepare().
template <typename Prepare, typename Measured> double medianMs(int runs, Prepare &&prepare, Measured &&measured)
{
    QList<double> ms;
    for (int r = 0; r < runs; ++r) {
        prepare();
        QElapsedTimer t;
        t.start();
        measured();
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

int runStore(qint64 n, const QString &recordOut)
{
    const qint64 rssBefore = rssBytes();
    TimelineModel model;
    const qint64 t0 = 1767225600000; // 2026-01-01
    qint64 rawBytes = 0;
    QElapsedTimer fill;
    fill.start();
    for (qint64 i = 0; i < n; ++i) {
        const Frame f = makeFrame(i, t0);
        rawBytes += f.raw.size();
        model.appendFrame(f);
        if (i % 10000 == 9999)
            model.flush(); // the batch timer would do this in the event loop
    }
    model.flush();
    const double fillMs = double(fill.nsecsElapsed()) / 1e6;
    const qint64 rssAfter = rssBytes();

    QJsonObject out{{QStringLiteral("benchmark"), QStringLiteral("store")},
                    {QStringLiteral("frames"), n},
                    {QStringLiteral("rows"), model.rowCount()},
                    {QStringLiteral("avg_frame_bytes"), double(rawBytes) / double(n)},
                    {QStringLiteral("fill_ms"), fillMs},
                    {QStringLiteral("rss_before_mb"), double(rssBefore) / 1048576.0},
                    {QStringLiteral("rss_after_mb"), double(rssAfter) / 1048576.0},
                    {QStringLiteral("rss_delta_mb"), double(rssAfter - rssBefore) / 1048576.0},
                    {QStringLiteral("store_arena_mb"), double(model.store().byteSize()) / 1048576.0}};

    TimelineFilterModel filter(&model);
    auto timeFilter = [&](const char *name, const TimelineFilter &f) {
        const double ms = medianMs(
            3, [&] { filter.setFilter(TimelineFilter()); }, [&] { filter.setFilter(f); });
        out.insert(QStringLiteral("filter_%1_ms").arg(QLatin1String(name)), ms);
        out.insert(QStringLiteral("filter_%1_rows").arg(QLatin1String(name)), filter.rowCount());
    };
    TimelineFilter kind;
    kind.kinds = TimelineFilter::kindBit(Protocol::MessageKind::Error);
    timeFilter("kind", kind);
    TimelineFilter channel;
    channel.channel = QStringLiteral("chan:42");
    timeFilter("channel", channel);
    TimelineFilter text;
    text.text = QStringLiteral("needle");
    timeFilter("text", text);

    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(TimelineModel::ChannelColumn);
    const double qsfpmMs = medianMs(
        3,
        [&] {
            proxy.setFilterFixedString(QString());
            proxy.rowCount();
        },
        [&] {
            proxy.setFilterFixedString(QStringLiteral("chan:42"));
            proxy.rowCount();
        });
    out.insert(QStringLiteral("qsfpm_fixed_string_ms"), qsfpmMs);
    out.insert(QStringLiteral("qsfpm_rows"), proxy.rowCount());
    out.insert(QStringLiteral("qsfpm_column"), QStringLiteral("channel"));

    if (!recordOut.isEmpty()) {
        QFile file(recordOut);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(recordOut));
            return 1;
        }
        QByteArray buffer;
        for (qint64 i = 0; i < n; ++i) {
            Frame f = makeFrame(i, t0);
            FrameRecord::appendJsonLine(f, &buffer, FrameRecord::FrameJson::FromRaw);
            if (buffer.size() > (1 << 20)) {
                file.write(buffer);
                buffer.truncate(0);
            }
        }
        file.write(buffer);
        out.insert(QStringLiteral("record_mb"), double(file.size()) / 1048576.0);
    }
    printJson(out);
    return 0;
}

// Marks the first paint of the table after rows arrived.
class PaintWatcher : public QObject
{
public:
    using QObject::QObject;
    QElapsedTimer *clock = nullptr;
    TimelineModel *model = nullptr;
    double firstRowsPaintedMs = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && firstRowsPaintedMs < 0 && model->rowCount() > 0)
            firstRowsPaintedMs = double(clock->nsecsElapsed()) / 1e6;
        return QObject::eventFilter(watched, event);
    }
};

int runReopen(const QString &path)
{
    TimelineModel model;
    TimelineWidget widget(&model);
    widget.resize(1400, 900);
    widget.show();
    QApplication::processEvents();

    QElapsedTimer clock;
    PaintWatcher watcher;
    watcher.clock = &clock;
    watcher.model = &model;
    widget.tableView()->viewport()->installEventFilter(&watcher);

    double firstRowsMs = -1;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model, [&] {
        if (firstRowsMs < 0)
            firstRowsMs = double(clock.nsecsElapsed()) / 1e6;
    });
    TimelineImporter importer(&model);
    TimelineImporter::Summary summary;
    double loadedMs = -1;
    QObject::connect(&importer, &TimelineImporter::finished, &importer, [&](const TimelineImporter::Summary &s) {
        summary = s;
        model.flush();
        loadedMs = double(clock.nsecsElapsed()) / 1e6;
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    });
    clock.start();
    if (!importer.start(path)) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(importer.lastError()));
        return 1;
    }
    QApplication::exec();
    // Let the last batch paint.
    QApplication::processEvents();
    printJson({{QStringLiteral("benchmark"), QStringLiteral("reopen")},
               {QStringLiteral("frames"), summary.frames},
               {QStringLiteral("bad_lines"), summary.badLines},
               {QStringLiteral("rows"), model.rowCount()},
               {QStringLiteral("first_rows_in_model_ms"), firstRowsMs},
               {QStringLiteral("first_rows_painted_ms"), watcher.firstRowsPaintedMs},
               {QStringLiteral("loaded_ms"), loadedMs},
               {QStringLiteral("rss_mb"), double(rssBytes()) / 1048576.0}});
    return summary.ok() ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() >= 3 && args.at(1) == QLatin1String("store"))
        return runStore(args.at(2).toLongLong(), args.value(3));
    if (args.size() >= 3 && args.at(1) == QLatin1String("reopen"))
        return runReopen(args.at(2));
    std::fprintf(stderr, "usage: bench_store store N [RECORD_OUT] | reopen RECORD\n");
    return 2;
}
