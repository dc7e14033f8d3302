#include "DelegateStep.h"

#include "ContainerDrift.h"
#include "ContainerScan.h"
#include "LogDiagnosis.h"
#include "plan/Redactor.h"
#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"
#include "util/Secret.h"

#include <QCoreApplication>

namespace gs::steps {

DelegateStep::DelegateStep(StepContext *context, QObject *parent)
    : StepJob(StepKind::Delegate, context, parent)
{}

void DelegateStep::run()
{
    if (!m_verifyOnly && context()->token().isEmpty()) {
        fail(tr("No delegate token. Enter it on the Delegate page (it is kept in the keychain), "
                "or for the command line set GITSPACES_DELEGATE_TOKEN or use --token-stdin."));
        return;
    }
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
        m_plan = context()->builder().delegate();
        if (m_verifyOnly)
            waitHealthy();
        else
            inspect();
    });
}

void DelegateStep::inspect()
{
    const QString name = context()->config().delegate.name;
    const QString script =
        context()->dockerCommand(
            QStringLiteral("docker inspect -f '{{.Config.Image}}|{{.State.Status}}|"
                           "{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.Image}}' ") +
            shellQuote(name)) +
        QStringLiteral(" 2>/dev/null | sed 's/^/@@delegate=/'\n") +
        context()->dockerCommand(QStringLiteral("docker image inspect -f '{{.Id}}' ") +
                                 shellQuote(context()->config().delegate.image)) +
        QStringLiteral(" 2>/dev/null | sed 's/^/@@image=/'\n") +
        ContainerDrift::inspectScript(context()->builder(), name,
                                      QStringLiteral("delegate-settings"), true) +
        QLatin1Char('\n') + ContainerScan::script(context()->builder()) + QStringLiteral("\ntrue");
    exec(QStringLiteral("check.delegate"), script,
         [this, name](const remote::CommandResult &result) {
             if (!result.succeeded()) {
                 failCommand(tr("Inspecting the VM"), result);
                 return;
             }
             const QHash<QString, QString> values = probeValues(result.stdOut);
             ContainerScan::record(result.stdOut, context()->config(), &context()->facts());
             if (!context()->facts().foundDelegates.isEmpty()) {
                 adoptOrReplace(values);
                 return;
             }
             const QString existing = values.value(QStringLiteral("delegate"));
             if (existing.isEmpty()) {
                 startContainer(false);
                 return;
             }
             const QStringList parts = existing.split(QLatin1Char('|'));
             const ExistingContainer container{parts.value(0), parts.value(1), parts.value(2),
                                               parts.value(3)};
             const QString status = container.status;
             PlannedCommand remove, runCommand;
             if (!planned(m_plan, QStringLiteral("delegate.remove"), &remove) ||
                 !planned(m_plan, QStringLiteral("delegate.run"), &runCommand))
                 return;
             const QStringList differences =
                 drift(values, QStringLiteral("delegate-settings"), runCommand);
             const Decision decision = keepOrReplace(
                 Decision::Kind::ReplaceDelegate,
                 tr("A delegate container (%1) already exists. Keep it or replace it?").arg(name),
                 container, context()->config().delegate.image,
                 values.value(QStringLiteral("image")), differences, remove, runCommand);
             ask(decision, [this, name, status, differences](bool replace) {
                 if (replace) {
                     startContainer(true);
                     return;
                 }
                 keepContainer({name, status, QStringLiteral("delegate.start"),
                                tr("Delegate container %1 (kept)").arg(name),
                                tr("Starting the kept delegate"),
                                tr("Started the kept delegate container"), differences},
                               [this] { waitHealthy(); });
             });
         });
}

