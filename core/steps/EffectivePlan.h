#pragma once

#include "PoolUpload.h"
#include "plan/CommandBuilder.h"

namespace gs::steps {

// The one plan (design.md, "One plan, many ways to run it"): the answers, the privileges the
// VM's check decided, and the pool file as it goes up (json_path pointed at the key inside the
// container; a key json_path names is uploaded like a configured one). The pages, "Copy all",
// the scripts, `commands` and the engine all take their commands from here.
CommandBuilder effectivePlan(const SetupConfig &answers, const Privileges &privileges,
                             const PreparedPool &pool);

} // namespace gs::steps
