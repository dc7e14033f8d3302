// The host shapes an admin meets (design.md, "Testing with real parts"), one row each, from a
// clean host every time, through the engine the wizard and the CLI share: the real SshSession
// against a throwaway OpenSSH sshd (TestSshd, with its own passwd, group and sudoers), the real
// dockerd and the stand-in images. One row runs the same shape through the CLI binary.
//
// The runner directory sits in a fresh root-owned 0755 directory outside the user's home, as
// /runner does on a real VM: the SSH user cannot create it, dockerd can bind-mount it. Every
// successful shape ends with one runner, one delegate, one `harness` network, /healthz OK and
// pool.yaml 0600; the token and the sudo password show up in no process list, progress line,
// transcript or file; and the transcript shows which commands carried sudo. Needs root.

#include "DayTwo.h"
#include "E2eRun.h"

#include "plan/ConfigFile.h"
#include "plan/ShellQuote.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace gs;
using namespace gs::steps;
using namespace gs::test;

namespace {

// Valid in format for the stand-in delegate (43 base64 characters and "="): a canary that may
// show up nowhere but in the delegate container's environment.
const QByteArray kToken = "SE9TVFNIQVBFUy1jYW5hcnktdG9rZW4tMDEyMzQ1Njc=";
// The test user's login (and sudo) password: a canary too.
const QByteArray kPassword = "sudo-canary-Pw-4d1f9b2e";
const QString kUser = QStringLiteral("sshtest");
constexpr int kUid = 4242;

// What a command carried, as the transcript shows it.
enum class Priv { None, Sudo, SudoPassword };

QString privName(Priv priv)
{
    switch (priv) {
    case Priv::None:
        return QStringLiteral("no sudo");
    case Priv::Sudo:
        return QStringLiteral("sudo");
    case Priv::SudoPassword:
        return QStringLiteral("sudo -S (password on stdin)");
    }
    return {};
}

Priv privOf(const QString &script)
{
    // `sudo` where a command starts: at the beginning, after a separator, or in $( ).
    static const QRegularExpression sudoWord(
        QStringLiteral("(^|&& |\\|\\| |; |\\| |\\$\\(|\\n)sudo "));
    if (!script.contains(sudoWord))
        return Priv::None;
    return script.contains(QLatin1String("sudo -S -p ''")) ? Priv::SudoPassword : Priv::Sudo;
}

// The privilege of each `docker` command in a script: a command that also reads a root-owned
// file (uninstall's adopted record) carries two privileges, one per tool.
QList<Priv> dockerPrivsOf(const QString &script)
{
    static const QRegularExpression dockerWord(
        QStringLiteral("(sudo -S -p '' |sudo )?(?<![\\w./-])docker "));
    QList<Priv> privs;
    for (auto it = dockerWord.globalMatch(script); it.hasNext();) {
        const QString sudo = it.next().captured(1);
        privs << (sudo.isEmpty()                              ? Priv::None
                  : sudo.startsWith(QLatin1String("sudo -S")) ? Priv::SudoPassword
                                                              : Priv::Sudo);
    }
    return privs;
}

enum class Sudoers {
    NotInstalled, // no sudo command at all (an empty, non-executable file over /usr/bin/sudo)
    NoRights,     // sudo installed, the user not in sudoers
    NoPassword,   // NOPASSWD: ALL
    Password      // ALL, with the password
};

struct Shape
{
    const char *row;
    bool root = false; // log in as root
    bool dockerGroup = false;
    Sudoers sudo = Sudoers::NoRights;
    bool dirForUser = false; // the runner directory made beforehand, owned by the user
    bool viaCli = false;
    bool expectOk = true;
    Priv dockerPriv = Priv::None; // runner.network, runner.run, delegate.run
    Priv filePriv = Priv::None;   // runner.directory, runner.pool, runner.key
};

const Shape kShapes[] = {
    {"a: docker group + passwordless sudo, root-owned parent", false, true, Sudoers::NoPassword,
     false, false, true, Priv::None, Priv::Sudo},
    {"a via CLI: docker group + passwordless sudo, root-owned parent", false, true,
     Sudoers::NoPassword, false, true, true, Priv::None, Priv::Sudo},
    {"b: passwordless sudo only (fresh GCP VM)", false, false, Sudoers::NoPassword, false, false,
     true, Priv::Sudo, Priv::Sudo},
    {"c: sudo with a password", false, false, Sudoers::Password, false, false, true,
     Priv::SudoPassword, Priv::SudoPassword},
    {"c via CLI: sudo with a password (--sudo-password-stdin)", false, false, Sudoers::Password,
     false, true, true, Priv::SudoPassword, Priv::SudoPassword},
    {"d: docker group, no sudo rights, directory made for the user", false, true, Sudoers::NoRights,
     true, false, true, Priv::None, Priv::None},
    {"e: docker group, no sudo rights, no directory: preflight explains", false, true,
     Sudoers::NoRights, false, false, false, Priv::None, Priv::None},
    {"e: docker group, sudo not installed, no directory: preflight explains", false, true,
     Sudoers::NotInstalled, false, false, false, Priv::None, Priv::None},
    {"f: root", true, false, Sudoers::NoRights, false, false, true, Priv::None, Priv::None},
};

QByteArray sudoersFor(Sudoers sudo)
{
    // Debian's defaults, then the user's rights.
    QByteArray rules = "Defaults env_reset\n"
                       "Defaults secure_path=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:"
                       "/usr/bin:/sbin:/bin\"\nDefaults use_pty\nroot ALL=(ALL:ALL) ALL\n";
    if (sudo == Sudoers::NoPassword)
        rules += kUser.toUtf8() + " ALL=(ALL:ALL) NOPASSWD: ALL\n";
    else if (sudo == Sudoers::Password)
        rules += kUser.toUtf8() + " ALL=(ALL:ALL) ALL\n";
    return rules;
}

int ancestorCount(const QString &image)
{
    const QByteArray out =
        docker({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"),
                QStringLiteral("--filter"), QStringLiteral("ancestor=") + image});
    int n = 0;
    for (const QByteArray &line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            ++n;
    return n;
}

} // namespace

class tst_HostShapes : public QObject
{
    Q_OBJECT

private:
    DockerHostLock m_dockerLock;
    QTemporaryDir m_local; // the "local computer": HOME, transcripts, the CLI's config
    std::unique_ptr<FakeManager> m_manager;
    QElapsedTimer m_total;
    QStringList m_timings;
    // Per row.
    std::unique_ptr<QTemporaryDir> m_sudoersDir;
    std::unique_ptr<TestSshd> m_sshd;
    std::unique_ptr<QTemporaryDir> m_parent; // root-owned 0755: the runner directory's parent

