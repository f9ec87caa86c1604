#pragma once

#include "logentry.h"
#include "secretmasker.h"

#include <QObject>

// The log of one Session: entries below the level are never built, secrets are masked unless shown, and every
// entry goes to the Qt logging category and out as logged().
class SessionLog : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void setLevel(LogEntry::Level level) { m_level = level; }
    LogEntry::Level level() const { return m_level; }
    bool logs(LogEntry::Level level) const { return level >= m_level; }
    void setShowSecrets(bool show) { m_showSecrets = show; }
    bool showSecrets() const { return m_showSecrets; }
    SecretMasker &masker() { return m_masker; }
    const SecretMasker &masker() const { return m_masker; }
    // text masked unless secrets are shown.
    QString masked(const QString &text) const { return m_showSecrets ? text : m_masker.mask(text); }

    void log(LogEntry::Level level, const QString &text);
    // A frame at trace level: "<" or ">" and a preview of its bytes (hex for binary), secrets masked first.
    void logFrame(const char *arrow, const QByteArray &payload, bool binary);

signals:
    void logged(const LogEntry &entry);

private:
    LogEntry::Level m_level = LogEntry::Level::Info;
    SecretMasker m_masker;
    bool m_showSecrets = false;
};
