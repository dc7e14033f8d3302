// Unit tests of the setup engine's logic over a fake RemoteSession that simulates a VM's state
// (directory, files, network, containers). The real thing is tested in tst_StepsEndToEnd.

#include "FakeRemoteSession.h"

#include "plan/CommandBuilder.h"
#include "steps/HostProbe.h"
#include "steps/LogDiagnosis.h"
#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "steps/StepJob.h"
#include "steps/Transcript.h"
#include "steps/UninstallStep.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

using namespace gs;
using namespace gs::steps;
using gs::test::FakeRemoteSession;

namespace {

const QString kToken = QStringLiteral("Q0FOQVJZLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI=");
const QString kRunnerImage = QStringLiteral("drone/drone-runner-aws:latest");

QString dataFile(const char *name)
{
    return QStringLiteral(GS_TESTS_DIR "/data/") + QLatin1String(name);
}

QByteArray sha(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// The VM as the fake answers it. Apply commands change it; probes read it.
struct FakeHost
{
    QString user = QStringLiteral("admin");
    bool root = false;
    bool dockerInstalled = true;
    bool dockerGroupSession = true; // id -nG lists docker
    bool dockerGroupFile = true;
    bool sudoNoPassword = false;
    QByteArray sudoPassword; // a password sudo accepts (-S)
    bool dir = false;
    bool dirWritable = true; // the user can create or write the runner directory without sudo
    QByteArray poolHash, keyHash;
    QByteArray poolContent;
    bool network = false;
    QString runner;   // "image|status|imageId"
    QString delegate; // "image|status|health|imageId"
    QByteArray delegateStdin;
    bool runnerHealthy = true;
    int runnerRuns = 0, delegateRuns = 0, networkCreates = 0, uploads = 0, installs = 0;

    QByteArray probeOutput() const
    {
        const bool direct = dockerInstalled && (root || dockerGroupSession);
        QByteArray out = "@@os=Linux\n@@arch=x86_64\n@@hostname=vm\n";
        out += "@@user=" + user.toUtf8() + "\n@@uid=" + (root ? "0" : "1000") + "\n";
        out += "@@groups=" + user.toUtf8() + (dockerGroupSession ? " docker" : "") + "\n";
        out += "@@distro=debian\n@@distro_name=Debian GNU/Linux 12 (bookworm)\n";
        out += "@@group_docker=" + QByteArray(dockerGroupFile ? user.toUtf8() : "") + "\n";
        if (dockerInstalled)
            out += "@@docker_client=1\n";
        out += "@@sudo=1\n@@curl=1\n";
        out += direct ? "@@docker_rc=0\n@@docker_out=20.10.24\n"
                      : (dockerInstalled ? "@@docker_rc=1\n@@docker_out=permission denied while "
                                           "trying to connect to the Docker daemon socket\n"
                                         : "@@docker_rc=127\n@@docker_out=docker: not found\n");
        if (!root) {
            if (sudoNoPassword)
                out += "@@sudo_n=1\n";
            out += sudoNoPassword && dockerInstalled
                       ? "@@sudo_docker_rc=0\n@@sudo_docker_out=20.10.24\n"
                       : "@@sudo_docker_rc=1\n@@sudo_docker_out=sudo: a password is required\n";
        }
        out += "@@disk_docker=/dev/sda1 30000000 1000 20000000 1% /\n";
        out += "@@disk_runner=/dev/sda1 30000000 1000 20000000 1% /\n";
        out += "@@mem_total=16000000 kB\n@@mem_available=12000000 kB\n";
        if (dir)
            out += "@@runner_dir=1\n";
        if (dirWritable || root)
            out += "@@runner_dir_writable=1\n";
        if (!runner.isEmpty())
            out += "@@tcp=   1: 00000000:0BB8 00000000:0000 0A 00000000:00000000\n";
        return out;
    }

    // Strips the sudo password line the engine puts ahead of the input in sudo -S mode.
    QByteArray input(const QString &command, const QByteArray &stdinData) const
    {
        if (command.startsWith(QLatin1String("sudo -k; ")) && !sudoPassword.isEmpty() &&
            stdinData.startsWith(sudoPassword + '\n'))
            return stdinData.mid(sudoPassword.size() + 1);
        return stdinData;
    }

    void install(FakeRemoteSession *session)
    {
        session->clearRules();
        session->on(QStringLiteral("@@os="), [this](const QString &, const QByteArray &) {
            return FakeRemoteSession::exited(0, probeOutput());
        });
        session->on(QStringLiteral("^sudo -k; sudo -S -p '' true$"),
                    [this](const QString &, const QByteArray &in) {
                        return FakeRemoteSession::exited(
                            !sudoPassword.isEmpty() && in == sudoPassword + '\n' ? 0 : 1);
                    });
        session->on(QStringLiteral("\\{\\{\\.State\\.Running\\}\\}"),
                    [this](const QString &, const QByteArray &) {
                        if (runner.isEmpty())
                            return FakeRemoteSession::exited(1);
                        return FakeRemoteSession::exited(0, "true 3000/tcp \n");
                    });
        session->on(QStringLiteral("@@dir=1"), [this](const QString &, const QByteArray &) {
            QByteArray out;
            if (dir)
                out += "@@dir=1\n";
            if (!poolHash.isEmpty())
                out += "@@pool=" + poolHash + "  /runner/pool.yaml\n";
            if (!keyHash.isEmpty())
                out += "@@key=" + keyHash + "  /runner/service-account-key.json\n";
            if (network)
                out += "@@network=1\n";
            if (!runner.isEmpty())
                out += "@@runner=" + runner.toUtf8() + "\n";
            out += "@@image=sha256:runner\n";
            return FakeRemoteSession::exited(0, out);
        });
        session->on(QStringLiteral("@@delegate="), [this](const QString &, const QByteArray &) {
            QByteArray out;
            if (!delegate.isEmpty())
                out += "@@delegate=" + delegate.toUtf8() + "\n";
            out += "@@image=sha256:delegate\n";
            return FakeRemoteSession::exited(0, out);
        });
        session->on(QStringLiteral("healthz"), [this](const QString &, const QByteArray &) {
            QByteArray out = "@@state=" + runner.section(QLatin1Char('|'), 1, 1).toUtf8() + "|0\n";
            out += "@@log=time=\"now\" level=info msg=\"starting the server\"\n";
            if (runnerHealthy)
                out += "@@health=OK\n";
            return FakeRemoteSession::exited(0, out);
        });
        session->on(QStringLiteral("docker logs --tail 400"),
                    [this](const QString &, const QByteArray &) {
                        QByteArray out;
                        if (delegateStdin.startsWith("DELEGATE_TOKEN=YmFk")) {
                            out += "@@state=exited||0\n";
                            out += "@@log=ERROR Delegate used invalid token. Self destruct "
                                   "procedure will be initiated.\n";
                        } else {
                            out += "@@state=running|healthy|0|4567ef012345\n";
                            out += "@@log=INFO Delegate registered with id abc123\n";
                        }
                        return FakeRemoteSession::exited(0, out);
                    });
        session->on(
            QStringLiteral("docker version --format"), [this](const QString &, const QByteArray &) {
                return dockerInstalled ? FakeRemoteSession::exited(0, "20.10.24\n")
                                       : FakeRemoteSession::exited(127, {}, "docker: not found\n");
            });
        session->on(QStringLiteral("apt-get install -y docker.io"),
                    [this](const QString &, const QByteArray &) {
                        ++installs;
                        dockerInstalled = true;
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("mkdir -p"), [this](const QString &, const QByteArray &) {
            dir = true;
            return FakeRemoteSession::exited(0);
        });
        session->on(QStringLiteral("cat > .*pool\\.yaml"),
                    [this](const QString &command, const QByteArray &in) {
                        ++uploads;
                        poolContent = input(command, in);
                        poolHash = sha(poolContent);
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("cat > .*\\.json"),
                    [this](const QString &command, const QByteArray &in) {
                        ++uploads;
                        keyHash = sha(input(command, in));
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("docker network create harness"),
                    [this](const QString &, const QByteArray &) {
                        ++networkCreates;
                        network = true;
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("docker rm -f vm-runner"),
                    [this](const QString &, const QByteArray &) {
                        runner.clear();
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("--name vm-runner"),
                    [this](const QString &, const QByteArray &) {
                        ++runnerRuns;
                        runner = kRunnerImage + QStringLiteral("|running|sha256:runner");
                        return FakeRemoteSession::exited(0, "0123abcd\n");
                    });
        session->on(QStringLiteral("docker rm -f docker-delegate"),
                    [this](const QString &, const QByteArray &) {
                        delegate.clear();
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("--name docker-delegate"),
                    [this](const QString &command, const QByteArray &in) {
                        ++delegateRuns;
                        delegateStdin = input(command, in);
                        delegate = QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/"
                                                  "delegate:25.03.85504|running|healthy|"
                                                  "sha256:delegate");
                        return FakeRemoteSession::exited(0, "4567ef\n");
                    });
    }
};

SetupConfig testConfig(const char *pool = "pool.yaml")
{
    SetupConfig config;
    config.ssh.host = QStringLiteral("127.0.0.1");
    config.ssh.user = QStringLiteral("admin");
    config.ssh.sudo = true;
    config.runner.poolFile = dataFile(pool);
    config.runner.serviceAccountKey = dataFile("service-account-key.json");
    config.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
    config.delegate.tags = {QStringLiteral("gitspaces")};
    return config;
}

// Runs a SetupRun to its end; returns whether it succeeded.
bool runToEnd(SetupRun &run, int timeoutMs = 10000)
{
    QSignalSpy finished(&run, &SetupRun::finished);
    run.start();
    if (!finished.wait(timeoutMs))
        return false;
    return finished.first().first().toBool();
}

SetupRun::AutoAnswer recommended()
{
    return [](const Decision &decision) {
        return std::optional<bool>(decision.recommendAccept);
    };
}

} // namespace

class tst_Steps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logDiagnosis_data();
    void logDiagnosis();
    void runnerLogDiagnosis_data();
    void runnerLogDiagnosis();
    void memoryToKb_data();
    void memoryToKb();
    void access_data();
    void access();
    void sudoPasswordWiring();
    void freshHostRunsThePlannedCommands();
    void threeRunsConverge();
    void replaceRunnerWhenImageDiffers();
    void keepRunnerWhenAsked();
    void keepStoppedContainerStartsIt_data();
    void keepStoppedContainerStartsIt();
    void poolWithErrorsRefused();
    void poolWithErrorsOverridden();
    void badTokenRecognised();
    void missingTokenRefused();
    void containerLogLinesMasked();
    void dockerInstallNeedsConsent();
    void stoppedDaemonStarted();
    void port3000TakenStopsPreflight();
    void dockerGroupReconnects();
    void sudoPasswordPath();
    void privilegesPerAction_data();
    void privilegesPerAction();
    void connectionLostFailsAndResumes();
    void cancelWhileWaiting();
    void runnerTimeoutShowsLog();
    void uninstallPlanAndRun();
    void transcriptMasksSecrets();
};

void tst_Steps::logDiagnosis_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("fatal");
    QTest::newRow("invalid") << "2026-01-01 ERROR Delegate used invalid token. Self destruct "
                                "procedure will be initiated."
                             << "delegate.invalid-token" << true;
    QTest::newRow("revoked") << "Delegate used revoked token. It will be frozen and drained."
                             << "delegate.revoked-token" << true;
    QTest::newRow("expired") << "Delegate used expired token. It will be frozen and drained."
                             << "delegate.expired-token" << true;
    QTest::newRow("account") << "Account ID: abc not found. Stop launching delegate."
                             << "delegate.account-not-found" << true;
    QTest::newRow("connectivity") << "Connectivity test failed. Please check network connection "
                                     "from your delegate to Harness manager."
                                  << "delegate.connectivity" << true;
    QTest::newRow("register") << "Unknown error occurred while registering Delegate [acct] with "
                                 "manager"
                              << "delegate.register-error" << false;
    QTest::newRow("websocket") << "Event:CLOSE, trying to reconnect"
                               << "delegate.websocket" << false;
    QTest::newRow("runner") << "ERROR [citasks.vm.helper.HttpHelper] Failed to connect to "
                               "/127.0.0.1:3000"
                            << "delegate.runner-unreachable" << false;
}

void tst_Steps::logDiagnosis()
{
    QFETCH(QString, line);
    QFETCH(QString, code);
    QFETCH(bool, fatal);
    const QString log = QStringLiteral("INFO starting\n") + line + QStringLiteral("\nINFO more\n");
    const QList<LogFinding> findings = LogDiagnosis::delegateFindings(log);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, code);
    QCOMPARE(findings.first().fatal, fatal);
    QCOMPARE(findings.first().line, line.trimmed());
    QVERIFY(!findings.first().meaning.isEmpty());
    QVERIFY(LogDiagnosis::delegateFindings(QStringLiteral("INFO Delegate registered with id x"))
                .isEmpty());
}

void tst_Steps::runnerLogDiagnosis_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("code");
    QTest::newRow("pool") << "level=fatal msg=\"Unable to load pool file\" error=\"open "
                             "/runner/pool.yaml: no such file or directory\""
                          << "runner.pool-unreadable";
    QTest::newRow("key") << "level=fatal msg=\"unable to process pool file\" error=\"google: "
                            "could not find credentials file sa.json: no such file\""
                         << "runner.credentials";
    QTest::newRow("arch") << "exec /bin/drone-runner-aws: exec format error"
                          << "runner.exec-format";
    QTest::newRow("other") << "level=fatal msg=\"something else\""
                           << "runner.fatal";
}

void tst_Steps::runnerLogDiagnosis()
{
    QFETCH(QString, line);
    QFETCH(QString, code);
    const QList<LogFinding> findings = LogDiagnosis::runnerFindings(line);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, code);
}

void tst_Steps::memoryToKb_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("kb");
    QTest::newRow("2g") << "2g" << qint64(2 * 1024 * 1024);
    QTest::newRow("2G") << "2G" << qint64(2 * 1024 * 1024);
    QTest::newRow("1.5g") << "1.5g" << qint64(1536 * 1024);
    QTest::newRow("512m") << "512m" << qint64(512 * 1024);
    QTest::newRow("bytes") << "1073741824" << qint64(1024 * 1024);
    QTest::newRow("kb") << "2048k" << qint64(2048);
    QTest::newRow("junk") << "lots" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void tst_Steps::memoryToKb()
{
    QFETCH(QString, value);
    QFETCH(qint64, kb);
    QCOMPARE(HostProbe::memoryToKb(value), kb);
}

void tst_Steps::access_data()
{
    QTest::addColumn<bool>("root");
    QTest::addColumn<bool>("groupSession");
    QTest::addColumn<bool>("groupFile");
    QTest::addColumn<bool>("sudoN");
    QTest::addColumn<int>("access");
    QTest::newRow("root") << true << false << false << false << int(DockerAccess::Direct);
    QTest::newRow("group") << false << true << true << false << int(DockerAccess::Direct);
    QTest::newRow("sudo -n") << false << false << false << true
                             << int(DockerAccess::SudoNoPassword);
    QTest::newRow("group pending")
        << false << false << true << false << int(DockerAccess::GroupPending);
    QTest::newRow("none") << false << false << false << false << int(DockerAccess::None);
}

void tst_Steps::access()
{
    QFETCH(bool, root);
    QFETCH(bool, groupSession);
    QFETCH(bool, groupFile);
    QFETCH(bool, sudoN);
    QFETCH(int, access);
    FakeHost host;
    host.root = root;
    host.dockerGroupSession = groupSession;
    host.dockerGroupFile = groupFile;
    host.sudoNoPassword = sudoN;
    HostFacts facts;
    HostProbe::parse(host.probeOutput(), &facts);
    HostProbe::decideAccess(&facts);
    QCOMPARE(int(facts.access), access);
    QCOMPARE(facts.arch, QStringLiteral("x86_64"));
    QVERIFY(facts.isAmd64());
    QCOMPARE(facts.memTotalKb, qint64(16000000));
    QCOMPARE(facts.dockerDiskFreeKb, qint64(20000000));
    QVERIFY(!facts.port3000Listening);
}

void tst_Steps::sudoPasswordWiring()
{
    Transcript transcript;
    StepContext context(nullptr, testConfig(), &transcript);
    const QString script = QStringLiteral("sudo docker network inspect harness >/dev/null 2>&1 || "
                                          "sudo docker network create harness");
    QCOMPARE(context.wireScript(script), script); // no password: unchanged
    context.setSudoPassword("s3cret-pw");
    context.facts().access = DockerAccess::SudoPassword;
    context.facts().sudoPasswordAccepted = true;
    context.setFactsKnown(true);
    QCOMPARE(context.wireScript(script),
             QStringLiteral("sudo -k; sudo -S -p '' docker network inspect harness >/dev/null "
                            "2>&1 || sudo -S -p '' docker network create harness"));
    QCOMPARE(context.wireStdin(script, "DATA\n"), QByteArray("s3cret-pw\nDATA\n"));
    QCOMPARE(context.wireScript(QStringLiteral("echo hi")), QStringLiteral("echo hi"));
    QCOMPARE(context.wireStdin(QStringLiteral("echo hi"), "x"), QByteArray("x"));
}

void tst_Steps::freshHostRunsThePlannedCommands()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QSignalSpy decisions(&run, &SetupRun::decisionNeeded);
    QVERIFY(runToEnd(run));
    QVERIFY(run.succeeded());
    QCOMPARE(run.results().size(), 4);
    QCOMPARE(decisions.size(), 0);
    // The delegate container's host name, for telling our replica apart in Harness.
    QCOMPARE(context.delegateHostName(), QStringLiteral("4567ef012345"));

