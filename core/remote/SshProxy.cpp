#include "SshWorker.h"

// The transport through a proxy command (ProxyCommand, ProxyJump, gcloud's IAP tunnel): a
// child process in its own process group, connected to us by a socketpair, its stderr kept
// for the error message.

#include "SshWorkerSupport.h"
#include "util/LoggingCategories.h"

#include <QStandardPaths>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace gs::remote::detail {

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

} // namespace gs::remote::detail
