// The composer without a server: templates, linting as you type, the Send / Send anyway states, history recall.
#include "commandcomposer.h"
#include "commandhistory.h"
#include "commandtemplates.h"
#include "jsonhighlighter.h"
#include "session.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using SendState = CommandComposer::SendState;
using Method = Protocol::Method;

Q_DECLARE_METATYPE(CommandComposer::SendState)

class TestCommandComposer : public QObject
{
    Q_OBJECT

private:
    Session *m_session = nullptr;
    CommandHistory *m_history = nullptr;
    CommandComposer *m_composer = nullptr;

    QPushButton *sendButton() const { return m_composer->findChild<QPushButton *>(QStringLiteral("sendButton")); }
    QListWidget *findings() const { return m_composer->findChild<QListWidget *>(QStringLiteral("findings")); }

private slots:
    void init()
    {
        m_session = new Session;
        m_history = new CommandHistory;
        m_composer = new CommandComposer(m_session, m_history);
        m_composer->resize(600, 400);
        m_composer->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_composer));
    }

    void cleanup()
    {
        delete m_composer;
        delete m_history;
        delete m_session;
    }

    void everyMethodHasATemplate()
    {
        auto *templates = m_composer->findChild<QComboBox *>(QStringLiteral("templates"));
        QCOMPARE(templates->count(), int(Protocol::allMethods().size()) + 1); // + "Raw / empty"
        for (Method m : Protocol::allMethods()) {
            m_composer->loadTemplate(m);
            const QJsonDocument doc = QJsonDocument::fromJson(m_composer->text().toUtf8());
            QVERIFY2(doc.isObject(), qPrintable(m_composer->text()));
            // No id in templates: the session assigns the next free one.
            QVERIFY(!doc.object().contains(QLatin1String("id")));
            QVERIFY(doc.object().contains(Protocol::methodName(m)));
            QCOMPARE(m_composer->analysis().method, m);
            QCOMPARE(templates->currentData().toInt(), int(m));
        }
        m_composer->loadTemplate(Method::None);
        QVERIFY(m_composer->text().isEmpty());
        QCOMPARE(m_composer->sendState(), SendState::Disabled);
    }

    void templateSelectsFirstPlaceholder()
    {
        m_composer->loadTemplate(Method::Subscribe);
        QCOMPARE(m_composer->editor()->textCursor().selectedText(), QStringLiteral("<channel>"));
        // Typing replaces it.
        QTest::keyClicks(m_composer->editor(), QStringLiteral("news"));
        m_composer->lintNow();
        QVERIFY(m_composer->text().contains(QLatin1String("\"news\"")));
        QCOMPARE(m_composer->sendState(), SendState::Ready);
    }

    void serverNoteShown_data()
    {
        QTest::addColumn<Method>("method");
        QTest::newRow("ping") << Method::Ping;
        QTest::newRow("send") << Method::Send;
        QTest::newRow("rpc") << Method::Rpc;
        QTest::newRow("subscribe (none)") << Method::Subscribe;
    }

    void serverNoteShown()
    {
        QFETCH(Method, method);
        m_composer->loadTemplate(method);
        auto *note = m_composer->findChild<QLabel *>(QStringLiteral("serverNote"));
        QCOMPARE(note->text(), CommandTemplates::serverNote(method));
        QCOMPARE(note->isVisible(), !CommandTemplates::serverNote(method).isEmpty());
    }

    void lintsAfterTypingPause()
    {
        m_composer->setText(QString());
        QTest::keyClicks(m_composer->editor(), QStringLiteral("{\"presence\": {\"channel\": \"a\"}, \"bogus\": 1}"));
        // Nothing yet: the linter waits for a pause in typing.
        QSignalSpy changed(findings()->model(), &QAbstractItemModel::rowsInserted);
        QTRY_VERIFY(changed.count() > 0);
        bool unknown = false;
        for (const LintFinding &f : m_composer->analysis().findings)
            unknown = unknown || f.code == QLatin1String("unknown-field");
        QVERIFY(unknown);
        // The finding is underlined in the text.
        QVERIFY(!m_composer->editor()->extraSelections().isEmpty());
        const QTextEdit::ExtraSelection sel = m_composer->editor()->extraSelections().first();
        QCOMPARE(sel.format.underlineStyle(), QTextCharFormat::WaveUnderline);
    }

    void sendStates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<SendState>("state");
        QTest::newRow("empty") << QString() << SendState::Disabled;
        // Text that is not JSON is sent as typed, on purpose only.
        QTest::newRow("not json") << QStringLiteral("{\"id\": 1,") << SendState::Guarded;
        QTest::newRow("words") << QStringLiteral("subscribe me") << SendState::Guarded;
        QTest::newRow("no method") << QStringLiteral("{\"id\": 2}") << SendState::Guarded;
        QTest::newRow("ping") << QStringLiteral("{\"id\": 3, \"ping\": {}}") << SendState::Guarded;
        QTest::newRow("array") << QStringLiteral("[1, 2]") << SendState::Guarded;
        QTest::newRow("good connect") << QStringLiteral("{\"id\": 1, \"connect\": {}}") << SendState::Ready;
        // A warning (placeholder) does not guard Send; not being connected is only an info.
        QTest::newRow("warning only") << QStringLiteral("{\"publish\": {\"channel\": \"a\", \"data\": \"<x>\"}}")
                                      << SendState::Ready;
    }

    void sendStates()
    {
        QFETCH(QString, text);
        QFETCH(SendState, state);
        m_composer->setText(text);
        QCOMPARE(m_composer->sendState(), state);
        QCOMPARE(sendButton()->isEnabled(), state != SendState::Disabled);
    }

    void sendAnywayArmsAndEditingDisarms()
    {
        m_composer->setText(QStringLiteral("{\"id\": 2}"));
        QCOMPARE(m_composer->sendState(), SendState::Guarded);
        const QString guarded = sendButton()->text();
        QSignalSpy sent(m_composer, &CommandComposer::sent);
        QTest::mouseClick(sendButton(), Qt::LeftButton);
        QCOMPARE(m_composer->sendState(), SendState::Armed);
        QVERIFY(sendButton()->text() != guarded);
        QCOMPARE(sent.count(), 0);
        // Any edit disarms.
        m_composer->editor()->moveCursor(QTextCursor::End);
        QTest::keyClick(m_composer->editor(), Qt::Key_Space);
        QCOMPARE(m_composer->sendState(), SendState::Guarded);
        // Armed and sent while not connected: nothing goes out, and the composer says why.
        QTest::mouseClick(sendButton(), Qt::LeftButton);
        QTest::mouseClick(sendButton(), Qt::LeftButton);
        QCOMPARE(sent.count(), 0);
        QVERIFY(m_composer->findChild<QLabel *>(QStringLiteral("idInfo"))->text().contains(QLatin1String("Not sent")));
        QCOMPARE(m_history->count(), 0);
    }

    void idIsShown()
    {
        m_composer->setText(QStringLiteral("{\"presence\": {\"channel\": \"a\"}}"));
        auto *info = m_composer->findChild<QLabel *>(QStringLiteral("idInfo"));
        QVERIFY(info->text().contains(QString::number(m_session->peekNextId())));
        m_composer->setText(QStringLiteral("{\"id\": 77, \"presence\": {\"channel\": \"a\"}}"));
        QVERIFY(info->text().contains(QLatin1String("77")));
    }

    void historyRecall()
    {
        m_history->add(QStringLiteral("{\"id\": 1, \"connect\": {}}"));
        m_history->add(QStringLiteral("{\"presence\": {\"channel\": \"a\"}}"));
        m_composer->setText(QStringLiteral("draft"));
        m_composer->editor()->setFocus();
        QTest::keyClick(m_composer->editor(), Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(m_composer->text(), QStringLiteral("{\"presence\": {\"channel\": \"a\"}}"));
        QTest::keyClick(m_composer->editor(), Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(m_composer->text(), QStringLiteral("{\"id\": 1, \"connect\": {}}"));
        QTest::keyClick(m_composer->editor(), Qt::Key_Up, Qt::ControlModifier); // stays at the oldest
        QCOMPARE(m_composer->text(), QStringLiteral("{\"id\": 1, \"connect\": {}}"));
        QTest::keyClick(m_composer->editor(), Qt::Key_Down, Qt::ControlModifier);
        QTest::keyClick(m_composer->editor(), Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(m_composer->text(), QStringLiteral("draft")); // back to what was typed

        // The dropdown loads an entry too.
        auto *box = m_composer->findChild<QComboBox *>(QStringLiteral("history"));
        QCOMPARE(box->count(), 2);
        box->activated(1);
        QCOMPARE(m_composer->text(), QStringLiteral("{\"id\": 1, \"connect\": {}}"));
    }

    void highlighterColoursJson()
    {
        QTextDocument doc;
        JsonHighlighter highlighter(&doc);
        doc.setPlainText(QStringLiteral("{\"key\": \"<channel>\", \"n\": -1.5, \"b\": true, \"s\": \"x\"}"));
        highlighter.rehighlight();
        const QList<QTextLayout::FormatRange> formats = doc.firstBlock().layout()->formats();
        auto formatAt = [&formats](int pos) {
            for (const QTextLayout::FormatRange &r : formats) {
                if (pos >= r.start && pos < r.start + r.length)
                    return r.format;
            }
            return QTextCharFormat();
        };
        QCOMPARE(formatAt(2).foreground(), highlighter.keyFormat().foreground());          // key
        QCOMPARE(formatAt(10).foreground(), highlighter.placeholderFormat().foreground()); // <channel>
        QCOMPARE(formatAt(27).foreground(), highlighter.numberFormat().foreground());      // -1.5
        QCOMPARE(formatAt(38).foreground(), highlighter.literalFormat().foreground());     // true
        QCOMPARE(formatAt(49).foreground(), highlighter.stringFormat().foreground());      // "x"
    }
};

QTEST_MAIN(TestCommandComposer)
#include "tst_commandcomposer.moc"