    // Docker reached through the group: the plan is built without sudo, and the engine ran
    // exactly its commands.
    const CommandBuilder builder = context.builder();
    QVERIFY(!context.privileges().docker);
    QVERIFY(!context.privileges().files);
    const QStringList commands = session.commands();
    for (const StepPlan &plan : {builder.runner(), builder.delegate()}) {
        for (const PlannedCommand &command : plan.commands) {
            if (command.optional)
                QVERIFY2(!commands.contains(command.script), qPrintable(command.id));
            else
                QVERIFY2(commands.contains(command.script), qPrintable(command.id));
        }
    }
    // Order: directory, pool, key, network, runner, delegate.
    QVERIFY(session.indexOf(builder.runner().commands.at(0).script) <
            session.indexOf(builder.runner().commands.at(1).script));
    QCOMPARE(host.runnerRuns, 1);
    QCOMPARE(host.delegateRuns, 1);
    QCOMPARE(host.networkCreates, 1);

    // json_path points at the key inside the container.
    QVERIFY(host.poolContent.contains("json_path: /runner/service-account-key.json"));
    QVERIFY(!host.poolContent.contains("json_path: service-account-key.json"));

    // The token went only to the delegate's stdin.
    QCOMPARE(host.delegateStdin, QByteArray("DELEGATE_TOKEN=") + kToken.toUtf8() + "\n");
    for (const FakeRemoteSession::Call &call : session.calls) {
        QVERIFY(!call.command.contains(kToken));
        if (!call.command.contains(QLatin1String("--name docker-delegate")))
            QVERIFY(!call.stdinData.contains(kToken.toUtf8()));
    }
    QVERIFY(!transcript.toText().contains(kToken));
    QVERIFY(transcript.toText().contains(QStringLiteral("DELEGATE_TOKEN=••••••••")));

