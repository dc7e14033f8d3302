// Unit tests of the setup engine's logic over a fake RemoteSession that simulates a VM's state
// (directory, files, network, containers). The real thing is tested in tst_StepsEndToEnd.

#include "FakeHost.h"
#include "FakeRemoteSession.h"

#include "plan/CommandBuilder.h"
#include "plan/ShellQuote.h"
#include "steps/ContainerScan.h"
#include "steps/HostProbe.h"
#include "steps/LogDiagnosis.h"
#include "steps/RunnerStep.h"
#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "steps/StepJob.h"
#include "steps/Transcript.h"
#include "steps/UninstallStep.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace gs;
using namespace gs::steps;
using namespace gs::test;

namespace {

const QString kToken = QStringLiteral("Q0FOQVJZLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI=");

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
    void failedHostProbeIsNotAnEmptyHost_data();
    void failedHostProbeIsNotAnEmptyHost();
    void dockerGroupReconnects();
    void sudoPasswordPath();
    void privilegesPerAction_data();
    void privilegesPerAction();
    void connectionLostFailsAndResumes();
    void cancelWhileWaiting();
    void runnerTimeoutShowsLog();
    void uninstallPlanAndRun();
    void uninstallAdoptedAndConfirm();
    void uninstallDirectories_data();
    void uninstallDirectories();
    void transcriptMasksSecrets();
    void imageRepository_data();
    void imageRepository();
    void containerScanRecognises();
    void containerScanPrintsNoSecret();
    void healthCheckFromTheVm_data();
    void healthCheckFromTheVm();
    void runnerWaitWithoutHttpTool();
    void preflightRecognisesContainersStartedByHand();
    void preflightNamesForeignContainerOnPort();
    void runnerStartedByHand_data();
    void runnerStartedByHand();
    void delegateStartedByHand_data();
    void delegateStartedByHand();
    void setupStateModel();
    void setupStateAfterApplyAndUninstall();
    void decisionWaitIsNotWorkingTime();
    void transcriptSaysWhereTheTokenCameFrom_data();
    void transcriptSaysWhereTheTokenCameFrom();
    void preflightChecksAreChecks();
    void keyExpectedOnTheVm_data();
    void keyExpectedOnTheVm();
    void keyProbeInARealShell();
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
    // Found by tests/fuzz/parsers (hostprobe): a huge number overflowed the conversion (UB).
    QTest::newRow("huge") << QString(QLatin1Char('5')).repeated(81) << qint64(-1);
    QTest::newRow("huge-t") << "99999999999t" << qint64(-1);
    QTest::newRow("largest-t") << "8191t" << qint64(8191) * 1024 * 1024 * 1024;
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

    // The runner's health is asked from the VM, through the port it publishes: the runner
    // step neither pulls nor runs the delegate image.
    bool polled = false;
    for (const Transcript::Entry &entry : transcript.entries()) {
        if (entry.step != QLatin1String("runner"))
            continue;
        QVERIFY2(!entry.script.contains(context.config().delegate.image), qPrintable(entry.script));
        QVERIFY2(!entry.script.contains(QLatin1String("docker run --rm")),
                 qPrintable(entry.script));
        if (entry.commandId == QLatin1String("check.runner-health")) {
            polled = true;
            QVERIFY2(entry.script.contains(QLatin1String(
                         "curl -fsS -m 3 --noproxy '*' http://127.0.0.1:3000/healthz")),
                     qPrintable(entry.script));
        }
    }
    QVERIFY(polled);

    // The results say what was done.
    const StepResult &runner = run.results().at(2);
    QCOMPARE(runner.step, StepKind::Runner);
    QVERIFY(runner.done.join(QLatin1Char('\n')).contains(QLatin1String("health check")));
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
    const int removed =
        session.indexOf(context.builder().dockerCommand(QStringLiteral("docker rm -f vm-runner")));
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

void tst_Steps::failedHostProbeIsNotAnEmptyHost_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QString>("expected");
    using Status = remote::CommandResult::Status;
    // A forced command or nologin: exit 1 and a line that is not the probe's.
    QTest::newRow("nologin") << int(Status::Exited) << 1
                             << QByteArray("This account is currently not available.\n")
                             << QStringLiteral("exit status 1");
    // Exit 0 but none of the answers (a login shell that ignores the command).
    QTest::newRow("no answers") << int(Status::Exited) << 0 << QByteArray("Welcome!\n")
                                << QStringLiteral("none of its answers");
    QTest::newRow("channel refused")
        << int(Status::Failed) << -1 << QByteArray() << QStringLiteral("channel refused");
}

void tst_Steps::failedHostProbeIsNotAnEmptyHost()
{
    QFETCH(int, status);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, out);
    QFETCH(QString, expected);
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    session.prepend(QStringLiteral("@@os="), [&](const QString &, const QByteArray &) {
        remote::CommandResult result = FakeRemoteSession::exited(exitCode, out);
        result.status = remote::CommandResult::Status(status);
        result.errorMessage = QStringLiteral("channel refused");
        return result;
    });
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    StepJob *preflight = SetupRun::createStep(StepKind::Preflight, &context);
    QSignalSpy finished(preflight, &StepJob::finished);
    preflight->start();
    QVERIFY(finished.wait(2000));
    // Not "Docker is not installed" on an empty host: the check itself failed, and says so.
    QVERIFY(!preflight->result().ok());
    QVERIFY2(preflight->result().error.contains(QLatin1String("host check")),
             qPrintable(preflight->result().error));
    QVERIFY2(preflight->result().error.contains(expected), qPrintable(preflight->result().error));
    QVERIFY(!context.factsKnown());
    QCOMPARE(session.commands().size(), 1); // nothing else ran
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
    QVERIFY(runner.error.contains(QLatin1String("health check")));
    QVERIFY(runner.logLines.join(QLatin1Char('\n')).contains(QLatin1String("starting the server")));
    QVERIFY(logLines.size() >= 1);
}