    SetupConfig config(const QString &user, const QString &runnerDir) const
    {
        SetupConfig c;
        c.ssh.host = m_sshd->host();
        c.ssh.port = m_sshd->port();
        c.ssh.user = user;
        c.ssh.identityFile = m_sshd->clientKey(TestSshd::PlainKey);
        c.ssh.sudo = true;
        c.runner.poolFile = QStringLiteral(GS_TESTS_DIR "/data/pool.yaml");
        c.runner.serviceAccountKey = QStringLiteral(GS_TESTS_DIR "/data/service-account-key.json");
        c.runner.directory = runnerDir;
        c.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
        c.delegate.tags = {QStringLiteral("gitspaces")};
        c.delegate.manager = m_manager->url();
        c.delegate.memory = QStringLiteral("256m");
        return c;
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void shape_data();
    void shape();

private:
    void dayTwo(const Shape &shape, const SetupConfig &setup, const QString &loginUser,
                const QString &runnerDir);
    void uninstallViaCli(const Shape &shape, const QString &configPath, const QString &runnerDir,
                         int index);
    // `command --config FILE --yes --transcript FILE`, pinned to this sshd's host key.
    QStringList cliArgs(const QString &command, const QString &config,
                        const QString &transcript) const
    {
        return {command,
                QStringLiteral("--config"),
                config,
                QStringLiteral("--yes"),
                QStringLiteral("--transcript"),
                transcript,
                QStringLiteral("--host-key-fingerprint"),
                m_sshd->hostKeyFingerprint()};
    }
};

void tst_HostShapes::initTestCase()
{
    m_total.start();
    GS_REQUIRE_REAL_PART(geteuid() == 0, "TestSshd and dockerd need root");
    GS_REQUIRE_REAL_PART(QFile::exists(QStringLiteral("/usr/sbin/sshd")),
                         "OpenSSH's sshd is not installed");
    GS_REQUIRE_REAL_PART(QFile::exists(QStringLiteral("/usr/bin/sudo")) &&
                             QFile::exists(QStringLiteral("/etc/sudoers")),
                         "sudo is not installed (scripts/install-deps.sh installs it)");
    QElapsedTimer lockWait;
    lockWait.start();
    QVERIFY2(m_dockerLock.acquire(), "the Docker host lock was not free within 15 min");
    m_timings << QStringLiteral("waited %1 ms for the Docker host lock").arg(lockWait.elapsed());
    m_total.start(); // the matrix's own time, without the wait for other tests
    QString error;
    if (!prepareDocker(&error))
        qWarning("%s", qPrintable(error));
    GS_REQUIRE_REAL_PART(error.isEmpty(), "no Docker engine or stand-in images");
    qputenv("HOME", QFile::encodeName(m_local.path()));
    qunsetenv("SSH_AUTH_SOCK");
    m_manager = std::make_unique<FakeManager>();
    QVERIFY(m_manager->isListening());
}

void tst_HostShapes::init()
{
    resetDocker();
}

void tst_HostShapes::cleanup()
{
    if (geteuid() != 0)
        return;
    if (m_sshd)
        m_sshd->stop();
    m_sshd.reset();
    m_sudoersDir.reset();
    resetDocker(); // the containers go before their bind-mounted directory
    m_parent.reset();
}

void tst_HostShapes::cleanupTestCase()
{
    for (const QString &line : std::as_const(m_timings))
        qInfo().noquote() << line;
    qInfo("whole matrix (after the lock, with set-up): %lld ms", m_total.elapsed());
}

void tst_HostShapes::shape_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(std::size(kShapes)); ++i)
        QTest::newRow(kShapes[i].row) << i;
}