    // The results say what was done.
    const StepResult &runner = run.results().at(2);
    QCOMPARE(runner.step, StepKind::Runner);
    QVERIFY(runner.done.join(QLatin1Char('\n')).contains(QLatin1String("healthz")));
}

void tst_Steps::threeRunsConverge()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    for (int i = 0; i < 3; ++i) {
        Transcript transcript;
        StepContext context(&session, testConfig(), &transcript);
        context.options().checkOutbound = false;
        context.options().pollIntervalMs = 10;
        context.setToken(kToken);
        SetupRun run(&context, SetupRun::Mode::Apply);
        run.setAutoAnswer(recommended());
        QVERIFY2(runToEnd(run), qPrintable(QString::number(i)));
        if (i > 0) {
            // Everything was already there: the runner and delegate were kept.
            QCOMPARE(run.results().at(2).done.size(), 1); // only the health check
            QVERIFY(!run.results().at(2).alreadyThere.isEmpty());
        }
    }
    QCOMPARE(host.runnerRuns, 1);
    QCOMPARE(host.delegateRuns, 1);
    QCOMPARE(host.networkCreates, 1);
    QCOMPARE(host.uploads, 2); // pool and key, once
}

void tst_Steps::replaceRunnerWhenImageDiffers()
{
    FakeRemoteSession session;
    FakeHost host;
    host.runner = QStringLiteral("drone/drone-runner-aws:1.0.0-rc.1|running|sha256:old");
    host.network = true;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    QList<Decision> asked;
    connect(&run, &SetupRun::decisionNeeded, &run, [&](const Decision &decision) {
        asked << decision;
        run.decide(decision.recommendAccept);
    });
    QVERIFY(runToEnd(run));
    QVERIFY(!asked.isEmpty());
    QCOMPARE(asked.first().kind, Decision::Kind::ReplaceRunner);
    QVERIFY(asked.first().recommendAccept);
    QVERIFY(asked.first().details.contains(QLatin1String("1.0.0-rc.1")));
    const int removed = session.indexOf(
        context.builder().dockerCommand(QStringLiteral("docker rm -f vm-runner")));
    QVERIFY(removed >= 0);
    QCOMPARE(host.runnerRuns, 1);
    QVERIFY(host.runner.startsWith(kRunnerImage));
}

