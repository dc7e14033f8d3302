#include "RunnerStep.h"

#include "ContainerDrift.h"
#include "ContainerScan.h"
#include "HostProbe.h"
#include "LogDiagnosis.h"
#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>

namespace gs::steps {

static QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

RunnerStep::RunnerStep(StepContext *context, QObject *parent)
    : StepJob(StepKind::Runner, context, parent)
{}

void RunnerStep::run()
{
    ensureFacts([this] {
        const HostFacts &facts = context()->facts();
        if (facts.access == DockerAccess::GroupPending) {
            needReconnect(tr("Reconnecting so the docker group applies…"));
            return;
        }
        if (facts.access == DockerAccess::None) {
            fail(tr("Docker cannot be used by %1; run the preflight checks for what to do.")
                     .arg(facts.user));
            return;
        }
        if (m_verifyOnly) {
            m_plan = context()->builder().runner();
            waitHealthy();
            return;
        }
        const QString directoryProblem = HostProbe::runnerDirectoryProblem(
            facts, context()->config().runner.directory, context()->hasSudoPassword());
        if (!directoryProblem.isEmpty()) {
            fail(directoryProblem);
            return;
        }
        preparePoolFile();
    });
}

void RunnerStep::preparePoolFile()
{
    PreparedPool &pool = context()->pool();
    pool = preparePool(context()->config());
    if (!pool.readError.isEmpty()) {
        fail(pool.readError);
        return;
    }
    m_plan = context()->builder().runner();
    if (pool.errorCount == 0) {
        inspect();
        return;
    }
    const QString summary =
        tr("%n error(s) in the pool file: the runner would refuse it.", "", pool.errorCount);
    if (context()->options().allowPoolErrors) {
        warn(summary + QLatin1Char(' ') + tr("Uploading it anyway, as asked."));
        inspect();
        return;
    }
    Decision decision;
    decision.kind = Decision::Kind::UsePoolWithErrors;
    decision.question = summary + QLatin1Char(' ') + tr("Upload it anyway?");
    decision.details = pool.diagnostics.join(QLatin1Char('\n'));
    decision.acceptLabel = tr("Upload anyway");
    decision.declineLabel = tr("Fix the file first");
    decision.recommendAccept = false;
    ask(decision, [this, summary](bool accept) {
        if (!accept) {
            fail(summary + QLatin1Char(' ') +
                     tr("Fix them (the Prerequisites page shows each one) and run again."),
                 context()->pool().diagnostics);
            return;
        }
        warn(tr("Uploading a pool file with errors, as you asked."));
        inspect();
    });
}

void RunnerStep::inspect()
{
    const CommandBuilder builder = context()->builder();
    const QString dir = context()->config().runner.directory;
    const auto p = [&](const QString &command) {
        return builder.dockerCommand(command);
    };
    const auto f = [&](const QString &command) {
        return builder.fileCommand(command);
    };
    QStringList lines;
    lines << f(QStringLiteral("test -d ") + shellQuote(dir)) + QStringLiteral(" && echo @@dir=1");
    lines << f(QStringLiteral("sha256sum ") + shellQuote(builder.remotePoolPath())) +
                 QStringLiteral(" 2>/dev/null | sed 's/^/@@pool=/'");
    if (!builder.remoteKeyPath().isEmpty())
        lines << f(QStringLiteral("sha256sum ") + shellQuote(builder.remoteKeyPath())) +
                     QStringLiteral(" 2>/dev/null | sed 's/^/@@key=/'");
    // A key pool.yaml expects on the VM while none goes up: is it there, root's only?
    if (const QString probe = expectedKeyProbe(context()->pool(), dir, f); !probe.isEmpty())
        lines << probe;
    lines << p(QStringLiteral("docker network inspect harness")) +
                 QStringLiteral(" >/dev/null 2>&1 && echo @@network=1");
    lines << p(QStringLiteral("docker inspect -f '{{.Config.Image}}|{{.State.Status}}|{{.Image}}' "
                              "vm-runner")) +
                 QStringLiteral(" 2>/dev/null | sed 's/^/@@runner=/'");
    lines << p(QStringLiteral("docker image inspect -f '{{.Id}}' ") +
               shellQuote(context()->config().runner.image)) +
                 QStringLiteral(" 2>/dev/null | sed 's/^/@@image=/'");
    lines << ContainerDrift::inspectScript(builder, QStringLiteral("vm-runner"),
                                           QStringLiteral("runner-settings"), false);
    lines << ContainerScan::script(builder);
    lines << QStringLiteral("true");
    say(tr("Looking at what is already on the VM…"));
    exec(QStringLiteral("check.runner"), lines.join(QLatin1Char('\n')),
         [this](const remote::CommandResult &result) {
             if (!result.succeeded()) {
                 failCommand(tr("Inspecting the VM"), result);
                 return;
             }
             m_state = probeValues(result.stdOut);
             ContainerScan::record(result.stdOut, context()->config(), &context()->facts());
             m_keyStat = probeValueList(result.stdOut, QStringLiteral("keystat"));
             ensureDirectory();
         });
}

void RunnerStep::ensureDirectory()
{
    const QString dir = context()->config().runner.directory;
    if (m_state.contains(QStringLiteral("dir"))) {
        noteAlreadyThere(tr("Runner directory %1").arg(dir));
        ensurePool();
        return;
    }
    PlannedCommand command;
    if (!planned(m_plan, QStringLiteral("runner.directory"), &command))
        return;
    execPlanned(command, [this, dir](const remote::CommandResult &result) {
        if (!result.succeeded()) {
            failCommand(tr("Creating %1").arg(dir), result);
            return;
        }
        noteDone(tr("Created %1").arg(dir));
        ensurePool();
    });
}

void RunnerStep::ensurePool()
{
    const PreparedPool &pool = context()->pool();
    const QString remote = m_state.value(QStringLiteral("pool")).section(QLatin1Char(' '), 0, 0);
    const QString path = context()->builder().remotePoolPath();
    if (remote == sha256(pool.content)) {
        noteAlreadyThere(tr("%1 is up to date (%n pool(s))", "", pool.poolCount).arg(path));
        ensureKey();
        return;
    }
    PlannedCommand command;
    if (!planned(m_plan, QStringLiteral("runner.pool"), &command))
        return;
    ExecOptions options;
    options.stdinData = pool.content;
    options.stdinNote = tr("%1 (%2 bytes)")
                            .arg(QFileInfo(context()->config().runner.poolFile).fileName())
                            .arg(pool.content.size());
    execPlanned(
        command,
        [this, path, remote](const remote::CommandResult &result) {
            if (!result.succeeded()) {
                failCommand(tr("Writing %1").arg(path), result);
                return;
            }
            m_filesChanged = true;
            const PreparedPool &written = context()->pool();
            noteDone((remote.isEmpty()
                          ? tr("Uploaded %1 (%n pool(s), mode 0600)", "", written.poolCount)
                          : tr("Updated %1 (%n pool(s), mode 0600)", "", written.poolCount))
                         .arg(path));
            for (const QString &rewrite : written.rewrites)
                noteDone(
                    tr("Rewrote %1 so the runner finds the key inside the container").arg(rewrite));
            ensureKey();
        },
        options);
}

void RunnerStep::ensureKey()
{
    const PreparedPool &pool = context()->pool();
    const QString path = context()->builder().remoteKeyPath();
    if (pool.keyFile.isEmpty() || path.isEmpty()) {
        for (const QString &problem :
             expectedKeyProblems(pool, context()->config().runner.directory, m_keyStat))
            caveat(problem);
        ensureNetwork();
        return;
    }
    const QString remote = m_state.value(QStringLiteral("key")).section(QLatin1Char(' '), 0, 0);
    if (remote == sha256(pool.keyContent)) {
        noteAlreadyThere(tr("Service-account key %1 is up to date").arg(path));
        ensureNetwork();
        return;
    }
    PlannedCommand command;
    if (!planned(m_plan, QStringLiteral("runner.key"), &command))
        return;
    ExecOptions options;
    options.stdinData = pool.keyContent;
    options.stdinNote =
        tr("the service-account key (%1 bytes, not shown)").arg(pool.keyContent.size());
    execPlanned(
        command,
        [this, path](const remote::CommandResult &result) {
            if (!result.succeeded()) {
                failCommand(tr("Writing the service-account key"), result);
                return;
            }
            m_filesChanged = true;
            noteDone(tr("Uploaded the service-account key to %1 (mode 0600)").arg(path));
            ensureNetwork();
        },
        options);
}

void RunnerStep::ensureNetwork()
{
    if (m_state.contains(QStringLiteral("network"))) {
        noteAlreadyThere(tr("Docker network \"harness\""));
        ensureContainer();
        return;
    }
    PlannedCommand command;
    if (!planned(m_plan, QStringLiteral("runner.network"), &command))
        return;
    execPlanned(command, [this](const remote::CommandResult &result) {
        if (!result.succeeded()) {
            failCommand(tr("Creating the harness network"), result);
            return;
        }
        noteDone(tr("Created the Docker network \"harness\""));
        ensureContainer();
    });
}

void RunnerStep::ensureContainer()
{
    if (!context()->facts().foundRunners.isEmpty()) {
        adoptOrReplace();
        return;
    }
    const QString existing = m_state.value(QStringLiteral("runner"));
    if (existing.isEmpty()) {
        startContainer(false);
        return;
    }
    const QStringList parts = existing.split(QLatin1Char('|'));
    // The runner has no health check: its probe gives image, state and image id.
    const ExistingContainer container{parts.value(0), parts.value(1), QString(), parts.value(2)};
    const QString status = container.status;
    PlannedCommand remove, runCommand;
    if (!planned(m_plan, QStringLiteral("runner.remove"), &remove) ||
        !planned(m_plan, QStringLiteral("runner.run"), &runCommand))
        return;
    QStringList extraReasons = drift(m_state, QStringLiteral("runner-settings"), runCommand);
    if (m_filesChanged)
        extraReasons << tr("pool.yaml changed, and the runner reads it only at start");
    const Decision decision =
        keepOrReplace(Decision::Kind::ReplaceRunner,
                      tr("A runner container (vm-runner) already exists. Keep it or replace it?"),
                      container, context()->config().runner.image,
                      m_state.value(QStringLiteral("image")), extraReasons, remove, runCommand);
    ask(decision, [this, status, extraReasons](bool replace) {
        if (replace) {
            startContainer(true);
            return;
        }
        keepContainer({QStringLiteral("vm-runner"), status, QStringLiteral("runner.start"),
                       tr("Runner container vm-runner (kept)"), tr("Starting the kept runner"),
                       tr("Started the kept runner container"), extraReasons},
                      [this] { waitHealthy(); });
    });
}

void RunnerStep::adoptOrReplace()
{
    // The plan now holds runner.adopt and runner.remove-found for what the scan found.
    m_plan = context()->builder().runner();
    const QList<FoundContainer> found = context()->facts().foundRunners;
    const FoundContainer best = found.first();
    PlannedCommand adopt, removeFound, remove, runCommand;
    if (!planned(m_plan, QStringLiteral("runner.adopt"), &adopt) ||
        !planned(m_plan, QStringLiteral("runner.remove-found"), &removeFound) ||
        !planned(m_plan, QStringLiteral("runner.remove"), &remove) ||
        !planned(m_plan, QStringLiteral("runner.run"), &runCommand))
        return;
    // A vm-runner of ours as well (say, one that could not get port 3000): it gives way either
    // way, so there is only ever one runner.
    const bool oursToo = m_state.contains(QStringLiteral("runner"));
    QStringList keep, replace{removeFound.script};
    if (oursToo) {
        keep << remove.script;
        replace << remove.script;
    }
    keep << adopt.script;
    if (!best.isRunning())
        keep << context()->dockerCommand(QStringLiteral("docker start vm-runner"));
    replace << runCommand.script;
    QStringList concerns = ContainerScan::runnerConcerns(best, context()->config());
    if (m_filesChanged)
        concerns << tr("pool.yaml changed, and the runner reads it only at start");
    const Decision decision = keepOrReplaceFound(
        Decision::Kind::ReplaceFoundRunner,
        tr("A runner started by hand is on the VM: %1. Keep it (renamed vm-runner, so this setup "
           "manages it from now on) or replace it?")
            .arg(ContainerScan::describe(best)),
        best, int(found.size()), context()->config().runner.image,
        m_state.value(QStringLiteral("image")), concerns, replace, keep,
        QLatin1String(Names::RunnerContainer));
    ask(decision, [this, best, oursToo, adopt, removeFound, remove,
                   copies = int(found.size())](bool replacing) {
        if (replacing) {
            execPlanned(removeFound, [this, oursToo, copies](const remote::CommandResult &result) {
                if (!result.succeeded()) {
                    failCommand(tr("Removing the runner started by hand"), result);
                    return;
                }
                context()->facts().foundRunners.clear();
                noteDone(tr("Removed the runner(s) started by hand (%n container(s))", "", copies));
                startContainer(oursToo);
            });
            return;
        }
        const auto adoptIt = [this, best, adopt, copies] {
            execPlanned(adopt, [this, best, copies](const remote::CommandResult &result) {
                if (!result.succeeded()) {
                    failCommand(tr("Renaming the runner started by hand to vm-runner"), result);
                    return;
                }
                context()->facts().foundRunners.clear();
                noteDone(tr("Kept the runner started by hand (%1): it is vm-runner now and "
                            "restarts with the VM")
                             .arg(best.name));
                if (copies > 1)
                    noteDone(tr("Removed %n other runner(s) started by hand", "", copies - 1));
                keepContainer(
                    {QStringLiteral("vm-runner"), best.status, QStringLiteral("runner.start"),
                     tr("Runner container vm-runner (adopted)"), tr("Starting the kept runner"),
                     tr("Started the kept runner container")},
                    [this] { waitHealthy(); });
            });
        };
        removeFirstIf(oursToo, remove, tr("Removing the old vm-runner"), adoptIt);
    });
}

void RunnerStep::startContainer(bool replacing)
{
    PlannedCommand remove, runCommand;
    if (!planned(m_plan, QStringLiteral("runner.remove"), &remove) ||
        !planned(m_plan, QStringLiteral("runner.run"), &runCommand))
        return;
    const auto start = [this, runCommand, replacing] {
        execPlanned(runCommand, [this, replacing](const remote::CommandResult &result) {
            if (!result.succeeded()) {
                const QString err = QString::fromUtf8(result.stdErr);
                if (err.contains(QLatin1String("address already in use")) ||
                    err.contains(QLatin1String("port is already allocated")))
                    fail(tr("Port 3000 on the VM is taken by another program, so the runner "
                            "cannot publish it."),
                         err.split(QLatin1Char('\n'), Qt::SkipEmptyParts));
                else
                    failCommand(tr("Starting the runner"), result);
                return;
            }
            noteDone(replacing ? tr("Replaced the runner container vm-runner")
                               : tr("Started the runner container vm-runner"));
            waitHealthy();
        });
    };
    removeFirstIf(replacing, remove, tr("Removing the old runner"), start);
}

QString RunnerStep::healthCheckCommand(const HostFacts &facts)
{
    // From the VM through the port the runner publishes: nothing to pull, nothing to start.
    // A proxy from the login environment must not take the loopback request.
    const QString url = QStringLiteral("http://127.0.0.1:3000/healthz");
    if (facts.hasCurl)
        return QStringLiteral("curl -fsS -m 3 --noproxy '*' ") + url;
    if (facts.hasWget)
        return QStringLiteral("http_proxy= wget -q -O - -T 3 -t 1 ") + url +
               QStringLiteral(" || echo \"wget: no answer from ") + url + QStringLiteral("\"");
    if (facts.hasBash) {
        // bash's /dev/tcp (the login shell may be dash, so only through `bash -c`): the body
        // after the blank line that ends the headers; `read -t` bounds a silent server.
        const QString script = QStringLiteral(
            "exec 3<>/dev/tcp/127.0.0.1/3000 || exit 1; "
            "printf 'GET /healthz HTTP/1.0\\r\\nHost: 127.0.0.1:3000\\r\\n\\r\\n' >&3; "
            "body=; inbody=; "
            "while IFS= read -r -t 5 line || [ -n \"$line\" ]; do "
            "if [ -n \"$inbody\" ]; then body=\"$body$line\"; "
            "elif [ ${#line} -le 1 ]; then inbody=1; fi; line=; done <&3; "
            "printf '%s\\n' \"$body\"");
        return QStringLiteral("bash -c ") + shellQuote(script);
    }
    return {};
}

void RunnerStep::waitHealthy()
{
    m_waitStartedMs = elapsedMs();
    m_logLinesShown = 0;
    m_healthCheck = healthCheckCommand(context()->facts());
    if (m_healthCheck.isEmpty()) {
        warn(tr("The VM has neither curl, wget nor bash to ask the runner whether it is healthy: "
                "it counts as up once it runs and logs \"starting the server\"."));
        say(tr("Waiting for the runner to start its server (it starts only after its pools "
               "are set up)…"));
    } else {
        say(tr("Waiting for the runner to answer its health check on port 3000 of the VM (it "
               "answers only after its pools are set up)…"));
    }
    poll();
}

void RunnerStep::poll()
{
    const ExecOptions options{.quiet = true};
    exec(
        QStringLiteral("check.runner-health"), healthProbe(),
        [this](const remote::CommandResult &result) { judgeHealth(result); }, options);
}

// One round trip: the container's state and restarts, its log, and the health check's answer.
QString RunnerStep::healthProbe() const
{
    const CommandBuilder builder = context()->builder();
    const auto p = [&](const QString &command) {
        return builder.dockerCommand(command);
    };
    QStringList lines = {
        p(QStringLiteral("docker inspect -f '{{.State.Status}}|{{.RestartCount}}' vm-runner")) +
            QStringLiteral(" 2>&1 | sed 's/^/@@state=/'"),
        p(QStringLiteral("docker logs --tail 200 ") + logsSinceOption(m_logsSince) +
          QStringLiteral("vm-runner")) +
            QStringLiteral(" 2>&1 | sed 's/^/@@log=/'")};
    if (!m_healthCheck.isEmpty())
        lines << QStringLiteral("{ ") + m_healthCheck +
                     QStringLiteral("; } 2>&1 | sed 's/^/@@health=/'");
    lines << QStringLiteral("true");
    return lines.join(QLatin1Char('\n'));
}

// Healthy (or started, without a check), crashed, gone, timed out, or waited for once more.
void RunnerStep::judgeHealth(const remote::CommandResult &result)
{
    const QHash<QString, QString> values = probeValues(result.stdOut);
    const QString logText = followLog(result.stdOut, &m_logLinesShown);
    const int waitedS = (elapsedMs() - m_waitStartedMs) / 1000;
    const int timeoutS = context()->options().runnerHealthTimeoutMs / 1000;
    const QStringList state = values.value(QStringLiteral("state")).split(QLatin1Char('|'));
    const QString status = state.value(0);
    if (values.value(QStringLiteral("health")) == QLatin1String("OK")) {
        noteDone(tr("The runner answers its health check with OK (after %1 s)").arg(waitedS));
        succeed();
        return;
    }
    if (m_healthCheck.isEmpty() && status == QLatin1String("running") &&
        state.value(1).toInt() == 0 && logText.contains(QLatin1String("starting the server"))) {
        noteDone(tr("The runner started its server (after %1 s)").arg(waitedS));
        succeed();
        return;
    }
    const bool crashed = status == QLatin1String("exited") || status == QLatin1String("dead") ||
                         status == QLatin1String("restarting") || state.value(1).toInt() > 0;
    const QList<LogFinding> findings = LogDiagnosis::runnerFindings(logText);
    if (crashed) {
        failExplained(tr("The runner container stopped (%1).").arg(status), findings, logText);
        return;
    }
    if (status.isEmpty() || status.contains(QLatin1String("No such"))) {
        failExplained(tr("The runner container is gone."), findings, logText);
        return;
    }
    if (elapsedMs() - m_waitStartedMs >= context()->options().runnerHealthTimeoutMs) {
        // What the check said last tells "not listening yet" from "could not even ask".
        const QString lastAnswer = probeValueList(result.stdOut, QStringLiteral("health"))
                                       .join(QLatin1Char(' '))
                                       .trimmed();
        failExplained((m_healthCheck.isEmpty()
                           ? tr("The runner did not start its server within %1 s.").arg(timeoutS)
                           : tr("The runner did not answer its health check on port 3000 within "
                                "%1 s.")
                                 .arg(timeoutS)) +
                          (lastAnswer.isEmpty()
                               ? QString()
                               : QLatin1Char(' ') + tr("The last check said: %1").arg(lastAnswer)),
                      findings, logText);
        return;
    }
    Q_EMIT waiting(m_healthCheck.isEmpty() ? tr("the runner to start its server")
                                           : tr("the runner to answer its health check"),
                   waitedS, timeoutS);
    after(context()->options().pollIntervalMs, [this] { poll(); });
}

} // namespace gs::steps
