#include "combinedtimelineview.h"

#include "combinedtimelinemodel.h"
#include "publicationdiff.h"
#include "secretmasker.h"
#include "trafficstats.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

CombinedTimelineView::CombinedTimelineView(CombinedTimelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_bySource(new QSortFilterProxyModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_source(new QComboBox)
    , m_table(new QTableView)
    , m_follow(new QPushButton)
    , m_showAll(new QPushButton)
    , m_status(new QLabel)
    , m_detail(new QPlainTextEdit)
{
    m_bySource->setSourceModel(model);
    m_bySource->setFilterRole(CombinedTimelineModel::SourceRole);
    m_proxy->setSourceModel(m_bySource);
    m_proxy->setFilterRole(CombinedTimelineModel::PublicationKeyRole);
    m_proxy->setFilterKeyColumn(0);
    m_table->setObjectName(QStringLiteral("combinedTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_follow->setObjectName(QStringLiteral("followPublication"));
    m_showAll->setObjectName(QStringLiteral("showAllRows"));
    m_showAll->setEnabled(false);
    m_status->setObjectName(QStringLiteral("combinedStatus"));
    m_detail->setObjectName(QStringLiteral("combinedDetail"));
    m_detail->setReadOnly(true);

    m_source->setObjectName(QStringLiteral("combinedSource"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_source);
    bar->addWidget(m_follow);
    bar->addWidget(m_showAll);
    bar->addWidget(m_status, 1);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setSizes({300, 100});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_follow, &QPushButton::clicked, this, &CombinedTimelineView::followSelected);
    connect(m_showAll, &QPushButton::clicked, this, &CombinedTimelineView::showAll);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CombinedTimelineView::showDetail);
    connect(m_model, &CombinedTimelineModel::countsChanged, this, [this] {
        // New rows follow the bottom while the table is scrolled there.
        QScrollBar *bar = m_table->verticalScrollBar();
        const bool atBottom = bar->value() >= bar->maximum() - 2;
        updateStatus();
        if (atBottom)
            m_table->scrollToBottom();
    });
    connect(m_table, &QTableView::doubleClicked, this, &CombinedTimelineView::followSelected);
    connect(m_source, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { showSource(m_source->itemData(index).toInt()); });
    // Sources come with new sessions and files, and sessions are renamed.
    connect(m_model, &CombinedTimelineModel::countsChanged, this, &CombinedTimelineView::updateSources);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CombinedTimelineView::updateSources);
    retranslateUi();
    updateSources();
}

bool CombinedTimelineView::followSelected()
{
    const QModelIndex current = m_table->currentIndex();
    const QString key = current.data(CombinedTimelineModel::PublicationKeyRole).toString();
    if (key.isEmpty()) {
        m_status->setText(tr("The selected row is not a publication with an offset: there is nothing to follow."));
        return false;
    }
    follow(key);
    return true;
}

void CombinedTimelineView::follow(const QString &publicationKey)
{
    m_followed = publicationKey;
    m_proxy->setFilterRegularExpression(
        QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(publicationKey) + QLatin1Char('$')));
    m_showAll->setEnabled(!publicationKey.isEmpty());
    updateStatus();
}

void CombinedTimelineView::showAll()
{
    m_followed.clear();
    m_proxy->setFilterRegularExpression(QRegularExpression());
    m_showAll->setEnabled(false);
    updateStatus();
    m_table->scrollTo(m_table->currentIndex());
}

QString CombinedTimelineView::statusText() const
{
    QString text = tr("Rows: %1 | Sources: %2").arg(m_model->rowCount()).arg(m_model->sourceCount());
    if (m_source->currentIndex() > 0)
        text += tr(" | Shown (%1): %2").arg(m_source->currentText()).arg(m_bySource->rowCount());
    if (m_model->droppedCount() > 0)
        text += tr(" | Dropped (oldest): %1").arg(m_model->droppedCount());
    if (!m_followed.isEmpty())
        text += tr(" | Following %1: %2 rows").arg(m_followed).arg(m_proxy->rowCount());
    return text;
}

void CombinedTimelineView::updateStatus()
{
    m_status->setText(statusText());
}

void CombinedTimelineView::showDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const QByteArray raw = current.data(CombinedTimelineModel::RawRole).toByteArray();
    const QJsonDocument doc = QJsonDocument::fromJson(raw);
    const int row = m_bySource->mapToSource(m_proxy->mapToSource(current)).row();
    QString text = m_model->entryAt(row).summary;
    if (!text.isEmpty())
        text += QLatin1String("\n\n");
    text += doc.isNull() ? QString::fromUtf8(raw) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    // A publication: what changed since the one this source got before in the channel.
    const int previous = m_model->previousPublication(row);
    if (previous >= 0) {
        text += QLatin1String("\n") + tr("Changes since the channel's previous publication (%1):")
                                          .arg(m_model->data(m_model->index(previous, 0)).toString());
        text += QLatin1Char('\n') + PublicationDiff::text(TrafficStats::publicationData(m_model->entryAt(previous).raw),
                                                          TrafficStats::publicationData(raw));
    }
    // Connect and subscribe commands carry tokens: the detail never shows them.
    m_detail->setPlainText(SecretMasker::maskJwts(text));
}

void CombinedTimelineView::showSource(int source)
{
    m_bySource->setFilterRegularExpression(
        source < 0 ? QRegularExpression()
                   : QRegularExpression(QLatin1Char('^') + QString::number(source) + QLatin1Char('$')));
    const int index = m_source->findData(source);
    if (index >= 0 && index != m_source->currentIndex())
        m_source->setCurrentIndex(index);
    updateStatus();
}

void CombinedTimelineView::updateSources()
{
    const int shown = m_source->currentIndex() > 0 ? m_source->currentData().toInt() : -1;
    if (m_source->count() == m_model->sourceCount() + 1) {
        bool same = true;
        for (int i = 0; i < m_model->sourceCount() && same; ++i)
            same = m_source->itemText(i + 1) == m_model->sourceName(i);
        if (same)
            return;
    }
    QSignalBlocker block(m_source);
    m_source->clear();
    m_source->addItem(tr("All sources"), -1);
    for (int i = 0; i < m_model->sourceCount(); ++i)
        m_source->addItem(m_model->sourceName(i), i);
    m_source->setCurrentIndex(qMax(0, m_source->findData(shown)));
}

void CombinedTimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CombinedTimelineView::retranslateUi()
{
    m_follow->setText(tr("Follow this publication"));
    m_follow->setToolTip(tr("Show only the rows of the selected publication (same channel and offset) in every "
                            "source: the server's publish reply and each client's push."));
    m_showAll->setText(tr("Show all"));
    m_source->setToolTip(tr("One source only: a session's messages with the server calls made from its panel"));
    if (m_source->count() > 0)
        m_source->setItemText(0, tr("All sources"));
    else
        m_source->addItem(tr("All sources"), -1);
    updateStatus();
}
