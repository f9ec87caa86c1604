#include "mainwindow.h"

#include "connectionpanel.h"
#include "languageswitcher.h"
#include "logentry.h"
#include "session.h"
#include "sessionview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QIcon>
#include <QLoggingCategory>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// Value of an option before QCommandLineParser runs (the language must be known before any text is built).
QString earlyOption(const QStringList &args, const QString &name)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == name && i + 1 < args.size())
            return args.at(i + 1);
        if (args.at(i).startsWith(name + QLatin1Char('=')))
            return args.at(i).mid(name.size() + 1);
    }
    return {};
}

// Qt logging rules that print inspector.* messages at `level` and above on stderr.
QString loggingRules(LogEntry::Level level)
{
    switch (level) {
    case LogEntry::Level::Trace:
        return QStringLiteral("inspector.*=true");
    case LogEntry::Level::Debug:
        return QStringLiteral("inspector.*=true\n*.trace.debug=false");
    case LogEntry::Level::Info:
        return QStringLiteral("inspector.*=true\ninspector.*.debug=false");
    case LogEntry::Level::Warning:
        return QStringLiteral("inspector.*=true\ninspector.*.debug=false\ninspector.*.info=false");
    case LogEntry::Level::Error:
        return QStringLiteral("inspector.*=true\ninspector.*.debug=false\ninspector.*.info=false\n"
                              "inspector.*.warning=false");
    }
    return {};
}

