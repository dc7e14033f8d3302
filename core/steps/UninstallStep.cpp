#include "UninstallStep.h"

#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"

#include <QCoreApplication>

namespace gs::steps {

UninstallStep::UninstallStep(StepContext *context, QObject *parent)
    : StepJob(StepKind::Uninstall, context, parent)
{}

static bool safeDirectory(const QString &dir)
{
    const QString clean = dir.trimmed();
    return clean.startsWith(QLatin1Char('/')) && clean.size() > 1 &&
           !clean.contains(QLatin1String("..")) && clean != QLatin1String("/") &&
           !QStringList{QStringLiteral("/etc"), QStringLiteral("/home"), QStringLiteral("/root"),
                        QStringLiteral("/usr"), QStringLiteral("/var"),  QStringLiteral("/tmp")}
                .contains(clean);
}

StepPlan UninstallStep::plan(const StepContext &context)
{
    const CommandBuilder builder = context.builder();
    const SetupConfig config = context.effectiveConfig();
    StepPlan plan;
    plan.title = tr("Remove the runner and the delegate");
    plan.commands << PlannedCommand{
        QStringLiteral("uninstall.delegate"), tr("Remove the delegate container"),
        builder.dockerCommand(QStringLiteral("docker rm -f ") + shellQuote(config.delegate.name))};
    plan.commands << PlannedCommand{
        QStringLiteral("uninstall.runner"), tr("Remove the runner container"),
        builder.dockerCommand(QStringLiteral("docker rm -f vm-runner"))};
    if (context.options().removeNetworkOnUninstall)
        plan.commands << PlannedCommand{
            QStringLiteral("uninstall.network"), tr("Remove the harness network"),
            builder.dockerCommand(QStringLiteral("docker network rm harness"))};
    if (context.options().removeDirectoryOnUninstall && safeDirectory(config.runner.directory))
        plan.commands << PlannedCommand{
            QStringLiteral("uninstall.directory"),
            tr("Remove the runner directory with pool.yaml and the key"),
            builder.dockerCommand(QStringLiteral("rm -rf ") + shellQuote(config.runner.directory))};
    return plan;
}

void UninstallStep::run()
{
    ensureFacts([this] {
        const SetupConfig config = context()->effectiveConfig();
        const auto p = [&](const QString &command) {
            return context()->dockerCommand(command);
        };
        const QStringList lines = {
            p(QStringLiteral("docker inspect ") + shellQuote(config.delegate.name)) +
                QStringLiteral(" >/dev/null 2>&1 && echo @@delegate=1"),
            p(QStringLiteral("docker inspect vm-runner")) +
                QStringLiteral(" >/dev/null 2>&1 && echo @@runner=1"),
            p(QStringLiteral("docker network inspect harness")) +
                QStringLiteral(" >/dev/null 2>&1 && echo @@network=1"),
            p(QStringLiteral("test -e ") + shellQuote(config.runner.directory)) +
                QStringLiteral(" && echo @@directory=1"),
            QStringLiteral("true")};
        exec(QStringLiteral("check.uninstall"), lines.join(QLatin1Char('\n')),
             [this](const remote::CommandResult &result) {
                 if (!result.succeeded()) {
                     failCommand(tr("Inspecting the VM"), result);
                     return;
                 }
                 m_state = probeValues(result.stdOut);
                 if (context()->options().removeDirectoryOnUninstall &&
                     !safeDirectory(context()->config().runner.directory))
                     warn(tr("%1 is not removed: it does not look like a runner directory.")
                              .arg(context()->config().runner.directory));
                 m_todo = plan(*context()).commands;
                 next();
             });
    });
}

void UninstallStep::next()
{
    if (m_todo.isEmpty()) {
        succeed();
        return;
    }
    const PlannedCommand command = m_todo.takeFirst();
    const QString key = command.id.section(QLatin1Char('.'), 1);
    if (!m_state.contains(key)) {
        const QString what = key == QLatin1String("delegate")  ? tr("No delegate container")
                             : key == QLatin1String("runner")  ? tr("No runner container")
                             : key == QLatin1String("network") ? tr("No harness network")
                                                               : tr("No runner directory");
        noteAlreadyThere(what);
        next();
        return;
    }
    execPlanned(command, [this, command](const remote::CommandResult &result) {
        if (!result.succeeded()) {
            failCommand(command.summary, result);
            return;
        }
        noteDone(command.summary);
        next();
    });
}

} // namespace gs::steps