void tst_Steps::keepRunnerWhenAsked()
{
    FakeRemoteSession session;
    FakeHost host;
    host.runner = QStringLiteral("drone/drone-runner-aws:1.0.0-rc.1|running|sha256:old");
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer([](const Decision &decision) -> std::optional<bool> {
        if (decision.kind == Decision::Kind::ReplaceRunner)
            return false; // keep
        return decision.recommendAccept;
    });
    QVERIFY(runToEnd(run));
    QCOMPARE(host.runnerRuns, 0);
    QVERIFY(host.runner.contains(QLatin1String("rc.1")));
}

void tst_Steps::keepStoppedContainerStartsIt_data()
{
    QTest::addColumn<bool>("delegate");
    QTest::addColumn<bool>("startFails");
    QTest::newRow("runner") << false << false;
    QTest::newRow("runner, start fails") << false << true;
    QTest::newRow("delegate") << true << false;
    QTest::newRow("delegate, start fails") << true << true;
}

// Keeping a stopped container starts it (and nothing else); a failed start ends the step with
// what failed.
void tst_Steps::keepStoppedContainerStartsIt()
{
    QFETCH(bool, delegate);
    QFETCH(bool, startFails);
    FakeRemoteSession session;
    FakeHost host;
    host.network = true;
    host.runner = kRunnerImage + (delegate ? QStringLiteral("|running|sha256:runner")
                                           : QStringLiteral("|exited|sha256:runner"));
    const QString delegateImage =
        QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504");
    host.delegate = delegateImage + (delegate ? QStringLiteral("|exited||sha256:delegate")
                                              : QStringLiteral("|running|healthy|sha256:delegate"));
    host.install(&session);
    const QString name = delegate ? QStringLiteral("docker-delegate") : QStringLiteral("vm-runner");
    int starts = 0;
    session.prepend(QStringLiteral("docker start "), [&](const QString &command,
                                                         const QByteArray &) {
        ++starts;
        if (!command.endsWith(QLatin1String("docker start ") + name))
            return FakeRemoteSession::exited(1, {}, "unexpected container\n");
        if (startFails)
            return FakeRemoteSession::exited(1, {}, "Error response from daemon: no space left\n");
        QString &state = delegate ? host.delegate : host.runner;
        state.replace(QLatin1String("|exited|"), QLatin1String("|running|"));
        return FakeRemoteSession::exited(0, name.toUtf8() + '\n');
    });
    SetupConfig config = testConfig();
    config.delegate.image = delegateImage;
    Transcript transcript;
    StepContext context(&session, config, &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    QList<Decision> asked;
    run.setAutoAnswer([&](const Decision &decision) -> std::optional<bool> {
        asked << decision;
        if (decision.kind == Decision::Kind::ReplaceRunner ||
            decision.kind == Decision::Kind::ReplaceDelegate)
            return false; // keep
        return decision.recommendAccept;
    });
    QCOMPARE(runToEnd(run), !startFails);
    QCOMPARE(starts, 1);
    QCOMPARE(host.runnerRuns, 0);
    QCOMPARE(host.delegateRuns, 0);
    // A stopped container is worth replacing, and the decision says why.
    const auto kind = delegate ? Decision::Kind::ReplaceDelegate : Decision::Kind::ReplaceRunner;
    const auto about = std::find_if(asked.cbegin(), asked.cend(),
                                    [kind](const Decision &d) { return d.kind == kind; });
    QVERIFY(about != asked.cend());
    QVERIFY(about->recommendAccept);
    QVERIFY2(about->details.contains(QLatin1String("it is exited")), qPrintable(about->details));
    const StepResult &last = run.results().last();
    if (startFails) {
        QCOMPARE(last.status, StepResult::Status::Failed);
        QVERIFY2(last.error.contains(delegate ? QLatin1String("Starting the kept delegate")
                                              : QLatin1String("Starting the kept runner")),
                 qPrintable(last.error));
    } else {
        QVERIFY(last.ok());
        const StepResult &kept = run.results().at(delegate ? run.results().size() - 1 : 2);
        QVERIFY2(kept.done.join(QLatin1Char('\n'))
                     .contains(delegate ? QLatin1String("Started the kept delegate container")
                                        : QLatin1String("Started the kept runner container")),
                 qPrintable(kept.done.join(QLatin1Char('\n'))));
    }
}

void tst_Steps::poolWithErrorsRefused()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    Transcript transcript;
    SetupConfig config = testConfig("pool-errors.yaml");
    config.runner.serviceAccountKey.clear();
    StepContext context(&session, config, &transcript);
    context.options().checkOutbound = false;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    QList<Decision> asked;
    connect(&run, &SetupRun::decisionNeeded, &run, [&](const Decision &decision) {
        asked << decision;
        run.decide(false);
    });
    QVERIFY(!runToEnd(run));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().kind, Decision::Kind::UsePoolWithErrors);
    QVERIFY(!asked.first().recommendAccept);
    const StepResult &runner = run.results().last();
    QCOMPARE(runner.step, StepKind::Runner);
    QVERIFY(!runner.ok());
    QVERIFY(!runner.logLines.isEmpty());
    QVERIFY(runner.logLines.join(QLatin1Char('\n')).contains(QLatin1String("pool-errors.yaml:")));
    QCOMPARE(host.uploads, 0);
    QCOMPARE(host.runnerRuns, 0);
}

