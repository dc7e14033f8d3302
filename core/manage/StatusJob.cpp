#include "StatusJob.h"

#include "LineDiff.h"
#include "ManagedContainer.h"
#include "UpgraderJob.h"
#include "harness/HarnessClient.h"
#include "plan/CommandBuilder.h"
#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"
#include "steps/LogDiagnosis.h"
#include "steps/PoolUpload.h"

#include <QCoreApplication>

namespace gs::manage {

namespace {

const char *const ContainerFormat =
    "@@c={{.Name}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|"
    "{{.Config.Image}}|{{.Image}}|{{.State.StartedAt}}|{{.RestartCount}}|"
    "{{index .Config.Labels \"io.harness.gitspaces-setup\"}}";
// (`join` refuses RepoDigests on Docker 20.10: "expected []string")
const char *const ImageFormat = "@@img={{.Id}}|{{.Created}}|{{range .RepoDigests}}{{.}},{{end}}";

// Lines of the probe. With `decideOnVm`, Docker's and the files' sudo are decided by the script
// ($D, `sudo -n`) and the slow parts run side by side; otherwise the context's privileges are
// used, one line after the other (a password-fed sudo caches its credentials per shell).
struct ScriptParts
{
    bool decideOnVm;
    const CommandBuilder &builder;

