#include "scenariopanel.h"

#include "scenarioparser.h"
#include "scenariorunner.h"
#include "themecolors.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { NumberColumn, StepColumn, ResultColumn, TimeColumn, ReasonColumn, ColumnCount };
constexpr int kFramesRole = Qt::UserRole + 1;

} // namespace

ScenarioPanel::ScenarioPanel(ScenarioRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
{
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("scenarioOpen"));
    m_runAll = new QPushButton(this);
    m_runAll->setObjectName(QStringLiteral("scenarioRun"));
    m_step = new QPushButton(this);
    m_step->setObjectName(QStringLiteral("scenarioStep"));
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("scenarioStop"));
    m_repeatLabel = new QLabel(this);
    m_repeat = new QSpinBox(this);
    m_repeat->setObjectName(QStringLiteral("scenarioRepeat"));
    m_repeat->setRange(1, 10000);
    m_repeatLabel->setBuddy(m_repeat);
    buttons->addWidget(m_open);
    buttons->addWidget(m_runAll);
    buttons->addWidget(m_step);
    buttons->addWidget(m_stop);
    buttons->addStretch();
    layout->addLayout(buttons);

    auto *urlRow = new QHBoxLayout;
    m_urlLabel = new QLabel(this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("scenarioUrl"));
    m_urlLabel->setBuddy(m_url);
    urlRow->addWidget(m_urlLabel);
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_repeatLabel);
    urlRow->addWidget(m_repeat);
    layout->addLayout(urlRow);

    m_file = new QLabel(this);
    m_file->setObjectName(QStringLiteral("scenarioFile"));
    m_file->setWordWrap(true);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_file);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_steps = new QTreeWidget(split);
    m_steps->setObjectName(QStringLiteral("scenarioSteps"));
    m_steps->setColumnCount(ColumnCount);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setAlternatingRowColors(true);
    m_steps->header()->setStretchLastSection(true);
    m_steps->setColumnWidth(StepColumn, 220);
    m_steps->setColumnWidth(ResultColumn, 70);
    m_steps->setColumnWidth(TimeColumn, 70);
    m_frames = new QPlainTextEdit(split);
    m_frames->setObjectName(QStringLiteral("scenarioFrames"));
    m_frames->setReadOnly(true);
    m_frames->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("scenarioStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    setFocusProxy(m_open);
    connect(m_open, &QPushButton::clicked, this, &ScenarioPanel::chooseFile);
    connect(m_runAll, &QPushButton::clicked, this, &ScenarioPanel::runAll);
    connect(m_step, &QPushButton::clicked, this, &ScenarioPanel::step);
    connect(m_stop, &QPushButton::clicked, this, &ScenarioPanel::stop);
    connect(m_steps, &QTreeWidget::currentItemChanged, this, &ScenarioPanel::showFrames);
    connect(m_runner, &ScenarioRunner::stepStarted, this, &ScenarioPanel::onStepStarted);
    connect(m_runner, &ScenarioRunner::stepFinished, this, &ScenarioPanel::onStepFinished);
    connect(m_runner, &ScenarioRunner::finished, this, &ScenarioPanel::onFinished);
    retranslateUi();
    updateButtons();
}

void ScenarioPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ScenarioPanel::retranslateUi()
{
    m_open->setText(tr("&Open…"));
    m_open->setToolTip(tr("Open a scenario file (JSON or YAML, docs/scenarios.md)."));
    m_runAll->setText(tr("&Run all"));
    m_step->setText(tr("S&tep"));
    m_step->setToolTip(tr("Run the next step only."));
    m_stop->setText(tr("Sto&p"));
    m_repeatLabel->setText(tr("Re&peat:"));
    m_repeat->setSuffix(tr(" time(s)"));
    m_urlLabel->setText(tr("Server &URL:"));
    m_url->setPlaceholderText(tr("the scenario's own (defaults.url)"));
    m_steps->setHeaderLabels({tr("#"), tr("Step"), tr("Result"), tr("Time"), tr("Reason")});
    if (!m_loaded)
        m_file->setText(tr("No scenario open. Examples are in examples/scenarios."));
}

void ScenarioPanel::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario"), QString(),
                                                      tr("Scenarios (*.json *.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool ScenarioPanel::loadFile(const QString &path)
{
    if (m_runner->isRunning())
        m_runner->stop();
    ScenarioError error;
    Scenario scenario;
    if (!ScenarioParser::load(path, &scenario, &error)) {
        setStatus(error.toString(), true);
        updateButtons();
        return false;
    }
    m_scenario = scenario;
    m_loaded = true;
    m_file->setText(
        tr("%1 (%2): %n step(s)", nullptr, int(scenario.steps.size())).arg(scenario.name, QFileInfo(path).fileName()));
    m_file->setToolTip(scenario.description);
    fillSteps();
    setStatus(tr("Ready."), false);
    updateButtons();
    return true;
}

void ScenarioPanel::fillSteps()
{
    m_steps->clear();
    for (const ScenarioStep &s : std::as_const(m_scenario.steps)) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(NumberColumn, QString::number(s.index + 1));
        item->setText(StepColumn, s.name);
        item->setToolTip(StepColumn, tr("Line %1").arg(s.line));
    }
    m_steps->resizeColumnToContents(NumberColumn);
    m_frames->clear();
}

