#include "apimode.h"
#include "clioptions.h"
#include "lintmode.h"
#include "loadmode.h"
#include "mergemode.h"
#include "proxymode.h"
#include "recorder.h"
#include "scenariomode.h"
#include "signalwatcher.h"
#include "translationpaths.h"
#include "transportprobe.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

#include <csignal>
#include <cstdio>

namespace {

// Maps --log-level onto the Qt logging categories "inspector.*" (QT_LOGGING_RULES still wins).
void applyLogLevel(LogEntry::Level level)
{
    QString rules;
    switch (level) {
    case LogEntry::Level::Trace:
    case LogEntry::Level::Debug:
        rules = QStringLiteral("inspector.*.debug=true\ninspector.*.info=true");
        break;
    case LogEntry::Level::Info:
        rules = QStringLiteral("inspector.*.debug=false\ninspector.*.info=true\n*.trace.info=false");
        break;
    case LogEntry::Level::Warning:
        rules = QStringLiteral("inspector.*.debug=false\ninspector.*.info=false");
        break;
    case LogEntry::Level::Error:
        rules = QStringLiteral("inspector.*.debug=false\ninspector.*.info=false\ninspector.*.warning=false");
        break;
    }
    QLoggingCategory::setFilterRules(rules);
    qSetMessagePattern(QStringLiteral("%{time hh:mm:ss.zzz} %{type} %{category}: %{message}"));
}

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    // A closed stdout pipe (`--record - | head`) must not kill the run before the record is flushed.
    std::signal(SIGPIPE, SIG_IGN);

    // No GLib main loop: nothing in the CLI needs it, and Qt's own dispatcher polls once per wake-up where the GLib
    // one polls about three times (strace of a flood of one-message frames). An empty QT_NO_GLIB keeps GLib.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("centrifugo-inspector-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INSPECTOR_VERSION));
    // Explanations in the user's language: a Chinese locale (LANG=zh_CN.UTF-8) loads the translation, from the
    // build tree or the installed tree (TranslationPaths).
    QTranslator translator;
    if (QLocale::system().name().startsWith(QLatin1String("zh")) &&
        TranslationPaths::load(&translator, QStringLiteral("zh_CN")))
        QCoreApplication::installTranslator(&translator);

    CliOptions options;
    QString message;
    switch (CliOptions::parse(QCoreApplication::arguments(), &options, &message)) {
    case CliOptions::Parse::ShowHelp:
        print(stdout, message);
        return CliOptions::kExitOk;
    case CliOptions::Parse::UsageError:
        print(stderr, QStringLiteral("centrifugo-inspector-cli: %1\n").arg(message) +
                          QCoreApplication::translate("main", "Try --help for the options.\n"));
        return CliOptions::kExitUsage;
    case CliOptions::Parse::Run:
        break;
    }
    applyLogLevel(options.logLevel);

    if (!options.lintPath.isEmpty() || !options.lintRecordingPath.isEmpty()) {
        const int status = options.lintPath.isEmpty()
                               ? LintMode::runRecording(options.lintRecordingPath, stdout, &message)
                               : LintMode::runFrames(options.lintPath, stdout, &message);
        if (status == CliOptions::kExitUsage)
            print(stderr, QStringLiteral("centrifugo-inspector-cli: %1\n").arg(message));
        return status;
    }

    if (!options.mergePaths.isEmpty())
        return MergeMode::run(options.mergePaths, options.recordPath, stdout, stderr);
    if (options.loadMode) {
        LoadMode loadMode(options, stdout, stderr);
        SignalWatcher loadSignals;
        QObject::connect(&loadSignals, &SignalWatcher::terminationRequested, &loadMode, &LoadMode::interrupt);
        QObject::connect(&loadMode, &LoadMode::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
        loadMode.start();
        return QCoreApplication::exec();
    }

    if (options.isScenarioMode()) {
        ScenarioMode scenarioMode(options, stdout, stderr);
        SignalWatcher scenarioSignals;
        QObject::connect(&scenarioSignals, &SignalWatcher::terminationRequested, &scenarioMode,
                         &ScenarioMode::interrupt);
        QObject::connect(&scenarioMode, &ScenarioMode::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
        if (!scenarioMode.start(&message)) {
            print(stderr, QStringLiteral("centrifugo-inspector-cli: %1\n").arg(message));
            return CliOptions::kExitUsage;
        }
        return QCoreApplication::exec();
    }

    if (options.isApiMode()) {
        ApiMode apiMode(options, stdout, stderr);
        SignalWatcher apiSignals;
        QObject::connect(&apiSignals, &SignalWatcher::terminationRequested, &apiMode, &ApiMode::interrupt);
        QObject::connect(&apiMode, &ApiMode::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
        if (!apiMode.start(&message)) {
            print(stderr, QStringLiteral("centrifugo-inspector-cli: %1\n").arg(message));
            return CliOptions::kExitUsage;
        }
        return QCoreApplication::exec();
    }

    if (options.probe) {
        TransportProbe probe;
        QObject::connect(&probe, &TransportProbe::resultReady, &app, [](const TransportProbe::Result &r) {
            print(stdout, TransportProbe::format(r) + QLatin1Char('\n'));
            std::fflush(stdout);
        });
        QObject::connect(
            &probe, &TransportProbe::finished, &app,
            [&probe] {
                bool any = false;
                for (const TransportProbe::Result &r : probe.results())
                    any = any || r.ok;
                QCoreApplication::exit(any ? CliOptions::kExitOk : CliOptions::kExitConnection);
            },
            Qt::QueuedConnection);
        print(stdout, QCoreApplication::translate("main", "Probing the transports of %1\n")
                          .arg(options.session.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString()));
        probe.start(options.session, options.session.connectTimeoutMs > 0 ? options.session.connectTimeoutMs : 5000);
        return QCoreApplication::exec();
    }

    if (options.isProxyMode()) {
        ProxyMode proxyMode(options, stdout, stderr);
        SignalWatcher proxySignals;
        QObject::connect(&proxySignals, &SignalWatcher::terminationRequested, &proxyMode, &ProxyMode::interrupt);
        QObject::connect(&proxyMode, &ProxyMode::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
        if (!proxyMode.start(&message)) {
            print(stderr, QStringLiteral("centrifugo-inspector-cli: %1\n").arg(message));
            return CliOptions::kExitUsage;
        }
        return QCoreApplication::exec();
    }

    Recorder recorder(options);
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &recorder, &Recorder::interrupt);
    int exitCode = CliOptions::kExitOk;
    // Queued: the run may end before exec() starts (e.g. a refused connection reported at once).
    QObject::connect(
        &recorder, &Recorder::finished, &app,
        [&exitCode](int code) {
            exitCode = code;
            QCoreApplication::exit(code);
        },
        Qt::QueuedConnection);
    if (!recorder.start(&message)) {
        print(stderr, QStringLiteral("centrifugo-inspector-cli: %1\n").arg(message));
        return CliOptions::kExitUsage;
    }
    QCoreApplication::exec();
    return exitCode;
}