void tst_HostShapes::shape()
{
    QFETCH(int, index);
    const Shape &shape = kShapes[index];
    QElapsedTimer rowClock;
    rowClock.start();

    // The VM: users, groups and sudoers as the shape says.
    m_sudoersDir = std::make_unique<QTemporaryDir>();
    TestSshd::Options options;
    options.user = kUser;
    options.uid = kUid;
    options.password = kPassword;
    options.dockerGroup = shape.dockerGroup;
    options.rootLogin = shape.root;
    GS_REQUIRE_REAL_PART(sudoersOptions(*m_sudoersDir, sudoersFor(shape.sudo), &options),
                         "sudo is not installed (scripts/install-deps.sh installs it)");
    if (shape.sudo == Sudoers::NotInstalled) {
        const QString none = m_sudoersDir->filePath(QStringLiteral("no-sudo"));
        QFile file(none);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        options.binds.append({none, QStringLiteral("/usr/bin/sudo")});
    }
    m_sshd = std::make_unique<TestSshd>(options);
    QString error;
    QVERIFY2(m_sshd->start(&error), qPrintable(error));
    const QString loginUser = shape.root ? QStringLiteral("root") : kUser;
    const uint loginUid = shape.root ? 0u : uint(kUid);

    // The runner directory's parent: root's, 0755, outside the user's home.
    m_parent = std::make_unique<QTemporaryDir>(QStringLiteral("/var/tmp/gs-shape-XXXXXX"));
    QVERIFY(m_parent->isValid());
    QVERIFY(::chmod(QFile::encodeName(m_parent->path()).constData(), 0755) == 0);
    const QString runnerDir = m_parent->filePath(QStringLiteral("runner"));
    if (shape.dirForUser) {
        // What `sudo install -d -o sshtest DIR` leaves behind.
        QVERIFY(QDir().mkdir(runnerDir));
        QVERIFY(::chown(QFile::encodeName(runnerDir).constData(), uid_t(kUid), gid_t(kUid)) == 0);
        QVERIFY(::chmod(QFile::encodeName(runnerDir).constData(), 0755) == 0);
    }
    const SetupConfig setup = config(loginUser, runnerDir);
    const qint64 setUpMs = rowClock.elapsed();

    // The run, with every process's argv sampled meanwhile.
    ProcessSampler sampler({kToken, kPassword}, 20);
    E2eOutcome outcome;
    QString transcript;
    QString console; // progress lines, results, the CLI's output: what a user reads
    const QString path = m_local.filePath(QStringLiteral("setup-%1.yaml").arg(index));
    if (shape.viaCli) {
#ifdef GS_APP_BINARY
        ConfigFile::SaveOptions save;
        save.includeAccountId = true;
        QVERIFY2(ConfigFile::save(setup, path, save, &error), qPrintable(error));
        const QString transcriptFile =
            m_local.filePath(QStringLiteral("cli-transcript-%1.txt").arg(index));
        QStringList args = cliArgs(QStringLiteral("apply"), path, transcriptFile);
        args << QStringLiteral("--token-stdin");
        QByteArray input = kToken + '\n';
        if (shape.sudo == Sudoers::Password) {
            // Read after the token, as `apply --help` says.
            args << QStringLiteral("--sudo-password-stdin");
            input += kPassword + '\n';
        }
        const CliRun run = runCli(QStringLiteral(GS_APP_BINARY), args, input);
        outcome.ok = run.exitCode == 0;
        console = run.out + run.err;
        QFile file(transcriptFile);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(console));
        transcript = QString::fromUtf8(file.readAll());
#else
        QSKIP("the gitspaces-setup binary is not built");
#endif
    } else {
        remote::ConnectOptions connect = connectOptions(*m_sshd);
        connect.user = loginUser;
        const auto quick = [](StepContext &context, SetupRun &, remote::SshSession &) {
            context.options().pollIntervalMs = 200;
        };
        outcome = runSetup(connect, setup, QString::fromLatin1(kToken), m_local.path(),
                           SetupRun::Mode::Apply, {}, quick,
                           shape.sudo == Sudoers::Password ? kPassword : QByteArray());
        transcript = outcome.transcript;
        console = outcome.progress.join(QLatin1Char('\n')) + QLatin1Char('\n') + outcome.describe();
    }
    sampler.sample();
    const qint64 runMs = rowClock.elapsed() - setUpMs;
    m_timings << QStringLiteral("%1: %2 ms (sshd and host %3 ms, run %4 ms)")
                     .arg(QLatin1String(shape.row))
                     .arg(rowClock.elapsed())
                     .arg(setUpMs)
                     .arg(runMs);
    QVERIFY2(outcome.ok == shape.expectOk, qPrintable(shape.viaCli ? console : outcome.describe()));

    // The secrets: in no process's argv, no line a user reads, no transcript, no file here or on
    // the VM (the runner directory, the user's home, sshd's files and logs).
    QVERIFY(sampler.samples() > 5);
    QVERIFY2(sampler.hits().isEmpty(), qPrintable(sampler.hits().join(QLatin1Char('\n'))));
    for (const QByteArray &secret : {kToken, kPassword}) {
        QVERIFY2(!console.contains(QString::fromLatin1(secret)), qPrintable(console));
        QVERIFY2(!transcript.contains(QString::fromLatin1(secret)), secret.constData());
        int scanned = 0;
        QStringList leaks = filesContaining(m_local.path(), secret, &scanned);
        leaks += filesContaining(m_parent->path(), secret, &scanned);
        leaks += filesContaining(m_sshd->dir(), secret, &scanned);
        QVERIFY(scanned > 3);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    const QList<TranscriptCommand> commands = transcriptCommands(transcript);
    if (!shape.expectOk) {
        // (e): preflight stops before changing anything and says how to get out.
        QVERIFY(!shape.viaCli);
        QCOMPARE(outcome.last().step, StepKind::Preflight);
        const QString message = outcome.last().error;
        m_timings.last() += QStringLiteral("\n  preflight said: ") + message;
        QVERIFY2(message.contains(runnerDir), qPrintable(message));
        QVERIFY2(message.contains(
                     QStringLiteral("sudo install -d -o %1 %2").arg(kUser, shellQuote(runnerDir))),
                 qPrintable(message));
        QVERIFY2(message.count(QLatin1String("sudo")) >= 2, qPrintable(message));
        QVERIFY(!QFileInfo::exists(runnerDir));
        QVERIFY(
            QDir(m_parent->path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
                .isEmpty());
        QCOMPARE(networkCount(QStringLiteral("harness")), 0);
        QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0);
        QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 0);
        for (const TranscriptCommand &command : commands)
            QVERIFY2(command.id.startsWith(QLatin1String("check.")), qPrintable(command.id));
        return;
    }

    // One runner, one delegate, one network; the runner answers, the delegate registered.
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
    QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 1);
    QCOMPARE(ancestorCount(setup.runner.image), 1);
    QCOMPARE(ancestorCount(setup.delegate.image), 1);
    QCOMPARE(networkCount(QStringLiteral("harness")), 1);
    int code = -1;
    const QByteArray health =
        hostRun(QStringLiteral("curl"),
                {QStringLiteral("-fsS"), QStringLiteral("-m"), QStringLiteral("5"),
                 QStringLiteral("http://127.0.0.1:3000/healthz")},
                &code);
    QVERIFY2(code == 0 && health.trimmed() == "OK", health.constData());
    QVERIFY(docker({"logs", "docker-delegate"}).contains("Delegate registered with id"));
    QVERIFY(
        docker({"inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", "docker-delegate"})
            .contains("DELEGATE_TOKEN=" + kToken)); // so the scans above could have failed

    // pool.yaml: 0600, owned by whoever wrote it (root through sudo, or the user), readable by
    // the runner (which runs as root in its container).
    const QString poolPath = runnerDir + QStringLiteral("/pool.yaml");
    struct stat st = {};
    QVERIFY2(::stat(QFile::encodeName(poolPath).constData(), &st) == 0, qPrintable(poolPath));
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
    QVERIFY2(st.st_uid == 0 || st.st_uid == loginUid, qPrintable(QString::number(st.st_uid)));
    docker({"exec", "vm-runner", "test", "-r", "/runner/pool.yaml"}, &code);
    QCOMPARE(code, 0);
    QVERIFY(!QFileInfo::exists(runnerDir + QStringLiteral("/.pool.yaml.tmp")));

    // Which commands carried sudo.
    const QStringList dockerIds = {QStringLiteral("runner.network"), QStringLiteral("runner.run"),
                                   QStringLiteral("delegate.run")};
    const QStringList fileIds = {QStringLiteral("runner.directory"), QStringLiteral("runner.pool"),
                                 QStringLiteral("runner.key")};
    QStringList seen;
    for (const TranscriptCommand &command : commands) {
        const Priv priv = privOf(command.script);
        Priv expected = priv;
        if (dockerIds.contains(command.id))
            expected = shape.dockerPriv;
        else if (fileIds.contains(command.id))
            expected = shape.filePriv;
        else if (shape.dockerPriv == Priv::None && shape.filePriv == Priv::None &&
                 command.id != QLatin1String("check.host") &&
                 command.id != QLatin1String("check.sudo-password"))
            expected = Priv::None; // no sudo anywhere (the host probe asks whether sudo works)
        QVERIFY2(priv == expected, qPrintable(QStringLiteral("%1 ran with %2, expected %3:\n%4")
                                                  .arg(command.id, privName(priv),
                                                       privName(expected), command.script)));
        seen << command.id;
    }
    QStringList required = dockerIds;
    required << QStringLiteral("runner.pool") << QStringLiteral("runner.key");
    if (!shape.dirForUser)
        required << QStringLiteral("runner.directory");
    for (const QString &id : std::as_const(required))
        QVERIFY2(seen.contains(id), qPrintable(id + QStringLiteral(" not in\n") + transcript));

    if (shape.viaCli)
        uninstallViaCli(shape, path, runnerDir, index);
    else
        dayTwo(shape, setup, loginUser, runnerDir);
}

