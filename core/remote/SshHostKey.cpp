#include "SshWorker.h"

// The server's host key: read it, check it against a pinned fingerprint or known_hosts, and
// when it is unknown ask (hostKeyDecisionRequested) and record the answer.

#include "KnownHosts.h"
#include "SshWorkerSupport.h"
#include "util/LoggingCategories.h"

namespace gs::remote::detail {

void SshWorker::checkHostKey()
{
    Q_EMIT connectProgress(m_connectId, ConnectPhase::HostKey, tr("Checking the host key…"));
    if (!readHostKey())
        return;

    if (!m_options.pinnedFingerprint.isEmpty()) {
        checkPinnedHostKey();
        return;
    }

    const ssh_known_hosts_e state = libssh().ssh_session_is_known_server(m_session);
    switch (state) {
    case SSH_KNOWN_HOSTS_OK:
        m_stage = AuthStage::Start;
        continueAuth();
        return;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        hostKeyChanged(state == SSH_KNOWN_HOSTS_OTHER);
        return;
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        hostKeyUnknown();
        return;
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    finishConnect(ConnectError::Internal,
                  tr("Could not check the host key: %1").arg(sshError(m_session)));
}

bool SshWorker::readHostKey()
{
    ssh_key key = nullptr;
    if (libssh().ssh_get_server_publickey(m_session, &key) != SSH_OK) {
        finishConnect(ConnectError::HandshakeFailed,
                      tr("The server sent no host key: %1").arg(sshError(m_session)));
        return false;
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
        return false;
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
    return true;
}

void SshWorker::checkPinnedHostKey()
{
    if (m_options.pinnedFingerprint.trimmed() == m_hostKey.fingerprint) {
        m_stage = AuthStage::Start;
        continueAuth();
    } else {
        finishConnect(ConnectError::HostKeyPinMismatch,
                      tr("The host key of %1 is %2 %3, not the pinned %4. Connection "
                         "stopped.")
                          .arg(m_hostKey.knownHostsName, m_hostKey.keyType, m_hostKey.fingerprint,
                               m_options.pinnedFingerprint));
    }
}

// known_hosts has another key for this host: of the same type, or (anyType) of another one.
void SshWorker::hostKeyChanged(bool anyType)
{
    const auto recorded =
        KnownHosts::recordedKeys(m_hostKey.knownHostsFile, m_hostKey.knownHostsName);
    for (const auto &entry : recorded) {
        if (anyType || entry.sshKeyType == m_hostKey.sshKeyType) {
            m_hostKey.oldFingerprint = entry.fingerprint;
            m_hostKey.oldKeyType = KnownHosts::keygenTypeName(entry.sshKeyType);
            break;
        }
    }
    finishConnect(ConnectError::HostKeyChanged,
                  tr("THE HOST KEY OF %1 HAS CHANGED.\nRecorded in %2: %3 %4\nOffered now: %5 %6\n"
                     "This happens when the VM was rebuilt or its address was reused by another "
                     "machine, but it can also mean that someone is intercepting the connection. "
                     "The connection was stopped before any credential was sent. If you know why "
                     "the key changed, replace the recorded key explicitly.")
                      .arg(m_hostKey.knownHostsName, m_hostKey.knownHostsFile, m_hostKey.oldKeyType,
                           m_hostKey.oldFingerprint.isEmpty() ? tr("(unreadable entry)")
                                                              : m_hostKey.oldFingerprint,
                           m_hostKey.keyType, m_hostKey.fingerprint));
}

void SshWorker::hostKeyUnknown()
{
    if (!m_options.interactive) {
        finishConnect(ConnectError::HostKeyUnknown,
                      tr("The host key of %1 is not known (%2 %3) and there is no one to "
                         "ask. Pin it with --host-key-fingerprint %3 after checking it on "
                         "the VM (ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub).")
                          .arg(m_hostKey.knownHostsName, m_hostKey.keyType, m_hostKey.fingerprint,
                               m_hostKey.keyType.toLower()));
        return;
    }
    m_pending = Pending::HostKey;
    Q_EMIT hostKeyDecisionRequested(m_connectId, m_hostKey);
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

} // namespace gs::remote::detail
