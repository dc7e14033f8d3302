#include "PreflightStep.h"

#include "ContainerScan.h"
#include "HostProbe.h"
#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"

#include <QCoreApplication>

namespace gs::steps {

static QString gib(qint64 kb)
{
    return QString::number(double(kb) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" GiB");
}

PreflightStep::PreflightStep(StepContext *context, QObject *parent)
    : StepJob(StepKind::Preflight, context, parent)
{}

void PreflightStep::run()
{
    say(tr("Checking the VM…"));
    context()->setFactsKnown(false); // always look afresh
    ensureFacts([this] { evaluate(); });
}

void PreflightStep::evaluate()
{
    // Each check says what it found; one that fails (or reconnects) ends the step there.
    if (!checkSystem() || !checkDockerAccess() || !checkRunnerDirectory())
        return;
    checkDockerDaemon();
    if (!checkDisk() || !checkMemory())
        return;
    // Said before anything runs; the runner step looks on the VM and carries what it finds.
    if (const QString missing = missingKeyWarning(preparePool(context()->config()),
                                                  context()->config().runner.directory);
        !missing.isEmpty())
        warn(missing);
    checkPort();
}

bool PreflightStep::checkSystem()
{
    const HostFacts &facts = context()->facts();
    noteChecked(tr("%1 (%2, %3), user %4")
                    .arg(facts.distroName.isEmpty() ? facts.os : facts.distroName, facts.arch,
                         facts.hostname, facts.user));

    if (facts.os != QLatin1String("Linux")) {
        fail(tr("The VM runs %1, not Linux. The runner and the delegate need a Linux VM.")
                 .arg(facts.os.isEmpty() ? tr("an unknown system") : facts.os));
        return false;
    }
    if (!facts.isAmd64())
        caveat(tr("The VM is %1, but the runner command forces --platform linux/amd64: it would "
                  "run emulated or fail with \"exec format error\". Use an x86 machine type, or "
                  "drop --platform from the runner command (the runner image is multi-arch).")
                   .arg(facts.arch));
    return true;
}

bool PreflightStep::checkDockerAccess()
{
    const HostFacts &facts = context()->facts();
    // Docker access, which decides whether the docker commands carry sudo.
    switch (facts.access) {
    case DockerAccess::Direct:
        noteChecked(facts.root ? tr("Connected as root: no command needs sudo")
                               : tr("Docker works without sudo (docker group)"));
        break;
    case DockerAccess::SudoNoPassword:
        noteChecked(tr("Docker works with sudo, without a password"));
        break;
    case DockerAccess::SudoPassword:
        noteChecked(tr("Docker works with sudo and the password you gave"));
        break;
    case DockerAccess::GroupPending:
        needReconnect(tr("%1 is in the docker group, but this SSH session started before that. "
                         "Reconnecting so the group applies…")
                          .arg(facts.user));
        return false;
    case DockerAccess::None:
    case DockerAccess::Unknown:
        if (facts.sudoInstalled)
            fail(tr("%1 can use neither Docker directly nor sudo without a password. Enter the "
                    "sudo password and run again, or add the user to the docker group "
                    "(sudo usermod -aG docker %1).")
                     .arg(facts.user));
        else
            fail(tr("%1 cannot use Docker and sudo is not installed. Connect as root, or add "
                    "the user to the docker group.")
                     .arg(facts.user));
        return false;
    }
    return true;
}

bool PreflightStep::checkRunnerDirectory()
{
    const HostFacts &facts = context()->facts();
    // The runner directory is decided on its own: the docker group does not make /runner
    // writable.
    const QString directory = context()->config().runner.directory;
    const QString directoryProblem =
        HostProbe::runnerDirectoryProblem(facts, directory, context()->hasSudoPassword());
    if (!directoryProblem.isEmpty()) {
        if (context()->options().runnerDirectoryMustBeUsable) {
            fail(directoryProblem);
            return false;
        }
        warn(directoryProblem);
    } else if (!facts.root) { // root was said above
        if (HostProbe::filesNeedSudo(facts))
            noteChecked(
                facts.runnerDirExists
                    ? tr("%1 is written with sudo (%2 cannot write it)").arg(directory, facts.user)
                    : tr("%1 is created with sudo (%2 cannot create it)")
                          .arg(directory, facts.user));
        else
            noteChecked(facts.runnerDirExists
                            ? tr("%1 is writable by %2: no sudo needed").arg(directory, facts.user)
                            : tr("%2 can create %1: no sudo needed").arg(directory, facts.user));
    }
    return true;
}

void PreflightStep::checkDockerDaemon()
{
    const HostFacts &facts = context()->facts();
    if (!facts.dockerClient)
        warn(tr("Docker is not installed; the Docker step offers to install it."));
    else if (!facts.dockerDaemon)
        warn(tr("Docker is installed but its daemon does not answer; the Docker step starts it."));
    else
        noteChecked(tr("Docker %1").arg(facts.dockerVersion));
}

bool PreflightStep::checkDisk()
{
    const HostFacts &facts = context()->facts();
    // Disk: images, the delegate's work and the runner's database.
    const qint64 minimumKb = 2LL * 1024 * 1024;
    const qint64 recommendedKb = 10LL * 1024 * 1024;
    if (facts.dockerDiskFreeKb >= 0 && facts.dockerDiskFreeKb < minimumKb) {
        fail(tr("Only %1 free under /var/lib/docker; the delegate image alone needs about 2 GiB. "
                "Free some space or grow the disk.")
                 .arg(gib(facts.dockerDiskFreeKb)));
        return false;
    }
    if (facts.dockerDiskFreeKb >= 0 && facts.dockerDiskFreeKb < recommendedKb)
        caveat(tr("Only %1 free under /var/lib/docker; 10 GiB or more is recommended.")
                   .arg(gib(facts.dockerDiskFreeKb)));
    if (facts.runnerDiskFreeKb >= 0 && facts.runnerDiskFreeKb < 100 * 1024) {
        fail(tr("Only %1 free for %2. Free some space first.")
                 .arg(gib(facts.runnerDiskFreeKb), context()->config().runner.directory));
        return false;
    }
    return true;
}

bool PreflightStep::checkMemory()
{
    const HostFacts &facts = context()->facts();
    // Memory for the delegate's --memory, plus headroom for the runner and the system.
    const QString memory = context()->config().delegate.memory;
    const qint64 wantKb = HostProbe::memoryToKb(memory);
    if (wantKb > 0 && facts.memTotalKb > 0) {
        if (facts.memTotalKb < wantKb) {
            fail(tr("The VM has %1 of memory, less than the delegate's --memory=%2. Lower "
                    "--memory or use a larger machine type.")
                     .arg(gib(facts.memTotalKb), memory));
            return false;
        }
        if (facts.memAvailableKb >= 0 && facts.memAvailableKb < wantKb + 512 * 1024)
            caveat(tr("Only %1 of memory is free; the delegate may use up to %2.")
                       .arg(gib(facts.memAvailableKb), memory));
        else
            noteChecked(
                tr("Memory: %1 free for --memory=%2").arg(gib(facts.memAvailableKb), memory));
    }
    return true;
}

void PreflightStep::checkPort()
{
    HostFacts &known = context()->facts();
    known.foundRunners.clear();
    known.foundDelegates.clear();
    if (!known.dockerDaemon) {
        if (!known.port3000Listening)
            noteChecked(tr("Port 3000 is free"));
        checkManager();
        return;
    }
    // One look at every container: our runner on 3000 (a re-run), a runner or delegate started
    // by hand with the documented commands (no --name), or something else on port 3000.
    exec(QStringLiteral("check.containers"), ContainerScan::script(context()->builder()),
         [this](const remote::CommandResult &result) {
             HostFacts &facts = context()->facts();
             const SetupConfig &config = context()->config();
             const QList<FoundContainer> containers = ContainerScan::parse(result.stdOut);
             facts.foundRunners = ContainerScan::handStartedRunners(containers, config);
             facts.foundDelegates = ContainerScan::handStartedDelegates(containers, config);
             const FoundContainer *ours = nullptr;
             const FoundContainer *publisher = nullptr; // a running container on port 3000
             for (const FoundContainer &container : containers) {
                 if (container.name == QLatin1String(Names::RunnerContainer))
                     ours = &container;
                 if (container.isRunning() && container.publishes(3000) && !publisher)
                     publisher = &container;
             }
             facts.port3000OurRunner = ours && ours->isRunning() && ours->publishes(3000);

             if (!facts.foundRunners.isEmpty()) {
                 const FoundContainer &found = facts.foundRunners.first();
                 warn(tr("A runner started by hand is on the VM: %1. The runner step offers to "
                         "keep it (docker rename to vm-runner, so this setup manages it from "
                         "now on) or to replace it with a new one.")
                          .arg(ContainerScan::describe(found)));
             }
             if (!facts.foundDelegates.isEmpty()) {
                 QStringList described;
                 for (const FoundContainer &found : std::as_const(facts.foundDelegates))
                     described << ContainerScan::describe(found);
                 warn(tr("%n delegate(s) named %1 started by hand: %2. The delegate step "
                         "offers to keep one (its container renamed %1) or to replace it; "
                         "either way there will be one delegate of that name.",
                         "", int(facts.foundDelegates.size()))
                          .arg(config.delegate.name, described.join(QStringLiteral("; "))));
             }

             if (!facts.port3000Listening) {
                 noteChecked(tr("Port 3000 is free"));
             } else if (facts.port3000OurRunner) {
                 noteChecked(tr("Port 3000 is held by our runner (vm-runner)"));
             } else if (publisher && ContainerScan::isRunner(*publisher, config) &&
                        publisher->name != QLatin1String(Names::RunnerContainer)) {
                 noteChecked(tr("Port 3000 is held by the runner started by hand (%1)")
                                 .arg(publisher->name));
             } else if (publisher) {
                 fail(tr("Port 3000 on the VM is published by the container %1 (image %2), "
                         "which is not a VM runner, so the runner cannot publish it. Stop or "
                         "remove that container and run again.")
                          .arg(ContainerScan::describe(*publisher), publisher->image));
                 return;
             } else {
                 fail(tr("Port 3000 on the VM is in use by another program, so the runner "
                         "cannot publish it. Find it with \"sudo ss -ltnp 'sport = :3000'\" "
                         "and stop it."));
                 return;
             }
             checkManager();
         });
}

void PreflightStep::checkManager()
{
    const HostFacts &facts = context()->facts();
    const SetupConfig &config = context()->config();
    if (!context()->options().checkOutbound) {
        caveat(tr("The VM's connection to the Harness manager was not checked (offline, or no "
                  "account id yet)."));
        succeed();
        return;
    }
    if (!facts.hasCurl) {
        caveat(tr("The VM's connection to the Harness manager was not checked: curl is not "
                  "installed on the VM."));
        succeed();
        return;
    }
    QString manager = config.delegate.manager;
    while (manager.endsWith(QLatin1Char('/')))
        manager.chop(1);
    const QString url = manager + QStringLiteral("/api/account/") + config.delegate.accountId +
                        QStringLiteral("/status");
    // curl honours https_proxy/no_proxy from the login environment: the same path the
    // delegate's own connectivity check takes.
    const QString script =
        QStringLiteral("curl -sS -o /dev/null -w '%{http_code}' --max-time 15 ") + shellQuote(url);
    exec(
        QStringLiteral("check.manager"), script,
        [this, manager](const remote::CommandResult &result) {
            const int status = QString::fromUtf8(result.stdOut).trimmed().toInt();
            context()->facts().managerHttpStatus = status;
            if (status >= 200 && status < 300) {
                noteChecked(tr("The VM reaches %1 and the account is known there").arg(manager));
                succeed();
            } else if (status == 401) {
                fail(tr("%1 does not know this account id (HTTP 401): the account id is wrong, "
                        "or the account lives on another Harness cluster. Copy "
                        "MANAGER_HOST_AND_PORT and ACCOUNT_ID from the delegate install "
                        "command in the Harness UI.")
                         .arg(manager));
            } else if (status == 0) {
                caveat(tr("The VM cannot reach %1 over HTTPS (%2). The delegate needs outbound "
                          "HTTPS to the manager; check the firewall, Cloud NAT and the proxy.")
                           .arg(manager, QString::fromUtf8(result.stdErr).trimmed()));
                succeed();
            } else {
                caveat(tr("%1 answered HTTP %2 to the account check.").arg(manager).arg(status));
                succeed();
            }
        },
        ExecOptions{.timeoutMs = 30000, .raw = true});
}

} // namespace gs::steps