void tst_Steps::uninstallPlanAndRun()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    // The runner is ours (labelled), the delegate container is someone else's, another
    // container is on the network, and the directory holds a file the setup did not write.
    session.prepend(QStringLiteral("@@attached="), [](const QString &, const QByteArray &) {
        return FakeRemoteSession::exited(
            0, "@@delegate=aaaaaaaaaaaa1111 \n@@runner=bbbbbbbbbbbb2222 runner\n@@network=1\n"
               "@@attached=docker-delegate\n@@attached=vm-runner\n@@attached=web\n"
               "@@directory=1\n@@entry=pool.yaml\n@@entry=service-account-key.json\n"
               "@@entry=notes.txt\n");
    });
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().removeNetworkOnUninstall = true;
    context.options().removeDirectoryOnUninstall = true;
    context.facts().access = DockerAccess::SudoNoPassword;
    context.setFactsKnown(true);
    const StepPlan plan = UninstallStep::plan(context);
    QStringList ids;
    for (const PlannedCommand &command : plan.commands)
        ids << command.id;
    QCOMPARE(ids, (QStringList{"uninstall.upgrader", "uninstall.delegate", "uninstall.runner",
                               "uninstall.network", "uninstall.files", "uninstall.directory"}));
    // Each command checks on the VM that its target is ours: label, or the adopted record.
    QCOMPARE(plan.commands.at(2).script,
             QStringLiteral("{ [ \"$(sudo docker inspect -f '{{index .Config.Labels "
                            "\"io.harness.gitspaces-setup\"}}' vm-runner 2>/dev/null)\" = runner ] "
                            "|| sudo grep -qsxF \"runner $(sudo docker inspect -f '{{.Id}}' "
                            "vm-runner 2>/dev/null | cut -c1-12)\" "
                            "/runner/.gitspaces-setup-adopted; } && sudo docker rm -f vm-runner"));
    QCOMPARE(plan.commands.at(3).script,
             QStringLiteral("[ -z \"$(sudo docker ps -aq --filter network=harness)\" ] && "
                            "sudo docker network rm harness"));
    QCOMPARE(plan.commands.at(4).script,
             QStringLiteral("sudo rm -f -- /runner/pool.yaml /runner/.pool.yaml.tmp "
                            "/runner/service-account-key.json "
                            "/runner/.service-account-key.json.tmp "
                            "/runner/.gitspaces-setup-adopted"));
    QCOMPARE(plan.commands.at(5).script, QStringLiteral("sudo rmdir -- /runner"));

    StepJob *job = SetupRun::createStep(StepKind::Uninstall, &context);
    QSignalSpy finished(job, &StepJob::finished);
    job->start();
    QVERIFY(finished.wait(2000));
    QVERIFY(job->result().ok());
    const QStringList ran = session.commands();
    QVERIFY(!ran.contains(plan.commands.at(0).script)); // no upgrader
    QVERIFY(!ran.contains(plan.commands.at(1).script)); // not ours
    QVERIFY(ran.contains(plan.commands.at(2).script));
    QVERIFY(!ran.contains(plan.commands.at(3).script)); // "web" is still on it
    QVERIFY(ran.contains(plan.commands.at(4).script));
    QVERIFY(!ran.contains(plan.commands.at(5).script)); // notes.txt keeps it
    QCOMPARE(job->result().done.size(), 2);
    const QString warnings = job->result().warnings.join(QLatin1Char('\n'));
    QVERIFY2(warnings.contains(QLatin1String("docker-delegate")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QLatin1String("web")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QLatin1String("notes.txt")), qPrintable(warnings));
    for (const QString &command : ran)
        QVERIFY2(!command.contains(QLatin1String("rm -rf")), qPrintable(command));
    delete job;
}

// A container the setup adopted carries no label: the record in the runner directory names it.
// With confirmUninstall (the CLI) the step asks first, listing what goes; a "no" removes nothing.
void tst_Steps::uninstallAdoptedAndConfirm()
{
    for (const bool accept : {false, true}) {
        FakeRemoteSession session;
        FakeHost host;
        host.install(&session);
        session.prepend(QStringLiteral("@@attached="), [](const QString &, const QByteArray &) {
            return FakeRemoteSession::exited(
                0, "@@delegate=cccccccccccc3333 \n@@adopted=delegate cccccccccccc\n"
                   "@@network=1\n@@attached=docker-delegate\n@@directory=1\n"
                   "@@entry=pool.yaml\n@@entry=.gitspaces-setup-adopted\n");
        });
        Transcript transcript;
        StepContext context(&session, testConfig(), &transcript);
        context.options().removeNetworkOnUninstall = true;
        context.options().removeDirectoryOnUninstall = true;
        context.options().confirmUninstall = true;
        context.facts().access = DockerAccess::Direct;
        context.setFactsKnown(true);
        const StepPlan plan = UninstallStep::plan(context);
        StepJob *job = SetupRun::createStep(StepKind::Uninstall, &context);
        QSignalSpy finished(job, &StepJob::finished);
        QSignalSpy asked(job, &StepJob::decisionNeeded);
        job->start();
        QVERIFY(asked.wait(2000));
        const Decision decision = asked.first().first().value<Decision>();
        QCOMPARE(decision.kind, Decision::Kind::ConfirmUninstall);
        QCOMPARE(decision.commands.size(), 4); // delegate, network, files, directory
        QVERIFY(decision.details.contains(QLatin1String("docker-delegate")));
        job->decide(accept);
        QVERIFY(finished.count() == 1 || finished.wait(2000));
        QCOMPARE(job->result().ok(), accept);
        for (const PlannedCommand &command : plan.commands)
            QCOMPARE(session.commands().contains(command.script),
                     accept && command.id != QLatin1String("uninstall.runner") &&
                         command.id != QLatin1String("uninstall.upgrader")); // none there
        delete job;
    }
}

