// RunPanel, offscreen: the button runs the step job, the decision shows inline and is answered
// by its buttons, the result shows inline, Cancel stops a wait, and the timer moves.

#include "FakeRemoteSession.h"

#include "run/RunPanel.h"
#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"

#include <QCryptographicHash>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace gs;
using namespace gs::steps;
using gs::test::FakeRemoteSession;

namespace {

SetupConfig config()
{
    SetupConfig c;
    c.ssh.host = QStringLiteral("127.0.0.1");
    c.runner.poolFile = QStringLiteral(GS_TESTS_DIR "/data/pool.yaml");
    c.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
    return c;
}

// A VM with Docker through the docker group, and a runner container that is not running.
void installHost(FakeRemoteSession &session, bool healthy, int *runs)
{
    session.onOutput(
        QStringLiteral("@@os="),
        "@@os=Linux\n@@arch=x86_64\n@@user=admin\n@@uid=1000\n@@groups=admin docker\n"
        "@@group_docker=admin\n@@docker_client=1\n@@docker_rc=0\n@@docker_out=20.10\n@@curl=1\n"
        "@@runner_dir=1\n@@runner_dir_writable=1\n");
    session.onOutput(QStringLiteral("@@dir=1"),
                     "@@dir=1\n@@network=1\n@@runner=drone/drone-runner-aws:latest|exited|x\n");
    // The runner step writes pool.yaml and the key before it starts the container.
    session.onOutput(
        QStringLiteral("cat > /runner/\\.(pool\\.yaml|service-account-key\\.json)\\.tmp && mv -f"),
        {});
    // Replacing the stopped runner removes it first.
    session.onOutput(QStringLiteral("^docker rm -f vm-runner$"), {});
    session.on(QStringLiteral("--name vm-runner"), [runs](const QString &, const QByteArray &) {
        ++*runs;
        return FakeRemoteSession::exited(0);
    });
    session.onOutput(QStringLiteral("healthz"),
                     healthy
                         ? QByteArray("@@state=running|0\n@@log=starting the server\n@@health=OK\n")
                         : QByteArray("@@state=running|0\n@@log=building warm pools\n"));
}

} // namespace

class tst_RunPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runDecideAndShowResult();
    void cancelWhileWaiting();
    void wholeRun();
    void reconnectsForDockerGroup_data();
    void reconnectsForDockerGroup();
    void pageStepPreflightFirstOnlyWhenNeeded();
    void pageStepNeedsPreflight();
    void pageStepRefused();
    void keepRunnerStartedByHand();
};

void tst_RunPanel::runDecideAndShowResult()
{
    FakeRemoteSession session;
    int runs = 0;
    installHost(session, true, &runs);
    Transcript transcript;
    StepContext context(&session, config(), &transcript);
    context.options().pollIntervalMs = 10;

    RunPanel panel;
    panel.setJobFactory([&context](QObject *parent, QString *) {
        return SetupRun::createStep(StepKind::Runner, &context, parent);
    });
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy decided(&panel, &RunPanel::decisionShown);
    QSignalSpy finished(&panel, &RunPanel::finished);

    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    QVERIFY(!panel.runButton()->isEnabled());
    QVERIFY(panel.cancelButton()->isEnabled());
    QVERIFY(decided.wait(3000));
    QVERIFY(panel.decisionBox()->isVisible());
    QCOMPARE(panel.acceptButton()->text(), QStringLiteral("Replace"));
    QCOMPARE(panel.declineButton()->text(), QStringLiteral("Keep"));
    QVERIFY(panel.acceptButton()->isDefault()); // recommended: the runner is not running
    QCOMPARE(runs, 0);                          // nothing changes before the answer
    QTest::qWait(1100);                         // someone reading the question: not working time

    QTest::mouseClick(panel.acceptButton(), Qt::LeftButton);
    QVERIFY(finished.wait(3000));
    QVERIFY2(panel.resultLabel()->text().startsWith(QLatin1String("Done in 0.")),
             qPrintable(panel.resultLabel()->text()));
    QCOMPARE(panel.timerLabel()->text(), QStringLiteral("0:00"));
    QVERIFY(!panel.decisionBox()->isVisible());
    QCOMPARE(runs, 1);
    QVERIFY(panel.lastResult().ok());
    QVERIFY(panel.resultLabel()->isVisible());
    QVERIFY(panel.resultLabel()->text().contains(QLatin1String("health check")));
    QVERIFY(panel.logText().contains(QStringLiteral("→ Replace")));
    QVERIFY(panel.runButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());
    QVERIFY(!panel.timerLabel()->text().isEmpty());
}

