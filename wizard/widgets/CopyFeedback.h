#pragma once

class QAbstractButton;
class QString;

namespace gs {

// Puts `text` on the clipboard and lets the button that did it say "Copied" for a moment. The
// name change reaches screen readers too (Qt announces a button's new text); the button keeps
// its width, so nothing next to it moves.
void copyWithFeedback(QAbstractButton *button, const QString &text);

} // namespace gs
