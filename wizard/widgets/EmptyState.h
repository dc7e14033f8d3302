#pragma once

#include <QString>

class QAbstractItemView;

namespace gs {

// Says, in the middle of an item view with no rows, that it is empty and why ("No problems
// found"), and gives screen readers the same words as the view's description. The text follows
// the model: it disappears with the first row and comes back with the last one removed.
void showWhenEmpty(QAbstractItemView *view, const QString &text);

} // namespace gs