void tst_Steps::poolWithErrorsOverridden()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    Transcript transcript;
    SetupConfig config = testConfig("pool-errors.yaml");
    config.runner.serviceAccountKey.clear();
    StepContext context(&session, config, &transcript);
    context.options().checkOutbound = false;
    context.options().allowPoolErrors = true;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QVERIFY(runToEnd(run));
    QCOMPARE(host.uploads, 1);
    QVERIFY(!run.results().at(2).warnings.isEmpty());
}

void tst_Steps::badTokenRecognised()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(QStringLiteral("YmFkLXRva2VuLWJhZC10b2tlbi1iYWQtdG9rZW4tYmE="));
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QVERIFY(!runToEnd(run));
    const StepResult &delegate = run.results().last();
    QCOMPARE(delegate.step, StepKind::Delegate);
    QVERIFY(delegate.error.contains(QLatin1String("token")));
    QVERIFY(delegate.logLines.join(QLatin1Char('\n'))
                .contains(QLatin1String("Delegate used invalid token")));
}

void tst_Steps::containerLogLinesMasked()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    // A delegate that prints its own token next to the failure line.
    session.prepend(
        QStringLiteral("docker logs --tail 400"), [](const QString &, const QByteArray &) {
            return FakeRemoteSession::exited(
                0, "@@state=exited||0\n@@log=DEBUG token=" + kToken.toUtf8() +
                       "\n@@log=ERROR Delegate used invalid token. Self destruct procedure will be "
                       "initiated. (" +
                       kToken.toUtf8() + ")\n");
        });
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QStringList shown;
    connect(&run, &SetupRun::logLines, &run, [&](const QStringList &lines) { shown << lines; });
    QVERIFY(!runToEnd(run));
    const StepResult delegate = run.results().last();
    QCOMPARE(delegate.step, StepKind::Delegate);
    QVERIFY(!delegate.logLines.isEmpty());
    QVERIFY(!delegate.logLines.join(QLatin1Char('\n')).contains(kToken));
    QVERIFY(shown.join(QLatin1Char('\n')).contains(QStringLiteral("token=••••••••")));
    QVERIFY(!shown.join(QLatin1Char('\n')).contains(kToken));
    QVERIFY(!transcript.toText().contains(kToken));
}

