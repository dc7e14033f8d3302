// End to end, through the same engine as the wizard and the CLI: the real SshSession against a
// throwaway OpenSSH sshd on 127.0.0.1 (TestSshd), the real dockerd, and stand-in runner and
// delegate images under the real names (tests/docker). Needs root.

#include "E2eRun.h"

#include "plan/SetupScript.h"
#include "steps/EffectivePlan.h"
#include "steps/HostProbe.h"
#include "steps/PoolUpload.h"

#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <csignal>
#include <unistd.h>

using namespace gs;
using namespace gs::steps;
using namespace gs::test;

namespace {

// Valid in format (44 chars of base64), so the stand-in delegate accepts it: a canary that must
// show up nowhere but in the container's environment.
const QString kCanary = QStringLiteral("Q0FOQVJZLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI=");
const QString kBadToken = QStringLiteral("YmFkLXRva2VuLWJhZC10b2tlbi1iYWQtdG9rZW4tYmE=");

QString dataFile(const char *name)
{
    return QStringLiteral(GS_TESTS_DIR "/data/") + QLatin1String(name);
}

using Outcome = E2eOutcome;

} // namespace

class tst_StepsEndToEnd : public QObject
{
    Q_OBJECT

private:
    DockerHostLock m_dockerLock;
    QTemporaryDir m_local; // the "local computer": HOME, transcripts
    std::unique_ptr<FakeManager> m_manager;

    SetupConfig config(const TestSshd &sshd, const char *pool = "pool.yaml") const
    {
        SetupConfig c;
        c.ssh.host = sshd.host();
        c.ssh.port = sshd.port();
        c.ssh.user = sshd.user();
        c.ssh.identityFile = sshd.clientKey(TestSshd::PlainKey);
        c.ssh.sudo = true;
        c.runner.poolFile = dataFile(pool);
        c.runner.serviceAccountKey = dataFile("service-account-key.json");
        c.runner.directory = sshd.homeDir() + QStringLiteral("/runner");
        c.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
        c.delegate.tags = {QStringLiteral("gitspaces")};
        c.delegate.manager = m_manager->url();
        c.delegate.memory = QStringLiteral("256m");
        return c;
    }

    // One whole run over a fresh connection; decisions answered by `answer` (or recommended).
    Outcome apply(TestSshd &sshd, const SetupConfig &setup, const QString &token,
                  SetupRun::Mode mode = SetupRun::Mode::Apply, const E2eAnswer &answer = {},
                  const E2eHook &hook = {}, const QByteArray &sudoPassword = {})
    {
        return runSetup(connectOptions(sshd), setup, token, m_local.path(), mode, answer, hook,
                        sudoPassword);
    }

    std::unique_ptr<TestSshd> startSshd(TestSshd::Options options = {})
    {
        auto sshd = std::make_unique<TestSshd>(options);
        QString error;
        if (!sshd->start(&error)) {
            qWarning("sshd: %s", qPrintable(error));
            return nullptr;
        }
        return sshd;
    }

