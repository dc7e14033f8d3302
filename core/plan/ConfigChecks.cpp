#include "ConfigChecks.h"

#include "GcloudSshCommand.h"
#include "InputChecks.h"

namespace gs {

QList<ConfigProblem> checkConfig(const SetupConfig &c)
{
    QList<ConfigProblem> problems;
    const auto add = [&problems](const char *key, const QString &message) {
        if (!message.isEmpty())
            problems.append({QString::fromLatin1(key), message});
    };
    if (!c.ssh.gcloudCommand.isEmpty()) {
        GcloudSshCommand gcloud;
        QString error;
        if (!GcloudSshCommand::parse(c.ssh.gcloudCommand, &gcloud, &error))
            add("ssh.gcloud", error);
    } else {
        add("ssh.host", InputChecks::host(c.ssh.host));
    }
    add("ssh.port", InputChecks::port(c.ssh.port));
    add("ssh.user", InputChecks::user(c.ssh.user));
    add("runner.directory", InputChecks::runnerDirectory(c.runner.directory));
    add("runner.image", InputChecks::imageReference(c.runner.image));
    add("delegate.name", InputChecks::delegateName(c.delegate.name));
    if (!c.delegate.accountId.isEmpty())
        add("delegate.account_id", InputChecks::accountId(c.delegate.accountId));
    add("delegate.tags", InputChecks::delegateTags(c.delegate.tags));
    add("delegate.manager", InputChecks::managerUrl(c.delegate.manager));
    add("delegate.image", InputChecks::imageReference(c.delegate.image));
    add("delegate.cpus", InputChecks::cpus(c.delegate.cpus));
    add("delegate.memory", InputChecks::memory(c.delegate.memory));
    return problems;
}

} // namespace gs