void tst_Steps::missingTokenRefused()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    StepJob *job = SetupRun::createStep(StepKind::Delegate, &context);
    QSignalSpy finished(job, &StepJob::finished);
    job->start();
    QVERIFY(finished.wait(2000));
    QVERIFY(!job->result().ok());
    QVERIFY(job->result().error.contains(QLatin1String("GITSPACES_DELEGATE_TOKEN")));
    QCOMPARE(session.calls.size(), 0);
    delete job;
}

void tst_Steps::dockerInstallNeedsConsent()
{
    for (const bool consent : {false, true}) {
        FakeRemoteSession session;
        FakeHost host;
        host.dockerInstalled = false;
        host.dockerGroupSession = false;
        host.dockerGroupFile = false;
        host.sudoNoPassword = true;
        host.install(&session);
        Transcript transcript;
        StepContext context(&session, testConfig(), &transcript);
        context.options().checkOutbound = false;
        StepJob *preflight = SetupRun::createStep(StepKind::Preflight, &context);
        QSignalSpy preflightDone(preflight, &StepJob::finished);
        preflight->start();
        QVERIFY(preflightDone.wait(2000));
        QVERIFY2(preflight->result().ok(), qPrintable(preflight->result().error));
        QVERIFY(!preflight->result().warnings.isEmpty()); // "Docker is not installed"

        StepJob *docker = SetupRun::createStep(StepKind::Docker, &context);
        QSignalSpy asked(docker, &StepJob::decisionNeeded);
        QSignalSpy finished(docker, &StepJob::finished);
        docker->start();
        QVERIFY(asked.wait(2000));
        const Decision decision = asked.first().first().value<Decision>();
        QCOMPARE(decision.kind, Decision::Kind::InstallDocker);
        QVERIFY(
            decision.commands.first().contains(QLatin1String("sudo apt-get install -y docker.io")));
        QCOMPARE(host.installs, 0); // nothing before the answer
        docker->decide(consent);
        QVERIFY(finished.wait(2000));
        QCOMPARE(docker->result().ok(), consent);
        QCOMPARE(host.installs, consent ? 1 : 0);
        delete preflight;
        delete docker;
    }
}

void tst_Steps::stoppedDaemonStarted()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    bool running = false;
    session.prepend(
        QStringLiteral("^docker version --format"), [&](const QString &, const QByteArray &) {
            return running ? FakeRemoteSession::exited(0, "20.10.24\n")
                           : FakeRemoteSession::exited(1, {},
                                                       "Cannot connect to the Docker daemon at "
                                                       "unix:///var/run/docker.sock.\n");
        });
    session.prepend(QStringLiteral("systemctl enable --now docker"),
                    [&](const QString &, const QByteArray &) {
                        running = true;
                        return FakeRemoteSession::exited(0);
                    });
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    StepJob *docker = SetupRun::createStep(StepKind::Docker, &context);
    QSignalSpy finished(docker, &StepJob::finished);
    QSignalSpy asked(docker, &StepJob::decisionNeeded);
    docker->start();
    QVERIFY(finished.wait(2000));
    QVERIFY2(docker->result().ok(), qPrintable(docker->result().error));
    QCOMPARE(asked.size(), 0); // starting a stopped daemon needs no consent
    QVERIFY(running);
    QVERIFY(docker->result().done.join(QLatin1Char('\n')).contains(QLatin1String("Started")));
    delete docker;
}

void tst_Steps::port3000TakenStopsPreflight()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    // Something that is not our runner listens on 3000.
    session.prepend(QStringLiteral("@@os="), [&](const QString &, const QByteArray &) {
        return FakeRemoteSession::exited(
            0,
            host.probeOutput() + "@@tcp=   1: 00000000:0BB8 00000000:0000 0A 00000000:00000000\n");
    });
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    StepJob *preflight = SetupRun::createStep(StepKind::Preflight, &context);
    QSignalSpy finished(preflight, &StepJob::finished);
    preflight->start();
    QVERIFY(finished.wait(2000));
    QVERIFY(!preflight->result().ok());
    QVERIFY(preflight->result().error.contains(QLatin1String("Port 3000")));
    delete preflight;
}

void tst_Steps::dockerGroupReconnects()
{
    FakeRemoteSession session;
    FakeHost host;
    host.dockerGroupSession = false; // joined the group after this session started
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    int reconnects = 0;
    run.setReconnect([&](std::function<void(bool, const QString &)> done) {
        ++reconnects;
        host.dockerGroupSession = true; // a new session sees the group
        QTimer::singleShot(0, &run, [done] { done(true, {}); });
    });
    QSignalSpy reconnecting(&run, &SetupRun::reconnecting);
    QVERIFY(runToEnd(run));
    QCOMPARE(reconnects, 1);
    QCOMPARE(reconnecting.size(), 1);
    QVERIFY(!context.privileges().docker);

    // Without a way to reconnect, the run stops and says so.
    FakeHost host2;
    host2.dockerGroupSession = false;
    host2.install(&session);
    StepContext context2(&session, testConfig(), &transcript);
    context2.options().checkOutbound = false;
    SetupRun run2(&context2, SetupRun::Mode::Apply);
    QVERIFY(!runToEnd(run2));
    QVERIFY(run2.results().last().error.contains(QLatin1String("docker group")));
}

