#include "logmodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

using Level = LogEntry::Level;

Q_DECLARE_METATYPE(LogEntry::Level)

namespace {

LogEntry entry(Level level, const QString &message)
{
    LogEntry e;
    e.timeMs = 1700000000000;
    e.level = level;
    e.category = QStringLiteral("inspector.session");
    e.message = message;
    return e;
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsAreBatched()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 100; ++i)
            model.append(entry(Level::Info, QStringLiteral("line %1").arg(i)));
        QCOMPARE(model.rowCount(), 0); // buffered until the event loop turns
        QVERIFY(inserted.wait());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 99);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.index(99, LogModel::MessageColumn).data().toString(), QStringLiteral("line 99"));
        QCOMPARE(model.index(0, LogModel::LevelColumn).data().toString(), QStringLiteral("info"));
    }

    void levelFilter_data()
    {
        QTest::addColumn<Level>("minimum");
        QTest::addColumn<int>("rows");
        QTest::newRow("trace") << Level::Trace << 5;
        QTest::newRow("debug") << Level::Debug << 4;
        QTest::newRow("info") << Level::Info << 3;
        QTest::newRow("warning") << Level::Warning << 2;
        QTest::newRow("error") << Level::Error << 1;
    }

    void levelFilter()
    {
        QFETCH(Level, minimum);
        QFETCH(int, rows);
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (Level l : {Level::Trace, Level::Debug, Level::Info, Level::Warning, Level::Error})
            model.append(entry(l, LogEntry::levelName(l)));
        model.flush();
        QCOMPARE(model.rowCount(), 3); // default: info and above
        model.setMinimumLevel(minimum);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(model.index(0, LogModel::LevelColumn).data().toString(), LogEntry::levelName(minimum));
        // Lowering the level again brings back what was hidden: nothing is lost by filtering.
        model.setMinimumLevel(Level::Trace);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.storedCount(), 5);
    }

    void capDropsOldestAndCounts()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(10);
        QSignalSpy dropped(&model, &LogModel::droppedCountChanged);
        for (int i = 0; i < 25; ++i) {
            model.append(entry(i % 2 ? Level::Info : Level::Debug, QString::number(i)));
            if (i % 7 == 0)
                model.flush();
        }
        model.flush();
        QCOMPARE(model.storedCount(), 10);
        QCOMPARE(model.droppedCount(), 15u);
        QVERIFY(!dropped.isEmpty());
        QCOMPARE(dropped.last().at(0).toULongLong(), 15u);
        // Info rows only (odd numbers) among the last ten: 15 17 19 21 23.
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("15"));
        QCOMPARE(model.index(4, LogModel::MessageColumn).data().toString(), QStringLiteral("23"));
        model.setMinimumLevel(Level::Trace);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("15"));
    }

    void hugeBatchKeepsTail()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(3);
        for (int i = 0; i < 8; ++i)
            model.append(entry(Level::Warning, QString::number(i)));
        model.flush();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.droppedCount(), 5u);
        QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("5"));
        QCOMPARE(model.index(2, LogModel::MessageColumn).data().toString(), QStringLiteral("7"));
    }

    void writeSavesVisibleWithHeader()
    {
        LogModel model;
        model.setCapacity(2);
        model.append(entry(Level::Info, QStringLiteral("first")));
        model.append(entry(Level::Error, QStringLiteral("second")));
        model.append(entry(Level::Debug, QStringLiteral("third")));
        model.flush();
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(model.write(&buffer));
        const QString text = QString::fromUtf8(buffer.data());
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QLatin1Char('#')));
        QVERIFY(lines.at(1).contains(QLatin1String("1"))); // one dropped
        QVERIFY(lines.at(2).endsWith(QLatin1String("error inspector.session second")));
        QVERIFY(!text.contains(QLatin1String("third"))); // below the shown level
    }

    void clearResets()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(1);
        model.append(entry(Level::Info, QStringLiteral("a")));
        model.append(entry(Level::Info, QStringLiteral("b")));
        model.flush();
        QCOMPARE(model.droppedCount(), 1u);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedCount(), 0u);
        model.append(entry(Level::Info, QStringLiteral("c")));
        model.flush();
        QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("c"));
    }
};

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
