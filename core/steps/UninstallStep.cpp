#include "UninstallStep.h"

#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace gs::steps {

namespace {

QString latin(const char *text)
{
    return QString::fromLatin1(text);
}

QString q(const QString &value)
{
    return shellQuote(value);
}

// Repeated and trailing slashes dropped; "/" stays "/".
QString collapsed(const QString &directory)
{
    static const QRegularExpression slashes(QStringLiteral("/{2,}"));
    QString clean = directory;
    clean.replace(slashes, QStringLiteral("/"));
    while (clean.size() > 1 && clean.endsWith(QLatin1Char('/')))
        clean.chop(1);
    return clean;
}

// A file the setup wrote into the runner directory, by its name there.
QString fileIn(const QString &directory, const QString &name)
{
    const QString base = collapsed(directory);
    return (base == QLatin1String("/") ? QString() : base) + QLatin1Char('/') + name;
}

QString shortList(const QStringList &names)
{
    const int shown = 5;
    QString text = names.mid(0, shown).join(QStringLiteral(", "));
    if (names.size() > shown)
        text += QStringLiteral(", …");
    return text;
}

PlannedCommand plannedCommand(const StepPlan &plan, const QString &id)
{
    for (const PlannedCommand &c : plan.commands)
        if (c.id == id)
            return c;
    return PlannedCommand{};
}

} // namespace

UninstallStep::UninstallStep(StepContext *context, QObject *parent)
    : StepJob(StepKind::Uninstall, context, parent)
{}

QString UninstallStep::removableDirectory(const QString &directory)
{
    const QString clean = collapsed(directory);
    if (!clean.startsWith(QLatin1Char('/')) || clean == QLatin1String("/"))
        return {};
    const QStringList parts = clean.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        if (part == QLatin1String(".") || part == QLatin1String(".."))
            return {};
    return clean;
}

QStringList UninstallStep::filesWeWrite(const SetupConfig &config)
{
    // The names CommandBuilder writes: each file and the temporary it is written through.
    QStringList files;
    const auto add = [&files](const QString &name) {
        files << name << QLatin1Char('.') + name + QStringLiteral(".tmp");
    };
    add(latin(Names::PoolFileName));
    if (!config.runner.serviceAccountKey.isEmpty())
        add(QFileInfo(config.runner.serviceAccountKey).fileName());
    files << latin(Names::AdoptedRecord);
    return files;
}

