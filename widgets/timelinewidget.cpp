#include "timelinewidget.h"

#include "messagedetail.h"
#include "messagedetailview.h"
#include "scenariorecorder.h"
#include "shellcommandline.h"
#include "themecolors.h"
#include "timelinefiltermodel.h"
#include "timelinemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using Protocol::MessageKind;

namespace {

constexpr int kSearchDebounceMs = 250;

struct KindEntry
{
    MessageKind kind;
    const char *label;
};

// Pings and pongs have their own check box in the bar.
const KindEntry kKindEntries[] = {
    {MessageKind::Command, QT_TRANSLATE_NOOP("TimelineWidget", "Commands")},
    {MessageKind::Reply, QT_TRANSLATE_NOOP("TimelineWidget", "Replies")},
    {MessageKind::Error, QT_TRANSLATE_NOOP("TimelineWidget", "Errors")},
    {MessageKind::Push, QT_TRANSLATE_NOOP("TimelineWidget", "Pushes")},
    {MessageKind::Disconnect, QT_TRANSLATE_NOOP("TimelineWidget", "Disconnects")},
    {MessageKind::Invalid, QT_TRANSLATE_NOOP("TimelineWidget", "Invalid")},
    {MessageKind(TimelineFilter::kServerCallKind), QT_TRANSLATE_NOOP("TimelineWidget", "Server calls")},
};

} // namespace