void ScenarioPanel::runAll()
{
    if (m_runner->isWaitingForNext()) {
        // From step by step to the rest at once.
        m_runner->setStepByStep(false);
        m_runner->next();
        updateButtons();
        return;
    }
    m_run = 0;
    m_failedRuns = 0;
    startRun(false);
}

void ScenarioPanel::step()
{
    if (m_runner->isWaitingForNext()) {
        m_runner->next();
        return;
    }
    m_run = 0;
    m_failedRuns = 0;
    startRun(true);
    m_runner->next();
}

void ScenarioPanel::stop()
{
    m_run = m_repeat->value(); // no further repeats
    m_runner->stop();
}

void ScenarioPanel::startRun(bool stepByStep)
{
    if (!m_loaded)
        return;
    ++m_run;
    fillSteps();
    Scenario scenario = m_scenario;
    ScenarioSettings overrides;
    overrides.url = m_url->text().trimmed();
    scenario.applyOverrides(overrides);
    m_runner->setStepByStep(stepByStep);
    m_runner->setIteration(m_run);
    m_runner->start(scenario);
    setStatus(tr("Run %1 of %2 …").arg(m_run).arg(m_repeat->value()), false);
    updateButtons();
}

void ScenarioPanel::onStepStarted(int index)
{
    if (QTreeWidgetItem *item = m_steps->topLevelItem(index)) {
        item->setText(ResultColumn, tr("running…"));
        m_steps->scrollToItem(item);
    }
}

void ScenarioPanel::onStepFinished(const ScenarioStepResult &result)
{
    QTreeWidgetItem *item = m_steps->topLevelItem(result.index);
    if (!item)
        return;
    const QPalette &p = palette();
    switch (result.status) {
    case ScenarioStepResult::Status::Passed:
        item->setText(ResultColumn, tr("passed"));
        item->setForeground(ResultColumn, ThemeColors::stateColor(ThemeColors::State::Connected, p));
        break;
    case ScenarioStepResult::Status::Failed:
        item->setText(ResultColumn, tr("FAILED"));
        item->setForeground(ResultColumn, ThemeColors::problemText(p));
        item->setForeground(ReasonColumn, ThemeColors::problemText(p));
        m_steps->setCurrentItem(item);
        break;
    case ScenarioStepResult::Status::Skipped:
        item->setText(ResultColumn, tr("skipped"));
        item->setForeground(ResultColumn, ThemeColors::mutedText(p));
        break;
    }
    item->setText(TimeColumn,
                  result.status == ScenarioStepResult::Status::Skipped ? QString() : tr("%1 ms").arg(result.elapsedMs));
    item->setText(ReasonColumn, result.reason);
    item->setToolTip(ReasonColumn, result.reason);
    item->setData(StepColumn, kFramesRole, result.frames);
    if (m_steps->currentItem() == item)
        showFrames();
    updateButtons();
}

void ScenarioPanel::onFinished(bool passed)
{
    if (!passed)
        ++m_failedRuns;
    const int total = m_repeat->value();
    if (m_run < total) {
        // Queued: the runner is still inside its finished() signal.
        QMetaObject::invokeMethod(
            this, [this] { startRun(false); }, Qt::QueuedConnection);
        return;
    }
    int failed = 0;
    int passedSteps = 0;
    for (const ScenarioStepResult &r : m_runner->results()) {
        failed += r.status == ScenarioStepResult::Status::Failed;
        passedSteps += r.status == ScenarioStepResult::Status::Passed;
    }
    const int runs = qMin(m_run, total);
    setStatus(tr("%1 of %2 run(s) passed. Last run: %3 step(s) passed, %4 failed.")
                  .arg(runs - m_failedRuns)
                  .arg(runs)
                  .arg(passedSteps)
                  .arg(failed),
              m_failedRuns > 0);
    updateButtons();
}

void ScenarioPanel::showFrames()
{
    const QTreeWidgetItem *item = m_steps->currentItem();
    if (!item) {
        m_frames->clear();
        return;
    }
    const QString reason = item->text(ReasonColumn);
    const QStringList frames = item->data(StepColumn, kFramesRole).toStringList();
    m_frames->setPlainText(frames.isEmpty() ? reason : reason + QLatin1String("\n\n") + frames.join(QLatin1Char('\n')));
}

void ScenarioPanel::updateButtons()
{
    const bool running = m_runner->isRunning();
    m_runAll->setEnabled(m_loaded && (!running || m_runner->isWaitingForNext()));
    m_step->setEnabled(m_loaded && (!running || m_runner->isWaitingForNext()));
    m_stop->setEnabled(running);
    m_open->setEnabled(!running);
    m_repeat->setEnabled(!running);
}

void ScenarioPanel::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText,
               problem ? ThemeColors::problemText(palette()) : palette().color(QPalette::WindowText));
    m_status->setPalette(p);
}

QString ScenarioPanel::statusText() const
{
    return m_status->text();
}
