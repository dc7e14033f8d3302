#pragma once

class QWidget;

namespace gs {

// Combo boxes and spin boxes under `root` change with the mouse wheel only once focused (click
// or Tab): a wheel notch while scrolling a page past them scrolls the page, it does not pick
// another cluster. Also takes them out of wheel focus (Qt::StrongFocus). Safe to call again after
// more widgets were added.
void guardWheel(QWidget *root);

} // namespace gs
