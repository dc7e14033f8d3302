#pragma once

#include "CommandBuilder.h"

#include <QString>

namespace gs {

// The whole setup as one bash script that an admin copies to the runner VM and runs there
// (`bash setup.sh`): the same plan `apply` runs (`plan` must come from steps::effectivePlan, so
// pool.yaml is the prepared one), with sudo decided on the VM per kind of action as the engine
// decides it. It checks before it changes anything, installs Docker only when missing (asking
// first), writes pool.yaml only when it differs, keeps what already matches, waits for the
// runner's health and the delegate's registration, and asks for the delegate token at a hidden
// prompt (one line on standard input without a terminal). It never holds a secret: the
// service-account key is copied to the VM beside it, and the script says how.
// `scriptName` is the file name the instructions at its top use.
QString setupScript(const CommandBuilder &plan,
                    const QString &scriptName = QStringLiteral("setup.sh"));

} // namespace gs