void tst_Steps::privilegesPerAction_data()
{
    QTest::addColumn<bool>("dockerGroup");
    QTest::addColumn<bool>("sudoNoPassword");
    QTest::addColumn<QByteArray>("sudoPassword");
    QTest::addColumn<bool>("dirWritable");
    QTest::addColumn<bool>("root");
    QTest::addColumn<bool>("dockerSudo");
    QTest::addColumn<bool>("filesSudo");
    QTest::addColumn<QString>("error"); // empty: the run succeeds
    QTest::newRow("docker group + sudo -n, /runner not writable")
        << true << true << QByteArray() << false << false << false << true << QString();
    QTest::newRow("sudo -n only (a fresh GCP VM)")
        << false << true << QByteArray() << false << false << true << true << QString();
    QTest::newRow("docker group + sudo with a password")
        << true << false << QByteArray("pw-Secret-42") << false << false << false << true
        << QString();
    QTest::newRow("sudo with a password only") << false << false << QByteArray("pw-Secret-42")
                                               << false << false << true << true << QString();
    QTest::newRow("docker group, no sudo, directory made for the user")
        << true << false << QByteArray() << true << false << false << false << QString();
    QTest::newRow("docker group, no sudo, no directory")
        << true << false << QByteArray() << false << false << false << false
        << QStringLiteral("sudo install -d -o admin /runner");
    QTest::newRow("docker group, sudo needs a password nobody gave")
        << true << false << QByteArray() << false << false << false << false
        << QStringLiteral("Enter the sudo password");
    QTest::newRow("root") << false << false << QByteArray() << false << true << false << false
                          << QString();
}

// Docker access and the runner directory are decided separately: the docker group does not
// make /runner writable, and a user who cannot write it and has no sudo is stopped before
// anything changes.
void tst_Steps::privilegesPerAction()
{
    QFETCH(bool, dockerGroup);
    QFETCH(bool, sudoNoPassword);
    QFETCH(QByteArray, sudoPassword);
    QFETCH(bool, dirWritable);
    QFETCH(bool, root);
    QFETCH(bool, dockerSudo);
    QFETCH(bool, filesSudo);
    QFETCH(QString, error);

    FakeRemoteSession session;
    FakeHost host;
    host.root = root;
    host.dockerGroupSession = dockerGroup;
    host.dockerGroupFile = dockerGroup;
    host.sudoNoPassword = sudoNoPassword;
    host.sudoPassword = sudoPassword;
    host.dirWritable = dirWritable;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    if (!sudoPassword.isEmpty())
        context.setSudoPassword(sudoPassword);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    const bool ok = runToEnd(run);
    if (!error.isEmpty()) {
        QVERIFY(!ok);
        QCOMPARE(run.results().last().step, StepKind::Preflight);
        QVERIFY2(run.results().last().error.contains(error),
                 qPrintable(run.results().last().error));
        // Nothing was changed: only the probe ran.
        QCOMPARE(host.dir, false);
        QCOMPARE(host.uploads, 0);
        QCOMPARE(host.networkCreates, 0);
        QCOMPARE(host.runnerRuns, 0);
        return;
    }
    QVERIFY2(ok, qPrintable(run.results().last().error));
    QCOMPARE(context.privileges().docker, dockerSudo);
    QCOMPARE(context.privileges().files, filesSudo);
    QCOMPARE(context.privileges().system, !root);
    const auto sent = [&](const QString &needle) {
        for (const FakeRemoteSession::Call &call : session.calls)
            if (call.command.contains(needle))
                return call.command;
        return QString();
    };
    const QString sudo =
        sudoPassword.isEmpty() ? QStringLiteral("sudo ") : QStringLiteral("sudo -S -p '' ");
    QCOMPARE(sent(QStringLiteral("mkdir -p")).contains(sudo + QStringLiteral("mkdir -p")),
             filesSudo);
    QCOMPARE(sent(QStringLiteral("pool.yaml.tmp")).contains(sudo + QStringLiteral("sh -c")),
             filesSudo);
    QCOMPARE(sent(QStringLiteral("--name vm-runner")).contains(sudo + QStringLiteral("docker run")),
             dockerSudo);
    QVERIFY(!sent(QStringLiteral("--name vm-runner")).isEmpty());
    // What ran is the plan the pages show for these facts, byte for byte (with a password,
    // each sudo also reads it: StepContext::wireScript).
    const CommandBuilder builder = context.builder();
    for (const QString &id : {QStringLiteral("runner.directory"), QStringLiteral("runner.run")}) {
        for (const PlannedCommand &command : builder.runner().commands)
            if (command.id == id)
                QVERIFY2(!sent(context.wireScript(command.script)).isEmpty(),
                         qPrintable(command.script));
    }
    QCOMPARE(host.poolContent.isEmpty(), false);
}