void DelegateStep::adoptOrReplace(const QHash<QString, QString> &values)
{
    // The plan now holds delegate.adopt and delegate.remove-found for what the scan found.
    m_plan = context()->builder().delegate();
    const QString name = context()->config().delegate.name;
    const QList<FoundContainer> found = context()->facts().foundDelegates;
    const FoundContainer best = found.first();
    PlannedCommand adopt, removeFound, remove, runCommand;
    if (!planned(m_plan, QStringLiteral("delegate.adopt"), &adopt) ||
        !planned(m_plan, QStringLiteral("delegate.remove-found"), &removeFound) ||
        !planned(m_plan, QStringLiteral("delegate.remove"), &remove) ||
        !planned(m_plan, QStringLiteral("delegate.run"), &runCommand))
        return;
    // A container of ours by that name as well gives way either way: never two delegates of
    // one name on the VM.
    const bool oursToo = !values.value(QStringLiteral("delegate")).isEmpty();
    QStringList keep, replace{removeFound.script};
    if (oursToo) {
        keep << remove.script;
        replace << remove.script;
    }
    keep << adopt.script;
    if (!best.isRunning())
        keep << context()->dockerCommand(QStringLiteral("docker start ") + shellQuote(name));
    replace << runCommand.script;
    const Decision decision = keepOrReplaceFound(
        Decision::Kind::ReplaceFoundDelegate,
        tr("A delegate named %1 was started by hand on the VM: %2. Keep it (its container "
           "renamed %1, so this setup manages it from now on) or replace it?")
            .arg(name, ContainerScan::describe(best)),
        best, int(found.size()), context()->config().delegate.image,
        values.value(QStringLiteral("image")),
        ContainerScan::delegateConcerns(best, context()->config()), replace, keep, name);
    ask(decision, [this, name, best, oursToo, adopt, removeFound, remove,
                   copies = int(found.size())](bool replacing) {
        if (replacing) {
            execPlanned(removeFound, [this, oursToo, copies](const remote::CommandResult &result) {
                if (!result.succeeded()) {
                    failCommand(tr("Removing the delegate started by hand"), result);
                    return;
                }
                context()->facts().foundDelegates.clear();
                noteDone(tr("Removed the delegate(s) started by hand (%n "
                            "container(s))",
                            "", copies));
                startContainer(oursToo);
            });
            return;
        }
        const auto adoptIt = [this, name, best, adopt, copies] {
            execPlanned(adopt, [this, name, best, copies](const remote::CommandResult &result) {
                if (!result.succeeded()) {
                    failCommand(tr("Renaming the delegate started by hand to %1").arg(name),
                                result);
                    return;
                }
                context()->facts().foundDelegates.clear();
                noteDone(tr("Kept the delegate started by hand (%1): its container is %2 now "
                            "and restarts with the VM")
                             .arg(best.name, name));
                if (copies > 1)
                    noteDone(
                        tr("Removed %n other delegate(s) named %1 started by hand", "", copies - 1)
                            .arg(name));
                keepContainer({name, best.status, QStringLiteral("delegate.start"),
                               tr("Delegate container %1 (adopted)").arg(name),
                               tr("Starting the kept delegate"),
                               tr("Started the kept delegate container")},
                              [this] { waitHealthy(); });
            });
        };
        removeFirstIf(oursToo, remove, tr("Removing the old delegate container %1").arg(name),
                      adoptIt);
    });
}

void DelegateStep::startContainer(bool replacing)
{
    PlannedCommand remove, runCommand;
    if (!planned(m_plan, QStringLiteral("delegate.remove"), &remove) ||
        !planned(m_plan, QStringLiteral("delegate.run"), &runCommand))
        return;
    const auto start = [this, runCommand, replacing] {
        ExecOptions options;
        // The token goes as an env file on stdin: never in argv, never in a file.
        // One buffer, built without reallocating, zeroed by its last holder (StepJob::exec).
        options.stdinData.reserve(qsizetype(sizeof "DELEGATE_TOKEN=") + context()->token().size());
        options.stdinData.append("DELEGATE_TOKEN=").append(context()->token().view()).append('\n');
        options.stdinNote = tr("DELEGATE_TOKEN=%1 (%2)")
                                .arg(Redactor::mask(), secretSourceText(context()->tokenSource()));
        execPlanned(
            runCommand,
            [this, replacing](const remote::CommandResult &result) {
                if (!result.succeeded()) {
                    failCommand(tr("Starting the delegate"), result);
                    return;
                }
                noteDone(replacing ? tr("Replaced the delegate container %1")
                                         .arg(context()->config().delegate.name)
                                   : tr("Started the delegate container %1")
                                         .arg(context()->config().delegate.name));
                waitHealthy();
            },
            options);
        wipeIfLast(options.stdinData); // with a sudo password the wired copy went instead
    };
    removeFirstIf(replacing, remove, tr("Removing the old delegate"), start);
}

