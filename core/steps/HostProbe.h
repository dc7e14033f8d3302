#pragma once

#include "StepTypes.h"

#include <QByteArray>
#include <QString>

namespace gs::steps {

class StepContext;

// The one read-only command that finds out what the VM is and has (OS, arch, user, groups,
// Docker and how to reach it, sudo, disk, memory, port 3000). One round trip, parsed here.
namespace HostProbe {

QString script(const StepContext &context);
void parse(const QByteArray &output, HostFacts *facts);
// Direct, sudo -n, group pending or none, from what parse() found.
void decideAccess(HostFacts *facts);

// Checks a sudo password: `sudo -k` drops cached credentials so `sudo -S` must read it.
QString sudoPasswordScript();
QByteArray sudoPasswordStdin(const StepContext &context);

// "2g", "2048m", "1.5g", "512000k", "1073741824" → kibibytes; -1 when it does not parse.
qint64 memoryToKb(const QString &value);

} // namespace HostProbe

} // namespace gs::steps
