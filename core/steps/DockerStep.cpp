#include "DockerStep.h"

#include "remote/RemoteSession.h"

#include <QCoreApplication>

namespace gs::steps {

DockerStep::DockerStep(StepContext *context, QObject *parent)
    : StepJob(StepKind::Docker, context, parent)
{}

void DockerStep::run()
{
    ensureFacts([this] {
        const HostFacts &facts = context()->facts();
        if (facts.access == DockerAccess::GroupPending) {
            needReconnect(tr("%1 is in the docker group, but this SSH session started before "
                             "that. Reconnecting so the group applies…")
                              .arg(facts.user));
            return;
        }
        m_plan = context()->builder().docker();
        check();
    });
}

void DockerStep::check()
{
    PlannedCommand command;
    if (!planned(m_plan, QStringLiteral("docker.check"), &command))
        return;
    execPlanned(command, [this](const remote::CommandResult &result) {
        const QString out = QString::fromUtf8(result.stdOut).trimmed();
        const QString err = QString::fromUtf8(result.stdErr);
        if (result.succeeded() && !out.isEmpty()) {
            context()->facts().dockerClient = true;
            context()->facts().dockerDaemon = true;
            context()->facts().dockerVersion = out;
            noteAlreadyThere(tr("Docker %1 is installed and its daemon answers").arg(out));
            succeed();
            return;
        }
        if (result.exitCode == 127 || err.contains(QLatin1String("not found")) ||
            !context()->facts().dockerClient) {
            offerInstall();
            return;
        }
        if (err.contains(QLatin1String("permission denied"), Qt::CaseInsensitive)) {
            fail(tr("Docker refused %1 (permission denied on its socket). Use sudo, or add the "
                    "user to the docker group and reconnect.")
                     .arg(context()->facts().user),
                 err.split(QLatin1Char('\n'), Qt::SkipEmptyParts));
            return;
        }
        // The client is there but the daemon does not answer: start it.
        startDaemon();
    });
}

void DockerStep::offerInstall()
{
    const HostFacts &facts = context()->facts();
    PlannedCommand install, start;
    if (!planned(m_plan, QStringLiteral("docker.install"), &install) ||
        !planned(m_plan, QStringLiteral("docker.start"), &start))
        return;
    const QStringList aptFamily = {QStringLiteral("debian"), QStringLiteral("ubuntu")};
    if (!aptFamily.contains(facts.distroId)) {
        fail(tr("Docker is not installed, and %1 is not a Debian or Ubuntu system, whose "
                "install commands this wizard knows. Install Docker Engine as its documentation "
                "says for your distribution (https://docs.docker.com/engine/install/), then run "
                "again.")
                 .arg(facts.distroName.isEmpty() ? facts.distroId : facts.distroName));
        return;
    }
    Decision decision;
    decision.kind = Decision::Kind::InstallDocker;
    decision.question = tr("Docker is not installed on the VM. Install it now?");
    decision.details = tr("These commands install Debian's docker.io package and start the "
                          "daemon now and at boot:");
    decision.commands = {install.script, start.script};
    decision.acceptLabel = tr("Install Docker");
    decision.declineLabel = tr("Not now");
    decision.recommendAccept = true;
    ask(decision, [this, install, start](bool accept) {
        if (!accept) {
            fail(tr("Docker is needed for the runner and the delegate. Install it (the commands "
                    "are shown above) and run again."));
            return;
        }
        execPlanned(install, [this, start](const remote::CommandResult &result) {
            if (!result.succeeded()) {
                failCommand(tr("Installing Docker"), result);
                return;
            }
            noteDone(tr("Installed Docker (docker.io)"));
            execPlanned(start, [this](const remote::CommandResult &started) {
                if (!started.succeeded())
                    warn(tr("systemctl could not enable the daemon; checking whether it runs "
                            "anyway."));
                verify(true);
            });
        });
    });
}

void DockerStep::startDaemon()
{
    PlannedCommand start;
    if (!planned(m_plan, QStringLiteral("docker.start"), &start))
        return;
    execPlanned(start, [this](const remote::CommandResult &result) {
        if (!result.succeeded()) {
            failCommand(tr("Starting the Docker daemon"), result);
            return;
        }
        noteDone(tr("Started the Docker daemon"));
        verify(true);
    });
}

void DockerStep::verify(bool afterChange)
{
    PlannedCommand command;
    if (!planned(m_plan, QStringLiteral("docker.check"), &command))
        return;
    execPlanned(command, [this, afterChange](const remote::CommandResult &result) {
        const QString out = QString::fromUtf8(result.stdOut).trimmed();
        if (!result.succeeded() || out.isEmpty()) {
            failCommand(tr("Docker still does not answer"), result);
            return;
        }
        context()->facts().dockerClient = true;
        context()->facts().dockerDaemon = true;
        context()->facts().dockerVersion = out;
        if (afterChange)
            say(tr("Docker %1 answers").arg(out));
        // A fresh install creates the docker group, but using sudo needs no reconnect.
        succeed();
    });
}

} // namespace gs::steps
