// Defects of the state area and of profiles, against a real Centrifugo: after a close the explanation does not
// paint over the detail rows, in English and Chinese (1); while reconnecting the headline has a real dash and its
// countdown ticks (2); "Use and Connect" while connected offers to reconnect with the profile (7); a presence
// reply carries its channel in the timeline (10). Waits on signals and QTRY_*, never on sleeps.
#include "centrifugoserver.h"
#include "connectionpanel.h"
#include "connectionstatearea.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "reconnector.h"
#include "secretstore.h" // profilestore.h needs it complete (QPointer<SecretStore>)
#include "session.h"
#include "subscriptionpanel.h"
#include "timelinefiltermodel.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

namespace {

// Clicks `button` of the next modal message box.
void answerNextMessageBox(QMessageBox::StandardButton button, bool *seen)
{
    QTimer::singleShot(0, qApp, [button, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(button, seen);
            return;
        }
        *seen = true;
        box->button(button)->click();
    });
}

// The label's text fits: it is as tall as its wrapped text needs and ends above the first detail row.
QString overlapProblem(ConnectionStateArea *area)
{
    QLabel *explanation = area->explanationLabel();
    QLabel *clientId = area->detailLabel(0);
    if (!explanation->isVisible())
        return QStringLiteral("no explanation shown");
    const int needed = explanation->heightForWidth(explanation->width());
    if (explanation->height() < needed)
        return QStringLiteral("explanation cut: %1 of %2 px").arg(explanation->height()).arg(needed);
    const QRect e(explanation->mapTo(area, QPoint()), explanation->size());
    const QRect c(clientId->mapTo(area, QPoint()), clientId->size());
    if (e.intersects(c) || e.bottom() > c.top())
        return QStringLiteral("explanation %1..%2 over the client id row at %3")
            .arg(e.top())
            .arg(e.bottom())
            .arg(c.top());
    if (!area->rect().contains(c))
        return QStringLiteral("detail rows cut off");
    return {};
}

} // namespace

class TestGuiDefectsLive : public QObject
{
    Q_OBJECT

private:
    CentrifugoServer m_server;
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;

    ConnectionPanel *panel() const { return m_window->connectionPanel(); }

