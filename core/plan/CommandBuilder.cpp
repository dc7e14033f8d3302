#include "CommandBuilder.h"

#include "GcloudSshCommand.h"
#include "ShellQuote.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace gs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::CommandBuilder", text);
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
{
    m_privileges = Privileges::fromAnswer(config.ssh.sudo);
    m_config = std::move(config);
}

CommandBuilder::CommandBuilder(SetupConfig config, Privileges privileges)
    : m_config(std::move(config))
    , m_privileges(privileges)
{}

QString CommandBuilder::withSudo(bool sudo, const QString &variable, const QString &command) const
{
    if (m_privilegesAtRunTime)
        return QLatin1Char('$') + variable + QLatin1Char(' ') + command;
    return sudo ? QLatin1String("sudo ") + command : command;
}

QString CommandBuilder::dockerCommand(const QString &command) const
{
    return withSudo(m_privileges.docker, dockerSudoVariable(), command);
}

QString CommandBuilder::fileCommand(const QString &command) const
{
    return withSudo(m_privileges.files, filesSudoVariable(), command);
}

QString CommandBuilder::systemCommand(const QString &command) const
{
    return withSudo(m_privileges.system, systemSudoVariable(), command);
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
        adopt =
            dockerCommand(QStringLiteral("docker rm -f ") + quoted.mid(1).join(QLatin1Char(' '))) +
            QLatin1String(" && ");
    adopt += dockerCommand(QStringLiteral("docker rename ") + quoted.first() + QLatin1Char(' ') +
                           q(name)) +
             QLatin1String(" && ") +
             dockerCommand(QStringLiteral("docker update --restart unless-stopped ") + q(name));
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
        dockerCommand(QStringLiteral("docker rm -f ") + quoted.join(QLatin1Char(' ')))};
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

QString CommandBuilder::copyToVm(const QStringList &localFiles) const
{
    QStringList files;
    for (const QString &file : localFiles)
        files << quoteLocalPath(file);
    GcloudSshCommand gcloud;
    QString ignored;
    if (!m_config.ssh.gcloudCommand.isEmpty() &&
        GcloudSshCommand::parse(m_config.ssh.gcloudCommand, &gcloud, &ignored)) {
        QStringList words{QStringLiteral("gcloud compute scp")};
        words << files;
        words << q((gcloud.user.isEmpty() ? gcloud.instance
                                          : gcloud.user + QLatin1Char('@') + gcloud.instance) +
                   QStringLiteral(":~"));
        words << QStringLiteral("--zone") << q(gcloud.zone);
        if (gcloud.tunnelThroughIap)
            words << QStringLiteral("--tunnel-through-iap");
        if (!gcloud.project.isEmpty())
            words << QStringLiteral("--project") << q(gcloud.project);
        return words.join(QLatin1Char(' '));
    }
    QStringList words{QStringLiteral("scp")};
    if (m_config.ssh.port != 22)
        words << QStringLiteral("-P") << QString::number(m_config.ssh.port);
    if (!m_config.ssh.identityFile.isEmpty())
        words << QStringLiteral("-i") << quoteLocalPath(m_config.ssh.identityFile);
    words << files;
    const QString host =
        m_config.ssh.host.isEmpty() ? QStringLiteral("VM_ADDRESS") : m_config.ssh.host;
    words << q((m_config.ssh.user.isEmpty() ? host : m_config.ssh.user + QLatin1Char('@') + host) +
               QLatin1Char(':'));
    return words.join(QLatin1Char(' '));
}

QString CommandBuilder::runnerDirectoryWritableTest(const QString &directory)
{
    // A subshell, so `exit` ends only the test; plain POSIX sh (the login shell may be dash).
    return QStringLiteral("( d=%1; if [ -d \"$d\" ]; then [ -w \"$d\" ] || exit 1; "
                          "for f in \"$d\"/* \"$d\"/.[!.]*; do [ ! -f \"$f\" ] || "
                          "{ [ -r \"$f\" ] && [ -w \"$f\" ]; } || exit 1; done; exit 0; fi; "
                          "p=$(dirname \"$d\"); while [ ! -e \"$p\" ]; do p=$(dirname \"$p\"); "
                          "done; [ -d \"$p\" ] && [ -w \"$p\" ] )")
        .arg(q(directory));
}

