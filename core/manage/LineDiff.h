#pragma once

#include <QString>
#include <QStringList>

namespace gs::manage {

// A unified diff of two texts by line ("--- a", "+++ b", "@@ -l,n +l,n @@", " ", "-", "+"), with
// `context` lines around each change. Empty when the texts are equal. The common head and tail
// are skipped first, so a small edit to a large file costs little; a middle part too large to
// compare line by line (over `maxCells` pairs) is shown as removed and added whole.
QStringList unifiedDiff(const QString &before, const QString &after, const QString &beforeName,
                        const QString &afterName, int context = 3, qint64 maxCells = 4000000);

} // namespace gs::manage
