#include "plan/SetupConfig.h"
#include "remote/ConnectOptions.h"
#include "remote/HostInfo.h"
#include "remote/KnownHosts.h"
#include "remote/PrivilegeProbe.h"
#include "remote/SshConfig.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gs::remote;

namespace {

QByteArray runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(20000);
    return p.readAllStandardOutput();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestRemoteUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fingerprintAndBitsMatchSshKeygen_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("bits");
        QTest::newRow("ed25519") << "ed25519"
                                 << "";
        QTest::newRow("rsa-3072") << "rsa"
                                  << "3072";
        QTest::newRow("rsa-2047") << "rsa"
                                  << "2047"; // odd size: top byte not full
        QTest::newRow("ecdsa-384") << "ecdsa"
                                   << "384";
    }
    void fingerprintAndBitsMatchSshKeygen()
    {
        QFETCH(QString, type);
        QFETCH(QString, bits);
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("k"));
        QStringList args{"-q", "-t", type, "-N", "", "-C", "c", "-f", key};
        if (!bits.isEmpty())
            args << "-b" << bits;
        runTool(QStringLiteral("ssh-keygen"), args);
        const QString expected =
            QString::fromUtf8(runTool(QStringLiteral("ssh-keygen"), {"-lf", key + ".pub"}))
                .trimmed();
        QVERIFY(!expected.isEmpty());
        const QStringList pub = QString::fromUtf8(readFile(key + ".pub")).split(QLatin1Char(' '));
        const QByteArray blob = QByteArray::fromBase64(pub.at(1).toLatin1());
        HostKeyInfo info;
        info.bits = KnownHosts::blobBits(blob);
        info.fingerprint = KnownHosts::fingerprint(blob);
        info.keyType = KnownHosts::keygenTypeName(KnownHosts::blobKeyType(blob));
        info.knownHostsName = QStringLiteral("c");
        QCOMPARE(info.sshKeygenLine(), expected);
    }

    void hashedAndPatternEntriesMatch()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("known_hosts"));
        const QString key = dir.filePath(QStringLiteral("k"));
        runTool(QStringLiteral("ssh-keygen"), {"-q", "-t", "ed25519", "-N", "", "-f", key});
        const QByteArray pub = readFile(key + ".pub").split(' ').mid(0, 2).join(' ');
        writeFile(file, "[127.0.0.1]:2222 " + pub + "\nvm.example " + pub + "\n*.corp,!bad.corp " +
                            pub + "\n");
        runTool(QStringLiteral("ssh-keygen"), {"-H", "-f", file}); // hashes the plain names
        QVERIFY(readFile(file).startsWith("|1|"));
        QCOMPARE(KnownHosts::recordedKeys(file, QStringLiteral("[127.0.0.1]:2222")).size(), 1);
        QCOMPARE(KnownHosts::recordedKeys(file, QStringLiteral("vm.example")).size(), 1);
        QCOMPARE(KnownHosts::recordedKeys(file, QStringLiteral("127.0.0.1")).size(), 0);
        QVERIFY(KnownHosts::hostFieldMatches(QStringLiteral("*.corp,!bad.corp"),
                                             QStringLiteral("a.corp")));
        QVERIFY(!KnownHosts::hostFieldMatches(QStringLiteral("*.corp,!bad.corp"),
                                              QStringLiteral("bad.corp")));
        QVERIFY(!KnownHosts::hostFieldMatches(QStringLiteral("a/b"), QStringLiteral("a")));
    }

    void replaceHostKeyIsGuarded()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("known_hosts"));
        QList<QByteArray> pubs;
        for (const char *n : {"old", "new", "other"}) {
            const QString key = dir.filePath(QLatin1String(n));
            runTool(QStringLiteral("ssh-keygen"), {"-q", "-t", "ed25519", "-N", "", "-f", key});
            pubs << readFile(key + ".pub").split(' ').mid(0, 2).join(' ');
        }
        auto fp = [](const QByteArray &pub) {
            return KnownHosts::fingerprint(QByteArray::fromBase64(pub.split(' ').at(1)));
        };
        writeFile(file, "keep.example " + pubs[2] + "\nvm " + pubs[0] + "\n");
        HostKeyInfo info;
        info.knownHostsFile = file;
        info.knownHostsName = QStringLiteral("vm");
        info.fingerprint = fp(pubs[1]);
        info.knownHostsLine = QStringLiteral("vm ") + QString::fromLatin1(pubs[1]);

        // Not the key the user was shown as recorded: nothing changes.
        info.oldFingerprint = fp(pubs[2]);
        QVERIFY(!KnownHosts::replaceHostKey(info).ok);
        // A line that does not carry the fingerprint the user saw: refused.
        info.oldFingerprint = fp(pubs[0]);
        HostKeyInfo forged = info;
        forged.knownHostsLine = QStringLiteral("vm ") + QString::fromLatin1(pubs[2]);
        QVERIFY(!KnownHosts::replaceHostKey(forged).ok);
        QCOMPARE(KnownHosts::recordedKeys(file, QStringLiteral("vm")).value(0).fingerprint,
                 fp(pubs[0]));

        const gs::Result r = KnownHosts::replaceHostKey(info);
        QVERIFY2(r.ok, qPrintable(r.message));
        const auto entries = KnownHosts::recordedKeys(file, QStringLiteral("vm"));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).fingerprint, fp(pubs[1]));
        QCOMPARE(KnownHosts::recordedKeys(file, QStringLiteral("keep.example")).size(), 1);
    }

    void sshConfigResolves()
    {
        QTemporaryDir dir;
        const QString inc = dir.filePath(QStringLiteral("extra.conf"));
        writeFile(inc, "Host included\n  HostName 10.0.0.9\n");
        const QString cfg = dir.filePath(QStringLiteral("config"));
        writeFile(cfg, "# comment\n"
                       "Host runner gs-*\n"
                       "  HostName 203.0.113.7\n"
                       "  User admin\n"
                       "  Port 2200\n"
                       "  IdentityFile ~/.ssh/runner_key\n"
                       "  ProxyJump bastion@jump.example:2201\n"
                       "Match exec \"touch /tmp/should-not-run\"\n"
                       "  User wrong\n"
                       "Host proxied\n"
                       "  ProxyCommand=nc %h %p\n"
                       "Include " +
                           inc.toUtf8() +
                           "\n"
                           "Host *\n"
                           "  User everyone\n"
                           "  Port 22\n"
                           "  IdentityFile ~/.ssh/id_default\n");
        SshConfig config;
        QVERIFY(config.load(cfg));
        QCOMPARE(config.hostAliases(), (QStringList{"runner", "proxied", "included"}));
        const auto r = config.resolve(QStringLiteral("runner"));
        QCOMPARE(r.hostName, QStringLiteral("203.0.113.7"));
        QCOMPARE(r.user, QStringLiteral("admin")); // first value wins
        QCOMPARE(r.port, 2200);
        QCOMPARE(r.identityFiles, (QStringList{QDir::homePath() + "/.ssh/runner_key",
                                               QDir::homePath() + "/.ssh/id_default"}));
        QCOMPARE(r.proxyJump, QStringLiteral("bastion@jump.example:2201"));
        QCOMPARE(config.resolve(QStringLiteral("gs-7")).hostName, QStringLiteral("203.0.113.7"));
        QCOMPARE(config.resolve(QStringLiteral("proxied")).proxyCommand,
                 QStringLiteral("nc %h %p"));
        QCOMPARE(config.resolve(QStringLiteral("proxied")).user, QStringLiteral("everyone"));
        QCOMPARE(config.resolve(QStringLiteral("included")).hostName, QStringLiteral("10.0.0.9"));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/should-not-run")));

        const ConnectOptions o = ConnectOptions::fromSshConfig(QStringLiteral("runner"), cfg);
        QCOMPARE(o.host, QStringLiteral("203.0.113.7"));
        QCOMPARE(o.port, 2200);
        QCOMPARE(o.knownHostsName(), QStringLiteral("[203.0.113.7]:2200"));
    }

    // The wizard and the CLI turn the same answers into the same connection.
    void connectOptionsFromSetup()
    {
        QTemporaryDir dir;
        const QString cfg = dir.filePath(QStringLiteral("config"));
        writeFile(cfg, "Host runner\n"
                       "  HostName 203.0.113.7\n"
                       "  User admin\n"
                       "  Port 2200\n"
                       "  IdentityFile ~/.ssh/runner_key\n");
        gs::SshSettings ssh;
        ssh.host = QStringLiteral(" runner ");
        ConnectOptions o = ConnectOptions::fromSetup(ssh, cfg);
        QCOMPARE(o.host, QStringLiteral("203.0.113.7"));
        QCOMPARE(o.port, 2200); // 22 is the form's default: the config file's port stays
        QCOMPARE(o.user, QStringLiteral("admin"));
        QCOMPARE(o.identityFiles, QStringList{QDir::homePath() + "/.ssh/runner_key"});

        // What the user typed wins, the key first with ~ expanded, the config's as fallback.
        ssh.port = 2222;
        ssh.user = QStringLiteral(" ops ");
        ssh.identityFile = QStringLiteral("~/.ssh/google_compute_engine");
        o = ConnectOptions::fromSetup(ssh, cfg);
        QCOMPARE(o.port, 2222);
        QCOMPARE(o.user, QStringLiteral("ops"));
        QCOMPARE(o.identityFiles, (QStringList{QDir::homePath() + "/.ssh/google_compute_engine",
                                               QDir::homePath() + "/.ssh/runner_key"}));

        // A pasted gcloud command means IAP, whatever the host field says.
        ssh.gcloudCommand = QStringLiteral(
            "gcloud compute ssh --zone \"us-west1-a\" \"gs-vm\" --tunnel-through-iap "
            "--project \"my-proj\"");
        o = ConnectOptions::fromSetup(ssh, cfg);
        QVERIFY(o.viaGcloud);
        QVERIFY(o.proxyCommand.contains(QLatin1String("start-iap-tunnel")));
        QVERIFY(o.proxyCommand.contains(QLatin1String("gs-vm")));
    }

    void hostInfoParses()
    {
        const QByteArray out = "Linux 6.1.0-18-cloud-amd64 x86_64\n@@\ngs-runner-vm\n@@\n"
                               "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian\"\n"
                               "VERSION_ID=\"12\"\nID=debian\n";
        const HostInfo info = HostInfo::parse(out);
        QCOMPARE(info.kernel, QStringLiteral("Linux 6.1.0-18-cloud-amd64"));
        QCOMPARE(info.arch, QStringLiteral("x86_64"));
        QCOMPARE(info.dockerArch(), QStringLiteral("amd64"));
        QCOMPARE(info.hostname, QStringLiteral("gs-runner-vm"));
        QCOMPARE(info.osName, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        QCOMPARE(info.osId, QStringLiteral("debian"));
        QCOMPARE(info.osVersion, QStringLiteral("12"));
    }

    void privilegeModes_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("mode");
        QTest::newRow("root") << QByteArray(
                                     "root=1 docker=0 dockeruser=0 dockergroup=0 sudo=0 nopasswd=0")
                              << int(PrivilegeInfo::Mode::AsUser);
        QTest::newRow("group")
            << QByteArray("root=0 docker=1 dockeruser=1 dockergroup=1 sudo=1 nopasswd=0")
            << int(PrivilegeInfo::Mode::AsUser);
        QTest::newRow("nopasswd")
            << QByteArray("root=0 docker=1 dockeruser=0 dockergroup=0 sudo=1 nopasswd=1")
            << int(PrivilegeInfo::Mode::SudoNoPassword);
        QTest::newRow("password")
            << QByteArray("root=0 docker=0 dockeruser=0 dockergroup=0 sudo=1 nopasswd=0")
            << int(PrivilegeInfo::Mode::SudoPassword);
        QTest::newRow("none") << QByteArray(
                                     "root=0 docker=0 dockeruser=0 dockergroup=0 sudo=0 nopasswd=0")
                              << int(PrivilegeInfo::Mode::Unavailable);
    }
    void privilegeModes()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, mode);
        CommandResult r;
        r.status = CommandResult::Status::Exited;
        r.exitCode = 0;
        r.stdOut = line + '\n';
        QCOMPARE(int(PrivilegeInfo::parse(r).mode), mode);
    }

    void sudoPasswordStaysOffTheCommandLine()
    {
        const QString cmd = PrivilegeInfo::wrapForRoot(QStringLiteral("docker ps"),
                                                       PrivilegeInfo::Mode::SudoPassword);
        QCOMPARE(cmd, QStringLiteral("sudo -k -S -p '' -- sh -c 'docker ps'"));
        const QByteArray in =
            PrivilegeInfo::stdinForRoot(PrivilegeInfo::Mode::SudoPassword, "s3cret", "data");
        QCOMPARE(in, QByteArray("s3cret\ndata"));
        QCOMPARE(PrivilegeInfo::stdinForRoot(PrivilegeInfo::Mode::SudoNoPassword, "s3cret", "data"),
                 QByteArray("data"));
        QCOMPARE(PrivilegeInfo::atomicWriteCommand(QStringLiteral("/runner/it's.yaml")),
                 QStringLiteral("umask 077 && mkdir -p -- '/runner' && t=$(mktemp "
                                "'/runner/.it'\\''s.yaml.XXXXXX') && { cat > \"$t\" && chmod 600 "
                                "\"$t\" && mv -f -- \"$t\" '/runner/it'\\''s.yaml'; } || { rm -f "
                                "-- \"$t\"; exit 1; }"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteUnits)
#include "tst_RemoteUnits.moc"
