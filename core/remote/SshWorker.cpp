#include "SshWorker.h"

#include "KnownHosts.h"
#include "LibSsh.h"
#include "util/LoggingCategories.h"
#include "util/Secret.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace gs::remote::detail {

namespace {

constexpr int kChunk = 32 * 1024; // sftp-server drops messages above 256 KiB (libssh.md 5.2)
constexpr int kPollMs = 50;

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

QString quote(const QString &value)
{
    QString out = value;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString sshError(ssh_session s)
{
    return s ? QString::fromUtf8(libssh().ssh_get_error(s)) : QString();
}

struct PassphraseAsk
{
    bool asked = false;
    const QByteArray *passphrase = nullptr;
};

int passphraseCallback(const char *, char *buf, size_t len, int, int, void *userdata)
{
    auto *ask = static_cast<PassphraseAsk *>(userdata);
    ask->asked = true;
    if (!ask->passphrase || ask->passphrase->isEmpty() || size_t(ask->passphrase->size()) >= len)
        return -1;
    memcpy(buf, ask->passphrase->constData(), size_t(ask->passphrase->size()));
    buf[ask->passphrase->size()] = '\0';
    return 0;
}

struct ExitState
{
    QString signal;
};

void exitSignalCallback(ssh_session, ssh_channel, const char *signal, int, const char *,
                        const char *, void *userdata)
{
    static_cast<ExitState *>(userdata)->signal = QString::fromLatin1(signal);
}

// Lets go of a copy of a secret, zeroing the bytes when it was the last copy (the caller's own
// ConnectOptions stay theirs). fill('\0') would only have zeroed a detached copy.
void release(QByteArray &secret)
{
    gs::wipeIfLast(secret);
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

// ---------------------------------------------------------------------------------------------
// Connect

void SshWorker::startConnect(quint64 id, ConnectOptions options)
{
    teardown();
    m_connectId = id;
    m_connectActive = true;
    m_options = options;
    release(options.password);
    release(options.passphrase);
    m_abort = false;
    m_stage = AuthStage::Start;
    m_pending = Pending::None;
    m_keyIndex = 0;
    m_passphraseTries = m_passwordTries = 0;
    m_kbdStarted = false;
    m_authLog.clear();
    m_authError = ConnectError::AuthFailed;
    m_passphrase = m_options.passphrase;
    m_password = m_options.password;
    if (!m_password.isEmpty())
        m_secrets << m_password;
    if (!m_passphrase.isEmpty())
        m_secrets << m_passphrase;
    m_hostKey = {};
    m_connectClock.start();

    if (!m_options.problem.isEmpty()) {
        finishConnect(ConnectError::InvalidOptions, m_options.problem);
        return;
    }
    if (m_options.host.isEmpty() && m_options.proxyCommand.isEmpty()) {
        finishConnect(ConnectError::InvalidOptions, tr("No host given."));
        return;
    }

    QString error;
    if (!ensureLibssh(&error)) {
        finishConnect(ConnectError::Internal, error);
        return;
    }
    ConnectError kind = ConnectError::Internal;
    if (!openTransport(&error, &kind)) {
        finishConnect(kind, error);
        return;
    }

    Q_EMIT connectProgress(id, ConnectPhase::Handshake, tr("Exchanging keys with the server…"));
    m_session = libssh().ssh_new();
    if (!m_session) {
        finishConnect(ConnectError::Internal, tr("Out of memory."));
        return;
    }
    // The host option only names the known_hosts entry: we hand libssh a connected socket, so no
    // libssh proxy command (and no hostname injection into one) is ever involved.
    const QByteArray keyHost = m_options.hostKeyAlias.isEmpty() ? m_options.host.toUtf8()
                                                                : m_options.hostKeyAlias.toUtf8();
    int port = m_options.hostKeyAlias.isEmpty() ? m_options.port : 22;
    const QByteArray user = m_options.effectiveUser().toUtf8();
    const QByteArray knownHosts = m_options.effectiveKnownHostsFile().toUtf8();
    long timeout = qMax(1, (m_options.connectTimeoutMs + 999) / 1000);
    int strict = 1;
    bool processConfig = false;
    int fd;
    {
        QMutexLocker lock(&m_fdMutex);
        fd = m_fd;
    }
    if (libssh().ssh_options_set(m_session, SSH_OPTIONS_HOST, keyHost.constData()) < 0) {
        finishConnect(ConnectError::InvalidOptions,
                      tr("The host name “%1” is not valid.").arg(QString::fromUtf8(keyHost)));
        return;
    }
    libssh().ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    if (libssh().ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData()) < 0) {
        finishConnect(ConnectError::InvalidOptions,
                      tr("The user name “%1” is not valid.").arg(QString::fromUtf8(user)));
        return;
    }
    libssh().ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    libssh().ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    libssh().ssh_options_set(m_session, SSH_OPTIONS_STRICTHOSTKEYCHECK, &strict);
    libssh().ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeout);
    if (!m_options.agentSocket.isEmpty()) {
        const QByteArray agent = m_options.agentSocket.toUtf8();
        libssh().ssh_options_set(m_session, SSH_OPTIONS_IDENTITY_AGENT, agent.constData());
    }
    libssh().ssh_options_set(m_session, SSH_OPTIONS_FD, &fd);

    if (libssh().ssh_connect(m_session) != SSH_OK) {
        const QString libsshError = sshError(m_session);
        ConnectError k = ConnectError::HandshakeFailed;
        const QString message = failureForTransport(libsshError, &k);
        finishConnect(k, message);
        return;
    }
    checkHostKey();
}

bool SshWorker::openTransport(QString *error, ConnectError *kind)
{
    if (!m_options.proxyCommand.isEmpty() || !m_options.proxyJump.isEmpty())
        return spawnProxy(error, kind);
    return tcpConnect(error, kind);
}

bool SshWorker::tcpConnect(QString *error, ConnectError *kind)
{
    Q_EMIT connectProgress(m_connectId, ConnectPhase::Resolving,
                           tr("Looking up %1…").arg(m_options.host));
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    const QByteArray host = m_options.host.toUtf8();
    const QByteArray port = QByteArray::number(m_options.port);
    const int rc = getaddrinfo(host.constData(), port.constData(), &hints, &list);
    if (m_abort || isCancelled(m_connectId)) {
        if (list)
            freeaddrinfo(list);
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
                    timedOut = true;
                    errno = ETIMEDOUT;
                    break;
                }
            }
        }
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
    const QString where = QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
    if (timedOut) {
        *kind = ConnectError::Timeout;
        *error = tr("%1 did not answer within %2 seconds. Check that the VM is running and "
                    "that a firewall lets SSH through.")
                     .arg(where)
                     .arg(m_options.connectTimeoutMs / 1000);
    } else if (lastErrno == ECONNREFUSED) {
        *kind = ConnectError::ConnectionRefused;
        *error =
            tr("%1 refused the connection: no SSH server is listening on that port.").arg(where);
    } else {
        *kind = ConnectError::HostUnreachable;
        *error = tr("Could not connect to %1: %2.")
                     .arg(where, QString::fromLocal8Bit(strerror(lastErrno)));
    }
    return false;
}

