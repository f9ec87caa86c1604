// The Simplified Chinese translation: every string of the .ts is finished with the same placeholders, and the
// built .qm translates core and GUI strings when loaded.
#include "connectionpanel.h"
#include "explainer.h"
#include "mainwindow.h"
#include "secretlineedit.h"
#include "session.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

QString sourceDir()
{
    const QString env = qEnvironmentVariable("INSPECTOR_SOURCE_DIR");
    return env.isEmpty() ? QStringLiteral(INSPECTOR_TEST_SOURCE_DIR) : env;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?[0-9]|%n"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured());
    out.sort();
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void everyStringIsTranslated()
    {
        QFile file(sourceDir() + QStringLiteral("/translations/centrifugo-inspector_zh_CN.ts"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList problems;
        QString context;
        QString source;
        QString translation;
        bool unfinished = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                unfinished = type == QLatin1String("unfinished");
                if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                    continue;
                translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                ++messages;
                if (unfinished || translation.isEmpty())
                    problems.append(QStringLiteral("untranslated: %1 / %2").arg(context, source));
                else if (placeholders(source) != placeholders(translation))
                    problems.append(QStringLiteral("placeholders differ: %1 / %2").arg(context, source));
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 500);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
    }

    void builtTranslationIsUsed()
    {
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(INSPECTOR_TEST_QM_FILE)), INSPECTOR_TEST_QM_FILE);
        QVERIFY(QCoreApplication::installTranslator(&translator));

        // Core: the explanation of a disconnect, with the protocol's own words kept.
        const QString sentence = Explainer::disconnect(3501).sentence();
        QVERIFY2(sentence.startsWith(QLatin1String("3501 bad request")), qPrintable(sentence));
        QVERIFY2(sentence.contains(QStringLiteral("服务器")), qPrintable(sentence));

        // GUI: menus and the connection panel.
        Session session;
        MainWindow window(&session, nullptr);
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus.append(a->text());
        QVERIFY2(menus.contains(QStringLiteral("文件(&F)")), qPrintable(menus.join(QLatin1Char(' '))));
        QCOMPARE(window.connectionPanel()->stateText(), QStringLiteral("未连接"));
        QCoreApplication::removeTranslator(&translator);
    }

    // Secret fields built before a language switch follow it: their Show/Hide button, the connection token's too.
    void secretFieldsFollowALanguageSwitch()
    {
        SecretLineEdit field;
        Session session;
        ConnectionPanel panel(&session, nullptr);
        auto *show = field.findChild<QToolButton *>();
        auto *tokenShow =
            panel.findChild<QLineEdit *>(QStringLiteral("token"))->parentWidget()->findChild<QToolButton *>();
        QCOMPARE(show->text(), QStringLiteral("Show"));
        QCOMPARE(tokenShow->text(), QStringLiteral("Show"));

        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(INSPECTOR_TEST_QM_FILE)), INSPECTOR_TEST_QM_FILE);
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCOMPARE(show->text(), QStringLiteral("显示"));
        QCOMPARE(tokenShow->text(), QStringLiteral("显示"));
        field.setRevealed(true);
        QCOMPARE(show->text(), QStringLiteral("隐藏"));

        QCoreApplication::removeTranslator(&translator);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCOMPARE(show->text(), QStringLiteral("Hide"));
        QCOMPARE(tokenShow->text(), QStringLiteral("Show"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
