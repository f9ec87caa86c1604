#include "recorder.h"

#include "clilogging.h"
#include "commandbuilder.h"
#include "explainer.h"
#include "linter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

// How long to wait, after the last reply, for the server's reaction to the commands (e.g. a disconnect).
constexpr int kSettleMs = 250;
// How long the normal close handshake may take before the run ends anyway.
constexpr int kCloseTimeoutMs = 2000;
// How long a recorded frame may wait in memory before it goes to the writer thread on a quiet connection.
constexpr int kRecordFlushMs = 200;

// Verdicts, lint findings and the summary are printed whatever --log-level says.
void printTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

void printError(const QString &text)
{
    printTo(stderr, QStringLiteral("centrifugo-inspector-cli: ") + text + QLatin1Char('\n'));
}

} // namespace

Recorder::Recorder(const CliOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_session.setLogLevel(options.logLevel);
    connect(&m_session, &Session::stateChanged, this, &Recorder::onStateChanged);
    connect(&m_session, &Session::connected, this, &Recorder::onConnected);
    connect(&m_session, &Session::connectFailed, this, &Recorder::onConnectFailed);
    connect(&m_session, &Session::frame, this, &Recorder::onFrame);
    connect(&m_session, &Session::closed, this, &Recorder::onClosed);

    m_durationTimer.setSingleShot(true);
    m_durationTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_durationTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcCli, "Duration of %g s reached", m_options.durationSec);
        if (!m_everOpen) {
            // Nothing was recorded because nothing was open: that is a failed run, not a clean one.
            printError(tr("cannot connect to %1: the WebSocket handshake did not complete within --duration %2 s")
                           .arg(m_options.session.url.toString())
                           .arg(m_options.durationSec));
            stop(CliOptions::kExitConnection);
            return;
        }
        stop(CliOptions::kExitOk);
    });
    m_closeTimeout.setSingleShot(true);
    connect(&m_closeTimeout, &QTimer::timeout, this, [this] {
        qCWarning(lcCli, "The close handshake did not finish in %d ms", kCloseTimeoutMs);
        finish(m_exitCode);
    });
    connect(&m_recordFlushTimer, &QTimer::timeout, this, [this] { m_writer.flush(); });
    m_settleTimer.setSingleShot(true);
    connect(&m_settleTimer, &QTimer::timeout, this, [this] {
        if (m_session.inFlightIds().isEmpty())
            stop(CliOptions::kExitOk);
    });
}

bool Recorder::start(QString *error)
{
    if (!m_options.recordPath.isEmpty()) {
        if (!m_writer.open(m_options.recordPath, error))
            return false;
        qCInfo(lcCli).noquote() << tr("Recording to %1").arg(m_options.recordPath);
        m_recordFlushTimer.start(kRecordFlushMs);
    }
    if (m_options.durationSec > 0)
        m_durationTimer.start(int(qMin(m_options.durationSec * 1000.0, 2.0e9)));
    m_session.open(m_options.session);
    return true;
}

void Recorder::interrupt(int signalNumber)
{
    if (m_stopping) {
        finish(m_exitCode);
        return;
    }
    qCInfo(lcCli, "Signal %d: ending the run", signalNumber);
    stop(CliOptions::kExitOk);
}

void Recorder::onStateChanged(Session::State state)
{
    if (state == Session::State::Open)
        m_everOpen = true;
}

void Recorder::onConnected()
{
    if (m_stopping)
        return;
    // Next turn of the event loop: the session emits the connect reply's frame after this signal, and the record
    // must show the reply before the commands it triggered.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_stopping)
                sendCommands();
        },
        Qt::QueuedConnection);
}

void Recorder::sendCommands()
{
    for (const QString &channel : std::as_const(m_options.subscribe)) {
        SubscribeOptions sub;
        sub.channel = channel;
        m_session.sendCommand(CommandBuilder::command(0, Protocol::Method::Subscribe, CommandBuilder::subscribe(sub)));
    }
    for (const QString &text : std::as_const(m_options.send)) {
        const QList<LintFinding> findings = Linter::lint(text, m_session.lintContext());
        for (const LintFinding &f : findings) {
            const QString where = f.line > 0 ? QStringLiteral("%1:%2: ").arg(f.line).arg(f.column) : QString();
            // Tokens in the command (a refresh, a subscribe) are masked like everywhere else on the terminal.
            printTo(stderr, m_session.maskCommandText(
                                tr("lint %1 [%2] %3%4 (in --send %5)\n")
                                    .arg(LintFinding::severityName(f.severity), f.code, where, f.message, text),
                                text));
        }
        if (m_options.session.format == Protocol::Format::Json) {
            // Exactly as typed: the point is to see what the server does with it.
            m_session.sendRaw(text.toUtf8());
        } else {
            QList<QJsonObject> commands;
            for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                commands.append(QJsonDocument::fromJson(line.toUtf8()).object());
            m_session.sendCommands(commands);
        }
    }
    m_commandsSent = true;
    if (m_options.endsWhenCommandsDone())
        checkCommandsDone();
}