TimelineWidget::TimelineWidget(TimelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new TimelineFilterModel(model, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    buildFilterBar();
    buildTable();
    m_detail = new MessageDetailView(this);
    m_detail->setObjectName(QStringLiteral("detailView"));
    // The table over the detail pane of its current row.
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    buildStatusRow(layout);
    buildTransfers();
    connectModels();

    retranslateUi();
    updateChannels();
    updateStatus();
    showDetail();
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("timelineTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows, for "Save selected rows as a scenario".
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setSortingEnabled(false);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &TimelineWidget::showRowMenu);
    // Fixed row heights and column widths: nothing is measured per row, whatever the row count.
    QHeaderView *vh = m_table->verticalHeader();
    vh->setVisible(false);
    vh->setSectionResizeMode(QHeaderView::Fixed);
    vh->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *hh = m_table->horizontalHeader();
    hh->setSectionResizeMode(QHeaderView::Interactive);
    hh->setStretchLastSection(false);
    hh->setHighlightSections(false);
    hh->setSectionResizeMode(TimelineModel::ChannelColumn, QHeaderView::Stretch);
    m_table->setMinimumHeight(120);
}

void TimelineWidget::buildStatusRow(QVBoxLayout *root)
{
    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_followButton = new QToolButton(this);
    m_followButton->setObjectName(QStringLiteral("followButton"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setAutoRaise(true);
    connect(m_followButton, &QToolButton::toggled, this, &TimelineWidget::setFollowing);
    // Why the table stopped following (a selected row, a scroll up, an opened recording), while it does not.
    m_followNote = new QLabel(this);
    m_followNote->setObjectName(QStringLiteral("followNote"));
    m_followNote->setVisible(false);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("transferProgress"));
    m_progress->setMaximumWidth(200);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_cancelTransfer = new QToolButton(this);
    m_cancelTransfer->setObjectName(QStringLiteral("cancelTransferButton"));
    m_cancelTransfer->setVisible(false);
    connect(m_cancelTransfer, &QToolButton::clicked, this, &TimelineWidget::cancelTransfer);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancelTransfer);
    statusRow->addWidget(m_followNote);
    statusRow->addWidget(m_followButton);
    root->addWidget(m_notice);
    root->addLayout(statusRow);

    // The status line is redrawn at most every 100 ms while rows arrive.
    m_statusTimer = new QTimer(this);
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(100);
    connect(m_statusTimer, &QTimer::timeout, this, &TimelineWidget::updateStatus);
}

void TimelineWidget::buildTransfers()
{
    m_importer = new TimelineImporter(m_model, this);
    m_exporter = new TimelineExporter(m_model, this);
    auto onProgress = [this](qint64 done, qint64 total) {
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    };
    connect(m_importer, &TimelineImporter::progress, this, onProgress);
    connect(m_exporter, &TimelineExporter::progress, this, onProgress);
    connect(m_importer, &TimelineImporter::finished, this, [this](const TimelineImporter::Summary &summary) {
        setTransferRunning(false);
        showNotice(summary.text(), !summary.ok() || summary.badLines > 0);
        updateStatus();
        emit importFinished(summary);
    });
    connect(m_exporter, &TimelineExporter::finished, this, [this](const TimelineExporter::Summary &summary) {
        setTransferRunning(false);
        showNotice(summary.text(), !summary.ok() || summary.dropped > 0);
        emit exportFinished(summary);
    });
}

void TimelineWidget::connectModels()
{
    // Rows coming and going keep the status line, the channel list, the following and the detail pane current.
    QScrollBar *bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::rangeChanged, this, &TimelineWidget::onRangeChanged);
    connect(bar, &QScrollBar::valueChanged, this, &TimelineWidget::onScrolled);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) {
        // The oldest rows went: keep the rows the user is reading where they are.
        if (!m_follow && first == 0) {
            QScrollBar *b = m_table->verticalScrollBar();
            b->setValue(b->value() - (last - first + 1));
        }
        scheduleStatus();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &TimelineWidget::scheduleStatus);
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        updateStatus();
        if (m_follow)
            m_table->scrollToBottom();
    });
    connect(m_filter, &TimelineFilterModel::busyChanged, this, &TimelineWidget::scheduleStatus);
    connect(m_filter, &TimelineFilterModel::progress, this, &TimelineWidget::scheduleStatus);
    connect(m_filter, &TimelineFilterModel::searchErrorChanged, this, [this](const QString &error) {
        m_search->setToolTip(error);
        m_search->setStyleSheet(
            error.isEmpty()
                ? QString()
                : QStringLiteral("QLineEdit { color: %1; }").arg(ThemeColors::problemText(palette()).name()));
        updateStatus();
    });
    connect(m_model, &TimelineModel::countsChanged, this, [this] {
        updateChannels();
        scheduleStatus();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateChannels();
        updateStatus();
    });
    connect(m_model, &TimelineModel::pausedChanged, this, [this](bool paused) {
        m_pause->setChecked(paused);
        retranslateUi();
        updateStatus();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TimelineWidget::showDetail);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                // Following would scroll the selected row away while the detail pane still shows it.
                if (current.isValid() && m_follow)
                    stopFollowing(FollowStop::Selected);
            });
    connect(m_filter, &QAbstractItemModel::modelReset, this, &TimelineWidget::showDetail);
}

