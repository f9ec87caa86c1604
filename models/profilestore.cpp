#include "profilestore.h"

#include "secretstore.h"

#include <QFile>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSettings>

Q_LOGGING_CATEGORY(lcProfiles, "inspector.profiles", QtInfoMsg)

namespace {

const QLatin1String kOrderKey("profiles/order");
const QLatin1String kCurrentKey("profiles/current");
const QLatin1String kItemsGroup("profiles/items/");
const QLatin1String kFileFormat("centrifugo-inspector-profiles");
constexpr int kFileVersion = 1;

} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : QAbstractListModel(parent)
    , m_settings(settings)
{
    reload();
}

ProfileStore::~ProfileStore() = default;

void ProfileStore::setSecretStore(SecretStore *secrets)
{
    m_secrets = secrets;
}

// Out of line: QPointer<SecretStore> converts only where SecretStore is complete, and the header only declares it.
SecretStore *ProfileStore::secretStore() const
{
    return m_secrets;
}

void ProfileStore::reload()
{
    beginResetModel();
    m_profiles.clear();
    const QStringList order = m_settings->value(kOrderKey).toStringList();
    for (const QString &id : order) {
        const QByteArray text = m_settings->value(kItemsGroup + id).toString().toUtf8();
        ConnectionProfile profile;
        QString error;
        if (!ConnectionProfile::fromJson(QJsonDocument::fromJson(text).object(), &profile, &error)) {
            qCWarning(lcProfiles) << "Skipping unreadable profile" << id << error;
            continue;
        }
        profile.id = id;
        if (indexOf(id) < 0)
            m_profiles << profile;
    }
    m_currentId = m_settings->value(kCurrentKey).toString();
    endResetModel();
    ensureProfile();
}

void ProfileStore::ensureProfile()
{
    if (m_profiles.isEmpty()) {
        const ConnectionProfile profile = ConnectionProfile::create(tr("Local Centrifugo"));
        insertProfile(0, profile);
        qCInfo(lcProfiles) << "Created the default profile";
    }
    if (indexOf(m_currentId) < 0) {
        m_currentId = m_profiles.first().id;
        save();
    }
}

int ProfileStore::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QVariant ProfileStore::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile &p = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return p.name;
    case Qt::ToolTipRole:
        return p.url.toString();
    case Qt::FontRole:
        if (p.id == m_currentId) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case IdRole:
        return p.id;
    case UrlRole:
        return p.url;
    case IsCurrentRole:
        return p.id == m_currentId;
    case TokenSourceRole:
        return int(p.tokenSource);
    default:
        return {};
    }
}

QHash<int, QByteArray> ProfileStore::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "profileId");
    names.insert(UrlRole, "url");
    names.insert(IsCurrentRole, "isCurrent");
    names.insert(TokenSourceRole, "tokenSource");
    return names;
}

int ProfileStore::indexOf(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

QModelIndex ProfileStore::indexOfId(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? QModelIndex() : index(row);
}

ConnectionProfile ProfileStore::profile(const QString &id) const
{
    const int row = indexOf(id);
    if (row < 0) {
        ConnectionProfile none;
        none.id.clear();
        return none;
    }
    return m_profiles.at(row);
}

bool ProfileStore::setCurrent(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0)
        return false;
    if (id == m_currentId)
        return true;
    const int oldRow = indexOf(m_currentId);
    m_currentId = id;
    save();
    if (oldRow >= 0)
        emit dataChanged(index(oldRow), index(oldRow), {Qt::FontRole, IsCurrentRole});
    emit dataChanged(index(row), index(row), {Qt::FontRole, IsCurrentRole});
    emit currentChanged(id);
    return true;
}

