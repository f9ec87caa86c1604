#include "jwt.h"
#include "secretstore.h"

#include <QSignalSpy>
#include <QTest>

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void memoryOnlyIsReportedAsNotPersistent()
    {
        SecretStore store(QStringLiteral("inspector-test"), SecretStore::Mode::MemoryOnly);
        QVERIFY(store.isReady());
        QCOMPARE(store.backend(), SecretStore::Backend::Memory);
        QVERIFY(!store.isPersistent());
        QVERIFY(store.backendDescription().contains(QLatin1String("memory only")));
        QVERIFY(store.backendDescription().contains(QLatin1String("forgotten")));
    }

    void autoModeReportsWhatItUses()
    {
        // Headless test machines have no keychain (no D-Bus session); a desktop may have one. Either way the
        // store must decide, say which, and work.
        SecretStore store(QStringLiteral("inspector-test"));
        QSignalSpy backend(&store, &SecretStore::backendChanged);
        QCOMPARE(store.backend(), SecretStore::Backend::Probing);
        QVERIFY(!store.isReady());
        QVERIFY(store.backendDescription().contains(QLatin1String("Checking")));
        QVERIFY(backend.wait(20000));
        QVERIFY(store.isReady());
        if (store.isPersistent()) {
            QCOMPARE(store.backend(), SecretStore::Backend::Keychain);
            QVERIFY(store.backendDescription().contains(QLatin1String("keychain")));
            QVERIFY(store.unavailableReason().isEmpty());
        } else {
            QCOMPARE(store.backend(), SecretStore::Backend::Memory);
            QVERIFY(!store.unavailableReason().isEmpty());
            QVERIFY2(store.backendDescription().contains(QLatin1String("No system keychain is available")),
                     qPrintable(store.backendDescription()));
            QVERIFY(store.backendDescription().contains(store.unavailableReason()));
            qInfo("Fallback reported: %s", qPrintable(store.backendDescription()));
        }
    }

    void operationsIssuedWhileProbingWait()
    {
        SecretStore store(QStringLiteral("inspector-test"));
        QVERIFY(!store.isReady());
        bool written = false;
        bool found = false;
        QString value;
        const QString key = QStringLiteral("test/probing-%1").arg(QCoreApplication::applicationPid());
        store.write(key, QStringLiteral("queued-value"), this, [&](bool ok, const QString &) { written = ok; });
        store.read(key, this, [&](bool f, const QString &v, const QString &) {
            found = f;
            value = v;
        });
        QVERIFY(!written); // never inside the call
        QTRY_VERIFY_WITH_TIMEOUT(found, 20000);
        QCOMPARE(value, QStringLiteral("queued-value"));
        bool removed = false;
        store.remove(key, this, [&](bool ok, const QString &) { removed = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
    }

    void readWriteRemoveAsynchronously()
    {
        SecretStore store(QStringLiteral("inspector-test"), SecretStore::Mode::MemoryOnly);
        QSignalSpy changed(&store, &SecretStore::secretChanged);
        int calls = 0;
        bool ok = false;
        store.write(QStringLiteral("k"), QStringLiteral("v1"), this, [&](bool success, const QString &error) {
            ++calls;
            ok = success && error.isEmpty();
        });
        QCOMPARE(calls, 0); // callbacks come from the event loop
        QCOMPARE(changed.count(), 1);
        QTRY_COMPARE(calls, 1);
        QVERIFY(ok);

        bool found = false;
        QString value;
        store.read(QStringLiteral("k"), this, [&](bool f, const QString &v, const QString &) {
            ++calls;
            found = f;
            value = v;
        });
        QTRY_COMPARE(calls, 2);
        QVERIFY(found);
        QCOMPARE(value, QStringLiteral("v1"));

        store.remove(QStringLiteral("k"));
        QCOMPARE(changed.count(), 2);
        store.read(QStringLiteral("k"), this, [&](bool f, const QString &, const QString &error) {
            ++calls;
            found = f;
            QVERIFY(error.isEmpty()); // not found is not an error
        });
        QTRY_COMPARE(calls, 3);
        QVERIFY(!found);
    }

    void callbackDroppedWhenContextDies()
    {
        SecretStore store(QStringLiteral("inspector-test"), SecretStore::Mode::MemoryOnly);
        bool called = false;
        auto *context = new QObject;
        store.read(QStringLiteral("k"), context, [&](bool, const QString &, const QString &) { called = true; });
        delete context;
        bool sentinel = false;
        store.read(QStringLiteral("k"), this, [&](bool, const QString &, const QString &) { sentinel = true; });
        QTRY_VERIFY(sentinel); // the later callback ran, so the earlier one had its chance
        QVERIFY(!called);
    }

    void maskerKnowsEverySecretOfTheRun()
    {
        SecretStore store(QStringLiteral("inspector-test"), SecretStore::Mode::MemoryOnly);
        store.write(QStringLiteral("api"), QStringLiteral("test-api-key"));
        store.write(QStringLiteral("hmac"), QStringLiteral("old-hmac-secret"));
        store.write(QStringLiteral("hmac"), QStringLiteral("new-hmac-secret"));
        store.remove(QStringLiteral("api"));
        const QString line =
            QStringLiteral("key test-api-key old-hmac-secret new-hmac-secret ") + Jwt::sign("{\"sub\":\"1\"}", "x");
        QCOMPARE(store.masker().mask(line),
                 QStringLiteral("key ***(masked) ***(masked) ***(masked) eyJhbGciOi…(masked)"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