void TimelineWidget::buildFilterBar()
{
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->setSpacing(6);

    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("directionCombo"));
    m_direction->addItem(QString(), int(TimelineFilter::DirectionFilter::Any));
    m_direction->addItem(QString(), int(TimelineFilter::DirectionFilter::In));
    m_direction->addItem(QString(), int(TimelineFilter::DirectionFilter::Out));
    connect(m_direction, &QComboBox::currentIndexChanged, this, &TimelineWidget::applyFilter);

    m_kindButton = new QToolButton(this);
    m_kindButton->setObjectName(QStringLiteral("kindButton"));
    m_kindButton->setPopupMode(QToolButton::InstantPopup);
    m_kindMenu = new QMenu(m_kindButton);
    m_allKinds = m_kindMenu->addAction(QString());
    QAction *all = m_allKinds;
    connect(all, &QAction::triggered, this, [this] {
        for (QAction *a : m_kindMenu->actions())
            if (a->isCheckable())
                a->setChecked(true);
        applyFilter();
    });
    m_kindMenu->addSeparator();
    for (const KindEntry &e : kKindEntries) {
        QAction *a = m_kindMenu->addAction(QString());
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(int(e.kind));
        connect(a, &QAction::toggled, this, &TimelineWidget::applyFilter);
    }
    m_kindButton->setMenu(m_kindMenu);

    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channelCombo"));
    m_channel->setEditable(true);
    m_channel->setInsertPolicy(QComboBox::NoInsert);
    m_channel->setMinimumContentsLength(14);
    m_channel->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_channel->lineEdit()->setClearButtonEnabled(true);
    m_channel->addItem(QString());

    m_pingPong = new QCheckBox(this);
    m_pingPong->setObjectName(QStringLiteral("pingPongCheck"));
    m_pingPong->setChecked(true);
    connect(m_pingPong, &QCheckBox::toggled, this, &TimelineWidget::applyFilter);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_search->installEventFilter(this);
    m_regex = new QToolButton(this);
    m_regex->setObjectName(QStringLiteral("regexButton"));
    m_regex->setText(QStringLiteral(".*"));
    m_regex->setCheckable(true);
    m_caseSensitive = new QToolButton(this);
    m_caseSensitive->setObjectName(QStringLiteral("caseButton"));
    m_caseSensitive->setText(QStringLiteral("Aa"));
    m_caseSensitive->setCheckable(true);

    m_searchDebounce = new QTimer(this);
    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(kSearchDebounceMs);
    connect(m_searchDebounce, &QTimer::timeout, this, &TimelineWidget::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &TimelineWidget::applySearchNow);
    connect(m_channel, &QComboBox::editTextChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_channel, &QComboBox::activated, this, &TimelineWidget::applySearchNow);
    connect(m_regex, &QToolButton::toggled, this, &TimelineWidget::applyFilter);
    connect(m_caseSensitive, &QToolButton::toggled, this, &TimelineWidget::applyFilter);

    m_pause = new QToolButton(this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    connect(m_pause, &QToolButton::toggled, this, &TimelineWidget::setPaused);
    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    connect(m_clear, &QToolButton::clicked, this, &TimelineWidget::clear);

    bar->addWidget(m_direction);
    bar->addWidget(m_kindButton);
    bar->addWidget(m_channel);
    bar->addWidget(m_pingPong);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_regex);
    bar->addWidget(m_caseSensitive);
    bar->addSpacing(12);
    bar->addWidget(m_pause);
    bar->addWidget(m_clear);
    static_cast<QVBoxLayout *>(layout())->addLayout(bar);
}

int TimelineWidget::currentSourceRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_filter->sourceRow(current.row()) : -1;
}

void TimelineWidget::showDetail()
{
    const int sourceRow = currentSourceRow();
    if (sourceRow < 0) {
        m_detail->clear();
        return;
    }
    SecretMasker masker = m_secretSource ? m_secretSource() : SecretMasker();
    m_detail->show(MessageDetail::forRow(*m_model, sourceRow, m_showSecrets ? nullptr : &masker));
}

