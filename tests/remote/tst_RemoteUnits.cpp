#include "plan/GcloudSshCommand.h"
#include "plan/SetupConfig.h"
#include "remote/ConnectOptions.h"
#include "remote/GcloudLookup.h"
#include "remote/HostInfo.h"
#include "remote/KnownHosts.h"
#include "remote/SshConfig.h"

#include <QElapsedTimer>
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

gs::GcloudSshCommand gcloudCommand(const QString &text)
{
    gs::GcloudSshCommand command;
    QString error;
    if (!gs::GcloudSshCommand::parse(text, &command, &error))
        qWarning("%s", qPrintable(error));
    return command;
}

GcloudFacts factsOk(std::optional<bool> osLogin, const QList<GcloudPosixAccount> &accounts = {})
{
    GcloudFacts facts;
    facts.status = GcloudFacts::Status::Ok;
    facts.osLogin = osLogin;
    facts.profileRead = osLogin == true;
    facts.posixAccounts = accounts;
    facts.externalIp = QStringLiteral("203.0.113.7");
    facts.internalIp = QStringLiteral("10.0.0.7");
    return facts;
}

GcloudPosixAccount posix(const QString &name, bool primary = false,
                         const QString &project = QStringLiteral("my-proj"))
{
    GcloudPosixAccount a;
    a.username = name;
    a.primary = primary;
    a.accountId = project;
    return a;
}