void tst_Steps::sudoPasswordPath()
{
    FakeRemoteSession session;
    FakeHost host;
    host.dockerGroupSession = false;
    host.dockerGroupFile = false;
    host.sudoPassword = "pw-Secret-42";
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    context.setSudoPassword(host.sudoPassword);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QVERIFY(runToEnd(run));
    QCOMPARE(context.facts().access, DockerAccess::SudoPassword);
    QVERIFY(context.privileges().docker);
    // Every privileged command read the password from stdin, and the token still arrived alone.
    bool sawRun = false;
    for (const FakeRemoteSession::Call &call : session.calls) {
        if (call.command.contains(QLatin1String("--name docker-delegate"))) {
            sawRun = true;
            QVERIFY(call.command.startsWith(QLatin1String("sudo -k; sudo -S -p '' docker run")));
            QCOMPARE(call.stdinData,
                     QByteArray("pw-Secret-42\nDELEGATE_TOKEN=") + kToken.toUtf8() + '\n');
        }
        QVERIFY(!call.command.contains(QLatin1String("pw-Secret-42")));
    }
    QVERIFY(sawRun);
    QCOMPARE(host.delegateStdin, QByteArray("DELEGATE_TOKEN=") + kToken.toUtf8() + '\n');
    QVERIFY(!transcript.toText().contains(QLatin1String("pw-Secret-42")));
}

void tst_Steps::connectionLostFailsAndResumes()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    // The connection drops while the network is being created, after the files were written.
    bool drop = true;
    session.prepend(QStringLiteral("docker network create"),
                    [&](const QString &, const QByteArray &) {
                        if (drop)
                            return FakeRemoteSession::lost();
                        ++host.networkCreates;
                        host.network = true;
                        return FakeRemoteSession::exited(0);
                    });
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun first(&context, SetupRun::Mode::Apply);
    first.setAutoAnswer(recommended());
    QVERIFY(!runToEnd(first));
    const StepResult &failed = first.results().last();
    QCOMPARE(failed.step, StepKind::Runner);
    QVERIFY2(failed.error.contains(QLatin1String("run again")), qPrintable(failed.error));
    QVERIFY(host.dir);
    QVERIFY(!host.poolHash.isEmpty());
    QCOMPARE(host.runnerRuns, 0);

    // A second run goes on from there: nothing uploaded twice, one network, one runner.
    drop = false;
    StepContext context2(&session, testConfig(), &transcript);
    context2.options().checkOutbound = false;
    context2.options().pollIntervalMs = 10;
    context2.setToken(kToken);
    SetupRun second(&context2, SetupRun::Mode::Apply);
    second.setAutoAnswer(recommended());
    QVERIFY(runToEnd(second));
    QCOMPARE(host.uploads, 2);
    QCOMPARE(host.networkCreates, 1);
    QCOMPARE(host.runnerRuns, 1);
    QCOMPARE(host.delegateRuns, 1);
}

void tst_Steps::cancelWhileWaiting()
{
    FakeRemoteSession session;
    FakeHost host;
    host.runnerHealthy = false;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 50;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QSignalSpy waiting(&run, &SetupRun::waiting);
    QSignalSpy finished(&run, &SetupRun::finished);
    run.start();
    QVERIFY(waiting.wait(5000));
    QElapsedTimer clock;
    clock.start();
    run.cancel();
    QVERIFY(finished.size() == 1 || finished.wait(1000));
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(run.results().last().status, StepResult::Status::Cancelled);
}

void tst_Steps::runnerTimeoutShowsLog()
{
    FakeRemoteSession session;
    FakeHost host;
    host.runnerHealthy = false;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 20;
    context.options().runnerHealthTimeoutMs = 200;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QSignalSpy logLines(&run, &SetupRun::logLines);
    QVERIFY(!runToEnd(run));
    const StepResult &runner = run.results().last();
    QCOMPARE(runner.step, StepKind::Runner);
    QVERIFY(runner.error.contains(QLatin1String("/healthz")));
    QVERIFY(runner.logLines.join(QLatin1Char('\n')).contains(QLatin1String("starting the server")));
    QVERIFY(logLines.size() >= 1);
}

void tst_Steps::uninstallPlanAndRun()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    session.prepend(QStringLiteral("@@directory=1"), [](const QString &, const QByteArray &) {
        return FakeRemoteSession::exited(0, "@@runner=1\n@@network=1\n@@directory=1\n");
    });
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().removeNetworkOnUninstall = true;
    context.facts().access = DockerAccess::SudoNoPassword;
    context.setFactsKnown(true);
    const StepPlan plan = UninstallStep::plan(context);
    QCOMPARE(plan.commands.size(), 3);
    QCOMPARE(plan.commands.at(0).script, QStringLiteral("sudo docker rm -f docker-delegate"));
    QCOMPARE(plan.commands.at(1).script, QStringLiteral("sudo docker rm -f vm-runner"));
    QCOMPARE(plan.commands.at(2).script, QStringLiteral("sudo docker network rm harness"));
    StepJob *job = SetupRun::createStep(StepKind::Uninstall, &context);
    QSignalSpy finished(job, &StepJob::finished);
    job->start();
    QVERIFY(finished.wait(2000));
    QVERIFY(job->result().ok());
    // The delegate was not there: only the runner and the network were removed.
    QVERIFY(!session.commands().contains(plan.commands.at(0).script));
    QVERIFY(session.commands().contains(plan.commands.at(1).script));
    QVERIFY(session.commands().contains(plan.commands.at(2).script));
    QCOMPARE(job->result().done.size(), 2);
    delete job;
}

void tst_Steps::transcriptMasksSecrets()
{
    Transcript transcript;
    transcript.addSecret(kToken);
    const int entry = transcript.begin(QStringLiteral("delegate"), QStringLiteral("x"),
                                       QStringLiteral("echo ") + kToken, QString());
    transcript.finish(entry, kToken.toUtf8() + "\n", "err " + kToken.toUtf8(),
                      QStringLiteral("exit 0"), 5);
    const QString text = transcript.toText();
    QVERIFY(!text.contains(kToken));
    QVERIFY(text.contains(QStringLiteral("echo ••••••••")));
    QCOMPARE(transcript.entries().size(), 1);
}

QTEST_GUILESS_MAIN(tst_Steps)
#include "tst_Steps.moc"
