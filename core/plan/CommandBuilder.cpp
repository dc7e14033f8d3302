#include "CommandBuilder.h"

#include "GcloudSshCommand.h"
#include "ShellQuote.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace gs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandBuilder", text);
}

QString q(const QString &value)
{
    return shellQuote(value);
}

QString latin(const char *text)
{
    return QString::fromLatin1(text);
}

// A path on the user's computer: "~/" must stay unquoted for the shell to expand it.
QString quoteLocalPath(const QString &path)
{
    if (path.startsWith(QLatin1String("~/")))
        return QStringLiteral("~/") + q(path.mid(2));
    return q(path);
}

// Renders `docker run` the way the documentation does: one option per line, continued with "\".
QString multiline(const QStringList &lines)
{
    return lines.join(QLatin1String(" \\\n  "));
}

// A here-document delimiter that no line of `content` equals.
QString heredocDelimiter(const QByteArray &content)
{
    QString delimiter = QStringLiteral("GITSPACES_EOF");
    const QList<QByteArray> lines = content.split('\n');
    for (int n = 1; lines.contains(delimiter.toUtf8()); ++n)
        delimiter = QStringLiteral("GITSPACES_EOF_%1").arg(n);
    return delimiter;
}

// The command that writes its stdin to `path` atomically, readable only by its owner.
QString atomicWriteScript(const QString &path)
{
    const QFileInfo info(path);
    const QString temporary =
        info.path() + QLatin1String("/.") + info.fileName() + QLatin1String(".tmp");
    return QStringLiteral("umask 077 && cat > %1 && mv -f %1 %2").arg(q(temporary), q(path));
}

} // namespace

CommandBuilder::CommandBuilder(SetupConfig config)
    : m_config(std::move(config))
{}

QString CommandBuilder::privileged(const QString &command) const
{
    return m_config.ssh.sudo ? QLatin1String("sudo ") + command : command;
}

QString CommandBuilder::remotePoolPath() const
{
    return m_config.runner.directory + QLatin1Char('/') + latin(Names::PoolFileName);
}

QString CommandBuilder::remoteKeyPath() const
{
    if (m_config.runner.serviceAccountKey.isEmpty())
        return {};
    return m_config.runner.directory + QLatin1Char('/') +
           QFileInfo(m_config.runner.serviceAccountKey).fileName();
}

QList<PlannedCommand> CommandBuilder::foundCommands(const QString &prefix, const QStringList &found,
                                                    const QString &name) const
{
    if (found.isEmpty())
        return {};
    const bool runner = prefix == QLatin1String("runner");
    QStringList quoted;
    for (const QString &id : found)
        quoted << q(id);
    // Keep: the first one takes our name (so from now on it is managed by name) and restarts with
    // the VM like ours; its copies go, so there is never a second one.
    QString adopt;
    if (found.size() > 1)
        adopt = privileged(QStringLiteral("docker rm -f ") + quoted.mid(1).join(QLatin1Char(' '))) +
                QLatin1String(" && ");
    adopt +=
        privileged(QStringLiteral("docker rename ") + quoted.first() + QLatin1Char(' ') + q(name)) +
        QLatin1String(" && ") +
        privileged(QStringLiteral("docker update --restart unless-stopped ") + q(name));
    PlannedCommand keep{
        prefix + QStringLiteral(".adopt"),
        runner ? tr("Only when keeping the runner started by hand: name it vm-runner and let it "
                    "restart with the VM")
               : tr("Only when keeping the delegate started by hand: give it its delegate name "
                    "as container name and let it restart with the VM"),
        adopt};
    keep.optional = true;
    PlannedCommand remove{
        prefix + QStringLiteral(".remove-found"),
        runner ? tr("Only when replacing the runner started by hand: remove it")
               : tr("Only when replacing the delegate started by hand: remove "
                    "it"),
        privileged(QStringLiteral("docker rm -f ") + quoted.join(QLatin1Char(' ')))};
    remove.optional = true;
    return {keep, remove};
}