// The runner directory as uninstall names it: slashes never make it wider, "/" and paths with
// "." or ".." are never given to rmdir, and every path is quoted by shellQuote.
void tst_Steps::uninstallDirectories_data()
{
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("rmdir"); // empty: no rmdir command
    QTest::newRow("plain") << "/runner"
                           << "/runner/pool.yaml"
                           << "rmdir -- /runner";
    QTest::newRow("trailing slash") << "/something/"
                                    << "/something/pool.yaml"
                                    << "rmdir -- /something";
    QTest::newRow("slashes") << "//srv//runner///"
                             << "/srv/runner/pool.yaml"
                             << "rmdir -- /srv/runner";
    QTest::newRow("root") << "/"
                          << "/pool.yaml"
                          << "";
    QTest::newRow("root, slashes") << "///"
                                   << "/pool.yaml"
                                   << "";
    QTest::newRow("dot dot") << "/runner/.."
                             << "/runner/../pool.yaml"
                             << "";
    QTest::newRow("dot") << "/runner/."
                         << "/runner/./pool.yaml"
                         << "";
    QTest::newRow("space") << "/opt/my runner/"
                           << "'/opt/my runner/pool.yaml'"
                           << "rmdir -- '/opt/my runner'";
    QTest::newRow("hostile") << "/tmp/x'; rm -rf / #"
                             << "'/tmp/x'\\''; rm -rf / #/pool.yaml'"
                             << "rmdir -- '/tmp/x'\\''; rm -rf / #'";
    QTest::newRow("leading dash") << "/-rf/"
                                  << "/-rf/pool.yaml"
                                  << "rmdir -- /-rf";
}

void tst_Steps::uninstallDirectories()
{
    QFETCH(QString, directory);
    QFETCH(QString, files);
    QFETCH(QString, rmdir);
    SetupConfig config = testConfig();
    config.ssh.sudo = false;
    config.runner.directory = directory;
    Transcript transcript;
    StepContext context(nullptr, config, &transcript);
    context.options().removeDirectoryOnUninstall = true;
    const StepPlan plan = UninstallStep::plan(context);
    QString filesScript, rmdirScript;
    for (const PlannedCommand &command : plan.commands) {
        if (command.id == QLatin1String("uninstall.files"))
            filesScript = command.script;
        if (command.id == QLatin1String("uninstall.directory"))
            rmdirScript = command.script;
        QVERIFY2(!command.script.contains(QLatin1String("rm -r")) ||
                     directory.contains(QLatin1String("rm -rf")),
                 qPrintable(command.script));
    }
    QVERIFY2(filesScript.startsWith(QStringLiteral("rm -f -- ") + files + QLatin1Char(' ')),
             qPrintable(filesScript));
    QCOMPARE(rmdirScript, rmdir);
    // What the words are once the shell split them: the quoted paths come back whole.
    QStringList words;
    QVERIFY(shellSplit(filesScript, &words));
    QCOMPARE(words.size(), 3 + 5);
    for (const QString &word : words.mid(3))
        QVERIFY2(word.startsWith(QLatin1Char('/')), qPrintable(word));
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

void tst_Steps::imageRepository_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("repository");
    QTest::newRow("tag") << "drone/drone-runner-aws:latest"
                         << "drone/drone-runner-aws";
    QTest::newRow("none") << "drone/drone-runner-aws"
                          << "drone/drone-runner-aws";
    QTest::newRow("docker.io") << "docker.io/drone/drone-runner-aws:1.0.0-rc.9"
                               << "drone/drone-runner-aws";
    QTest::newRow("digest") << "drone/drone-runner-aws@sha256:0123abcd"
                            << "drone/drone-runner-aws";
    QTest::newRow("registry port") << "localhost:5000/harness/delegate:25.03.85504"
                                   << "localhost:5000/harness/delegate";
    QTest::newRow("library") << "docker.io/library/busybox:1.36"
                             << "busybox";
}

void tst_Steps::imageRepository()
{
    QFETCH(QString, reference);
    QFETCH(QString, repository);
    QCOMPARE(ContainerScan::imageRepository(reference), repository);
}

// By image, command and environment: the seed's runner and delegate (any container name but
// ours), not a runner in another mode, not a delegate of another name, not ours.
void tst_Steps::containerScanRecognises()
{
    SetupConfig config = testConfig();
    FakeContainer stopped = seedRunner('1', QStringLiteral("exited"));
    stopped.created = QStringLiteral("2026-03-01T00:00:00Z"); // newer, but not running
    FakeContainer server = seedRunner('2');
    server.cmd = {QStringLiteral("server")};
    FakeContainer other = seedDelegate('b', QStringLiteral("someone-elses-delegate"));
    FakeContainer nginx;
    nginx.id = fakeId('c');
    nginx.name = QStringLiteral("web");
    nginx.image = QStringLiteral("nginx:1.25");
    nginx.ports = {QStringLiteral("80/tcp:8080")};
    FakeContainer ours = seedRunner('0');
    ours.name = QStringLiteral("vm-runner");
    FakeContainer hub = seedDelegate('d');
    hub.image = QStringLiteral("harness/delegate:24.10.84107"); // Docker Hub's name for it
    hub.status = QStringLiteral("exited");
    const QByteArray output = "noise\n" + stopped.json() + seedRunner('3').json() + server.json() +
                              other.json() + nginx.json() + ours.json() + seedDelegate('a').json() +
                              hub.json() + "@@container={not json\n";

    const QList<FoundContainer> all = ContainerScan::parse(output);
    QCOMPARE(all.size(), 8);
    const FoundContainer &parsed = all.at(1);
    QCOMPARE(parsed.id, fakeId('3'));
    QCOMPARE(parsed.shortId(), QString(12, QLatin1Char('3')));
    QCOMPARE(parsed.name, QStringLiteral("eager_turing_3"));
    QCOMPARE(parsed.command, (QStringList{"delegate", "--pool", "/runner/pool.yaml"}));
    QCOMPARE(parsed.networks, QStringList{"harness"});
    QVERIFY(parsed.publishes(3000));
    QCOMPARE(parsed.mounts, QStringList{"/runner:/runner"});
    QCOMPARE(ContainerScan::poolPath(parsed), QStringLiteral("/runner/pool.yaml"));
    QVERIFY(all.at(4).command.isEmpty()); // "Cmd": null
    QCOMPARE(all.at(6).env.value(QStringLiteral("RUNNER_URL")),
             QStringLiteral("http://vm-runner:3000/"));

    // Runners: the running one first, then the stopped one; not `server`, not vm-runner.
    const QList<FoundContainer> runners = ContainerScan::handStartedRunners(all, config);
    QCOMPARE(runners.size(), 2);
    QCOMPARE(runners.at(0).name, QStringLiteral("eager_turing_3"));
    QCOMPARE(runners.at(1).name, QStringLiteral("eager_turing_1"));
    // Delegates of our name: the healthy running one first; Docker Hub's image counts too.
    const QList<FoundContainer> delegates = ContainerScan::handStartedDelegates(all, config);
    QCOMPARE(delegates.size(), 2);
    QCOMPARE(delegates.at(0).name, QStringLiteral("brave_hopper_a"));
    QCOMPARE(delegates.at(1).name, QStringLiteral("brave_hopper_d"));
    // Once it carries our name, it is ours and not "started by hand".
    config.delegate.name = QStringLiteral("brave_hopper_a");
    QVERIFY(ContainerScan::handStartedDelegates(all, config).isEmpty());

    // What keeping it would not give (the reasons to recommend replacing).
    config = testConfig();
    config.runner.directory = QStringLiteral("/runner");
    QVERIFY(ContainerScan::runnerConcerns(runners.at(0), config).isEmpty());
    config.runner.directory = QStringLiteral("/srv/runner");
    QVERIFY(ContainerScan::runnerConcerns(runners.at(0), config)
                .join(QLatin1Char('\n'))
                .contains(QLatin1String("/srv/runner")));
    FoundContainer lonely = runners.at(0);
    lonely.networks.clear();
    lonely.ports.clear();
    lonely.command = {QStringLiteral("delegate"), QStringLiteral("--pool=/runner/other.yaml")};
    config.runner.directory = QStringLiteral("/runner");
    const QString concerns = ContainerScan::runnerConcerns(lonely, config).join(QLatin1Char('\n'));
    QVERIFY2(concerns.contains(QLatin1String("harness network")), qPrintable(concerns));
    QVERIFY(concerns.contains(QLatin1String("port 3000")));
    QVERIFY(concerns.contains(QLatin1String("/runner/other.yaml")));
    QVERIFY(ContainerScan::delegateConcerns(delegates.at(0), testConfig()).isEmpty());
    FoundContainer noRunner = delegates.at(0);
    noRunner.env.remove(QStringLiteral("RUNNER_URL"));
    noRunner.env.insert(QStringLiteral("DELEGATE_TAGS"), QStringLiteral("other"));
    const QString delegateConcerns =
        ContainerScan::delegateConcerns(noRunner, testConfig()).join(QLatin1Char('\n'));
    QVERIFY2(delegateConcerns.contains(QLatin1String("RUNNER_URL")), qPrintable(delegateConcerns));
    QVERIFY(delegateConcerns.contains(QLatin1String("tags")));
}

