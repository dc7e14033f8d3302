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
// False when the output is not the probe's answer (no "@@uid=" line: the script did not run);
// the facts are then left alone.
bool parse(const QByteArray &output, HostFacts *facts);
// Direct, sudo -n, group pending or none, from what parse() found.
void decideAccess(HostFacts *facts);

// Whether this user can run sudo now (root counts as able).
bool sudoUsable(const HostFacts &facts);
// The runner directory and its files need sudo: the user cannot create or write them.
bool filesNeedSudo(const HostFacts &facts);
// A sudo password would make a difference: for Docker, or for the runner directory.
bool sudoPasswordWanted(const HostFacts &facts);
// Empty when the runner directory can be made and written (directly or with sudo); otherwise
// what is wrong and the two ways out, for the step to fail with before it changes anything.
QString runnerDirectoryProblem(const HostFacts &facts, const QString &directory,
                               bool sudoPasswordGiven);

// Checks a sudo password: `sudo -k` drops cached credentials so `sudo -S` must read it.
QString sudoPasswordScript();
QByteArray sudoPasswordStdin(const StepContext &context);

// "2g", "2048m", "1.5g", "512000k", "1073741824" → kibibytes; -1 when it does not parse or is
// 2^53 KiB or more.
qint64 memoryToKb(const QString &value);

} // namespace HostProbe

} // namespace gs::steps