void tst_RunPanel::cancelWhileWaiting()
{
    FakeRemoteSession session;
    int runs = 0;
    installHost(session, false, &runs);
    Transcript transcript;
    StepContext context(&session, config(), &transcript);
    context.options().pollIntervalMs = 50;
    RunPanel panel;
    panel.setJobFactory([&context](QObject *parent, QString *) {
        return SetupRun::createStep(StepKind::Runner, &context, parent);
    });
    panel.show();
    QSignalSpy decided(&panel, &RunPanel::decisionShown);
    QSignalSpy finished(&panel, &RunPanel::finished);
    panel.start();
    QVERIFY(decided.wait(3000));
    QTest::mouseClick(panel.acceptButton(), Qt::LeftButton);
    // Waiting for /healthz: the timer says so.
    QTRY_VERIFY_WITH_TIMEOUT(panel.timerLabel()->text().contains(QLatin1String("waiting for")),
                             3000);
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 1000);
    QCOMPARE(panel.lastResult().status, StepResult::Status::Cancelled);
    QVERIFY(panel.runButton()->isEnabled());
}

void tst_RunPanel::wholeRun()
{
    FakeRemoteSession session;
    int runs = 0;
    installHost(session, true, &runs);
    session.onOutput(QStringLiteral("docker version --format"), "20.10\n");
    session.onOutput(QStringLiteral("@@delegate="), "@@image=sha256:d\n");
    // The delegate step's scan for delegates started by hand: none.
    session.onOutput(QStringLiteral("docker ps -aq --no-trunc"), {});
    session.onOutput(QStringLiteral("--name docker-delegate"), "4567ef\n");
    session.onOutput(QStringLiteral("docker logs --tail 400"),
                     "@@state=running|healthy|0\n@@log=Delegate registered with id abc\n");
    Transcript transcript;
    StepContext context(&session, config(), &transcript);
    context.options().pollIntervalMs = 10;
    context.options().checkOutbound = false;
    context.setToken(QStringLiteral("Q0FOQVJZLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI="));
    RunPanel panel;
    panel.setRunFactory([&context](QObject *parent, QString *) {
        return new SetupRun(&context, SetupRun::Mode::Apply, parent);
    });
    panel.show();
    QSignalSpy decided(&panel, &RunPanel::decisionShown);
    QSignalSpy finished(&panel, &RunPanel::finished);
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    QVERIFY(panel.isRunning());
    QVERIFY(decided.wait(3000)); // the stopped runner: keep or replace
    QTest::mouseClick(panel.acceptButton(), Qt::LeftButton);
    QVERIFY(finished.wait(5000));
    QVERIFY2(panel.lastResult().ok(), qPrintable(panel.lastResult().error));
    QCOMPARE(runs, 1);
    QVERIFY(panel.logText().contains(QLatin1String("== Preflight checks")));
    QVERIFY(panel.logText().contains(QLatin1String("== Delegate")));
    QVERIFY(panel.resultLabel()->text().contains(QLatin1String("registered with id abc")));
    QVERIFY(!panel.isRunning());
}

void tst_RunPanel::reconnectsForDockerGroup_data()
{
    QTest::addColumn<bool>("pageRun");
    QTest::newRow("a day-two job") << false;
    QTest::newRow("a page's step (SetupRun)") << true;
}