void TimelineWidget::retranslateUi()
{
    m_direction->setItemText(0, tr("In and out"));
    m_direction->setItemText(1, tr("In (from server)"));
    m_direction->setItemText(2, tr("Out (sent)"));
    m_direction->setToolTip(tr("Show messages in one direction only"));
    m_direction->setAccessibleName(tr("Direction filter"));
    m_kindButton->setToolTip(tr("Show only some kinds of messages"));
    m_kindButton->setAccessibleName(tr("Kind filter"));
    m_allKinds->setText(tr("All kinds"));
    for (QAction *a : m_kindMenu->actions()) {
        for (const KindEntry &e : kKindEntries) {
            if (a->isCheckable() && a->data().toInt() == int(e.kind))
                a->setText(tr(e.label));
        }
    }
    updateKindButton();
    m_channel->lineEdit()->setPlaceholderText(tr("All channels"));
    m_channel->setToolTip(tr("Channel name, or a pattern with * and ?"));
    m_channel->setAccessibleName(tr("Channel filter"));
    m_pingPong->setText(tr("Pings/pongs"));
    m_pingPong->setToolTip(tr("Show the server's pings and the client's pongs"));
    m_search->setPlaceholderText(tr("Search message bytes"));
    m_search->setAccessibleName(tr("Search"));
    m_regex->setToolTip(tr("Search with a regular expression"));
    m_regex->setAccessibleName(tr("Regular expression"));
    m_caseSensitive->setToolTip(tr("Match case"));
    m_caseSensitive->setAccessibleName(tr("Match case"));
    m_pause->setText(m_pause->isChecked() ? tr("Resume") : tr("Pause"));
    m_pause->setToolTip(tr("Freeze the table. Frames keep being recorded and appear when you resume."));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Remove every message from the timeline"));
    m_table->setAccessibleName(tr("Timeline"));
    m_followButton->setText(tr("Follow"));
    m_followButton->setToolTip(tr("Keep the newest message in view. Selecting a row or scrolling up stops "
                                  "following; Follow or scrolling to the bottom resumes."));
    m_cancelTransfer->setText(tr("Cancel"));
    updateFollowNote();
    updateColumnWidths();
    updateStatus();
}

void TimelineWidget::updateColumnWidths()
{
    // Wide enough for the header in the current language and for typical values.
    QHeaderView *hh = m_table->horizontalHeader();
    const QFontMetrics fm = fontMetrics();
    const QFontMetrics header = hh->fontMetrics();
    const int digit = fm.horizontalAdvance(QLatin1Char('0'));
    const auto fit = [&](int column, int valueWidth) {
        const int title =
            header.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + header.height() + 16;
        hh->resizeSection(column, qMax(valueWidth, title));
    };
    fit(TimelineModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    // Server API rows say so in the Dir column (the model's words).
    fit(TimelineModel::DirectionColumn,
        qMax(digit * 7,
             qMax(fm.horizontalAdvance(tr("\u2193 in")), fm.horizontalAdvance(TimelineModel::tr("\u2192 server API"))) +
                 24));
    fit(TimelineModel::KindColumn, digit * 26);
    fit(TimelineModel::IdColumn, digit * 8);
    fit(TimelineModel::SizeColumn, digit * 8);
    fit(TimelineModel::RttColumn, digit * 10);
}

void TimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showDetail();
    } else if (event->type() == QEvent::PaletteChange) {
        updateStatus();
    }
    QWidget::changeEvent(event);
}

void TimelineWidget::updateKindButton()
{
    int shown = 0;
    int total = 0;
    for (QAction *a : m_kindMenu->actions()) {
        if (!a->isCheckable())
            continue;
        ++total;
        shown += a->isChecked() ? 1 : 0;
    }
    m_kindButton->setText(shown == total ? tr("All kinds") : tr("Kinds: %1 of %2").arg(shown).arg(total));
}

void TimelineWidget::applyFilter()
{
    m_searchDebounce->stop();
    TimelineFilter f;
    f.direction = TimelineFilter::DirectionFilter(m_direction->currentData().toInt());
    quint32 kinds = TimelineFilter::kindBit(MessageKind::Ping) | TimelineFilter::kindBit(MessageKind::Pong);
    for (QAction *a : m_kindMenu->actions())
        if (a->isCheckable() && a->isChecked())
            kinds |= TimelineFilter::kindBit(MessageKind(a->data().toInt()));
    f.kinds = kinds;
    f.showPingPong = m_pingPong->isChecked();
    f.channel = m_channel->currentText().trimmed();
    f.text = m_search->text();
    f.regex = m_regex->isChecked();
    f.caseSensitive = m_caseSensitive->isChecked();
    updateKindButton();
    m_filter->setFilter(f);
}

void TimelineWidget::applySearchNow()
{
    applyFilter();
}

