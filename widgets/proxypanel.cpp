#include "proxypanel.h"

#include "proxyserver.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTime>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { IdColumn, PeerColumn, FormatColumn, ClientColumn, StateColumn, FramesColumn, FaultsColumn };

// How often the counters of the list are brought up to date (they change with every frame).
constexpr int kRefreshMs = 500;

} // namespace

ProxyPanel::ProxyPanel(ProxyServer *server, QWidget *parent)
    : QWidget(parent)
    , m_server(server)
{
    m_listen = new QLineEdit(QStringLiteral("127.0.0.1:8001"));
    m_listen->setObjectName(QStringLiteral("proxyListen"));
    m_listen->setToolTip(tr("Address and port the application connects to. Loopback only: anything else would let "
                            "others use the credentials the application sends."));
    m_upstream = new QLineEdit(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
    m_upstream->setObjectName(QStringLiteral("proxyUpstream"));
    m_ignoreCertificates = new QCheckBox(tr("Ignore upstream certificate errors"));
    m_startStop = new QPushButton(tr("Start proxy"));
    m_startStop->setObjectName(QStringLiteral("proxyStartStop"));
    m_status = new QLabel(tr("Stopped. Point your application's SDK at the listen address once it runs."));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Listen on"), m_listen);
    form->addRow(tr("Upstream"), m_upstream);
    form->addRow(m_ignoreCertificates);
    form->addRow(m_startStop);
    form->addRow(m_status);

    m_connections = new QTreeWidget;
    m_connections->setObjectName(QStringLiteral("proxyConnections"));
    m_connections->setRootIsDecorated(false);
    m_connections->setHeaderLabels({tr("#"), tr("Application"), tr("Format"), tr("Client id"), tr("State"),
                                    tr("Frames \u2191/\u2193"), tr("Faults")});
    m_connections->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_closeCode = new QSpinBox;
    m_closeCode->setRange(1000, 4999);
    m_closeCode->setValue(3001);
    m_closeReason = new QLineEdit(QStringLiteral("shutdown"));
    m_closeReason->setToolTip(tr("Close reason"));
    m_close = new QPushButton(tr("Close as the server"));
    m_close->setToolTip(tr("Close the application's connection with this code and reason, as if the server had."));
    m_dropUpstream = new QPushButton(tr("Drop upstream"));
    m_dropUpstream->setToolTip(tr("Drop the connection to the server without a close frame, as a network failure "
                                  "would; the application gets 1011."));
    m_delay = new QSpinBox;
    m_delay->setRange(0, 60000);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setToolTip(tr("Delay of every frame, both ways (0: none)"));
    m_applyDelay = new QPushButton(tr("Delay frames"));
    m_dropChannel = new QLineEdit;
    m_dropChannel->setPlaceholderText(tr("channel"));
    m_dropCount = new QSpinBox;
    m_dropCount->setRange(1, 1000000);
    m_dropCount->setValue(5);
    m_drop = new QPushButton(tr("Drop publications"));
    m_drop->setToolTip(tr("Keep the next N publications of the channel from the application, to see whether it "
                          "notices the gap and recovers."));
    m_holdPings = new QCheckBox(tr("Hold server pings"));
    m_holdPongs = new QCheckBox(tr("Hold app pongs"));
    m_pass = new QPushButton(tr("Pass through"));

    auto *faults = new QGroupBox(tr("Fault injection (selected connection)"));
    auto *grid = new QGridLayout(faults);
    grid->addWidget(new QLabel(tr("Code")), 0, 0);
    grid->addWidget(m_closeCode, 0, 1);
    grid->addWidget(m_closeReason, 0, 2);
    grid->addWidget(m_close, 0, 3);
    grid->addWidget(m_dropChannel, 1, 0, 1, 2);
    grid->addWidget(m_dropCount, 1, 2);
    grid->addWidget(m_drop, 1, 3);
    grid->addWidget(m_delay, 2, 0, 1, 2);
    grid->addWidget(m_applyDelay, 2, 2);
    grid->addWidget(m_dropUpstream, 2, 3);
    grid->addWidget(m_holdPings, 3, 0, 1, 2);
    grid->addWidget(m_holdPongs, 3, 2);
    grid->addWidget(m_pass, 3, 3);
    grid->setColumnStretch(2, 1);

    m_messages = new QPlainTextEdit;
    m_messages->setObjectName(QStringLiteral("proxyMessages"));
    m_messages->setReadOnly(true);
    m_messages->setMaximumBlockCount(2000);
    m_messages->setMaximumHeight(fontMetrics().lineSpacing() * 6);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_connections, 1);
    layout->addWidget(faults);
    layout->addWidget(m_messages);

    m_refresh = new QTimer(this);
    m_refresh->setInterval(kRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &ProxyPanel::refresh);

    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_server->isListening())
            stop();
        else
            start();
    });
    connect(m_server, &ProxyServer::connectionAccepted, this, &ProxyPanel::onAccepted);
    connect(m_server, &ProxyServer::message, this,
            [this](int connection, LogEntry::Level, const QString &text) { addMessage(connection, text); });
    connect(m_connections, &QTreeWidget::itemSelectionChanged, this, &ProxyPanel::updateButtons);

    const auto act = [this](auto apply) {
        return [this, apply] {
            if (ProxyConnection *c = selectedConnection())
                apply(c);
            refresh();
        };
    };
    connect(m_close, &QPushButton::clicked, this,
            act([this](ProxyConnection *c) { c->injectClose(m_closeCode->value(), m_closeReason->text()); }));
    connect(m_dropUpstream, &QPushButton::clicked, this, act([](ProxyConnection *c) { c->dropUpstream(); }));
    connect(m_applyDelay, &QPushButton::clicked, this,
            act([this](ProxyConnection *c) { c->setDelay(m_delay->value()); }));
    connect(m_drop, &QPushButton::clicked, this, act([this](ProxyConnection *c) {
                c->dropPublications(m_dropChannel->text().trimmed(), m_dropCount->value());
            }));
    connect(m_holdPings, &QCheckBox::toggled, this,
            act([this](ProxyConnection *c) { c->setHoldServerPings(m_holdPings->isChecked()); }));
    connect(m_holdPongs, &QCheckBox::toggled, this,
            act([this](ProxyConnection *c) { c->setHoldAppPongs(m_holdPongs->isChecked()); }));
    connect(m_pass, &QPushButton::clicked, this, act([](ProxyConnection *c) { c->passThrough(); }));
    updateButtons();
}

