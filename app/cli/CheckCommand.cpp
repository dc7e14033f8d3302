// `gitspaces-setup check --config FILE`: connect and run the preflight checks only (nothing on
// the VM changes). Shares its driver with `apply` (ApplyCommand.cpp).
#include "Cli.h"

namespace gs::cli {

int runCheck(const QStringList &arguments)
{
    return runEngineCommand(arguments, EngineMode::Check);
}

} // namespace gs::cli
