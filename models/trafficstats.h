#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <limits>

class QAbstractItemModel;

// The numbers behind the charts, computed from a timeline's rows (a session's TimelineModel, live or imported, or
// the CombinedTimelineModel): messages and bytes per second by kind or by channel, a histogram of command round
// trips, and one numeric JSON field of a channel's publications over time. Widgets only draw them.
//
// The stats follow the model: rows inserted are counted once, a reset counts the model again, rows dropped by the
// model's cap stay counted (the rates are the history of the traffic, not of the rows kept). Per-second buckets
// older than kMaxSeconds before the newest one are dropped (the charts show the last hour at most).
class TrafficStats : public QObject
{
    Q_OBJECT

public:
    // The model roles the stats read; any role may be -1 when the model has no such value.
    struct Roles
    {
        int time = -1;    // qint64 ms since the epoch
        int kind = -1;    // QString, "push_pub"
        int channel = -1; // QString
        int size = -1;    // int bytes
        int rtt = -1;     // double ms, invalid when none
        int raw = -1;     // QByteArray: the message's JSON (for the field series)
    };
    enum class GroupBy { Kind, Channel };
    enum class Measure { Messages, Bytes };

    struct Series
    {
        QString name;
        QList<QPointF> points; // x: ms since the epoch (start of the second), y: per second
        double total = 0;
    };
    struct Histogram
    {
        QList<double> upperBoundsMs; // bucket i holds round trips <= upperBoundsMs[i] (and > the one before)
        QList<qint64> counts;        // one more than upperBoundsMs: the last counts the slower ones
        qint64 total = 0;
    };

    static constexpr int kMaxSeconds = 3600;
    static constexpr int kMaxFieldPoints = 20000;

    explicit TrafficStats(QObject *parent = nullptr);

    // Follows a model's rows (nullptr: none); counts the rows it has now.
    void setModel(QAbstractItemModel *model, const Roles &roles);
    QAbstractItemModel *model() const { return m_model; }

    // One message: what the model's rows give. Public so that tests and importers can feed it directly.
    void addMessage(qint64 timeMs, const QString &kind, const QString &channel, qint64 bytes, double rttMs,
                    const QByteArray &raw = QByteArray());
    void clear();

    // One series per kind or channel (the busiest maxSeries; the rest summed as "other"), points for every
    // second between the first and the last message (0 where nothing happened). The second that holds nowMs is
    // left out: it is not over yet, and its count would show as a drop.
    QList<Series> rates(GroupBy group, Measure measure, int maxSeries = 6,
                        qint64 nowMs = std::numeric_limits<qint64>::max()) const;
    Histogram rttHistogram() const;
    qint64 messageCount() const { return m_messages; }
    QStringList channels() const;

    // The field plotted: a dotted path into the publication's data ("price", "sensor.temp", "items.0.n") of a
    // channel's publications; setting it counts the model's rows again for it.
    void setField(const QString &channel, const QString &path);
    QString fieldChannel() const { return m_fieldChannel; }
    QString fieldPath() const { return m_fieldPath; }
    // (time, value) of the publications whose field is a number, oldest first (at most kMaxFieldPoints).
    const QList<QPointF> &fieldSeries() const { return m_field; }
    // The numeric paths of the first publication seen in the channel (choices for the field).
    QStringList numericPathsOf(const QString &channel) const { return m_paths.value(channel); }

    // The publication's data of a push_pub message's JSON; an empty object when there is none.
    static QJsonObject publicationData(const QByteArray &messageJson);
    // The number at a dotted path; false when the path does not lead to a number (or a numeric string).
    static bool numberAt(const QJsonObject &data, const QString &path, double *value);
    // Every dotted path to a number in data (for the field chooser), depth-first, at most 50.
    static QStringList numericPaths(const QJsonObject &data);

signals:
    // New messages were counted (at most once per batch of rows).
    void changed();

private:
    struct Bucket
    {
        qint64 messages = 0;
        qint64 bytes = 0;
    };
    using Buckets = QHash<QString, Bucket>;

    void addRows(int first, int last);
    void recount();
    void trim();

    QPointer<QAbstractItemModel> m_model;
    Roles m_roles;
    QMap<qint64, Buckets> m_byKind;    // second since the epoch -> kind -> counts
    QMap<qint64, Buckets> m_byChannel; // second since the epoch -> channel -> counts
    QList<qint64> m_rttCounts;
    qint64 m_rttTotal = 0;
    qint64 m_messages = 0;
    QString m_fieldChannel;
    QString m_fieldPath;
    QList<QPointF> m_field;
    QHash<QString, QStringList> m_paths;
};
