#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace gs {
struct GcloudSshCommand;
struct SshSettings;
} // namespace gs

namespace gs::remote {

struct GcloudFacts;

// Where and how to connect. Plain data: built by the wizard, the CLI or fromSshConfig/fromGcloud.
struct ConnectOptions
{
    QString host; // DNS name or address to reach (after ~/.ssh/config HostName)
    int port = 22;
    QString user;              // empty: the local user name
    QStringList identityFiles; // tried in order; empty: ~/.ssh/id_ed25519, id_ecdsa, id_rsa
    QString proxyCommand;      // run through /bin/sh; %h %p %r %% are expanded; empty: direct TCP
    QString proxyJump;         // [user@]host[:port][,…]; turned into `ssh -W` as OpenSSH does
    bool viaGcloud = false;    // the proxy command is gcloud's IAP tunnel (for its messages)
    // The gcloud path: the pasted `gcloud compute ssh` (canonical) this connection follows,
    // through IAP or to the instance's address; empty otherwise. Its messages (a refused key)
    // then speak of gcloud, OS Login and metadata keys.
    QString gcloudCommand;
    std::optional<bool> gcloudOsLogin; // what gcloud said about OS Login; unset: not known
    QStringList notes; // what was decided and why (user, key, route), translated, for UI and CLI
    // Set when these options cannot connect (no external address and no IAP, say): a connect
    // attempt fails at once with this message, kind InvalidOptions.
    QString problem;
    QString hostKeyAlias; // name the host key is kept under in known_hosts; empty: host/[host]:port
    QString knownHostsFile;    // read and written; empty: ~/.ssh/known_hosts
    QString pinnedFingerprint; // "SHA256:…": accept exactly this key without asking
    bool interactive =
        true; // false: never ask (unknown key refused, no passphrase/password prompt)
    bool useAgent = true;
    QString agentSocket; // empty: $SSH_AUTH_SOCK
    bool allowPassword = true;
    bool allowKeyboardInteractive = true;
    int connectTimeoutMs = 20000; // TCP connect + handshake + host key exchange
    int silenceTimeoutMs =
        30000; // a server that answers nothing (not even keepalives) this long is gone
    int keepaliveIntervalMs = 15000;

    // Secrets for unattended runs (from the keychain or stdin). Never logged; wiped after use.
    QByteArray password;
    QByteArray passphrase;

    // `Host` alias or plain host name resolved through `configFile` (empty: ~/.ssh/config) for
    // HostName, User, Port, IdentityFile, ProxyCommand and ProxyJump. Explicit values win.
    static ConnectOptions fromSshConfig(const QString &hostOrAlias, const QString &configFile = {});
    // The gcloud path, deciding as `gcloud compute ssh` does, from what gcloud said (`facts`,
    // GcloudLookupJob; without them from the command and this computer alone):
    //  - key: --ssh-key-file, else `explicitKey`, else gcloud's ~/.ssh/google_compute_engine;
    //  - user: the command's user@, else `explicitUser`, else gcloud's local user name
    //    (gcloudLocalUserName); with OS Login on, the OS Login POSIX user instead, unless the
    //    requested name is one of the profile's (gcloud replaces it the same way);
    //  - route: --tunnel-through-iap: `gcloud compute start-iap-tunnel … --listen-on-stdin` as
    //    proxy command; --internal-ip: the internal address; else the external address, and
    //    without one `problem` says to add --tunnel-through-iap.
    // The host key is kept under the instance name, whichever the route. `notes` says all this.
    static ConnectOptions fromGcloud(const gs::GcloudSshCommand &command, const GcloudFacts &facts,
                                     const QString &explicitUser = {},
                                     const QString &explicitKey = {});
    static ConnectOptions fromGcloud(const gs::GcloudSshCommand &command);
    // What the answers of the flow say, the same for the wizard and the CLI: the pasted gcloud
    // command when there is one (fromGcloud with `facts`), else the host or ~/.ssh/config alias,
    // with what the user gave explicitly winning over the config file: a port other than 22, the
    // user, and the identity file (tried first, ~ expanded). ResolveConnectJob gathers the facts.
    static ConnectOptions fromSetup(const gs::SshSettings &ssh, const QString &configFile = {});
    static ConnectOptions fromSetup(const gs::SshSettings &ssh, const QString &configFile,
                                    const GcloudFacts &facts);
    // True when the answers name a gcloud command: connecting needs a GcloudLookupJob first.
    static bool needsGcloudLookup(const gs::SshSettings &ssh);

