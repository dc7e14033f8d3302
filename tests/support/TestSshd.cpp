#include "TestSshd.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace gs::test {

namespace {

bool run(const QString &program, const QStringList &args, QString *error,
         const QByteArray &input = {}, QByteArray *output = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("cannot start %1").arg(program);
        return false;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    if (output)
        *output = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 %2 failed: %3")
                         .arg(program, args.join(QLatin1Char(' ')),
                              QString::fromUtf8(p.readAllStandardError()));
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &data, int mode)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return false;
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray mountNamespace(qint64 pid)
{
    char buf[128];
    const QByteArray link = "/proc/" + QByteArray::number(pid) + "/ns/mnt";
    const ssize_t n = ::readlink(link.constData(), buf, sizeof buf);
    return n > 0 ? QByteArray(buf, int(n)) : QByteArray();
}

QString shq(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace

TestSshd::TestSshd()
    : TestSshd(Options{})
{}

TestSshd::TestSshd(const Options &options)
    : m_options(options)
{}

TestSshd::~TestSshd()
{
    stop();
}

QString TestSshd::dir() const
{
    return m_dir ? m_dir->path() : QString();
}

QString TestSshd::homeDir() const
{
    return dir() + QStringLiteral("/home/") + m_options.user;
}

QString TestSshd::rootHomeDir() const
{
    return dir() + QStringLiteral("/home/root");
}

QString TestSshd::clientKey(ClientKey key) const
{
    switch (key) {
    case PlainKey:
        return dir() + QStringLiteral("/client/id_plain");
    case EncryptedKey:
        return dir() + QStringLiteral("/client/id_enc");
    case OtherKey:
        return dir() + QStringLiteral("/client/id_other");
    }
    return {};
}

QString TestSshd::hostPublicKeyFile() const
{
    return dir() + QStringLiteral("/hostkeys/ssh_host_ed25519_key.pub");
}

QString TestSshd::sshKeygenFingerprintLine() const
{
    QByteArray out;
    run(QStringLiteral("ssh-keygen"), {QStringLiteral("-lf"), hostPublicKeyFile()}, nullptr, {},
        &out);
    return QString::fromUtf8(out).trimmed();
}

QString TestSshd::hostKeyFingerprint() const
{
    return sshKeygenFingerprintLine().section(QLatin1Char(' '), 1, 1);
}

QString TestSshd::knownHostsLine() const
{
    const QStringList pub =
        QString::fromUtf8(readFile(hostPublicKeyFile())).split(QLatin1Char(' '));
    return QStringLiteral("[127.0.0.1]:%1 %2 %3")
        .arg(m_port)
        .arg(pub.value(0), pub.value(1).trimmed());
}

QString TestSshd::logFile() const
{
    return dir() + QStringLiteral("/sshd.log");
}

QString TestSshd::log() const
{
    return QString::fromUtf8(readFile(logFile()));
}

void TestSshd::chownToUser(const QString &path) const
{
    QString p = path;
    while (p.startsWith(dir()) && p != dir()) {
        if (::chown(QFile::encodeName(p).constData(), uid_t(m_options.uid), gid_t(m_options.uid)) !=
            0)
            break;
        p = QFileInfo(p).path();
    }
}

bool TestSshd::prepare(QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/gs-sshd-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("no temp dir");
        return false;
    }
    const QString t = m_dir->path();
    // The test user must be able to walk into its home below this directory.
    ::chmod(QFile::encodeName(t).constData(), 0755);
    for (const char *sub : {"hostkeys", "client", "etc", "run", "privsep", "varlog", "home"})
        QDir(t).mkpath(QLatin1String(sub));
    ::chmod(QFile::encodeName(t + QStringLiteral("/hostkeys")).constData(), 0700);

    const QString kg = QStringLiteral("ssh-keygen");
    if (!run(kg,
             {"-q", "-t", "ed25519", "-N", "", "-C", "testsshd-host", "-f",
              t + "/hostkeys/ssh_host_ed25519_key"},
             error) ||
        !run(kg, {"-q", "-t", "ed25519", "-N", "", "-C", "plain", "-f", clientKey(PlainKey)},
             error) ||
        !run(kg,
             {"-q", "-t", "ed25519", "-N", QString::fromUtf8(encryptedKeyPassphrase()), "-C", "enc",
              "-f", clientKey(EncryptedKey)},
             error) ||
        !run(kg, {"-q", "-t", "ed25519", "-N", "", "-C", "other", "-f", clientKey(OtherKey)},
             error))
        return false;

    // The test user, in copies of the user files that only the namespace sees.
    const QString user = m_options.user;
    const QString uid = QString::number(m_options.uid);
    QByteArray hash;
    if (!run(QStringLiteral("openssl"), {"passwd", "-6", "-stdin"}, error,
             m_options.password + '\n', &hash))
        return false;
    QByteArray passwd = readFile(QStringLiteral("/etc/passwd"));
    QByteArray shadow = readFile(QStringLiteral("/etc/shadow"));
    QByteArray group = readFile(QStringLiteral("/etc/group"));
    passwd +=
        QStringLiteral("%1:x:%2:%2:sshd test user:%3:/bin/sh\n").arg(user, uid, homeDir()).toUtf8();
    shadow += user.toUtf8() + ':' + hash.trimmed() + ":19000:0:99999:7:::\n";
    if (m_options.rootLogin) {
        // Root's home moves into the instance's temp dir (inside the namespace only), so its
        // authorized_keys is ours and StrictModes still holds; a locked root ("!…", which sshd
        // refuses even for keys without PAM) becomes "no password" ("*").
        QByteArrayList lines = passwd.split('\n');
        for (QByteArray &line : lines) {
            QByteArrayList fields = line.split(':');
            if (fields.size() == 7 && fields.at(0) == "root") {
                fields[5] = QFile::encodeName(rootHomeDir());
                line = fields.join(':');
            }
        }
        passwd = lines.join('\n');
        lines = shadow.split('\n');
        for (QByteArray &line : lines) {
            QByteArrayList fields = line.split(':');
            if (fields.size() > 2 && fields.at(0) == "root" && fields.at(1).startsWith('!')) {
                fields[1] = "*";
                line = fields.join(':');
            }
        }
        shadow = lines.join('\n');
        if (!shadow.endsWith('\n'))
            shadow += '\n';
    }
    QByteArrayList groupLines = group.split('\n');
    for (QByteArray &line : groupLines) {
        if (m_options.dockerGroup && line.startsWith("docker:")) {
            line += line.endsWith(':') ? user.toUtf8() : ',' + user.toUtf8();
        }
    }
    group = groupLines.join('\n');
    if (!group.endsWith('\n'))
        group += '\n';
    group += user.toUtf8() + ":x:" + uid.toUtf8() + ":\n";
    if (!writeFile(t + "/etc/passwd", passwd, 0644) ||
        !writeFile(t + "/etc/shadow", shadow, 0640) || !writeFile(t + "/etc/group", group, 0644)) {
        *error = QStringLiteral("cannot write user files");
        return false;
    }

    // Home with authorized_keys (StrictModes: owned by the user, 700/600).
    const QString home = homeDir();
    QDir().mkpath(home + "/.ssh");
    QByteArray authorized =
        readFile(clientKey(PlainKey) + ".pub") + readFile(clientKey(EncryptedKey) + ".pub");
    writeFile(home + "/.ssh/authorized_keys", authorized, 0600);
    ::chmod(QFile::encodeName(home).constData(), 0755);
    ::chmod(QFile::encodeName(home + "/.ssh").constData(), 0700);
    for (const QString &p : {home, home + "/.ssh", home + "/.ssh/authorized_keys"})
        ::chown(QFile::encodeName(p).constData(), uid_t(m_options.uid), gid_t(m_options.uid));

    if (m_options.rootLogin) {
        const QString rootHome = rootHomeDir();
        QDir().mkpath(rootHome + "/.ssh");
        writeFile(rootHome + "/.ssh/authorized_keys", readFile(clientKey(PlainKey) + ".pub"), 0600);
        ::chmod(QFile::encodeName(rootHome).constData(), 0700);
        ::chmod(QFile::encodeName(rootHome + "/.ssh").constData(), 0700);
    }

    QStringList config{
        QStringLiteral("Port %1").arg(m_port),
        QStringLiteral("ListenAddress 127.0.0.1"),
        QStringLiteral("HostKey %1/hostkeys/ssh_host_ed25519_key").arg(t),
        QStringLiteral("PidFile %1/run/sshd.pid").arg(t),
        QStringLiteral("AuthorizedKeysFile .ssh/authorized_keys"),
        QStringLiteral("StrictModes yes"),
        QStringLiteral("PubkeyAuthentication yes"),
        m_options.rootLogin ? QStringLiteral("PermitRootLogin prohibit-password")
                            : QStringLiteral("PermitRootLogin no"),
        m_options.rootLogin ? QStringLiteral("AllowUsers %1 root").arg(user)
                            : QStringLiteral("AllowUsers %1").arg(user),
        QStringLiteral("AllowAgentForwarding no"),
        m_options.tcpForwarding ? QStringLiteral("AllowTcpForwarding yes")
                                : QStringLiteral("AllowTcpForwarding no"),
        QStringLiteral("X11Forwarding no"),
        QStringLiteral("PrintMotd no"),
        QStringLiteral("PrintLastLog no"),
        QStringLiteral("MaxAuthTries 10"),
        QStringLiteral("LogLevel VERBOSE"),
        QStringLiteral("Subsystem sftp /usr/lib/openssh/sftp-server %1")
            .arg(m_options.sftpServerFlags)
            .trimmed(),
    };
    if (m_options.keyboardInteractive) {
        config << QStringLiteral("UsePAM yes") << QStringLiteral("PasswordAuthentication no")
               << QStringLiteral("KbdInteractiveAuthentication yes");
        writeFile(t + "/pam-sshd",
                  "auth required pam_unix.so\naccount required pam_unix.so\n"
                  "session required pam_permit.so\npassword required pam_deny.so\n",
                  0644);
        m_options.binds.append({t + "/pam-sshd", QStringLiteral("/etc/pam.d/sshd")});
    } else {
        config << QStringLiteral("UsePAM no") << QStringLiteral("PasswordAuthentication yes")
               << QStringLiteral("KbdInteractiveAuthentication no");
    }
    config << m_options.extraConfig;
    writeFile(t + "/sshd_config", config.join(QLatin1Char('\n')).toUtf8() + '\n', 0644);

    // The privilege separation directory is compiled into sshd as /run/sshd.
    if (!QFileInfo::exists(QStringLiteral("/run/sshd"))) {
        QDir().mkpath(QStringLiteral("/run/sshd"));
        ::chmod("/run/sshd", 0755);
    }
    QStringList mounts{
        QStringLiteral("mount --bind %1 /run/sshd").arg(shq(t + "/privsep")),
        QStringLiteral("mount --bind %1 /etc/passwd").arg(shq(t + "/etc/passwd")),
        QStringLiteral("mount --bind %1 /etc/shadow").arg(shq(t + "/etc/shadow")),
        QStringLiteral("mount --bind %1 /etc/group").arg(shq(t + "/etc/group")),
        QStringLiteral("mount --bind %1 /var/log").arg(shq(t + "/varlog")),
    };
    for (const Bind &b : std::as_const(m_options.binds))
        mounts << QStringLiteral("mount --bind %1 %2").arg(shq(b.source), shq(b.target));
    for (const Tmpfs &fs : std::as_const(m_options.tmpfs)) {
        const QString target = QDir::isRelativePath(fs.target) ? home + '/' + fs.target : fs.target;
        QDir().mkpath(target);
        mounts << QStringLiteral("mount -t tmpfs -o size=%1,mode=0755 tmpfs %2 && chown %3:%3 %2")
                      .arg(fs.size, shq(target), uid);
    }
    const QString inner = QStringLiteral("set -e; %1; exec /usr/sbin/sshd -D -e -f %2 \"$@\"")
                              .arg(mounts.join(QStringLiteral("; ")), shq(t + "/sshd_config"));
    // One PID all the way: script → unshare → sh → sshd, each by exec.
    const QString script = QStringLiteral("#!/bin/sh\nexec unshare -m --propagation private sh -c "
                                          "%1 sshd-wrapper \"$@\"\n")
                               .arg(shq(inner));
    writeFile(t + "/start-sshd.sh", script.toUtf8(), 0755);
    m_prepared = true;
    return true;
}

bool TestSshd::start(QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (isRunning())
        return true;
    if (m_port == 0)
        m_port = m_options.port;
    if (m_port == 0) {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
    }
    if (!m_prepared && !prepare(error))
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(logFile(), QIODevice::Append);
    m_process->setStandardErrorFile(logFile(), QIODevice::Append);
    m_process->start(dir() + QStringLiteral("/start-sshd.sh"), {});
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start sshd");
        return false;
    }
    // Ready when it greets us with its banner.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("sshd exited: %1").arg(log());
            return false;
        }
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (s.waitForConnected(200) && s.waitForReadyRead(1000) &&
            s.readAll().startsWith("SSH-2.0"))
            return true;
        QThread::msleep(50);
    }
    *error = QStringLiteral("sshd did not come up: %1").arg(log());
    stop();
    return false;
}

