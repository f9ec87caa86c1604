#include "jwt.h"
#include "profilestore.h"
#include "secretstore.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestProfileStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A fresh settings file per test.
    std::unique_ptr<QSettings> newSettings()
    {
        return std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_counter)),
                                           QSettings::IniFormat);
    }

private slots:
    void freshStoreHasDefaultProfile()
    {
        auto settings = newSettings();
        ProfileStore store(settings.get());
        QAbstractItemModelTester tester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(store.rowCount(), 1);
        QCOMPARE(store.current().name, QStringLiteral("Local Centrifugo"));
        QCOMPARE(store.current().url, QUrl(QStringLiteral("ws://127.0.0.1:8000/connection/websocket")));
        QVERIFY(store.data(store.index(0), ProfileStore::IsCurrentRole).toBool());
        QVERIFY(store.data(store.index(0), Qt::FontRole).value<QFont>().bold());
    }

    void createDuplicateRenameRemove()
    {
        auto settings = newSettings();
        ProfileStore store(settings.get());
        QAbstractItemModelTester tester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&store, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&store, &ProfileStore::profileChanged);

        ConnectionProfile base;
        base.url = QUrl(QStringLiteral("ws://staging:8000/connection/websocket"));
        const QString staging = store.create(QStringLiteral("Staging"), base);
        QCOMPARE(store.rowCount(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(store.profile(staging).url, base.url);
        QCOMPARE(store.data(store.index(1)).toString(), QStringLiteral("Staging"));

        // Names stay unique, case-insensitively.
        const QString second = store.create(QStringLiteral("staging"));
        QCOMPARE(store.profile(second).name, QStringLiteral("staging (2)"));

        const QString copy = store.duplicate(staging);
        QCOMPARE(store.indexOf(copy), 2); // right after the original
        QCOMPARE(store.profile(copy).name, QStringLiteral("Staging (copy)"));
        QCOMPARE(store.profile(copy).url, base.url);
        QVERIFY(store.profile(copy).id != staging);

        QString error;
        QVERIFY(!store.rename(copy, QStringLiteral("STAGING"), &error));
        QVERIFY(error.contains(QLatin1String("already exists")));
        QVERIFY(!store.rename(copy, QStringLiteral("  "), &error));
        QVERIFY(store.rename(copy, QStringLiteral(" Production "), &error));
        QCOMPARE(store.profile(copy).name, QStringLiteral("Production"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toString(), copy);

        QVERIFY(store.remove(second));
        QCOMPARE(store.rowCount(), 3);
        QVERIFY(!store.contains(second));
        QVERIFY(store.profile(second).id.isEmpty());
    }

    void currentFollowsRemoval()
    {
        auto settings = newSettings();
        ProfileStore store(settings.get());
        QAbstractItemModelTester tester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString first = store.currentId();
        const QString b = store.create(QStringLiteral("B"));
        QSignalSpy current(&store, &ProfileStore::currentChanged);
        QVERIFY(store.setCurrent(b));
        QCOMPARE(current.count(), 1);
        QVERIFY(store.setCurrent(b)); // no change, no signal
        QCOMPARE(current.count(), 1);
        QVERIFY(!store.setCurrent(QStringLiteral("nope")));
        QVERIFY(store.remove(b));
        QCOMPARE(store.currentId(), first);
        QCOMPARE(current.count(), 2);
        QString error;
        QVERIFY(!store.remove(first, &error));
        QVERIFY(error.contains(QLatin1String("last profile")));
        QCOMPARE(store.rowCount(), 1);
    }

    void persistsInSettings()
    {
        auto settings = newSettings();
        QString id;
        {
            ProfileStore store(settings.get());
            ConnectionProfile base;
            base.tokenSource = ConnectionProfile::TokenSource::Generated;
            base.tokenClaims.sub = QStringLiteral("7");
            base.tokenClaims.info = R"({"b":1,"a":2})";
            id = store.create(QStringLiteral("Saved"), base);
            store.setCurrent(id);
        }
        settings->sync();
        QSettings reread(settings->fileName(), QSettings::IniFormat);
        ProfileStore store(&reread);
        QCOMPARE(store.rowCount(), 2);
        QCOMPARE(store.currentId(), id);
        const ConnectionProfile p = store.current();
        QCOMPARE(p.name, QStringLiteral("Saved"));
        QCOMPARE(p.tokenSource, ConnectionProfile::TokenSource::Generated);
        QCOMPARE(p.tokenClaims.info, QByteArray(R"({"b":1,"a":2})"));
    }

    void exportNeverContainsSecrets()
    {
        auto settings = newSettings();
        SecretStore secrets(QStringLiteral("test"), SecretStore::Mode::MemoryOnly);
        ProfileStore store(settings.get());
        store.setSecretStore(&secrets);

        const QString token = Jwt::sign(R"({"sub":"42"})", "hmac-secret-value");
        ConnectionProfile base;
        base.tokenSource = ConnectionProfile::TokenSource::Fixed;
        // A careless user pasted secrets into a plain header and the connect data as well.
        base.headers = {{"Authorization", "Bearer " + token.toLatin1(), true}, {"X-Debug", "api-key-value-123", false}};
        base.connectData = "{\"token\": \"" + token.toUtf8() + "\"}";
        const QString id = store.create(QStringLiteral("Secretive"), base);
        const ConnectionProfile p = store.profile(id);
        secrets.write(p.secretKey(ConnectionProfile::Secret::ConnectionToken), token);
        secrets.write(p.secretKey(ConnectionProfile::Secret::HmacSecret), QStringLiteral("hmac-secret-value"));
        secrets.write(p.secretKey(ConnectionProfile::Secret::ApiKey), QStringLiteral("api-key-value-123"));

        const QString path = m_dir.filePath(QStringLiteral("export.json"));
        QString error;
        QVERIFY2(store.exportToFile(path, {store.currentId(), id}, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray exported = file.readAll();
        QVERIFY(!exported.contains(token.toLatin1()));
        QVERIFY(!exported.contains(token.left(40).toLatin1()));
        QVERIFY(!exported.contains("hmac-secret-value"));
        QVERIFY(!exported.contains("api-key-value-123"));
        QVERIFY(!exported.contains("Bearer"));
        QVERIFY(exported.contains("Secretive"));
        QVERIFY(QJsonDocument::fromJson(exported).isObject());

        // Importing gives new profiles without secrets, telling which ones they need.
        const QStringList ids = store.importFromFile(path, &error);
        QCOMPARE(ids.size(), 2);
        QCOMPARE(store.rowCount(), 4);
        const ConnectionProfile imported = store.profile(ids.at(1));
        QCOMPARE(imported.name, QStringLiteral("Secretive (2)"));
        QVERIFY(imported.id != id);
        QCOMPARE(imported.tokenSource, ConnectionProfile::TokenSource::Fixed);
        QVERIFY(imported.headers.at(0).secret);
        QVERIFY(imported.headers.at(0).value.isEmpty());
        QVERIFY(!secrets.cached(imported.secretKey(ConnectionProfile::Secret::ConnectionToken), nullptr));
    }

    void importErrors_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("not JSON");
        QTest::newRow("other format") << QByteArray(R"({"format":"x","profiles":[]})") << QStringLiteral("format");
        QTest::newRow("newer version") << QByteArray(R"({"format":"centrifugo-inspector-profiles","version":9})")
                                       << QStringLiteral("newer");
        QTest::newRow("empty") << QByteArray(R"({"format":"centrifugo-inspector-profiles","version":1,"profiles":[]})")
                               << QStringLiteral("no profiles");
        QTest::newRow("nameless")
            << QByteArray(
                   "{\"format\":\"centrifugo-inspector-profiles\",\"version\":1,\"profiles\":[{\"url\":\"ws://x\"}]}")
            << QStringLiteral("Profile 1");
    }

    void importErrors()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, mentions);
        auto settings = newSettings();
        ProfileStore store(settings.get());
        QAbstractItemModelTester tester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        QVERIFY(store.importJson(file, &error).isEmpty());
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QCOMPARE(store.rowCount(), 1); // nothing half-imported
    }

    void removeDeletesSecretsDuplicateCopiesThem()
    {
        auto settings = newSettings();
        SecretStore secrets(QStringLiteral("test"), SecretStore::Mode::MemoryOnly);
        ProfileStore store(settings.get());
        store.setSecretStore(&secrets);
        ConnectionProfile base;
        base.headers = {{"X-Api-Key", {}, true}};
        const QString id = store.create(QStringLiteral("S"), base);
        const ConnectionProfile p = store.profile(id);
        secrets.write(p.secretKey(ConnectionProfile::Secret::HmacSecret), QStringLiteral("the-secret"));
        secrets.write(p.secretKey(ConnectionProfile::Secret::Header, "X-Api-Key"), QStringLiteral("header-secret"));

        const ConnectionProfile copy = store.profile(store.duplicate(id));
        QTRY_VERIFY(secrets.cached(copy.secretKey(ConnectionProfile::Secret::HmacSecret), nullptr));
        QTRY_VERIFY(secrets.cached(copy.secretKey(ConnectionProfile::Secret::Header, "x-api-key"), nullptr));
        QString value;
        QVERIFY(secrets.cached(copy.secretKey(ConnectionProfile::Secret::HmacSecret), &value));
        QCOMPARE(value, QStringLiteral("the-secret"));

        QVERIFY(store.remove(id));
        QVERIFY(!secrets.cached(p.secretKey(ConnectionProfile::Secret::HmacSecret), nullptr));
        QVERIFY(!secrets.cached(p.secretKey(ConnectionProfile::Secret::Header, "X-Api-Key"), nullptr));
        QVERIFY(secrets.cached(copy.secretKey(ConnectionProfile::Secret::HmacSecret), nullptr));
    }

    void unreadableSettingsEntryIsSkipped()
    {
        auto settings = newSettings();
        settings->setValue(QStringLiteral("profiles/order"), QStringList{QStringLiteral("a"), QStringLiteral("b")});
        settings->setValue(QStringLiteral("profiles/items/a"), QStringLiteral("garbage"));
        settings->setValue(QStringLiteral("profiles/items/b"), QStringLiteral(R"({"name":"Good"})"));
        settings->setValue(QStringLiteral("profiles/current"), QStringLiteral("a"));
        ProfileStore store(settings.get());
        QCOMPARE(store.rowCount(), 1);
        QCOMPARE(store.current().name, QStringLiteral("Good"));
        QCOMPARE(store.currentId(), QStringLiteral("b"));
    }
};

QTEST_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
