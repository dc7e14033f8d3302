#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

#include <optional>

namespace gs {

// The one way the app writes a local file: all or nothing. The bytes go to a temporary file
// beside `path` (QSaveFile), which is renamed over it only when every byte is written, so a crash
// or a full disk never leaves half a file. `permissions`, when given, are set on the temporary
// file before the rename: the file never exists with wider ones. An existing file otherwise keeps
// its permissions. On failure returns false and sets *why (when given) to the reason in words,
// without the path; the caller says which file.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *why,
                         std::optional<QFileDevice::Permissions> permissions = std::nullopt);

// Whether `path` could be written by writeFileAtomically(), checked before work whose result
// would otherwise be lost at the end; creates nothing. On failure sets *why as above.
bool canWriteFileAtomically(const QString &path, QString *why);

} // namespace gs
