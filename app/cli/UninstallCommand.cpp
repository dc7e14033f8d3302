// `gitspaces-setup uninstall --config FILE [--remove-network] [--remove-directory] [--yes]`:
// the Summary page's uninstall without a window (UninstallStep: the same plan, the same checks
// that a container is ours). Shares its driver with `check` and `apply` (ApplyCommand.cpp).
#include "Cli.h"

namespace gs::cli {

int runUninstall(const QStringList &arguments)
{
    return runEngineCommand(arguments, EngineMode::Uninstall);
}

} // namespace gs::cli