    static TestSshd::Options dockerGroupUser()
    {
        TestSshd::Options options;
        options.dockerGroup = true;
        return options;
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void freshHostToVerifiedSetup();
    void threeRunsConverge();
    void changedAnswersConverge_data();
    void changedAnswersConverge();
    void replaceExistingRunner();
    void poolWithErrorsRefused();
    void badTokenRecognised();
    void wrongAccountStopsPreflight();
    void dockerGroupAddedDuringSession();
    void noDockerAccessExplained();
    void sudoPasswordPath();
    void sudoWithoutPasswordPath();
    void setupScriptMatchesApply();
    void droppedConnectionResumed();
    void uninstall();
    void seedCommandsRunByHand_data();
    void seedCommandsRunByHand();
};

void tst_StepsEndToEnd::initTestCase()
{
    if (geteuid() != 0)
        QSKIP("TestSshd and dockerd need root");
    QVERIFY2(m_dockerLock.acquire(), "the Docker host lock was not free within 15 min");
    QString error;
    QVERIFY2(prepareDocker(&error), qPrintable(error));
    qputenv("HOME", QFile::encodeName(m_local.path()));
    qunsetenv("SSH_AUTH_SOCK");
    m_manager = std::make_unique<FakeManager>();
    QVERIFY(m_manager->isListening());
}

void tst_StepsEndToEnd::init()
{
    resetDocker();
}

void tst_StepsEndToEnd::cleanupTestCase()
{
    if (geteuid() == 0)
        resetDocker();
}

void tst_StepsEndToEnd::freshHostToVerifiedSetup()
{
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    const SetupConfig setup = config(*sshd);
    ProcessSampler sampler({kCanary.toUtf8()});
    const Outcome outcome = apply(*sshd, setup, kCanary);
    sampler.sample();
    QVERIFY2(outcome.ok, qPrintable(outcome.describe()));
    QCOMPARE(outcome.results.size(), 4);
    QCOMPARE(outcome.decisions.size(), 0);

    // Running, healthy, registered, on one network.
    QCOMPARE(docker({"inspect", "-f", "{{.State.Status}}", "vm-runner"}).trimmed(),
             QByteArray("running"));
    QCOMPARE(docker({"inspect", "-f", "{{.State.Health.Status}}", "docker-delegate"}).trimmed(),
             QByteArray("healthy"));
    QVERIFY(docker({"logs", "docker-delegate"}).contains("Delegate registered with id"));
    QVERIFY(docker({"inspect", "-f", "{{json .NetworkSettings.Networks}}", "docker-delegate"})
                .contains("\"harness\""));

    // pool.yaml and the key, 0600, with json_path pointing inside the container.
    const QString dir = setup.runner.directory;
    QFile pool(dir + QStringLiteral("/pool.yaml"));
    QVERIFY(pool.open(QIODevice::ReadOnly));
    QVERIFY(pool.readAll().contains("json_path: /runner/service-account-key.json"));
    QCOMPARE(pool.permissions() & 0x0077, QFileDevice::Permissions());
    QVERIFY(QFile::exists(dir + QStringLiteral("/service-account-key.json")));
    QCOMPARE(QFile(dir + QStringLiteral("/service-account-key.json")).permissions() & 0x0077,
             QFileDevice::Permissions());
    QVERIFY(!QFile::exists(dir + QStringLiteral("/.pool.yaml.tmp")));

    // The canary: not in any process's argv during the run, not in the transcript, not in any
    // file written on either side (the VM user's home and runner dir, sshd's own files and
    // logs, the local side's HOME and transcripts).
    QVERIFY(sampler.samples() > 10);
    QVERIFY2(sampler.hits().isEmpty(), qPrintable(sampler.hits().join(QLatin1Char('\n'))));
    QVERIFY(!outcome.transcript.contains(kCanary));
    QVERIFY(outcome.transcript.contains(QStringLiteral("DELEGATE_TOKEN=••••••••")));
    int scanned = 0;
    QStringList leaks = filesContaining(sshd->dir(), kCanary.toUtf8(), &scanned);
    leaks += filesContaining(m_local.path(), kCanary.toUtf8(), &scanned);
    QVERIFY(scanned > 5);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    // It did reach the container (so the checks above could have failed).
    QVERIFY(
        docker({"inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", "docker-delegate"})
            .contains("DELEGATE_TOKEN=" + kCanary.toUtf8()));

    // The account check ran from the VM with curl.
    QVERIFY(m_manager->hits > 0);
}

void tst_StepsEndToEnd::threeRunsConverge()
{
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    const SetupConfig setup = config(*sshd);
    QString runnerId;
    for (int i = 0; i < 3; ++i) {
        const Outcome outcome = apply(*sshd, setup, kCanary);
        QVERIFY2(outcome.ok, qPrintable(QStringLiteral("run %1\n").arg(i) + outcome.describe()));
        QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
        QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 1);
        QCOMPARE(networkCount(QStringLiteral("harness")), 1);
        const QByteArray id = docker({"inspect", "-f", "{{.Id}}", "vm-runner"}).trimmed();
        if (i == 0) {
            runnerId = QString::fromLatin1(id);
            continue;
        }
        // Re-runs keep what is there: same container, nothing uploaded or started again.
        QCOMPARE(QString::fromLatin1(id), runnerId);
        QVERIFY(!outcome.transcript.contains(QLatin1String("runner.run")));
        QVERIFY(!outcome.transcript.contains(QLatin1String("runner.pool")));
        QVERIFY(!outcome.transcript.contains(QLatin1String("delegate.run")));
        QVERIFY(!outcome.transcript.contains(QLatin1String("runner.network")));
    }
}

void tst_StepsEndToEnd::replaceExistingRunner()
{
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    const SetupConfig setup = config(*sshd);
    // Someone started a runner by hand that cannot work (no pool file where it looks).
    int code = -1;
    docker({"network", "create", "harness"});
    docker({"run", "-d", "--name", "vm-runner", "--network", "harness",
            "drone/drone-runner-aws:latest", "delegate", "--pool", "/runner/missing.yaml"},
           &code);
    QCOMPARE(code, 0);
    const QByteArray oldId = docker({"inspect", "-f", "{{.Id}}", "vm-runner"}).trimmed();
    const Outcome outcome = apply(*sshd, setup, kCanary);
    QVERIFY2(outcome.ok, qPrintable(outcome.describe()));
    QCOMPARE(outcome.decisions.size(), 1);
    QCOMPARE(outcome.decisions.first().kind, Decision::Kind::ReplaceRunner);
    QVERIFY(outcome.decisions.first().recommendAccept); // it is not running
    const QByteArray newId = docker({"inspect", "-f", "{{.Id}}", "vm-runner"}).trimmed();
    QVERIFY(newId != oldId);
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
}

void tst_StepsEndToEnd::poolWithErrorsRefused()
{
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    SetupConfig setup = config(*sshd, "pool-errors.yaml");
    setup.runner.serviceAccountKey.clear();
    const Outcome outcome = apply(*sshd, setup, kCanary, SetupRun::Mode::Apply,
                                  [](const Decision &) -> std::optional<bool> { return false; });
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.last().step, StepKind::Runner);
    QCOMPARE(outcome.decisions.size(), 1);
    QCOMPARE(outcome.decisions.first().kind, Decision::Kind::UsePoolWithErrors);
    QVERIFY(outcome.last().logLines.join(QLatin1Char('\n')).contains(QLatin1String("error")));
    QVERIFY(!QFile::exists(setup.runner.directory + QStringLiteral("/pool.yaml")));
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0);
}

