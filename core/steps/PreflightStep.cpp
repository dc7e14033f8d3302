#include "PreflightStep.h"

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
    const HostFacts &facts = context()->facts();
    noteAlreadyThere(tr("%1 (%2, %3), user %4")
                         .arg(facts.distroName.isEmpty() ? facts.os : facts.distroName, facts.arch,
                              facts.hostname, facts.user));

    if (facts.os != QLatin1String("Linux")) {
        fail(tr("The VM runs %1, not Linux. The runner and the delegate need a Linux VM.")
                 .arg(facts.os.isEmpty() ? tr("an unknown system") : facts.os));
        return;
    }
    if (!facts.isAmd64())
        warn(tr("The VM is %1, but the runner command forces --platform linux/amd64: it would "
                "run emulated or fail with \"exec format error\". Use an x86 machine type, or "
                "drop --platform from the runner command (the runner image is multi-arch).")
                 .arg(facts.arch));

    // Docker access, which decides whether the docker commands carry sudo.
    switch (facts.access) {
    case DockerAccess::Direct:
        noteAlreadyThere(facts.root ? tr("Connected as root: no command needs sudo")
                                    : tr("Docker works without sudo (docker group)"));
        break;
    case DockerAccess::SudoNoPassword:
        noteAlreadyThere(tr("Docker works with sudo, without a password"));
        break;
    case DockerAccess::SudoPassword:
        noteAlreadyThere(tr("Docker works with sudo and the password you gave"));
        break;
    case DockerAccess::GroupPending:
        needReconnect(tr("%1 is in the docker group, but this SSH session started before that. "
                         "Reconnecting so the group applies…")
                          .arg(facts.user));
        return;
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
        return;
    }
    // The runner directory is decided on its own: the docker group does not make /runner
    // writable.
    const QString directory = context()->config().runner.directory;
    const QString directoryProblem =
        HostProbe::runnerDirectoryProblem(facts, directory, context()->hasSudoPassword());
    if (!directoryProblem.isEmpty()) {
        if (context()->options().runnerDirectoryMustBeUsable) {
            fail(directoryProblem);
            return;
        }
        warn(directoryProblem);
    } else if (!facts.root) { // root was said above
        if (HostProbe::filesNeedSudo(facts))
            noteAlreadyThere(
                facts.runnerDirExists
                    ? tr("%1 is written with sudo (%2 cannot write it)").arg(directory, facts.user)
                    : tr("%1 is created with sudo (%2 cannot create it)")
                          .arg(directory, facts.user));
        else
            noteAlreadyThere(
                facts.runnerDirExists
                    ? tr("%1 is writable by %2: no sudo needed").arg(directory, facts.user)
                    : tr("%2 can create %1: no sudo needed").arg(directory, facts.user));
    }
    if (!facts.dockerClient)
        warn(tr("Docker is not installed; the Docker step offers to install it."));
    else if (!facts.dockerDaemon)
        warn(tr("Docker is installed but its daemon does not answer; the Docker step starts it."));
    else
        noteAlreadyThere(tr("Docker %1").arg(facts.dockerVersion));

    // Disk: images, the delegate's work and the runner's database.
    const qint64 minimumKb = 2LL * 1024 * 1024;
    const qint64 recommendedKb = 10LL * 1024 * 1024;
    if (facts.dockerDiskFreeKb >= 0 && facts.dockerDiskFreeKb < minimumKb) {
        fail(tr("Only %1 free under /var/lib/docker; the delegate image alone needs about 2 GiB. "
                "Free some space or grow the disk.")
                 .arg(gib(facts.dockerDiskFreeKb)));
        return;
    }
    if (facts.dockerDiskFreeKb >= 0 && facts.dockerDiskFreeKb < recommendedKb)
        warn(tr("Only %1 free under /var/lib/docker; 10 GiB or more is recommended.")
                 .arg(gib(facts.dockerDiskFreeKb)));
    if (facts.runnerDiskFreeKb >= 0 && facts.runnerDiskFreeKb < 100 * 1024) {
        fail(tr("Only %1 free for %2. Free some space first.")
                 .arg(gib(facts.runnerDiskFreeKb), context()->config().runner.directory));
        return;
    }

    // Memory for the delegate's --memory, plus headroom for the runner and the system.
    const QString memory = context()->config().delegate.memory;
    const qint64 wantKb = HostProbe::memoryToKb(memory);
    if (wantKb > 0 && facts.memTotalKb > 0) {
        if (facts.memTotalKb < wantKb) {
            fail(tr("The VM has %1 of memory, less than the delegate's --memory=%2. Lower "
                    "--memory or use a larger machine type.")
                     .arg(gib(facts.memTotalKb), memory));
            return;
        }
        if (facts.memAvailableKb >= 0 && facts.memAvailableKb < wantKb + 512 * 1024)
            warn(tr("Only %1 of memory is free; the delegate may use up to %2.")
                     .arg(gib(facts.memAvailableKb), memory));
        else
            noteAlreadyThere(
                tr("Memory: %1 free for --memory=%2").arg(gib(facts.memAvailableKb), memory));
    }
    checkPort();
}

