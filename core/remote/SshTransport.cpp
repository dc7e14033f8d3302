#include "SshWorker.h"

// The transport libssh runs over: our own TCP socket, or our end of a proxy command's
// socketpair (SshProxy.cpp). Either way it is m_fd, which abortConnection() shuts down.

#include "SshWorkerSupport.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gs::remote::detail {

bool SshWorker::openTransport(QString *error, ConnectError *kind)
{
    if (!m_options.proxyCommand.isEmpty() || !m_options.proxyJump.isEmpty())
        return spawnProxy(error, kind);
    return tcpConnect(error, kind);
}

bool SshWorker::tcpConnect(QString *error, ConnectError *kind)
{
    addrinfo *list = nullptr;
    if (!resolveHost(&list, error, kind))
        return false;

    Q_EMIT connectProgress(m_connectId, ConnectPhase::Connecting,
                           tr("Connecting to %1 port %2…").arg(m_options.host).arg(m_options.port));
    int lastErrno = 0;
    bool timedOut = false;
    for (addrinfo *ai = list; ai; ai = ai->ai_next) {
        const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                                ai->ai_protocol);
        if (fd < 0) {
            lastErrno = errno;
            continue;
        }
        setFd(fd);
        const int crc = connectWithin(fd, ai, &timedOut);
        if (m_abort || isCancelled(m_connectId)) {
            freeaddrinfo(list);
            *kind = ConnectError::Cancelled;
            *error = tr("Cancelled.");
            return false;
        }
        if (crc == 0) {
            freeaddrinfo(list);
            // Back to blocking for libssh; TCP keepalive notices a vanished peer while idle.
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            int one = 1;
            setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            return true;
        }
        lastErrno = errno;
        {
            QMutexLocker lock(&m_fdMutex);
            ::close(m_fd);
            m_fd = -1;
        }
        if (timedOut)
            break;
    }
    freeaddrinfo(list);
    *error = tcpFailure(lastErrno, timedOut, kind);
    return false;
}

bool SshWorker::resolveHost(addrinfo **list, QString *error, ConnectError *kind)
{
    Q_EMIT connectProgress(m_connectId, ConnectPhase::Resolving,
                           tr("Looking up %1…").arg(m_options.host));
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    const QByteArray host = m_options.host.toUtf8();
    const QByteArray port = QByteArray::number(m_options.port);
    const int rc = getaddrinfo(host.constData(), port.constData(), &hints, list);
    if (m_abort || isCancelled(m_connectId)) {
        if (*list)
            freeaddrinfo(*list);
        *kind = ConnectError::Cancelled;
        *error = tr("Cancelled.");
        return false;
    }
    if (rc != 0) {
        *kind = ConnectError::ResolveFailed;
        *error = tr("The host name “%1” could not be resolved: %2.")
                     .arg(m_options.host, QString::fromLocal8Bit(gai_strerror(rc)));
        return false;
    }
    return true;
}

// connect(2) on the non-blocking `fd`, waiting at most the connect timeout (and not at all
// once aborted or cancelled). Returns 0 when connected, else -1 with errno set.
int SshWorker::connectWithin(int fd, const addrinfo *ai, bool *timedOut)
{
    int crc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
    if (crc < 0 && errno == EINPROGRESS) {
        const qint64 deadline = m_connectClock.elapsed() + m_options.connectTimeoutMs;
        for (;;) {
            pollfd p{fd, POLLOUT, 0};
            const int prc = ::poll(&p, 1, kPollMs);
            if (m_abort || isCancelled(m_connectId))
                break;
            if (prc > 0) {
                int soerr = 0;
                socklen_t len = sizeof soerr;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len);
                crc = soerr == 0 ? 0 : -1;
                errno = soerr;
                break;
            }
            if (m_connectClock.elapsed() > deadline) {
                *timedOut = true;
                errno = ETIMEDOUT;
                break;
            }
        }
    }
    return crc;
}

QString SshWorker::tcpFailure(int lastErrno, bool timedOut, ConnectError *kind) const
{
    const QString where = QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
    if (timedOut) {
        *kind = ConnectError::Timeout;
        return tr("%1 did not answer within %2 seconds. Check that the VM is running and "
                  "that a firewall lets SSH through.")
            .arg(where)
            .arg(m_options.connectTimeoutMs / 1000);
    }
    if (lastErrno == ECONNREFUSED) {
        *kind = ConnectError::ConnectionRefused;
        return tr("%1 refused the connection: no SSH server is listening on that port.").arg(where);
    }
    *kind = ConnectError::HostUnreachable;
    return tr("Could not connect to %1: %2.")
        .arg(where, QString::fromLocal8Bit(strerror(lastErrno)));
}

} // namespace gs::remote::detail
