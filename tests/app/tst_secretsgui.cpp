// Secrets on screen and in files, without a server: the connection panel's token and secret headers, the TLS
// warning before connecting, the timeline's detail pane and export, and the window's View ▸ Show secrets switch.
#include "connectionpanel.h"
#include "jwt.h"
#include "mainwindow.h"
#include "session.h"
#include "timelinemodel.h"
#include "timelinetestdata.h"
#include "timelinewidget.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace TimelineTestData;

namespace {

const QString kJwt = Jwt::sign(R"({"sub":"42","exp":4102444800})", "test-only-hmac-secret");
const QString kSignature = kJwt.section(QLatin1Char('.'), 2);
const QByteArray kOpaque = "opaque-subscription-token-4711";

// A connect and a subscribe in one frame (as the SDKs send them), then the connect reply.
QList<Frame> framesWithSecrets()
{
    return {clientFrame(R"({"id":1,"connect":{"token":")" + kJwt.toUtf8() + R"("}})" + '\n' +
                        R"({"id":2,"subscribe":{"channel":"$p","token":")" + kOpaque + R"("}})"),
            serverFrame(kConnectReply)};
}

} // namespace

class TestSecretsGui : public QObject
{
    Q_OBJECT

private slots:
    void secretHeadersAreMaskedAndNotSaved()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Session session;
        ConnectionPanel panel(&session, &settings);
        SessionOptions o;
        o.url = QUrl(QStringLiteral("ws://127.0.0.1:1/x"));
        o.headers = {{"Authorization", "Bearer header-secret-0815"},
                     {"X-Trace-Id", "trace-1"},
                     {"X-Forwarded-Token", kJwt.toUtf8()},
                     {"X-Custom", kJwt.toUtf8()}};
        panel.setOptions(o);
        auto *headers = panel.findChild<QTableWidget *>(QStringLiteral("headers"));
        QCOMPARE(headers->rowCount(), 4);
        const QString dots(8, QChar(0x2022));
        QCOMPARE(panel.shownHeaderValue(0), dots);
        QCOMPARE(panel.shownHeaderValue(1), QStringLiteral("trace-1"));
        QCOMPARE(panel.shownHeaderValue(2), dots);
        QCOMPARE(panel.shownHeaderValue(3), dots); // a JWT in any header
        // Editing a secret value happens in a password field.
        QStyleOptionViewItem option;
        std::unique_ptr<QWidget> editor(
            headers->itemDelegateForColumn(1)->createEditor(headers, option, headers->model()->index(0, 1)));
        QCOMPARE(qobject_cast<QLineEdit *>(editor.get())->echoMode(), QLineEdit::Password);
        std::unique_ptr<QWidget> plain(
            headers->itemDelegateForColumn(1)->createEditor(headers, option, headers->model()->index(1, 1)));
        QCOMPARE(qobject_cast<QLineEdit *>(plain.get())->echoMode(), QLineEdit::Normal);

        // The explicit switch shows them, and the token too.
        auto *token = panel.findChild<QLineEdit *>(QStringLiteral("token"));
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        panel.setShowSecrets(true);
        QCOMPARE(panel.shownHeaderValue(0), QStringLiteral("Bearer header-secret-0815"));
        QCOMPARE(token->echoMode(), QLineEdit::Normal);
        panel.setShowSecrets(false);
        QCOMPARE(panel.shownHeaderValue(0), dots);
        QCOMPARE(token->echoMode(), QLineEdit::Password);

