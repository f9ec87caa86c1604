#include "timelinewidget.h"

#include "explainer.h"
#include "framemasker.h"
#include "jsonhighlighter.h"
#include "jsontext.h"
#include "timelinefiltermodel.h"
#include "timelinemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
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
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using Protocol::MessageKind;

namespace {

constexpr int kSearchDebounceMs = 250;
constexpr int kHexLimit = 256 * 1024;

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
};

QString hexDump(QByteArrayView bytes)
{
    QString out;
    const qsizetype n = qMin<qsizetype>(bytes.size(), kHexLimit);
    out.reserve(int(n / 16 + 1) * 78);
    for (qsizetype line = 0; line < n; line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = 0; i < 16; ++i) {
            if (line + i < n) {
                const uchar c = uchar(bytes.at(line + i));
                out += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(char16_t(c)) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    if (bytes.size() > n)
        out += TimelineWidget::tr("… %L1 more bytes not shown\n").arg(bytes.size() - n);
    return out;
}

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

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

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("timelineTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setSortingEnabled(false);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights and column widths: nothing is measured per row, whatever the row count.
    QHeaderView *vh = m_table->verticalHeader();
    vh->setVisible(false);
    vh->setSectionResizeMode(QHeaderView::Fixed);
    vh->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *hh = m_table->horizontalHeader();
    hh->setSectionResizeMode(QHeaderView::Interactive);
    hh->setStretchLastSection(false);
    hh->setHighlightSections(false);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    hh->resizeSection(TimelineModel::TimeColumn, fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    hh->resizeSection(TimelineModel::DirectionColumn,
                      qMax(digit * 7, fontMetrics().horizontalAdvance(tr("\u2193 in")) + 24));
    hh->resizeSection(TimelineModel::KindColumn, digit * 26);
    hh->setSectionResizeMode(TimelineModel::ChannelColumn, QHeaderView::Stretch);
    hh->resizeSection(TimelineModel::IdColumn, digit * 8);
    hh->resizeSection(TimelineModel::SizeColumn, digit * 8);
    hh->resizeSection(TimelineModel::RttColumn, digit * 10);
    m_table->setMinimumHeight(120);

    buildDetailPane();

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->setSpacing(2);
    detailLayout->addWidget(m_summary);
    detailLayout->addWidget(m_tabs);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_followButton = new QToolButton(this);
    m_followButton->setObjectName(QStringLiteral("followButton"));
    m_followButton->setText(tr("Follow"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setAutoRaise(true);
    m_followButton->setToolTip(
        tr("Keep the newest message in view. Scrolling up stops following; scrolling to the bottom resumes."));
    connect(m_followButton, &QToolButton::toggled, this, &TimelineWidget::setFollowing);
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
    m_cancelTransfer->setText(tr("Cancel"));
    m_cancelTransfer->setVisible(false);
    connect(m_cancelTransfer, &QToolButton::clicked, this, &TimelineWidget::cancelTransfer);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancelTransfer);
    statusRow->addWidget(m_followButton);
    layout->addWidget(m_notice);
    layout->addLayout(statusRow);

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

    m_statusTimer = new QTimer(this);
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(100);
    connect(m_statusTimer, &QTimer::timeout, this, &TimelineWidget::updateStatus);

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
        m_search->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("QLineEdit { color: #c62828; }"));
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
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
        updateStatus();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TimelineWidget::showDetail);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &TimelineWidget::showDetail);

    updateChannels();
    updateStatus();
    showDetail();
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::buildFilterBar()
{
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->setSpacing(6);

    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("directionCombo"));
    m_direction->addItem(tr("In and out"), int(TimelineFilter::DirectionFilter::Any));
    m_direction->addItem(tr("In (from server)"), int(TimelineFilter::DirectionFilter::In));
    m_direction->addItem(tr("Out (sent)"), int(TimelineFilter::DirectionFilter::Out));
    m_direction->setToolTip(tr("Show messages in one direction only"));
    connect(m_direction, &QComboBox::currentIndexChanged, this, &TimelineWidget::applyFilter);

    m_kindButton = new QToolButton(this);
    m_kindButton->setObjectName(QStringLiteral("kindButton"));
    m_kindButton->setPopupMode(QToolButton::InstantPopup);
    m_kindButton->setToolTip(tr("Show only some kinds of messages"));
    m_kindMenu = new QMenu(m_kindButton);
    QAction *all = m_kindMenu->addAction(tr("All kinds"));
    connect(all, &QAction::triggered, this, [this] {
        for (QAction *a : m_kindMenu->actions())
            if (a->isCheckable())
                a->setChecked(true);
        applyFilter();
    });
    m_kindMenu->addSeparator();
    for (const KindEntry &e : kKindEntries) {
        QAction *a = m_kindMenu->addAction(tr(e.label));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(int(e.kind));
        connect(a, &QAction::toggled, this, &TimelineWidget::applyFilter);
    }
    m_kindButton->setMenu(m_kindMenu);
    updateKindButton();

    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channelCombo"));
    m_channel->setEditable(true);
    m_channel->setInsertPolicy(QComboBox::NoInsert);
    m_channel->setMinimumContentsLength(14);
    m_channel->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_channel->lineEdit()->setPlaceholderText(tr("All channels"));
    m_channel->lineEdit()->setClearButtonEnabled(true);
    m_channel->setToolTip(tr("Channel name, or a pattern with * and ?"));
    m_channel->addItem(QString());

    m_pingPong = new QCheckBox(tr("Pings/pongs"), this);
    m_pingPong->setObjectName(QStringLiteral("pingPongCheck"));
    m_pingPong->setChecked(true);
    m_pingPong->setToolTip(tr("Show the server's pings and the client's pongs"));
    connect(m_pingPong, &QCheckBox::toggled, this, &TimelineWidget::applyFilter);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search message bytes"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_search->installEventFilter(this);
    m_regex = new QToolButton(this);
    m_regex->setObjectName(QStringLiteral("regexButton"));
    m_regex->setText(QStringLiteral(".*"));
    m_regex->setCheckable(true);
    m_regex->setToolTip(tr("Search with a regular expression"));
    m_caseSensitive = new QToolButton(this);
    m_caseSensitive->setObjectName(QStringLiteral("caseButton"));
    m_caseSensitive->setText(QStringLiteral("Aa"));
    m_caseSensitive->setCheckable(true);
    m_caseSensitive->setToolTip(tr("Match case"));

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
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze the table. Frames keep being recorded and appear when you resume."));
    connect(m_pause, &QToolButton::toggled, this, &TimelineWidget::setPaused);
    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Remove every message from the timeline"));
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

void TimelineWidget::buildDetailPane()
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto makeText = [this, &mono] {
        auto *edit = new QPlainTextEdit(this);
        edit->setReadOnly(true);
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        return edit;
    };
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setContentsMargins(4, 2, 4, 2);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_pretty = makeText();
    m_pretty->setObjectName(QStringLiteral("prettyView"));
    new JsonHighlighter(m_pretty->document());
    m_raw = makeText();
    m_raw->setObjectName(QStringLiteral("rawView"));
    m_raw->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_hex = makeText();
    m_hex->setObjectName(QStringLiteral("hexView"));
    m_explanation = new QTextBrowser(this);
    m_explanation->setObjectName(QStringLiteral("explanationView"));
    m_explanation->setOpenLinks(false);
    m_tabs->addTab(m_pretty, tr("Pretty JSON"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->addTab(m_hex, tr("Hex"));
    m_tabs->addTab(m_explanation, tr("Explanation"));
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
        m_summary->setText(tr("Select a message to see it decoded and explained."));
        m_summary->setStyleSheet(QString());
        m_pretty->clear();
        m_raw->clear();
        m_hex->clear();
        m_explanation->clear();
        return;
    }
    const FrameStore &store = m_model->store();
    const FrameStore::Row &r = store.row(sourceRow);
    ProtocolMessage m = m_model->messageAt(sourceRow);
    const bool binary = r.flags & FrameStore::Row::Binary;
    const bool close = r.flags & FrameStore::Row::Close;
    const int frameRows = store.frameRowCount(sourceRow);
    QByteArray frameBytes = store.frameBytes(sourceRow).toByteArray();

    const QString sentence = Explainer::describe(m);
    bool masked = false;
    if (!m_showSecrets) {
        // The whole frame's command tokens count: connect and subscribe often travel in one frame.
        const Frame frame = frameRows > 1 ? m_model->frameAt(sourceRow) : Frame();
        SecretMasker masker = m_secretSource ? m_secretSource() : SecretMasker();
        FrameMasker::learnTokens(frame, &masker);
        const ProtocolMessage shown = FrameMasker::masked(m, binary, masker);
        masked = !shown.raw.isSharedWith(m.raw) || shown.text != m.text;
        m = shown;
        if (frameRows > 1 && !binary) {
            const QByteArray bytes = masker.mask(frameBytes);
            masked = masked || bytes != frameBytes;
            frameBytes = bytes;
        }
    }
    m_summary->setText(masked ? sentence + QLatin1Char(' ') +
                                    tr("Secrets in it are masked; View ▸ Show secrets shows them.")
                              : sentence);
    const bool bad = m.kind == MessageKind::Error || m.kind == MessageKind::Invalid ||
                     (m.kind == MessageKind::Disconnect && m.code != 1000);
    m_summary->setStyleSheet(bad ? QStringLiteral("QLabel { color: #c62828; }") : QString());

    // Pretty JSON: the bytes re-indented in their own key order; Protobuf messages as converted JSON.
    QString pretty;
    if (close) {
        pretty = QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("code"), m.code}, {QStringLiteral("reason"), m.text}})
                .toJson(QJsonDocument::Indented));
    } else if (!binary && JsonText::isValid(m.raw)) {
        pretty = QString::fromUtf8(JsonText::indent(m.raw, 2));
    } else if (!m.json().isEmpty() || m.kind == MessageKind::Ping || m.kind == MessageKind::Pong) {
        pretty = QString::fromUtf8(QJsonDocument(m.json()).toJson(QJsonDocument::Indented));
    } else {
        pretty = tr("Not JSON: %1").arg(m.text);
    }
    m_pretty->setPlainText(pretty);

    QString raw;
    if (binary)
        raw = tr("Binary (Protobuf) message, size in bytes: %L1. The Hex tab shows its bytes.").arg(m.raw.size());
    else
        raw = QString::fromUtf8(m.raw);
    if (frameRows > 1 && !binary)
        raw += QLatin1String("\n\n") +
               tr("Whole frame (messages: %1, bytes: %L2):").arg(frameRows).arg(frameBytes.size()) + QLatin1Char('\n') +
               QString::fromUtf8(frameBytes);
    m_raw->setPlainText(raw);
    m_hex->setPlainText(hexDump(m.raw));

    QString html = QStringLiteral("<p><b>%1</b></p>").arg(sentence.toHtmlEscaped());
    CodeExplanation code;
    bool hasCode = false;
    if (m.kind == MessageKind::Error) {
        code = Explainer::error(m.code);
        hasCode = true;
    } else if (m.kind == MessageKind::Disconnect ||
               (m.kind == MessageKind::Push && m.push == Protocol::PushType::Disconnect)) {
        code = Explainer::disconnect(m.code);
        hasCode = true;
    } else if (m.kind == MessageKind::Push && m.push == Protocol::PushType::Unsubscribe) {
        code = Explainer::unsubscribe(m.code);
        hasCode = true;
    }
    // describe() usually includes the code's meaning already; add it only when it does not.
    if (hasCode && !sentence.contains(code.meaning)) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Code %1 (%2): %3")
                             .arg(code.code)
                             .arg(code.known ? code.name : tr("not a documented code"), code.meaning)
                             .toHtmlEscaped());
        const QString advice = code.adviceText();
        if (!advice.isEmpty() && !sentence.contains(advice))
            html += QStringLiteral("<p><i>%1</i></p>").arg(advice.toHtmlEscaped());
    }
    if (m.kind == MessageKind::Invalid && !m.text.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("Decoder: %1").arg(m.text).toHtmlEscaped());

    html += QStringLiteral("<table>");
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(r.timeMs);
    html += row(tr("Time"), time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t")));
    html += row(tr("Direction"),
                r.flags & FrameStore::Row::Out ? tr("out: sent by this client") : tr("in: from the server"));
    html += row(tr("Kind"), m.kindName());
    if (!m.channel.isEmpty())
        html += row(tr("Channel"), m.channel);
    if (m.id)
        html += row(tr("ID"), QString::number(m.id));
    if (m.rttMs >= 0)
        html += row(tr("Round trip"), tr("%1 ms").arg(QLocale().toString(m.rttMs, 'f', 2)));
    html += row(tr("Encoding"), close ? tr("WebSocket close frame")
                                      : (binary ? tr("Protobuf (binary frame)") : tr("JSON (text frame)")));
    html += row(tr("Size (bytes)"), QLocale().toString(m.raw.size()));
    if (frameRows > 1)
        html += row(tr("Frame"), tr("message %1 of %2, frame size in bytes: %L3")
                                     .arg(sourceRow - store.frameFirstRow(sourceRow) + 1)
                                     .arg(frameRows)
                                     .arg(frameBytes.size()));
    html += QStringLiteral("</table>");
    m_explanation->setHtml(html);
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
    const QStringList &channels = m_model->store().channels();
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
                    .arg(m_model->store().count())
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
    m_status->setStyleSheet(m_model->droppedCount() > 0 ? QStringLiteral("QLabel { color: #b35c00; }") : QString());
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
    if (m_scrollingToBottom)
        return;
    const bool atBottom = value >= m_table->verticalScrollBar()->maximum();
    if (atBottom != m_follow) {
        m_follow = atBottom;
        const QSignalBlocker blocker(m_followButton);
        m_followButton->setChecked(atBottom);
        emit followingChanged(atBottom);
    }
}

void TimelineWidget::setFollowing(bool follow)
{
    if (follow) {
        m_scrollingToBottom = true;
        m_table->scrollToBottom();
        m_scrollingToBottom = false;
    }
    if (follow == m_follow)
        return;
    m_follow = follow;
    {
        const QSignalBlocker blocker(m_followButton);
        m_followButton->setChecked(follow);
    }
    emit followingChanged(follow);
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
        setFollowing(false); // a reopened recording is read from its start
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
    m_notice->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b35c00; }") : QString());
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