QString SshWorker::proxyCommandLine() const
{
    QString cmd = m_options.proxyCommand;
    if (cmd.isEmpty() && !m_options.proxyJump.isEmpty()) {
        // What OpenSSH and libssh do for ProxyJump: let the ssh client open the hop.
        QString jumps = m_options.proxyJump;
        const qsizetype comma = jumps.lastIndexOf(QLatin1Char(','));
        QString last = comma >= 0 ? jumps.mid(comma + 1) : jumps;
        const QString rest = comma >= 0 ? jumps.left(comma) : QString();
        QString jumpUser;
        QString jumpPort;
        if (const qsizetype at = last.indexOf(QLatin1Char('@')); at >= 0) {
            jumpUser = last.left(at);
            last = last.mid(at + 1);
        }
        if (const qsizetype colon = last.lastIndexOf(QLatin1Char(':'));
            colon >= 0 && !last.startsWith(QLatin1Char('['))) {
            jumpPort = last.mid(colon + 1);
            last = last.left(colon);
        }
        QStringList words{QStringLiteral("ssh")};
        if (!jumpUser.isEmpty())
            words << QStringLiteral("-l") << quote(jumpUser);
        if (!jumpPort.isEmpty())
            words << QStringLiteral("-p") << quote(jumpPort);
        if (!rest.isEmpty())
            words << QStringLiteral("-J") << quote(rest);
        words << QStringLiteral("-W") << QStringLiteral("'[%h]:%p'") << quote(last);
        cmd = words.join(QLatin1Char(' '));
    }
    QString out;
    for (qsizetype i = 0; i < cmd.size(); ++i) {
        if (cmd.at(i) == QLatin1Char('%') && i + 1 < cmd.size()) {
            const QChar c = cmd.at(++i);
            if (c == QLatin1Char('h'))
                out += m_options.host;
            else if (c == QLatin1Char('p'))
                out += QString::number(m_options.port);
            else if (c == QLatin1Char('r'))
                out += m_options.effectiveUser();
            else if (c == QLatin1Char('n'))
                out += m_options.hostKeyAlias.isEmpty() ? m_options.host : m_options.hostKeyAlias;
            else if (c == QLatin1Char('%'))
                out += QLatin1Char('%');
            else
                out += QLatin1Char('%') + c;
        } else {
            out += cmd.at(i);
        }
    }
    return out;
}