void tst_RunPanel::reconnectsForDockerGroup()
{
    FakeRemoteSession session;
    bool newSession = false;
    // In the docker group on the VM, but not in this session until it reconnects.
    session.on(QStringLiteral("@@os="), [&](const QString &, const QByteArray &) {
        return FakeRemoteSession::exited(
            0,
            QByteArray("@@os=Linux\n@@arch=x86_64\n@@user=admin\n@@uid=1000\n@@group_docker=admin\n"
                       "@@docker_client=1\n@@runner_dir=1\n@@runner_dir_writable=1\n") +
                (newSession ? "@@groups=admin docker\n@@docker_rc=0\n@@docker_out=20.10\n"
                            : "@@groups=admin\n@@docker_rc=1\n@@docker_out=permission "
                              "denied\n"));
    });
    session.onOutput(QStringLiteral("docker version --format"), "20.10\n");
    session.onOutput(QStringLiteral("docker ps -aq --no-trunc"), {}); // preflight's scan
    Transcript transcript;
    StepContext context(&session, config(), &transcript);
    RunPanel panel;
    QFETCH(bool, pageRun);
    if (pageRun)
        panel.setRunFactory([&context](QObject *parent, QString *) {
            return new SetupRun(&context, StepKind::Docker, parent);
        });
    else
        panel.setJobFactory([&context](QObject *parent, QString *) {
            return SetupRun::createStep(StepKind::Docker, &context, parent);
        });
    int reconnects = 0;
    panel.setReconnect([&](std::function<void(bool, const QString &)> done) {
        ++reconnects;
        newSession = true;
        QTimer::singleShot(0, &panel, [done] { done(true, {}); });
    });
    QSignalSpy finished(&panel, &RunPanel::finished);
    panel.start();
    QVERIFY(finished.wait(3000));
    QCOMPARE(reconnects, 1);
    QVERIFY2(panel.lastResult().ok(), qPrintable(panel.lastResult().error));
    QVERIFY(panel.logText().contains(QLatin1String("Reconnecting")));
    QCOMPARE(context.facts().access, DockerAccess::Direct);
    // A page's step asks the new session again before it runs.
    if (pageRun)
        QCOMPARE(panel.logText().count(QLatin1String("== Preflight checks")), 2);
}

// A page's "Run for me" is a SetupRun of its one step: preflight first while the context does not
// know how Docker is reached, and the page hears preflight's answer before the step builds its
// commands (what the page shows is what runs). Once known, the step runs alone.
void tst_RunPanel::pageStepPreflightFirstOnlyWhenNeeded()
{
    FakeRemoteSession session;
    int runs = 0;
    installHost(session, true, &runs);
    QStringList order;
    session.prepend(QStringLiteral("@@os="), [&order](const QString &, const QByteArray &) {
        order << QStringLiteral("probe");
        return FakeRemoteSession::exited(
            0, "@@os=Linux\n@@arch=x86_64\n@@user=admin\n@@uid=1000\n@@groups=admin docker\n"
               "@@group_docker=admin\n@@docker_client=1\n@@docker_rc=0\n@@docker_out=20.10\n"
               "@@curl=1\n@@runner_dir=1\n@@runner_dir_writable=1\n");
    });
    session.prepend(QStringLiteral("--name vm-runner"), [&](const QString &, const QByteArray &) {
        order << QStringLiteral("runner");
        ++runs;
        return FakeRemoteSession::exited(0);
    });
    session.onOutput(QStringLiteral("docker ps -aq --no-trunc"), {}); // preflight's scan
    Transcript transcript;
    StepContext context(&session, config(), &transcript);
    context.options().pollIntervalMs = 10;
    context.options().checkOutbound = false;
    RunPanel panel;
    QList<QList<StepKind>> planned;
    panel.setRunFactory([&](QObject *parent, QString *) {
        auto *run = new SetupRun(&context, StepKind::Runner, parent);
        connect(run, &SetupRun::stepStarted, run,
                [&planned, run] { planned << run->plannedSteps(); });
        connect(run, &SetupRun::stepFinished, run, [&order](const StepResult &result) {
            if (result.step == StepKind::Preflight)
                order << QStringLiteral("page follows preflight");
        });
        return run;
    });
    // The stopped runner: replace it, each time.
    connect(&panel, &RunPanel::decisionShown, &panel, [&panel] {
        QTimer::singleShot(0, &panel, [&panel] { panel.acceptButton()->click(); });
    });
    QSignalSpy finished(&panel, &RunPanel::finished);
    panel.start();
    QVERIFY(finished.wait(3000));
    QVERIFY2(panel.lastResult().ok(), qPrintable(panel.lastResult().error));
    QCOMPARE(planned.first(), (QList<StepKind>{StepKind::Preflight, StepKind::Runner}));
    QCOMPARE(order, (QStringList{QStringLiteral("probe"), QStringLiteral("page follows preflight"),
                                 QStringLiteral("runner")}));
    QVERIFY(panel.logText().contains(QLatin1String("== Preflight checks")));
    QCOMPARE(panel.lastResult().step, StepKind::Runner);

    // Run again: the facts are known, so the step runs alone and the VM is not probed again.
    order.clear();
    planned.clear();
    panel.start();
    QVERIFY(finished.wait(3000));
    QVERIFY2(panel.lastResult().ok(), qPrintable(panel.lastResult().error));
    QCOMPARE(planned.first(), QList<StepKind>{StepKind::Runner});
    QVERIFY2(!order.contains(QStringLiteral("probe")), qPrintable(order.join(u',')));
    QVERIFY(!panel.logText().contains(QLatin1String("== Preflight checks")));
    QVERIFY(!panel.logText().contains(QLatin1String("== "))); // the page's step speaks alone
}