// One round trip, through the Docker access preflight found, and never a secret in its output.
void tst_Steps::containerScanPrintsNoSecret()
{
    SetupConfig config = testConfig();
    config.ssh.sudo = true;
    const QString script = ContainerScan::script(CommandBuilder(config));
    QVERIFY2(script.startsWith(QLatin1String("sudo sh -c ")), qPrintable(script));
    QVERIFY(script.contains(QLatin1String("docker ps -aq --no-trunc")));
    QVERIFY(script.contains(QLatin1String("docker inspect -f")));
    QVERIFY(script.contains(QLatin1String("DELEGATE_NAME")));
    QVERIFY(!script.contains(QLatin1String("DELEGATE_TOKEN")));
    QVERIFY(!script.contains(QLatin1String("ACCOUNT_ID")));
    QVERIFY(!script.contains(QLatin1String("{{json .Config.Env}}")));
    QCOMPARE(script.count(QLatin1String("{{json .}}")), 1); // an env entry, after the filter
    QVERIFY(script.contains(QLatin1String("\"DELEGATE_TAGS\"}}{{json .}}")));
    config.ssh.sudo = false;
    QVERIFY(ContainerScan::script(CommandBuilder(config)).startsWith(QLatin1String("sh -c ")));
    // It is valid sh.
    QProcess sh;
    sh.start(QStringLiteral("sh"), {QStringLiteral("-n"), QStringLiteral("-c"), script});
    QVERIFY(sh.waitForFinished(5000));
    QCOMPARE(sh.exitCode(), 0);
}

void tst_Steps::healthCheckFromTheVm_data()
{
    QTest::addColumn<bool>("curl");
    QTest::addColumn<bool>("wget");
    QTest::addColumn<bool>("bash");
    QTest::addColumn<QString>("tool");
    QTest::newRow("curl") << true << true << true << "curl ";
    QTest::newRow("wget") << false << true << true << "http_proxy= wget ";
    QTest::newRow("bash") << false << false << true << "bash -c ";
    QTest::newRow("none") << false << false << false << "";
}

// GET /healthz through the port the runner publishes, with what the VM has: curl, else wget,
// else bash's /dev/tcp (only through `bash -c`: the login shell may be dash).
void tst_Steps::healthCheckFromTheVm()
{
    QFETCH(bool, curl);
    QFETCH(bool, wget);
    QFETCH(bool, bash);
    QFETCH(QString, tool);
    HostFacts facts;
    facts.hasCurl = curl;
    facts.hasWget = wget;
    facts.hasBash = bash;
    const QString command = RunnerStep::healthCheckCommand(facts);
    if (tool.isEmpty()) {
        QVERIFY(command.isEmpty());
    } else {
        QVERIFY2(command.startsWith(tool), qPrintable(command));
        QVERIFY(command.contains(QLatin1String("127.0.0.1")));
        QVERIFY(command.contains(QLatin1String("/healthz")) ||
                command.contains(QLatin1String("GET /healthz")));
        QVERIFY(!command.contains(QLatin1String("docker")));
        for (const QString &shell : {QStringLiteral("sh"), QStringLiteral("bash")}) {
            QProcess check;
            check.start(shell, {QStringLiteral("-n"), QStringLiteral("-c"), command});
            QVERIFY(check.waitForFinished(5000));
            QCOMPARE(check.exitCode(), 0);
        }
    }
    HostProbe::parse(QByteArray("@@os=Linux\n") + (curl ? "@@curl=1\n" : "") +
                         (wget ? "@@wget=1\n" : "") + (bash ? "@@bash=1\n" : ""),
                     &facts);
    QCOMPARE(facts.hasCurl, curl);
    QCOMPARE(facts.hasWget, wget);
    QCOMPARE(facts.hasBash, bash);
    Transcript transcript;
    StepContext context(nullptr, testConfig(), &transcript);
    QVERIFY(HostProbe::script(context).contains(QLatin1String("command -v wget")));
    QVERIFY(HostProbe::script(context).contains(QLatin1String("command -v bash")));
}

