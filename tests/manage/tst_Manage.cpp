// core/manage without a VM: the line diff, the status probe's parsing and verdicts, the script's
// sudo wiring, log lines classified, the running delegate read back, and the upgrade's question
// and secrecy over a strict fake session.

#include "../steps/FakeHost.h"
#include "../steps/FakeRemoteSession.h"

#include "manage/ContainerLogsJob.h"
#include "manage/DelegateUpgradeJob.h"
#include "manage/LineDiff.h"
#include "manage/RunningDelegate.h"
#include "manage/StatusJob.h"
#include "manage/UpgraderJob.h"
#include "plan/CommandBuilder.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace gs;
using namespace gs::manage;
using namespace gs::test;

namespace {

const QByteArray kToken = "TUFOQUdFLXVuaXQtY2FuYXJ5LTAxMjM0NTY3ODlhYmM=";

QByteArray healthyOutput()
{
    QByteArray pool = "version: \"1\"\ninstances: []\n";
    return "@@server=20.10.24\n"
           "@@c=/vm-runner|running||drone/drone-runner-aws:latest|sha256:aaa|"
           "2026-12-01T09:00:00.1Z|0|runner\n"
           "@@c=/docker-delegate|running|healthy|reg/delegate:26.11.90210|sha256:bbb|"
           "2026-12-01T09:00:05.1Z|0|delegate\n"
           "@@rlog=time=x level=info msg=\"starting the server\"\n"
           "@@dlog=INFO Delegate registered with id abc123\n"
           "@@dreg=2026-12-01 INFO Delegate registered with id abc123\n"
           "@@netc=vm-runner\n@@netc=docker-delegate\n@@net=present\n"
           "@@health=OK\n"
           "@@pool64=" +
           pool.toBase64() +
           "\n"
           "@@img=sha256:aaa|2026-11-30T10:00:00Z|drone/drone-runner-aws@sha256:ddd,\n";
}

SetupConfig config()
{
    SetupConfig c;
    c.delegate.name = QStringLiteral("docker-delegate");
    c.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
    c.runner.directory = QStringLiteral("/runner");
    return c;
}

} // namespace