void TimelineWidget::updateChannels()
{
    const QStringList &channels = m_model->channels();
    if (channels.size() == m_knownChannels)
        return;
    const QString current = m_channel->currentText();
    const QSignalBlocker blocker(m_channel);
    if (channels.size() < m_knownChannels) {
        // Cleared: start over, keeping what the user typed.
        m_channel->clear();
        m_channel->addItem(QString());
        m_knownChannels = 1;
    }
    QStringList added = channels.mid(qMax(1, m_knownChannels));
    added.sort();
    for (const QString &c : std::as_const(added)) {
        // Sorted insert; the empty "all channels" item stays first.
        int at = 1;
        while (at < m_channel->count() && m_channel->itemText(at) < c)
            ++at;
        m_channel->insertItem(at, c);
    }
    m_knownChannels = int(channels.size());
    m_channel->setEditText(current);
}

QString TimelineWidget::statusText() const
{
    QString s = tr("Messages: %L1 | Frames: %L2 | Shown: %L3 | Dropped (oldest): %L4")
                    .arg(m_model->storedCount())
                    .arg(m_model->frameCount())
                    .arg(m_filter->rowCount())
                    .arg(m_model->droppedCount());
    if (m_model->isPaused())
        s += tr(" | Paused, waiting: %L1").arg(m_model->pendingCount());
    if (m_filter->isBusy())
        s += tr(" | Searching…");
    if (!m_filter->searchError().isEmpty())
        s += QLatin1String(" | ") + m_filter->searchError();
    return s;
}

void TimelineWidget::scheduleStatus()
{
    if (!m_statusTimer->isActive())
        m_statusTimer->start();
}

void TimelineWidget::updateStatus()
{
    m_statusTimer->stop();
    m_status->setText(statusText());
    const QString style = m_model->droppedCount() > 0
                              ? QStringLiteral("QLabel { color: %1; }").arg(ThemeColors::warningText(palette()).name())
                              : QString();
    // Set only when it changes: setting a style sheet, even the same one, parses it and polishes the label again,
    // ten times a second during a flood.
    if (m_status->styleSheet() != style)
        m_status->setStyleSheet(style);
}

void TimelineWidget::onRangeChanged(int, int max)
{
    if (!m_follow)
        return;
    m_scrollingToBottom = true;
    m_table->verticalScrollBar()->setValue(max);
    m_scrollingToBottom = false;
}

void TimelineWidget::onScrolled(int value)
{
    // While a recording is read in, the scroll bar moves with the rows replaced and inserted, not with the user:
    // reaching its end then must not resume following (the file is shown from its start).
    if (m_scrollingToBottom || m_importer->isRunning())
        return;
    const bool atBottom = value >= m_table->verticalScrollBar()->maximum();
    if (atBottom == m_follow)
        return;
    if (atBottom)
        setFollowing(true);
    else
        stopFollowing(FollowStop::ScrolledUp);
}

void TimelineWidget::stopFollowing(FollowStop reason)
{
    m_followStop = reason;
    if (m_follow) {
        m_follow = false;
        const QSignalBlocker blocker(m_followButton);
        m_followButton->setChecked(false);
        emit followingChanged(false);
    }
    updateFollowNote();
}

void TimelineWidget::setFollowing(bool follow)
{
    if (!follow) {
        stopFollowing(FollowStop::Asked);
        return;
    }
    // The newest rows scroll in: a selected row would scroll away from the detail pane showing it.
    if (m_table->selectionModel()->currentIndex().isValid()) {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->selectionModel()->clear();
        showDetail();
    }
    m_scrollingToBottom = true;
    m_table->scrollToBottom();
    m_scrollingToBottom = false;
    if (!m_follow) {
        m_follow = true;
        {
            const QSignalBlocker blocker(m_followButton);
            m_followButton->setChecked(true);
        }
        emit followingChanged(true);
    }
    updateFollowNote();
}

QString TimelineWidget::followNote() const
{
    return m_followNote->isVisible() ? m_followNote->text() : QString();
}