// A VM with none of curl, wget and bash: the wait goes by the runner's state and its log.
void tst_Steps::runnerWaitWithoutHttpTool()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    session.prepend(QStringLiteral("@@os="), [&](const QString &, const QByteArray &) {
        return FakeRemoteSession::exited(0, host.probeOutput().replace("@@curl=1\n", ""));
    });
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().pollIntervalMs = 10;
    StepJob *job = SetupRun::createStep(StepKind::Runner, &context);
    QSignalSpy finished(job, &StepJob::finished);
    job->start();
    QVERIFY(finished.wait(3000));
    QVERIFY2(job->result().ok(), qPrintable(job->result().error));
    QVERIFY(job->result().warnings.join(QLatin1Char('\n')).contains(QLatin1String("curl")));
    for (const Transcript::Entry &entry : transcript.entries())
        if (entry.commandId == QLatin1String("check.runner-health"))
            QVERIFY2(!entry.script.contains(QLatin1String("healthz")), qPrintable(entry.script));
    delete job;
}

void tst_Steps::preflightRecognisesContainersStartedByHand()
{
    FakeRemoteSession session;
    FakeHost host;
    host.byHand = {seedRunner(), seedDelegate()};
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    StepJob *preflight = SetupRun::createStep(StepKind::Preflight, &context);
    QSignalSpy finished(preflight, &StepJob::finished);
    preflight->start();
    QVERIFY(finished.wait(2000));
    // Port 3000 is held by a runner that is ours in all but name: no "another program".
    QVERIFY2(preflight->result().ok(), qPrintable(preflight->result().error));
    const QString text = preflight->result().summary();
    QVERIFY2(!text.contains(QLatin1String("another program")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("held by the runner started by hand (eager_turing_3)")),
             qPrintable(text));
    QVERIFY(text.contains(QLatin1String("vm-runner")));
    QVERIFY(text.contains(QLatin1String("brave_hopper_a")));
    QCOMPARE(context.facts().foundRunners.size(), 1);
    QCOMPARE(context.facts().foundDelegates.size(), 1);
    // The plan the pages show now holds the commands that keep or remove them.
    const SetupConfig effective = context.effectiveConfig();
    QCOMPARE(effective.found.runners, QStringList{QString(12, QLatin1Char('3'))});
    QCOMPARE(effective.found.delegates, QStringList{QString(12, QLatin1Char('a'))});
    // One round trip for the containers.
    int scans = 0;
    for (const QString &command : session.commands())
        scans += command.contains(QLatin1String("docker ps -aq")) ? 1 : 0;
    QCOMPARE(scans, 1);
    delete preflight;
}

void tst_Steps::preflightNamesForeignContainerOnPort()
{
    FakeRemoteSession session;
    FakeHost host;
    FakeContainer web;
    web.id = fakeId('e');
    web.name = QStringLiteral("grafana");
    web.image = QStringLiteral("grafana/grafana:10.4.0");
    web.ports = {QStringLiteral("3000/tcp:3000")};
    host.others = web.json();
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    StepJob *preflight = SetupRun::createStep(StepKind::Preflight, &context);
    QSignalSpy finished(preflight, &StepJob::finished);
    preflight->start();
    QVERIFY(finished.wait(2000));
    QVERIFY(!preflight->result().ok());
    QVERIFY2(preflight->result().error.contains(QLatin1String("grafana")),
             qPrintable(preflight->result().error));
    QVERIFY(preflight->result().error.contains(QLatin1String("Port 3000")));
    delete preflight;
}

void tst_Steps::runnerStartedByHand_data()
{
    QTest::addColumn<bool>("replace");
    QTest::addColumn<bool>("stopped");
    QTest::addColumn<bool>("oursToo");
    QTest::addColumn<int>("copies");
    QTest::newRow("keep") << false << false << false << 1;
    QTest::newRow("replace") << true << false << false << 1;
    QTest::newRow("keep, stopped") << false << true << false << 1;
    QTest::newRow("keep, a vm-runner too") << false << false << true << 1;
    QTest::newRow("replace, a vm-runner too") << true << false << true << 1;
    QTest::newRow("keep, two copies") << false << false << false << 2;
    QTest::newRow("replace, two copies") << true << false << false << 2;
}

