#pragma once

class QWidget;

namespace gs {

// Sets the Tab order of everything inside `root` to the order its layouts show it in: top to
// bottom, left to right, a form row's field after its label, a scroll area's content in place.
// Qt's own order is the order of creation, which on these pages is not the order on screen
// (panels embedded later, command lists rebuilt). Cheap enough to call whenever a layout
// changes; widgets without focus are skipped, hidden ones keep their place.
void setTabOrderFromLayout(QWidget *root);

} // namespace gs
