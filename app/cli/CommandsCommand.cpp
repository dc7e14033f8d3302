#include "Cli.h"

namespace gs::cli {

int runCommands(const QStringList &)
{
    return UsageError;
}

} // namespace gs::cli
