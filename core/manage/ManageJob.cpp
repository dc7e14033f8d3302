#include "ManageJob.h"

#include "RunningDelegate.h"
#include "remote/RemoteSession.h"
#include "steps/StepContext.h"
#include "util/Secret.h"

namespace gs::manage {

ManageJob::ManageJob(steps::StepContext *context, QObject *parent)
    : StepJob(steps::StepKind::Manage, context, parent)
{
    setRecordsState(false);
}

void ManageJob::ensureDocker(std::function<void()> then)
{
    ensureFacts([this, then = std::move(then)] {
        const steps::HostFacts &facts = context()->facts();
        if (facts.access == steps::DockerAccess::GroupPending) {
            needReconnect(tr("Reconnecting so the docker group applies…"));
            return;
        }
        if (facts.access == steps::DockerAccess::None ||
            facts.access == steps::DockerAccess::Unknown) {
            fail(tr("Docker cannot be used by %1; run the preflight checks for what to do.")
                     .arg(facts.user));
            return;
        }
        then();
    });
}

void ManageJob::readDelegateToken(const QString &container, std::function<void()> then)
{
    steps::ExecOptions options;
    options.recordOutput = false; // the token: never in the transcript
    exec(
        QStringLiteral("manage.upgrade.token"),
        RunningDelegateProbe::tokenScript(context()->builder(), container),
        [this, then = std::move(then)](const remote::CommandResult &result) {
            QByteArray output = result.stdOut;
            Secret token = Secret::fromBytes(QByteArrayView(output).trimmed());
            wipeIfLast(output);
            if (!result.succeeded() || token.isEmpty()) {
                fail(tr("The delegate's token could not be read from its container."));
                return;
            }
            context()->setToken(std::move(token), steps::SecretSource::RunningContainer);
            then();
        },
        options);
}

} // namespace gs::manage