bool TestSshd::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 TestSshd::pid() const
{
    return isRunning() ? m_process->processId() : -1;
}

QList<qint64> TestSshd::descendants() const
{
    // Every process in the instance's private mount namespace is one of its own: session
    // processes, and commands that outlived their channel and were reparented away from sshd.
    QList<qint64> out;
    const qint64 root = pid();
    if (root <= 0)
        return out;
    const QByteArray ns = mountNamespace(root);
    const QByteArray hostNs = mountNamespace(::getpid());
    if (ns.isEmpty() || ns == hostNs)
        return out;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 p = entry.toLongLong(&ok);
        if (ok && p != root && mountNamespace(p) == ns)
            out << p;
    }
    return out;
}

void TestSshd::killAll()
{
    if (!isRunning())
        return;
    const QList<qint64> children = descendants();
    ::kill(pid_t(pid()), SIGKILL);
    for (qint64 c : children)
        ::kill(pid_t(c), SIGKILL);
    m_process->waitForFinished(5000);
}

void TestSshd::freeze()
{
    if (!isRunning())
        return;
    ::kill(pid_t(pid()), SIGSTOP);
    for (qint64 c : descendants())
        ::kill(pid_t(c), SIGSTOP);
}

void TestSshd::thaw()
{
    if (!isRunning())
        return;
    ::kill(pid_t(pid()), SIGCONT);
    for (qint64 c : descendants())
        ::kill(pid_t(c), SIGCONT);
}

void TestSshd::stop()
{
    if (!isRunning())
        return;
    thaw(); // a stopped process would not act on SIGTERM
    const QByteArray ns = mountNamespace(pid());
    const QList<qint64> children = descendants();
    ::kill(pid_t(pid()), SIGTERM);
    for (qint64 c : children)
        ::kill(pid_t(c), SIGTERM);
    if (!m_process->waitForFinished(5000)) {
        ::kill(pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(2000);
    }
    // Whatever ignored SIGTERM (a command trapping it) goes now; the namespace check guards
    // against a reused PID.
    for (qint64 c : children) {
        if (mountNamespace(c) == ns)
            ::kill(pid_t(c), SIGKILL);
    }
}

} // namespace gs::test
