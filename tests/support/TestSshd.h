#pragma once

// TestSshd: a throwaway OpenSSH sshd for integration tests, on 127.0.0.1 and a free port, with
// its own config, host key, test user, client keys and authorized_keys. The system's users and
// sshd stay untouched: sshd runs inside a private mount namespace (unshare -m) where copies of
// /etc/passwd, /etc/shadow and /etc/group that add the test user are bind-mounted, and a private
// directory is bind-mounted over /run/sshd (created empty on the host if missing, as the
// openssh-server package itself would). The rest of /run stays visible, so /run/docker.sock is
// reachable from the test user's sessions. Needs root (tests run as root here and in CI).
//
//     gs::test::TestSshd sshd;                       // or TestSshd(options)
//     QVERIFY2(sshd.start(&error), qPrintable(error));
//     // ssh -p sshd.port() -i sshd.clientKey(TestSshd::PlainKey) sshtest@127.0.0.1
//     sshd.stop();                                   // also done by the destructor
//
// Options: `dockerGroup` puts the user in the host's docker group (gid read from the host's
// /etc/group); `binds` adds bind mounts (e.g. your own sudoers over /etc/sudoers; the target
// must exist on the host); `tmpfs` mounts small file systems owned by the user (disk-full
// tests); `keyboardInteractive` switches password logins to PAM keyboard-interactive with a
// private /etc/pam.d/sshd (pam_unix only); `rootLogin` also lets root log in with the plain
// client key (PermitRootLogin prohibit-password): root's home in the namespace's passwd copy is
// rootHomeDir(), inside the instance's temp dir, so the host's /root/.ssh is never read or
// touched. For the changed-host-key case start a second
// instance: every instance has its own host key. `killAll()` simulates a crashed server
// (SIGKILL to the listener and every session process, by PID). The generated start script
// ($dir/start-sshd.sh) can be used on its own by shell-based tests.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace gs::test {

class TestSshd
{
public:
    struct Bind
    {
        QString source; // a file or directory in the test's own space
        QString target; // an existing path on the host, replaced only inside the namespace
    };
    struct Tmpfs
    {
        QString target; // created (under the user's home if relative) and owned by the user
        QString size = QStringLiteral("64k");
    };
    struct Options
    {
        QString user = QStringLiteral("sshtest");
        int uid = 4242;
        QByteArray password = "test-password-123";
        bool dockerGroup = false;
        bool keyboardInteractive = false;
        bool tcpForwarding = false; // a bastion for ProxyJump (ssh -W)
        bool rootLogin = false;     // root may log in too, with the plain key only
        QList<Bind> binds;
        QList<Tmpfs> tmpfs;
        QStringList extraConfig; // more sshd_config lines
        QString sftpServerFlags; // e.g. "-P setstat": requests the SFTP server refuses
        int port = 0;            // 0: a free one
    };
    enum ClientKey {
        PlainKey,     // ed25519, no passphrase, authorized
        EncryptedKey, // ed25519, passphrase encryptedKeyPassphrase(), authorized
        OtherKey      // ed25519, no passphrase, NOT authorized
    };

    TestSshd();
    explicit TestSshd(const Options &options);
    ~TestSshd();
    TestSshd(const TestSshd &) = delete;
    TestSshd &operator=(const TestSshd &) = delete;

    bool start(QString *error = nullptr);
    void stop();    // SIGTERM to the listener and its session processes, then wait
    void killAll(); // SIGKILL to the listener and every session process: a crashed server
    // SIGSTOP / SIGCONT to the listener and every session process: a server that stops
    // answering without closing anything (a hung VM, a dead NAT mapping).
    void freeze();
    void thaw();

    bool isRunning() const;
    qint64 pid() const;
    int port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString user() const { return m_options.user; }
    QByteArray password() const { return m_options.password; }
    static QByteArray encryptedKeyPassphrase() { return "correct horse battery"; }

    QString dir() const;         // the instance's temp dir (world-readable)
    QString homeDir() const;     // the test user's home (sshd's view equals the host's)
    QString rootHomeDir() const; // root's home inside the namespace (with `rootLogin`)
    QString clientKey(ClientKey key) const;
    QString hostPublicKeyFile() const;
    QString hostKeyFingerprint() const; // "SHA256:…"
    QString knownHostsLine() const;     // "[127.0.0.1]:PORT ssh-ed25519 AAAA…"
    QString logFile() const;
    QString log() const;
    // Runs `ssh-keygen -lf` on the host key: the reference text for fingerprint tests.
    QString sshKeygenFingerprintLine() const;
    // Makes `path` (absolute, inside dir()) and its parents up to dir() owned by the test user.
    void chownToUser(const QString &path) const;

private:
    bool prepare(QString *error);
    QList<qint64> descendants() const; // by mount namespace

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    bool m_prepared = false;
};

} // namespace gs::test
