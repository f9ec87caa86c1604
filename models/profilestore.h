#pragma once

#include "connectionprofile.h"

#include <QAbstractListModel>
#include <QPointer>

class QSettings;
class SecretStore;

// The user's connection profiles: a list model (one row per profile, display = name) that persists every change
// in the QSettings it is given, under "profiles/". There is always at least one profile and exactly one current
// profile: a fresh store creates "Local Centrifugo" (ws://127.0.0.1:8000), and the last profile cannot be deleted.
//
// Import and export use JSON files ({"format": "centrifugo-inspector-profiles", "version": 1, "profiles": [...]})
// that never contain secrets: secrets live in the SecretStore only, and every exported byte also goes through its
// masker (JWT-looking strings and known secret values typed into headers or connect data are masked).
class ProfileStore : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        UrlRole,
        IsCurrentRole,
        TokenSourceRole, // ConnectionProfile::TokenSource as int
    };

    // settings must outlive the store.
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);
    ~ProfileStore() override;

    // Optional: with a secret store, remove() also deletes the profile's secrets, duplicate() copies them and
    // exports are masked with its known secrets.
    void setSecretStore(SecretStore *secrets);
    SecretStore *secretStore() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_profiles.size()); }
    QList<ConnectionProfile> profiles() const { return m_profiles; }
    bool contains(const QString &id) const { return indexOf(id) >= 0; }
    int indexOf(const QString &id) const;
    QModelIndex indexOfId(const QString &id) const;
    // The profile with id, or a default-constructed one (empty id) if none.
    ConnectionProfile profile(const QString &id) const;

    QString currentId() const { return m_currentId; }
    ConnectionProfile current() const { return profile(m_currentId); }
    bool setCurrent(const QString &id);

    // Adds a profile named name (made unique: "Staging (2)") and returns its id. base gives the other fields.
    QString create(const QString &name, const ConnectionProfile &base = ConnectionProfile());
    // A copy named "<name> (copy)" right after the original, with a new id; returns the new id or "".
    QString duplicate(const QString &id);
    bool rename(const QString &id, const QString &name, QString *error = nullptr);
    // Replaces the stored profile with the same id (the name must stay unique).
    bool update(const ConnectionProfile &profile, QString *error = nullptr);
    bool remove(const QString &id, QString *error = nullptr);
    // name if free, else "name (2)", "name (3)" ... ignoring the profile exceptId.
    QString uniqueName(const QString &name, const QString &exceptId = QString()) const;

    QByteArray exportJson(const QStringList &ids) const;
    bool exportToFile(const QString &path, const QStringList &ids, QString *error = nullptr) const;
    // Adds the file's profiles with new ids and unique names; returns their ids (empty + *error on failure).
    // Imported profiles have no secrets: see ConnectionProfile::neededSecrets().
    QStringList importJson(const QByteArray &json, QString *error = nullptr);
    QStringList importFromFile(const QString &path, QString *error = nullptr);

    // Reads everything again from the settings (e.g. after another window changed them).
    void reload();

signals:
    void currentChanged(const QString &id);
    // A profile's fields changed (update, rename).
    void profileChanged(const QString &id);

private:
    void save() const;
    void saveProfile(const ConnectionProfile &profile) const;
    void insertProfile(int row, const ConnectionProfile &profile);
    void ensureProfile();
    void copySecrets(const ConnectionProfile &from, const ConnectionProfile &to);

    QSettings *m_settings;
    QPointer<SecretStore> m_secrets;
    QList<ConnectionProfile> m_profiles;
    QString m_currentId;
};
