#include "commandhistory.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestCommandHistory : public QObject
{
    Q_OBJECT

private slots:
    void newestFirstWithoutDuplicates()
    {
        CommandHistory history;
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.add(QStringLiteral(R"({"id":1,"connect":{}})"));
        history.add(QStringLiteral(R"({"id":2,"subscribe":{"channel":"a"}})"));
        history.add(QStringLiteral(R"({"id":3,"presence":{"channel":"a"}})"));
        history.add(QStringLiteral("  {\"id\":2,\"subscribe\":{\"channel\":\"a\"}}\n")); // same after trimming
        QCOMPARE(history.count(), 3);
        QCOMPARE(history.at(0), QStringLiteral(R"({"id":2,"subscribe":{"channel":"a"}})"));
        QCOMPARE(history.at(2), QStringLiteral(R"({"id":1,"connect":{}})"));
        history.add(QString());
        QCOMPARE(history.count(), 3);
    }

    void displayIsOneLine()
    {
        CommandHistory history;
        history.add(QStringLiteral("{\n  \"id\": 1,\n  \"connect\": {}\n}"));
        QCOMPARE(history.index(0).data().toString(), QStringLiteral("{ \"id\": 1, \"connect\": {} }"));
        QCOMPARE(history.index(0).data(Qt::EditRole).toString(),
                 QStringLiteral("{\n  \"id\": 1,\n  \"connect\": {}\n}"));
    }

    void limitDropsOldest()
    {
        CommandHistory history;
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.setLimit(3);
        for (int i = 0; i < 5; ++i)
            history.add(QString::number(i));
        QCOMPARE(history.commands(), (QStringList{QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2")}));
        history.setLimit(1);
        QCOMPARE(history.commands(), QStringList{QStringLiteral("4")});
    }

    void persistsInGivenSettings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("test.ini"));
        {
            QSettings settings(path, QSettings::IniFormat);
            CommandHistory history(&settings);
            history.add(QStringLiteral("one"));
            history.add(QStringLiteral("two"));
        }
        QSettings settings(path, QSettings::IniFormat);
        CommandHistory restored(&settings);
        QAbstractItemModelTester tester(&restored, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(restored.commands(), (QStringList{QStringLiteral("two"), QStringLiteral("one")}));
        restored.clear();
        QCOMPARE(settings.value(CommandHistory::settingsKey()).toStringList(), QStringList());
    }

    void neverSavesTokens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("test.ini"));
        const QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLXBhcnQ");
        const QString command = QStringLiteral(R"({"id":1,"connect":{"token":"%1"}})").arg(jwt);
        {
            QSettings settings(path, QSettings::IniFormat);
            CommandHistory history(&settings);
            history.add(command);
            QCOMPARE(history.commands().first(), command); // recall in this run keeps the token
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(!stored.contains("c2lnbmF0dXJlLXBhcnQ"));
        QVERIFY(stored.contains("masked"));
    }
};

QTEST_MAIN(TestCommandHistory)
#include "tst_commandhistory.moc"
