#pragma once

// Private to SshWorker's source files: the small helpers and constants they share.

#include "LibSsh.h"
#include "util/Secret.h"

#include <QByteArray>
#include <QLatin1Char>
#include <QLatin1String>
#include <QString>

namespace gs::remote::detail {

inline constexpr int kChunk = 32 * 1024; // sftp-server drops messages above 256 KiB (libssh.md 5.2)
inline constexpr int kPollMs = 50;

// A word for the remote shell: single-quoted, single quotes inside escaped.
inline QString quote(const QString &value)
{
    QString out = value;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

inline QString sshError(ssh_session s)
{
    return s ? QString::fromUtf8(libssh().ssh_get_error(s)) : QString();
}

// Lets go of a copy of a secret, zeroing the bytes when it was the last copy (the caller's own
// ConnectOptions stay theirs). fill('\0') would only have zeroed a detached copy.
inline void release(QByteArray &secret)
{
    gs::wipeIfLast(secret);
}

} // namespace gs::remote::detail