StepPlan CommandBuilder::connect() const
{
    StepPlan step{StepId::Connect, tr("Connect to the runner VM"), {}};
    GcloudSshCommand gcloud;
    QString ignored;
    if (!m_config.ssh.gcloudCommand.isEmpty() &&
        GcloudSshCommand::parse(m_config.ssh.gcloudCommand, &gcloud, &ignored)) {
        step.commands << PlannedCommand{QStringLiteral("connect.gcloud"),
                                        tr("Open a shell on the VM through Google's IAP tunnel "
                                           "(run on your computer)"),
                                        gcloud.toCommandLine()};
        return step;
    }
    QStringList words{QStringLiteral("ssh")};
    if (m_config.ssh.port != 22)
        words << QStringLiteral("-p") << QString::number(m_config.ssh.port);
    if (!m_config.ssh.identityFile.isEmpty())
        words << QStringLiteral("-i") << quoteLocalPath(m_config.ssh.identityFile);
    const QString host =
        m_config.ssh.host.isEmpty() ? QStringLiteral("VM_ADDRESS") : m_config.ssh.host;
    words << q(m_config.ssh.user.isEmpty() ? host : m_config.ssh.user + QLatin1Char('@') + host);
    step.commands << PlannedCommand{QStringLiteral("connect.ssh"),
                                    tr("Open a shell on the VM (run on your computer)"),
                                    words.join(QLatin1Char(' '))};
    return step;
}

StepPlan CommandBuilder::docker() const
{
    StepPlan step{StepId::Docker, tr("Install Docker"), {}};
    step.commands << PlannedCommand{
        QStringLiteral("docker.check"), tr("Check that Docker is installed and its daemon answers"),
        privileged(QStringLiteral("docker version --format '{{.Server.Version}}'"))};
    PlannedCommand install{QStringLiteral("docker.install"),
                           tr("Install Docker from the distribution (Debian/Ubuntu), only if the "
                              "check failed"),
                           privileged(QStringLiteral("apt-get update")) + QLatin1String(" && ") +
                               privileged(QStringLiteral("apt-get install -y docker.io"))};
    install.optional = true;
    step.commands << install;
    PlannedCommand start{QStringLiteral("docker.start"),
                         tr("Start the Docker daemon now and at every boot"),
                         privileged(QStringLiteral("systemctl enable --now docker"))};
    start.optional = true;
    step.commands << start;
    return step;
}