// --report-publications: benchmarks (bench/run.sh) count what the GUI received without reading its window. Prints
// {"event":"publications","count":N} on stdout a quarter of a second after publications arrive, so nothing runs
// while none do.
void reportPublications(Session *session)
{
    auto *timer = new QTimer(session);
    timer->setSingleShot(true);
    timer->setInterval(250);
    auto count = std::make_shared<qint64>(0);
    QObject::connect(timer, &QTimer::timeout, session, [count] {
        std::printf("{\"event\":\"publications\",\"count\":%lld}\n", static_cast<long long>(*count));
        std::fflush(stdout);
    });
    QObject::connect(session, &Session::frame, session, [count, timer](const Frame &frame) {
        if (frame.direction != Protocol::Direction::In)
            return;
        for (const ProtocolMessage &m : frame.messages) {
            if (m.kind == Protocol::MessageKind::Push && m.push == Protocol::PushType::Pub)
                ++*count;
        }
        if (!timer->isActive())
            timer->start();
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CentrifugoInspector"));
    QApplication::setApplicationName(QStringLiteral("centrifugo-inspector"));
    QApplication::setApplicationDisplayName(QStringLiteral("Centrifugo Inspector"));
    QApplication::setApplicationVersion(QStringLiteral(INSPECTOR_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("centrifugo-inspector"));
    // The installed theme icon (hicolor, every size) when there is one, else the built-in one.
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("centrifugo-inspector"),
                                                 QIcon(QStringLiteral(":/icons/centrifugo-inspector.svg"))));

    // Settings: the user's, or a given file (tests and screenshots must not touch the user's).
    const QStringList rawArgs = QApplication::arguments();
    const QString settingsFile = earlyOption(rawArgs, QStringLiteral("--settings"));
    std::unique_ptr<QSettings> settings = settingsFile.isEmpty()
                                              ? std::make_unique<QSettings>()
                                              : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);

    // Language: --lang, else the settings, else the system locale. Installed before any text is built; the window
    // switches it later without a restart.
    QString language = earlyOption(rawArgs, QStringLiteral("--lang"));
    if (language.isEmpty())
        language = MainWindow::settingsLanguage(settings.get());
    LanguageSwitcher languages;
    languages.setLanguage(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Inspect, drive and explain a Centrifugo client connection."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption urlOption(
        QStringLiteral("url"), QApplication::translate("main", "WebSocket URL of the server."), QStringLiteral("url"));
    const QCommandLineOption connectOption(QStringLiteral("connect"),
                                           QApplication::translate("main", "Connect at start."));
    const QCommandLineOption subscribeOption(
        QStringLiteral("subscribe"),
        QApplication::translate("main", "Subscribe to a channel once connected (repeatable)."),
        QStringLiteral("channel"));
    const QCommandLineOption logLevelOption(
        QStringLiteral("log-level"),
        QApplication::translate("main", "Print log lines at this level and above on stderr: trace, debug, info, "
                                        "warning or error."),
        QStringLiteral("level"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QApplication::translate("main", "Language of the interface: en or zh_CN."),
                                        QStringLiteral("language"));
    const QCommandLineOption settingsOption(QStringLiteral("settings"),
                                            QApplication::translate("main", "Use this INI file for the settings."),
                                            QStringLiteral("file"));
    QCommandLineOption reportOption(
        QStringLiteral("report-publications"),
        QStringLiteral("Print the number of publications received on stdout (benchmarks)."));
    reportOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption clientsOption(
        QStringLiteral("clients"),
        QApplication::translate("main", "Open N sessions (clients) with the same URL and channels (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption sideBySideOption(QStringLiteral("side-by-side"),
                                              QApplication::translate("main", "Show the sessions side by side."));
    const QCommandLineOption chartsOption(QStringLiteral("charts"),
                                          QApplication::translate("main", "Show the charts at start."));
    const QCommandLineOption combinedOption(QStringLiteral("combined"),
                                            QApplication::translate("main", "Show the combined timeline at start."));
    parser.addOptions({urlOption, connectOption, subscribeOption, logLevelOption, langOption, settingsOption,
                       reportOption, clientsOption, sideBySideOption, chartsOption, combinedOption});
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QApplication::translate("main", "Recordings (*.jsonl) or HAR captures (*.har) to open in the timeline."),
        QStringLiteral("[files...]"));
    parser.process(app);

    LogEntry::Level stderrLevel = LogEntry::Level::Info;
    if (parser.isSet(logLevelOption)) {
        if (!LogEntry::levelFromName(parser.value(logLevelOption), &stderrLevel)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate("main", "Unknown log level \"%1\"; use trace, debug, "
                                                                    "info, warning or error.")
                                        .arg(parser.value(logLevelOption))));
            return 2;
        }
        QLoggingCategory::setFilterRules(loggingRules(stderrLevel));
    }

    // One session per window; created here and given to the window, which does not own it.
    Session session;
    if (parser.isSet(reportOption))
        reportPublications(&session);
    MainWindow window(&session, settings.get());
    window.setLanguageSwitcher(&languages);
    window.setStderrLevel(stderrLevel);
    if (parser.isSet(urlOption))
        window.connectionPanel()->setUrl(parser.value(urlOption));
    const QStringList channels = parser.values(subscribeOption);
    if (!channels.isEmpty())
        window.subscribeWhenConnected(channels);
    // Further clients like the first: same URL and channels, each its own session (owned by the window).
    QList<SessionView *> clients = {window.currentView()};
    for (int i = 1; i < qBound(1, parser.value(clientsOption).toInt(), 8); ++i) {
        SessionView *view = window.newConnection();
        if (parser.isSet(urlOption))
            view->connectionPanel()->setUrl(parser.value(urlOption));
        if (!channels.isEmpty())
            window.subscribeWhenConnected(channels);
        clients.append(view);
    }
    window.setCurrentView(clients.constFirst());
    window.setSideBySide(parser.isSet(sideBySideOption));
    QList<QDockWidget *> docks;
    for (const auto &dock : {std::pair(&chartsOption, "chartsDock"), std::pair(&combinedOption, "combinedDock")}) {
        if (parser.isSet(*dock.first))
            docks.append(window.findChild<QDockWidget *>(QLatin1String(dock.second)));
    }
    for (QDockWidget *dock : std::as_const(docks))
        dock->show();
    window.show();
    // The docks under the sessions take 40 % of the height once the window has its size; the sessions the rest.
    QTimer::singleShot(0, &window, [&window, docks] {
        for (QDockWidget *dock : docks)
            window.resizeDocks({dock}, {window.height() * 2 / 5}, Qt::Vertical);
    });
    if (!parser.positionalArguments().isEmpty())
        window.openFiles(parser.positionalArguments());
    if (parser.isSet(connectOption)) {
        for (SessionView *view : std::as_const(clients)) {
            window.setCurrentView(view);
            window.connectToServer();
        }
        window.setCurrentView(clients.constFirst());
    }
    return app.exec();
}
