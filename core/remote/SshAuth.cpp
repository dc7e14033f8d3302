#include "SshWorker.h"

// Authentication as a state machine that can pause: for a passphrase, a password or a
// keyboard-interactive answer (credentialRequested), continued by answerCredential(). The
// stages in order: none, ssh-agent, key files, password, keyboard-interactive; Done reports
// the most telling failure.

#include "SshWorkerSupport.h"
#include "util/LoggingCategories.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstring>

namespace gs::remote::detail {

namespace {

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

} // namespace

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
    while (runAuthStage() == AuthStep::Next) {
    }
}

SshWorker::AuthStep SshWorker::runAuthStage()
{
    switch (m_stage) {
    case AuthStage::Start:
        return authNone();
    case AuthStage::Agent:
        return authAgent();
    case AuthStage::Keys:
        return authKeys();
    case AuthStage::Password:
        return authPassword();
    case AuthStage::KeyboardInteractive:
        return authKeyboardInteractive();
    case AuthStage::Done:
        authFailed();
        return AuthStep::Stop;
    }
    return AuthStep::Next;
}

SshWorker::AuthStep SshWorker::authNone()
{
    Q_EMIT connectProgress(m_connectId, ConnectPhase::Authenticating,
                           tr("Authenticating as %1…").arg(m_options.effectiveUser()));
    // Seconds now belong to the silence timeout, not the connect timeout.
    long timeout = qMax(1, (m_options.silenceTimeoutMs + 999) / 1000);
    libssh().ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeout);
    const int rc = libssh().ssh_userauth_none(m_session, nullptr);
    if (authEnded(rc))
        return AuthStep::Stop;
    m_methods = libssh().ssh_userauth_list(m_session, nullptr);
    m_keys = m_options.effectiveIdentityFiles();
    m_keyIndex = 0;
    m_stage = AuthStage::Agent;
    return AuthStep::Next;
}

SshWorker::AuthStep SshWorker::authAgent()
{
    m_stage = AuthStage::Keys;
    if (!m_options.useAgent)
        return AuthStep::Next;
    const bool haveAgent =
        !m_options.agentSocket.isEmpty() || !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK");
    if (!haveAgent) {
        m_authLog << tr("ssh-agent: not running (SSH_AUTH_SOCK is not set).");
        return AuthStep::Next;
    }
    if (!(m_methods & SSH_AUTH_METHOD_PUBLICKEY))
        return AuthStep::Next;
    const int rc = libssh().ssh_userauth_agent(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        m_authLog << tr("ssh-agent: accepted.");
        authSucceeded();
        return AuthStep::Stop;
    }
    // An agent error with the connection still up is the agent's, not the server's.
    if (rc == SSH_AUTH_ERROR && !libssh().ssh_is_connected(m_session) && authEnded(rc))
        return AuthStep::Stop;
    if (rc == SSH_AUTH_PARTIAL)
        m_methods = libssh().ssh_userauth_list(m_session, nullptr);
    noteAuth(ConnectError::KeyNotAccepted, tr("ssh-agent: the server accepted none of its keys."));
    return AuthStep::Next;
}

SshWorker::AuthStep SshWorker::authKeys()
{
    if (!(m_methods & SSH_AUTH_METHOD_PUBLICKEY) || m_keyIndex >= m_keys.size()) {
        m_stage = AuthStage::Password;
        return AuthStep::Next;
    }
    bool paused = false;
    const bool done = tryKeyFile(m_keys.at(m_keyIndex), &paused);
    if (done) {
        authSucceeded();
        return AuthStep::Stop;
    }
    if (paused)
        return AuthStep::Stop;
    if (!m_session || !libssh().ssh_is_connected(m_session)) {
        finishConnect(ConnectError::ConnectionLost,
                      tr("The server closed the connection during authentication: %1")
                          .arg(sshError(m_session)));
        return AuthStep::Stop;
    }
    ++m_keyIndex;
    m_passphraseTries = 0;
    if (!m_options.passphrase.isEmpty())
        m_passphrase = m_options.passphrase;
    return AuthStep::Next;
}

