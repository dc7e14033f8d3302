#include "StepTypes.h"

#include <QCoreApplication>

namespace gs::steps {

QString stepKey(StepKind kind)
{
    switch (kind) {
    case StepKind::Preflight:
        return QStringLiteral("preflight");
    case StepKind::Docker:
        return QStringLiteral("docker");
    case StepKind::Runner:
        return QStringLiteral("runner");
    case StepKind::Delegate:
        return QStringLiteral("delegate");
    case StepKind::Uninstall:
        return QStringLiteral("uninstall");
    case StepKind::Manage:
        return QStringLiteral("manage");
    }
    return {};
}

QString stepTitle(StepKind kind)
{
    switch (kind) {
    case StepKind::Preflight:
        return QCoreApplication::translate("Steps", "Preflight checks");
    case StepKind::Docker:
        return QCoreApplication::translate("Steps", "Docker");
    case StepKind::Runner:
        return QCoreApplication::translate("Steps", "VM runner");
    case StepKind::Delegate:
        return QCoreApplication::translate("Steps", "Delegate");
    case StepKind::Uninstall:
        return QCoreApplication::translate("Steps", "Uninstall");
    case StepKind::Manage:
        return QCoreApplication::translate("Steps", "Manage the VM");
    }
    return {};
}

QString StepResult::summary() const
{
    QStringList lines;
    for (const QString &line : done)
        lines << QStringLiteral("  ✓ ") + line;
    for (const QString &line : alreadyThere)
        lines << QStringLiteral("  = ") + line;
    for (const QString &line : checked)
        lines << QStringLiteral("  · ") + line;
    for (const QString &line : warnings)
        lines << QStringLiteral("  ! ") + line;
    if (!ok() && !error.isEmpty())
        lines << QStringLiteral("  ✗ ") + error;
    for (const QString &line : logLines)
        lines << QStringLiteral("    | ") + line;
    return lines.join(QLatin1Char('\n'));
}

} // namespace gs::steps
