#pragma once

#include "scenario.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class ScenarioRunner;

// Runs QA scenarios (docs/scenarios.md) in the window: open a file, run it all or step by step, repeat it N times,
// and see each step passed or failed with the reason and the frames involved. The runner does the work; the panel
// only shows it.
class ScenarioPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioPanel(ScenarioRunner *runner, QWidget *parent = nullptr);

    // Reads a scenario file; false when it is bad (the error, with file, line and step, is shown).
    bool loadFile(const QString &path);
    const Scenario &scenario() const { return m_scenario; }
    // The status line ("Run 1 of 3: 5 passed, 1 failed.").
    QString statusText() const;

public slots:
    void runAll();
    void step();
    void stop();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void chooseFile();
    void startRun(bool stepByStep);
    void fillSteps();
    void onStepStarted(int index);
    void onStepFinished(const ScenarioStepResult &result);
    void onFinished(bool passed);
    void showFrames();
    void updateButtons();
    void setStatus(const QString &text, bool problem);

    ScenarioRunner *m_runner;
    Scenario m_scenario;
    bool m_loaded = false;
    int m_run = 0;
    int m_failedRuns = 0;
    QPushButton *m_open = nullptr;
    QPushButton *m_runAll = nullptr;
    QPushButton *m_step = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QSpinBox *m_repeat = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_file = nullptr;
    QTreeWidget *m_steps = nullptr;
    QPlainTextEdit *m_frames = nullptr;
    QLabel *m_status = nullptr;
};