class tst_Manage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diffEqualIsEmpty()
    {
        QVERIFY(
            unifiedDiff(QStringLiteral("a\nb\n"), QStringLiteral("a\nb\n"), "x", "y").isEmpty());
    }

    void diffAddedLine()
    {
        QString before;
        for (int i = 1; i <= 16; ++i)
            before += QStringLiteral("line %1\n").arg(i);
        const QString after = before + QStringLiteral("# new\n");
        const QStringList diff =
            unifiedDiff(before, after, QStringLiteral("vm"), QStringLiteral("local"));
        QCOMPARE(diff, (QStringList{"--- vm", "+++ local", "@@ -14,3 +14,4 @@", " line 14",
                                    " line 15", " line 16", "+# new"}));
    }

    void diffChangedLineInTheMiddle()
    {
        const QStringList diff =
            unifiedDiff(QStringLiteral("a\nb\nc\nd\ne\nf\ng\nh\ni\n"),
                        QStringLiteral("a\nb\nc\nd\nE\nf\ng\nh\ni\n"), "x", "y");
        QCOMPARE(diff, (QStringList{"--- x", "+++ y", "@@ -2,7 +2,7 @@", " b", " c", " d", "-e",
                                    "+E", " f", " g", " h"}));
    }

    void diffTwoHunksAndTheFinalNewline()
    {
        QString before, after;
        for (int i = 0; i < 30; ++i) {
            before += QStringLiteral("%1\n").arg(i);
            after += (i == 2 || i == 25) ? QStringLiteral("x%1\n").arg(i)
                                         : QStringLiteral("%1\n").arg(i);
        }
        const QStringList diff = unifiedDiff(before, after, "a", "b");
        QCOMPARE(diff.filter(QRegularExpression(QStringLiteral("^@@"))).size(), 2);
        QCOMPARE(unifiedDiff(QStringLiteral("a\nb"), QStringLiteral("a\nb\n"), "a", "b").size(), 3);
    }

    void diffTooLargeShowsBothSidesWhole()
    {
        const QStringList diff = unifiedDiff(
            QStringLiteral("a\nb\nc\n"), QStringLiteral("x\ny\nz\n"), "a", "b", 3, /*maxCells*/ 4);
        QCOMPARE(diff.mid(2), (QStringList{"@@ -1,3 +1,3 @@", "-a", "-b", "-c", "+x", "+y", "+z"}));
    }

    void statusHealthy()
    {
        VmStatus status;
        StatusJob::parse(healthyOutput(), config(), &status);
        QVERIFY2(status.problems().isEmpty(), qPrintable(status.problems().join('\n')));
        QVERIFY(status.runnerHealthy());
        QVERIFY(status.delegateHealthy());
        QCOMPARE(status.delegateId, QStringLiteral("abc123"));
        QCOMPARE(status.runner.label, QStringLiteral("runner"));
        QCOMPARE(status.runner.imageCreated, QStringLiteral("2026-11-30T10:00:00Z"));
        QCOMPARE(status.runner.digest, QStringLiteral("drone/drone-runner-aws@sha256:ddd"));
        QCOMPARE(status.poolOnVm, QByteArray("version: \"1\"\ninstances: []\n"));
        QCOMPARE(status.exitCode(), 0);
        const QJsonObject json = status.toJson();
        QCOMPARE(json.value("healthy").toBool(), true);
        QCOMPARE(json.value("delegate").toObject().value("image_tag").toString(),
                 QStringLiteral("26.11.90210"));
        QVERIFY(!json.contains("docker_problem"));
    }

    void statusNamesWhatIsDown_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("problem");
        QTest::newRow("runner stopped")
            << QByteArray("/vm-runner|running|") << QByteArray("/vm-runner|exited|")
            << QStringLiteral("vm-runner) is exited");
        QTest::newRow("runner not answering")
            << QByteArray("@@health=OK") << QByteArray("@@health=")
            << QStringLiteral("does not answer its health check");
        QTest::newRow("delegate unhealthy")
            << QByteArray("|running|healthy|") << QByteArray("|running|unhealthy|")
            << QStringLiteral("reports unhealthy");
        QTest::newRow("delegate gone")
            << QByteArray("@@c=/docker-delegate") << QByteArray("@@x=/docker-delegate")
            << QStringLiteral("(docker-delegate) is not on the VM");
        QTest::newRow("no network") << QByteArray("@@net=present") << QByteArray("@@nonet=1")
                                    << QStringLiteral("harness network is missing");
        QTest::newRow("delegate off the network")
            << QByteArray("@@netc=docker-delegate") << QByteArray("@@x=1")
            << QStringLiteral("docker-delegate is not attached");
        QTest::newRow("invalid token logged")
            << QByteArray("@@dlog=INFO Delegate registered with id abc123")
            << QByteArray("@@dlog=ERROR Delegate used invalid token. Self destruct procedure will "
                          "be initiated.")
            << QStringLiteral("The delegate logged:");
    }

    void statusNamesWhatIsDown()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, problem);
        QByteArray output = healthyOutput();
        QVERIFY(output.contains(from));
        output.replace(from, to);
        VmStatus status;
        StatusJob::parse(output, config(), &status);
        const QString problems = status.problems().join('\n');
        QVERIFY2(problems.contains(problem), qPrintable(problems));
        QCOMPARE(status.exitCode(), 1);
        QVERIFY(status.toJson().value("problems").toArray().size() >= 1);
    }

    void statusDockerNotReachable_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("says");
        QTest::newRow("no docker")
            << QByteArray("@@docker=missing\n") << QStringLiteral("not installed");
        QTest::newRow("no access") << QByteArray("@@docker=no-access\n") << QStringLiteral("sudo");
        QTest::newRow("daemon down")
            << QByteArray("@@c=/vm-runner|running\n") << QStringLiteral("daemon");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("daemon");
    }

    void statusDockerNotReachable()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, says);
        VmStatus status;
        StatusJob::parse(output, config(), &status);
        QVERIFY2(status.dockerProblem.contains(says), qPrintable(status.dockerProblem));
        QCOMPARE(status.exitCode(), 1);
        QCOMPARE(status.lines(), QStringList{status.dockerProblem});
    }

    void statusWarnsWithoutBeingDown()
    {
        QByteArray output = healthyOutput();
        output.replace("reg/delegate:26.11.90210", "reg/delegate:25.03.85504");
        output.replace(QByteArray("@@pool64="), QByteArray("@@poolerr=unreadable\n@@old="));
        VmStatus status;
        StatusJob::parse(output, config(), &status);
        QCOMPARE(status.exitCode(), 0);
        const QString warnings = status.warnings().join('\n');
        QVERIFY2(warnings.contains(QLatin1String("25.03.85504")), qPrintable(warnings));
        QVERIFY2(warnings.contains(QLatin1String("/runner/pool.yaml")), qPrintable(warnings));
    }

    void statusScriptWiresAPasswordFedSudo()
    {
        // With a sudo password every docker and file command of the probe reads it (sudo -S):
        // none may be hidden behind a `{ ` where the wiring cannot see it.
        FakeRemoteSession session;
        steps::Transcript transcript;
        steps::StepContext context(&session, config(), &transcript);
        context.facts().access = steps::DockerAccess::SudoPassword;
        context.facts().sudoPasswordAccepted = true;
        context.setFactsKnown(true);
        context.setSudoPassword(QByteArray("pw"));
        const QString script = StatusJob::script(context.config(), context.builder(), false);
        const QString wired = context.wireScript(script);
        QVERIFY(script.count(QLatin1String("sudo docker ")) >= 7);
        QCOMPARE(wired.count(QLatin1String("sudo docker ")), 0);
        QCOMPARE(wired.count(QLatin1String("sudo -S -p '' docker ")),
                 script.count(QLatin1String("sudo docker ")));
        QVERIFY(
            !wired.contains(QLatin1String(" &\n"))); // one after the other: sudo caches per shell
        // Decided on the VM: no password, sides by side.
        const QString onVm = StatusJob::script(config());
        QVERIFY(onVm.contains(QLatin1String("D='sudo -n docker'")));
        QVERIFY(onVm.contains(QLatin1String(" &\n")));
    }

    void logLinesClassified()
    {
        const LogLine bad = ContainerLogsJob::classify(
            ManagedContainer::Delegate,
            QStringLiteral(
                "ERROR Delegate used invalid token. Self destruct procedure will be initiated."));
        QCOMPARE(bad.code, QStringLiteral("delegate.invalid-token"));
        QVERIFY(bad.fatal);
        QVERIFY(!bad.meaning.isEmpty());
        const LogLine ok = ContainerLogsJob::classify(ManagedContainer::Delegate,
                                                      QStringLiteral("INFO Registering delegate"));
        QVERIFY(ok.code.isEmpty());
        QVERIFY(ok.meaning.isEmpty());
        const LogLine runner = ContainerLogsJob::classify(
            ManagedContainer::Runner,
            QStringLiteral("level=fatal msg=\"unable to process pool file\" error=\"x\""));
        QVERIFY(!runner.code.isEmpty());
    }

    void runningDelegateRead()
    {
        const RunningDelegate d = RunningDelegateProbe::parse(
            "@@delegate.state=running\n@@delegate.image=reg/delegate:25.03.85504\n"
            "@@delegate.env=DELEGATE_NAME=docker-delegate\n@@delegate.env=ACCOUNT_ID=acc=1\n"
            "@@delegate.env=MANAGER_HOST_AND_PORT=https://app.harness.io/gratis\n"
            "@@delegate.env=DELEGATE_TAGS=gitspaces, gcp\n@@delegate.token=present\n");
        QVERIFY(d.present);
        QCOMPARE(d.accountId, QStringLiteral("acc=1")); // only the first '=' separates
        QCOMPARE(d.manager, QStringLiteral("https://app.harness.io/gratis"));
        QCOMPARE(d.tags, (QStringList{"gitspaces", "gcp"}));
        QVERIFY(d.hasToken);
        QVERIFY(!RunningDelegateProbe::parse("@@delegate.state=\n").present);
        // The token's own probe prints the value and nothing else, filtered on the VM.
        const QString script =
            RunningDelegateProbe::tokenScript(CommandBuilder(config()), "docker-delegate");
        QVERIFY(script.contains(QLatin1String("sed -n 's/^DELEGATE_TOKEN=//p'")));
        // The inspect prints DELEGATE_TOKEN's presence, not its value: `{{.}}` (an entry whole)
        // stands only in the branch of the names that are kept.
        const QString inspect =
            RunningDelegateProbe::inspectScript(CommandBuilder(config()), "docker-delegate");
        QVERIFY(inspect.contains(QLatin1String("\"DELEGATE_TOKEN\"}}@@delegate.token=present")));
        QCOMPARE(inspect.count(QLatin1String("{{.}}")), 1);
        QVERIFY(inspect.contains(QLatin1String("\"DELEGATE_TAGS\"}}@@delegate.env={{.}}")));
    }

    void upgraderCommandTakesTheTokenOnStdin()
    {
        const QString command = UpgraderJob::runCommand(CommandBuilder(config()));
        QVERIFY(command.contains(QLatin1String("--env-file /dev/stdin")));
        QVERIFY(command.contains(QLatin1String("UPGRADER_WORKLOAD_NAME=docker-delegate")));
        QVERIFY(command.contains(QLatin1String("io.harness.gitspaces-setup=upgrader")));
        QVERIFY(!command.contains(QLatin1String("UPGRADER_TOKEN=")));
    }

    void upgradeAsksAndKeepsTheTokenOutOfTheTranscript_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::newRow("declined") << false;
        QTest::newRow("accepted, image cannot be pulled") << true;
    }

    void upgradeAsksAndKeepsTheTokenOutOfTheTranscript()
    {
        QFETCH(bool, accept);
        FakeRemoteSession session;
        FakeHost host;
        host.install(&session);
        session.prepend(
            QStringLiteral("@@delegate.state="), [](const QString &, const QByteArray &) {
                return FakeRemoteSession::exited(
                    0, "@@delegate.state=running\n@@delegate.image=reg/delegate:25.03.85504\n"
                       "@@delegate.env=DELEGATE_NAME=docker-delegate\n"
                       "@@delegate.env=ACCOUNT_ID=6_vVHzo9Qeu9fXvj-AcQCb\n"
                       "@@delegate.token=present\n");
            });
        session.prepend(QStringLiteral("s/\\^DELEGATE_TOKEN=//p"),
                        [](const QString &, const QByteArray &) {
                            return FakeRemoteSession::exited(0, kToken + '\n');
                        });
        session.prepend(QStringLiteral("docker pull"), [](const QString &, const QByteArray &) {
            return FakeRemoteSession::exited(1, {}, "manifest unknown\n");
        });
        steps::Transcript transcript;
        steps::StepContext context(&session, config(), &transcript);
        DelegateUpgradeJob job(&context);
        job.setTag(QStringLiteral("26.11.90210"));
        QSignalSpy asked(&job, &steps::StepJob::decisionNeeded);
        QSignalSpy finished(&job, &steps::StepJob::finished);
        job.start();
        QVERIFY(asked.wait(3000));
        const steps::Decision decision = asked.first().first().value<steps::Decision>();
        QCOMPARE(decision.kind, steps::Decision::Kind::ConfirmUpgrade);
        QVERIFY(decision.details.contains(QLatin1String("reg/delegate:26.11.90210")));
        QVERIFY(decision.commands.join('\n').contains(QLatin1String("--env-file /dev/stdin")));
        job.decide(accept);
        QVERIFY(finished.wait(3000));
        QVERIFY(!job.result().ok());
        QCOMPARE(job.result().status,
                 accept ? steps::StepResult::Status::Failed : steps::StepResult::Status::Cancelled);
        if (accept)
            QVERIFY2(job.result().error.contains(QLatin1String("left as it is")),
                     qPrintable(job.result().error));
        // The old delegate was never removed, and the token is nowhere in the transcript.
        for (const QString &command : session.commands())
            QVERIFY2(!command.contains(QLatin1String("docker rm")), qPrintable(command));
        const QString text = transcript.toText();
        QVERIFY(text.contains(QLatin1String("manage.upgrade.token")));
        QVERIFY(text.contains(QLatin1String("not recorded")));
        QVERIFY(!text.contains(QString::fromLatin1(kToken)));
        QVERIFY(session.unmatched.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Manage)
#include "tst_Manage.moc"
