#include "logview.h"

#include "logmodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

using Level = LogEntry::Level;

LogView::LogView(LogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(4, 4, 4, 4);
    root->setSpacing(2);
    auto *bar = new QHBoxLayout;
    auto *label = new QLabel;
    m_levelLabel = label;
    m_level = new QComboBox;
    m_level->setObjectName(QStringLiteral("logLevel"));
    for (Level l : {Level::Trace, Level::Debug, Level::Info, Level::Warning, Level::Error})
        m_level->addItem(QString(), int(l));
    m_level->setCurrentIndex(m_level->findData(int(m_model->minimumLevel())));
    label->setBuddy(m_level);
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        const Level l = level();
        m_model->setMinimumLevel(l);
        emit levelChanged(l);
    });
    bar->addWidget(label);
    bar->addWidget(m_level);
    m_dropped = new QLabel;
    m_dropped->setObjectName(QStringLiteral("logDropped"));
    m_dropped->setStyleSheet(QStringLiteral("color: #9a6700"));
    bar->addWidget(m_dropped);
    bar->addStretch();
    m_clear = new QPushButton;
    connect(m_clear, &QPushButton::clicked, m_model, &LogModel::clear);
    m_save = new QPushButton;
    connect(m_save, &QPushButton::clicked, this, &LogView::save);
    bar->addWidget(m_clear);
    bar->addWidget(m_save);
    root->addLayout(bar);

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("logTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(LogModel::TimeColumn,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    m_view->setColumnWidth(LogModel::LevelColumn,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("warning")) + 16);
    m_view->setColumnWidth(LogModel::CategoryColumn,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("inspector.session.trace")) + 16);
    root->addWidget(m_view, 1);
    // The selected entry in full, wrapped: the table cuts long messages to one line.
    m_entry = new QLabel;
    m_entry->setObjectName(QStringLiteral("logEntryText"));
    m_entry->setWordWrap(true);
    m_entry->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_entry->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_entry->hide();
    root->addWidget(m_entry);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString message =
                    current.isValid() ? current.siblingAtColumn(LogModel::MessageColumn).data().toString() : QString();
                m_entry->setText(message);
                m_entry->setVisible(!message.isEmpty());
            });

    // Follow new entries only while the user has not scrolled up to read.
    QScrollBar *scroll = m_view->verticalScrollBar();
    connect(scroll, &QScrollBar::valueChanged, this,
            [this, scroll](int value) { m_follow = value >= scroll->maximum(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
    });
    connect(m_model, &LogModel::droppedCountChanged, this, &LogView::updateDropped);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogView::updateDropped);
    retranslateUi();
}

void LogView::retranslateUi()
{
    m_levelLabel->setText(tr("&Level:"));
    const QString names[] = {tr("trace"), tr("debug"), tr("info"), tr("warning"), tr("error")};
    for (int i = 0; i < m_level->count() && i < 5; ++i)
        m_level->setItemText(i, names[i]);
    m_level->setToolTip(tr("Show entries at this level and above. trace shows every frame and the handshake."));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Remove every log entry from the pane"));
    m_save->setText(tr("Save…"));
    m_save->setToolTip(tr("Save the shown log entries to a text file"));
    m_view->setAccessibleName(tr("Log"));
    updateDropped();
}

void LogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString LogView::entryText() const
{
    return m_entry->isVisible() ? m_entry->text() : QString();
}

void LogView::setLevel(Level level)
{
    m_level->setCurrentIndex(m_level->findData(int(level)));
}

Level LogView::level() const
{
    return Level(m_level->currentData().toInt());
}

void LogView::updateDropped()
{
    const quint64 dropped = m_model->droppedCount();
    m_dropped->setText(dropped ? tr("%1 older entries dropped (cap %2)").arg(dropped).arg(m_model->capacity())
                               : QString());
    m_dropped->setVisible(dropped > 0);
}

bool LogView::saveTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = file.errorString();
        return false;
    }
    m_model->flush();
    if (!m_model->write(&file) || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void LogView::save()
{
    const QString suggested =
        QDir::home().filePath(QStringLiteral("centrifugo-inspector-%1.log")
                                  .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save log"), suggested, tr("Log files (*.log *.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error)) {
        QMessageBox::warning(this, tr("Save log"), tr("Could not save the log to %1: %2").arg(path, error));
        return;
    }
    emit saved(path);
}
