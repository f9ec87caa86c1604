#include "logentry.h"

#include <array>

namespace {
const std::array<const char *, 5> kNames = {"trace", "debug", "info", "warning", "error"};
}

QString LogEntry::levelName(Level level)
{
    return QString::fromLatin1(kNames.at(size_t(level)));
}

bool LogEntry::levelFromName(QStringView name, Level *level)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name.compare(QLatin1String(kNames.at(i)), Qt::CaseInsensitive) == 0) {
            *level = Level(i);
            return true;
        }
    }
    return false;
}