// The seed's runner (no --name): kept = renamed vm-runner (same container, no second one),
// replaced = removed and ours started. One question, and its commands are the plan's.
void tst_Steps::runnerStartedByHand()
{
    QFETCH(bool, replace);
    QFETCH(bool, stopped);
    QFETCH(bool, oursToo);
    QFETCH(int, copies);
    FakeRemoteSession session;
    FakeHost host;
    host.network = true;
    host.byHand = {seedRunner('3', stopped ? QStringLiteral("exited") : QStringLiteral("running"))};
    if (copies > 1)
        host.byHand << seedRunner('4', QStringLiteral("created")); // its port was taken
    if (oursToo)
        host.runner = kRunnerImage + QStringLiteral("|created|sha256:runner");
    host.install(&session);
    SetupConfig config = testConfig();
    config.runner.directory = QStringLiteral("/runner");
    // The admin put the same pool.yaml and key there (json_path as the container sees it).
    const PreparedPool prepared = preparePool(config);
    host.dir = true;
    host.poolHash = sha(prepared.content);
    host.keyHash = sha(prepared.keyContent);
    Transcript transcript;
    StepContext context(&session, config, &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    QList<Decision> asked;
    run.setAutoAnswer([&](const Decision &decision) -> std::optional<bool> {
        asked << decision;
        return decision.kind == Decision::Kind::ReplaceFoundRunner ? replace
                                                                   : decision.recommendAccept;
    });
    QVERIFY(runToEnd(run));
    QCOMPARE(asked.size(), 1);
    const Decision &decision = asked.first();
    QCOMPARE(decision.kind, Decision::Kind::ReplaceFoundRunner);
    QCOMPARE(decision.acceptLabel, QStringLiteral("Replace"));
    QCOMPARE(decision.declineLabel, QStringLiteral("Keep as vm-runner"));
    QVERIFY2(decision.question.contains(QLatin1String("eager_turing_3")),
             qPrintable(decision.question));
    QVERIFY(decision.details.contains(QLatin1String("delegate --pool /runner/pool.yaml")));
    // Recommended: keep a running one that is like ours; replace a stopped one.
    QCOMPARE(decision.recommendAccept, stopped);

    // The commands each answer runs are the plan's, byte for byte.
    SetupConfig planned = context.effectiveConfig();
    planned.found.runners = {QString(12, QLatin1Char('3'))};
    if (copies > 1)
        planned.found.runners << QString(12, QLatin1Char('4'));
    const StepPlan plan = CommandBuilder(planned, context.privileges()).runner();
    QString adopt, removeFound, remove, runCommand;
    for (const PlannedCommand &command : plan.commands) {
        if (command.id == QLatin1String("runner.adopt"))
            adopt = command.script;
        else if (command.id == QLatin1String("runner.remove-found"))
            removeFound = command.script;
        else if (command.id == QLatin1String("runner.remove"))
            remove = command.script;
        else if (command.id == QLatin1String("runner.run"))
            runCommand = command.script;
    }
    QVERIFY(!adopt.isEmpty() && !removeFound.isEmpty());
    QVERIFY(decision.declineCommands.contains(adopt));
    QCOMPARE(decision.declineCommands.contains(remove), oursToo);
    QCOMPARE(decision.commands.first(), removeFound);
    QCOMPARE(decision.commands.last(), runCommand);
    QCOMPARE(decision.commands.contains(remove), oursToo);
    const QStringList ran = session.commands();
    QCOMPARE(ran.contains(adopt), !replace);
    QCOMPARE(ran.contains(removeFound), replace);
    QCOMPARE(ran.contains(remove), oursToo);

    // One runner, named vm-runner: the same container when kept.
    QVERIFY(host.byHand.isEmpty());
    QVERIFY(host.runner.contains(QLatin1String("|running|")));
    QCOMPARE(host.runnerRuns, replace ? 1 : 0);
    QCOMPARE(host.renames, replace ? 0 : 1);
    QVERIFY(context.facts().foundRunners.isEmpty());
    const StepResult &runner = run.results().at(2);
    QVERIFY2(runner.done.join(QLatin1Char('\n'))
                 .contains(replace ? QLatin1String("Removed the runner")
                                   : QLatin1String("Kept the runner started by hand")),
             qPrintable(runner.summary()));
}

void tst_Steps::delegateStartedByHand_data()
{
    QTest::addColumn<bool>("replace");
    QTest::addColumn<bool>("oursToo");
    QTest::addColumn<int>("copies");
    QTest::newRow("keep") << false << false << 1;
    QTest::newRow("replace") << true << false << 1;
    QTest::newRow("keep, ours too") << false << true << 1;
    QTest::newRow("replace, ours too") << true << true << 1;
    QTest::newRow("keep, two running") << false << false << 2;
    QTest::newRow("replace, two running") << true << false << 2;
}

// The seed's delegate (no --name, DELEGATE_NAME in its environment): never a second delegate
// of that name, whatever the answer.
void tst_Steps::delegateStartedByHand()
{
    QFETCH(bool, replace);
    QFETCH(bool, oursToo);
    QFETCH(int, copies);
    FakeRemoteSession session;
    FakeHost host;
    host.network = true;
    host.byHand = {seedDelegate('a')};
    if (copies > 1)
        host.byHand << seedDelegate('b');
    host.byHand << seedDelegate('c', QStringLiteral("another-name")); // not ours: left alone
    if (oursToo)
        host.delegate = kDelegateImage + QStringLiteral("|running|healthy|sha256:delegate");
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    QList<Decision> asked;
    run.setAutoAnswer([&](const Decision &decision) -> std::optional<bool> {
        asked << decision;
        return decision.kind == Decision::Kind::ReplaceFoundDelegate ? replace
                                                                     : decision.recommendAccept;
    });
    QVERIFY(runToEnd(run));
    QCOMPARE(asked.size(), 1);
    const Decision &decision = asked.first();
    QCOMPARE(decision.kind, Decision::Kind::ReplaceFoundDelegate);
    QCOMPARE(decision.declineLabel, QStringLiteral("Keep as docker-delegate"));
    QVERIFY(!decision.recommendAccept); // like ours, running and healthy
    if (copies > 1)
        QVERIFY2(decision.details.contains(QLatin1String("1 more copy")),
                 qPrintable(decision.details));
    // The token of the one started by hand never came through the scan.
    QVERIFY(!transcript.toText().contains(QLatin1String("DELEGATE_TOKEN=Q")));

    // Exactly one delegate of that name: ours by name, none started by hand.
    QCOMPARE(host.byHand.size(), 1);
    QCOMPARE(host.byHand.first().name, QStringLiteral("brave_hopper_c"));
    QVERIFY(!host.delegate.isEmpty());
    QCOMPARE(host.delegateRuns, replace ? 1 : 0);
    QCOMPARE(host.renames, replace ? 0 : 1);
    QCOMPARE(host.removedByHand, replace ? copies : copies - 1);
    const QStringList ran = session.commands();
    QVERIFY(decision.declineCommands.count() >= 1);
    QCOMPARE(ran.contains(decision.declineCommands.at(oursToo ? 1 : 0)), !replace);
    QCOMPARE(ran.contains(decision.commands.first()), replace);
    QCOMPARE(ran.contains(QStringLiteral("docker rm -f docker-delegate")), oursToo);
    QVERIFY(context.facts().foundDelegates.isEmpty());
    QVERIFY(run.results().last().ok());
}

void tst_Steps::setupStateModel()
{
    SetupState state;
    QVERIFY(state.isEmpty());
    QCOMPARE(state.headline(), QStringLiteral("Nothing was run on the VM yet."));
    QCOMPARE(state.status(StepKind::Runner), SetupState::Status::NotDone);

    // Preflight: a finding a later step fixes is not carried; a lasting one is.
    StepResult preflight;
    preflight.step = StepKind::Preflight;
    preflight.status = StepResult::Status::Succeeded;
    preflight.warnings = {QStringLiteral("Docker is not installed"),
                          QStringLiteral("The VM cannot reach the manager")};
    preflight.caveats = {QStringLiteral("The VM cannot reach the manager")};
    state.record(preflight);
    QCOMPARE(state.status(StepKind::Preflight), SetupState::Status::DoneWithWarnings);
    QCOMPARE(state.warnings(), QStringList{QStringLiteral("The VM cannot reach the manager")});

    StepResult runner;
    runner.step = StepKind::Runner;
    runner.status = StepResult::Status::Succeeded;
    state.record(runner);
    StepResult delegate;
    delegate.step = StepKind::Delegate;
    delegate.status = StepResult::Status::Succeeded;
    delegate.warnings = {QStringLiteral("The delegate image is 9 months old")};
    state.record(delegate);
    QCOMPARE(state.status(StepKind::Runner), SetupState::Status::Done);
    QCOMPARE(state.status(StepKind::Delegate), SetupState::Status::DoneWithWarnings);
    QCOMPARE(state.warnings().size(), 2);
    QVERIFY(state.headline().contains(QLatin1String("2 unresolved warning")));
    QVERIFY(state.lines().contains(QStringLiteral("VM runner: done")));

    // A failed re-run is failed, not "done" from before.
    runner.status = StepResult::Status::Failed;
    runner.error = QStringLiteral("The runner did not answer /healthz within 180 s.");
    state.record(runner);
    QCOMPARE(state.status(StepKind::Runner), SetupState::Status::Failed);
    QVERIFY(state.headline().startsWith(QLatin1String("Not done: VM runner failed")));

    // A cancelled uninstall changes nothing; a done one removes the runner and the delegate,
    // and their warnings with them.
    StepResult uninstall;
    uninstall.step = StepKind::Uninstall;
    uninstall.status = StepResult::Status::Cancelled;
    state.record(uninstall);
    QCOMPARE(state.status(StepKind::Runner), SetupState::Status::Failed);
    uninstall.status = StepResult::Status::Succeeded;
    state.record(uninstall);
    QCOMPARE(state.status(StepKind::Runner), SetupState::Status::Removed);
    QCOMPARE(state.status(StepKind::Delegate), SetupState::Status::Removed);
    QCOMPARE(state.warnings(), QStringList{QStringLiteral("The VM cannot reach the manager")});
    const QStringList lines = state.lines();
    QVERIFY(lines.contains(QStringLiteral("VM runner: removed")));
    QVERIFY(lines.contains(QStringLiteral("Delegate: removed")));
    for (const QString &line : lines)
        QVERIFY2(!line.endsWith(QLatin1String(": done")) || line.startsWith(QLatin1String("Pre")),
                 qPrintable(line));

    // Caveats from outside the steps: keyed, replaced, cleared.
    state.setCaveat(QStringLiteral("harness"), QStringLiteral("Not checked in Harness"));
    state.setCaveat(QStringLiteral("harness"), QStringLiteral("Harness does not list it"));
    QVERIFY(state.warnings().contains(QStringLiteral("Harness does not list it")));
    QVERIFY(!state.warnings().contains(QStringLiteral("Not checked in Harness")));
    state.setCaveat(QStringLiteral("harness"), QString());
    QCOMPARE(state.warnings().size(), 1);
    // Another VM: the steps are forgotten, what this computer found is not.
    state.setCaveat(QStringLiteral("account"), QStringLiteral("The account check failed"));
    state.clearSteps();
    QCOMPARE(state.status(StepKind::Runner), SetupState::Status::NotDone);
    QCOMPARE(state.warnings(), QStringList{QStringLiteral("The account check failed")});
    state.clear();
    QVERIFY(state.isEmpty());
    // The checks from this computer, one wording for the CLI and the pages; a later check that
    // found nothing clears them.
    state.setLocalAccountProblem(QStringLiteral("401: wrong cluster"));
    state.setImageAgeWarning(QStringLiteral("The delegate image is 7 months old."));
    QCOMPARE(state.warnings(),
             (QStringList{QStringLiteral("Account check from this computer: 401: wrong cluster"),
                          QStringLiteral("The delegate image is 7 months old.")}));
    state.setLocalAccountProblem({});
    state.setImageAgeWarning({});
    QVERIFY(state.warnings().isEmpty());
}

void tst_Steps::setupStateAfterApplyAndUninstall()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    session.prepend(QStringLiteral("@@directory=1"), [](const QString &, const QByteArray &) {
        return FakeRemoteSession::exited(0, "@@runner=1\n@@delegate=1\n@@network=1\n");
    });
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QVERIFY(runToEnd(run));
    const SetupState &state = context.state();
    QCOMPARE(state.status(StepKind::Docker), SetupState::Status::Done);
    QCOMPARE(state.status(StepKind::Runner), SetupState::Status::Done);
    QCOMPARE(state.status(StepKind::Delegate), SetupState::Status::Done);
    // Offline: the manager was not checked from the VM, and the state says so to the end.
    QCOMPARE(state.status(StepKind::Preflight), SetupState::Status::DoneWithWarnings);
    QVERIFY(state.warnings().join(QLatin1Char(' ')).contains(QLatin1String("not checked")));

    StepJob *job = SetupRun::createStep(StepKind::Uninstall, &context);
    QSignalSpy finished(job, &StepJob::finished);
    job->start();
    QVERIFY(finished.wait(2000));
    QVERIFY(job->result().ok());
    delete job;
    QCOMPARE(state.status(StepKind::Runner), SetupState::Status::Removed);
    QCOMPARE(state.status(StepKind::Delegate), SetupState::Status::Removed);
    QCOMPARE(state.status(StepKind::Docker), SetupState::Status::Done); // still installed
}

