#include "proxymode.h"

#include "clilogging.h"

#include <QHostAddress>

namespace {

// How long the proxy waits for the connections' close handshakes when it stops.
constexpr int kCloseTimeoutMs = 2000;
constexpr int kRecordFlushMs = 200;

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

// "5s", "250ms", "1.5" (seconds) to milliseconds; -1 when malformed.
int parseDurationMs(const QString &text)
{
    bool ok = false;
    double value = 0;
    if (text.endsWith(QLatin1String("ms")))
        value = text.chopped(2).toDouble(&ok) / 1000;
    else if (text.endsWith(QLatin1Char('s')))
        value = text.chopped(1).toDouble(&ok);
    else
        value = text.toDouble(&ok);
    return ok && value >= 0 && value < 1e6 ? int(value * 1000) : -1;
}

} // namespace

bool ProxyMode::parseInjection(const QString &spec, Injection *out, QString *error)
{
    Injection in;
    bool haveAction = false;
    for (const QString &part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString key = part.left(eq).trimmed();
        const QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
        bool ok = true;
        bool action = true;
        if (key == QLatin1String("after")) {
            in.afterMs = parseDurationMs(value);
            ok = in.afterMs >= 0;
            action = false;
        } else if (key == QLatin1String("conn")) {
            in.conn = value.toInt(&ok);
            ok = ok && in.conn > 0;
            action = false;
        } else if (key == QLatin1String("close")) {
            in.action = Injection::Action::Close;
            const qsizetype colon = value.indexOf(QLatin1Char(':'));
            in.code = value.left(colon).toInt(&ok);
            in.reason = colon < 0 ? QStringLiteral("injected by the proxy") : value.mid(colon + 1);
            ok = ok && ProxyConnection::isSendableCloseCode(in.code);
        } else if (key == QLatin1String("drop-upstream")) {
            in.action = Injection::Action::DropUpstream;
        } else if (key == QLatin1String("delay")) {
            in.action = Injection::Action::Delay;
            in.value = parseDurationMs(value.endsWith(QLatin1Char('s')) ? value : value + QLatin1String("ms"));
            ok = in.value >= 0;
        } else if (key == QLatin1String("drop")) {
            in.action = Injection::Action::Drop;
            const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
            in.channel = value.left(colon);
            in.value = colon < 0 ? 1 : value.mid(colon + 1).toInt(&ok);
            ok = ok && !in.channel.isEmpty() && in.value > 0;
        } else if (key == QLatin1String("hold-pings")) {
            in.action = Injection::Action::HoldPings;
        } else if (key == QLatin1String("hold-pongs")) {
            in.action = Injection::Action::HoldPongs;
        } else if (key == QLatin1String("pass")) {
            in.action = Injection::Action::Pass;
        } else {
            *error = CliOptions::tr("--inject: unknown item \"%1\" in \"%2\"").arg(part, spec);
            return false;
        }
        if (!ok) {
            *error = CliOptions::tr("--inject: bad value in \"%1\"").arg(part);
            return false;
        }
        if (action && haveAction) {
            *error = CliOptions::tr("--inject: one fault per --inject, not \"%1\"").arg(spec);
            return false;
        }
        haveAction = haveAction || action;
    }
    if (!haveAction) {
        *error = CliOptions::tr("--inject: no fault in \"%1\" (close=, drop-upstream, delay=, drop=, hold-pings, "
                                "hold-pongs or pass)")
                     .arg(spec);
        return false;
    }
    *out = in;
    return true;
}

ProxyMode::ProxyMode(const CliOptions &options, FILE *out, FILE *err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(out)
    , m_err(err)
{
    connect(&m_server, &ProxyServer::connectionAccepted, this, &ProxyMode::onAccepted);
    connect(&m_server, &ProxyServer::frame, this, [this](const Frame &frame) {
        if (!m_writer.isOpen())
            return;
        m_writer.write(frame);
        if (m_writer.failed() && !m_recordErrorPrinted) {
            m_recordErrorPrinted = true;
            printTo(m_err, QStringLiteral("centrifugo-inspector-cli: %1\n").arg(m_writer.errorString()));
        }
    });
    connect(&m_server, &ProxyServer::connectionFinished, this, [this] {
        if (m_stopping && m_server.openConnections() == 0)
            finish();
    });
    m_durationTimer.setSingleShot(true);
    connect(&m_durationTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcCli, "Duration of %g s reached", m_options.durationSec);
        stop();
    });
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { m_writer.flush(); });
    m_closeTimeout.setSingleShot(true);
    connect(&m_closeTimeout, &QTimer::timeout, this, &ProxyMode::finish);
}