    // On the gcloud path, the message for a key the VM refused (`missing`: the key file does not
    // exist): how to publish gcloud's key (run the command once in a terminal, OS Login, metadata
    // SSH keys in the Cloud Console), never "edit authorized_keys" on a VM the admin cannot reach.
    // Empty off the gcloud path (SshWorker then has its own words).
    QString gcloudKeyMessage(bool missing = false) const;

    // What the UI shows: "user@host:port", "user@instance (IAP)" or "user@instance (address)".
    QString displayName() const;
    // The name libssh looks the host key up under: alias, host, or [host]:port.
    QString knownHostsName() const;
    QStringList effectiveIdentityFiles() const;
    QString effectiveKnownHostsFile() const;
    QString effectiveUser() const;

private:
    // fromGcloud's decisions, each as gcloud makes it; `why` and `warnings` feed `notes`.
    static QString gcloudKey(const gs::GcloudSshCommand &command, const QString &explicitKey,
                             QString *why);
    static QString gcloudRequestedUser(const gs::GcloudSshCommand &command,
                                       const GcloudFacts &facts, const QString &explicitUser,
                                       QString *why, QStringList *warnings);
    static QString gcloudUser(const gs::GcloudSshCommand &command, const GcloudFacts &facts,
                              const QString &explicitUser, const QString &key, QString *why,
                              QStringList *warnings);
    static QString gcloudOsLoginUser(const gs::GcloudSshCommand &command, const GcloudFacts &facts,
                                     const QString &explicitUser, const QString &requested,
                                     const QString &key, QString *why, QStringList *warnings);
    static QString setGcloudRoute(const gs::GcloudSshCommand &command, const GcloudFacts &facts,
                                  ConnectOptions *o);
};

// Why a connection attempt failed. Every fault of the design's "faults" row has its own kind.
enum class ConnectError {
    None,
    Cancelled,
    InvalidOptions,
    ResolveFailed,     // no such host
    ConnectionRefused, // closed port
    HostUnreachable,
    Timeout,         // TCP connect or handshake silent for connectTimeoutMs
    HandshakeFailed, // not an SSH server, no common algorithms
    ProxyFailed,     // the proxy command exited or failed; its stderr is in the message
    GcloudMissing,   // the IAP path needs the gcloud CLI
    HostKeyUnknown,  // unknown key and no way to ask (or no pin)
    HostKeyRejected, // the user said no
    HostKeyChanged,  // recorded key differs: possible attack
    HostKeyPinMismatch,
    AuthFailed,     // no method left; message lists each attempt
    KeyNotAccepted, // the server refused the key
    WrongPassphrase,
    KeyUnreadable,
    PasswordRejected,
    ConnectionLost,
    Internal
};

struct HostKeyInfo
{
    QString keyType;    // "ED25519", "RSA", "ECDSA" as ssh-keygen -l prints it
    QString sshKeyType; // "ssh-ed25519"
    int bits = 0;
    QString fingerprint;    // "SHA256:…"
    QString knownHostsName; // what the entry is keyed by
    QString knownHostsFile;
    QString knownHostsLine; // the line to write once accepted
    QString oldFingerprint; // set when the key changed
    QString oldKeyType;

    // Exactly what `ssh-keygen -lf` prints for the key: "256 SHA256:… host (ED25519)".
    QString sshKeygenLine() const;
};

struct ConnectResult
{
    ConnectError error = ConnectError::Internal;
    QString message; // translated, says what happened and what to do
    HostKeyInfo hostKey;
    QString proxyStderr; // what the proxy command (gcloud) printed, when it failed

    bool ok() const { return error == ConnectError::None; }
};

// A question the connect job needs answered before it goes on.
struct CredentialRequest
{
    enum class Kind { Passphrase, Password, KeyboardInteractive };
    Kind kind = Kind::Password;
    QString prompt;      // translated; for keyboard-interactive the server's own prompt
    QString instruction; // keyboard-interactive name/instruction from the server
    QString keyFile;     // for Passphrase
    bool echo = false;   // keyboard-interactive: the answer may be shown
    bool retry = false;  // the previous answer was wrong
};

enum class ConnectPhase { Resolving, Connecting, Handshake, HostKey, Authenticating, Connected };

} // namespace gs::remote

Q_DECLARE_METATYPE(gs::remote::ConnectOptions)
Q_DECLARE_METATYPE(gs::remote::ConnectResult)
Q_DECLARE_METATYPE(gs::remote::HostKeyInfo)
Q_DECLARE_METATYPE(gs::remote::CredentialRequest)
Q_DECLARE_METATYPE(gs::remote::ConnectPhase)