StepPlan UninstallStep::plan(const StepContext &context)
{
    const CommandBuilder builder = context.builder();
    const SetupConfig config = context.effectiveConfig();
    const QString directory = config.runner.directory;
    const QString record = fileIn(directory, latin(Names::AdoptedRecord));
    // Removes the container only when it is ours: labelled by the setup, or adopted by it (its
    // short id in the record). Checked on the VM, so the command is as safe pasted as run.
    const auto removeOurs = [&](const QString &role, const QString &name) {
        const QString labelOf = builder.dockerCommand(
            QStringLiteral("docker inspect -f ") +
            q(QStringLiteral("{{index .Config.Labels \"%1\"}}").arg(latin(Names::Label))) +
            QLatin1Char(' ') + q(name));
        const QString idOf =
            builder.dockerCommand(QStringLiteral("docker inspect -f ") +
                                  q(QStringLiteral("{{.Id}}")) + QLatin1Char(' ') + q(name));
        return QStringLiteral("{ [ \"$(%1 2>/dev/null)\" = %2 ] || %3; } && %4")
            .arg(labelOf, role,
                 builder.fileCommand(
                     QStringLiteral("grep -qsxF \"%1 $(%2 2>/dev/null | cut -c1-12)\" ")
                         .arg(role, idOf) +
                     q(record)),
                 builder.dockerCommand(QStringLiteral("docker rm -f ") + q(name)));
    };
    StepPlan plan;
    plan.title = tr("Remove the runner and the delegate");
    // The upgrader first: it would start the delegate again.
    const QString upgrader = config.delegate.name + latin(Names::UpgraderSuffix);
    plan.commands << PlannedCommand{
        QStringLiteral("uninstall.upgrader"),
        tr("Remove Harness's upgrader container %1 if this setup installed it (label %2=upgrader)")
            .arg(upgrader, latin(Names::Label)),
        removeOurs(QStringLiteral("upgrader"), upgrader)};
    plan.commands << PlannedCommand{
        QStringLiteral("uninstall.delegate"),
        tr("Remove the delegate container %1 if this setup made it (label %2=delegate) or "
           "adopted it")
            .arg(config.delegate.name, latin(Names::Label)),
        removeOurs(QStringLiteral("delegate"), config.delegate.name)};
    plan.commands << PlannedCommand{
        QStringLiteral("uninstall.runner"),
        tr("Remove the runner container %1 if this setup made it (label %2=runner) or adopted it")
            .arg(latin(Names::RunnerContainer), latin(Names::Label)),
        removeOurs(QStringLiteral("runner"), latin(Names::RunnerContainer))};
    if (context.options().removeNetworkOnUninstall)
        plan.commands << PlannedCommand{
            QStringLiteral("uninstall.network"),
            tr("Remove the harness network if no other container is attached to it"),
            QStringLiteral("[ -z \"$(%1)\" ] && %2")
                .arg(builder.dockerCommand(QStringLiteral("docker ps -aq --filter network=") +
                                           latin(Names::Network)),
                     builder.dockerCommand(QStringLiteral("docker network rm ") +
                                           latin(Names::Network)))};
    if (context.options().removeDirectoryOnUninstall &&
        collapsed(directory).startsWith(QLatin1Char('/'))) {
        QStringList files;
        for (const QString &name : filesWeWrite(config))
            files << q(fileIn(directory, name));
        plan.commands << PlannedCommand{
            QStringLiteral("uninstall.files"),
            tr("Remove the files the setup wrote into %1 (pool.yaml, the key, the record of "
               "adopted containers)")
                .arg(collapsed(directory)),
            builder.fileCommand(QStringLiteral("rm -f -- ") + files.join(QLatin1Char(' ')))};
        const QString removable = removableDirectory(directory);
        if (!removable.isEmpty())
            plan.commands << PlannedCommand{
                QStringLiteral("uninstall.directory"),
                tr("Remove the runner directory %1 if it is empty now (rmdir: a file the setup "
                   "did not write keeps it)")
                    .arg(removable),
                builder.fileCommand(QStringLiteral("rmdir -- ") + q(removable))};
    }
    return plan;
}

void UninstallStep::run()
{
    ensureFacts([this] {
        const CommandBuilder builder = context()->builder();
        const SetupConfig config = context()->effectiveConfig();
        const QString directory = collapsed(config.runner.directory);
        const auto inspect = [&](const QString &name, const QString &key) {
            return QStringLiteral("x=$(%1 2>/dev/null) && echo \"@@%2=$x\"")
                .arg(builder.dockerCommand(
                         QStringLiteral("docker inspect -f ") +
                         q(QStringLiteral("{{.Id}} {{index .Config.Labels \"%1\"}}")
                               .arg(latin(Names::Label))) +
                         QLatin1Char(' ') + q(name)),
                     key);
        };
        // Reading needs no sudo when the user may read: sudo only as the second try (the
        // files may need it for writing while this user has none, e.g. the docker group only).
        const auto readOnly = [&builder](const QString &command) {
            const QString privileged = builder.fileCommand(command);
            return privileged == command
                       ? command
                       : QStringLiteral("{ %1 || %2; } 2>/dev/null").arg(command, privileged);
        };
        const QStringList lines = {
            inspect(config.delegate.name + latin(Names::UpgraderSuffix),
                    QStringLiteral("upgrader")),
            inspect(config.delegate.name, QStringLiteral("delegate")),
            inspect(latin(Names::RunnerContainer), QStringLiteral("runner")),
            builder.dockerCommand(QStringLiteral("docker network inspect harness")) +
                QStringLiteral(" >/dev/null 2>&1 && echo @@network=1"),
            builder.dockerCommand(QStringLiteral("docker ps -a --filter network=harness --format "
                                                 "'@@attached={{.Names}}'")) +
                QStringLiteral(" 2>/dev/null"),
            readOnly(QStringLiteral("cat ") + q(fileIn(directory, latin(Names::AdoptedRecord)))) +
                QStringLiteral(" 2>/dev/null | sed 's/^/@@adopted=/'"),
            readOnly(QStringLiteral("test -d ") + q(directory)) +
                QStringLiteral(" && echo @@directory=1"),
            readOnly(QStringLiteral("ls -A ") + q(directory)) +
                QStringLiteral(" 2>/dev/null | sed 's/^/@@entry=/'"),
            QStringLiteral("true")};
        exec(QStringLiteral("check.uninstall"), lines.join(QLatin1Char('\n')),
             [this](const remote::CommandResult &result) {
                 if (!result.succeeded()) {
                     failCommand(tr("Inspecting the VM"), result);
                     return;
                 }
                 analyse(result.stdOut);
             });
    });
}