QString ProfileStore::uniqueName(const QString &name, const QString &exceptId) const
{
    const QString base = name.trimmed().isEmpty() ? tr("Profile") : name.trimmed();
    const auto taken = [&](const QString &candidate) {
        for (const ConnectionProfile &p : m_profiles) {
            if (p.id != exceptId && p.name.compare(candidate, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(n);
        if (!taken(candidate))
            return candidate;
    }
}

void ProfileStore::insertProfile(int row, const ConnectionProfile &profile)
{
    beginInsertRows(QModelIndex(), row, row);
    m_profiles.insert(row, profile);
    endInsertRows();
    saveProfile(profile);
    save();
}

QString ProfileStore::create(const QString &name, const ConnectionProfile &base)
{
    ConnectionProfile profile = base;
    profile.id = ConnectionProfile::newId();
    profile.name = uniqueName(name);
    insertProfile(int(m_profiles.size()), profile);
    return profile.id;
}

QString ProfileStore::duplicate(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0)
        return {};
    const ConnectionProfile original = m_profiles.at(row);
    ConnectionProfile copy = original;
    copy.id = ConnectionProfile::newId();
    copy.name = uniqueName(tr("%1 (copy)").arg(original.name));
    insertProfile(row + 1, copy);
    copySecrets(original, copy);
    return copy.id;
}

void ProfileStore::copySecrets(const ConnectionProfile &from, const ConnectionProfile &to)
{
    if (!m_secrets)
        return;
    QStringList fromKeys{from.secretKey(ConnectionProfile::Secret::ConnectionToken),
                         from.secretKey(ConnectionProfile::Secret::HmacSecret),
                         from.secretKey(ConnectionProfile::Secret::ApiKey)};
    QStringList toKeys{to.secretKey(ConnectionProfile::Secret::ConnectionToken),
                       to.secretKey(ConnectionProfile::Secret::HmacSecret),
                       to.secretKey(ConnectionProfile::Secret::ApiKey)};
    for (const ConnectionProfile::Header &header : from.headers) {
        if (header.isSecret()) {
            fromKeys << from.secretKey(ConnectionProfile::Secret::Header, header.name);
            toKeys << to.secretKey(ConnectionProfile::Secret::Header, header.name);
        }
    }
    SecretStore *secrets = m_secrets;
    for (int i = 0; i < fromKeys.size(); ++i) {
        const QString toKey = toKeys.at(i);
        secrets->read(fromKeys.at(i), secrets, [secrets, toKey](bool found, const QString &value, const QString &) {
            if (found)
                secrets->write(toKey, value);
        });
    }
}

bool ProfileStore::rename(const QString &id, const QString &name, QString *error)
{
    const int row = indexOf(id);
    if (row < 0)
        return false;
    ConnectionProfile profile = m_profiles.at(row);
    profile.name = name.trimmed();
    return update(profile, error);
}

bool ProfileStore::update(const ConnectionProfile &profile, QString *error)
{
    const int row = indexOf(profile.id);
    if (row < 0) {
        if (error)
            *error = tr("The profile no longer exists.");
        return false;
    }
    const QString name = profile.name.trimmed();
    if (name.isEmpty()) {
        if (error)
            *error = tr("A profile needs a name.");
        return false;
    }
    if (uniqueName(name, profile.id) != name) {
        if (error)
            *error = tr("A profile named \"%1\" already exists.").arg(name);
        return false;
    }
    ConnectionProfile stored = profile;
    stored.name = name;
    if (m_profiles.at(row) == stored)
        return true;
    m_profiles[row] = stored;
    saveProfile(stored);
    emit dataChanged(index(row), index(row));
    emit profileChanged(stored.id);
    return true;
}

bool ProfileStore::remove(const QString &id, QString *error)
{
    const int row = indexOf(id);
    if (row < 0)
        return false;
    if (m_profiles.size() == 1) {
        if (error)
            *error = tr("The last profile cannot be deleted: there is always one to connect with.");
        return false;
    }
    const ConnectionProfile removed = m_profiles.at(row);
    beginRemoveRows(QModelIndex(), row, row);
    m_profiles.removeAt(row);
    endRemoveRows();
    m_settings->remove(kItemsGroup + id);
    if (m_secrets) {
        m_secrets->remove(removed.secretKey(ConnectionProfile::Secret::ConnectionToken));
        m_secrets->remove(removed.secretKey(ConnectionProfile::Secret::HmacSecret));
        m_secrets->remove(removed.secretKey(ConnectionProfile::Secret::ApiKey));
        for (const ConnectionProfile::Header &header : removed.headers) {
            if (header.isSecret())
                m_secrets->remove(removed.secretKey(ConnectionProfile::Secret::Header, header.name));
        }
    }
    if (id == m_currentId) {
        m_currentId = m_profiles.at(qMin(row, int(m_profiles.size()) - 1)).id;
        save();
        const QModelIndex changed = indexOfId(m_currentId);
        emit dataChanged(changed, changed, {Qt::FontRole, IsCurrentRole});
        emit currentChanged(m_currentId);
    } else {
        save();
    }
    return true;
}

void ProfileStore::save() const
{
    QStringList order;
    order.reserve(m_profiles.size());
    for (const ConnectionProfile &p : m_profiles)
        order << p.id;
    m_settings->setValue(kOrderKey, order);
    m_settings->setValue(kCurrentKey, m_currentId);
}

void ProfileStore::saveProfile(const ConnectionProfile &profile) const
{
    m_settings->setValue(kItemsGroup + profile.id,
                         QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact)));
}