// `gitspaces-setup uninstall` on this shape removes everything the CLI's apply made, with the
// same privileges (a sudo password on stdin too), and then says there is nothing left.
void tst_HostShapes::uninstallViaCli(const Shape &shape, const QString &configPath,
                                     const QString &runnerDir, int index)
{
#ifdef GS_APP_BINARY
    const QString transcriptFile =
        m_local.filePath(QStringLiteral("cli-uninstall-%1.txt").arg(index));
    QStringList args = cliArgs(QStringLiteral("uninstall"), configPath, transcriptFile);
    args << QStringLiteral("--remove-network") << QStringLiteral("--remove-directory");
    QByteArray input;
    if (shape.sudo == Sudoers::Password) {
        args << QStringLiteral("--sudo-password-stdin");
        input = kPassword + '\n';
    }
    ProcessSampler sampler({kToken, kPassword}, 20);
    const CliRun run = runCli(QStringLiteral(GS_APP_BINARY), args, input);
    sampler.sample();
    const QString console = run.out + run.err;
    QVERIFY2(run.exitCode == 0, qPrintable(console));
    QVERIFY2(run.out.contains(QLatin1String("Uninstalled:")), qPrintable(console));
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0);
    QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 0);
    QCOMPARE(networkCount(QStringLiteral("harness")), 0);
    QVERIFY2(!QFileInfo::exists(runnerDir), qPrintable(console));

    QFile file(transcriptFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(console));
    const QString transcript = QString::fromUtf8(file.readAll());
    QVERIFY2(sampler.hits().isEmpty(), qPrintable(sampler.hits().join(QLatin1Char('\n'))));
    for (const QByteArray &secret : {kToken, kPassword}) {
        QVERIFY2(!console.contains(QString::fromLatin1(secret)), qPrintable(console));
        QVERIFY2(!transcript.contains(QString::fromLatin1(secret)), secret.constData());
    }
    // Docker's commands and the file removals carry the privileges apply's did.
    QStringList seen;
    for (const TranscriptCommand &command : transcriptCommands(transcript)) {
        if (!command.id.startsWith(QLatin1String("uninstall.")))
            continue;
        const bool files = command.id == QLatin1String("uninstall.files") ||
                           command.id == QLatin1String("uninstall.directory");
        QList<Priv> privs = {privOf(command.script)};
        Priv expected = shape.filePriv;
        if (!files) {
            privs = dockerPrivsOf(command.script);
            expected = shape.dockerPriv;
            QVERIFY2(!privs.isEmpty(), qPrintable(command.script));
        }
        for (Priv priv : std::as_const(privs))
            QVERIFY2(priv == expected, qPrintable(QStringLiteral("%1 ran with %2, expected %3:\n%4")
                                                      .arg(command.id, privName(priv),
                                                           privName(expected), command.script)));
        seen << command.id;
    }
    for (const char *id : {"uninstall.delegate", "uninstall.runner", "uninstall.network",
                           "uninstall.files", "uninstall.directory"})
        QVERIFY2(seen.contains(QLatin1String(id)),
                 qPrintable(id + QStringLiteral(" not in\n") + transcript));

    // Again: nothing is left, and it says so without failing.
    const CliRun again = runCli(QStringLiteral(GS_APP_BINARY), args, input);
    QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
    QVERIFY2(again.out.contains(QLatin1String("Nothing removed")), qPrintable(again.out));
