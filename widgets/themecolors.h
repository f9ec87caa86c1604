#pragma once

#include <QColor>
#include <QPalette>

// Colours that carry meaning (connection states, problems, warnings, JSON syntax), picked for the palette in use so
// that they stay readable on light and dark themes alike. Widgets ask here instead of hard-coding a colour.
namespace ThemeColors {

// The order of the table in themecolors.cpp.
enum class State { Idle, Problem, Connecting, Open, Connected };

// A dark palette: the window colour is darker than its text.
bool isDark(const QPalette &palette);

QColor stateColor(State state, const QPalette &palette);
QColor problemText(const QPalette &palette); // errors, explanations of a close
QColor warningText(const QPalette &palette); // TLS warning, dropped counts, secrets shown
QColor mutedText(const QPalette &palette);   // field names of the state area and descriptions

// The order of the table in themecolors.cpp.
enum class Json { Key, String, Number, Literal, Punctuation, Placeholder, PlaceholderBackground };
QColor json(Json role, const QPalette &palette);

} // namespace ThemeColors
