// "Copy as wscat / websocat": the command lines a shell runs as they are.
#include "shellcommandline.h"

#include <QProcess>
#include <QtTest>

class TestShellCommandLine : public QObject
{
    Q_OBJECT

private:
    // What a POSIX shell makes of one quoted word (printf %s prints it back).
    static QString throughShell(const QString &quoted)
    {
        QProcess sh;
        sh.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("printf %s ") + quoted});
        sh.waitForFinished();
        return QString::fromUtf8(sh.readAllStandardOutput());
    }

private slots:
    void quotingSurvivesTheShell_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("{\"id\":2,\"publish\":{\"channel\":\"chat\"}}");
        QTest::newRow("single quote") << QStringLiteral("{\"data\":\"it's $HOME `id` \\\\n\"}");
        QTest::newRow("two lines") << QStringLiteral("{\"a\":\"x'y\"}\n{\"b\":\"\\\\\"}");
        QTest::newRow("unicode") << QStringLiteral("{\"text\":\"你好\"}");
    }
    void quotingSurvivesTheShell()
    {
        QFETCH(QString, text);
        QCOMPARE(throughShell(ShellCommandLine::quote(text)), text);
    }

    void connectGoesFirstWithTheToken()
    {
        ShellCommandLine::Input in;
        in.url = QUrl(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
        in.token = QStringLiteral("eyJ.a.b");
        in.commands = {QByteArray("{\n  \"id\": 4,\n  \"subscribe\": {\"channel\": \"chat\"}\n}")};
        const QList<QByteArray> frames = ShellCommandLine::frames(in);
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames.at(0), QByteArray("{\"connect\":{\"token\":\"eyJ.a.b\"},\"id\":5}"));
        QCOMPARE(frames.at(1), QByteArray("{\"id\":4,\"subscribe\":{\"channel\":\"chat\"}}"));

        in.commands.prepend("{\"id\":1,\"connect\":{}}");
        QCOMPARE(ShellCommandLine::frames(in).size(), 2); // a connect of its own: none added
    }

    void wscatAndWebsocatLines()
    {
        ShellCommandLine::Input in;
        in.url = QUrl(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
        in.headers = {{"Authorization", "Bearer x"}};
        in.commands = {QByteArray("{\"id\":2,\"rpc\":{\"method\":\"it's\"}}")};
        QCOMPARE(ShellCommandLine::build(ShellCommandLine::Tool::Wscat, in),
                 QStringLiteral("wscat -H 'Authorization: Bearer x' -c 'ws://127.0.0.1:8000/connection/websocket' -w 5 "
                                "-x $'{\"connect\":{},\"id\":3}\\n{\"id\":2,\"rpc\":{\"method\":\"it\\'s\"}}'"));
        QCOMPARE(
            ShellCommandLine::build(ShellCommandLine::Tool::Websocat, in),
            QStringLiteral("printf '%s\\n' '{\"connect\":{},\"id\":3}' '{\"id\":2,\"rpc\":{\"method\":\"it'\\''s\"}}' "
                           "| websocat -n -H 'Authorization: Bearer x' "
                           "'ws://127.0.0.1:8000/connection/websocket'"));
        // What websocat gets on stdin: one command per line, as Centrifugo reads them.
        const QString line = ShellCommandLine::build(ShellCommandLine::Tool::Websocat, in);
        QProcess sh;
        sh.start(QStringLiteral("bash"), {QStringLiteral("-c"), line.section(QLatin1String(" | "), 0, 0)});
        sh.waitForFinished();
        QCOMPARE(sh.readAllStandardOutput(),
                 QByteArray("{\"connect\":{},\"id\":3}\n{\"id\":2,\"rpc\":{\"method\":\"it's\"}}\n"));
    }
};

QTEST_GUILESS_MAIN(TestShellCommandLine)
#include "tst_shellcommandline.moc"
