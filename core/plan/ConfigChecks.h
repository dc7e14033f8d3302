#pragma once

#include "SetupConfig.h"

#include <QList>
#include <QString>

namespace gs {

// A value of the setup config that fails its format check.
struct ConfigProblem
{
    QString key;     // config-file key, e.g. "delegate.name"
    QString message; // from InputChecks
};

// Checks every value of `config` with InputChecks. The account id may be empty (it can come from
// the keychain); the token is not part of the config.
QList<ConfigProblem> checkConfig(const SetupConfig &config);

} // namespace gs
