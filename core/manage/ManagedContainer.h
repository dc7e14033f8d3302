#pragma once

#include "plan/SetupConfig.h"

#include <QString>

namespace gs::manage {

// The containers a set-up VM runs: what `restart` and `logs` name.
enum class ManagedContainer { Runner, Delegate };

// "vm-runner", or the delegate's name from the answers.
QString containerName(ManagedContainer which, const SetupConfig &config);
// "runner" / "delegate" (stable: the CLI's argument, JSON keys).
QString containerKey(ManagedContainer which);
// Translated: "the VM runner" / "the delegate".
QString containerTitle(ManagedContainer which);

} // namespace gs::manage
