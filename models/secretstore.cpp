#include "secretstore.h"

#include <QLoggingCategory>
#include <QTimer>
#ifdef INSPECTOR_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

Q_LOGGING_CATEGORY(lcSecrets, "inspector.secrets", QtInfoMsg)

#ifdef INSPECTOR_HAVE_KEYCHAIN
namespace {

// A keychain that asks the user to unlock it may take a while; after this the run goes on in memory.
constexpr int kProbeTimeoutMs = 15000;
const QLatin1String kProbeKey("inspector-keychain-probe");

} // namespace
#endif

SecretStore::SecretStore(const QString &service, Mode mode, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    if (mode == Mode::MemoryOnly) {
        m_backend = Backend::Memory;
        return;
    }
    // Probe from the event loop so that the constructor never waits and callers can connect first.
    QMetaObject::invokeMethod(this, &SecretStore::startProbe, Qt::QueuedConnection);
}

SecretStore::~SecretStore() = default;

QString SecretStore::backendDescription() const
{
    switch (m_backend) {
    case Backend::Probing:
        return tr("Checking for a system keychain…");
    case Backend::Keychain:
        return tr("Secrets are stored in the system keychain and kept between sessions.");
    case Backend::Memory:
        if (m_unavailableReason.isEmpty())
            return tr("Secrets are kept in memory only and forgotten when the application exits.");
        return tr("No system keychain is available (%1): secrets are kept in memory only and forgotten when the "
                  "application exits.")
            .arg(m_unavailableReason);
    }
    return {};
}

void SecretStore::startProbe()
{
#ifndef INSPECTOR_HAVE_KEYCHAIN
    m_unavailableReason = tr("built without QtKeychain");
    setBackend(Backend::Memory);
#else
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(kProbeKey);
    auto *timeout = new QTimer(job);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [this] {
        if (m_backend != Backend::Probing)
            return;
        m_unavailableReason = tr("the keychain did not answer within %1 s").arg(kProbeTimeoutMs / 1000);
        qCWarning(lcSecrets) << "Keychain probe timed out; secrets stay in memory";
        setBackend(Backend::Memory);
    });
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        if (m_backend != Backend::Probing)
            return;
        const QKeychain::Error error = finished->error();
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
            qCInfo(lcSecrets) << "Using the system keychain for secrets";
            setBackend(Backend::Keychain);
        } else {
            m_unavailableReason = finished->errorString();
            if (m_unavailableReason.isEmpty())
                m_unavailableReason = tr("keychain error %1").arg(int(error));
            qCInfo(lcSecrets) << "No keychain, secrets stay in memory:" << m_unavailableReason;
            setBackend(Backend::Memory);
        }
    });
    timeout->start(kProbeTimeoutMs);
    job->start();
#endif
}

void SecretStore::setBackend(Backend backend)
{
    m_backend = backend;
    emit backendChanged(backend);
    const QList<Pending> waiting = std::exchange(m_waiting, {});
    for (const Pending &operation : waiting)
        run(operation);
}

void SecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    Pending p{Pending::Kind::Read, key, {}, context, context != nullptr, std::move(callback), {}};
    run(std::move(p));
}

void SecretStore::write(const QString &key, const QString &value, QObject *context, WriteCallback callback)
{
    // Known to the masker at once: a log line written while the keychain job runs is masked too.
    remember(key, value);
    emit secretChanged(key);
    Pending p{Pending::Kind::Write, key, value, context, context != nullptr, {}, std::move(callback)};
    run(std::move(p));
}

void SecretStore::remove(const QString &key, QObject *context, WriteCallback callback)
{
    forget(key);
    emit secretChanged(key);
    Pending p{Pending::Kind::Remove, key, {}, context, context != nullptr, {}, std::move(callback)};
    run(std::move(p));
}

bool SecretStore::cached(const QString &key, QString *value) const
{
    const auto it = m_cache.constFind(key);
    if (it == m_cache.constEnd())
        return false;
    if (value)
        *value = it.value();
    return true;
}

void SecretStore::run(Pending operation)
{
    switch (m_backend) {
    case Backend::Probing:
        m_waiting << std::move(operation);
        break;
    case Backend::Memory:
        runInMemory(operation);
        break;
    case Backend::Keychain:
        runOnKeychain(operation);
        break;
    }
}

void SecretStore::runInMemory(const Pending &operation)
{
    switch (operation.kind) {
    case Pending::Kind::Read: {
        QString value;
        const bool found = cached(operation.key, &value);
        finish(operation, found, value, {});
        break;
    }
    case Pending::Kind::Write:
    case Pending::Kind::Remove:
        finish(operation, true, {}, {});
        break;
    }
}

void SecretStore::runOnKeychain(const Pending &operation)
{
#ifndef INSPECTOR_HAVE_KEYCHAIN
    runInMemory(operation);
#else
    QKeychain::Job *job = nullptr;
    switch (operation.kind) {
    case Pending::Kind::Read: {
        QString value;
        if (cached(operation.key, &value)) {
            finish(operation, true, value, {});
            return;
        }
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    }
    case Pending::Kind::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service, this);
        writeJob->setTextData(operation.value);
        job = writeJob;
        break;
    }
    case Pending::Kind::Remove:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setKey(operation.key);
    connect(job, &QKeychain::Job::finished, this, [this, operation](QKeychain::Job *finished) {
        const QKeychain::Error error = finished->error();
        switch (operation.kind) {
        case Pending::Kind::Read:
            if (error == QKeychain::NoError) {
                const QString value = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                remember(operation.key, value);
                finish(operation, true, value, {});
            } else if (error == QKeychain::EntryNotFound) {
                finish(operation, false, {}, {});
            } else {
                qCWarning(lcSecrets) << "Reading a secret from the keychain failed:" << finished->errorString();
                finish(operation, false, {}, finished->errorString());
            }
            break;
        case Pending::Kind::Write:
            if (error == QKeychain::NoError) {
                finish(operation, true, {}, {});
            } else {
                // Still usable for this run: it is in the memory cache since write().
                qCWarning(lcSecrets) << "Storing a secret in the keychain failed:" << finished->errorString();
                finish(operation, false, {},
                       tr("The keychain did not store the secret (%1); it is kept in memory for this session only.")
                           .arg(finished->errorString()));
            }
            break;
        case Pending::Kind::Remove:
            if (error == QKeychain::NoError || error == QKeychain::EntryNotFound)
                finish(operation, true, {}, {});
            else
                finish(operation, false, {}, finished->errorString());
            break;
        }
    });
    job->start();
#endif
}

void SecretStore::finish(const Pending &operation, bool ok, const QString &value, const QString &error)
{
    // Always from the event loop, never inside read()/write()/remove().
    QMetaObject::invokeMethod(
        this,
        [operation, ok, value, error] {
            if (operation.hasContext && !operation.context)
                return;
            if (operation.kind == Pending::Kind::Read) {
                if (operation.readCallback)
                    operation.readCallback(ok, value, error);
            } else if (operation.writeCallback) {
                operation.writeCallback(ok, error);
            }
        },
        Qt::QueuedConnection);
}

void SecretStore::remember(const QString &key, const QString &value)
{
    m_cache.insert(key, value);
    m_masker.addSecret(value);
}

void SecretStore::forget(const QString &key)
{
    // The masker keeps the value: frames and log lines of this run may still contain it.
    m_cache.remove(key);
}