bool SshWorker::spawnProxy(QString *error, ConnectError *kind)
{
    if (m_options.viaGcloud && QStandardPaths::findExecutable(QStringLiteral("gcloud")).isEmpty()) {
        *kind = ConnectError::GcloudMissing;
        *error = tr("The gcloud CLI is not installed or not on PATH. The VM has no external "
                    "address, so SSH reaches it only through gcloud's IAP tunnel: install the "
                    "Google Cloud CLI and run “gcloud auth login”.");
        return false;
    }
    const QString command = proxyCommandLine();
    Q_EMIT connectProgress(m_connectId, ConnectPhase::Connecting,
                           m_options.viaGcloud ? tr("Opening the IAP tunnel through gcloud…")
                                               : tr("Starting the proxy command…"));
    qCDebug(lcRemote) << "proxy command:" << command;

    int sv[2];
    int errPipe[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0 ||
        ::pipe2(errPipe, O_CLOEXEC | O_NONBLOCK) < 0) {
        *kind = ConnectError::Internal;
        *error = tr("Could not start the proxy command: %1.")
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, sv[1], 0);
    posix_spawn_file_actions_adddup2(&actions, sv[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Own process group: gcloud starts helpers, and all of them must go when we close.
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    const QByteArray script = "exec " + command.toUtf8();
    char arg0[] = "sh";
    char arg1[] = "-c";
    QByteArray scriptCopy = script;
    char *argv[] = {arg0, arg1, scriptCopy.data(), nullptr};
    pid_t pid = -1;
    const int src = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(sv[1]);
    ::close(errPipe[1]);
    if (src != 0) {
        ::close(sv[0]);
        ::close(errPipe[0]);
        *kind = ConnectError::ProxyFailed;
        *error =
            tr("Could not start the proxy command: %1.").arg(QString::fromLocal8Bit(strerror(src)));
        return false;
    }
    m_proxyPid = pid;
    m_proxyErrFd = errPipe[0];
    m_proxyStderr.clear();
    setFd(sv[0]);
    return true;
}

QString SshWorker::readProxyStderr()
{
    if (m_proxyErrFd >= 0) {
        char buf[4096];
        for (;;) {
            const ssize_t n = ::read(m_proxyErrFd, buf, sizeof buf);
            if (n <= 0)
                break;
            if (m_proxyStderr.size() < 64 * 1024)
                m_proxyStderr.append(buf, n);
        }
    }
    return QString::fromUtf8(m_proxyStderr).trimmed();
}

bool SshWorker::proxyExited(int *status)
{
    if (m_proxyPid <= 0)
        return false;
    // Give a dying proxy a moment so its exit status and last words are there to report.
    for (int i = 0; i < 20; ++i) {
        int st = 0;
        const pid_t r = ::waitpid(m_proxyPid, &st, WNOHANG);
        if (r == m_proxyPid) {
            m_proxyPid = -1;
            *status = st;
            return true;
        }
        QThread::msleep(10);
    }
    return false;
}

void SshWorker::killProxy()
{
    if (m_proxyPid > 0) {
        ::kill(-m_proxyPid, SIGTERM);
        int st = 0;
        bool gone = false;
        for (int i = 0; i < 50 && !gone; ++i) {
            gone = ::waitpid(m_proxyPid, &st, WNOHANG) == m_proxyPid;
            if (!gone)
                QThread::msleep(10);
        }
        if (!gone) {
            ::kill(-m_proxyPid, SIGKILL);
            ::waitpid(m_proxyPid, &st, 0);
        }
        m_proxyPid = -1;
    }
    if (m_proxyErrFd >= 0) {
        ::close(m_proxyErrFd);
        m_proxyErrFd = -1;
    }
}

QString SshWorker::failureForTransport(const QString &libsshError, ConnectError *kind)
{
    if (m_abort || isCancelled(m_connectId)) {
        *kind = ConnectError::Cancelled;
        return tr("Cancelled.");
    }
    const bool viaProxy = !m_options.proxyCommand.isEmpty() || !m_options.proxyJump.isEmpty();
    if (viaProxy) {
        int status = 0;
        const bool exited = proxyExited(&status);
        const QString text = readProxyStderr();
        if (exited || !text.isEmpty()) {
            const bool notFound = exited && WIFEXITED(status) && WEXITSTATUS(status) == 127;
            if (m_options.viaGcloud) {
                *kind = notFound ? ConnectError::GcloudMissing : ConnectError::ProxyFailed;
                return notFound ? tr("gcloud could not be started: %1").arg(text)
                                : tr("The IAP tunnel failed. gcloud said:\n%1\nCheck that you "
                                     "are logged in (gcloud auth login), that the instance, "
                                     "zone and project are right, and that a firewall rule "
                                     "allows IAP (35.235.240.0/20) to port 22.")
                                      .arg(text.isEmpty() ? tr("(nothing)") : text);
            }
            *kind = ConnectError::ProxyFailed;
            return tr("The proxy command failed%1:\n%2")
                .arg(exited && WIFEXITED(status) ? tr(" (exit code %1)").arg(WEXITSTATUS(status))
                                                 : QString(),
                     text.isEmpty() ? tr("(it printed nothing)") : text);
        }
    }
    if (libsshError.contains(QLatin1String("Timeout"), Qt::CaseInsensitive)) {
        *kind = ConnectError::Timeout;
        return tr("The server accepted the connection but did not complete the SSH handshake "
                  "within %1 seconds. Is this port really an SSH server?")
            .arg(m_options.connectTimeoutMs / 1000);
    }
    if (libsshError.contains(QLatin1String("disconnected"), Qt::CaseInsensitive) ||
        libsshError.contains(QLatin1String("Connection reset"), Qt::CaseInsensitive)) {
        *kind = ConnectError::ConnectionLost;
        return tr("The server closed the connection during the handshake: %1").arg(libsshError);
    }
    *kind = ConnectError::HandshakeFailed;
    return tr("The SSH handshake failed: %1").arg(libsshError);
}

void SshWorker::checkHostKey()
{
    Q_EMIT connectProgress(m_connectId, ConnectPhase::HostKey, tr("Checking the host key…"));
    ssh_key key = nullptr;
    if (libssh().ssh_get_server_publickey(m_session, &key) != SSH_OK) {
        finishConnect(ConnectError::HandshakeFailed,
                      tr("The server sent no host key: %1").arg(sshError(m_session)));
        return;
    }
    char *b64 = nullptr;
    const int exported = libssh().ssh_pki_export_pubkey_base64(key, &b64);
    const QByteArray blob = QByteArray::fromBase64(QByteArray(b64 ? b64 : ""));
    libssh().ssh_string_free_char(b64);
    libssh().ssh_key_free(key);
    if (exported != SSH_OK || blob.isEmpty()) {
        // No key to show or compare: never a host key check against nothing.
        finishConnect(ConnectError::HandshakeFailed,
                      tr("The server's host key could not be read: %1").arg(sshError(m_session)));
        return;
    }

    m_hostKey = {};
    m_hostKey.sshKeyType = KnownHosts::blobKeyType(blob);
    m_hostKey.keyType = KnownHosts::keygenTypeName(m_hostKey.sshKeyType);
    m_hostKey.bits = KnownHosts::blobBits(blob);
    m_hostKey.fingerprint = KnownHosts::fingerprint(blob);
    m_hostKey.knownHostsName = m_options.knownHostsName();
    m_hostKey.knownHostsFile = m_options.effectiveKnownHostsFile();
    char *line = nullptr;
    if (libssh().ssh_session_export_known_hosts_entry(m_session, &line) == SSH_OK && line) {
        m_hostKey.knownHostsLine = QString::fromUtf8(line).trimmed();
        libssh().ssh_string_free_char(line);
    }
    qCInfo(lcRemote).noquote() << "host key of" << m_hostKey.knownHostsName << "is"
                               << m_hostKey.keyType << m_hostKey.fingerprint;

    if (!m_options.pinnedFingerprint.isEmpty()) {
        if (m_options.pinnedFingerprint.trimmed() == m_hostKey.fingerprint) {
            m_stage = AuthStage::Start;
            continueAuth();
        } else {
            finishConnect(ConnectError::HostKeyPinMismatch,
                          tr("The host key of %1 is %2 %3, not the pinned %4. Connection "
                             "stopped.")
                              .arg(m_hostKey.knownHostsName, m_hostKey.keyType,
                                   m_hostKey.fingerprint, m_options.pinnedFingerprint));
        }
        return;
    }

    const ssh_known_hosts_e state = libssh().ssh_session_is_known_server(m_session);
    switch (state) {
    case SSH_KNOWN_HOSTS_OK:
        m_stage = AuthStage::Start;
        continueAuth();
        return;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: {
        const auto recorded =
            KnownHosts::recordedKeys(m_hostKey.knownHostsFile, m_hostKey.knownHostsName);
        for (const auto &entry : recorded) {
            if (state == SSH_KNOWN_HOSTS_OTHER || entry.sshKeyType == m_hostKey.sshKeyType) {
                m_hostKey.oldFingerprint = entry.fingerprint;
                m_hostKey.oldKeyType = KnownHosts::keygenTypeName(entry.sshKeyType);
                break;
            }
        }
        finishConnect(
            ConnectError::HostKeyChanged,
            tr("THE HOST KEY OF %1 HAS CHANGED.\nRecorded in %2: %3 %4\nOffered now: %5 %6\n"
               "This happens when the VM was rebuilt or its address was reused by another "
               "machine, but it can also mean that someone is intercepting the connection. "
               "The connection was stopped before any credential was sent. If you know why "
               "the key changed, replace the recorded key explicitly.")
                .arg(m_hostKey.knownHostsName, m_hostKey.knownHostsFile, m_hostKey.oldKeyType,
                     m_hostKey.oldFingerprint.isEmpty() ? tr("(unreadable entry)")
                                                        : m_hostKey.oldFingerprint,
                     m_hostKey.keyType, m_hostKey.fingerprint));
        return;
    }
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        if (!m_options.interactive) {
            finishConnect(ConnectError::HostKeyUnknown,
                          tr("The host key of %1 is not known (%2 %3) and there is no one to "
                             "ask. Pin it with --host-key-fingerprint %3 after checking it on "
                             "the VM (ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub).")
                              .arg(m_hostKey.knownHostsName, m_hostKey.keyType,
                                   m_hostKey.fingerprint, m_hostKey.keyType.toLower()));
            return;
        }
        m_pending = Pending::HostKey;
        Q_EMIT hostKeyDecisionRequested(m_connectId, m_hostKey);
        return;
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    finishConnect(ConnectError::Internal,
                  tr("Could not check the host key: %1").arg(sshError(m_session)));
}

void SshWorker::answerHostKey(quint64 id, bool accept)
{
    if (id != m_connectId || m_pending != Pending::HostKey || !m_session)
        return;
    m_pending = Pending::None;
    if (!accept) {
        finishConnect(ConnectError::HostKeyRejected,
                      tr("You rejected the host key %1. Nothing was sent to the server.")
                          .arg(m_hostKey.fingerprint));
        return;
    }
    // Written in OpenSSH's format, to the user's file, so `ssh` trusts it too.
    const QString file = m_hostKey.knownHostsFile;
    // ~/.ssh 0700 and known_hosts 0600 when we make them (libssh would leave 0755 and 0644).
    const gs::Result prepared = KnownHosts::prepareFile(file);
    if (!prepared.ok) {
        finishConnect(ConnectError::Internal, prepared.message);
        return;
    }
    if (libssh().ssh_session_update_known_hosts(m_session) != SSH_OK) {
        finishConnect(ConnectError::Internal,
                      tr("Could not write the host key to %1: %2").arg(file, sshError(m_session)));
        return;
    }
    m_stage = AuthStage::Start;
    continueAuth();
}

// ---------------------------------------------------------------------------------------------
// Authentication

void SshWorker::noteAuth(ConnectError kind, const QString &line)
{
    m_authLog << line;
    // The most telling failure wins: a wrong passphrase or password over a refused key.
    auto rank = [](ConnectError k) {
        switch (k) {
        case ConnectError::WrongPassphrase:
            return 4;
        case ConnectError::PasswordRejected:
            return 3;
        case ConnectError::KeyNotAccepted:
            return 2;
        case ConnectError::KeyUnreadable:
            return 1;
        default:
            return 0;
        }
    };
    if (rank(kind) >= rank(m_authError))
        m_authError = kind;
}

void SshWorker::askCredential(Pending what, const CredentialRequest &request)
{
    m_pending = what;
    Q_EMIT credentialRequested(m_connectId, request);
}

bool SshWorker::authEnded(int rc)
{
    if (rc == SSH_AUTH_SUCCESS) {
        authSucceeded();
        return true;
    }
    if (rc == SSH_AUTH_ERROR) {
        finishConnect(
            ConnectError::ConnectionLost,
            tr("The connection failed during authentication: %1").arg(sshError(m_session)));
        return true;
    }
    return false;
}

void SshWorker::continueAuth()
{
    if (m_abort || isCancelled(m_connectId)) {
        finishConnect(ConnectError::Cancelled, tr("Cancelled."));
        return;
    }
    for (;;) {
        switch (m_stage) {
        case AuthStage::Start: {
            Q_EMIT connectProgress(m_connectId, ConnectPhase::Authenticating,
                                   tr("Authenticating as %1…").arg(m_options.effectiveUser()));
            // Seconds now belong to the silence timeout, not the connect timeout.
            long timeout = qMax(1, (m_options.silenceTimeoutMs + 999) / 1000);
            libssh().ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeout);
            const int rc = libssh().ssh_userauth_none(m_session, nullptr);
            if (authEnded(rc))
                return;
            m_methods = libssh().ssh_userauth_list(m_session, nullptr);
            m_keys = m_options.effectiveIdentityFiles();
            m_keyIndex = 0;
            m_stage = AuthStage::Agent;
            break;
        }
        case AuthStage::Agent: {
            m_stage = AuthStage::Keys;
            if (!m_options.useAgent)
                break;
            const bool haveAgent =
                !m_options.agentSocket.isEmpty() || !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK");
            if (!haveAgent) {
                m_authLog << tr("ssh-agent: not running (SSH_AUTH_SOCK is not set).");
                break;
            }
            if (!(m_methods & SSH_AUTH_METHOD_PUBLICKEY))
                break;
            const int rc = libssh().ssh_userauth_agent(m_session, nullptr);
            if (rc == SSH_AUTH_SUCCESS) {
                m_authLog << tr("ssh-agent: accepted.");
                authSucceeded();
                return;
            }
            // An agent error with the connection still up is the agent's, not the server's.
            if (rc == SSH_AUTH_ERROR && !libssh().ssh_is_connected(m_session) && authEnded(rc))
                return;
            if (rc == SSH_AUTH_PARTIAL)
                m_methods = libssh().ssh_userauth_list(m_session, nullptr);
            noteAuth(ConnectError::KeyNotAccepted,
                     tr("ssh-agent: the server accepted none of its keys."));
            break;
        }
        case AuthStage::Keys: {
            if (!(m_methods & SSH_AUTH_METHOD_PUBLICKEY) || m_keyIndex >= m_keys.size()) {
                m_stage = AuthStage::Password;
                break;
            }
            bool paused = false;
            const bool done = tryKeyFile(m_keys.at(m_keyIndex), &paused);
            if (done) {
                authSucceeded();
                return;
            }
            if (paused)
                return;
            if (!m_session || !libssh().ssh_is_connected(m_session)) {
                finishConnect(ConnectError::ConnectionLost,
                              tr("The server closed the connection during authentication: %1")
                                  .arg(sshError(m_session)));
                return;
            }
            ++m_keyIndex;
            m_passphraseTries = 0;
            if (!m_options.passphrase.isEmpty())
                m_passphrase = m_options.passphrase;
            break;
        }
        case AuthStage::Password: {
            if (!m_options.allowPassword || !(m_methods & SSH_AUTH_METHOD_PASSWORD)) {
                m_stage = AuthStage::KeyboardInteractive;
                break;
            }
            if (m_password.isEmpty()) {
                if (!m_options.interactive || m_passwordTries >= 3) {
                    m_stage = AuthStage::KeyboardInteractive;
                    break;
                }
                CredentialRequest req;
                req.kind = CredentialRequest::Kind::Password;
                req.prompt = tr("Password for %1:").arg(m_options.displayName());
                req.retry = m_passwordTries > 0;
                askCredential(Pending::Password, req);
                return;
            }
            ++m_passwordTries;
            const int rc =
                libssh().ssh_userauth_password(m_session, nullptr, m_password.constData());
            release(m_password);
            if (authEnded(rc))
                return;
            if (rc == SSH_AUTH_PARTIAL) {
                m_methods = libssh().ssh_userauth_list(m_session, nullptr);
                m_stage = AuthStage::Keys;
                m_keyIndex = 0;
                break;
            }
            noteAuth(ConnectError::PasswordRejected, tr("password: rejected by the server."));
            if (!m_options.interactive || m_passwordTries >= 3)
                m_stage = AuthStage::KeyboardInteractive;
            break;
        }
        case AuthStage::KeyboardInteractive: {
            if (!m_options.allowKeyboardInteractive || !(m_methods & SSH_AUTH_METHOD_INTERACTIVE)) {
                m_stage = AuthStage::Done;
                break;
            }
            int rc = SSH_AUTH_INFO;
            if (!m_kbdStarted) {
                m_kbdStarted = true;
                rc = libssh().ssh_userauth_kbdint(m_session, nullptr, nullptr);
                m_kbdPrompt = 0;
                m_kbdPrompts =
                    rc == SSH_AUTH_INFO ? libssh().ssh_userauth_kbdint_getnprompts(m_session) : 0;
            }
            while (rc == SSH_AUTH_INFO) {
                if (m_kbdPrompt < m_kbdPrompts) {
                    char echo = 0;
                    const char *prompt =
                        libssh().ssh_userauth_kbdint_getprompt(m_session, uint(m_kbdPrompt), &echo);
                    if (!m_options.interactive) {
                        // Unattended: only a lone hidden prompt can take the given password.
                        if (m_kbdPrompts == 1 && !echo && !m_options.password.isEmpty()) {
                            QByteArray pw = m_options.password;
                            libssh().ssh_userauth_kbdint_setanswer(m_session, 0, pw.constData());
                            release(pw);
                            ++m_kbdPrompt;
                            continue;
                        }
                        rc = SSH_AUTH_DENIED;
                        break;
                    }
                    CredentialRequest req;
                    req.kind = CredentialRequest::Kind::KeyboardInteractive;
                    req.prompt = QString::fromUtf8(prompt ? prompt : "");
                    const QString name =
                        QString::fromUtf8(libssh().ssh_userauth_kbdint_getname(m_session));
                    const QString instr =
                        QString::fromUtf8(libssh().ssh_userauth_kbdint_getinstruction(m_session));
                    req.instruction = (name + QLatin1Char('\n') + instr).trimmed();
                    req.echo = echo != 0;
                    askCredential(Pending::KeyboardInteractive, req);
                    return;
                }
                rc = libssh().ssh_userauth_kbdint(m_session, nullptr, nullptr);
                m_kbdPrompt = 0;
                m_kbdPrompts =
                    rc == SSH_AUTH_INFO ? libssh().ssh_userauth_kbdint_getnprompts(m_session) : 0;
            }
            if (authEnded(rc))
                return;
            noteAuth(ConnectError::PasswordRejected,
                     tr("keyboard-interactive: the server refused the answers."));
            m_stage = AuthStage::Done;
            break;
        }
        case AuthStage::Done: {
            // On the gcloud path a refused or missing key is gcloud's to publish: one message.
            const bool gcloudKeyMissing = !m_options.gcloudCommand.isEmpty() &&
                                          !QFileInfo::exists(m_options.identityFiles.value(0));
            const bool gcloudKeyProblem =
                m_authError == ConnectError::KeyNotAccepted ||
                m_authError == ConnectError::AuthFailed ||
                (m_authError == ConnectError::KeyUnreadable && gcloudKeyMissing);
            QString message =
                gcloudKeyProblem ? m_options.gcloudKeyMessage(gcloudKeyMissing) : QString();
            switch (message.isEmpty() ? m_authError : ConnectError::None) {
            case ConnectError::None:
                break;
            case ConnectError::WrongPassphrase:
                message = tr("The passphrase of the key is wrong.");
                break;
            case ConnectError::PasswordRejected:
                message = tr("The server rejected the password.");
                break;
            case ConnectError::KeyNotAccepted:
                message = tr("The server did not accept the key. Add its public half to "
                             "~/.ssh/authorized_keys of %1 on the VM.")
                              .arg(m_options.effectiveUser());
                break;
            case ConnectError::KeyUnreadable:
                message = tr("The key file could not be read.");
                break;
            default:
                message = tr("No way to log in was accepted by the server.");
                break;
            }
            if (!m_authLog.isEmpty())
                message += QLatin1Char('\n') + m_authLog.join(QLatin1Char('\n'));
            finishConnect(m_authError, message);
            return;
        }
        }
    }
}

bool SshWorker::tryKeyFile(const QString &path, bool *paused)
{
    *paused = false;
    const QByteArray file = QFile::encodeName(path);
    if (m_pending == Pending::None && m_passphraseTries == 0) {
        if (!QFileInfo::exists(path)) {
            if (m_options.identityFiles.contains(path))
                noteAuth(ConnectError::KeyUnreadable, tr("key %1: file not found.").arg(path));
            return false;
        }
        // Ask the server about the public half first: no passphrase is needed to learn that
        // the key would not be accepted anyway.
        ssh_key pub = nullptr;
        int rc = libssh().ssh_pki_import_pubkey_file((file + ".pub").constData(), &pub);
        if (rc != SSH_OK)
            rc = libssh().ssh_pki_import_pubkey_file(file.constData(), &pub);
        if (rc == SSH_OK) {
            const int arc = libssh().ssh_userauth_try_publickey(m_session, nullptr, pub);
            libssh().ssh_key_free(pub);
            if (arc == SSH_AUTH_ERROR)
                return false;
            if (arc != SSH_AUTH_SUCCESS) {
                noteAuth(ConnectError::KeyNotAccepted,
                         tr("key %1: not accepted by the server.").arg(path));
                return false;
            }
        }
    }
    return importAndSign(path, paused);
}

bool SshWorker::importAndSign(const QString &path, bool *paused)
{
    const QByteArray file = QFile::encodeName(path);
    PassphraseAsk ask;
    ask.passphrase = &m_passphrase;
    ssh_key priv = nullptr;
    // Always a callback: without one, PEM keys make OpenSSL prompt on the terminal.
    const int rc = libssh().ssh_pki_import_privkey_file(file.constData(), nullptr,
                                                        passphraseCallback, &ask, &priv);
    if (rc == SSH_EOF) {
        noteAuth(ConnectError::KeyUnreadable,
                 tr("key %1: cannot be read (missing or no permission).").arg(path));
        return false;
    }
    if (rc != SSH_OK) {
        if (!ask.asked) {
            noteAuth(ConnectError::KeyUnreadable,
                     tr("key %1: not a key libssh can use.").arg(path));
            return false;
        }
        const bool hadPassphrase = !m_passphrase.isEmpty();
        release(m_passphrase);
        if (hadPassphrase)
            ++m_passphraseTries;
        if (m_options.interactive && m_passphraseTries < 3) {
            CredentialRequest req;
            req.kind = CredentialRequest::Kind::Passphrase;
            req.keyFile = path;
            req.prompt = tr("Passphrase for %1:").arg(QDir::toNativeSeparators(path));
            req.retry = hadPassphrase;
            askCredential(Pending::Passphrase, req);
            *paused = true;
            return false;
        }
        noteAuth(hadPassphrase ? ConnectError::WrongPassphrase : ConnectError::KeyUnreadable,
                 hadPassphrase ? tr("key %1: wrong passphrase.").arg(path)
                               : tr("key %1: encrypted, and no passphrase was given.").arg(path));
        return false;
    }
    const int arc = libssh().ssh_userauth_publickey(m_session, nullptr, priv);
    libssh().ssh_key_free(priv);
    if (arc == SSH_AUTH_SUCCESS)
        return true;
    if (arc == SSH_AUTH_PARTIAL) {
        m_methods = libssh().ssh_userauth_list(m_session, nullptr);
        m_stage = AuthStage::Password;
        return false;
    }
    noteAuth(ConnectError::KeyNotAccepted,
             tr("key %1: signature not accepted by the server.").arg(path));
    return false;
}

void SshWorker::answerCredential(quint64 id, QByteArray secret, bool declined)
{
    if (id != m_connectId || !m_session) {
        release(secret);
        return;
    }
    const Pending pending = m_pending;
    m_pending = Pending::None;
    if (!secret.isEmpty())
        m_secrets << secret; // masked in the log from now on
    switch (pending) {
    case Pending::Passphrase: {
        if (declined || secret.isEmpty()) {
            noteAuth(ConnectError::KeyUnreadable,
                     tr("key %1: no passphrase given.").arg(m_keys.value(m_keyIndex)));
            ++m_keyIndex;
            m_passphraseTries = 0;
            break;
        }
        m_passphrase = secret;
        bool paused = false;
        const bool done = importAndSign(m_keys.value(m_keyIndex), &paused);
        release(secret);
        if (done) {
            authSucceeded();
            return;
        }
        if (paused)
            return;
        ++m_keyIndex;
        m_passphraseTries = 0;
        break;
    }
    case Pending::Password:
        if (declined || secret.isEmpty()) {
            m_passwordTries = 3;
            m_stage = AuthStage::KeyboardInteractive;
            break;
        }
        m_password = secret;
        release(secret);
        break;
    case Pending::KeyboardInteractive:
        if (declined) {
            m_stage = AuthStage::Done;
            break;
        }
        libssh().ssh_userauth_kbdint_setanswer(m_session, uint(m_kbdPrompt), secret.constData());
        release(secret);
        ++m_kbdPrompt;
        break;
    default:
        release(secret);
        return;
    }
    continueAuth();
}

void SshWorker::authSucceeded()
{
    wipeSecrets();
    m_connected = true;
    m_connectActive = false;
    m_pending = Pending::None;
    const quint64 id = m_connectId;
    if (m_keepalive && m_options.keepaliveIntervalMs > 0)
        m_keepalive->start(m_options.keepaliveIntervalMs);
    qCInfo(lcRemote).noquote() << "connected to" << m_options.displayName();
    Q_EMIT connectProgress(id, ConnectPhase::Connected,
                           tr("Connected to %1.").arg(m_options.displayName()));
    ConnectResult result;
    result.error = ConnectError::None;
    result.hostKey = m_hostKey;
    Q_EMIT connectFinished(id, result);
}

void SshWorker::finishConnect(ConnectError error, const QString &message)
{
    ConnectResult result;
    result.error = error;
    result.message = message;
    result.hostKey = m_hostKey;
    result.proxyStderr = QString::fromUtf8(m_proxyStderr).trimmed();
    qCInfo(lcRemote).noquote() << "connect failed:" << maskSecrets(message.toUtf8());
    const quint64 id = m_connectId;
    m_connectActive = false;
    teardown();
    Q_EMIT connectFinished(id, result);
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

// ---------------------------------------------------------------------------------------------
// Commands

// A channel freed before the server closed it stays in libssh's list until the close arrives;
// what arrives meanwhile (the exit signal of a command we stopped) would reach callbacks that
// lived on the stack of the command that is over. So they go before the channel does.
void SshWorker::releaseChannel(ssh_channel channel, ssh_channel_callbacks callbacks)
{
    libssh().ssh_remove_channel_callbacks(channel, callbacks);
    libssh().ssh_channel_close(channel);
    libssh().ssh_channel_free(channel);
}

bool SshWorker::execChannel(const QString &command, ssh_channel *channel, QString *error)
{
    ssh_channel ch = libssh().ssh_channel_new(m_session);
    if (!ch) {
        *error = sshError(m_session);
        return false;
    }
    if (libssh().ssh_channel_open_session(ch) != SSH_OK ||
        libssh().ssh_channel_request_exec(ch, command.toUtf8().constData()) != SSH_OK) {
        *error = sshError(m_session);
        libssh().ssh_channel_free(ch);
        return false;
    }
    *channel = ch;
    return true;
}

void SshWorker::runCommand(quint64 id, const QString &command, QByteArray stdinData)
{
    CommandResult result;
    auto finish = [&] {
        release(stdinData);
        Q_EMIT commandFinished(id, result);
    };
    if (isCancelled(id)) {
        result.status = CommandResult::Status::Cancelled;
        result.errorMessage = tr("Cancelled before it started.");
        finish();
        return;
    }
    if (!m_connected || !m_session) {
        result.status = CommandResult::Status::Failed;
        result.errorMessage = tr("Not connected: “%1” was not run.").arg(command);
        finish();
        return;
    }
    qCDebug(lcRemote).noquote() << "run:" << command;
    if (m_keepalive)
        m_keepalive->stop();
    ssh_channel ch = nullptr;
    QString error;
    if (!execChannel(command, &ch, &error)) {
        if (!libssh().ssh_is_connected(m_session)) {
            result.status = CommandResult::Status::ConnectionLost;
            result.errorMessage =
                tr("The connection was lost before “%1” could start: %2").arg(command, error);
            // Lost first: whoever handles the result finds the session already disconnected.
            markLost(result.errorMessage);
            finish();
            return;
        }
        result.status = CommandResult::Status::Failed;
        result.errorMessage = tr("Could not start “%1”: %2").arg(command, error);
        finish();
        if (m_keepalive && m_options.keepaliveIntervalMs > 0)
            m_keepalive->start(m_options.keepaliveIntervalMs);
        return;
    }
    ExitState exitState;
    ssh_channel_callbacks_struct callbacks{};
    callbacks.userdata = &exitState;
    callbacks.channel_exit_signal_function = exitSignalCallback;
    ssh_callbacks_init(&callbacks);
    libssh().ssh_set_channel_callbacks(ch, &callbacks);

    qsizetype written = 0;
    bool eofSent = false;
    bool lost = false;
    bool cancelled = false;
    QElapsedTimer sinceData;
    sinceData.start();
    QElapsedTimer sinceCancel;
    char buf[16384];
    for (;;) {
        // Stdin only as far as the window allows, so a command that writes before it reads
        // can never deadlock us.
        if (!eofSent && !cancelled) {
            if (written < stdinData.size()) {
                const uint32_t window = libssh().ssh_channel_window_size(ch);
                const qsizetype n =
                    std::min({qsizetype(window), stdinData.size() - written, qsizetype(kChunk)});
                if (n > 0) {
                    const int w = libssh().ssh_channel_write(ch, stdinData.constData() + written,
                                                             uint32_t(n));
                    if (w == SSH_ERROR && !libssh().ssh_is_connected(m_session)) {
                        lost = true;
                        break;
                    }
                    if (w == SSH_ERROR) {
                        // This channel only (the command stopped reading and exited): its exit
                        // status still comes, and the connection stays.
                        qCDebug(lcRemote) << "stdin not taken:" << sshError(m_session);
                        written = stdinData.size();
                    } else {
                        written += w;
                    }
                }
            }
            if (written >= stdinData.size()) {
                libssh().ssh_channel_send_eof(ch);
                eofSent = true;
                release(stdinData);
            }
        }
        const int n = libssh().ssh_channel_read_timeout(ch, buf, sizeof buf, 0, kPollMs);
        if (n == SSH_ERROR) {
            lost = true;
            break;
        }
        if (n > 0) {
            result.stdOut.append(buf, n);
            Q_EMIT commandOutput(id, QByteArray(buf, n), false);
            sinceData.restart();
        }
        int m = 0;
        do {
            m = libssh().ssh_channel_read_nonblocking(ch, buf, sizeof buf, 1);
            if (m > 0) {
                result.stdErr.append(buf, m);
                Q_EMIT commandOutput(id, QByteArray(buf, m), true);
                sinceData.restart();
            }
        } while (m > 0);
        if (m == SSH_ERROR) {
            lost = true;
            break;
        }
        if (n == 0 && m <= 0 &&
            (libssh().ssh_channel_is_eof(ch) || libssh().ssh_channel_is_closed(ch))) {
            // Drain what may still sit in the stdout buffer.
            int r;
            while ((r = libssh().ssh_channel_read_nonblocking(ch, buf, sizeof buf, 0)) > 0) {
                result.stdOut.append(buf, r);
                Q_EMIT commandOutput(id, QByteArray(buf, r), false);
            }
            break;
        }
        if (m_abort || !libssh().ssh_is_connected(m_session)) {
            lost = true;
            break;
        }
        if (!cancelled && isCancelled(id)) {
            cancelled = true;
            libssh().ssh_channel_request_send_signal(ch, "TERM");
            sinceCancel.start();
        }
        if (cancelled && sinceCancel.elapsed() > 500)
            break; // it ignores TERM: closing the channel is all we can do without a PTY
        if (m_options.keepaliveIntervalMs > 0 &&
            sinceData.elapsed() > m_options.keepaliveIntervalMs) {
            // Silence: make sure the server is still there (bounded by the silence timeout).
            if (!probeAlive()) {
                lost = true;
                break;
            }
            sinceData.restart();
        }
    }

    if (lost) {
        result.status = CommandResult::Status::ConnectionLost;
        result.errorMessage =
            tr("The connection to %1 was lost while “%2” was running (%3 bytes of output "
               "received). It may or may not have completed on the VM.")
                .arg(m_options.displayName(), command)
                .arg(result.stdOut.size() + result.stdErr.size());
        if (isCancelled(id)) {
            // The cancel had to close a connection that was not answering.
            result.status = CommandResult::Status::Cancelled;
            result.errorMessage = tr("“%1” was cancelled; the connection, which was not "
                                     "answering, was closed.")
                                      .arg(command);
        }
        libssh().ssh_remove_channel_callbacks(ch, &callbacks);
        libssh().ssh_channel_free(ch);
        markLost(result.errorMessage); // before the result, as above
        finish();
        return;
    }
    if (cancelled) {
        result.status = CommandResult::Status::Cancelled;
        result.exitSignal = exitState.signal;
        result.errorMessage = tr("“%1” was cancelled.").arg(command);
        releaseChannel(ch, &callbacks);
        finish();
    } else {
        const int code = libssh().ssh_channel_get_exit_status(ch);
        if (!exitState.signal.isEmpty()) {
            result.status = CommandResult::Status::Signalled;
            result.exitSignal = exitState.signal;
        } else if (code >= 0) {
            result.status = CommandResult::Status::Exited;
            result.exitCode = code;
        } else {
            result.status = CommandResult::Status::Failed;
            result.errorMessage = tr("“%1” ended without an exit status.").arg(command);
        }
        releaseChannel(ch, &callbacks);
        qCDebug(lcRemote) << "exit" << result.exitCode << result.exitSignal;
        finish();
    }
    if (m_keepalive && m_options.keepaliveIntervalMs > 0)
        m_keepalive->start(m_options.keepaliveIntervalMs);
}

bool SshWorker::runSimple(const QString &command, QByteArray *out, QString *error)
{
    ssh_channel ch = nullptr;
    if (!execChannel(command, &ch, error))
        return false;
    libssh().ssh_channel_send_eof(ch);
    char buf[4096];
    QByteArray err;
    for (;;) {
        const int n = libssh().ssh_channel_read_timeout(ch, buf, sizeof buf, 0, kPollMs);
        if (n == SSH_ERROR)
            break;
        if (n > 0 && out)
            out->append(buf, n);
        int m;
        while ((m = libssh().ssh_channel_read_nonblocking(ch, buf, sizeof buf, 1)) > 0)
            err.append(buf, m);
        if (n == 0 && m <= 0 &&
            (libssh().ssh_channel_is_eof(ch) || libssh().ssh_channel_is_closed(ch)))
            break;
        if (m_abort || !libssh().ssh_is_connected(m_session))
            break;
    }
    const int code = libssh().ssh_channel_get_exit_status(ch);
    libssh().ssh_channel_close(ch);
    libssh().ssh_channel_free(ch);
    if (code != 0)
        *error = QString::fromUtf8(err).trimmed();
    return code == 0;
}

// ---------------------------------------------------------------------------------------------
// Upload

void SshWorker::uploadFile(quint64 id, const QByteArray &content, const QString &remotePath,
                           int mode)
{
    UploadResult result;
    auto fail = [&](const QString &message) {
        result.ok = false;
        result.errorMessage = message;
        Q_EMIT uploadFinished(id, result);
    };
    // Lost first: whoever handles the result finds the session already disconnected.
    auto failLost = [&](const QString &message) {
        markLost(message);
        fail(message);
    };
    if (isCancelled(id)) {
        result.cancelled = true;
        fail(tr("Cancelled before it started."));
        return;
    }
    if (!m_connected || !m_session) {
        fail(tr("Not connected: %1 was not uploaded.").arg(remotePath));
        return;
    }
    if (m_keepalive)
        m_keepalive->stop();
    auto restartKeepalive = [this] {
        if (m_connected && m_keepalive && m_options.keepaliveIntervalMs > 0)
            m_keepalive->start(m_options.keepaliveIntervalMs);
    };
    const qsizetype slash = remotePath.lastIndexOf(QLatin1Char('/'));
    const QString dir =
        slash > 0 ? remotePath.left(slash) : (slash == 0 ? QStringLiteral("/") : QString());
    const QString name = remotePath.mid(slash + 1);
    if (name.isEmpty()) {
        fail(tr("“%1” is not a file path.").arg(remotePath));
        return;
    }
    const QString tmp =
        (dir.isEmpty() ? QString() : (dir == QLatin1String("/") ? dir : dir + QLatin1Char('/'))) +
        QLatin1Char('.') + name + QStringLiteral(".tmp-") +
        QString::number(QRandomGenerator::global()->generate(), 16);

    sftp_session sftp = libssh().sftp_new(m_session);
    if (!sftp || libssh().sftp_init(sftp) != SSH_OK) {
        const QString err = sshError(m_session);
        if (sftp)
            libssh().sftp_free(sftp);
        if (!libssh().ssh_is_connected(m_session)) {
            failLost(tr("The connection was lost before %1 was uploaded.").arg(remotePath));
            return;
        }
        fail(tr("The server offers no SFTP: %1").arg(err));
        restartKeepalive();
        return;
    }
    auto sftpMessage = [&](const QString &what) {
        const int code = libssh().sftp_get_error(sftp);
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
    };
    auto lostOrFail = [&](const QString &message) {
        const bool lostNow = !libssh().ssh_is_connected(m_session) || m_abort;
        libssh().sftp_free(sftp);
        if (lostNow) {
            failLost(tr("The connection was lost while uploading %1; nothing was put in place.")
                         .arg(remotePath));
        } else {
            fail(message);
            restartKeepalive();
        }
    };

    // mkdir -p of the target directory.
    if (!dir.isEmpty() && dir != QLatin1String("/")) {
        const QStringList parts = dir.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        QString path = dir.startsWith(QLatin1Char('/')) ? QStringLiteral("/") : QString();
        for (const QString &part : parts) {
            path += part;
            const QByteArray p = path.toUtf8();
            sftp_attributes st = libssh().sftp_stat(sftp, p.constData());
            if (st) {
                const bool isDir = st->type == SSH_FILEXFER_TYPE_DIRECTORY;
                libssh().sftp_attributes_free(st);
                if (!isDir) {
                    lostOrFail(
                        tr("Cannot create the folder %1: %2 is not a folder.").arg(dir, path));
                    return;
                }
            } else if (libssh().sftp_mkdir(sftp, p.constData(), 0755) != 0 &&
                       libssh().sftp_get_error(sftp) != SSH_FX_FILE_ALREADY_EXISTS) {
                lostOrFail(sftpMessage(tr("Cannot create the folder %1").arg(path)));
                return;
            }
            path += QLatin1Char('/');
        }
    }

    const QByteArray tmpName = tmp.toUtf8();
    sftp_file file =
        libssh().sftp_open(sftp, tmpName.constData(), O_WRONLY | O_CREAT | O_EXCL, mode_t(mode));
    if (!file) {
        lostOrFail(sftpMessage(tr("Cannot write %1").arg(remotePath)));
        return;
    }
    auto abandon = [&](const QString &message) {
        libssh().sftp_close(file);
        libssh().sftp_unlink(sftp, tmpName.constData()); // nothing half-written stays behind
        lostOrFail(message);
    };
    const qint64 total = content.size();
    Q_EMIT uploadProgress(id, 0, total);
    for (qint64 off = 0; off < total; off += kChunk) {
        if (isCancelled(id)) {
            result.cancelled = true;
            abandon(tr("Upload of %1 cancelled; nothing was changed.").arg(remotePath));
            return;
        }
        const qint64 n = qMin<qint64>(kChunk, total - off);
        const ssize_t w = libssh().sftp_write(file, content.constData() + off, size_t(n));
        if (w != n) {
            abandon(sftpMessage(tr("Writing %1 failed; nothing was changed").arg(remotePath)));
            return;
        }
        Q_EMIT uploadProgress(id, off + n, total);
    }
    if (libssh().sftp_extension_supported(sftp, "fsync@openssh.com", "1") &&
        libssh().sftp_fsync(file) != 0) {
        abandon(sftpMessage(tr("Writing %1 failed; nothing was changed").arg(remotePath)));
        return;
    }
    if (libssh().sftp_close(file) != SSH_NO_ERROR) {
        libssh().sftp_unlink(sftp, tmpName.constData());
        lostOrFail(sftpMessage(tr("Writing %1 failed; nothing was changed").arg(remotePath)));
        return;
    }
    // The umask may have narrowed the mode; make it exact before the file becomes visible.
    if (libssh().sftp_chmod(sftp, tmpName.constData(), mode_t(mode)) != 0) {
        // A key file must not go live with wider permissions than asked for.
        const QString message = sftpMessage(
            tr("Could not set the permissions of %1; nothing was changed").arg(remotePath));
        libssh().sftp_unlink(sftp, tmpName.constData());
        lostOrFail(message);
        return;
    }
    if (isCancelled(id)) {
        libssh().sftp_unlink(sftp, tmpName.constData());
        result.cancelled = true;
        lostOrFail(tr("Upload of %1 cancelled; nothing was changed.").arg(remotePath));
        return;
    }
    // SFTP v3 rename refuses to overwrite in libssh 0.10: mv(1) is an atomic rename(2).
    QString error;
    if (!runSimple(QStringLiteral("mv -f -- %1 %2").arg(quote(tmp), quote(remotePath)), nullptr,
                   &error)) {
        libssh().sftp_unlink(sftp, tmpName.constData());
        lostOrFail(tr("Could not move %1 into place: %2").arg(remotePath, error));
        return;
    }
    libssh().sftp_free(sftp);
    result.ok = true;
    qCDebug(lcRemote).noquote() << "uploaded" << total << "bytes to" << remotePath;
    Q_EMIT uploadFinished(id, result);
    restartKeepalive();
}

} // namespace gs::remote::detail
