#pragma once

#include "secretmasker.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace QKeychain {
class Job;
}

// Keeps secrets (connection tokens, HMAC secrets, API keys, secret header values) out of settings files.
//
// With a system keychain (Secret Service / KWallet on Linux, Keychain on macOS, Credential Store on Windows, via
// QtKeychain) secrets persist between runs. Without one (headless, no D-Bus session, the user refused) they are
// kept in memory for this run only; isPersistent() and backendDescription() say which, so the UI can tell the
// user. Never a plaintext fallback.
//
// Every operation is asynchronous, as QtKeychain jobs are: the callback runs later from the event loop (never
// inside the call), also in memory mode, so callers have one code path. Callbacks are dropped if their context
// object is destroyed first. Operations issued while the backend is still being probed wait for the probe.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Auto,       // the system keychain if it answers, else memory
        MemoryOnly, // never touch the keychain (tests, --no-keychain)
    };
    enum class Backend { Probing, Keychain, Memory };
    Q_ENUM(Backend)

    using ReadCallback = std::function<void(bool found, const QString &value, const QString &error)>;
    using WriteCallback = std::function<void(bool ok, const QString &error)>;

    // service: the keychain's service name, e.g. "centrifugo-inspector".
    explicit SecretStore(const QString &service, Mode mode = Mode::Auto, QObject *parent = nullptr);
    ~SecretStore() override;

    Backend backend() const { return m_backend; }
    bool isReady() const { return m_backend != Backend::Probing; }
    bool isPersistent() const { return m_backend == Backend::Keychain; }
    // One sentence for the UI: where secrets go and whether they survive a restart.
    QString backendDescription() const;
    // Why the keychain is not used (its error), empty with a keychain or in MemoryOnly mode.
    QString unavailableReason() const { return m_unavailableReason; }

    void read(const QString &key, QObject *context, ReadCallback callback);
    void write(const QString &key, const QString &value, QObject *context = nullptr, WriteCallback callback = {});
    void remove(const QString &key, QObject *context = nullptr, WriteCallback callback = {});

    // A value already known in this run (written, or read before), without asking the keychain.
    bool cached(const QString &key, QString *value) const;
    // Masks every secret value seen in this run (also after it was removed or replaced: older frames and log lines
    // may contain it) plus JWT-looking strings. For log lines and exported files.
    const SecretMasker &masker() const { return m_masker; }

signals:
    void backendChanged(SecretStore::Backend backend);
    // A secret was written or removed (not emitted for reads).
    void secretChanged(const QString &key);

private:
    struct Pending
    {
        enum class Kind { Read, Write, Remove } kind;
        QString key;
        QString value;
        QPointer<QObject> context;
        bool hasContext = false;
        ReadCallback readCallback;
        WriteCallback writeCallback;
    };

    void startProbe();
    void setBackend(Backend backend);
    void run(Pending operation);
    void runInMemory(const Pending &operation);
    void runOnKeychain(const Pending &operation);
    void finish(const Pending &operation, bool ok, const QString &value, const QString &error);
    void remember(const QString &key, const QString &value);
    void forget(const QString &key);

    QString m_service;
    Backend m_backend = Backend::Probing;
    QString m_unavailableReason;
    QHash<QString, QString> m_cache;
    QList<Pending> m_waiting; // issued while probing
    SecretMasker m_masker;
};
