#include "trafficchartview.h"

#include "trafficstats.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {

QChartView *makeView(QChart *chart)
{
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(200, 160);
    return view;
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A time axis over [first, last] ms with a format that fits the span.
QDateTimeAxis *timeAxis(double first, double last)
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(last - first > 86400000.0 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm:ss"));
    axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(first)),
                   QDateTime::fromMSecsSinceEpoch(qint64(qMax(last, first + 1000))));
    axis->setTickCount(5);
    return axis;
}

} // namespace

TrafficChartView::TrafficChartView(TrafficStats *stats, QWidget *parent)
    : QWidget(parent)
    , m_stats(stats)
    , m_source(new QComboBox)
    , m_sourceLabel(new QLabel)
    , m_group(new QComboBox)
    , m_measure(new QComboBox)
    , m_tabs(new QTabWidget)
    , m_rateChart(new QChart)
    , m_rttChart(new QChart)
    , m_fieldChart(new QChart)
    , m_rateView(makeView(m_rateChart))
    , m_rttView(makeView(m_rttChart))
    , m_fieldView(makeView(m_fieldChart))
    , m_fieldChannel(new QComboBox)
    , m_fieldPath(new QComboBox)
    , m_fieldNote(new QLabel)
    , m_redrawTimer(new QTimer(this))
{
    m_source->setObjectName(QStringLiteral("chartSource"));
    m_group->setObjectName(QStringLiteral("chartGroup"));
    m_measure->setObjectName(QStringLiteral("chartMeasure"));
    m_tabs->setObjectName(QStringLiteral("chartTabs"));
    m_fieldChannel->setObjectName(QStringLiteral("fieldChannel"));
    m_fieldPath->setObjectName(QStringLiteral("fieldPath"));
    m_fieldPath->setEditable(true);
    m_fieldChannel->setMinimumContentsLength(8);
    m_fieldPath->setMinimumContentsLength(8);
    m_source->setMinimumContentsLength(8);
    m_group->addItems({QString(), QString()});
    m_measure->addItems({QString(), QString()});

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_sourceLabel);
    bar->addWidget(m_source, 1);
    bar->addWidget(m_measure);
    bar->addWidget(m_group);

    auto *fieldPage = new QWidget;
    auto *fieldBar = new QHBoxLayout;
    fieldBar->addWidget(m_fieldChannel, 1);
    fieldBar->addWidget(m_fieldPath, 1);
    auto *fieldLayout = new QVBoxLayout(fieldPage);
    fieldLayout->setContentsMargins(0, 0, 0, 0);
    fieldLayout->addLayout(fieldBar);
    fieldLayout->addWidget(m_fieldNote);
    fieldLayout->addWidget(m_fieldView, 1);
    m_fieldNote->setWordWrap(true);

    m_tabs->addTab(m_rateView, QString());
    m_tabs->addTab(m_rttView, QString());
    m_tabs->addTab(fieldPage, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    m_redrawTimer->setSingleShot(true);
    m_redrawTimer->setInterval(1000);
    connect(m_redrawTimer, &QTimer::timeout, this, &TrafficChartView::redraw);
    connect(m_stats, &TrafficStats::changed, this, &TrafficChartView::scheduleRedraw);
    connect(m_group, qOverload<int>(&QComboBox::currentIndexChanged), this, &TrafficChartView::redraw);
    connect(m_measure, qOverload<int>(&QComboBox::currentIndexChanged), this, &TrafficChartView::redraw);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TrafficChartView::redraw);
    connect(m_fieldChannel, &QComboBox::textActivated, this, [this](const QString &channel) {
        m_fieldPath->setCurrentText(QString());
        m_stats->setField(channel, QString());
        suggestFields();
    });
    connect(m_fieldPath, &QComboBox::textActivated, this,
            [this](const QString &path) { m_stats->setField(m_fieldChannel->currentText(), path); });
    retranslateUi();
}

void TrafficChartView::plotField(const QString &channel, const QString &path)
{
    m_fieldChannel->setCurrentText(channel);
    m_fieldPath->setCurrentText(path);
    m_stats->setField(channel, path);
    m_tabs->setCurrentIndex(2);
    redraw();
}

void TrafficChartView::scheduleRedraw()
{
    if (isVisible() && !m_redrawTimer->isActive())
        m_redrawTimer->start();
}

void TrafficChartView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    redraw();
}

void TrafficChartView::redraw()
{
    m_redrawTimer->stop();
    switch (m_tabs->currentIndex()) {
    case 0:
        drawRates();
        break;
    case 1:
        drawRtt();
        break;
    default:
        drawField();
        break;
    }
}

