// The load panel against a real Centrifugo: the settings reach the run (publishing through the API or a connection),
// and the figures show its outcome.
#include "centrifugoserver.h"
#include "loadpanel.h"
#include "loadrunner.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

class TestLoadPanel : public QObject
{
    Q_OBJECT

private:
    CentrifugoServer m_server;

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }
    void cleanupTestCase() { m_server.stop(); }

    void runShowsFigures_data()
    {
        QTest::addColumn<int>("via");
        QTest::addColumn<QString>("publishVia");
        QTest::newRow("api") << 0 << QStringLiteral("api");
        QTest::newRow("client") << 1 << QStringLiteral("client");
    }
    void runShowsFigures()
    {
        QFETCH(int, via);
        QFETCH(QString, publishVia);
        LoadRunner runner;
        LoadPanel panel(&runner);
        QVERIFY(panel.figuresText().contains(QLatin1String("No load run yet")));
        panel.findChild<QLineEdit *>(QStringLiteral("loadUrl"))->setText(m_server.webSocketUrl().toString());
        panel.findChild<QLineEdit *>(QStringLiteral("loadApiUrl"))->setText(m_server.httpUrl().toString());
        panel.findChild<QLineEdit *>(QStringLiteral("loadApiKey"))->setText(m_server.apiKey());
        panel.findChild<QSpinBox *>(QStringLiteral("loadConnections"))->setValue(12);
        panel.findChild<QSpinBox *>(QStringLiteral("loadChannels"))->setValue(3);
        panel.findChild<QSpinBox *>(QStringLiteral("loadRate"))->setValue(20);
        panel.findChild<QSpinBox *>(QStringLiteral("loadDuration"))->setValue(1);
        panel.findChild<QComboBox *>(QStringLiteral("loadVia"))->setCurrentIndex(via);
        QSignalSpy finished(&runner, &LoadRunner::finished);
        auto *start = panel.findChild<QPushButton *>(QStringLiteral("loadStart"));
        start->click();
        QVERIFY(!start->isEnabled());
        QVERIFY(finished.wait(60000));
        QVERIFY(start->isEnabled());
        const QString figures = panel.figuresText();
        QVERIFY2(figures.contains(QLatin1String("Connections held: 12 of 12 (json, 3 channel(s)")),
                 qPrintable(figures));
        QVERIFY2(figures.contains(QLatin1String(" 0 lost")), qPrintable(figures));
        QCOMPARE(runner.report().delivered, runner.report().published * 4);
        QCOMPARE(runner.report().publishVia, publishVia);
    }
};

QTEST_MAIN(TestLoadPanel)
#include "tst_loadpanel.moc"
