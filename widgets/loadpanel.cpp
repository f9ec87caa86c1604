#include "loadpanel.h"

#include "loadrunner.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

LoadPanel::LoadPanel(LoadRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_refresh(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_url = new QLineEdit(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"), this);
    m_url->setObjectName(QStringLiteral("loadUrl"));
    m_apiUrl = new QLineEdit(QStringLiteral("http://127.0.0.1:8000"), this);
    m_apiUrl->setObjectName(QStringLiteral("loadApiUrl"));
    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("loadApiKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    auto spin = [this](const char *name, int min, int max, int value) {
        auto *s = new QSpinBox(this);
        s->setObjectName(QLatin1String(name));
        s->setRange(min, max);
        s->setValue(value);
        return s;
    };
    m_connections = spin("loadConnections", 1, 100000, 100);
    m_channels = spin("loadChannels", 1, 10000, 10);
    m_rate = spin("loadRate", 1, 100000, 100);
    m_duration = spin("loadDuration", 1, 86400, 10);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("loadFormat"));
    m_format->addItems({QStringLiteral("JSON"), QStringLiteral("Protobuf")});
    m_via = new QComboBox(this);
    m_via->setObjectName(QStringLiteral("loadVia"));
    m_via->addItems({QString(), QString()}); // texts in retranslateUi
    for (QWidget *w :
         {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_apiUrl), static_cast<QWidget *>(m_apiKey),
          static_cast<QWidget *>(m_connections), static_cast<QWidget *>(m_channels), static_cast<QWidget *>(m_rate),
          static_cast<QWidget *>(m_duration), static_cast<QWidget *>(m_format), static_cast<QWidget *>(m_via)})
        m_form->addRow(new QLabel(this), w);
    layout->addLayout(m_form);
    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("loadStart"));
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("loadStop"));
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_figures = new QPlainTextEdit(this);
    m_figures->setObjectName(QStringLiteral("loadFigures"));
    m_figures->setReadOnly(true);
    m_figures->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_figures, 1);

    m_refresh->setInterval(500);
    connect(m_refresh, &QTimer::timeout, this, &LoadPanel::refresh);
    connect(m_start, &QPushButton::clicked, this, &LoadPanel::start);
    connect(m_stop, &QPushButton::clicked, this, &LoadPanel::stop);
    connect(m_runner, &LoadRunner::finished, this, [this] {
        m_refresh->stop();
        refresh();
        updateButtons();
    });
    retranslateUi();
    updateButtons();
}

void LoadPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LoadPanel::retranslateUi()
{
    const QStringList labels = {tr("WebSocket URL:"), tr("Server API URL:"), tr("API key:"),
                                tr("Connections:"),   tr("Channels:"),       tr("Publications/s:"),
                                tr("Seconds:"),       tr("Format:"),         tr("Publish through:")};
    for (int row = 0; row < labels.size(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget()))
            label->setText(labels.at(row));
    }
    m_via->setItemText(0, tr("the server API"));
    m_via->setItemText(1, tr("a connection of the run"));
    m_via->setToolTip(tr("A connection of the run sends publish commands; it is not subscribed and not counted. The "
                         "server must allow anonymous clients to publish (--publish-via client, docs/load.md)."));
    m_start->setText(tr("Start"));
    m_start->setToolTip(tr("Open the connections, subscribe them, publish and measure. "
                           "The same as centrifugo-inspector-cli --load (docs/load.md)."));
    m_stop->setText(tr("Stop"));
    if (!m_runner->isRunning() && m_runner->report().connectionsWanted == 0)
        m_figures->setPlainText(tr("No load run yet."));
}

void LoadPanel::start()
{
    LoadRunner::Options o;
    o.url = QUrl(m_url->text().trimmed());
    o.apiUrl = m_apiUrl->text().trimmed();
    o.apiKey = m_apiKey->text();
    o.connections = m_connections->value();
    o.channels = m_channels->value();
    o.publishRate = m_rate->value();
    o.durationSec = m_duration->value();
    o.format = m_format->currentIndex() == 1 ? Protocol::Format::Protobuf : Protocol::Format::Json;
    o.publishVia = m_via->currentIndex() == 1 ? LoadRunner::PublishVia::Client : LoadRunner::PublishVia::Api;
    m_runner->start(o);
    m_refresh->start();
    refresh();
    updateButtons();
}

void LoadPanel::stop()
{
    m_runner->stop();
}

void LoadPanel::refresh()
{
    m_figures->setPlainText(m_runner->snapshot().text());
}

QString LoadPanel::figuresText() const
{
    return m_figures->toPlainText();
}

void LoadPanel::updateButtons()
{
    const bool running = m_runner->isRunning();
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
}