    QString docker(const QString &arguments) const
    {
        return decideOnVm ? QStringLiteral("$D ") + arguments
                          : builder.dockerCommand(QStringLiteral("docker ") + arguments);
    }
    QString readFile(const QString &path) const
    {
        const QString cat = QStringLiteral("cat ") + shellQuote(path);
        return decideOnVm
                   ? QStringLiteral("{ ") + cat + QStringLiteral(" 2>/dev/null || sudo -n ") + cat +
                         QStringLiteral("; }")
                   : builder.fileCommand(cat);
    }
};

QString healthCheck()
{
    const QString url = QStringLiteral("http://127.0.0.1:3000/healthz");
    return QStringLiteral("if command -v curl >/dev/null 2>&1; then curl -sS -m 5 %1; "
                          "elif command -v wget >/dev/null 2>&1; then wget -q -T 5 -O - %1; fi")
        .arg(url);
}

void parseContainer(const QString &line, VmStatus *status)
{
    const QStringList f = line.split(QLatin1Char('|'));
    const QString name = f.value(0).mid(1); // "/vm-runner"
    ContainerStatus *target = name == status->runner.name     ? &status->runner
                              : name == status->delegate.name ? &status->delegate
                              : name == status->upgrader.name ? &status->upgrader
                                                              : nullptr;
    if (!target)
        return;
    target->present = true;
    target->state = f.value(1);
    target->health = f.value(2);
    target->image = f.value(3);
    target->imageId = f.value(4);
    target->startedAt = f.value(5);
    target->restarts = f.value(6).toInt();
    target->label = f.value(7) == QLatin1String("<no value>") ? QString() : f.value(7);
}

void parseImage(const QString &line, VmStatus *status)
{
    const QStringList f = line.split(QLatin1Char('|'));
    for (ContainerStatus *c : {&status->runner, &status->delegate, &status->upgrader}) {
        if (!c->present || c->imageId != f.value(0))
            continue;
        c->imageCreated = f.value(1);
        const QStringList digests = f.value(2).split(QLatin1Char(','), Qt::SkipEmptyParts);
        // The digest of the repository the container names, when the image has several.
        const QString repository = c->image.section(QLatin1Char(':'), 0, 0);
        c->digest = digests.value(0);
        for (const QString &digest : digests)
            if (digest.section(QLatin1Char('@'), 0, 0) == repository)
                c->digest = digest;
    }
}

} // namespace

StatusJob::StatusJob(steps::StepContext *context, QObject *parent)
    : ManageJob(context, parent)
{}

void StatusJob::setHarness(harness::HarnessClient *client, const Secret &apiKey)
{
    m_harness = client;
    m_apiKey = Secret::fromBytes(apiKey.view());
}

QString StatusJob::script(const SetupConfig &config)
{
    return script(config, CommandBuilder(config), true);
}

QString StatusJob::script(const SetupConfig &config, const CommandBuilder &builder, bool decideOnVm)
{
    const ScriptParts p{decideOnVm, builder};
    const QString runner = QString::fromLatin1(Names::RunnerContainer);
    const QString delegate = config.delegate.name;
    const QString upgrader = UpgraderJob::containerName(delegate);
    // A part's commands start on lines of their own, so a password-fed sudo is wired
    // (StepContext::wireScript); its output goes to its own file.
    const auto part = [decideOnVm](const QString &commands, int file) {
        return QStringLiteral("{\n") + commands +
               QStringLiteral("\n} >\"$t/%1\" 2>/dev/null").arg(file) +
               (decideOnVm ? QStringLiteral(" &") : QString());
    };
    QStringList lines;
    if (decideOnVm) {
        lines << QStringLiteral(
            "command -v docker >/dev/null 2>&1 || { echo @@docker=missing; exit 0; }\n"
            "if [ \"$(id -u)\" = 0 ] || [ -w /var/run/docker.sock ]; then D=docker\n"
            "elif sudo -n true 2>/dev/null; then D='sudo -n docker'\n"
            "else echo @@docker=no-access; exit 0; fi");
    }
    lines << QStringLiteral("t=$(mktemp -d) || exit 1");
    lines << part(p.docker(QStringLiteral("version --format '@@server={{.Server.Version}}'")), 0);
    lines << part(p.docker(QStringLiteral("inspect --format ") +
                           shellQuote(QString::fromLatin1(ContainerFormat)) + QLatin1Char(' ') +
                           shellQuote(runner) + QLatin1Char(' ') + shellQuote(delegate) +
                           QLatin1Char(' ') + shellQuote(upgrader)),
                  1);
    lines << part(p.docker(QStringLiteral("logs --tail 300 ") + shellQuote(runner)) +
                      QStringLiteral(" 2>&1 | sed 's/^/@@rlog=/'"),
                  2);
    // The recent lines, and the "registered" line however long ago it came.
    lines << part(p.docker(QStringLiteral("logs --tail 300 ") + shellQuote(delegate)) +
                      QStringLiteral(" 2>&1 | sed 's/^/@@dlog=/'\n") +
                      p.docker(QStringLiteral("logs ") + shellQuote(delegate)) +
                      QStringLiteral(" 2>&1 | grep -m1 'Delegate registered with id' | "
                                     "sed 's/^/@@dreg=/'"),
                  3);
    lines << part(p.docker(QStringLiteral("network inspect --format "
                                          "'{{range .Containers}}@@netc={{.Name}}\n{{end}}' ") +
                           shellQuote(QString::fromLatin1(Names::Network))) +
                      QStringLiteral(" && echo @@net=present"),
                  4);
    // The answer on one line: "OK" comes without a newline.
    lines << part(QStringLiteral("echo \"@@health=$({ ") + healthCheck() +
                      QStringLiteral("; } 2>/dev/null | head -c 200 | tr -d '\\r\\n')\""),
                  5);
    const QString pool = CommandBuilder(config).remotePoolPath();
    lines << part(
        p.readFile(pool) +
            QStringLiteral(" >\"$t/pool\" && echo \"@@pool64=$(base64 -w0 <\"$t/pool\")\" "
                           "|| echo @@poolerr=unreadable"),
        6);
    if (decideOnVm)
        lines << QStringLiteral("wait");
    // The images last: their ids are in the containers' answer.
    lines << QStringLiteral(
        "ids=$(sed -n 's/^@@c=[^|]*|[^|]*|[^|]*|[^|]*|\\([^|]*\\)|.*/\\1/p' \"$t/1\" | sort -u)");
    lines << QStringLiteral("[ -z \"$ids\" ] || ") +
                 p.docker(QStringLiteral("image inspect --format ") +
                          shellQuote(QString::fromLatin1(ImageFormat)) + QStringLiteral(" $ids")) +
                 QStringLiteral(" 2>/dev/null");
    // Each part on lines of its own, whatever its last line ended with.
    lines << QStringLiteral("for f in 0 1 2 3 4 5 6; do cat \"$t/$f\" 2>/dev/null; echo; done; "
                            "rm -rf \"$t\"; true");
    return lines.join(QLatin1Char('\n'));
}

void StatusJob::parse(const QByteArray &output, const SetupConfig &config, VmStatus *status)
{
    status->runner.name = QString::fromLatin1(Names::RunnerContainer);
    status->delegate.name = config.delegate.name;
    status->upgrader.name = UpgraderJob::containerName(config.delegate.name);
    status->poolPath = CommandBuilder(config).remotePoolPath();
    const QHash<QString, QString> values = steps::probeValues(output);
    const QString docker = values.value(QStringLiteral("docker"));
    if (docker == QLatin1String("missing")) {
        status->dockerProblem = QCoreApplication::translate(
            "gs::manage::StatusJob", "Docker is not installed on the VM: nothing is set up there.");
        return;
    }
    if (docker == QLatin1String("no-access")) {
        status->dockerProblem = QCoreApplication::translate(
            "gs::manage::StatusJob",
            "This user can reach Docker neither directly (docker group) nor with sudo without a "
            "password. Give the sudo password (--sudo-password-stdin), or connect as a user "
            "that can.");
        return;
    }
    if (!values.contains(QStringLiteral("server"))) {
        status->dockerProblem = QCoreApplication::translate(
            "gs::manage::StatusJob", "Docker does not answer on the VM (is the daemon running?).");
        return;
    }
    for (const QString &line : steps::probeValueList(output, QStringLiteral("c")))
        parseContainer(line, status);
    for (const QString &line : steps::probeValueList(output, QStringLiteral("img")))
        parseImage(line, status);
    status->networkPresent = values.contains(QStringLiteral("net"));
    status->networkContainers = steps::probeValueList(output, QStringLiteral("netc"));
    status->networkContainers.removeAll(QString());
    status->runnerHealth = values.value(QStringLiteral("health")).trimmed();
    if (status->runner.present) {
        const QString log =
            steps::probeValueList(output, QStringLiteral("rlog")).join(QLatin1Char('\n'));
        status->runnerFindings = steps::LogDiagnosis::runnerFindings(log);
    }
    if (status->delegate.present) {
        const QString log =
            steps::probeValueList(output, QStringLiteral("dlog")).join(QLatin1Char('\n'));
        status->delegateFindings = steps::LogDiagnosis::delegateFindings(log);
        status->delegateRegistered = steps::LogDiagnosis::delegateRegistered(
            values.value(QStringLiteral("dreg")), &status->delegateId);
        status->delegateImage = harness::DelegateImage::checkAge(status->delegate.image);
    }
    if (values.contains(QStringLiteral("pool64"))) {
        status->poolOnVmRead = true;
        status->poolOnVm =
            QByteArray::fromBase64(values.value(QStringLiteral("pool64")).toLatin1());
    } else {
        status->poolOnVmError =
            QCoreApplication::translate("gs::manage::StatusJob", "%1 is missing or cannot be read.")
                .arg(status->poolPath);
    }
}

void StatusJob::run()
{
    // Preflight only when sudo needs the password: it tells which sudo reads it.
    if (context()->hasSudoPassword())
        ensureFacts([this] { probe(); });
    else
        probe();
}

void StatusJob::probe()
{
    const bool decideOnVm = !context()->factsKnown();
    const QString text = script(context()->config(), context()->builder(), decideOnVm);
    exec(
        QStringLiteral("manage.status"), text,
        [this](const remote::CommandResult &result) {
            if (result.status != remote::CommandResult::Status::Exited) {
                failCommand(QCoreApplication::translate("gs::manage::StatusJob",
                                                        "Asking the VM for its status"),
                            result);
                return;
            }
            parse(result.stdOut, context()->config(), &m_status);
            compareLocalPool();
            askHarness();
        },
        steps::ExecOptions{.timeoutMs = 60000, .raw = decideOnVm, .quiet = true});
}

void StatusJob::compareLocalPool()
{
    const SetupConfig &config = context()->config();
    if (config.runner.poolFile.isEmpty() || !m_status.poolOnVmRead)
        return;
    const steps::PreparedPool local = steps::preparePool(config);
    if (!local.readError.isEmpty())
        return;
    m_status.poolLocalKnown = true;
    m_status.poolLocal = local.content;
    m_status.poolDiff =
        unifiedDiff(QString::fromUtf8(m_status.poolOnVm), QString::fromUtf8(local.content),
                    m_status.poolPath + QStringLiteral(" (VM)"),
                    config.runner.poolFile + QStringLiteral(" (local)"));
}

void StatusJob::askHarness()
{
    const SetupConfig &config = context()->config();
    if (!m_harness || m_apiKey.isEmpty() || config.delegate.accountId.isEmpty() ||
        !m_status.dockerProblem.isEmpty()) {
        succeed();
        return;
    }
    QString key = m_apiKey.toString();
    harness::DelegateStatusJob *job = m_harness->delegateStatus(
        config.delegate.manager, config.delegate.accountId, key, config.delegate.name);
    wipeIfLast(key);
    connect(job, &harness::DelegateStatusJob::finished, this,
            [this](const harness::DelegateStatusResult &result) {
                m_apiKey.clear();
                using State = harness::DelegateStatusResult::State;
                m_status.harnessMessage = result.message;
                m_status.harness =
                    result.state == State::Connected ? VmStatus::HarnessCheck::Connected
                    : result.state == State::Unknown ? VmStatus::HarnessCheck::Failed
                                                     : VmStatus::HarnessCheck::NotConnected;
                succeed();
            });
}

} // namespace gs::manage