#else
    Q_UNUSED(shape);
    Q_UNUSED(configPath);
    Q_UNUSED(runnerDir);
    Q_UNUSED(index);
#endif
}

// Day two on the same VM, as the Manage page runs it: each job over this shape's privileges.
void tst_HostShapes::dayTwo(const Shape &shape, const SetupConfig &setup, const QString &loginUser,
                            const QString &runnerDir)
{
    remote::ConnectOptions connect = connectOptions(*m_sshd);
    connect.user = loginUser;
    const QByteArray password = shape.sudo == Sudoers::Password ? kPassword : QByteArray();
    Transcript transcript;
    ProcessSampler sampler({kToken, kPassword}, 20);
    QStringList timings;
    const auto run = [&](const std::function<StepJob *(StepContext *)> &make) {
        QElapsedTimer clock;
        clock.start();
        DayTwoRun result = runDayTwo(connect, setup, password, &transcript, make);
        timings << QString::number(clock.elapsed());
        return result;
    };

    // Status: all healthy, whatever reaches Docker and the files.
    const DayTwoRun status =
        run([](StepContext *c) { return new manage::StatusJob(c, c->session()); });
    QVERIFY2(status.result.ok(), qPrintable(status.result.error));
    QVERIFY2(status.status.problems().isEmpty(),
             qPrintable(status.status.lines().join(QLatin1Char('\n')) +
                        status.status.problems().join(QLatin1Char('\n'))));
    QVERIFY(status.status.delegateRegistered);
    QVERIFY2(status.status.poolOnVmRead, qPrintable(status.status.poolOnVmError));
    QVERIFY(status.status.poolDiff.isEmpty());

    // The delegate's log.
    const DayTwoRun logs = run([](StepContext *c) {
        return new manage::ContainerLogsJob(c, manage::ManagedContainer::Delegate, false, 100,
                                            c->session());
    });
    QVERIFY2(logs.result.ok(), qPrintable(logs.result.error));
    QVERIFY(logs.logLines.join(QLatin1Char('\n')).contains(QLatin1String("registered with id")));

    // pool.yaml edited on the VM: written atomically, the runner restarted and healthy.
    const QByteArray edited = status.status.poolOnVm + "# edited on day two\n";
    const DayTwoRun poolEdit = run([&edited](StepContext *c) {
        auto *job = new manage::RestartJob(c, manage::ManagedContainer::Runner, c->session());
        job->setPoolContent(edited);
        return job;
    });
    QVERIFY2(poolEdit.result.ok(), qPrintable(poolEdit.result.error));
    QFile onVm(runnerDir + QStringLiteral("/pool.yaml"));
    QVERIFY(onVm.open(QIODevice::ReadOnly));
    QCOMPARE(onVm.readAll(), edited);

    // The delegate restarted: healthy again, with a "registered" line logged after the restart.
    const QString startedBefore =
        QString::fromUtf8(docker({"inspect", "-f", "{{.State.StartedAt}}", "docker-delegate"}));
    const DayTwoRun restart = run([](StepContext *c) {
        return new manage::RestartJob(c, manage::ManagedContainer::Delegate, c->session());
    });
    QVERIFY2(restart.result.ok(), qPrintable(restart.result.error));
    QVERIFY(QString::fromUtf8(docker(
                {"inspect", "-f", "{{.State.StartedAt}}", "docker-delegate"})) != startedBefore);

    // The upgrader, then the delegate upgraded: both with the token read from the container.
    const DayTwoRun upgrader =
        run([](StepContext *c) { return new manage::UpgraderJob(c, c->session()); });
    QVERIFY2(upgrader.result.ok(), qPrintable(upgrader.result.error));
    QVERIFY(docker({"inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}",
                    "docker-delegate-upgrader"})
                .contains("UPGRADER_TOKEN=" + kToken));
    const DayTwoRun upgrade = run([](StepContext *c) {
        auto *job = new manage::DelegateUpgradeJob(c, c->session());
        job->setTag(standinNextDelegateTag());
        return job;
    });
    QVERIFY2(upgrade.result.ok(), qPrintable(upgrade.result.error));
    // What the question showed is what ran: the plan's `docker run`, byte for byte (with a sudo
    // password the wire form differs by `sudo -S`, which the question does not show).
    QCOMPARE(upgrade.decisions.size(), 1);
    QCOMPARE(upgrade.decisions.first().kind, Decision::Kind::ConfirmUpgrade);
    if (password.isEmpty()) {
        QString ran;
        for (const Transcript::Entry &entry : transcript.entries())
            if (entry.commandId == QLatin1String("delegate.run"))
                ran = entry.script;
        QVERIFY(!ran.isEmpty());
        QVERIFY2(upgrade.decisions.first().commands.contains(ran), qPrintable(ran));
    }
    QVERIFY(docker({"inspect", "-f", "{{.Config.Image}}", "docker-delegate"})
                .trimmed()
                .endsWith(standinNextDelegateTag().toLatin1()));
    QVERIFY(
        docker({"inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", "docker-delegate"})
            .contains("DELEGATE_TOKEN=" + kToken));

    // Uninstall takes the upgrader too (labelled upgrader), before the delegate it would restart.
    const DayTwoRun uninstall = run(
        [](StepContext *c) { return SetupRun::createStep(StepKind::Uninstall, c, c->session()); });
    QVERIFY2(uninstall.result.ok(), qPrintable(uninstall.result.error));
    QCOMPARE(containerCount(QStringLiteral("docker-delegate-upgrader")), 0);
    QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 0);

    // The secrets crossed no argv and no transcript line.
    sampler.sample();
    QVERIFY2(sampler.hits().isEmpty(), qPrintable(sampler.hits().join(QLatin1Char('\n'))));
    const QString text = transcript.toText();
    QVERIFY(text.contains(QLatin1String("manage.upgrade.token")));
    for (const QByteArray &secret : {kToken, kPassword})
        QVERIFY2(!text.contains(QString::fromLatin1(secret)), secret.constData());
    m_timings << QStringLiteral("  day two (status, logs, pool edit, delegate restart, upgrader, "
                                "upgrade, uninstall): %1 ms")
                     .arg(timings.join(QStringLiteral(", ")));
}

QTEST_GUILESS_MAIN(tst_HostShapes)
#include "tst_HostShapes.moc"