void tst_Steps::decisionWaitIsNotWorkingTime()
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
    StepJob *job = SetupRun::createStep(StepKind::Runner, &context);
    // The question waits 1.5 s for its answer (a person reading it).
    connect(job, &StepJob::decisionNeeded, job,
            [job] { QTimer::singleShot(1500, job, [job] { job->decide(false); }); });
    QElapsedTimer wall;
    wall.start();
    QSignalSpy finished(job, &StepJob::finished);
    job->start();
    QVERIFY(finished.wait(10000));
    QVERIFY(job->result().ok());
    QVERIFY(wall.elapsed() >= 1500);
    QVERIFY2(job->result().elapsedMs < 1000, qPrintable(QString::number(job->result().elapsedMs)));
    delete job;
}

void tst_Steps::transcriptSaysWhereTheTokenCameFrom_data()
{
    QTest::addColumn<int>("sourceValue"); // SecretSource
    QTest::addColumn<QString>("said");
    QTest::newRow("typed") << int(SecretSource::Typed) << QStringLiteral("typed in the wizard");
    QTest::newRow("keychain") << int(SecretSource::Keychain) << QStringLiteral("from the keychain");
    QTest::newRow("environment") << int(SecretSource::Environment)
                                 << QStringLiteral("from the environment");
    QTest::newRow("stdin") << int(SecretSource::StandardInput)
                           << QStringLiteral("from standard input");
}