    void openWindow(const QUrl &url)
    {
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s-%1.ini").arg(++m_counter)),
                                                 QSettings::IniFormat);
        m_session = std::make_unique<Session>();
        m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
        panel()->setUrl(url.toString());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    bool connectWindow()
    {
        QSignalSpy connected(m_session.get(), &Session::connected);
        return panel()->connectToServer() && connected.wait(10000);
    }

private slots:
    void initTestCase()
    {
        qputenv("INSPECTOR_TRANSLATIONS_DIR", INSPECTOR_TEST_QM_DIR);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void cleanup()
    {
        if (m_window)
            m_window->setLanguage(QStringLiteral("en"));
        m_window.reset();
        m_session.reset();
    }

    // Defects 1 and 2: a lost server (1006, reconnecting) in English and Chinese.
    void closeExplainedWithoutOverlapAndCountdownTicks()
    {
        CentrifugoServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        openWindow(server.webSocketUrl());
        m_window->reconnector()->setPolicy({4000, 4000});
        QVERIFY(connectWindow());
        QSignalSpy closed(m_session.get(), &Session::closed);
        server.stop();
        QVERIFY(closed.wait(10000));
        QTRY_VERIFY(m_window->reconnector()->isScheduled());

        ConnectionStateArea *area = panel()->stateArea();
        QTRY_VERIFY2(overlapProblem(area).isEmpty(), qPrintable(overlapProblem(area)));
        const QString headline = panel()->stateText();
        QVERIFY2(headline.contains(QChar(0x2014)), qPrintable(headline)); // "—", not "â"
        QVERIFY2(!headline.contains(QChar(0xe2)), qPrintable(headline));
        // The countdown ticks within one attempt, in whole seconds (a new headline lays the panel out again).
        static const QRegularExpression countdown(QStringLiteral("reconnecting in ([0-9]+) s"));
        const QRegularExpressionMatch first = countdown.match(headline);
        QVERIFY2(first.hasMatch(), qPrintable(headline));
        QTRY_VERIFY_WITH_TIMEOUT(countdown.match(panel()->stateText()).hasMatch() &&
                                     countdown.match(panel()->stateText()).captured(1) != first.captured(1),
                                 3000);
        QCOMPARE(countdown.match(panel()->stateText()).captured(1).toInt(), first.captured(1).toInt() - 1);

        // The same in Chinese, switched live: the longer text still pushes the rows down.
        m_window->setLanguage(QStringLiteral("zh_CN"));
        QVERIFY(panel()->stateText() != headline);
        QTRY_VERIFY2(overlapProblem(area).isEmpty(), qPrintable(overlapProblem(area)));
        QVERIFY(!panel()->stateText().contains(QChar(0xe2)));
        m_window->reconnector()->cancel();
    }

    // Defect 7: "Use and Connect" while connected offers to reconnect with the profile, and does.
    void useProfileWhileConnectedReconnects()
    {
        openWindow(m_server.webSocketUrl());
        QVERIFY(connectWindow());
        QString id;
        {
            ProfileStore store(m_settings.get());
            ConnectionProfile base;
            base.url = m_server.webSocketUrl();
            base.headers = {{"X-Inspector-Profile", "second", false}};
            id = store.create(QStringLiteral("Second"), base);
        }
        QSignalSpy connected(m_session.get(), &Session::connected);
        bool asked = false;
        answerNextMessageBox(QMessageBox::Yes, &asked);
        m_window->connectWithProfile(id);
        QVERIFY(asked);
        QVERIFY(connected.wait(15000));
        QCOMPARE(m_session->options().headers.size(), 1);
        QCOMPARE(m_session->options().headers.constFirst().first, QByteArray("X-Inspector-Profile"));

        // Cancel keeps the connection as it is.
        asked = false;
        answerNextMessageBox(QMessageBox::Cancel, &asked);
        m_window->connectWithProfile(id);
        QVERIFY(asked);
        QCOMPARE(m_session->state(), Session::State::Connected);
    }

    // Defect 10: the presence reply shows the channel it was asked for, and the channel filter keeps it.
    void replyCarriesChannel()
    {
        openWindow(m_server.webSocketUrl());
        QVERIFY(connectWindow());
        SubscribeOptions o;
        o.channel = QStringLiteral("chat:replies");
        QSignalSpy frames(m_session.get(), &Session::frame);
        QVERIFY(m_window->subscriptionPanel()->subscribe(o));
        QTRY_VERIFY(m_window->subscriptionPanel()->presence(o.channel) != 0);
        TimelineModel *model = m_window->timelineModel();
        const auto presenceReplyRow = [model] {
            model->flush();
            for (int row = 0; row < model->rowCount(); ++row) {
                const QModelIndex i = model->index(row, 0);
                if (i.data(TimelineModel::KindNameRole).toString() == QLatin1String("presence_reply"))
                    return row;
            }
            return -1;
        };
        QTRY_VERIFY(presenceReplyRow() >= 0);
        const int row = presenceReplyRow();
        QCOMPARE(model->index(row, TimelineModel::ChannelColumn).data().toString(), o.channel);
        TimelineFilter f;
        f.channel = o.channel;
        m_window->timeline()->filterModel()->setFilter(f);
        QTRY_VERIFY(!m_window->timeline()->filterModel()->isBusy());
        bool found = false;
        for (int r = 0; r < m_window->timeline()->filterModel()->rowCount(); ++r)
            found = found || m_window->timeline()->filterModel()->sourceRow(r) == row;
        QVERIFY(found);
    }
};

QTEST_MAIN(TestGuiDefectsLive)
#include "tst_guidefects_live.moc"
