#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
struct MessageDetail;

// The timeline's detail pane: a summary sentence over the tabs Pretty JSON, Raw, Hex and Explanation. It lays out a
// MessageDetail (made by the model side) and decides nothing itself.
class MessageDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit MessageDetailView(QWidget *parent = nullptr);

    void show(const MessageDetail &detail);
    void clear();

    QTabWidget *tabs() const { return m_tabs; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateSummaryColour();

    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_pretty = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QPlainTextEdit *m_hex = nullptr;
    QTextBrowser *m_explanation = nullptr;
    bool m_empty = true;
    bool m_problem = false;
};