void ProxyPanel::setUpstreamUrl(const QString &url)
{
    m_upstream->setText(url);
}

void ProxyPanel::setListenAddress(const QString &addressAndPort)
{
    m_listen->setText(addressAndPort);
}

bool ProxyPanel::start()
{
    const QString listen = m_listen->text().trimmed();
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    ProxyOptions options;
    options.listenAddress = QHostAddress(listen.left(colon));
    options.port = quint16(port);
    options.upstream.url = QUrl(m_upstream->text().trimmed());
    options.upstream.ignoreCertificateErrors = m_ignoreCertificates->isChecked();
    QString error;
    if (colon < 0 || options.listenAddress.isNull() || !portOk || port > 65535) {
        m_status->setText(tr("The listen address must be ADDRESS:PORT, e.g. 127.0.0.1:8001."));
        return false;
    }
    if (!m_server->listen(options, &error)) {
        m_status->setText(error);
        return false;
    }
    m_status->setText(tr("Listening. Point your application's SDK at %1 (forwarding to %2).")
                          .arg(m_server->url().toString(), options.upstream.url.toString(QUrl::RemovePassword)));
    m_startStop->setText(tr("Stop proxy"));
    m_listen->setEnabled(false);
    m_upstream->setEnabled(false);
    m_refresh->start();
    return true;
}

void ProxyPanel::stop()
{
    m_server->close();
    m_startStop->setText(tr("Start proxy"));
    m_status->setText(tr("Stopped."));
    m_listen->setEnabled(true);
    m_upstream->setEnabled(true);
    refresh();
    m_refresh->stop();
}