// What makes a page's step run preflight first.
void tst_RunPanel::pageStepNeedsPreflight()
{
    FakeRemoteSession session;
    Transcript transcript;
    StepContext context(&session, config(), &transcript);
    for (StepKind kind :
         {StepKind::Docker, StepKind::Runner, StepKind::Delegate, StepKind::Uninstall})
        QVERIFY2(SetupRun::needsPreflight(kind, context), qPrintable(stepKey(kind)));
    QVERIFY(!SetupRun::needsPreflight(StepKind::Preflight, context));

    context.facts().access = DockerAccess::Direct;
    context.setFactsKnown(true);
    context.options().checkOutbound = true;
    QVERIFY(!SetupRun::needsPreflight(StepKind::Runner, context));
    // The manager was not asked from the VM (no account id on the Runner page): the delegate
    // needs that answer, the other steps do not.
    QCOMPARE(context.facts().managerHttpStatus, -1);
    QVERIFY(SetupRun::needsPreflight(StepKind::Delegate, context));
    QVERIFY(!SetupRun::needsPreflight(StepKind::Uninstall, context));
    context.options().checkOutbound = false; // offline: nothing to ask
    QVERIFY(!SetupRun::needsPreflight(StepKind::Delegate, context));
    context.options().checkOutbound = true;
    context.facts().managerHttpStatus = 200;
    QVERIFY(!SetupRun::needsPreflight(StepKind::Delegate, context));
    // Added to the docker group, not yet in this session: a new session must be asked again.
    context.facts().access = DockerAccess::GroupPending;
    QVERIFY(SetupRun::needsPreflight(StepKind::Docker, context));
}

// A page that refuses to run (the pool editor could not save) says why, and nothing runs.
void tst_RunPanel::pageStepRefused()
{
    FakeRemoteSession session;
    Transcript transcript;
    StepContext context(&session, config(), &transcript);
    RunPanel panel;
    panel.setRunFactory([](QObject *, QString *whyNot) -> SetupRun * {
        *whyNot = QStringLiteral("Disk full. Nothing was run.");
        return nullptr;
    });
    QSignalSpy finished(&panel, &RunPanel::finished);
    panel.start();
    QCOMPARE(finished.size(), 1);
    QVERIFY(!panel.isRunning());
    QVERIFY(!panel.lastResult().ok());
    QCOMPARE(panel.lastResult().error, QStringLiteral("Disk full. Nothing was run."));
    QVERIFY(panel.resultLabel()->text().contains(QLatin1String("Disk full")));
    QVERIFY(panel.runButton()->isEnabled());
    QVERIFY(session.commands().isEmpty());
}

