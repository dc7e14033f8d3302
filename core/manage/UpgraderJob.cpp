#include "UpgraderJob.h"

#include "RunningDelegate.h"
#include "plan/CommandBuilder.h"
#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"

#include <QCoreApplication>

namespace gs::manage {

UpgraderJob::UpgraderJob(steps::StepContext *context, QObject *parent)
    : ManageJob(context, parent)
{}

QString UpgraderJob::containerName(const QString &delegateName)
{
    return delegateName + QString::fromLatin1(Names::UpgraderSuffix);
}

QString UpgraderJob::defaultImage()
{
    return QStringLiteral(
        "us-docker.pkg.dev/gar-prod-setup/harness-public/harness/upgrader:latest");
}

QString UpgraderJob::defaultSchedule()
{
    return QStringLiteral("0 */1 * * *");
}

QString UpgraderJob::runCommand(const CommandBuilder &builder)
{
    const DelegateSettings &d = builder.config().delegate;
    const auto env = [](const QString &name, const QString &value) {
        return QStringLiteral("-e ") + shellQuote(name + QLatin1Char('=') + value);
    };
    return QStringList{builder.dockerCommand(QStringLiteral("docker run -d")),
                       QStringLiteral("--name ") + shellQuote(containerName(d.name)),
                       QStringLiteral("--label ") + QString::fromLatin1(Names::Label) +
                           QStringLiteral("=upgrader"),
                       QStringLiteral("--restart unless-stopped"),
                       QStringLiteral("-v /var/run/docker.sock:/var/run/docker.sock"),
                       env(QStringLiteral("ACCOUNT_ID"), d.accountId),
                       env(QStringLiteral("MANAGER_HOST_AND_PORT"), d.manager),
                       env(QStringLiteral("UPGRADER_WORKLOAD_NAME"), d.name),
                       env(QStringLiteral("SCHEDULE"), defaultSchedule()),
                       QStringLiteral("--env-file /dev/stdin"),
                       shellQuote(defaultImage())}
        .join(QStringLiteral(" \\\n  "));
}

void UpgraderJob::run()
{
    ensureDocker([this] { inspect(); });
}

void UpgraderJob::inspect()
{
    const QString delegate = context()->config().delegate.name;
    const QString upgrader = containerName(delegate);
    const QString script =
        RunningDelegateProbe::inspectScript(context()->builder(), delegate) + QLatin1Char('\n') +
        context()->dockerCommand(
            QStringLiteral("docker inspect --format '@@upgrader={{.State.Status}}' ") +
            shellQuote(upgrader)) +
        QStringLiteral(" 2>/dev/null; true");
    exec(QStringLiteral("manage.upgrader.inspect"), script,
         [this, delegate, upgrader](const remote::CommandResult &result) {
             const QString state =
                 steps::probeValues(result.stdOut).value(QStringLiteral("upgrader"));
             if (state == QLatin1String("running")) {
                 noteAlreadyThere(tr("The upgrader %1 runs").arg(upgrader));
                 succeed();
                 return;
             }
             if (!state.isEmpty()) {
                 exec(QStringLiteral("manage.upgrader.start"),
                      context()->dockerCommand(QStringLiteral("docker start ") +
                                               shellQuote(upgrader)),
                      [this, upgrader](const remote::CommandResult &started) {
                          if (!started.succeeded()) {
                              failCommand(tr("Starting the upgrader %1").arg(upgrader), started);
                              return;
                          }
                          noteDone(tr("Started the upgrader %1 (it was stopped)").arg(upgrader));
                          succeed();
                      });
                 return;
             }
             const RunningDelegate running = RunningDelegateProbe::parse(result.stdOut);
             if (!running.present || !running.hasToken || running.accountId.isEmpty()) {
                 fail(tr("There is no delegate %1 with a token on the VM: set it up first, then "
                         "install the upgrader.")
                          .arg(delegate));
                 return;
             }
             // The upgrader replaces the delegate that runs: it needs that delegate's account
             // and manager, whatever the answers say.
             SetupConfig config = context()->config();
             config.delegate.accountId = running.accountId;
             if (!running.manager.isEmpty())
                 config.delegate.manager = running.manager;
             context()->setConfig(config);
             readDelegateToken(config.delegate.name, [this] { start(); });
         });
}

void UpgraderJob::start()
{
    const Secret &token = context()->token();
    QByteArray feed;
    feed.reserve(qsizetype(sizeof("UPGRADER_TOKEN=")) + token.size() + 1);
    feed.append("UPGRADER_TOKEN=").append(token.view()).append('\n');
    steps::ExecOptions options;
    options.stdinData = feed;
    options.stdinNote = tr("UPGRADER_TOKEN (the delegate's token)");
    wipeIfLast(feed);
    const QString upgrader = containerName(context()->config().delegate.name);
    exec(
        QStringLiteral("manage.upgrader.run"), runCommand(context()->builder()),
        [this, upgrader](const remote::CommandResult &result) {
            if (!result.succeeded()) {
                failCommand(tr("Starting the upgrader %1").arg(upgrader), result);
                return;
            }
            noteDone(tr("Started the upgrader %1: it upgrades the delegate on schedule (%2)")
                         .arg(upgrader, defaultSchedule()));
            succeed();
        },
        options);
    wipeIfLast(options.stdinData);
}

} // namespace gs::manage
