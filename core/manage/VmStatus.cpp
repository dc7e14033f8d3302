#include "VmStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include "util/Translate.h"

namespace gs::manage {

namespace {

// lupdate files these under the class in its member functions and under the namespace in the
// free functions: both are looked in.
QString tr(const char *text, const char * = nullptr, int n = -1)
{
    return translateIn({"gs::manage::VmStatus", "gs::manage"}, text, n);
}

QJsonObject containerJson(const ContainerStatus &c)
{
    return QJsonObject{{QStringLiteral("name"), c.name},
                       {QStringLiteral("present"), c.present},
                       {QStringLiteral("state"), c.state},
                       {QStringLiteral("health"), c.health},
                       {QStringLiteral("image"), c.image},
                       {QStringLiteral("image_id"), c.imageId},
                       {QStringLiteral("digest"), c.digest},
                       {QStringLiteral("image_created"), c.imageCreated},
                       {QStringLiteral("started_at"), c.startedAt},
                       {QStringLiteral("restarts"), c.restarts},
                       {QStringLiteral("label"), c.label}};
}

QJsonArray findingsJson(const QList<steps::LogFinding> &findings)
{
    QJsonArray array;
    for (const steps::LogFinding &f : findings)
        array.append(QJsonObject{{QStringLiteral("code"), f.code},
                                 {QStringLiteral("line"), f.line},
                                 {QStringLiteral("meaning"), f.meaning},
                                 {QStringLiteral("fatal"), f.fatal}});
    return array;
}

QString harnessKey(VmStatus::HarnessCheck check)
{
    switch (check) {
    case VmStatus::HarnessCheck::NotAsked:
        return QStringLiteral("not-asked");
    case VmStatus::HarnessCheck::Connected:
        return QStringLiteral("connected");
    case VmStatus::HarnessCheck::NotConnected:
        return QStringLiteral("not-connected");
    case VmStatus::HarnessCheck::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

// "running, healthy, up since 2026-12-01 09:00 UTC (3 hours ago), 2 restarts"
QString stateLine(const ContainerStatus &c)
{
    if (!c.present)
        return tr("not on the VM");
    QStringList parts{c.state};
    if (!c.health.isEmpty())
        parts << c.health;
    if (c.isRunning() && !c.startedAt.isEmpty())
        parts << tr("up since %1").arg(describeTime(c.startedAt, QDateTime::currentDateTimeUtc()));
    if (c.restarts > 0)
        parts << tr("%n restart(s)", nullptr, c.restarts);
    return parts.join(QStringLiteral(", "));
}

QString imageLine(const ContainerStatus &c)
{
    QString line = c.image;
    if (!c.digest.isEmpty())
        line += QStringLiteral(" (") + c.digest.section(QLatin1Char('@'), 1) + QLatin1Char(')');
    else if (!c.imageId.isEmpty())
        line += QStringLiteral(" (") + c.imageId.left(19) + QLatin1Char(')');
    if (!c.imageCreated.isEmpty())
        line += QLatin1Char(' ') +
                tr("built %1").arg(describeTime(c.imageCreated, QDateTime::currentDateTimeUtc()));
    return line;
}

} // namespace

QString describeTime(const QString &rfc3339, const QDateTime &now)
{
    const QDateTime when = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    if (!when.isValid() || when.date().year() < 2000)
        return rfc3339;
    const QString stamp = when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    const qint64 seconds = when.secsTo(now);
    QString ago;
    if (seconds < 0)
        return stamp;
    if (seconds < 120)
        ago = tr("just now");
    else if (seconds < 7200)
        ago = tr("%n minute(s) ago", nullptr, int(seconds / 60));
    else if (seconds < 2 * 86400)
        ago = tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    else
        ago = tr("%n day(s) ago", nullptr, int(seconds / 86400));
    return QStringLiteral("%1 (%2)").arg(stamp, ago);
}

bool VmStatus::runnerHealthy() const
{
    return runner.isRunning() && runnerHealth == QLatin1String("OK");
}

bool VmStatus::delegateHealthy() const
{
    return delegate.isRunning() &&
           (delegate.health.isEmpty() || delegate.health == QLatin1String("healthy"));
}

QStringList VmStatus::problems() const
{
    QStringList lines;
    if (!dockerProblem.isEmpty())
        return {dockerProblem};
    if (!runner.present)
        lines << tr("The VM runner (%1) is not on the VM.").arg(runner.name);
    else if (!runner.isRunning())
        lines << tr("The VM runner (%1) is %2, not running.").arg(runner.name, runner.state);
    else if (runnerHealth != QLatin1String("OK"))
        lines << (runnerHealth.isEmpty()
                      ? tr("The VM runner does not answer its health check on port 3000.")
                      : tr("The VM runner's health check answered: %1").arg(runnerHealth));
    if (!delegate.present)
        lines << tr("The delegate (%1) is not on the VM.").arg(delegate.name);
    else if (!delegate.isRunning())
        lines << tr("The delegate (%1) is %2, not running.").arg(delegate.name, delegate.state);
    else if (!delegateHealthy())
        lines << tr("The delegate reports %1, not healthy.").arg(delegate.health);
    if (!networkPresent)
        lines << tr("The harness network is missing: the delegate cannot reach the runner.");
    else if (runner.present && delegate.present)
        for (const ContainerStatus *c : {&runner, &delegate})
            if (!networkContainers.contains(c->name))
                lines << tr("%1 is not attached to the harness network.").arg(c->name);
    if (harness == HarnessCheck::NotConnected)
        lines << tr("Harness does not list the delegate as connected: %1").arg(harnessMessage);
    for (const steps::LogFinding &f : runnerFindings)
        if (f.fatal)
            lines << tr("The runner logged: %1").arg(f.meaning);
    for (const steps::LogFinding &f : delegateFindings)
        if (f.fatal)
            lines << tr("The delegate logged: %1").arg(f.meaning);
    return lines;
}

QStringList VmStatus::warnings() const
{
    QStringList lines;
    if (!dockerProblem.isEmpty())
        return lines;
    if (delegateImage.warning)
        lines << delegateImage.message;
    if (delegate.isRunning() && !delegateRegistered)
        lines << tr("The delegate's log has no \"Delegate registered with id\" line.");
    if (!poolOnVmRead && !poolOnVmError.isEmpty())
        lines << poolOnVmError;
    else if (poolLocalKnown && poolOnVmRead && !poolDiff.isEmpty())
        lines << tr("%1 on the VM differs from the local pool file.").arg(poolPath);
    if (harness == HarnessCheck::Failed)
        lines << tr("Harness could not be asked: %1").arg(harnessMessage);
    for (const steps::LogFinding &f : runnerFindings)
        if (!f.fatal)
            lines << tr("The runner logged: %1").arg(f.meaning);
    for (const steps::LogFinding &f : delegateFindings)
        if (!f.fatal)
            lines << tr("The delegate logged: %1").arg(f.meaning);
    if (upgrader.present && !upgrader.isRunning())
        lines << tr("The upgrader (%1) is %2: the delegate is not kept current.")
                     .arg(upgrader.name, upgrader.state);
    return lines;
}

QStringList VmStatus::lines() const
{
    if (!dockerProblem.isEmpty())
        return {dockerProblem};
    QStringList out;
    out << tr("VM runner %1: %2").arg(runner.name, stateLine(runner));
    if (runner.present) {
        out << QStringLiteral("  ") + tr("image: %1").arg(imageLine(runner));
        out << QStringLiteral("  ") +
                   tr("health check: %1")
                       .arg(runnerHealth.isEmpty() ? tr("no answer") : runnerHealth);
    }
    out << tr("Delegate %1: %2").arg(delegate.name, stateLine(delegate));
    if (delegate.present) {
        out << QStringLiteral("  ") + tr("image: %1").arg(imageLine(delegate));
        if (!delegateImage.message.isEmpty())
            out << QStringLiteral("  ") + delegateImage.message;
        out << QStringLiteral("  ") + (delegateRegistered
                                           ? tr("registered with id %1").arg(delegateId)
                                           : tr("no \"registered\" line in its log"));
    }
    switch (harness) {
    case HarnessCheck::NotAsked:
        out << QStringLiteral("  ") + tr("connected in Harness: not asked (no API key)");
        break;
    case HarnessCheck::Connected:
        out << QStringLiteral("  ") + tr("connected in Harness: yes. %1").arg(harnessMessage);
        break;
    case HarnessCheck::NotConnected:
        out << QStringLiteral("  ") + tr("connected in Harness: no. %1").arg(harnessMessage);
        break;
    case HarnessCheck::Failed:
        out << QStringLiteral("  ") + tr("connected in Harness: unknown. %1").arg(harnessMessage);
        break;
    }
    if (upgrader.present)
        out << tr("Upgrader %1: %2").arg(upgrader.name, stateLine(upgrader));
    out << (networkPresent ? tr("Network harness: %1")
                                 .arg(networkContainers.isEmpty()
                                          ? tr("nothing attached")
                                          : networkContainers.join(QStringLiteral(", ")))
                           : tr("Network harness: missing"));
    if (!poolOnVmRead)
        out << tr("Pool file %1: %2").arg(poolPath, poolOnVmError);
    else if (!poolLocalKnown)
        out << tr("Pool file %1: %n byte(s) (no local pool file to compare)", nullptr,
                  int(poolOnVm.size()))
                   .arg(poolPath);
    else if (poolDiff.isEmpty())
        out << tr("Pool file %1: the same as the local file").arg(poolPath);
    else
        out << tr("Pool file %1: differs from the local file:").arg(poolPath);
    for (const QString &line : poolDiff)
        out << QStringLiteral("  ") + line;
    return out;
}

QJsonObject VmStatus::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("healthy"), problems().isEmpty());
    json.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems()));
    json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings()));
    if (!dockerProblem.isEmpty()) {
        json.insert(QStringLiteral("docker_problem"), dockerProblem);
        return json;
    }
    QJsonObject r = containerJson(runner);
    r.insert(QStringLiteral("health_check"), runnerHealth);
    r.insert(QStringLiteral("findings"), findingsJson(runnerFindings));
    json.insert(QStringLiteral("runner"), r);
    QJsonObject d = containerJson(delegate);
    d.insert(QStringLiteral("registered"), delegateRegistered);
    d.insert(QStringLiteral("delegate_id"), delegateId);
    d.insert(QStringLiteral("findings"), findingsJson(delegateFindings));
    d.insert(QStringLiteral("image_tag"), delegateImage.tag);
    d.insert(QStringLiteral("image_months_old"), delegateImage.monthsOld);
    d.insert(QStringLiteral("image_warning"),
             delegateImage.warning ? delegateImage.message : QString());
    d.insert(QStringLiteral("harness"), harnessKey(harness));
    d.insert(QStringLiteral("harness_message"), harnessMessage);
    json.insert(QStringLiteral("delegate"), d);
    json.insert(QStringLiteral("upgrader"), containerJson(upgrader));
    json.insert(
        QStringLiteral("network"),
        QJsonObject{{QStringLiteral("present"), networkPresent},
                    {QStringLiteral("containers"), QJsonArray::fromStringList(networkContainers)}});
    json.insert(
        QStringLiteral("pool"),
        QJsonObject{{QStringLiteral("path"), poolPath},
                    {QStringLiteral("read"), poolOnVmRead},
                    {QStringLiteral("error"), poolOnVmError},
                    {QStringLiteral("compared"), poolLocalKnown && poolOnVmRead},
                    {QStringLiteral("same"), poolLocalKnown && poolOnVmRead && poolDiff.isEmpty()},
                    {QStringLiteral("diff"), QJsonArray::fromStringList(poolDiff)}});
    return json;
}

} // namespace gs::manage
