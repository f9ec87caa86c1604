#include "jsontext.h"
#include "jwt.h"
#include "profileeditor.h"
#include "profilemanagerdialog.h"
#include "profilestore.h"
#include "secretstore.h"
#include "tokendecoderdialog.h"
#include "tokengeneratordialog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {

const QDateTime kNow(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc()); // 1767268800

QPushButton *button(QWidget *parent, const QString &text)
{
    const auto buttons = parent->findChildren<QPushButton *>();
    for (QPushButton *b : buttons) {
        if (b->text().remove(QLatin1Char('&')) == text)
            return b;
    }
    return nullptr;
}

} // namespace

class TestTokenDialogs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void generatorBuildsCentrifugoToken()
    {
        TokenGeneratorDialog dialog;
        dialog.setClock([] { return kNow; });
        QVERIFY(dialog.token().isEmpty()); // no secret yet
        QVERIFY(dialog.problems().first().contains(QLatin1String("HMAC secret")));
        QVERIFY(!button(&dialog, QStringLiteral("Copy Token"))->isEnabled());

        dialog.setSecret(QStringLiteral("test-only-hmac-secret"));
        TokenClaims claims;
        claims.sub = QStringLiteral("42");
        claims.exp = kNow.toSecsSinceEpoch() + 3600;
        claims.iat = 1;
        claims.info = R"({"name":"Alice"})";
        claims.channels = QStringList{QStringLiteral("news")};
        dialog.setClaims(claims);
        QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));
        const QByteArray expected = R"({"info":{"name":"Alice"},"channels":["news"],"sub":"42","exp":1767272400,)"
                                    R"("iat":1767268800})";
        QCOMPARE(dialog.token(), Jwt::sign(expected, "test-only-hmac-secret"));

        QSignalSpy used(&dialog, &TokenGeneratorDialog::useAsConnectionToken);
        QPushButton *use = button(&dialog, QStringLiteral("Use as Connection Token"));
        QVERIFY(use && use->isEnabled());
        use->click();
        QCOMPARE(used.count(), 1);
        QCOMPARE(used.first().first().toString(), dialog.token());
    }

    void generatorSubscriptionAndExpired()
    {
        TokenGeneratorDialog dialog;
        dialog.setClock([] { return kNow; });
        dialog.setSecret(QStringLiteral("k"));
        dialog.setKind(TokenClaims::Kind::Subscription);
        QVERIFY(dialog.problems().join(QLatin1Char(' ')).contains(QLatin1String("channel")));
        dialog.setChannel(QStringLiteral("$secret"));
        dialog.setExpiresAfter(-300); // an expired token, to see error 109
        QVERIFY(dialog.problems().isEmpty());
        const Jwt jwt = Jwt::decode(dialog.token());
        QVERIFY(jwt.isSubscriptionToken());
        QCOMPARE(jwt.payloadJson(), QByteArray(R"({"exp":1767268500,"iat":1767268800,"channel":"$secret"})"));
        QCOMPARE(jwt.timeState(kNow), Jwt::TimeState::Expired);

        QSignalSpy used(&dialog, &TokenGeneratorDialog::useAsSubscriptionToken);
        button(&dialog, QStringLiteral("Use as Subscription Token"))->click();
        QCOMPARE(used.count(), 1);
        QCOMPARE(used.first().at(0).toString(), QStringLiteral("$secret"));

        // Invalid JSON blocks the token and says why.
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("info"))->setPlainText(QStringLiteral("{oops"));
        QVERIFY(dialog.token().isEmpty());
        QVERIFY(dialog.problems().first().contains(QLatin1String("info is not valid JSON")));
    }

    void generatorNeverExpires()
    {
        TokenGeneratorDialog dialog;
        dialog.setClock([] { return kNow; });
        dialog.setSecret(QStringLiteral("k"));
        dialog.setExpiryMode(TokenGeneratorDialog::ExpiryMode::Never);
        QCOMPARE(Jwt::decode(dialog.token()).payloadJson(), QByteArray(R"({"iat":1767268800})"));
    }

    void decoderExplains()
    {
        TokenDecoderDialog dialog;
        dialog.setClock([] { return kNow; });
        QVERIFY(dialog.statusText().contains(QLatin1String("Paste")));

        dialog.setToken(QStringLiteral("not a token"));
        QVERIFY(dialog.statusText().contains(QLatin1String("three parts")));
        QVERIFY(dialog.claimsText().isEmpty());

        TokenClaims c;
        c.sub = QStringLiteral("42");
        c.exp = kNow.toSecsSinceEpoch() - 7200;
        c.info = R"({"z":1,"a":2})";
        const QString token = Jwt::sign(c.toJson(), "right");
        dialog.setToken(QStringLiteral("Bearer ") + token);
        QCOMPARE(dialog.statusText(), QStringLiteral("HS256 connection token for user \"42\"."));
        QVERIFY2(dialog.expiryText().startsWith(QLatin1String("Expired 2 h ago")), qPrintable(dialog.expiryText()));
        QVERIFY(dialog.expiryText().contains(QLatin1String("109")));
        QCOMPARE(dialog.claimsText(), QString::fromUtf8(JsonText::indent(c.toJson()))); // token's claim order
        QVERIFY(dialog.claimsText().indexOf(QLatin1String("\"z\"")) <
                dialog.claimsText().indexOf(QLatin1String("\"a\"")));
        QVERIFY(dialog.verificationText().contains(QLatin1String("not checked")));

        dialog.setSecret(QStringLiteral("wrong"));
        QVERIFY(dialog.verificationText().startsWith(QLatin1String("Signature invalid")));
        dialog.setSecret(QStringLiteral("right"));
        QVERIFY(dialog.verificationText().startsWith(QLatin1String("Signature valid")));

        QSignalSpy edit(&dialog, &TokenDecoderDialog::editRequested);
        button(&dialog, QStringLiteral("Edit in Generator"))->click();
        QCOMPARE(edit.count(), 1);
        QCOMPARE(edit.first().first().value<TokenClaims>().sub, QStringLiteral("42"));
    }

    void profileManagerEditsAndNeverExportsSecrets()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("manager.ini")), QSettings::IniFormat);
        SecretStore secrets(QStringLiteral("test"), SecretStore::Mode::MemoryOnly);
        ProfileStore store(&settings);
        store.setSecretStore(&secrets);
        QAbstractItemModelTester tester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProfileManagerDialog dialog(&store, &secrets);
        dialog.setConfirmationsEnabled(false);
        QCOMPARE(dialog.selectedId(), store.currentId());

        const QString id = dialog.createProfile();
        QCOMPARE(store.rowCount(), 2);
        QCOMPARE(dialog.selectedId(), id);

        // Edit through the editor's fields: URL, generated token with a secret.
        ProfileEditor *editor = dialog.editor();
        auto *url = editor->findChild<QLineEdit *>(QStringLiteral("url"));
        QCOMPARE(url->text(), QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
        url->setText(QStringLiteral("ws://staging:8000/connection/websocket"));
        QVERIFY(editor->isModified());
        editor->findChild<QRadioButton *>(QStringLiteral("sourceGenerated"))->setChecked(true);
        auto *hmac = editor->findChild<QLineEdit *>(QStringLiteral("hmacSecret"));
        QCOMPARE(hmac->echoMode(), QLineEdit::Password); // masked
        hmac->setText(QStringLiteral("very-secret-hmac"));
        QCOMPARE(editor->hmacSecret(), QStringLiteral("very-secret-hmac"));
        QVERIFY(dialog.apply());
        QVERIFY(!editor->isModified());
        const ConnectionProfile saved = store.profile(id);
        QCOMPARE(saved.url, QUrl(QStringLiteral("ws://staging:8000/connection/websocket")));
        QCOMPARE(saved.tokenSource, ConnectionProfile::TokenSource::Generated);
        QString secret;
        QVERIFY(secrets.cached(saved.secretKey(ConnectionProfile::Secret::HmacSecret), &secret));
        QCOMPARE(secret, QStringLiteral("very-secret-hmac"));
        QVERIFY(dialog.lastMessage().contains(QLatin1String("memory only")));

        // Export: no secret in the file.
        const QString path = m_dir.filePath(QStringLiteral("profiles.json"));
        QVERIFY(dialog.exportProfiles(path, true));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray exported = file.readAll();
        QVERIFY(!exported.contains("very-secret-hmac"));
        QVERIFY(exported.contains("ws://staging:8000"));

        // Switching shows the other profile; reselecting loads the secret back from the store.
        dialog.selectProfile(store.profiles().first().id);
        QVERIFY(editor->hmacSecret().isEmpty());
        dialog.selectProfile(id);
        QTRY_COMPARE(editor->hmacSecret(), QStringLiteral("very-secret-hmac"));
        QVERIFY(!editor->isModified()); // loading secrets is not an edit

        // Import tells which profiles need secrets.
        const QStringList imported = dialog.importProfiles(path);
        QCOMPARE(imported.size(), 2);
        QVERIFY2(dialog.lastMessage().contains(QLatin1String("Enter their secrets")), qPrintable(dialog.lastMessage()));

        // Use: makes it current and asks to connect.
        dialog.selectProfile(id);
        QSignalSpy connectSpy(&dialog, &ProfileManagerDialog::connectRequested);
        dialog.useProfile();
        QCOMPARE(connectSpy.count(), 1);
        QCOMPARE(store.currentId(), id);

        // Delete removes the profile and its secrets.
        QVERIFY(dialog.deleteProfile());
        QVERIFY(!store.contains(id));
        QVERIFY(!secrets.cached(saved.secretKey(ConnectionProfile::Secret::HmacSecret), nullptr));
        QVERIFY(store.currentId() != id);
    }

    void unsavedChangesAreSavedWhenSwitchingWithoutQuestions()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("switch.ini")), QSettings::IniFormat);
        ProfileStore store(&settings);
        ProfileManagerDialog dialog(&store, nullptr);
        dialog.setConfirmationsEnabled(false);
        const QString first = store.currentId();
        const QString second = dialog.createProfile();
        auto *name = dialog.editor()->findChild<QLineEdit *>(QStringLiteral("name"));
        QCOMPARE(name->text(), QStringLiteral("New profile"));
        name->setText(QStringLiteral("Renamed by edit"));
        dialog.selectProfile(first);
        QCOMPARE(store.profile(second).name, QStringLiteral("Renamed by edit"));
        QCOMPARE(dialog.selectedId(), first);
    }
};

QTEST_MAIN(TestTokenDialogs)
#include "tst_tokendialogs.moc"