StepPlan CommandBuilder::runner() const
{
    const RunnerSettings &runner = m_config.runner;
    StepPlan step{StepId::Runner, tr("Start the VM runner"), {}};
    step.commands << PlannedCommand{QStringLiteral("runner.directory"),
                                    tr("Create the runner directory"),
                                    privileged(QStringLiteral("mkdir -p ") + q(runner.directory))};

    PlannedCommand pool{
        QStringLiteral("runner.pool"),
        tr("Write pool.yaml into it (atomically, readable only by root)"),
        privileged(QStringLiteral("sh -c ") + q(atomicWriteScript(remotePoolPath())))};
    pool.stdinFromFile = runner.poolFile;
    pool.stdinIsFile = true;
    step.commands << pool;

    if (!runner.serviceAccountKey.isEmpty()) {
        PlannedCommand key{
            QStringLiteral("runner.key"),
            tr("Write the service-account key next to it (json_path points here); copy the key "
               "file to the VM first, e.g. with gcloud compute scp"),
            privileged(QStringLiteral("sh -c ") + q(atomicWriteScript(remoteKeyPath())))};
        key.stdinFromFile = runner.serviceAccountKey;
        key.stdinIsFile = true;
        key.stdinIsSecretFile = true;
        step.commands << key;
    }

    step.commands << PlannedCommand{
        QStringLiteral("runner.network"),
        tr("Create the \"harness\" Docker network, only if it is missing"),
        privileged(QStringLiteral("docker network inspect harness >/dev/null 2>&1")) +
            QLatin1String(" || ") + privileged(QStringLiteral("docker network create harness"))};

    step.commands << foundCommands(QStringLiteral("runner"), m_config.found.runners,
                                   latin(Names::RunnerContainer));

    PlannedCommand remove{
        QStringLiteral("runner.remove"),
        tr("Only when replacing an existing runner: remove its container"),
        privileged(QStringLiteral("docker rm -f ") + latin(Names::RunnerContainer))};
    remove.optional = true;
    step.commands << remove;

    const QString containerDir = QStringLiteral("/runner");
    step.commands << PlannedCommand{
        QStringLiteral("runner.run"), tr("Start the runner container"),
        multiline({privileged(QStringLiteral("docker run -d")),
                   QStringLiteral("--name ") + latin(Names::RunnerContainer),
                   QStringLiteral("--restart unless-stopped"),
                   QStringLiteral("--network ") + latin(Names::Network),
                   QStringLiteral("--hostname ") + latin(Names::RunnerContainer),
                   QStringLiteral("-v ") + q(runner.directory + QLatin1Char(':') + containerDir),
                   QStringLiteral("-p 3000:3000"), QStringLiteral("--platform linux/amd64"),
                   q(runner.image), QStringLiteral("delegate"),
                   QStringLiteral("--pool ") +
                       q(containerDir + QLatin1Char('/') + latin(Names::PoolFileName))})};
    return step;
}

StepPlan CommandBuilder::delegate() const
{
    const DelegateSettings &d = m_config.delegate;
    StepPlan step{StepId::Delegate, tr("Install the Harness delegate"), {}};
    step.commands << foundCommands(QStringLiteral("delegate"), m_config.found.delegates, d.name);
    PlannedCommand remove{QStringLiteral("delegate.remove"),
                          tr("Only when replacing an existing delegate: remove its container"),
                          privileged(QStringLiteral("docker rm -f ") + q(d.name))};
    remove.optional = true;
    step.commands << remove;

    const auto env = [](const QString &name, const QString &value) {
        return QStringLiteral("-e ") + q(name + QLatin1Char('=') + value);
    };
    PlannedCommand run{
        QStringLiteral("delegate.run"),
        tr("Start the delegate; the token arrives on standard input, never on the command line"),
        multiline({privileged(QStringLiteral("docker run -d")),
                   QStringLiteral("--name ") + q(d.name),
                   QStringLiteral("--restart unless-stopped"),
                   QStringLiteral("--network ") + latin(Names::Network),
                   QStringLiteral("--cpus=") + q(d.cpus), QStringLiteral("--memory=") + q(d.memory),
                   env(QStringLiteral("DELEGATE_NAME"), d.name),
                   env(QStringLiteral("DEPLOY_MODE"), QStringLiteral("KUBERNETES_ONPREM")),
                   env(QStringLiteral("NEXT_GEN"), QStringLiteral("true")),
                   env(QStringLiteral("DELEGATE_TYPE"), QStringLiteral("DOCKER")),
                   env(QStringLiteral("ACCOUNT_ID"), d.accountId),
                   QStringLiteral("--env-file /dev/stdin"),
                   env(QStringLiteral("DELEGATE_TAGS"), d.tags.join(QLatin1Char(','))),
                   env(QStringLiteral("RUNNER_URL"), latin(Names::RunnerUrl)),
                   env(QStringLiteral("MANAGER_HOST_AND_PORT"), d.manager), q(d.image)})};
    run.stdinIsToken = true;
    step.commands << run;
    return step;
}

QList<StepPlan> CommandBuilder::all() const
{
    return {connect(), docker(), runner(), delegate()};
}

