#include "ManagedContainer.h"

#include "plan/CommandBuilder.h"

#include <QCoreApplication>

namespace gs::manage {

QString containerName(ManagedContainer which, const SetupConfig &config)
{
    return which == ManagedContainer::Runner ? QString::fromLatin1(Names::RunnerContainer)
                                             : config.delegate.name;
}

QString containerKey(ManagedContainer which)
{
    return which == ManagedContainer::Runner ? QStringLiteral("runner")
                                             : QStringLiteral("delegate");
}

QString containerTitle(ManagedContainer which)
{
    return which == ManagedContainer::Runner
               ? QCoreApplication::translate("gs::manage", "the VM runner")
               : QCoreApplication::translate("gs::manage", "the delegate");
}

} // namespace gs::manage
