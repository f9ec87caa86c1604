#pragma once

#include <QWidget>

class CombinedTimelineModel;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// The combined timeline: every session's (or recording's) messages and the server calls in one table, with the
// source of each row. The source box shows one source only: a session's frames with the server calls made from its
// panel, in time order. "Follow this publication" keeps only the rows of the selected publication (same channel and
// offset: the server's publish reply and every client's push); "Show all" lifts it.
class CombinedTimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit CombinedTimelineView(CombinedTimelineModel *model, QWidget *parent = nullptr);

    CombinedTimelineModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QComboBox *sourceBox() const { return m_source; }
    // Shows the rows of one source (-1: every source).
    void showSource(int source);
    QTableView *tableView() const { return m_table; }
    // The key followed ("channel#offset"), empty when every row is shown.
    QString followedKey() const { return m_followed; }
    QString statusText() const;

public slots:
    // Follows the publication of the selected row; false when the row has none.
    bool followSelected();
    void follow(const QString &publicationKey);
    void showAll();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateStatus();
    void showDetail();
    void updateSources();

    CombinedTimelineModel *m_model;
    QSortFilterProxyModel *m_bySource;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_source;
    QTableView *m_table;
    QPushButton *m_follow;
    QPushButton *m_showAll;
    QLabel *m_status;
    QPlainTextEdit *m_detail;
    QString m_followed;
};