void tst_StepsEndToEnd::badTokenRecognised()
{
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    const Outcome outcome = apply(*sshd, config(*sshd), kBadToken);
    QVERIFY(!outcome.ok);
    const StepResult delegate = outcome.last();
    QCOMPARE(delegate.step, StepKind::Delegate);
    QVERIFY2(delegate.error.contains(QLatin1String("rejected the delegate token")),
             qPrintable(delegate.error));
    QVERIFY(delegate.logLines.join(QLatin1Char('\n'))
                .contains(QLatin1String("Delegate used invalid token")));
    QVERIFY(!outcome.transcript.contains(kBadToken));
}

void tst_StepsEndToEnd::wrongAccountStopsPreflight()
{
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    m_manager->status = 401;
    const Outcome outcome = apply(*sshd, config(*sshd), kCanary, SetupRun::Mode::Check);
    m_manager->status = 200;
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.last().step, StepKind::Preflight);
    QVERIFY(outcome.last().error.contains(QLatin1String("HTTP 401")));
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0); // check changes nothing
}

void tst_StepsEndToEnd::dockerGroupAddedDuringSession()
{
    // The user is not in the docker group when the session starts, and has no sudo.
    auto sshd = startSshd();
    QVERIFY(sshd);
    const SetupConfig setup = config(*sshd);
    const Outcome outcome = apply(*sshd, setup, kCanary, SetupRun::Mode::Apply, {},
                                  [&](StepContext &, SetupRun &run, remote::SshSession &) {
                                      // An admin adds the user to the group after this session
                                      // started (in place: the file is bind-mounted into sshd's
                                      // namespace).
                                      QFile group(sshd->dir() + QStringLiteral("/etc/group"));
                                      QVERIFY(group.open(QIODevice::ReadWrite));
                                      QByteArray text = group.readAll();
                                      QByteArrayList lines = text.split('\n');
                                      for (QByteArray &line : lines)
                                          if (line.startsWith("docker:"))
                                              line += line.endsWith(':') ? QByteArray("sshtest")
                                                                         : QByteArray(",sshtest");
                                      group.seek(0);
                                      group.resize(0);
                                      group.write(lines.join('\n'));
                                      group.close();
                                      Q_UNUSED(run);
                                  });
    QVERIFY2(outcome.ok, qPrintable(outcome.describe()));
    // OpenSSH starts every exec channel with the user's current groups, so the engine's next
    // command already sees the group: no reconnect was needed here (the reconnect path for
    // servers that keep a connection's groups is covered by tst_steps::dockerGroupReconnects).
    QVERIFY(outcome.transcript.contains(QLatin1String("@@groups=sshtest docker")));
    // The commands ran without sudo: the docker group does it.
    QVERIFY(!outcome.transcript.contains(QLatin1String("$ sudo")));
}

void tst_StepsEndToEnd::noDockerAccessExplained()
{
    auto sshd = startSshd(); // not in the docker group, no sudo rights
    QVERIFY(sshd);
    const Outcome outcome = apply(*sshd, config(*sshd), kCanary);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.last().step, StepKind::Preflight);
    QVERIFY2(outcome.last().error.contains(QLatin1String("docker group")),
             qPrintable(outcome.last().error));
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0);
}

void tst_StepsEndToEnd::sudoPasswordPath()
{
    QTemporaryDir dir;
    TestSshd::Options options;
    if (!sudoersOptions(dir,
                        "Defaults env_reset\nDefaults use_pty\nroot ALL=(ALL:ALL) ALL\n"
                        "sshtest ALL=(ALL:ALL) ALL\n",
                        &options))
        QSKIP("sudo is not installed (scripts/install-deps.sh installs it)");
    auto sshd = startSshd(options);
    QVERIFY(sshd);
    const QByteArray password = sshd->password();
    ProcessSampler sampler({kCanary.toUtf8(), password});
    const Outcome outcome =
        apply(*sshd, config(*sshd), kCanary, SetupRun::Mode::Apply, {}, {}, password);
    sampler.sample();
    QVERIFY2(outcome.ok, qPrintable(outcome.describe()));
    QVERIFY(outcome.transcript.contains(QLatin1String("sudo -S -p ''")));
    QVERIFY(!outcome.transcript.contains(QString::fromUtf8(password)));
    QVERIFY2(sampler.hits().isEmpty(), qPrintable(sampler.hits().join(QLatin1Char('\n'))));
    // Sudo per action: Docker through sudo with the password, while the runner directory in
    // the user's home is written by the user, without it.
    QVERIFY(outcome.transcript.contains(QLatin1String("$ sudo -k; sudo -S -p '' docker run -d")));
    QVERIFY(outcome.transcript.contains(QLatin1String("$ mkdir -p")));
    QCOMPARE(QFileInfo(config(*sshd).runner.directory + QStringLiteral("/pool.yaml")).ownerId(),
             4242u);
    int scanned = 0;
    QVERIFY(filesContaining(sshd->dir(), password, &scanned)
                .filter(QStringLiteral("runner"))
                .isEmpty());
}