// Sets an environment variable for as long as it lives (unset when `value` is null).
class EnvVar
{
public:
    EnvVar(const char *name, const QString &value)
        : m_name(name)
        , m_old(qgetenv(name))
        , m_had(qEnvironmentVariableIsSet(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value.toUtf8());
    }
    ~EnvVar()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    EnvVar(const EnvVar &) = delete;
    EnvVar &operator=(const EnvVar &) = delete;

private:
    const char *m_name;
    QByteArray m_old;
    bool m_had;
};

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

    // Found by tests/fuzz/parsers (sshconfig): an unclosed quote on a Host line made an empty
    // word, which the UI offered as an alias.
    void sshConfigOffersNoEmptyAlias()
    {
        QTemporaryDir dir;
        const QString cfg = dir.filePath(QStringLiteral("config"));
        writeFile(cfg, "Host runner \"\nHost \"\" other\n  User admin\nHost 'unclosed\n");
        SshConfig config;
        QVERIFY(config.load(cfg));
        QCOMPARE(config.hostAliases(), (QStringList{"runner", "other", "unclosed"}));
    }

    // Found by tests/fuzz/parsers (sshconfig, timeout): a config that includes itself twice
    // was read 2^17 times.
    void sshConfigSelfIncludeStops()
    {
        QTemporaryDir dir;
        const QString cfg = dir.filePath(QStringLiteral("config"));
        const QByteArray self = "Include " + cfg.toUtf8() + "\n";
        writeFile(cfg, "Host runner\n  HostName 10.0.0.5\n" + self + self + self);
        QElapsedTimer timer;
        timer.start();
        SshConfig config;
        QVERIFY(config.load(cfg));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(config.resolve(QStringLiteral("runner")).hostName, QStringLiteral("10.0.0.5"));
        QCOMPARE(config.hostAliases(), QStringList{QStringLiteral("runner")});
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

    // --- the gcloud path: who, with which key, which way -------------------------------------

    // The user `gcloud compute ssh` would log in as, for what gcloud said (or could not say).
    void gcloudUser_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<GcloudFacts>("facts");
        QTest::addColumn<QString>("logname");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("explicitUser");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("note");

        const QString plain = QStringLiteral(
            "gcloud compute ssh --zone us-west1-a gs-vm --tunnel-through-iap --project my-proj");
        const QString withUser =
            QStringLiteral("gcloud compute ssh --zone us-west1-a admin@gs-vm --tunnel-through-iap "
                           "--project my-proj");
        const QString withOld =
            QStringLiteral("gcloud compute ssh --zone us-west1-a old@gs-vm --tunnel-through-iap "
                           "--project my-proj");
        const QList<GcloudPosixAccount> profile{posix(QStringLiteral("old")),
                                                posix(QStringLiteral("jane_example_com"), true)};
        GcloudFacts missing;
        missing.status = GcloudFacts::Status::GcloudMissing;
        missing.error = QStringLiteral("The gcloud CLI is not installed or not on PATH.");
        GcloudFacts noProfile = factsOk(true);
        noProfile.profileRead = false;
        noProfile.profileError = QStringLiteral("PERMISSION_DENIED");
        GcloudFacts projectUnreadable = factsOk(std::nullopt);
        projectUnreadable.osLoginError = QStringLiteral("Required 'compute.projects.get'");
        GcloudFacts withAccount = factsOk(false);
        withAccount.account = QStringLiteral("Jose.Garcia@Example.com");
        const QString none; // a null QString: the variable is unset

        QTest::newRow("user@ in command, OS Login off") << withUser << factsOk(false) << "jane"
                                                        << "root"
                                                        << ""
                                                        << "admin"
                                                        << "named in the command; OS Login is off";
        QTest::newRow("OS Login on with profile") << plain << factsOk(true, profile) << "jane"
                                                  << "root"
                                                  << ""
                                                  << "jane_example_com"
                                                  << "your OS Login user";
        QTest::newRow("OS Login on, user@ is a profile user")
            << withOld << factsOk(true, profile) << "jane"
            << "root"
            << ""
            << "old"
            << "named in the command; your OS Login user";
        QTest::newRow("OS Login on, user@ replaced as gcloud does")
            << withUser << factsOk(true, profile) << "jane"
            << "root"
            << ""
            << "jane_example_com"
            << "instead of the requested admin";
        QTest::newRow("OS Login on, no primary: the first")
            << plain
            << factsOk(true, {posix(QStringLiteral("first")), posix(QStringLiteral("second"))})
            << "jane"
            << "root"
            << ""
            << "first"
            << "your OS Login user";
        QTest::newRow("OS Login on, this project's account")
            << plain
            << factsOk(true, {posix(QStringLiteral("elsewhere"), true, QStringLiteral("other")),
                              posix(QStringLiteral("here"))})
            << "jane"
            << "root"
            << ""
            << "here"
            << "your OS Login user";
        QTest::newRow("OS Login on, no POSIX account yet") << plain << factsOk(true) << "jane"
                                                           << "root"
                                                           << ""
                                                           << "jane"
                                                           << "no OS Login user yet";
        QTest::newRow("OS Login on, profile unreadable") << plain << noProfile << "jane"
                                                         << "root"
                                                         << ""
                                                         << "jane"
                                                         << "PERMISSION_DENIED";
        QTest::newRow("OS Login off") << plain << factsOk(false) << "jane"
                                      << "root"
                                      << ""
                                      << "jane"
                                      << "the local user name, as gcloud takes it; OS Login is off";
        QTest::newRow("OS Login not set anywhere") << plain << factsOk(std::nullopt) << "jane"
                                                   << "root"
                                                   << ""
                                                   << "jane"
                                                   << "OS Login is off";
        QTest::newRow("project unreadable") << plain << projectUnreadable << "jane"
                                            << "root"
                                            << ""
                                            << "jane"
                                            << "assuming it is off";
        QTest::newRow("gcloud missing") << plain << missing << "jane"
                                        << "root"
                                        << ""
                                        << "jane"
                                        << "not installed";
        QTest::newRow("gcloud missing, user@ kept") << withUser << missing << "jane"
                                                    << "root"
                                                    << ""
                                                    << "admin"
                                                    << "not installed";
        QTest::newRow("gcloud not asked") << plain << GcloudFacts() << "jane"
                                          << "root"
                                          << ""
                                          << "jane"
                                          << "the local user name";
        QTest::newRow("LOGNAME before USER, case kept") << plain << factsOk(false) << "Jane"
                                                        << "root"
                                                        << ""
                                                        << "Jane"
                                                        << "local user name";
        QTest::newRow("USER without LOGNAME") << plain << factsOk(false) << none << "jdoe"
                                              << ""
                                              << "jdoe"
                                              << "local user name";
        QTest::newRow("unusable local name: the account's")
            << plain << withAccount << QStringLiteral("José") << "root"
            << ""
            << "jose_garcia"
            << "Jose.Garcia@Example.com";
        QTest::newRow("user from the answers") << plain << factsOk(false) << "jane"
                                               << "root"
                                               << "ops"
                                               << "ops"
                                               << "from the answers";
    }
    void gcloudUser()
    {
        QFETCH(QString, command);
        QFETCH(GcloudFacts, facts);
        QFETCH(QString, logname);
        QFETCH(QString, user);
        QFETCH(QString, explicitUser);
        QFETCH(QString, expected);
        QFETCH(QString, note);
        EnvVar l("LOGNAME", logname);
        EnvVar u("USER", user);
        EnvVar ln("LNAME", QString());
        EnvVar un("USERNAME", QString());
        const ConnectOptions o =
            ConnectOptions::fromGcloud(gcloudCommand(command), facts, explicitUser);
        QCOMPARE(o.user, expected);
        QCOMPARE(o.effectiveUser(), expected);
        const QString notes = o.notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.startsWith(QStringLiteral("User: %1 (").arg(expected)), qPrintable(notes));
        QVERIFY2(notes.contains(note), qPrintable(notes));
        // The same decision through the answers, as the wizard and the CLI take it.
        gs::SshSettings ssh;
        ssh.gcloudCommand = command;
        ssh.user = explicitUser;
        ssh.identityFile = QString();
        QCOMPARE(ConnectOptions::fromSetup(ssh, {}, facts).user, expected);
    }

    void gcloudLocalNames()
    {
        QProcessEnvironment env;
        QCOMPARE(gcloudLocalLoginName(env, QStringLiteral("pwname")), QStringLiteral("pwname"));
        env.insert(QStringLiteral("USERNAME"), QStringLiteral("un"));
        QCOMPARE(gcloudLocalLoginName(env, QStringLiteral("pwname")), QStringLiteral("un"));
        env.insert(QStringLiteral("LNAME"), QStringLiteral("ln"));
        QCOMPARE(gcloudLocalLoginName(env, QStringLiteral("pwname")), QStringLiteral("ln"));
        env.insert(QStringLiteral("USER"), QStringLiteral("user"));
        QCOMPARE(gcloudLocalLoginName(env, QStringLiteral("pwname")), QStringLiteral("user"));
        env.insert(QStringLiteral("LOGNAME"), QStringLiteral("LogName"));
        QCOMPARE(gcloudLocalUserName(env, QStringLiteral("pwname")), QStringLiteral("LogName"));
        env.insert(QStringLiteral("LOGNAME"), QStringLiteral("jane doe"));
        QCOMPARE(gcloudLocalUserName(env, {}, QStringLiteral("jane.doe@example.com")),
                 QStringLiteral("jane_doe"));
        QCOMPARE(gcloudLocalUserName(env, {}), QString()); // the account is needed, not known

        QCOMPARE(gcloudAccountUserName(QStringLiteral("Jane.Doe@example.com")),
                 QStringLiteral("jane_doe"));
        QCOMPARE(gcloudAccountUserName(QStringLiteral("1st-admin@example.com")),
                 QStringLiteral("g1st_admin"));
        QCOMPARE(gcloudAccountUserName(QStringLiteral("a.very.long.name.for.an.account.x@e.com")),
                 QStringLiteral("a_very_long_name_for_an_account_"));
        QCOMPARE(gcloudAccountUserName(QString()), QString());
        QVERIFY(gcloudUsableUserName(QStringLiteral("Jane-1")));
        QVERIFY(!gcloudUsableUserName(QStringLiteral("José")));
        QVERIFY(!gcloudUsableUserName(QStringLiteral("a b")));
    }

    void gcloudKey()
    {
        const QString home = QDir::homePath();
        const QString iap = QStringLiteral(
            "gcloud compute ssh --zone z gs-vm --tunnel-through-iap --project my-proj");
        ConnectOptions o = ConnectOptions::fromGcloud(gcloudCommand(iap), factsOk(false));
        QCOMPARE(o.identityFiles, QStringList{home + "/.ssh/google_compute_engine"});
        QVERIFY(o.notes.join(QLatin1Char('\n'))
                    .contains(QLatin1String("Key: ~/.ssh/google_compute_engine (gcloud's key)")));
        o = ConnectOptions::fromGcloud(gcloudCommand(iap), factsOk(false), {},
                                       QStringLiteral("/keys/mine"));
        QCOMPARE(o.identityFiles, QStringList{"/keys/mine"});
        o = ConnectOptions::fromGcloud(gcloudCommand(iap + " --ssh-key-file ~/.ssh/gce2"),
                                       factsOk(false), {}, QStringLiteral("/keys/mine"));
        QCOMPARE(o.identityFiles, QStringList{home + "/.ssh/gce2"});
        // Through the answers: the wizard leaves the key empty in gcloud mode.
        gs::SshSettings ssh;
        ssh.gcloudCommand = iap;
        QCOMPARE(ConnectOptions::fromSetup(ssh, {}, factsOk(false)).identityFiles,
                 QStringList{home + "/.ssh/google_compute_engine"});
    }

    void gcloudRoute()
    {
        const QString iap = QStringLiteral(
            "gcloud compute ssh --zone z gs-vm --tunnel-through-iap --project my-proj");
        const QString direct =
            QStringLiteral("gcloud compute ssh --zone z gs-vm --project my-proj");
        ConnectOptions o = ConnectOptions::fromGcloud(gcloudCommand(iap), factsOk(false));
        QVERIFY(o.viaGcloud);
        QCOMPARE(o.host, QStringLiteral("gs-vm"));
        QVERIFY(
            o.proxyCommand.startsWith(QLatin1String("gcloud compute start-iap-tunnel gs-vm 22 ")));
        QVERIFY(o.problem.isEmpty());
        QCOMPARE(o.knownHostsName(), QStringLiteral("gs-vm"));

        o = ConnectOptions::fromGcloud(gcloudCommand(direct), factsOk(false));
        QVERIFY(!o.viaGcloud);
        QVERIFY(o.proxyCommand.isEmpty());
        QCOMPARE(o.host, QStringLiteral("203.0.113.7"));
        QCOMPARE(o.knownHostsName(), QStringLiteral("gs-vm")); // the same key either way
        QVERIFY(o.displayName().endsWith(QLatin1String("@gs-vm (203.0.113.7)")));

        o = ConnectOptions::fromGcloud(gcloudCommand(direct + " --internal-ip"), factsOk(false));
        QCOMPARE(o.host, QStringLiteral("10.0.0.7"));

        GcloudFacts noAddress = factsOk(false);
        noAddress.externalIp.clear();
        o = ConnectOptions::fromGcloud(gcloudCommand(direct), noAddress);
        QVERIFY2(o.problem.contains(QLatin1String("Add --tunnel-through-iap")),
                 qPrintable(o.problem));

        GcloudFacts failed;
        failed.status = GcloudFacts::Status::Failed;
        failed.error = QStringLiteral("ERROR: (gcloud.compute.instances.describe) not found");
        o = ConnectOptions::fromGcloud(gcloudCommand(direct), failed);
        QVERIFY2(o.problem.contains(failed.error) &&
                     o.problem.contains(QLatin1String("--tunnel-through-iap")),
                 qPrintable(o.problem));

        // A command that does not parse is said so, not silently replaced by a host.
        gs::SshSettings ssh;
        ssh.gcloudCommand = QStringLiteral("gcloud compute ssh gs-vm");
        QVERIFY(ConnectOptions::fromSetup(ssh).problem.contains(QLatin1String("--zone")));
    }

    void gcloudKeyMessage()
    {
        const QString iap = QStringLiteral(
            "gcloud compute ssh --zone z gs-vm --tunnel-through-iap --project my-proj");
        ConnectOptions o = ConnectOptions::fromGcloud(
            gcloudCommand(iap), factsOk(true, {posix(QStringLiteral("jane_x"), true)}));
        QString m = o.gcloudKeyMessage();
        QVERIFY2(m.contains(QLatin1String("jane_x")), qPrintable(m));
        QVERIFY(m.contains(iap)); // run it once in a terminal
        QVERIFY(m.contains(QLatin1String(
            "gcloud compute os-login ssh-keys add --key-file ~/.ssh/google_compute_engine.pub")));
        QVERIFY(!m.contains(QLatin1String("Metadata")));
        QVERIFY(!m.contains(QLatin1String("authorized_keys")));

        o = ConnectOptions::fromGcloud(gcloudCommand(iap), factsOk(false));
        m = o.gcloudKeyMessage();
        QVERIFY2(m.contains(QLatin1String("Metadata")), qPrintable(m));
        QVERIFY(!m.contains(QLatin1String("os-login")));
        QVERIFY(!m.contains(QLatin1String("authorized_keys")));

        o = ConnectOptions::fromGcloud(gcloudCommand(iap)); // not known: both ways
        m = o.gcloudKeyMessage(true);
        QVERIFY2(m.contains(QLatin1String("does not exist")), qPrintable(m));
        QVERIFY(m.contains(QLatin1String("os-login")) && m.contains(QLatin1String("Metadata")));

        QVERIFY(ConnectOptions().gcloudKeyMessage().isEmpty()); // SshWorker's own words then
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
};

QTEST_GUILESS_MAIN(TestRemoteUnits)
#include "tst_RemoteUnits.moc"