void tst_Steps::transcriptSaysWhereTheTokenCameFrom()
{
    QFETCH(int, sourceValue);
    QFETCH(QString, said);
    const auto source = SecretSource(sourceValue);
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken, source);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QVERIFY(runToEnd(run));
    const QString text = transcript.toText();
    QVERIFY2(text.contains(QStringLiteral("DELEGATE_TOKEN=•••••••• (%1)").arg(said)),
             qPrintable(text));
    if (source != SecretSource::Keychain)
        QVERIFY(!text.contains(QLatin1String("(from the keychain)")));
}

void tst_Steps::preflightChecksAreChecks()
{
    FakeRemoteSession session;
    FakeHost host;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, testConfig(), &transcript);
    context.options().checkOutbound = false;
    SetupRun run(&context, SetupRun::Mode::Check);
    QVERIFY(runToEnd(run));
    const StepResult &preflight = run.results().at(0);
    QVERIFY(preflight.checked.contains(QStringLiteral("Port 3000 is free")));
    QVERIFY(preflight.alreadyThere.isEmpty());
    QVERIFY(preflight.summary().contains(QStringLiteral("· Port 3000 is free")));
}

void tst_Steps::keyExpectedOnTheVm_data()
{
    QTest::addColumn<QByteArray>("stat");
    QTest::addColumn<QString>("warning"); // empty: none
    QTest::newRow("missing") << QByteArray() << QStringLiteral("/runner/sa.json is not on the VM");
    QTest::newRow("readable by others")
        << QByteArray("644 admin") << QStringLiteral("not readable by root only (mode 644");
    QTest::newRow("root only") << QByteArray("600 root") << QString();
}

void tst_Steps::keyExpectedOnTheVm()
{
    QFETCH(QByteArray, stat);
    QFETCH(QString, warning);
    // json_path names the key inside /runner; no key file given, none next to pool.yaml.
    QTemporaryDir dir;
    QFile original(dataFile("pool.yaml"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QString poolPath = dir.filePath(QStringLiteral("pool.yaml"));
    QFile pool(poolPath);
    QVERIFY(pool.open(QIODevice::WriteOnly));
    pool.write(original.readAll().replace("json_path: service-account-key.json",
                                          "json_path: /runner/sa.json"));
    pool.close();
    SetupConfig config = testConfig();
    config.runner.poolFile = poolPath;
    config.runner.serviceAccountKey.clear();

    FakeRemoteSession session;
    FakeHost host;
    host.keyStat = stat;
    host.install(&session);
    Transcript transcript;
    StepContext context(&session, config, &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 10;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer(recommended());
    QVERIFY(runToEnd(run));

    // Said before running, naming the file.
    const StepResult &preflight = run.results().at(0);
    QVERIFY2(preflight.warnings.join(QLatin1Char(' ')).contains(QLatin1String("/runner/sa.json")),
             qPrintable(preflight.warnings.join(QLatin1Char('\n'))));
    // Looked at on the VM in the runner's one inspect round trip.
    int probes = 0;
    for (const QString &command : session.commands())
        probes += command.contains(QLatin1String("@@keystat="));
    QCOMPARE(probes, 1);
    const StepResult &runner = run.results().at(2);
    const QString caveats = runner.caveats.join(QLatin1Char('\n'));
    if (warning.isEmpty()) {
        QVERIFY2(runner.caveats.isEmpty(), qPrintable(caveats));
        QCOMPARE(context.state().status(StepKind::Runner), SetupState::Status::Done);
    } else {
        QVERIFY2(caveats.contains(warning), qPrintable(caveats));
        QCOMPARE(context.state().status(StepKind::Runner), SetupState::Status::DoneWithWarnings);
        if (stat.isEmpty())
            QVERIFY(caveats.contains(QLatin1String("could not find default credentials")));
    }
}

// The probe line as sh runs it: what stat prints is what the check reads.
void tst_Steps::keyProbeInARealShell()
{
    QTemporaryDir runner; // stands for the runner directory on the VM
    PreparedPool pool;
    pool.expectedKeys = {QStringLiteral("/runner/sa.json")};
    const auto direct = [](const QString &command) {
        return command;
    };
    const auto probe = [&]() -> QStringList {
        QProcess sh;
        sh.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"), expectedKeyProbe(pool, runner.path(), direct)});
        if (!sh.waitForFinished(5000))
            return {QStringLiteral("timeout")};
        return probeValueList(sh.readAllStandardOutput(), QStringLiteral("keystat"));
    };
    const QString key = runner.filePath(QStringLiteral("sa.json"));
    QCOMPARE(hostKeyPath(QStringLiteral("/runner/sa.json"), runner.path() + QLatin1Char('/')), key);
    // Not there.
    QStringList problems = expectedKeyProblems(pool, runner.path(), probe());
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("is not on the VM")),
             qPrintable(problems.first()));
    // There, readable by everyone.
    QFile file(key);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{}");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                QFileDevice::ReadGroup | QFileDevice::ReadOther));
    problems = expectedKeyProblems(pool, runner.path(), probe());
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("mode 644")), qPrintable(problems.first()));
    // Owner only: fine when that owner is root.
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    problems = expectedKeyProblems(pool, runner.path(), probe());
    if (::geteuid() == 0)
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    else
        QVERIFY(problems.value(0).contains(QLatin1String("mode 600")));
}

QTEST_GUILESS_MAIN(tst_Steps)
#include "tst_Steps.moc"