void tst_StepsEndToEnd::sudoWithoutPasswordPath()
{
    QTemporaryDir dir;
    TestSshd::Options options;
    if (!sudoersOptions(dir,
                        "Defaults env_reset\nroot ALL=(ALL:ALL) ALL\n"
                        "sshtest ALL=(ALL:ALL) NOPASSWD: ALL\n",
                        &options))
        QSKIP("sudo is not installed (scripts/install-deps.sh installs it)");
    auto sshd = startSshd(options);
    QVERIFY(sshd);
    const Outcome outcome = apply(*sshd, config(*sshd), kCanary);
    QVERIFY2(outcome.ok, qPrintable(outcome.describe()));
    // The plan's commands, with sudo, exactly as the page shows them with sudo on.
    QVERIFY(outcome.transcript.contains(QLatin1String("$ sudo docker run -d")));
    QVERIFY(!outcome.transcript.contains(QLatin1String("sudo -S")));
    QVERIFY(!outcome.transcript.contains(kCanary));
}

// The script an admin copies to the VM (`commands --script`, "Export script…") and the engine
// run the same plan: on the same host they leave the same state and the same pool.yaml bytes.
// The host is the common tough shape: the docker group and passwordless sudo, with a runner
// directory whose parent is root's, so both must decide sudo per action.
void tst_StepsEndToEnd::changedAnswersConverge_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("difference"); // what the decision names; empty: nothing changed
    QTest::newRow("unchanged") << ""
                               << "";
    QTest::newRow("tags") << "tags"
                          << "DELEGATE_TAGS: gitspaces → gitspaces,gcp";
    QTest::newRow("token") << "token"
                           << "the delegate token differs";
    QTest::newRow("memory") << "resources"
                            << "memory: 256m → 300m";
    QTest::newRow("manager") << "manager"
                             << "MANAGER_HOST_AND_PORT: ";
    QTest::newRow("image") << "image"
                           << "delegate:26.02.88404";
    QTest::newRow("pool file") << "pool"
                               << "pool.yaml changed";
}

// Applying again after the answers changed replaces what no longer matches, says what differs
// (never a token's value), and recommends replacing, so `apply --yes` converges; unchanged
// answers keep the very same containers.
void tst_StepsEndToEnd::changedAnswersConverge()
{
    QFETCH(QString, change);
    QFETCH(QString, difference);
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    SetupConfig setup = config(*sshd);
    const Outcome first = apply(*sshd, setup, kCanary);
    QVERIFY2(first.ok, qPrintable(first.describe()));
    const QByteArray runnerId = docker({"inspect", "-f", "{{.Id}}", "vm-runner"}).trimmed();
    const QByteArray delegateId = docker({"inspect", "-f", "{{.Id}}", "docker-delegate"}).trimmed();

    QString token = kCanary;
    if (change == QLatin1String("tags"))
        setup.delegate.tags = {QStringLiteral("gitspaces"), QStringLiteral("gcp")};
    else if (change == QLatin1String("token"))
        token = QStringLiteral("TkVXLXRva2VuLW5ldy10b2tlbi1uZXctdG9rZW4tbmU=");
    else if (change == QLatin1String("resources"))
        setup.delegate.memory = QStringLiteral("300m");
    else if (change == QLatin1String("manager"))
        setup.delegate.manager = m_manager->url() + QStringLiteral("/");
    QTemporaryDir local;
    if (change == QLatin1String("image")) {
        // A newer delegate release: the stand-in under another tag.
        setup.delegate.image = standinDelegateImage().section(QLatin1Char(':'), 0, -2) +
                               QStringLiteral(":26.02.88404");
        docker({"tag", standinDelegateImage(), setup.delegate.image});
    } else if (change == QLatin1String("pool")) {
        QFile original(setup.runner.poolFile);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QFile edited(local.filePath(QStringLiteral("pool.yaml")));
        QVERIFY(edited.open(QIODevice::WriteOnly));
        edited.write(original.readAll() + "# a new comment\n");
        edited.close();
        setup.runner.poolFile = edited.fileName();
    }
    const Outcome second = apply(*sshd, setup, token);
    if (change == QLatin1String("image"))
        docker({"rmi", setup.delegate.image});
    QVERIFY2(second.ok, qPrintable(second.describe()));
    QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 1);
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
    const QByteArray newRunnerId = docker({"inspect", "-f", "{{.Id}}", "vm-runner"}).trimmed();
    const QByteArray newDelegateId =
        docker({"inspect", "-f", "{{.Id}}", "docker-delegate"}).trimmed();
    Decision runnerDecision, decision;
    for (const Decision &asked : second.decisions) {
        if (asked.kind == Decision::Kind::ReplaceRunner)
            runnerDecision = asked;
        if (asked.kind == Decision::Kind::ReplaceDelegate)
            decision = asked;
    }
    QCOMPARE(runnerDecision.kind, Decision::Kind::ReplaceRunner);
    if (change == QLatin1String("pool")) {
        // The runner reads pool.yaml only at start: it is replaced, the delegate kept.
        QVERIFY2(runnerDecision.recommendAccept, qPrintable(runnerDecision.details));
        QVERIFY2(runnerDecision.details.contains(difference), qPrintable(runnerDecision.details));
        QVERIFY(newRunnerId != runnerId);
        QVERIFY(!decision.recommendAccept);
        QCOMPARE(newDelegateId, delegateId);
        return;
    }
    // The runner matches the answers: keeping it is what is recommended.
    QVERIFY2(!runnerDecision.recommendAccept, qPrintable(runnerDecision.details));
    QCOMPARE(newRunnerId, runnerId);
    QCOMPARE(decision.kind, Decision::Kind::ReplaceDelegate);
    if (difference.isEmpty()) {
        QVERIFY2(!decision.recommendAccept, qPrintable(decision.details));
        QCOMPARE(newDelegateId, delegateId);
        return;
    }
    QVERIFY(decision.recommendAccept);
    QVERIFY2(decision.details.contains(difference), qPrintable(decision.details));
    QVERIFY(!decision.details.contains(kCanary));
    QVERIFY(!decision.details.contains(token));
    QVERIFY(newDelegateId != delegateId);
    // The VM now runs what the answers say.
    const QByteArray env =
        docker({"inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", "docker-delegate"});
    QVERIFY(env.contains("DELEGATE_TOKEN=" + token.toUtf8()));
    QVERIFY(env.contains("DELEGATE_TAGS=" + setup.delegate.tags.join(QLatin1Char(',')).toUtf8()));
    QVERIFY(env.contains("MANAGER_HOST_AND_PORT=" + setup.delegate.manager.toUtf8()));
    QCOMPARE(docker({"inspect", "-f", "{{.Config.Image}}", "docker-delegate"}).trimmed(),
             setup.delegate.image.toUtf8());
    QCOMPARE(docker({"inspect", "-f", "{{.HostConfig.Memory}}", "docker-delegate"}).trimmed(),
             QByteArray::number(HostProbe::memoryToKb(setup.delegate.memory) * 1024));
    // The old token and the new are in no transcript.
    QVERIFY(!first.transcript.contains(kCanary) && !second.transcript.contains(kCanary));
    QVERIFY(!second.transcript.contains(token));
}

