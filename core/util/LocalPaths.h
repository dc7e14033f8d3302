#pragma once

#include <QString>

namespace gs {

// A path on this computer as the user wrote it: "~" and "~/…" name the home folder, as in a
// shell and in ssh_config. Anything else is returned unchanged.
QString expandHome(const QString &path);

} // namespace gs
