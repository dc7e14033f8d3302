#include "RestartJob.h"

#include "plan/ShellQuote.h"
#include "pool/PoolValidator.h"
#include "remote/RemoteSession.h"
#include "steps/DelegateStep.h"
#include "steps/RunnerStep.h"

#include <QCoreApplication>

namespace gs::manage {

RestartJob::RestartJob(steps::StepContext *context, ManagedContainer which, QObject *parent)
    : ManageJob(context, parent)
    , m_which(which)
{}

void RestartJob::run()
{
    ensureDocker([this] {
        if (m_poolContent && m_which == ManagedContainer::Runner)
            writePool();
        else
            restart();
    });
}

void RestartJob::writePool()
{
    const pool::PoolReport report = pool::validatePool(*m_poolContent);
    const int errors = report.count(pool::Severity::Error);
    if (errors > 0 && !context()->options().allowPoolErrors) {
        fail(tr("The pool file has %n error(s); the runner would refuse it. The file on the VM "
                "was left as it was.",
                nullptr, errors));
        return;
    }
    PlannedCommand command;
    if (!planned(context()->builder().runner(), QStringLiteral("runner.pool"), &command))
        return;
    steps::ExecOptions options;
    options.stdinData = *m_poolContent;
    options.stdinNote = tr("pool.yaml (%n byte(s))", nullptr, int(m_poolContent->size()));
    const QString path = context()->builder().remotePoolPath();
    execPlanned(
        command,
        [this, path](const remote::CommandResult &result) {
            if (!result.succeeded()) {
                failCommand(tr("Writing %1").arg(path), result);
                return;
            }
            noteDone(tr("Wrote %1 (mode 0600)").arg(path));
            restart();
        },
        options);
}

void RestartJob::restart()
{
    const QString name = shellQuote(containerName(m_which, context()->config()));
    const QString script =
        context()->dockerCommand(QStringLiteral("docker restart ") + name) +
        QStringLiteral(" >/dev/null && ") +
        context()->dockerCommand(QStringLiteral("docker inspect --format '{{.State.StartedAt}}' ") +
                                 name);
    exec(QStringLiteral("manage.restart.") + containerKey(m_which), script,
         [this](const remote::CommandResult &result) {
             if (!result.succeeded()) {
                 failCommand(tr("Restarting %1").arg(containerTitle(m_which)), result);
                 return;
             }
             noteDone(tr("Restarted %1").arg(containerName(m_which, context()->config())));
             verify(QString::fromUtf8(result.stdOut).trimmed());
         });
}

void RestartJob::verify(const QString &startedAt)
{
    steps::StepJob *child = nullptr;
    if (m_which == ManagedContainer::Runner) {
        auto *runner = new steps::RunnerStep(context(), this);
        runner->setVerifyOnly(startedAt);
        child = runner;
    } else {
        auto *delegate = new steps::DelegateStep(context(), this);
        delegate->setVerifyOnly(startedAt);
        child = delegate;
    }
    runChild(child, [this](const steps::StepResult &r) {
        m_result.done += r.done;
        m_result.warnings += r.warnings;
        if (r.ok())
            succeed();
        else
            fail(r.error, r.logLines);
    });
}

} // namespace gs::manage