void TimelineWidget::updateFollowNote()
{
    QString text;
    if (!m_follow) {
        switch (m_followStop) {
        case FollowStop::Selected:
            text = tr("Not following: a row is selected.");
            break;
        case FollowStop::ScrolledUp:
            text = tr("Not following: scrolled up.");
            break;
        case FollowStop::Opened:
            text = tr("Not following: showing the file from its start.");
            break;
        case FollowStop::Asked:
            text = tr("Not following.");
            break;
        }
    }
    m_followNote->setText(text);
    m_followNote->setStyleSheet(
        QStringLiteral("QLabel { color: %1; }").arg(ThemeColors::warningText(palette()).name()));
    m_followNote->setVisible(!text.isEmpty());
}

bool TimelineWidget::eventFilter(QObject *watched, QEvent *event)
{
    // Escape in the search field clears the search.
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_search->clear();
        applyFilter();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool TimelineWidget::importFile(const QString &path, bool clearFirst)
{
    m_exporter->cancel();
    if (clearFirst)
        stopFollowing(FollowStop::Opened); // a reopened recording is read from its start
    // Replace clears the timeline only once the file gave frames: a failed or empty import keeps it.
    const auto mode = clearFirst ? TimelineImporter::Mode::Replace : TimelineImporter::Mode::Append;
    if (!m_importer->start(path, TimelineImporter::Format::Auto, mode)) {
        TimelineImporter::Summary failed;
        failed.path = path;
        failed.error = m_importer->lastError();
        showNotice(failed.error, true);
        emit importFinished(failed);
        return false;
    }
    setTransferRunning(true);
    showNotice(tr("Importing %1…").arg(path), false);
    return true;
}

void TimelineWidget::setShowSecrets(bool show)
{
    if (show == m_showSecrets)
        return;
    m_showSecrets = show;
    showDetail();
}

bool TimelineWidget::exportJsonLines(const QString &path, bool onlyShown, bool includeSecrets)
{
    m_exporter->setIncludeSecrets(includeSecrets);
    m_exporter->setSecretMasker(m_secretSource ? m_secretSource() : SecretMasker());
    const bool started = onlyShown ? m_exporter->start(path, m_filter->serials()) : m_exporter->start(path);
    if (!started) {
        TimelineExporter::Summary failed;
        failed.path = path;
        failed.error = m_exporter->lastError();
        showNotice(failed.error, true);
        emit exportFinished(failed);
        return false;
    }
    setTransferRunning(true);
    showNotice(tr("Exporting to %1…").arg(path), false);
    return true;
}

bool TimelineWidget::isTransferRunning() const
{
    return m_importer->isRunning() || m_exporter->isRunning();
}

void TimelineWidget::cancelTransfer()
{
    m_importer->cancel();
    m_exporter->cancel();
}

QString TimelineWidget::noticeText() const
{
    return m_notice->text();
}

void TimelineWidget::showNotice(const QString &text, bool problem)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(
        problem ? QStringLiteral("QLabel { color: %1; }").arg(ThemeColors::warningText(palette()).name()) : QString());
    m_notice->setVisible(!text.isEmpty());
}

void TimelineWidget::setTransferRunning(bool running)
{
    m_progress->setValue(0);
    m_progress->setVisible(running);
    m_cancelTransfer->setVisible(running);
}

void TimelineWidget::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void TimelineWidget::clear()
{
    cancelTransfer(); // clearing during an import or export means stop it
    m_model->clear();
}

void TimelineWidget::setPaused(bool paused)
{
    m_model->setPaused(paused);
}

QString TimelineWidget::commandLineForRow(int sourceRow, bool websocat) const
{
    const QModelIndex index = m_model->index(sourceRow, 0);
    if (!index.isValid() || index.data(TimelineModel::DirectionRole).toInt() != int(Protocol::Direction::Out) ||
        index.data(TimelineModel::BinaryRole).toBool() ||
        index.data(TimelineModel::OriginRole).toInt() != int(Frame::Origin::Wire)) // e.g. a server API call
        return {};
    const SessionOptions options = m_connectionSource ? m_connectionSource() : SessionOptions();
    ShellCommandLine::Input input;
    input.url = options.url;
    input.token = options.token;
    input.headers = options.headers;
    input.commands = {index.data(TimelineModel::RawRole).toByteArray()};
    return ShellCommandLine::build(websocat ? ShellCommandLine::Tool::Websocat : ShellCommandLine::Tool::Wscat, input);
}