// A runner started by hand (the seed's command, no --name): the panel shows what each answer
// runs, and "Keep as vm-runner" renames it instead of starting a second runner.
void tst_RunPanel::keepRunnerStartedByHand()
{
    FakeRemoteSession session;
    int runs = 0;
    installHost(session, true, &runs);
    const QByteArray found =
        "@@container={\"Id\":\"3f2a1b0c9d8e00000000000000000000000000000000000000000000000000aa\","
        "\"Name\":\"/eager_turing\",\"Created\":\"2026-01-02T03:04:05Z\","
        "\"Image\":\"drone/drone-runner-aws:latest\",\"ImageId\":\"x\",\"State\":\"running\","
        "\"Health\":\"\",\"Hostname\":\"vm-runner\",\"Restart\":\"no\","
        "\"Cmd\":[\"delegate\",\"--pool\",\"/runner/pool.yaml\"],\"Networks\":{\"harness\":{}},"
        "\"Ports\":{\"3000/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"3000\"}]},"
        "\"Mounts\":[{\"Source\":\"/runner\",\"Destination\":\"/runner\"}],\"Env\":[\"\"]}\n";
    // The admin wrote the same pool.yaml and key there.
    const PreparedPool prepared = preparePool(config());
    const auto sha = [](const QByteArray &data) {
        return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    };
    const QByteArray files = "@@pool=" + sha(prepared.content) +
                             "  /runner/pool.yaml\n@@key=" + sha(prepared.keyContent) +
                             "  /runner/service-account-key.json\n";
    session.prepend(QStringLiteral("@@dir=1"), [found, files](const QString &, const QByteArray &) {
        return FakeRemoteSession::exited(0, "@@dir=1\n@@network=1\n" + files + found);
    });
    QStringList renamed;
    session.prepend(QStringLiteral("docker rename "),
                    [&renamed](const QString &command, const QByteArray &) {
                        renamed << command;
                        return FakeRemoteSession::exited(0);
                    });
    Transcript transcript;
    StepContext context(&session, config(), &transcript);
    context.options().pollIntervalMs = 10;
    RunPanel panel;
    panel.setJobFactory([&context](QObject *parent, QString *) {
        return SetupRun::createStep(StepKind::Runner, &context, parent);
    });
    panel.show();
    QSignalSpy decided(&panel, &RunPanel::decisionShown);
    QSignalSpy finished(&panel, &RunPanel::finished);
    panel.start();
    QVERIFY(decided.wait(3000));
    const Decision decision = decided.first().first().value<Decision>();
    QCOMPARE(decision.kind, Decision::Kind::ReplaceFoundRunner);
    QCOMPARE(panel.acceptButton()->text(), QStringLiteral("Replace"));
    QCOMPARE(panel.declineButton()->text(), QStringLiteral("Keep as vm-runner"));
    // Like ours, running, same files: keeping it is recommended.
    QVERIFY2(panel.declineButton()->isDefault(), qPrintable(panel.decisionDetails()));
    const QString details = panel.decisionDetails();
    QVERIFY2(details.contains(QLatin1String("eager_turing")), qPrintable(details));
    QVERIFY(details.contains(QLatin1String("\"Replace\" runs:\n$ docker rm -f 3f2a1b0c9d8e")));
    QVERIFY(details.contains(QLatin1String("\"Keep as vm-runner\" runs:\n$ docker rename "
                                           "3f2a1b0c9d8e vm-runner && docker update --restart "
                                           "unless-stopped vm-runner")));

    QTest::mouseClick(panel.declineButton(), Qt::LeftButton);
    QVERIFY(finished.wait(3000));
    QVERIFY2(panel.lastResult().ok(), qPrintable(panel.lastResult().error));
    QCOMPARE(renamed.size(), 1);
    QCOMPARE(runs, 0); // no second runner
    QVERIFY(panel.logText().contains(QStringLiteral("→ Keep as vm-runner")));
    QVERIFY(panel.resultLabel()->text().contains(QLatin1String("Kept the runner started by hand")));
}

QTEST_MAIN(tst_RunPanel)
#include "tst_RunPanel.moc"