void Recorder::checkCommandsDone()
{
    if (m_session.inFlightIds().isEmpty() && !m_settleTimer.isActive())
        m_settleTimer.start(kSettleMs);
}

void Recorder::onConnectFailed(int code, const QString &message)
{
    Q_UNUSED(message);
    printError(tr("connect was refused: error %1").arg(Explainer::error(code).sentence()));
    if (!m_stopping) {
        m_stopping = true;
        m_exitCode = CliOptions::kExitConnection;
        m_session.close();
        m_closeTimeout.start(kCloseTimeoutMs);
    }
}

void Recorder::onFrame(const Frame &frame)
{
    if (m_finished)
        return;
    const bool dataIn = frame.direction == Protocol::Direction::In && !frame.close;
    if (dataIn) {
        if (m_limitReached)
            return; // beyond --frames: neither recorded nor counted
        ++m_dataFramesIn;
    }
    if (Q_UNLIKELY(lcCliTrace().isDebugEnabled()))
        qCDebug(lcCliTrace, "frame %s %lld bytes", frame.direction == Protocol::Direction::In ? "in" : "out",
                qint64(frame.raw.size()));
    m_summary.add(frame);
    if (m_writer.isOpen()) {
        // While the session keeps up with the socket, its thread has time to format the line; when its reads fill
        // their buffer (a saturated socket), the writer thread takes that work so that reading goes on.
        m_writer.write(frame, m_session.readStats().lastTurnLimited ? RecordWriter::Format::OnWriterThread
                                                                    : RecordWriter::Format::Here);
        if (Q_UNLIKELY(m_writer.failed())) {
            if (!m_recordErrorPrinted) {
                m_recordErrorPrinted = true;
                printError(m_writer.errorString());
                stop(CliOptions::kExitConnection);
            }
            return;
        }
    }
    if (dataIn && m_options.frames > 0 && m_dataFramesIn >= m_options.frames) {
        m_limitReached = true;
        qCInfo(lcCli, "%lld frames received", m_dataFramesIn);
        stop(CliOptions::kExitOk);
        return;
    }
    if (dataIn && m_commandsSent && m_options.endsWhenCommandsDone())
        checkCommandsDone();
}

void Recorder::onClosed(int code, const QString &reason)
{
    Q_UNUSED(code);
    m_summary.setClose(m_session.lastClose());
    m_summary.setReadStats(m_session.readStats());
    if (m_stopping) {
        finish(m_exitCode);
        return;
    }
    const QString words = Explainer::describeClose(m_session.lastClose());
    if (!m_everOpen)
        printError(tr("cannot connect to %1: %2\n  %3").arg(m_options.session.url.toString(), reason, words));
    else
        printError(words);
    finish(CliOptions::kExitConnection);
}

void Recorder::stop(int exitCode)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_exitCode = exitCode;
    m_durationTimer.stop();
    m_settleTimer.stop();
    if (m_session.state() == Session::State::Disconnected) {
        finish(exitCode);
        return;
    }
    m_session.close();
    m_closeTimeout.start(kCloseTimeoutMs);
}

void Recorder::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_durationTimer.stop();
    m_closeTimeout.stop();
    m_settleTimer.stop();
    m_recordFlushTimer.stop();
    if (m_writer.isOpen()) {
        if (!m_writer.close()) {
            if (!m_recordErrorPrinted)
                printError(m_writer.errorString());
            exitCode = qMax(exitCode, CliOptions::kExitConnection);
        } else {
            qCInfo(lcCli, "%lld frames recorded", m_writer.linesWritten());
        }
    }
    if (m_options.summary)
        printTo(m_options.recordPath == QLatin1String("-") ? stderr : stdout, m_summary.text());
    emit finished(exitCode);
}
