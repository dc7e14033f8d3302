#include "DelegateUpgradeJob.h"

#include "RunningDelegate.h"
#include "harness/DelegateImage.h"
#include "harness/HarnessClient.h"
#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"
#include "steps/DelegateStep.h"

#include <QCoreApplication>

namespace gs::manage {

DelegateUpgradeJob::DelegateUpgradeJob(steps::StepContext *context, QObject *parent)
    : ManageJob(context, parent)
{}

void DelegateUpgradeJob::setHarness(harness::HarnessClient *client, const Secret &apiKey)
{
    m_harness = client;
    m_apiKey = Secret::fromBytes(apiKey.view());
}

void DelegateUpgradeJob::run()
{
    ensureDocker([this] { readDelegate(); });
}

void DelegateUpgradeJob::readDelegate()
{
    const QString name = context()->config().delegate.name;
    exec(QStringLiteral("manage.upgrade.inspect"),
         RunningDelegateProbe::inspectScript(context()->builder(), name),
         [this, name](const remote::CommandResult &result) {
             const RunningDelegate running = RunningDelegateProbe::parse(result.stdOut);
             if (!running.present) {
                 fail(tr("There is no delegate container %1 on the VM to upgrade. Set it up "
                         "first (\"Run for me\" on the Delegate page, or `apply`).")
                          .arg(name));
                 return;
             }
             if (!running.hasToken || running.accountId.isEmpty()) {
                 fail(tr("The container %1 has no DELEGATE_TOKEN or ACCOUNT_ID: it is not a "
                         "delegate this upgrade can keep. Use `apply` with the token instead.")
                          .arg(name));
                 return;
             }
             m_fromImage = running.image;
             // What runs is kept, not what the answers say: an upgrade changes the image only.
             SetupConfig config = context()->config();
             if (!running.name.isEmpty() && running.name != config.delegate.name)
                 warn(tr("The container runs as DELEGATE_NAME %1; the upgrade keeps it.")
                          .arg(running.name));
             config.delegate.accountId = running.accountId;
             if (!running.manager.isEmpty())
                 config.delegate.manager = running.manager;
             config.delegate.tags = running.tags;
             config.delegate.image = running.image;
             context()->setConfig(config);
             noteChecked(tr("The delegate %1 runs %2").arg(name, running.image));
             readToken();
         });
}

void DelegateUpgradeJob::readToken()
{
    readDelegateToken(context()->config().delegate.name, [this] {
        noteChecked(tr("Read the delegate's token from its container (kept in memory only)"));
        chooseTag();
    });
}

void DelegateUpgradeJob::chooseTag()
{
    if (!m_tag.isEmpty()) {
        confirm();
        return;
    }
    const SetupConfig &config = context()->config();
    if (!m_harness || m_apiKey.isEmpty()) {
        fail(tr("Which tag? Give one (--tag, or type it), or a Harness API key so the latest "
                "supported version can be looked up."));
        return;
    }
    say(tr("Asking Harness for the latest supported delegate version…"));
    QString key = m_apiKey.toString();
    harness::LatestVersionJob *job =
        m_harness->latestDelegateVersion(config.delegate.manager, config.delegate.accountId, key);
    wipeIfLast(key);
    connect(
        job, &harness::LatestVersionJob::finished, this,
        [this](const harness::LatestVersionResult &result) {
            m_apiKey.clear();
            if (!result.ok() || result.version.isEmpty()) {
                fail(tr("Harness did not say which version is the latest: %1").arg(result.message));
                return;
            }
            m_tag = result.version;
            noteChecked(tr("Harness's latest supported delegate version is %1").arg(m_tag));
            confirm();
        });
}

void DelegateUpgradeJob::confirm()
{
    m_toImage = harness::DelegateImage::withTag(m_fromImage, m_tag);
    if (m_toImage == m_fromImage) {
        noteAlreadyThere(tr("The delegate already runs %1").arg(m_toImage));
        succeed();
        return;
    }
    SetupConfig config = context()->config();
    config.delegate.image = m_toImage;
    context()->setConfig(config);
    const StepPlan plan = context()->builder().delegate();
    steps::Decision decision;
    decision.kind = steps::Decision::Kind::ConfirmUpgrade;
    decision.question = tr("Upgrade the delegate %1 to %2?").arg(config.delegate.name, m_tag);
    decision.details =
        tr("Now: %1\nThen: %2\nIts name, account, tags, manager and token stay as they are; "
           "the container is replaced, and the wait for health and registration follows.")
            .arg(m_fromImage, m_toImage);
    for (const PlannedCommand &command : plan.commands)
        if (command.id == QLatin1String("delegate.remove") ||
            command.id == QLatin1String("delegate.run"))
            decision.commands << command.script;
    decision.acceptLabel = tr("Upgrade");
    decision.declineLabel = tr("Cancel");
    decision.recommendAccept = true;
    ask(decision, [this](bool accept) {
        if (!accept) {
            say(tr("Not upgraded: the delegate was left as it is."));
            cancel();
            return;
        }
        upgrade();
    });
}

void DelegateUpgradeJob::upgrade()
{
    // The new image first: when it cannot be pulled, the delegate that runs stays.
    const QString image = shellQuote(m_toImage);
    exec(QStringLiteral("manage.upgrade.pull"),
         context()->dockerCommand(QStringLiteral("docker image inspect ") + image) +
             QStringLiteral(" >/dev/null 2>&1 || ") +
             context()->dockerCommand(QStringLiteral("docker pull -q ") + image),
         [this](const remote::CommandResult &result) {
             if (!result.succeeded()) {
                 failCommand(tr("Pulling %1 (the delegate was left as it is)").arg(m_toImage),
                             result);
                 return;
             }
             replace();
         });
}

void DelegateUpgradeJob::replace()
{
    // The delegate step as `apply` runs it, with the new image: it finds the old container
    // (another image: replace) and waits for health and the "registered" line.
    runChild(
        new steps::DelegateStep(context(), this),
        [this](const steps::StepResult &r) {
            m_result.done += r.done;
            m_result.warnings += r.warnings;
            m_result.caveats += r.caveats;
            if (r.ok()) {
                noteDone(tr("The delegate runs %1").arg(m_toImage));
                succeed();
            } else {
                fail(r.error, r.logLines);
            }
        },
        [](const steps::Decision &d) -> std::optional<bool> {
            // Already confirmed: the replacement is the upgrade.
            if (d.kind == steps::Decision::Kind::ReplaceDelegate)
                return true;
            return std::nullopt;
        });
}

} // namespace gs::manage