QString CommandBuilder::renderForPaste(const PlannedCommand &command, TokenDisplay display,
                                       const QString &token, const QByteArray &fileContent) const
{
    if (command.stdinIsToken) {
        const QString feed = QStringLiteral("printf 'DELEGATE_TOKEN=%s\\n' ");
        switch (display) {
        case TokenDisplay::HiddenPrompt:
            return QStringLiteral("read -rsp 'Delegate token: ' DELEGATE_TOKEN && echo &&\n") +
                   feed + QStringLiteral("\"$DELEGATE_TOKEN\" |\n") + command.script;
        case TokenDisplay::Masked:
            return feed + q(QStringLiteral("••••••••")) + QStringLiteral(" |\n") + command.script;
        case TokenDisplay::Revealed:
            return feed + q(token) + QStringLiteral(" |\n") + command.script;
        }
    }
    if (command.stdinIsSecretFile) {
        // A private key is not pasted through a terminal: copy the file to the VM first.
        return command.script + QStringLiteral(" < ") +
               q(QFileInfo(command.stdinFromFile).fileName());
    }
    if (command.stdinIsFile) {
        QByteArray content = fileContent;
        if (content.isEmpty() && !command.stdinFromFile.isEmpty()) {
            QFile file(command.stdinFromFile);
            if (file.open(QIODevice::ReadOnly))
                content = file.readAll();
        }
        if (content.isEmpty())
            content = QByteArrayLiteral("# ") +
                      tr("Paste the content of %1 here.").arg(command.stdinFromFile).toUtf8();
        if (!content.endsWith('\n'))
            content += '\n';
        const QString delimiter = heredocDelimiter(content);
        return command.script + QStringLiteral(" <<'") + delimiter + QStringLiteral("'\n") +
               QString::fromUtf8(content) + delimiter;
    }
    return command.script;
}

QString CommandBuilder::renderStepForPaste(const StepPlan &step, TokenDisplay display,
                                           const QString &token) const
{
    QStringList blocks;
    for (const PlannedCommand &command : step.commands) {
        QString block = QStringLiteral("# ") + command.summary + QLatin1Char('\n');
        const QString text = renderForPaste(command, display, token);
        if (command.optional)
            block += QStringLiteral("# ") +
                     QString(text).replace(QLatin1Char('\n'), QStringLiteral("\n# "));
        else
            block += text;
        blocks << block;
    }
    return blocks.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

QString CommandBuilder::exportScript() const
{
    QString script = QStringLiteral(
        "#!/usr/bin/env bash\n"
        "# Gitspaces Host Setup: the VM runner and the Harness delegate for self-hosted "
        "Gitspaces.\n"
        "# Generated by gitspaces-setup. Run it on the runner VM. The delegate token is asked for\n"
        "# at a hidden prompt, so it stays out of the shell history and the process list.\n"
        "set -euo pipefail\n");
    const StepPlan connectStep = connect();
    script += QStringLiteral("\n# Step 1. %1. On your computer:\n").arg(connectStep.title);
    for (const PlannedCommand &command : connectStep.commands)
        script += QStringLiteral("#   ") + command.script + QLatin1Char('\n');
    int number = 2;
    for (const StepPlan &step : {docker(), runner(), delegate()}) {
        script += QStringLiteral("\n# Step %1. %2\n").arg(number++).arg(step.title);
        if (step.id == StepId::Docker) {
            // Install only when the check fails, as the wizard does.
            script += QStringLiteral("# ") + step.commands.at(0).summary + QLatin1Char('\n');
            script += QStringLiteral("if ! ") + step.commands.at(0).script +
                      QStringLiteral(" >/dev/null 2>&1; then\n  ") + step.commands.at(1).script +
                      QStringLiteral("\n  ") + step.commands.at(2).script +
                      QStringLiteral("\nfi\n");
            continue;
        }
        script += renderStepForPaste(step, TokenDisplay::HiddenPrompt);
    }
    return script;
}

} // namespace gs