QString ProxyPanel::statusText() const
{
    return m_status->text();
}

ProxyConnection *ProxyPanel::selectedConnection() const
{
    const QTreeWidgetItem *item = m_connections->currentItem();
    return item ? m_server->connection(item->data(IdColumn, Qt::UserRole).toInt()) : nullptr;
}

void ProxyPanel::selectConnection(int id)
{
    for (int i = 0; i < m_connections->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_connections->topLevelItem(i);
        if (item->data(IdColumn, Qt::UserRole).toInt() == id)
            m_connections->setCurrentItem(item);
    }
}

void ProxyPanel::onAccepted(ProxyConnection *connection)
{
    auto *item = new QTreeWidgetItem;
    item->setData(IdColumn, Qt::UserRole, connection->id());
    item->setText(IdColumn, QString::number(connection->id()));
    m_connections->addTopLevelItem(item);
    if (!m_connections->currentItem())
        m_connections->setCurrentItem(item);
    connect(connection, &ProxyConnection::stateChanged, this, &ProxyPanel::refresh);
    connect(connection, &ProxyConnection::clientIdChanged, this, &ProxyPanel::refresh);
    refresh();
}

void ProxyPanel::refresh()
{
    for (int i = 0; i < m_connections->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_connections->topLevelItem(i);
        const ProxyConnection *c = m_server->connection(item->data(IdColumn, Qt::UserRole).toInt());
        if (!c)
            continue;
        const ProxyConnection::Stats &s = c->stats();
        item->setText(PeerColumn, c->peer());
        item->setText(FormatColumn, c->format() == Protocol::Format::Protobuf ? tr("Protobuf") : tr("JSON"));
        item->setText(ClientColumn, c->clientId());
        const QString state = c->state() == ProxyConnection::State::Connecting ? tr("connecting upstream")
                              : c->state() == ProxyConnection::State::Open     ? tr("open")
                                                                               : tr("closed");
        item->setText(StateColumn, state);
        item->setToolTip(StateColumn, c->closeSummary());
        item->setText(FramesColumn, QStringLiteral("%1 / %2").arg(s.framesFromApp).arg(s.framesFromServer));
        QStringList faults;
        if (c->delayMs() > 0)
            faults << tr("delay %1 ms").arg(c->delayMs());
        if (c->publicationsToDrop() > 0)
            faults << tr("%n publication(s) to drop", nullptr, c->publicationsToDrop());
        if (c->holdsServerPings())
            faults << tr("pings held");
        if (c->holdsAppPongs())
            faults << tr("pongs held");
        if (s.droppedMessages > 0)
            faults << tr("%n dropped", nullptr, int(s.droppedMessages));
        if (s.undelivered > 0)
            faults << tr("%n undelivered", nullptr, int(s.undelivered));
        item->setText(FaultsColumn, faults.join(QStringLiteral(", ")));
    }
    updateButtons();
}

void ProxyPanel::updateButtons()
{
    const ProxyConnection *c = selectedConnection();
    const bool open = c && c->state() != ProxyConnection::State::Closed;
    for (QWidget *w :
         {static_cast<QWidget *>(m_close), static_cast<QWidget *>(m_dropUpstream), static_cast<QWidget *>(m_applyDelay),
          static_cast<QWidget *>(m_drop), static_cast<QWidget *>(m_holdPings), static_cast<QWidget *>(m_holdPongs),
          static_cast<QWidget *>(m_pass)})
        w->setEnabled(open);
    if (c) {
        const QSignalBlocker pings(m_holdPings);
        const QSignalBlocker pongs(m_holdPongs);
        m_holdPings->setChecked(c->holdsServerPings());
        m_holdPongs->setChecked(c->holdsAppPongs());
    }
}

void ProxyPanel::addMessage(int connection, const QString &text)
{
    const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    m_messages->appendPlainText(connection > 0 ? tr("%1 [conn %2] %3").arg(time).arg(connection).arg(text)
                                               : QStringLiteral("%1 %2").arg(time, text));
}
