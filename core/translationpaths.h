#pragma once

#include <QStringList>

class QTranslator;

// Where the GUI and the CLI find their translation (centrifugo-inspector_<language>.qm): next to the binary in a
// build tree (bin/translations), and in an installed tree relative to the binary
// (../share/centrifugo-inspector/translations). $INSPECTOR_TRANSLATIONS_DIR, when set, is tried first.
namespace TranslationPaths {

QStringList directories();
// Loads the application's translation for a language ("zh_CN"); false when there is none.
bool load(QTranslator *translator, const QString &language);

} // namespace TranslationPaths