void UninstallStep::analyse(const QByteArray &output)
{
    const QHash<QString, QString> values = probeValues(output);
    const StepPlan all = plan(*context());

    m_todo.clear();
    const QStringList removing =
        checkContainers(values, probeValueList(output, QStringLiteral("adopted")), all);
    if (context()->options().removeNetworkOnUninstall)
        checkNetwork(values, probeValueList(output, QStringLiteral("attached")), removing, all);
    if (context()->options().removeDirectoryOnUninstall)
        checkDirectory(values, probeValueList(output, QStringLiteral("entry")), all);

    if (m_todo.isEmpty()) {
        say(tr("Nothing to remove."));
        succeed();
        return;
    }
    if (!context()->options().confirmUninstall) {
        next();
        return;
    }
    confirmRemoval();
}

QStringList UninstallStep::checkContainers(const QHash<QString, QString> &values,
                                           const QStringList &adopted, const StepPlan &all)
{
    const SetupConfig config = context()->effectiveConfig();
    QStringList removing; // container names
    struct Ours
    {
        QString role;
        QString name;
        QString absent;
    };
    const QList<Ours> containers = {
        // No word when there is none: the upgrader is optional.
        {QStringLiteral("upgrader"), config.delegate.name + latin(Names::UpgraderSuffix), {}},
        {QStringLiteral("delegate"), config.delegate.name,
         tr("No delegate container %1").arg(config.delegate.name)},
        {QStringLiteral("runner"), latin(Names::RunnerContainer),
         tr("No runner container %1").arg(latin(Names::RunnerContainer))}};
    for (const Ours &c : containers) {
        if (!values.contains(c.role)) {
            if (!c.absent.isEmpty())
                noteAlreadyThere(c.absent);
            continue;
        }
        const QString value = values.value(c.role);
        const QString id = value.section(QLatin1Char(' '), 0, 0);
        const QString label = value.section(QLatin1Char(' '), 1).trimmed();
        if (label == c.role || adopted.contains(c.role + QLatin1Char(' ') + id.left(12))) {
            m_todo << plannedCommand(all, QStringLiteral("uninstall.") + c.role);
            removing << c.name;
        } else {
            warn(tr("Left the container %1: this setup did not make it (no %2=%3 label) and did "
                    "not adopt it.")
                     .arg(c.name, latin(Names::Label), c.role));
        }
    }
    return removing;
}

