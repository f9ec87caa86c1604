#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTimer;
class TrafficStats;

// The charts of a timeline (Qt Charts), drawn from a TrafficStats: messages or bytes per second by kind or by
// channel, the histogram of command round trips, and a numeric field of a channel's publications over time. The
// source (a session or the combined timeline) is chosen by the window; the view redraws at most once a second
// while it is visible.
class TrafficChartView : public QWidget
{
    Q_OBJECT

public:
    explicit TrafficChartView(TrafficStats *stats, QWidget *parent = nullptr);

    TrafficStats *stats() const { return m_stats; }
    QComboBox *sourceBox() const { return m_source; }
    QTabWidget *tabs() const { return m_tabs; }
    QChart *rateChart() const { return m_rateChart; }
    QChart *rttChart() const { return m_rttChart; }
    QChart *fieldChart() const { return m_fieldChart; }
    // Plots a field ("price") of a channel's publications.
    void plotField(const QString &channel, const QString &path);

public slots:
    void redraw();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void scheduleRedraw();
    void drawRates();
    void drawRtt();
    void drawField();
    void suggestFields();

    TrafficStats *m_stats;
    QComboBox *m_source;
    QLabel *m_sourceLabel;
    QComboBox *m_group;
    QComboBox *m_measure;
    QTabWidget *m_tabs;
    QChart *m_rateChart;
    QChart *m_rttChart;
    QChart *m_fieldChart;
    QChartView *m_rateView;
    QChartView *m_rttView;
    QChartView *m_fieldView;
    QComboBox *m_fieldChannel;
    QComboBox *m_fieldPath;
    QLabel *m_fieldNote;
    QTimer *m_redrawTimer;
};
