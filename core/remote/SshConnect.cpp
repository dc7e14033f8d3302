#include "SshWorker.h"

// Connecting: the options, the transport, the SSH handshake; then the host key (SshHostKey.cpp)
// and authentication (SshAuth.cpp) follow, and finishConnect() reports a failure of any of them.

#include "SshWorkerSupport.h"
#include "util/LoggingCategories.h"

#include <sys/wait.h>

namespace gs::remote::detail {

void SshWorker::startConnect(quint64 id, ConnectOptions options)
{
    teardown();
    m_connectId = id;
    m_connectActive = true;
    m_options = options;
    release(options.password);
    release(options.passphrase);
    m_abort = false;
    resetAuthState();
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
    if (!configureSession())
        return;

    if (libssh().ssh_connect(m_session) != SSH_OK) {
        const QString libsshError = sshError(m_session);
        ConnectError k = ConnectError::HandshakeFailed;
        const QString message = failureForTransport(libsshError, &k);
        finishConnect(k, message);
        return;
    }
    checkHostKey();
}

void SshWorker::resetAuthState()
{
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
}

bool SshWorker::configureSession()
{
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
        return false;
    }
    libssh().ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    if (libssh().ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData()) < 0) {
        finishConnect(ConnectError::InvalidOptions,
                      tr("The user name “%1” is not valid.").arg(QString::fromUtf8(user)));
        return false;
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
    return true;
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

} // namespace gs::remote::detail
