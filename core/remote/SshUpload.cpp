#include "SshWorker.h"

// Uploads over SFTP, atomically: a temporary file next to the target, written, synced and given
// its mode, then moved into place with mv(1). Nothing half-written stays behind.

#include "SshWorkerSupport.h"
#include "util/LoggingCategories.h"

#include <QRandomGenerator>
#include <QTimer>

#include <fcntl.h>
#include <sys/types.h>

namespace gs::remote::detail {

// One upload while it runs.
struct SshWorker::Upload
{
    Upload(quint64 uploadId, const QString &path)
        : id(uploadId)
        , remotePath(path)
    {}

    const quint64 id;
    const QString &remotePath;
    UploadResult result;
    QString dir;        // the target's folder, created when missing
    QString tmp;        // the temporary name it is written to
    QByteArray tmpName; // tmp for libssh
    sftp_session sftp = nullptr;
};

void SshWorker::uploadFile(quint64 id, const QByteArray &content, const QString &remotePath,
                           int mode)
{
    Upload up(id, remotePath);
    if (isCancelled(id)) {
        up.result.cancelled = true;
        uploadFailed(up, tr("Cancelled before it started."));
        return;
    }
    if (!m_connected || !m_session) {
        uploadFailed(up, tr("Not connected: %1 was not uploaded.").arg(remotePath));
        return;
    }
    if (m_keepalive)
        m_keepalive->stop();
    if (!planUpload(up) || !openSftp(up) || !makeRemoteFolders(up) ||
        !writeTemporary(up, content, mode) || !moveIntoPlace(up, mode))
        return;
    libssh().sftp_free(up.sftp);
    up.result.ok = true;
    qCDebug(lcRemote).noquote() << "uploaded" << qint64(content.size()) << "bytes to" << remotePath;
    Q_EMIT uploadFinished(id, up.result);
    restartUploadKeepalive();
}

void SshWorker::uploadFailed(Upload &up, const QString &message)
{
    up.result.ok = false;
    up.result.errorMessage = message;
    Q_EMIT uploadFinished(up.id, up.result);
}

// Lost first: whoever handles the result finds the session already disconnected.
void SshWorker::uploadLost(Upload &up, const QString &message)
{
    markLost(message);
    uploadFailed(up, message);
}

void SshWorker::restartUploadKeepalive()
{
    if (m_connected && m_keepalive && m_options.keepaliveIntervalMs > 0)
        m_keepalive->start(m_options.keepaliveIntervalMs);
}

// The SFTP session ends with a failure: reported as the connection lost when it is.
void SshWorker::sftpFailed(Upload &up, const QString &message)
{
    const bool lostNow = !libssh().ssh_is_connected(m_session) || m_abort;
    libssh().sftp_free(up.sftp);
    if (lostNow) {
        uploadLost(up, tr("The connection was lost while uploading %1; nothing was put in place.")
                           .arg(up.remotePath));
    } else {
        uploadFailed(up, message);
        restartUploadKeepalive();
    }
}

QString SshWorker::sftpMessage(const Upload &up, const QString &what) const
{
    const int code = libssh().sftp_get_error(up.sftp);
    QString why;
    switch (code) {
    case SSH_FX_PERMISSION_DENIED:
        why = tr("permission denied");
        break;
    case SSH_FX_NO_SUCH_FILE:
    case SSH_FX_NO_SUCH_PATH:
        why = tr("no such file or directory");
        break;
    case SSH_FX_FAILURE:
        why = tr("the server reported a failure (often a full disk or quota)");
        break;
    case SSH_FX_WRITE_PROTECT:
        why = tr("the file system is read-only");
        break;
    default:
        why = sshError(m_session);
        break;
    }
    return tr("%1: %2.").arg(what, why);
}

// The folder and the temporary name.
bool SshWorker::planUpload(Upload &up)
{
    const QString &remotePath = up.remotePath;
    const qsizetype slash = remotePath.lastIndexOf(QLatin1Char('/'));
    const QString dir =
        slash > 0 ? remotePath.left(slash) : (slash == 0 ? QStringLiteral("/") : QString());
    const QString name = remotePath.mid(slash + 1);
    if (name.isEmpty()) {
        uploadFailed(up, tr("“%1” is not a file path.").arg(remotePath));
        return false;
    }
    up.dir = dir;
    up.tmp =
        (dir.isEmpty() ? QString() : (dir == QLatin1String("/") ? dir : dir + QLatin1Char('/'))) +
        QLatin1Char('.') + name + QStringLiteral(".tmp-") +
        QString::number(QRandomGenerator::global()->generate(), 16);
    up.tmpName = up.tmp.toUtf8();
    return true;
}

bool SshWorker::openSftp(Upload &up)
{
    up.sftp = libssh().sftp_new(m_session);
    if (up.sftp && libssh().sftp_init(up.sftp) == SSH_OK)
        return true;
    const QString err = sshError(m_session);
    if (up.sftp)
        libssh().sftp_free(up.sftp);
    if (!libssh().ssh_is_connected(m_session)) {
        uploadLost(up, tr("The connection was lost before %1 was uploaded.").arg(up.remotePath));
        return false;
    }
    uploadFailed(up, tr("The server offers no SFTP: %1").arg(err));
    restartUploadKeepalive();
    return false;
}

// mkdir -p of the target folder.
bool SshWorker::makeRemoteFolders(Upload &up)
{
    const QString &dir = up.dir;
    if (dir.isEmpty() || dir == QLatin1String("/"))
        return true;
    const QStringList parts = dir.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString path = dir.startsWith(QLatin1Char('/')) ? QStringLiteral("/") : QString();
    for (const QString &part : parts) {
        path += part;
        const QByteArray p = path.toUtf8();
        sftp_attributes st = libssh().sftp_stat(up.sftp, p.constData());
        if (st) {
            const bool isDir = st->type == SSH_FILEXFER_TYPE_DIRECTORY;
            libssh().sftp_attributes_free(st);
            if (!isDir) {
                sftpFailed(up,
                           tr("Cannot create the folder %1: %2 is not a folder.").arg(dir, path));
                return false;
            }
        } else if (libssh().sftp_mkdir(up.sftp, p.constData(), 0755) != 0 &&
                   libssh().sftp_get_error(up.sftp) != SSH_FX_FILE_ALREADY_EXISTS) {
            sftpFailed(up, sftpMessage(up, tr("Cannot create the folder %1").arg(path)));
            return false;
        }
        path += QLatin1Char('/');
    }
    return true;
}

// Writes `content` to the temporary file, with progress, synced and closed.
bool SshWorker::writeTemporary(Upload &up, const QByteArray &content, int mode)
{
    sftp_file file = libssh().sftp_open(up.sftp, up.tmpName.constData(),
                                        O_WRONLY | O_CREAT | O_EXCL, mode_t(mode));
    if (!file) {
        sftpFailed(up, sftpMessage(up, tr("Cannot write %1").arg(up.remotePath)));
        return false;
    }
    auto abandon = [&](const QString &message) {
        libssh().sftp_close(file);
        libssh().sftp_unlink(up.sftp, up.tmpName.constData()); // nothing half-written stays
        sftpFailed(up, message);
        return false;
    };
    const qint64 total = content.size();
    Q_EMIT uploadProgress(up.id, 0, total);
    for (qint64 off = 0; off < total; off += kChunk) {
        if (isCancelled(up.id)) {
            up.result.cancelled = true;
            return abandon(tr("Upload of %1 cancelled; nothing was changed.").arg(up.remotePath));
        }
        const qint64 n = qMin<qint64>(kChunk, total - off);
        const ssize_t w = libssh().sftp_write(file, content.constData() + off, size_t(n));
        if (w != n) {
            return abandon(
                sftpMessage(up, tr("Writing %1 failed; nothing was changed").arg(up.remotePath)));
        }
        Q_EMIT uploadProgress(up.id, off + n, total);
    }
    if (libssh().sftp_extension_supported(up.sftp, "fsync@openssh.com", "1") &&
        libssh().sftp_fsync(file) != 0) {
        return abandon(
            sftpMessage(up, tr("Writing %1 failed; nothing was changed").arg(up.remotePath)));
    }
    if (libssh().sftp_close(file) != SSH_NO_ERROR) {
        libssh().sftp_unlink(up.sftp, up.tmpName.constData());
        sftpFailed(
            up, sftpMessage(up, tr("Writing %1 failed; nothing was changed").arg(up.remotePath)));
        return false;
    }
    return true;
}

// The exact mode, then the rename that makes the file visible.
bool SshWorker::moveIntoPlace(Upload &up, int mode)
{
    // The umask may have narrowed the mode; make it exact before the file becomes visible.
    if (libssh().sftp_chmod(up.sftp, up.tmpName.constData(), mode_t(mode)) != 0) {
        // A key file must not go live with wider permissions than asked for.
        const QString message = sftpMessage(
            up, tr("Could not set the permissions of %1; nothing was changed").arg(up.remotePath));
        libssh().sftp_unlink(up.sftp, up.tmpName.constData());
        sftpFailed(up, message);
        return false;
    }
    if (isCancelled(up.id)) {
        libssh().sftp_unlink(up.sftp, up.tmpName.constData());
        up.result.cancelled = true;
        sftpFailed(up, tr("Upload of %1 cancelled; nothing was changed.").arg(up.remotePath));
        return false;
    }
    // SFTP v3 rename refuses to overwrite in libssh 0.10: mv(1) is an atomic rename(2).
    QString error;
    if (!runSimple(QStringLiteral("mv -f -- %1 %2").arg(quote(up.tmp), quote(up.remotePath)),
                   nullptr, &error)) {
        libssh().sftp_unlink(up.sftp, up.tmpName.constData());
        sftpFailed(up, tr("Could not move %1 into place: %2").arg(up.remotePath, error));
        return false;
    }
    return true;
}

} // namespace gs::remote::detail