void TrafficChartView::drawRates()
{
    const auto group = m_group->currentIndex() == 1 ? TrafficStats::GroupBy::Channel : TrafficStats::GroupBy::Kind;
    const auto measure =
        m_measure->currentIndex() == 1 ? TrafficStats::Measure::Bytes : TrafficStats::Measure::Messages;
    const QList<TrafficStats::Series> series = m_stats->rates(group, measure, 6, QDateTime::currentMSecsSinceEpoch());
    clearChart(m_rateChart);
    m_rateChart->setTitle(measure == TrafficStats::Measure::Bytes ? tr("Bytes per second") : tr("Messages per second"));
    if (series.isEmpty())
        return;
    double first = series.constFirst().points.constFirst().x();
    double last = series.constFirst().points.constLast().x();
    double top = 1;
    auto *x = timeAxis(first, last);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    m_rateChart->addAxis(x, Qt::AlignBottom);
    m_rateChart->addAxis(y, Qt::AlignLeft);
    for (const TrafficStats::Series &s : series) {
        auto *line = new QLineSeries;
        line->setName(s.name);
        line->replace(s.points);
        for (const QPointF &p : s.points)
            top = qMax(top, p.y());
        m_rateChart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    y->setRange(0, top * 1.1);
    y->applyNiceNumbers(); // whole ticks: "%.0f" labels of 1.45 and 2.9 would read 1, 2, 2, 3
}

void TrafficChartView::drawRtt()
{
    const TrafficStats::Histogram h = m_stats->rttHistogram();
    clearChart(m_rttChart);
    m_rttChart->setTitle(tr("Command round trips (%1 replies)").arg(h.total));
    auto *set = new QBarSet(tr("Replies"));
    QStringList categories;
    qint64 top = 1;
    for (int i = 0; i < h.counts.size(); ++i) {
        *set << double(h.counts.at(i));
        top = qMax(top, h.counts.at(i));
        categories << (i < h.upperBoundsMs.size() ? QStringLiteral("≤%1").arg(h.upperBoundsMs.at(i))
                                                  : QStringLiteral(">%1").arg(h.upperBoundsMs.constLast()));
    }
    auto *bars = new QBarSeries;
    bars->append(set);
    m_rttChart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("ms"));
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setRange(0, double(top) * 1.1);
    y->applyNiceNumbers();
    m_rttChart->addAxis(x, Qt::AlignBottom);
    m_rttChart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    m_rttChart->legend()->hide();
}

void TrafficChartView::drawField()
{
    const QString current = m_fieldChannel->currentText();
    const QStringList channels = m_stats->channels();
    if (channels != QStringList([this] {
            QStringList items;
            for (int i = 0; i < m_fieldChannel->count(); ++i)
                items << m_fieldChannel->itemText(i);
            return items;
        }())) {
        m_fieldChannel->clear();
        m_fieldChannel->addItems(channels);
        m_fieldChannel->setCurrentText(current);
    }
    clearChart(m_fieldChart);
    const QList<QPointF> &points = m_stats->fieldSeries();
    if (m_stats->fieldPath().isEmpty()) {
        m_fieldNote->setText(tr("Choose a channel and a numeric field of its publications' data (a dotted path "
                                "such as price or sensor.temp)."));
        return;
    }
    m_fieldChart->setTitle(QStringLiteral("%1 \u2014 %2").arg(m_stats->fieldChannel(), m_stats->fieldPath()));
    m_fieldNote->setText(
        points.isEmpty()
            ? tr("No publication of %1 has a number at \"%2\" yet.").arg(m_stats->fieldChannel(), m_stats->fieldPath())
            : tr("%n publication(s) plotted.", nullptr, int(points.size())));
    if (points.isEmpty())
        return;
    auto *line = new QLineSeries;
    line->setName(m_stats->fieldPath());
    line->replace(points);
    double low = points.constFirst().y();
    double high = low;
    for (const QPointF &p : points) {
        low = qMin(low, p.y());
        high = qMax(high, p.y());
    }
    auto *x = timeAxis(points.constFirst().x(), points.constLast().x());
    auto *y = new QValueAxis;
    const double pad = qMax(1e-9, (high - low) * 0.1);
    y->setRange(low - pad, high + pad);
    m_fieldChart->addSeries(line);
    m_fieldChart->addAxis(x, Qt::AlignBottom);
    m_fieldChart->addAxis(y, Qt::AlignLeft);
    line->attachAxis(x);
    line->attachAxis(y);
    m_fieldChart->legend()->hide();
}

void TrafficChartView::suggestFields()
{
    // The numeric paths of the channel's publications, as choices for the field box.
    const QString path = m_fieldPath->currentText();
    m_fieldPath->clear();
    m_fieldPath->addItems(m_stats->numericPathsOf(m_fieldChannel->currentText()));
    m_fieldPath->setCurrentText(path.isEmpty() ? m_fieldPath->itemText(0) : path);
    if (path.isEmpty() && m_fieldPath->count() > 0)
        m_stats->setField(m_fieldChannel->currentText(), m_fieldPath->itemText(0));
}

void TrafficChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TrafficChartView::retranslateUi()
{
    m_sourceLabel->setText(tr("Source:"));
    m_group->setItemText(0, tr("by kind"));
    m_group->setItemText(1, tr("by channel"));
    m_measure->setItemText(0, tr("messages/s"));
    m_measure->setItemText(1, tr("bytes/s"));
    m_tabs->setTabText(0, tr("Rates"));
    m_tabs->setTabText(1, tr("Round trips"));
    m_tabs->setTabText(2, tr("Field over time"));
    m_fieldChannel->setToolTip(tr("The channel whose publications are plotted"));
    m_fieldPath->setToolTip(tr("A numeric field of the publications' data: a dotted path such as price or "
                               "sensor.temp"));
    redraw();
}
