#pragma once

#include <QColor>
#include <QPalette>

namespace gs {

// The few colours the wizard adds to the palette's own: red for errors, amber for warnings,
// green for what went well, blue for notes. Each has a shade for light and one for dark
// palettes, so text in it keeps a contrast of at least 4.5 against the window either way
// (tst_WizardAccessibility measures it).
enum class Tone { Error, Warning, Good, Note };

bool isDarkPalette(const QPalette &palette);
QColor toneColor(Tone tone, const QPalette &palette);
// `palette` with its window text in `tone`: for a label that says the whole line in it.
QPalette tonedPalette(Tone tone, const QPalette &palette);

} // namespace gs
