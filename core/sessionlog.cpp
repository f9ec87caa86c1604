#include "sessionlog.h"

#include "logging.h"

#include <QDateTime>

using Level = LogEntry::Level;

namespace {

QString preview(const QByteArray &payload, bool binary)
{
    constexpr int kMax = 512;
    if (binary)
        return QStringLiteral("[%1 bytes] %2")
            .arg(payload.size())
            .arg(QString::fromLatin1(payload.left(kMax).toHex(' ')));
    QString text = QString::fromUtf8(payload.left(kMax));
    if (payload.size() > kMax)
        text += QStringLiteral("… (%1 bytes)").arg(payload.size());
    return text;
}

} // namespace

void SessionLog::log(Level level, const QString &text)
{
    if (!logs(level))
        return;
    const QString message = masked(text);
    const bool trace = level == Level::Trace;
    const QLoggingCategory &cat = trace ? lcSessionTrace() : lcSession();
    switch (level) {
    case Level::Trace:
    case Level::Debug:
        qCDebug(cat).noquote() << message;
        break;
    case Level::Info:
        qCInfo(cat).noquote() << message;
        break;
    case Level::Warning:
        qCWarning(cat).noquote() << message;
        break;
    case Level::Error:
        qCCritical(cat).noquote() << message;
        break;
    }
    LogEntry e;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.level = level;
    e.category = QString::fromLatin1(cat.categoryName());
    e.message = message;
    emit logged(e);
}

void SessionLog::logFrame(const char *arrow, const QByteArray &payload, bool binary)
{
    if (!logs(Level::Trace))
        return;
    // Masked before the preview is cut and before bytes become hex, where a token would no longer be seen.
    QByteArray shown = payload;
    if (!m_showSecrets)
        shown = binary ? m_masker.maskSameLength(payload) : m_masker.mask(payload);
    log(Level::Trace, QLatin1String(arrow) + QLatin1Char(' ') + preview(shown, binary));
}