void tst_StepsEndToEnd::setupScriptMatchesApply()
{
    QTemporaryDir dir;
    TestSshd::Options options = dockerGroupUser();
    if (!sudoersOptions(dir,
                        "Defaults env_reset\nroot ALL=(ALL:ALL) ALL\n"
                        "sshtest ALL=(ALL:ALL) NOPASSWD: ALL\n",
                        &options))
        QSKIP("sudo is not installed (scripts/install-deps.sh installs it)");
    auto sshd = startSshd(options);
    QVERIFY(sshd);
    QTemporaryDir rootOwned(QStringLiteral("/var/tmp/gs-script-XXXXXX"));
    QVERIFY(QFile::setPermissions(rootOwned.path(), QFileDevice::Permissions(0x7755)));
    SetupConfig setup = config(*sshd);
    setup.runner.directory = rootOwned.filePath(QStringLiteral("runner"));
    const QString poolPath = setup.runner.directory + QStringLiteral("/pool.yaml");

    // 1. The engine.
    const Outcome applied = apply(*sshd, setup, kCanary);
    QVERIFY2(applied.ok, qPrintable(applied.describe()));
    QVERIFY(applied.transcript.contains(QLatin1String("$ sudo mkdir -p")));
    QVERIFY(applied.transcript.contains(QLatin1String("$ docker run -d")));
    QFile appliedPool(poolPath);
    QVERIFY(appliedPool.open(QIODevice::ReadOnly));
    const QByteArray appliedBytes = appliedPool.readAll();
    appliedPool.close();
    QVERIFY(appliedBytes.contains("json_path: /runner/service-account-key.json"));

    // The script's commands, with its sudo variables as this host decides them, are the ones
    // the engine ran.
    const PreparedPool pool = preparePool(setup);
    const CommandBuilder plan = effectivePlan(setup, Privileges::fromAnswer(setup.ssh.sudo), pool);
    const QString script = setupScript(plan);
    QString resolved = script;
    resolved.replace(QStringLiteral("$SUDO_DOCKER "), QString())
        .replace(QStringLiteral("$SUDO_FILES "), QStringLiteral("sudo "))
        .replace(QStringLiteral("$SUDO_SYSTEM "), QStringLiteral("sudo "));
    const CommandBuilder decided = effectivePlan(setup, {false, true, true}, pool);
    for (const StepPlan &step : {decided.runner(), decided.delegate()}) {
        for (const PlannedCommand &command : step.commands) {
            if (command.optional)
                continue;
            QVERIFY2(resolved.contains(command.script), qPrintable(command.script));
            // The transcript shows each line of a command after "$ ".
            const QString ran =
                QStringLiteral("$ ") +
                QString(command.script).replace(QLatin1Char('\n'), QStringLiteral("\n$ "));
            QVERIFY2(applied.transcript.contains(ran), qPrintable(command.script));
        }
    }

    // 2. A clean host, then the script over OpenSSH, without a terminal: the token is one line
    // on its standard input.
    resetDocker();
    QVERIFY(QDir(setup.runner.directory).removeRecursively());
    const QString home = sshd->homeDir();
    const auto place = [&](const QString &name, const QByteArray &content) {
        QFile file(home + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QVERIFY(::chown(QFile::encodeName(file.fileName()).constData(), 4242, 4242) == 0);
    };
    place(QStringLiteral("setup.sh"), script.toUtf8());
    QFile key(setup.runner.serviceAccountKey);
    QVERIFY(key.open(QIODevice::ReadOnly));
    place(QStringLiteral("service-account-key.json"), key.readAll());
    const QString knownHosts = dir.filePath(QStringLiteral("known_hosts"));
    QFile hosts(knownHosts);
    QVERIFY(hosts.open(QIODevice::WriteOnly));
    hosts.write(sshd->knownHostsLine().toUtf8() + '\n');
    hosts.close();
    const auto runScript = [&](const QByteArray &input, QByteArray *output) {
        QProcess ssh;
        ssh.setProcessChannelMode(QProcess::MergedChannels);
        ssh.start(QStringLiteral("ssh"),
                  {QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-p"),
                   QString::number(sshd->port()), QStringLiteral("-i"),
                   sshd->clientKey(TestSshd::PlainKey), QStringLiteral("-o"),
                   QStringLiteral("IdentitiesOnly=yes"), QStringLiteral("-o"),
                   QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                   QStringLiteral("IdentityAgent=none"), QStringLiteral("-o"),
                   QStringLiteral("UserKnownHostsFile=") + knownHosts,
                   sshd->user() + QStringLiteral("@") + sshd->host(),
                   QStringLiteral("bash setup.sh")});
        ssh.write(input);
        ssh.closeWriteChannel();
        // Polled, so the process sampler keeps sampling while the script runs.
        QDeadlineTimer deadline(240000);
        while (ssh.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(100);
        *output = ssh.readAll();
        return ssh.exitStatus() == QProcess::NormalExit ? ssh.exitCode() : -1;
    };
    ProcessSampler sampler({kCanary.toUtf8()});
    QByteArray output;
    QCOMPARE(runScript(kCanary.toUtf8() + '\n', &output), 0);
    sampler.sample();
    QVERIFY2(output.contains("✓ Done."), output.constData());
    QVERIFY(!output.contains(kCanary.toUtf8()));
    QVERIFY(sampler.samples() > 10);
    QVERIFY2(sampler.hits().isEmpty(), qPrintable(sampler.hits().join(QLatin1Char('\n'))));

    // The same end state as the engine's.
    QFile scriptedPool(poolPath);
    QVERIFY(scriptedPool.open(QIODevice::ReadOnly));
    QCOMPARE(scriptedPool.readAll(), appliedBytes);
    QCOMPARE(scriptedPool.permissions() & 0x0077, QFileDevice::Permissions());
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
    QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 1);
    QCOMPARE(networkCount(QStringLiteral("harness")), 1);
    QCOMPARE(hostRun(QStringLiteral("curl"),
                     {QStringLiteral("-fsS"), QStringLiteral("-m"), QStringLiteral("5"),
                      QStringLiteral("http://127.0.0.1:3000/healthz")})
                 .trimmed(),
             QByteArray("OK"));
    QVERIFY(
        docker({"inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", "docker-delegate"})
            .contains("DELEGATE_TOKEN=" + kCanary.toUtf8()));
    int scanned = 0;
    QStringList leaks = filesContaining(sshd->dir(), kCanary.toUtf8(), &scanned);
    leaks += filesContaining(setup.runner.directory, kCanary.toUtf8(), &scanned);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));

    // 3. Again: everything is kept, and no token is needed for that.
    const QByteArray runnerId = docker({"inspect", "-f", "{{.Id}}", "vm-runner"}).trimmed();
    const QByteArray delegateId = docker({"inspect", "-f", "{{.Id}}", "docker-delegate"}).trimmed();
    QCOMPARE(runScript({}, &output), 0);
    QVERIFY2(output.contains("(kept)"), output.constData());
    QCOMPARE(docker({"inspect", "-f", "{{.Id}}", "vm-runner"}).trimmed(), runnerId);
    QCOMPARE(docker({"inspect", "-f", "{{.Id}}", "docker-delegate"}).trimmed(), delegateId);

    // 4. What the documented commands make by hand (no --name) collides with ours: the script
    // stops before it changes anything and says what to do (apply would offer to adopt it).
    docker({"rename", "vm-runner", "hand_runner"});
    QVERIFY(runScript({}, &output) != 0);
    QVERIFY2(output.contains("Port 3000 is published by the container hand_runner"),
             output.constData());
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0);
    docker({"rename", "hand_runner", "vm-runner"});
    docker({"rename", "docker-delegate", "hand_delegate"});
    QVERIFY(runScript({}, &output) != 0);
    QVERIFY2(output.contains("A delegate named docker-delegate was started by hand (container "
                             "hand_delegate)"),
             output.constData());
    QVERIFY(!output.contains(kCanary.toUtf8()));
    QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 0);
    docker({"rm", "-f", "hand_delegate"});
}

