#include "RunningDelegate.h"

#include "plan/CommandBuilder.h"
#include "plan/ShellQuote.h"
#include "steps/StepJob.h"

namespace gs::manage {

namespace RunningDelegateProbe {

QString inspectScript(const CommandBuilder &builder, const QString &container)
{
    // One line per value; an environment entry is printed only for the names we keep, and
    // DELEGATE_TOKEN only as "present".
    const QString format = QStringLiteral(
        "@@delegate.state={{.State.Status}}\n@@delegate.image={{.Config.Image}}\n"
        "{{range .Config.Env}}"
        "{{if eq (index (split . \"=\") 0) \"DELEGATE_NAME\" \"ACCOUNT_ID\" "
        "\"MANAGER_HOST_AND_PORT\" \"DELEGATE_TAGS\"}}@@delegate.env={{.}}\n{{end}}"
        "{{if eq (index (split . \"=\") 0) \"DELEGATE_TOKEN\"}}@@delegate.token=present\n{{end}}"
        "{{end}}");
    return builder.dockerCommand(QStringLiteral("docker inspect --format ") + shellQuote(format) +
                                 QLatin1Char(' ') + shellQuote(container)) +
           QStringLiteral(" 2>/dev/null || echo @@delegate.state=");
}

RunningDelegate parse(const QByteArray &output)
{
    RunningDelegate delegate;
    const QHash<QString, QString> values = steps::probeValues(output);
    delegate.state = values.value(QStringLiteral("delegate.state"));
    delegate.present = !delegate.state.isEmpty();
    delegate.image = values.value(QStringLiteral("delegate.image"));
    delegate.hasToken = values.contains(QStringLiteral("delegate.token"));
    const QStringList env = steps::probeValueList(output, QStringLiteral("delegate.env"));
    for (const QString &entry : env) {
        const QString key = entry.section(QLatin1Char('='), 0, 0);
        const QString value = entry.section(QLatin1Char('='), 1);
        if (key == QLatin1String("DELEGATE_NAME"))
            delegate.name = value;
        else if (key == QLatin1String("ACCOUNT_ID"))
            delegate.accountId = value;
        else if (key == QLatin1String("MANAGER_HOST_AND_PORT"))
            delegate.manager = value;
        else if (key == QLatin1String("DELEGATE_TAGS"))
            delegate.tags = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    for (QString &tag : delegate.tags)
        tag = tag.trimmed();
    return delegate;
}

QString tokenScript(const CommandBuilder &builder, const QString &container)
{
    // The value goes from Docker's answer through a pipe to sed on the VM, then over the SSH
    // channel: no argv, no file, no terminal.
    return builder.dockerCommand(
               QStringLiteral(
                   "docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' ") +
               shellQuote(container)) +
           QStringLiteral(" | sed -n 's/^DELEGATE_TOKEN=//p'");
}

} // namespace RunningDelegateProbe

} // namespace gs::manage