void DelegateStep::waitHealthy()
{
    m_waitStartedMs = elapsedMs();
    m_logLinesShown = 0;
    say(tr("Waiting for the delegate to register with the manager and report healthy…"));
    poll();
}

void DelegateStep::poll()
{
    const ExecOptions options{.quiet = true};
    exec(
        QStringLiteral("check.delegate-health"), healthProbe(),
        [this](const remote::CommandResult &result) { judgeHealth(result); }, options);
}

// One round trip: the container's state, health, restarts and host name, and its log.
QString DelegateStep::healthProbe() const
{
    const QString name = shellQuote(context()->config().delegate.name);
    const QStringList lines = {
        context()->dockerCommand(
            QStringLiteral("docker inspect -f '{{.State.Status}}|"
                           "{{if .State.Health}}{{.State.Health.Status}}{{end}}|"
                           "{{.RestartCount}}|{{.Config.Hostname}}' ") +
            name) +
            QStringLiteral(" 2>&1 | sed 's/^/@@state=/'"),
        context()->dockerCommand(QStringLiteral("docker logs --tail 400 ") +
                                 logsSinceOption(m_logsSince) + name) +
            QStringLiteral(" 2>&1 | sed 's/^/@@log=/'"),
        QStringLiteral("true")};
    return lines.join(QLatin1Char('\n'));
}

// Registered and healthy, unable to work, stopped, gone, timed out, or waited for once more.
void DelegateStep::judgeHealth(const remote::CommandResult &result)
{
    const QHash<QString, QString> values = probeValues(result.stdOut);
    const QString logText = followLog(result.stdOut, &m_logLinesShown);
    const QStringList state = values.value(QStringLiteral("state")).split(QLatin1Char('|'));
    const QString status = state.value(0);
    const QString health = state.value(1);
    const int waitedS = (elapsedMs() - m_waitStartedMs) / 1000;
    const int timeoutS = context()->options().delegateHealthTimeoutMs / 1000;
    const QList<LogFinding> findings = LogDiagnosis::delegateFindings(logText);
    for (const LogFinding &finding : findings) {
        if (finding.fatal) {
            failExplained(tr("The delegate cannot work:"), findings, logText, true);
            return;
        }
    }
    const bool registered = LogDiagnosis::delegateRegistered(logText, &m_delegateId);
    if (registered && (health == QLatin1String("healthy") || health.isEmpty()) &&
        status == QLatin1String("running")) {
        if (health.isEmpty())
            warn(tr("The delegate image has no health check; registration alone "
                    "was verified."));
        noteDone(tr("The delegate registered with id %1 and reports healthy (after %2 s)")
                     .arg(m_delegateId)
                     .arg(waitedS));
        context()->setDelegateHostName(state.value(3).trimmed());
        succeed();
        return;
    }
    if (status == QLatin1String("exited") || status == QLatin1String("dead") ||
        state.value(2).toInt() > 0) {
        failExplained(tr("The delegate container stopped (%1).").arg(status), findings, logText,
                      false);
        return;
    }
    if (status.isEmpty() || status.contains(QLatin1String("No such"))) {
        failExplained(tr("The delegate container is gone."), findings, logText, false);
        return;
    }
    if (elapsedMs() - m_waitStartedMs >= context()->options().delegateHealthTimeoutMs) {
        failExplained(registered ? tr("The delegate registered but did not report healthy "
                                      "within %1 s.")
                                       .arg(timeoutS)
                                 : tr("The delegate did not register within %1 s.").arg(timeoutS),
                      findings, logText, false);
        return;
    }
    Q_EMIT waiting(registered ? tr("the delegate to report healthy")
                              : tr("the delegate to register"),
                   waitedS, timeoutS);
    after(context()->options().pollIntervalMs, [this] { poll(); });
}

} // namespace gs::steps
