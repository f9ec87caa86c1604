#include "themecolors.h"

#include <array>

namespace ThemeColors {

namespace {

// One meaning's colour on a light and on a dark theme.
struct LightDark
{
    QRgb light;
    QRgb dark;
};

QColor pick(const LightDark &colours, const QPalette &palette)
{
    return QColor::fromRgb(isDark(palette) ? colours.dark : colours.light);
}

// Indexed by State.
constexpr std::array<LightDark, 5> kStates = {{
    {0x909090, 0x9a9a9a}, // Idle
    {0xc01c28, 0xf66151}, // Problem
    {0xe5a50a, 0xf8e45c}, // Connecting
    {0x1c71d8, 0x62a0ea}, // Open
    {0x2ec27e, 0x57e389}, // Connected
}};

// Indexed by Json.
constexpr std::array<LightDark, 7> kJson = {{
    {0x1f4e99, 0x8cb4ff}, // Key
    {0x1b7f3a, 0x8fd68a}, // String
    {0xa33c00, 0xffb86c}, // Number
    {0x8a2b9e, 0xd7a6ff}, // Literal
    {0x606060, 0xa8a8a8}, // Punctuation
    {0xb00020, 0xffd0d0}, // Placeholder
    {0xfff0c0, 0x6a2424}, // PlaceholderBackground
}};

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor stateColor(State state, const QPalette &palette)
{
    return pick(kStates.at(size_t(state)), palette);
}

QColor problemText(const QPalette &palette)
{
    return pick({0x8a1c1c, 0xff8a80}, palette);
}

QColor warningText(const QPalette &palette)
{
    return pick({0xb35c00, 0xffb34d}, palette);
}

QColor mutedText(const QPalette &palette)
{
    return palette.color(QPalette::PlaceholderText);
}

QColor json(Json role, const QPalette &palette)
{
    return pick(kJson.at(size_t(role)), palette);
}

} // namespace ThemeColors