void UninstallStep::checkNetwork(const QHash<QString, QString> &values, const QStringList &attached,
                                 const QStringList &removing, const StepPlan &all)
{
    // The containers going away now do not keep the network.
    QStringList others = attached;
    for (const QString &name : removing)
        others.removeAll(name);
    if (!values.contains(QStringLiteral("network")))
        noteAlreadyThere(tr("No harness network"));
    else if (!others.isEmpty())
        warn(tr("Left the harness network: other containers are attached to it (%1).")
                 .arg(shortList(others)));
    else
        m_todo << plannedCommand(all, QStringLiteral("uninstall.network"));
}

void UninstallStep::checkDirectory(const QHash<QString, QString> &values,
                                   const QStringList &entries, const StepPlan &all)
{
    const SetupConfig config = context()->effectiveConfig();
    const QString directory = collapsed(config.runner.directory);
    const QStringList ours = filesWeWrite(config);
    QStringList foreign;
    bool anyOurs = false;
    for (const QString &entry : entries) {
        if (ours.contains(entry))
            anyOurs = true;
        else
            foreign << entry;
    }
    if (!values.contains(QStringLiteral("directory"))) {
        noteAlreadyThere(tr("No runner directory %1").arg(directory));
        return;
    }
    if (anyOurs)
        m_todo << plannedCommand(all, QStringLiteral("uninstall.files"));
    if (removableDirectory(directory).isEmpty())
        warn(tr("Kept the directory %1: uninstall removes only a directory given by an "
                "absolute path other than \"/\", without \".\" or \"..\".")
                 .arg(directory));
    else if (!foreign.isEmpty())
        warn(tr("Kept the runner directory %1: it holds files the setup did not write "
                "(%2).")
                 .arg(directory, shortList(foreign)));
    else
        m_todo << plannedCommand(all, QStringLiteral("uninstall.directory"));
}

void UninstallStep::confirmRemoval()
{
    Decision decision;
    decision.kind = Decision::Kind::ConfirmUninstall;
    decision.question = tr("Remove these from the VM?");
    QStringList what;
    for (const PlannedCommand &c : std::as_const(m_todo)) {
        what << QStringLiteral("- ") + c.summary;
        decision.commands << c.script;
    }
    decision.details = what.join(QLatin1Char('\n'));
    decision.acceptLabel = tr("Remove");
    decision.declineLabel = tr("Cancel");
    decision.recommendAccept = true;
    ask(decision, [this](bool accept) {
        if (!accept) {
            fail(tr("Nothing was removed: the removal was not confirmed."));
            return;
        }
        next();
    });
}

QString UninstallStep::doneText(const QString &id) const
{
    const SetupConfig config = context()->effectiveConfig();
    if (id == QLatin1String("uninstall.upgrader"))
        return tr("Removed the upgrader container %1")
            .arg(config.delegate.name + latin(Names::UpgraderSuffix));
    if (id == QLatin1String("uninstall.delegate"))
        return tr("Removed the delegate container %1").arg(config.delegate.name);
    if (id == QLatin1String("uninstall.runner"))
        return tr("Removed the runner container %1").arg(latin(Names::RunnerContainer));
    if (id == QLatin1String("uninstall.network"))
        return tr("Removed the harness network");
    if (id == QLatin1String("uninstall.files"))
        return tr("Removed the files the setup wrote into %1")
            .arg(collapsed(config.runner.directory));
    return tr("Removed the runner directory %1").arg(collapsed(config.runner.directory));
}

void UninstallStep::next()
{
    if (m_todo.isEmpty()) {
        succeed();
        return;
    }
    const PlannedCommand command = m_todo.takeFirst();
    execPlanned(command, [this, command](const remote::CommandResult &result) {
        if (!result.succeeded()) {
            if (command.id == QLatin1String("uninstall.directory")) {
                // Something appeared in it since we looked: it stays, like any foreign file.
                warn(tr("Kept the runner directory: rmdir did not remove it (%1).")
                         .arg(QString::fromUtf8(result.stdErr).trimmed()));
                next();
                return;
            }
            failCommand(command.summary, result);
            return;
        }
        noteDone(doneText(command.id));
        next();
    });
}

} // namespace gs::steps
