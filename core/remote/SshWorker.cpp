#include "SshWorker.h"

// The worker's life: its thread, libssh's logging, cancellation, keepalives and teardown. The
// connection itself is in SshConnect/SshTransport/SshProxy/SshHostKey/SshAuth.cpp, commands in
// SshExec.cpp and uploads in SshUpload.cpp.

#include "SshWorkerSupport.h"
#include "util/LoggingCategories.h"

#include <QThread>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

namespace gs::remote::detail {

namespace {

thread_local SshWorker *t_worker = nullptr;

void logCallback(int priority, const char *, const char *buffer, void *)
{
    QByteArray text(buffer);
    if (t_worker)
        text = t_worker->maskSecrets(text);
    // libssh's own "warnings" (a missing global known_hosts file…) are not the user's concern:
    // what matters reaches them as a ConnectResult. Its log is for debugging.
    qCDebug(lcRemote).noquote() << "libssh:" << priority << QString::fromUtf8(text);
}

} // namespace

SshWorker::SshWorker() = default;

SshWorker::~SshWorker()
{
    teardown();
}

void SshWorker::initThread()
{
    t_worker = this;
    m_keepalive = new QTimer(this);
    connect(m_keepalive, &QTimer::timeout, this, &SshWorker::onKeepalive);
}

bool SshWorker::ensureLibssh(QString *error)
{
    if (m_libsshReady)
        return true;
    if (!LibSsh::instance(error))
        return false;
    // Log level and callback are thread-local in libssh 0.10: set them here, in the worker.
    int level = SSH_LOG_NOLOG;
    if (qEnvironmentVariableIntValue("GS_SSH_TRACE") > 0)
        level = SSH_LOG_FUNCTIONS;
    else if (lcRemote().isDebugEnabled())
        level = SSH_LOG_PROTOCOL;
    libssh().ssh_set_log_level(level);
    libssh().ssh_set_log_callback(logCallback);
    m_libsshReady = true;
    return true;
}

QByteArray SshWorker::maskSecrets(QByteArray text) const
{
    for (const QByteArray &s : m_secrets) {
        if (!s.isEmpty())
            text.replace(s, "••••••••");
    }
    return text;
}

void SshWorker::abortConnection()
{
    m_abort = true;
    QMutexLocker lock(&m_fdMutex);
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_RDWR);
}

void SshWorker::requestCancel(quint64 id)
{
    QMutexLocker lock(&m_cancelMutex);
    m_cancelled.insert(id);
}

void SshWorker::cancelConnect(quint64 id)
{
    if (id == m_connectId && m_connectActive)
        finishConnect(ConnectError::Cancelled, tr("Cancelled."));
}

bool SshWorker::isCancelled(quint64 id) const
{
    QMutexLocker lock(&m_cancelMutex);
    return m_cancelled.contains(id);
}

void SshWorker::setFd(int fd)
{
    QMutexLocker lock(&m_fdMutex);
    m_fd = fd;
}

void SshWorker::restartKeepalive()
{
    if (m_keepalive && m_options.keepaliveIntervalMs > 0)
        m_keepalive->start(m_options.keepaliveIntervalMs);
}

void SshWorker::wipeSecrets()
{
    // After authentication nothing of ours needs them any more, not even the log's masking.
    for (QByteArray &secret : m_secrets)
        release(secret);
    m_secrets.clear();
    release(m_password);
    release(m_passphrase);
    release(m_options.password);
    release(m_options.passphrase);
}

void SshWorker::teardown()
{
    if (m_keepalive)
        m_keepalive->stop();
    if (m_session) {
        if (libssh().ssh_is_connected(m_session))
            libssh().ssh_disconnect(m_session);
        libssh().ssh_free(m_session);
        m_session = nullptr;
    }
    {
        QMutexLocker lock(&m_fdMutex);
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    killProxy();
    wipeSecrets();
    m_connected = false;
    m_pending = Pending::None;
}

void SshWorker::disconnectSession()
{
    const bool was = m_connected || m_session;
    teardown();
    if (was)
        Q_EMIT disconnected();
}

void SshWorker::shutdownThread()
{
    teardown();
    t_worker = nullptr;
    QThread::currentThread()->quit();
}

void SshWorker::markLost(const QString &message)
{
    const bool was = m_connected;
    teardown();
    if (was)
        Q_EMIT connectionLost(message);
}

bool SshWorker::probeAlive()
{
    // ssh_send_keepalive waits for the reply up to the session timeout and returns SSH_OK
    // whatever happens (0.10): a wait that used up the timeout means no answer came.
    QElapsedTimer clock;
    clock.start();
    libssh().ssh_send_keepalive(m_session);
    const qint64 waited = clock.elapsed();
    return libssh().ssh_is_connected(m_session) && !m_abort &&
           waited < m_options.silenceTimeoutMs * 9 / 10;
}

void SshWorker::onKeepalive()
{
    if (!m_connected || !m_session)
        return;
    if (!probeAlive())
        markLost(tr("The connection to %1 was lost (no answer to keepalives).")
                     .arg(m_options.displayName()));
}

} // namespace gs::remote::detail