void tst_StepsEndToEnd::droppedConnectionResumed()
{
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    const SetupConfig setup = config(*sshd);
    // The connection drops when the runner step starts waiting for /healthz: every process of
    // the test user (its sshd session included) is killed, by PID.
    const Outcome first = apply(
        *sshd, setup, kCanary, SetupRun::Mode::Apply, {},
        [&](StepContext &, SetupRun &run, remote::SshSession &) {
            auto fired = std::make_shared<bool>(false);
            connect(&run, &SetupRun::stepStarted, &run, [&run, fired, uid = 4242](StepKind kind) {
                if (kind != StepKind::Runner || *fired)
                    return;
                *fired = true;
                QTimer::singleShot(150, &run, [uid] {
                    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
                    for (const QString &pid : pids) {
                        QFile status(QStringLiteral("/proc/") + pid + QStringLiteral("/status"));
                        if (!status.open(QIODevice::ReadOnly))
                            continue;
                        const QByteArray text = status.readAll();
                        const int at = text.indexOf("\nUid:\t");
                        if (at >= 0 && text.mid(at + 6).startsWith(QByteArray::number(uid) + '\t'))
                            ::kill(pid.toInt(), SIGKILL);
                    }
                });
            });
        });
    QVERIFY(!first.ok);
    QVERIFY2(first.last().error.contains(QLatin1String("run again")) ||
                 first.last().error.contains(QLatin1String("lost")),
             qPrintable(first.describe()));
    // Nothing half-written.
    QVERIFY(!QFile::exists(setup.runner.directory + QStringLiteral("/.pool.yaml.tmp")));

    const Outcome second = apply(*sshd, setup, kCanary);
    QVERIFY2(second.ok, qPrintable(second.describe()));
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
    QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 1);
    QCOMPARE(networkCount(QStringLiteral("harness")), 1);
}