StepPlan CommandBuilder::docker() const
{
    StepPlan step{StepId::Docker, tr("Install Docker"), {}};
    step.commands << PlannedCommand{
        QStringLiteral("docker.check"), tr("Check that Docker is installed and its daemon answers"),
        dockerCommand(QStringLiteral("docker version --format '{{.Server.Version}}'"))};
    PlannedCommand install{QStringLiteral("docker.install"),
                           tr("Install Docker from the distribution (Debian/Ubuntu), only if the "
                              "check failed"),
                           systemCommand(QStringLiteral("apt-get update")) + QLatin1String(" && ") +
                               systemCommand(QStringLiteral("apt-get install -y docker.io"))};
    install.optional = true;
    step.commands << install;
    PlannedCommand start{QStringLiteral("docker.start"),
                         tr("Start the Docker daemon now and at every boot"),
                         systemCommand(QStringLiteral("systemctl enable --now docker"))};
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
                                    fileCommand(QStringLiteral("mkdir -p ") + q(runner.directory))};

    PlannedCommand pool{
        QStringLiteral("runner.pool"),
        tr("Write pool.yaml into it, readable only by its owner (the old file stays until the new "
           "one is complete)"),
        fileCommand(QStringLiteral("sh -c ") + q(atomicWriteScript(remotePoolPath())))};
    pool.stdinFromFile = runner.poolFile;
    pool.stdinContent = m_poolContent;
    pool.stdinIsFile = true;
    step.commands << pool;

    if (!runner.serviceAccountKey.isEmpty()) {
        PlannedCommand key{
            QStringLiteral("runner.key"),
            tr("Write the service-account key next to it (json_path points here); copy the key "
               "file to the VM first, e.g. with gcloud compute scp"),
            fileCommand(QStringLiteral("sh -c ") + q(atomicWriteScript(remoteKeyPath())))};
        key.stdinFromFile = runner.serviceAccountKey;
        key.stdinIsFile = true;
        key.stdinIsSecretFile = true;
        step.commands << key;
    }

    step.commands << PlannedCommand{
        QStringLiteral("runner.network"),
        tr("Create the \"harness\" Docker network, only if it is missing"),
        dockerCommand(QStringLiteral("docker network inspect harness >/dev/null 2>&1")) +
            QLatin1String(" || ") + dockerCommand(QStringLiteral("docker network create harness"))};

    step.commands << foundCommands(QStringLiteral("runner"), m_config.found.runners,
                                   latin(Names::RunnerContainer));

    PlannedCommand remove{
        QStringLiteral("runner.remove"),
        tr("Only when replacing an existing runner: remove its container"),
        dockerCommand(QStringLiteral("docker rm -f ") + latin(Names::RunnerContainer))};
    remove.optional = true;
    step.commands << remove;

    const QString containerDir = QStringLiteral("/runner");
    step.commands << PlannedCommand{
        QStringLiteral("runner.run"), tr("Start the runner container"),
        multiline({dockerCommand(QStringLiteral("docker run -d")),
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
                          dockerCommand(QStringLiteral("docker rm -f ") + q(d.name))};
    remove.optional = true;
    step.commands << remove;

    const auto env = [](const QString &name, const QString &value) {
        return QStringLiteral("-e ") + q(name + QLatin1Char('=') + value);
    };
    PlannedCommand run{
        QStringLiteral("delegate.run"),
        tr("Start the delegate; the token is handed over privately, never on the command line or "
           "in a file"),
        multiline({dockerCommand(QStringLiteral("docker run -d")),
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
                                       const QString &token) const
{
    if (command.stdinIsToken) {
        switch (display) {
        case TokenDisplay::HiddenPrompt:
            return QStringLiteral("read -rsp 'Delegate token: ' DELEGATE_TOKEN && echo &&\n") +
                   tokenFeed(QStringLiteral("\"$DELEGATE_TOKEN\"")) + command.script;
        case TokenDisplay::Revealed:
            return tokenFeed(q(token)) + command.script;
        }
    }
    if (command.stdinIsSecretFile) {
        // A private key is not pasted through a terminal: copy the file to the VM first.
        return command.script + QStringLiteral(" < ") +
               q(QFileInfo(command.stdinFromFile).fileName());
    }
    if (command.stdinIsFile) {
        QByteArray content = command.stdinContent;
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

QString CommandBuilder::tokenFeed(const QString &tokenWord)
{
    // printf is a shell builtin: the token is in no process's argv.
    return QStringLiteral("printf 'DELEGATE_TOKEN=%s\\n' ") + tokenWord + QStringLiteral(" |\n");
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

} // namespace gs