void PreflightStep::checkPort()
{
    const HostFacts &facts = context()->facts();
    if (!facts.port3000Listening || !facts.dockerDaemon) {
        if (!facts.port3000Listening)
            noteAlreadyThere(tr("Port 3000 is free"));
        checkManager();
        return;
    }
    // Something listens on 3000: fine if it is our runner (a re-run).
    const QString script =
        context()->privileged(QStringLiteral("docker inspect -f '{{.State.Running}} "
                                             "{{range $p, $b := .HostConfig.PortBindings}}{{$p}} "
                                             "{{end}}' vm-runner 2>/dev/null"));
    exec(QStringLiteral("check.port"), script, [this](const remote::CommandResult &result) {
        const QString out = QString::fromUtf8(result.stdOut);
        if (result.succeeded() && out.startsWith(QLatin1String("true")) &&
            out.contains(QLatin1String("3000/tcp"))) {
            context()->facts().port3000OurRunner = true;
            noteAlreadyThere(tr("Port 3000 is held by our runner (vm-runner)"));
            checkManager();
            return;
        }
        fail(tr("Port 3000 on the VM is in use by another program, so the runner cannot "
                "publish it. Find it with \"sudo ss -ltnp 'sport = :3000'\" and stop it."));
    });
}

void PreflightStep::checkManager()
{
    const HostFacts &facts = context()->facts();
    const SetupConfig &config = context()->config();
    if (!context()->options().checkOutbound) {
        say(tr("Skipping the outbound HTTPS check (offline)."));
        succeed();
        return;
    }
    if (!facts.hasCurl) {
        warn(tr("curl is not installed on the VM; the outbound HTTPS check is skipped."));
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
    exec(QStringLiteral("check.manager"), script,
         [this, manager](const remote::CommandResult &result) {
             const int status = QString::fromUtf8(result.stdOut).trimmed().toInt();
             context()->facts().managerHttpStatus = status;
             if (status >= 200 && status < 300) {
                 noteAlreadyThere(
                     tr("The VM reaches %1 and the account is known there").arg(manager));
                 succeed();
             } else if (status == 401) {
                 fail(tr("%1 does not know this account id (HTTP 401): the account id is wrong, "
                         "or the account lives on another Harness cluster. Copy "
                         "MANAGER_HOST_AND_PORT and ACCOUNT_ID from the delegate install "
                         "command in the Harness UI.")
                          .arg(manager));
             } else if (status == 0) {
                 warn(tr("The VM cannot reach %1 over HTTPS (%2). The delegate needs outbound "
                         "HTTPS to the manager; check the firewall, Cloud NAT and the proxy.")
                          .arg(manager, QString::fromUtf8(result.stdErr).trimmed()));
                 succeed();
             } else {
                 warn(tr("%1 answered HTTP %2 to the account check.").arg(manager).arg(status));
                 succeed();
             }
         },
         {{}, {}, 30000, true, false});
}

} // namespace gs::steps