bool ProxyMode::start(QString *error)
{
    for (const QString &spec : std::as_const(m_options.inject)) {
        Injection in;
        if (!parseInjection(spec, &in, error))
            return false;
        m_injections.append(in);
    }
    const qsizetype colon = m_options.proxyListen.lastIndexOf(QLatin1Char(':'));
    ProxyOptions options;
    QString host = m_options.proxyListen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    bool portOk = false;
    const uint port = m_options.proxyListen.mid(colon + 1).toUInt(&portOk);
    options.listenAddress = QHostAddress(host);
    if (colon < 0 || options.listenAddress.isNull() || !portOk || port > 65535) {
        *error =
            CliOptions::tr("--proxy must be ADDRESS:PORT (e.g. 127.0.0.1:8001), not \"%1\"").arg(m_options.proxyListen);
        return false;
    }
    options.port = quint16(port);
    options.allowNonLoopback = m_options.proxyAllowRemote;
    options.upstream = m_options.session;
    if (!m_options.recordPath.isEmpty() && !m_writer.open(m_options.recordPath, error))
        return false;
    if (!m_server.listen(options, error))
        return false;
    printTo(m_err, CliOptions::tr("centrifugo-inspector-cli: proxy listening on %1, forwarding to %2\n")
                       .arg(m_server.url().toString(), options.upstream.url.toString(QUrl::RemovePassword)));
    m_flushTimer.start(kRecordFlushMs);
    if (m_options.durationSec > 0)
        m_durationTimer.start(int(m_options.durationSec * 1000));
    return true;
}

void ProxyMode::onAccepted(ProxyConnection *connection)
{
    for (const Injection &in : std::as_const(m_injections)) {
        if (in.conn != 0 && in.conn != connection->id())
            continue;
        QTimer::singleShot(in.afterMs, connection, [this, connection, in] { apply(connection, in); });
    }
}

void ProxyMode::apply(ProxyConnection *c, const Injection &in)
{
    switch (in.action) {
    case Injection::Action::Close:
        c->injectClose(in.code, in.reason);
        break;
    case Injection::Action::DropUpstream:
        c->dropUpstream();
        break;
    case Injection::Action::Delay:
        c->setDelay(in.value);
        break;
    case Injection::Action::Drop:
        c->dropPublications(in.channel, in.value);
        break;
    case Injection::Action::HoldPings:
        c->setHoldServerPings(true);
        break;
    case Injection::Action::HoldPongs:
        c->setHoldAppPongs(true);
        break;
    case Injection::Action::Pass:
        c->passThrough();
        break;
    }
}

void ProxyMode::interrupt(int signalNumber)
{
    qCInfo(lcCli, "Signal %d: stopping the proxy", signalNumber);
    if (m_stopping)
        finish();
    else
        stop();
}

void ProxyMode::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_durationTimer.stop();
    m_server.close();
    if (m_server.openConnections() == 0)
        QMetaObject::invokeMethod(this, &ProxyMode::finish, Qt::QueuedConnection);
    else
        m_closeTimeout.start(kCloseTimeoutMs);
}

void ProxyMode::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_closeTimeout.stop();
    m_flushTimer.stop();
    int exitCode = CliOptions::kExitOk;
    if (m_writer.isOpen() && !m_writer.close()) {
        printTo(m_err, QStringLiteral("centrifugo-inspector-cli: %1\n").arg(m_writer.errorString()));
        exitCode = CliOptions::kExitConnection;
    }
    if (m_options.summary)
        printTo(m_options.recordPath == QLatin1String("-") ? m_err : m_out, summaryText());
    emit finished(exitCode);
}

QString ProxyMode::summaryText() const
{
    const QList<ProxyConnection *> connections = m_server.connections();
    QString text = CliOptions::tr("Proxy summary: %n application connection(s)\n", nullptr, int(connections.size()));
    for (const ProxyConnection *c : connections) {
        const ProxyConnection::Stats &s = c->stats();
        text += CliOptions::tr("  conn %1 %2 %3 client %4: app->server %5 frames (%6 forwarded), server->app %7 "
                               "frames (%8 forwarded), undelivered %9, dropped %10, held %11, delayed %12, lint "
                               "findings %13\n")
                    .arg(c->id())
                    .arg(c->peer(), QString(Protocol::formatName(c->format())),
                         c->clientId().isEmpty() ? QStringLiteral("-") : c->clientId())
                    .arg(s.framesFromApp)
                    .arg(s.forwardedToServer)
                    .arg(s.framesFromServer)
                    .arg(s.forwardedToApp)
                    .arg(s.undelivered)
                    .arg(s.droppedMessages)
                    .arg(s.heldMessages)
                    .arg(s.delayedFrames)
                    .arg(s.lintFindings);
        if (!c->closeSummary().isEmpty())
            text += QStringLiteral("    %1\n").arg(c->closeSummary());
    }
    return text;
}
