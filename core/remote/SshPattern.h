#pragma once

#include <QString>

namespace gs::remote {

// One ssh_config / known_hosts host pattern against a name: only * and ? are special, '/' is an
// ordinary character, and the match ignores case, as OpenSSH does.
bool sshPatternMatches(const QString &pattern, const QString &name);

} // namespace gs::remote