void tst_StepsEndToEnd::uninstall()
{
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    const SetupConfig setup = config(*sshd);
    QVERIFY(apply(*sshd, setup, kCanary).ok);
    const auto both = [](StepContext &context, SetupRun &, remote::SshSession &) {
        context.options().removeNetworkOnUninstall = true;
        context.options().removeDirectoryOnUninstall = true;
    };
    const Outcome removed = apply(*sshd, setup, kCanary, SetupRun::Mode::Uninstall, {}, both);
    QVERIFY2(removed.ok, qPrintable(removed.describe()));
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0);
    QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 0);
    QCOMPARE(networkCount(QStringLiteral("harness")), 0);
    QVERIFY(!QFileInfo::exists(setup.runner.directory));
    const Outcome again = apply(*sshd, setup, kCanary, SetupRun::Mode::Uninstall, {}, both);
    QVERIFY2(again.ok, qPrintable(again.describe()));
    QVERIFY(again.last().done.isEmpty());
}

void tst_StepsEndToEnd::seedCommandsRunByHand_data()
{
    QTest::addColumn<bool>("replaceRunner");
    QTest::addColumn<bool>("replaceDelegate");
    QTest::newRow("keep both") << false << false;
    QTest::newRow("replace both") << true << true;
    QTest::newRow("keep the runner, replace the delegate") << false << true;
}

