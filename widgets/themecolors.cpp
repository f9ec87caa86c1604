#include "themecolors.h"

namespace ThemeColors {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor stateColor(State state, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (state) {
    case State::Idle:
        return dark ? QColor(0x9a, 0x9a, 0x9a) : QColor(0x90, 0x90, 0x90);
    case State::Problem:
        return dark ? QColor(0xf6, 0x61, 0x51) : QColor(0xc0, 0x1c, 0x28);
    case State::Connecting:
        return dark ? QColor(0xf8, 0xe4, 0x5c) : QColor(0xe5, 0xa5, 0x0a);
    case State::Open:
        return dark ? QColor(0x62, 0xa0, 0xea) : QColor(0x1c, 0x71, 0xd8);
    case State::Connected:
        return dark ? QColor(0x57, 0xe3, 0x89) : QColor(0x2e, 0xc2, 0x7e);
    }
    return palette.color(QPalette::WindowText);
}

QColor problemText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0x8a, 0x1c, 0x1c);
}

QColor warningText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xb3, 0x4d) : QColor(0xb3, 0x5c, 0x00);
}

QColor mutedText(const QPalette &palette)
{
    return palette.color(QPalette::PlaceholderText);
}

QColor json(Json role, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (role) {
    case Json::Key:
        return dark ? QColor(0x8c, 0xb4, 0xff) : QColor(0x1f, 0x4e, 0x99);
    case Json::String:
        return dark ? QColor(0x8f, 0xd6, 0x8a) : QColor(0x1b, 0x7f, 0x3a);
    case Json::Number:
        return dark ? QColor(0xff, 0xb8, 0x6c) : QColor(0xa3, 0x3c, 0x00);
    case Json::Literal:
        return dark ? QColor(0xd7, 0xa6, 0xff) : QColor(0x8a, 0x2b, 0x9e);
    case Json::Punctuation:
        return dark ? QColor(0xa8, 0xa8, 0xa8) : QColor(0x60, 0x60, 0x60);
    case Json::Placeholder:
        return dark ? QColor(0xff, 0xd0, 0xd0) : QColor(0xb0, 0x00, 0x20);
    case Json::PlaceholderBackground:
        return dark ? QColor(0x6a, 0x24, 0x24) : QColor(0xff, 0xf0, 0xc0);
    }
    return palette.color(QPalette::Text);
}

} // namespace ThemeColors
