#include "transportprobedialog.h"

#include "transportprobe.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

TransportProbeDialog::TransportProbeDialog(const SessionOptions &options, QWidget *parent)
    : QDialog(parent)
    , m_options(options)
    , m_probe(new TransportProbe(this))
    , m_server(new QLabel)
    , m_table(new QTableWidget(0, 4))
    , m_again(new QPushButton(tr("Probe &again")))
{
    setWindowTitle(tr("Probe transports"));
    setObjectName(QStringLiteral("transportProbeDialog"));
    m_table->setObjectName(QStringLiteral("probeResults"));
    m_table->setHorizontalHeaderLabels({tr("Transport"), tr("Result"), tr("Connect (ms)"), tr("Why")});
    for (int c = 0; c < 3; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_again, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_again, &QPushButton::clicked, this, &TransportProbeDialog::start);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_server);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(900, 360);

    connect(m_probe, &TransportProbe::resultReady, this, [this](const TransportProbe::Result &r) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QString connect = r.connectMs >= 0 ? QString::number(r.connectMs, 'f', 1) : QString();
        if (r.roundTripMs >= 0)
            connect += tr(" (command %1)").arg(r.roundTripMs, 0, 'f', 1);
        const QStringList cells{Transports::name(r.kind), r.ok ? tr("works") : tr("failed"), connect, r.failure};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        m_table->item(row, 3)->setToolTip(r.failure);
        m_table->resizeRowsToContents();
    });
    connect(m_probe, &TransportProbe::finished, this, [this] {
        int working = 0;
        for (const TransportProbe::Result &r : m_probe->results())
            working += r.ok ? 1 : 0;
        m_server->setText(tr("%1: %2 of %3 transports work from here.")
                              .arg(m_options.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString())
                              .arg(working)
                              .arg(m_probe->results().size()));
        m_again->setEnabled(true);
    });
    start();
}

void TransportProbeDialog::start()
{
    m_table->setRowCount(0);
    m_again->setEnabled(false);
    m_server->setText(tr("Trying every transport against %1, one after the other …")
                          .arg(m_options.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString()));
    m_probe->start(m_options);
}