// An admin followed the seed page by hand: the runner and the delegate started exactly as it
// says (no --name; the runner directory as the test's). Then `apply`: the preflight does not
// call the runner's port "another program", a kept container is adopted (renamed to our name:
// same container), a replaced one goes, and there is never a second runner or a second
// delegate of that name.
void tst_StepsEndToEnd::seedCommandsRunByHand()
{
    QFETCH(bool, replaceRunner);
    QFETCH(bool, replaceDelegate);
    auto sshd = startSshd(dockerGroupUser());
    QVERIFY(sshd);
    const SetupConfig setup = config(*sshd);

    // mkdir -p /runner, pool.yaml (json_path where the container finds the key), the key.
    const PreparedPool prepared = preparePool(setup);
    QVERIFY(prepared.readError.isEmpty());
    const QString dir = setup.runner.directory;
    QVERIFY(QDir().mkpath(dir));
    for (const auto &[name, content] :
         {std::pair{QStringLiteral("pool.yaml"), prepared.content},
          std::pair{QStringLiteral("service-account-key.json"), prepared.keyContent}}) {
        QFile file(dir + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        sshd->chownToUser(file.fileName());
    }

    // docker network create harness; the runner and the delegate exactly as the seed page
    // starts them.
    int code = -1;
    docker({"network", "create", "harness"}, &code);
    QCOMPARE(code, 0);
    const QString runnerId = QString::fromLatin1(
        docker({"run", "-d", "--network", "harness", "--hostname", "vm-runner", "-v",
                dir + QStringLiteral(":/runner"), "-p", "3000:3000", "--platform", "linux/amd64",
                standinRunnerImage(), "delegate", "--pool", "/runner/pool.yaml"},
               &code)
            .trimmed());
    QCOMPARE(code, 0);
    const QString delegateId = QString::fromLatin1(
        docker({"run",
                "-d",
                "--network",
                "harness",
                "--cpus=1",
                "--memory=256m",
                "-e",
                "DELEGATE_NAME=docker-delegate",
                "-e",
                "DEPLOY_MODE=KUBERNETES_ONPREM",
                "-e",
                "NEXT_GEN=true",
                "-e",
                "DELEGATE_TYPE=DOCKER",
                "-e",
                QStringLiteral("ACCOUNT_ID=") + setup.delegate.accountId,
                "-e",
                QStringLiteral("DELEGATE_TOKEN=") + kCanary,
                "-e",
                "DELEGATE_TAGS=gitspaces",
                "-e",
                "RUNNER_URL=http://vm-runner:3000/",
                "-e",
                QStringLiteral("MANAGER_HOST_AND_PORT=") + setup.delegate.manager,
                standinDelegateImage()},
               &code)
            .trimmed());
    QCOMPARE(code, 0);
    const auto delegatesNamed = [](const QString &name) {
        int n = 0;
        const QByteArray ids = docker({"ps", "-aq", "--no-trunc"});
        for (const QByteArray &id : ids.split('\n')) {
            if (id.trimmed().isEmpty())
                continue;
            const QByteArray env =
                docker({"inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}",
                        QString::fromLatin1(id.trimmed())});
            n += env.split('\n').contains("DELEGATE_NAME=" + name.toUtf8()) ? 1 : 0;
        }
        return n;
    };
    QCOMPARE(delegatesNamed(QStringLiteral("docker-delegate")), 1);

    const Outcome outcome = apply(*sshd, setup, kCanary, SetupRun::Mode::Apply,
                                  [&](const Decision &decision) -> std::optional<bool> {
                                      if (decision.kind == Decision::Kind::ReplaceFoundRunner)
                                          return replaceRunner;
                                      if (decision.kind == Decision::Kind::ReplaceFoundDelegate)
                                          return replaceDelegate;
                                      return decision.recommendAccept;
                                  });
    QVERIFY2(outcome.ok, qPrintable(outcome.describe()));
    // Preflight saw them for what they are.
    const QString preflight = outcome.results.first().summary();
    QVERIFY2(!preflight.contains(QLatin1String("another program")), qPrintable(preflight));
    QVERIFY2(preflight.contains(QLatin1String("held by the runner started by hand")),
             qPrintable(preflight));
    // One question each, nothing else asked.
    QCOMPARE(outcome.decisions.size(), 2);
    QCOMPARE(outcome.decisions.at(0).kind, Decision::Kind::ReplaceFoundRunner);
    QCOMPARE(outcome.decisions.at(1).kind, Decision::Kind::ReplaceFoundDelegate);
    QVERIFY(!outcome.decisions.at(0).recommendAccept); // just like ours: keep it
    QVERIFY2(outcome.decisions.at(0).details.contains(runnerId.left(12)),
             qPrintable(outcome.decisions.at(0).details));

    // One runner, named vm-runner, answering /healthz on the VM's port 3000.
    QCOMPARE(containersOf(standinRunnerImage()).size(), 1);
    QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
    const QString runnerNow =
        QString::fromLatin1(docker({"inspect", "-f", "{{.Id}}", "vm-runner"}).trimmed());
    QCOMPARE(runnerNow == runnerId, !replaceRunner);
    QCOMPARE(docker({"inspect", "-f", "{{.State.Status}}", "vm-runner"}).trimmed(),
             QByteArray("running"));
    QCOMPARE(docker({"inspect", "-f", "{{.HostConfig.RestartPolicy.Name}}", "vm-runner"}).trimmed(),
             QByteArray("unless-stopped"));
    QCOMPARE(hostRun(QStringLiteral("curl"),
                     {QStringLiteral("-fsS"), QStringLiteral("--noproxy"), QStringLiteral("*"),
                      QStringLiteral("http://127.0.0.1:3000/healthz")})
                 .trimmed(),
             QByteArray("OK"));

    // Never two delegates of one name: ours, by name, healthy and registered.
    QCOMPARE(delegatesNamed(QStringLiteral("docker-delegate")), 1);
    QCOMPARE(containersOf(standinDelegateImage()).size(), 1);
    const QString delegateNow =
        QString::fromLatin1(docker({"inspect", "-f", "{{.Id}}", "docker-delegate"}).trimmed());
    QCOMPARE(delegateNow == delegateId, !replaceDelegate);
    QCOMPARE(docker({"inspect", "-f", "{{.State.Health.Status}}", "docker-delegate"}).trimmed(),
             QByteArray("healthy"));

    // The runner step asked the runner from the VM: it neither pulled nor ran the delegate
    // image. And the scan never brought the hand-started delegate's token into the transcript.
    QVERIFY(!outcome.transcript.contains(QLatin1String("--entrypoint curl")));
    QVERIFY(outcome.transcript.contains(QLatin1String("http://127.0.0.1:3000/healthz")));
    QVERIFY(!outcome.transcript.contains(kCanary));
    QVERIFY(outcome.transcript.contains(replaceRunner ? QLatin1String("runner.remove-found")
                                                      : QLatin1String("runner.adopt")));
    QVERIFY(outcome.transcript.contains(replaceDelegate ? QLatin1String("delegate.remove-found")
                                                        : QLatin1String("delegate.adopt")));

    // From now on it is ours by name: a re-run keeps both without a question about hand-made
    // containers.
    const Outcome again = apply(*sshd, setup, kCanary);
    QVERIFY2(again.ok, qPrintable(again.describe()));
    for (const Decision &decision : again.decisions)
        QVERIFY(decision.kind != Decision::Kind::ReplaceFoundRunner &&
                decision.kind != Decision::Kind::ReplaceFoundDelegate);
    QCOMPARE(containersOf(standinRunnerImage()).size(), 1);
    QCOMPARE(delegatesNamed(QStringLiteral("docker-delegate")), 1);
}

QTEST_GUILESS_MAIN(tst_StepsEndToEnd)
#include "tst_StepsEndToEnd.moc"
