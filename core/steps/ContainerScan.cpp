#include "ContainerScan.h"

#include "plan/ShellQuote.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace gs::steps::ContainerScan {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::steps::ContainerScan", text);
}

// One JSON object per container. Of the environment only these keys: never a secret.
const char *const kTemplate =
    "{\"Id\":{{json .ID}},\"Name\":{{json .Name}},\"Created\":{{json .Created}},"
    "\"Image\":{{json .Config.Image}},\"ImageId\":{{json .Image}},"
    "\"State\":{{json .State.Status}},"
    "\"Health\":{{if .State.Health}}{{json .State.Health.Status}}{{else}}\"\"{{end}},"
    "\"Hostname\":{{json .Config.Hostname}},\"Restart\":{{json .HostConfig.RestartPolicy.Name}},"
    "\"Cmd\":{{json .Config.Cmd}},\"Networks\":{{json .NetworkSettings.Networks}},"
    "\"Ports\":{{json .HostConfig.PortBindings}},\"Mounts\":{{json .Mounts}},"
    "\"Env\":[{{range .Config.Env}}{{if eq (index (split . \"=\") 0) \"DELEGATE_NAME\" "
    "\"RUNNER_URL\" \"MANAGER_HOST_AND_PORT\" \"DELEGATE_TAGS\"}}{{json .}},{{end}}{{end}}\"\"]}";

QString withoutTrailingSlash(QString url)
{
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

QStringList tagSet(const QString &tags)
{
    QStringList set;
    for (const QString &tag : tags.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty())
            set << tag.trimmed();
    set.sort();
    set.removeDuplicates();
    return set;
}

QString lastComponent(const QString &repository)
{
    return repository.section(QLatin1Char('/'), -1);
}

// Best to keep first: running, then healthy, then the newest.
void sortBestFirst(QList<FoundContainer> *list)
{
    std::stable_sort(list->begin(), list->end(),
                     [](const FoundContainer &a, const FoundContainer &b) {
                         if (a.isRunning() != b.isRunning())
                             return a.isRunning();
                         const bool aHealthy = a.health == QLatin1String("healthy");
                         const bool bHealthy = b.health == QLatin1String("healthy");
                         if (aHealthy != bHealthy)
                             return aHealthy;
                         // RFC 3339 to the second sorts as text.
                         return a.created.left(19) > b.created.left(19);
                     });
}

} // namespace

QString script(const CommandBuilder &builder)
{
    const QString inner =
        QStringLiteral("ids=$(docker ps -aq --no-trunc); [ -z \"$ids\" ] || docker inspect -f ") +
        shellQuote(QString::fromLatin1(kTemplate)) + QStringLiteral(" $ids");
    return builder.dockerCommand(QStringLiteral("sh -c ") + shellQuote(inner)) +
           QStringLiteral(" 2>/dev/null | sed 's/^/@@container=/'");
}

QList<FoundContainer> parse(const QByteArray &output)
{
    QList<FoundContainer> containers;
    const QByteArray prefix = "@@container=";
    for (const QByteArray &line : output.split('\n')) {
        if (!line.startsWith(prefix))
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.mid(prefix.size()), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            continue;
        const QJsonObject o = document.object();
        FoundContainer c;
        c.id = o.value(QLatin1String("Id")).toString();
        if (c.id.isEmpty())
            continue;
        c.name = o.value(QLatin1String("Name")).toString();
        if (c.name.startsWith(QLatin1Char('/')))
            c.name.remove(0, 1);
        c.created = o.value(QLatin1String("Created")).toString();
        c.image = o.value(QLatin1String("Image")).toString();
        c.imageId = o.value(QLatin1String("ImageId")).toString();
        c.status = o.value(QLatin1String("State")).toString();
        c.health = o.value(QLatin1String("Health")).toString();
        c.hostname = o.value(QLatin1String("Hostname")).toString();
        c.restartPolicy = o.value(QLatin1String("Restart")).toString();
        for (const QJsonValue &word : o.value(QLatin1String("Cmd")).toArray())
            c.command << word.toString();
        c.networks = o.value(QLatin1String("Networks")).toObject().keys();
        const QJsonObject ports = o.value(QLatin1String("Ports")).toObject();
        for (auto it = ports.constBegin(); it != ports.constEnd(); ++it)
            for (const QJsonValue &binding : it.value().toArray())
                c.ports << it.key() + QLatin1Char(':') +
                               binding.toObject().value(QLatin1String("HostPort")).toString();
        for (const QJsonValue &mount : o.value(QLatin1String("Mounts")).toArray())
            c.mounts << mount.toObject().value(QLatin1String("Source")).toString() +
                            QLatin1Char(':') +
                            mount.toObject().value(QLatin1String("Destination")).toString();
        for (const QJsonValue &entry : o.value(QLatin1String("Env")).toArray()) {
            const QString text = entry.toString();
            const int eq = text.indexOf(QLatin1Char('='));
            if (eq > 0)
                c.env.insert(text.left(eq), text.mid(eq + 1));
        }
        containers << c;
    }
    return containers;
}