QByteArray ProfileStore::exportJson(const QStringList &ids) const
{
    QJsonArray array;
    for (const QString &id : ids) {
        const int row = indexOf(id);
        if (row < 0)
            continue;
        QJsonObject json = m_profiles.at(row).toJson();
        json.remove(QLatin1String("id")); // imports get new ids anyway
        array.append(json);
    }
    const QJsonObject root{{QLatin1String("format"), kFileFormat},
                           {QLatin1String("version"), kFileVersion},
                           {QLatin1String("profiles"), array}};
    const QByteArray text = QJsonDocument(root).toJson(QJsonDocument::Indented);
    // Profiles hold no secrets by design; this catches tokens or keys typed into headers or connect data.
    return m_secrets ? m_secrets->masker().mask(text) : SecretMasker().mask(text);
}

bool ProfileStore::exportToFile(const QString &path, const QStringList &ids, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(exportJson(ids));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QStringList ProfileStore::importJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = tr("The file is not JSON: %1 at character %2.")
                         .arg(parseError.errorString())
                         .arg(parseError.offset + 1);
        return {};
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != kFileFormat) {
        if (error)
            *error = tr("The file is not a Centrifugo Inspector profiles file (its \"format\" is not \"%1\").")
                         .arg(kFileFormat);
        return {};
    }
    if (root.value(QLatin1String("version")).toInt() > kFileVersion) {
        if (error)
            *error = tr("The file was written by a newer version (format version %1; this version reads %2).")
                         .arg(root.value(QLatin1String("version")).toInt())
                         .arg(kFileVersion);
        return {};
    }
    QList<ConnectionProfile> incoming;
    const QJsonArray array = root.value(QLatin1String("profiles")).toArray();
    for (int i = 0; i < array.size(); ++i) {
        ConnectionProfile profile;
        QString why;
        if (!ConnectionProfile::fromJson(array.at(i).toObject(), &profile, &why)) {
            if (error)
                *error = tr("Profile %1 in the file cannot be read: %2").arg(i + 1).arg(why);
            return {};
        }
        incoming << profile;
    }
    if (incoming.isEmpty()) {
        if (error)
            *error = tr("The file contains no profiles.");
        return {};
    }
    QStringList ids;
    for (const ConnectionProfile &profile : std::as_const(incoming))
        ids << create(profile.name, profile);
    return ids;
}

QStringList ProfileStore::importFromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    // Profile files are small; a huge file is a mistake, not something to load into memory.
    if (file.size() > 16 * 1024 * 1024) {
        if (error)
            *error = tr("%1 is too large to be a profiles file.").arg(path);
        return {};
    }
    return importJson(file.readAll(), error);
}
