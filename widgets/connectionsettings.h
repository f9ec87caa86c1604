#pragma once

#include "sessionoptions.h"

#include <QStringList>

class QSettings;

// What the connection panel remembers between runs, in the "connection/" group of the settings: recent URLs, the
// last options, whether More options was open and whether to reconnect automatically. Never the token, the values
// of secret headers (SecretMasker::isSecretHeader) or the choice to ignore certificate errors (off at every start).
struct ConnectionSettings
{
    static constexpr int kMaxRecentUrls = 10;

    QStringList recentUrls;
    SessionOptions options;
    bool moreOptions = false;
    bool reconnect = true;

    // The saved settings, or the defaults without settings. protobuf: whether Protobuf may be chosen.
    static ConnectionSettings load(const QSettings *settings, bool protobuf);
    void save(QSettings *settings) const;
};