        // The values are used for the connection, but only the plain ones are saved.
        SessionOptions read;
        QString error;
        QVERIFY2(panel.readOptions(&read, &error), qPrintable(error));
        QCOMPARE(read.headers, o.headers);
        panel.saveSettings();
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("trace-1"));
        QVERIFY(saved.contains("Authorization"));
        QVERIFY2(!saved.contains("header-secret-0815"), saved.constData());
        QVERIFY(!saved.contains(kSignature.toUtf8()));
    }

    void tlsOptionsAndWarningBeforeConnecting()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        const QString ca = dir.filePath(QStringLiteral("ca.pem"));
        {
            QFile f(ca);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not checked here\n");
        }
        {
            Session session;
            ConnectionPanel panel(&session, &settings);
            QVERIFY(panel.tlsWarningText().isEmpty());
            auto *ignore = panel.findChild<QCheckBox *>(QStringLiteral("ignoreCertificateErrors"));
            auto *caFile = panel.findChild<QLineEdit *>(QStringLiteral("caFile"));
            QVERIFY(ignore && caFile);
            QVERIFY(!ignore->isChecked());
            ignore->setChecked(true);
            QVERIFY2(panel.tlsWarningText().contains(QLatin1String("will be ignored")),
                     qPrintable(panel.tlsWarningText()));
            ignore->setChecked(false);
            QVERIFY(panel.tlsWarningText().isEmpty());

            panel.setUrl(QStringLiteral("wss://127.0.0.1:1/x"));
            caFile->setText(dir.filePath(QStringLiteral("missing.pem")));
            SessionOptions o;
            QString error;
            QVERIFY(!panel.readOptions(&o, &error));
            QVERIFY2(error.contains(QLatin1String("missing.pem")), qPrintable(error));
            caFile->setText(ca);
            ignore->setChecked(true);
            QVERIFY2(panel.readOptions(&o, &error), qPrintable(error));
            QCOMPARE(o.caCertificatesFile, ca);
            QVERIFY(o.ignoreCertificateErrors);
            panel.saveSettings();
        }
        // The CA file is remembered; ignoring certificate errors is not (off at every start).
        Session session;
        ConnectionPanel panel(&session, &settings);
        QCOMPARE(panel.findChild<QLineEdit *>(QStringLiteral("caFile"))->text(), ca);
        QVERIFY(!panel.findChild<QCheckBox *>(QStringLiteral("ignoreCertificateErrors"))->isChecked());
        QVERIFY(panel.tlsWarningText().isEmpty());
        // A profile (setOptions) that ignores them shows the warning.
        SessionOptions o;
        o.url = QUrl(QStringLiteral("wss://127.0.0.1:1/x"));
        o.ignoreCertificateErrors = true;
        panel.setOptions(o);
        QVERIFY(!panel.tlsWarningText().isEmpty());
    }

    void timelineDetailIsMaskedUntilShown()
    {
        TimelineModel model;
        TimelineWidget widget(&model);
        model.appendFrames(framesWithSecrets());
        model.flush();
        QTRY_COMPARE(widget.tableView()->model()->rowCount(), 3);
        auto text = [&](const char *name) {
            return widget.findChild<QPlainTextEdit *>(QLatin1String(name))->toPlainText();
        };
        for (int row : {0, 1}) {
            widget.tableView()->setCurrentIndex(widget.tableView()->model()->index(row, 0));
            for (const char *view : {"prettyView", "rawView", "hexView"}) {
                QVERIFY2(!text(view).contains(kSignature), view);
                QVERIFY2(!text(view).contains(QString::fromUtf8(kOpaque)), view);
            }
            // The raw tab also holds the whole frame: both tokens masked there.
            QVERIFY(text("rawView").contains(QStringLiteral("eyJhbGciOi…(masked)")));
            QVERIFY(text("rawView").contains(QLatin1String("\"token\":\"***(masked)\"")));
            QVERIFY2(widget.findChild<QLabel *>(QStringLiteral("summaryLabel"))
                         ->text()
                         .contains(QLatin1String("Show secrets")),
                     qPrintable(widget.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text()));
        }
        widget.tableView()->setCurrentIndex(widget.tableView()->model()->index(0, 0));
        widget.setShowSecrets(true);
        QVERIFY(text("prettyView").contains(kJwt));
        QVERIFY(text("rawView").contains(QString::fromUtf8(kOpaque)));
        QVERIFY(!widget.findChild<QLabel *>(QStringLiteral("summaryLabel"))
                     ->text()
                     .contains(QLatin1String("Show secrets")));
        widget.setShowSecrets(false);
        QVERIFY(!text("prettyView").contains(kJwt));
        // A row without secrets says nothing about masking.
        widget.tableView()->setCurrentIndex(widget.tableView()->model()->index(2, 0));
        QVERIFY(!widget.findChild<QLabel *>(QStringLiteral("summaryLabel"))
                     ->text()
                     .contains(QLatin1String("Show secrets")));

        // Known secrets from the source are masked too.
        Frame echo = serverFrame(R"({"push":{"channel":"c","pub":{"data":{"k":"api-key-0815"}}}})");
        model.appendFrame(echo);
        model.flush();
        SecretMasker known;
        known.addSecret(QStringLiteral("api-key-0815"));
        widget.setSecretSource([known] { return known; });
        QTRY_COMPARE(widget.tableView()->model()->rowCount(), 4);
        widget.tableView()->setCurrentIndex(widget.tableView()->model()->index(3, 0));
        QVERIFY(!text("prettyView").contains(QLatin1String("api-key-0815")));
        QVERIFY(text("prettyView").contains(QLatin1String("***(masked)")));
    }

    void timelineExportMasksUnlessAsked()
    {
        QTemporaryDir dir;
        TimelineModel model;
        TimelineWidget widget(&model);
        model.appendFrames(framesWithSecrets());
        model.flush();
        QSignalSpy finished(&widget, &TimelineWidget::exportFinished);
        QVERIFY(widget.exportJsonLines(dir.filePath(QStringLiteral("masked.jsonl"))));
        QVERIFY(finished.wait());
        QVERIFY(widget.exportJsonLines(dir.filePath(QStringLiteral("full.jsonl")), false, true));
        QVERIFY(finished.wait());
        QFile masked(dir.filePath(QStringLiteral("masked.jsonl")));
        QVERIFY(masked.open(QIODevice::ReadOnly));
        const QByteArray m = masked.readAll();
        QVERIFY(!m.contains(kSignature.toUtf8()) && !m.contains(kOpaque));
        QFile full(dir.filePath(QStringLiteral("full.jsonl")));
        QVERIFY(full.open(QIODevice::ReadOnly));
        const QByteArray f = full.readAll();
        QVERIFY(f.contains(kSignature.toUtf8()) && f.contains(kOpaque));
        QVERIFY2(widget.noticeText().contains(QLatin1String("Secrets are included")), qPrintable(widget.noticeText()));
    }

    void windowSwitchDrivesEverything()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Session session;
        MainWindow window(&session, &settings);
        QAction *show = window.action(QStringLiteral("showSecrets"));
        QVERIFY(show && show->isCheckable());
        QVERIFY(!show->isChecked()); // off at every start
        QVERIFY(!session.showSecrets());
        QVERIFY(!window.timeline()->showSecrets());
        QVERIFY(!window.connectionPanel()->showSecrets());
        auto *label = window.findChild<QLabel *>(QStringLiteral("secretsShownLabel"));
        QVERIFY(label && label->isHidden());

        show->trigger();
        QVERIFY(window.secretsShown());
        QVERIFY(session.showSecrets());
        QVERIFY(window.timeline()->showSecrets());
        QVERIFY(window.connectionPanel()->showSecrets());
        QVERIFY(!label->isHidden());
        show->trigger();
        QVERIFY(!session.showSecrets() && !window.timeline()->showSecrets() && !label->isVisible());

        // Not remembered: a new window starts with secrets hidden.
        window.close();
        Session again;
        MainWindow second(&again, &settings);
        QVERIFY(!second.action(QStringLiteral("showSecrets"))->isChecked());
    }

    void exportDialogOffersIncludeSecretsOffByDefault()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Session session;
        MainWindow window(&session, &settings);
        window.timelineModel()->appendFrames(framesWithSecrets());
        window.timelineModel()->flush();
        const QString path = dir.filePath(QStringLiteral("dialog.jsonl"));
        bool seen = false;
        bool checked = true;
        // The dialog is modal: look at it and choose the file from the event loop it runs.
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *include = dialog->findChild<QCheckBox *>(QStringLiteral("includeSecrets"));
            QVERIFY(include);
            seen = include->isVisibleTo(dialog);
            checked = include->isChecked();
            dialog->selectFile(path);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected
        });
        QSignalSpy finished(window.timeline(), &TimelineWidget::exportFinished);
        window.exportTimeline();
        QVERIFY(seen);
        QVERIFY(!checked);
        QVERIFY(finished.count() == 1 || finished.wait());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(kSignature.toUtf8()));
    }
};

QTEST_MAIN(TestSecretsGui)
#include "tst_secretsgui.moc"
