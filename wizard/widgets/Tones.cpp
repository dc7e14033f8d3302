#include "Tones.h"

namespace gs {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor toneColor(Tone tone, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (tone) {
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case Tone::Warning:
        return dark ? QColor(0xf2, 0xc1, 0x4e) : QColor(0x85, 0x56, 0x00);
    case Tone::Good:
        return dark ? QColor(0x6f, 0xd5, 0x8a) : QColor(0x1b, 0x6e, 0x30);
    case Tone::Note:
        return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x0b, 0x57, 0xa4);
    }
    return palette.color(QPalette::WindowText);
}

QPalette tonedPalette(Tone tone, const QPalette &palette)
{
    QPalette toned = palette;
    const QColor color = toneColor(tone, palette);
    toned.setColor(QPalette::Active, QPalette::WindowText, color);
    toned.setColor(QPalette::Inactive, QPalette::WindowText, color);
    return toned;
}

} // namespace gs