void TimelineWidget::showRowMenu(const QPoint &position)
{
    const QModelIndex proxyIndex = m_table->indexAt(position);
    if (!proxyIndex.isValid())
        return;
    const int sourceRow = m_filter->sourceRow(proxyIndex.row());
    QMenu menu(this);
    for (const bool websocat : {false, true}) {
        QAction *a = menu.addAction(websocat ? tr("Copy as websocat command") : tr("Copy as wscat command"));
        const QString line = commandLineForRow(sourceRow, websocat);
        a->setEnabled(!line.isEmpty());
        if (line.isEmpty())
            a->setToolTip(tr("Only commands sent over JSON can be replayed by a generic WebSocket client."));
        connect(a, &QAction::triggered, this, [line] { QGuiApplication::clipboard()->setText(line); });
    }
    menu.addSeparator();
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    menu.addAction(selected ? tr("Save %n selected row(s) as a scenario…", nullptr, selected)
                            : tr("Save shown rows as a scenario (nothing is selected)…"),
                   this, &TimelineWidget::saveScenario);
    menu.addAction(tr("Copy session as scenario"), this, [this] {
        QGuiApplication::clipboard()->setText(QString::fromUtf8(scenarioFromSession()));
        showNotice(tr("Copied the whole session (%n row(s)) as a scenario.", nullptr, m_model->rowCount()), false);
    });
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void TimelineWidget::saveScenario()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save as scenario"), QStringLiteral("scenario.json"),
                                                      tr("Scenarios (*.json)"));
    if (path.isEmpty())
        return;
    bool selectedOnly = false;
    const QByteArray scenario = scenarioFromSelection(&selectedOnly);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(scenario) < 0)
        showNotice(tr("Could not save the scenario to %1: %2").arg(path, file.errorString()), true);
    else if (selectedOnly)
        showNotice(tr("Saved the selected rows as a scenario to %1.").arg(path), false);
    else
        showNotice(tr("Nothing was selected: saved every shown row as a scenario to %1.").arg(path), false);
}

QByteArray TimelineWidget::scenarioFromSelection(bool *selectedOnly) const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << m_filter->sourceRow(index.row());
    std::sort(rows.begin(), rows.end()); // the selection's order is the order of clicks
    if (selectedOnly)
        *selectedOnly = !rows.isEmpty();
    if (rows.isEmpty()) {
        for (int row = 0; row < m_filter->rowCount(); ++row)
            rows << m_filter->sourceRow(row);
    }
    return scenarioFromSourceRows(rows);
}

QByteArray TimelineWidget::scenarioFromSession() const
{
    QList<int> rows;
    for (int row = 0; row < m_model->rowCount(); ++row)
        rows << row;
    return scenarioFromSourceRows(rows);
}

QByteArray TimelineWidget::scenarioFromSourceRows(const QList<int> &sourceRows) const
{
    QList<ScenarioRecorder::Message> messages;
    for (const int row : sourceRows) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(TimelineModel::BinaryRole).toBool())
            continue; // Protobuf bytes: the recorder reads JSON text
        if (index.data(TimelineModel::OriginRole).toInt() != int(Frame::Origin::Wire))
            continue; // server API calls and other rows beside the connection are not its messages
        messages.append({Protocol::Direction(index.data(TimelineModel::DirectionRole).toInt()),
                         index.data(TimelineModel::RawRole).toByteArray()});
    }
    const SessionOptions options = m_connectionSource ? m_connectionSource() : SessionOptions();
    return ScenarioRecorder::build(messages, tr("Recorded scenario"), options.url);
}
