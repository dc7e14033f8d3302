#include "EffectivePlan.h"

namespace gs::steps {

CommandBuilder effectivePlan(const SetupConfig &answers, const Privileges &privileges,
                             const PreparedPool &pool)
{
    SetupConfig config = answers;
    const bool usable = pool.prepared && pool.readError.isEmpty();
    if (usable && config.runner.serviceAccountKey.isEmpty() && !pool.keyFile.isEmpty())
        config.runner.serviceAccountKey = pool.keyFile;
    CommandBuilder builder(std::move(config), privileges);
    if (usable)
        builder.setPoolContent(pool.content);
    return builder;
}

} // namespace gs::steps