QString imageRepository(const QString &reference)
{
    QString repository = reference.trimmed();
    const int at = repository.indexOf(QLatin1Char('@'));
    if (at >= 0)
        repository.truncate(at);
    const int colon = repository.lastIndexOf(QLatin1Char(':'));
    if (colon > repository.lastIndexOf(QLatin1Char('/')))
        repository.truncate(colon);
    for (const char *registry : {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
        if (repository.startsWith(QLatin1String(registry))) {
            repository.remove(0, int(qstrlen(registry)));
            break;
        }
    }
    if (repository.startsWith(QLatin1String("library/")))
        repository.remove(0, 8);
    return repository;
}

bool isRunner(const FoundContainer &container, const SetupConfig &config)
{
    const QString repository = imageRepository(container.image);
    const bool runnerImage = repository == imageRepository(config.runner.image) ||
                             lastComponent(repository) == QLatin1String("drone-runner-aws");
    return runnerImage && container.command.value(0) == QLatin1String("delegate");
}

bool isDelegateOf(const FoundContainer &container, const SetupConfig &config)
{
    if (container.env.value(QStringLiteral("DELEGATE_NAME")) != config.delegate.name)
        return false;
    const QString repository = imageRepository(container.image);
    return repository == imageRepository(config.delegate.image) ||
           lastComponent(repository).startsWith(QLatin1String("delegate"));
}

QList<FoundContainer> handStartedRunners(const QList<FoundContainer> &containers,
                                         const SetupConfig &config)
{
    QList<FoundContainer> found;
    for (const FoundContainer &container : containers)
        if (container.name != QLatin1String(Names::RunnerContainer) && isRunner(container, config))
            found << container;
    sortBestFirst(&found);
    return found;
}

QList<FoundContainer> handStartedDelegates(const QList<FoundContainer> &containers,
                                           const SetupConfig &config)
{
    QList<FoundContainer> found;
    for (const FoundContainer &container : containers)
        if (container.name != config.delegate.name && isDelegateOf(container, config))
            found << container;
    sortBestFirst(&found);
    return found;
}

void record(const QByteArray &output, const SetupConfig &config, HostFacts *facts)
{
    const QList<FoundContainer> containers = parse(output);
    facts->foundRunners = handStartedRunners(containers, config);
    facts->foundDelegates = handStartedDelegates(containers, config);
}

QString poolPath(const FoundContainer &runner)
{
    const QStringList &words = runner.command;
    for (int i = 0; i < words.size(); ++i) {
        if (words.at(i) == QLatin1String("--pool"))
            return words.value(i + 1);
        if (words.at(i).startsWith(QLatin1String("--pool=")))
            return words.at(i).mid(7);
    }
    return {};
}

QStringList runnerConcerns(const FoundContainer &runner, const SetupConfig &config)
{
    QStringList concerns;
    const QString network = QLatin1String(Names::Network);
    if (!runner.networks.contains(network))
        concerns << tr("it is not on the harness network, where the delegate looks for it");
    if (!runner.publishes(3000))
        concerns << tr("it does not publish port 3000");
    const QString mount = config.runner.directory + QStringLiteral(":/runner");
    if (!runner.mounts.contains(mount))
        concerns << tr("it does not mount %1 at /runner").arg(config.runner.directory);
    const QString pool = poolPath(runner);
    const QString ours = QStringLiteral("/runner/") + QLatin1String(Names::PoolFileName);
    if (pool != ours)
        concerns << (pool.isEmpty()
                         ? tr("it reads no pool file")
                         : tr("it reads %1, not the %2 this setup writes").arg(pool, ours));
    return concerns;
}

QStringList delegateConcerns(const FoundContainer &delegate, const SetupConfig &config)
{
    QStringList concerns;
    const QString runnerUrl = delegate.env.value(QStringLiteral("RUNNER_URL"));
    if (runnerUrl.isEmpty())
        concerns << tr("it has no RUNNER_URL, so it cannot reach the runner");
    else if (withoutTrailingSlash(runnerUrl) !=
             withoutTrailingSlash(QLatin1String(Names::RunnerUrl)))
        concerns
            << tr("its RUNNER_URL is %1, not %2").arg(runnerUrl, QLatin1String(Names::RunnerUrl));
    const QString manager = delegate.env.value(QStringLiteral("MANAGER_HOST_AND_PORT"));
    if (withoutTrailingSlash(manager) != withoutTrailingSlash(config.delegate.manager))
        concerns << tr("it connects to %1, not %2")
                        .arg(manager.isEmpty() ? tr("no manager") : manager,
                             config.delegate.manager);
    const QStringList tags = tagSet(delegate.env.value(QStringLiteral("DELEGATE_TAGS")));
    QStringList wanted = tagSet(config.delegate.tags.join(QLatin1Char(',')));
    if (tags != wanted)
        concerns << tr("its tags are \"%1\", not \"%2\"")
                        .arg(tags.join(QLatin1Char(',')), wanted.join(QLatin1Char(',')));
    if (!delegate.networks.contains(QLatin1String(Names::Network)))
        concerns << tr("it is not on the harness network, so it cannot reach vm-runner");
    return concerns;
}

QString describe(const FoundContainer &container)
{
    QString state = container.status;
    if (!container.health.isEmpty())
        state += QStringLiteral(", ") + container.health;
    return QStringLiteral("%1 (%2, %3)").arg(container.name, container.shortId(), state);
}

} // namespace gs::steps::ContainerScan
