// libFuzzer entry: any text as the pasted "gcloud compute ssh …" command. What parses must print
// back as a command line that parses to the same command.
#include "plan/GcloudSshCommand.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    gs::GcloudSshCommand command;
    QString error;
    if (!gs::GcloudSshCommand::parse(text, &command, &error)) {
        if (error.isEmpty())
            __builtin_trap(); // a refusal always says why
        return 0;
    }
    if (command.instance.isEmpty() || command.port < 1 || command.port > 65535)
        __builtin_trap();
    (void)command.accountFlags();
    (void)command.iapProxyCommand();
    (void)command.iapProxyCommand(2222);
    gs::GcloudSshCommand again;
    QString againError;
    if (!gs::GcloudSshCommand::parse(command.toCommandLine(), &again, &againError) ||
        again.instance != command.instance || again.user != command.user ||
        again.zone != command.zone || again.project != command.project ||
        again.tunnelThroughIap != command.tunnelThroughIap ||
        again.internalIp != command.internalIp || again.sshKeyFile != command.sshKeyFile ||
        again.port != command.port || again.otherFlags != command.otherFlags)
        __builtin_trap();
    return 0;
}