SshWorker::AuthStep SshWorker::authPassword()
{
    if (!m_options.allowPassword || !(m_methods & SSH_AUTH_METHOD_PASSWORD)) {
        m_stage = AuthStage::KeyboardInteractive;
        return AuthStep::Next;
    }
    if (m_password.isEmpty()) {
        if (!m_options.interactive || m_passwordTries >= 3) {
            m_stage = AuthStage::KeyboardInteractive;
            return AuthStep::Next;
        }
        CredentialRequest req;
        req.kind = CredentialRequest::Kind::Password;
        req.prompt = tr("Password for %1:").arg(m_options.displayName());
        req.retry = m_passwordTries > 0;
        askCredential(Pending::Password, req);
        return AuthStep::Stop;
    }
    ++m_passwordTries;
    const int rc = libssh().ssh_userauth_password(m_session, nullptr, m_password.constData());
    release(m_password);
    if (authEnded(rc))
        return AuthStep::Stop;
    if (rc == SSH_AUTH_PARTIAL) {
        m_methods = libssh().ssh_userauth_list(m_session, nullptr);
        m_stage = AuthStage::Keys;
        m_keyIndex = 0;
        return AuthStep::Next;
    }
    noteAuth(ConnectError::PasswordRejected, tr("password: rejected by the server."));
    if (!m_options.interactive || m_passwordTries >= 3)
        m_stage = AuthStage::KeyboardInteractive;
    return AuthStep::Next;
}

SshWorker::AuthStep SshWorker::authKeyboardInteractive()
{
    if (!m_options.allowKeyboardInteractive || !(m_methods & SSH_AUTH_METHOD_INTERACTIVE)) {
        m_stage = AuthStage::Done;
        return AuthStep::Next;
    }
    int rc = SSH_AUTH_INFO;
    if (!m_kbdStarted) {
        m_kbdStarted = true;
        rc = nextKbdPrompts();
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
            askKbdAnswer(prompt, echo != 0);
            return AuthStep::Stop;
        }
        rc = nextKbdPrompts();
    }
    if (authEnded(rc))
        return AuthStep::Stop;
    noteAuth(ConnectError::PasswordRejected,
             tr("keyboard-interactive: the server refused the answers."));
    m_stage = AuthStage::Done;
    return AuthStep::Next;
}

// Sends the answers so far (none at the start) and takes the server's next set of prompts.
int SshWorker::nextKbdPrompts()
{
    const int rc = libssh().ssh_userauth_kbdint(m_session, nullptr, nullptr);
    m_kbdPrompt = 0;
    m_kbdPrompts = rc == SSH_AUTH_INFO ? libssh().ssh_userauth_kbdint_getnprompts(m_session) : 0;
    return rc;
}

void SshWorker::askKbdAnswer(const char *prompt, bool echo)
{
    CredentialRequest req;
    req.kind = CredentialRequest::Kind::KeyboardInteractive;
    req.prompt = QString::fromUtf8(prompt ? prompt : "");
    const QString name = QString::fromUtf8(libssh().ssh_userauth_kbdint_getname(m_session));
    const QString instr = QString::fromUtf8(libssh().ssh_userauth_kbdint_getinstruction(m_session));
    req.instruction = (name + QLatin1Char('\n') + instr).trimmed();
    req.echo = echo;
    askCredential(Pending::KeyboardInteractive, req);
}

void SshWorker::authFailed()
{
    // On the gcloud path a refused or missing key is gcloud's to publish: one message.
    const bool gcloudKeyMissing =
        !m_options.gcloudCommand.isEmpty() && !QFileInfo::exists(m_options.identityFiles.value(0));
    const bool gcloudKeyProblem = m_authError == ConnectError::KeyNotAccepted ||
                                  m_authError == ConnectError::AuthFailed ||
                                  (m_authError == ConnectError::KeyUnreadable && gcloudKeyMissing);
    QString message = gcloudKeyProblem ? m_options.gcloudKeyMessage(gcloudKeyMissing) : QString();
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

} // namespace gs::remote::detail
