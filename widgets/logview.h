#pragma once

#include "logentry.h"

#include <QWidget>

class LogModel;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

// The log pane: the LogModel's entries with a level selector (trace ... error), the count of entries dropped by
// the log's cap, Clear and Save. Follows new entries while scrolled to the bottom.
class LogView : public QWidget
{
    Q_OBJECT

public:
    explicit LogView(LogModel *model, QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The selected entry's whole message (shown wrapped under the table), empty without a selection.
    QString entryText() const;
    void setLevel(LogEntry::Level level);
    LogEntry::Level level() const;

    // Writes the shown entries to a file; returns false and sets *error when that fails.
    bool saveTo(const QString &path, QString *error) const;

public slots:
    // Asks for a file name and saves.
    void save();

signals:
    void levelChanged(LogEntry::Level level);
    // Saved to a file (for the status bar).
    void saved(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateDropped();

    LogModel *m_model;
    QComboBox *m_level = nullptr;
    QLabel *m_dropped = nullptr;
    QLabel *m_levelLabel = nullptr;
    QLabel *m_entry = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_save = nullptr;
    QTableView *m_view = nullptr;
    bool m_follow = true;
};
