// libFuzzer entry: any bytes as the host probe's output (what the VM printed).
#include "plan/CommandBuilder.h"
#include "steps/HostProbe.h"
#include "steps/StepContext.h"

#include <cstddef>
#include <cstdint>

using namespace gs::steps;

// HostProbe.cpp's script() and sudoPasswordStdin() use these; the fuzzer calls neither, and
// linking the plan and the step context would take most of core along.
QString gs::CommandBuilder::runnerDirectoryWritableTest(const QString &)
{
    __builtin_trap();
}
QByteArray StepContext::sudoPasswordLine() const
{
    __builtin_trap();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray output(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    HostFacts facts;
    if (!HostProbe::parse(output, &facts))
        return 0;
    HostProbe::decideAccess(&facts);
    (void)HostProbe::sudoUsable(facts);
    (void)HostProbe::filesNeedSudo(facts);
    (void)HostProbe::sudoPasswordWanted(facts);
    (void)HostProbe::runnerDirectoryProblem(facts, QStringLiteral("/opt/runner"), false);
    (void)HostProbe::runnerDirectoryProblem(facts, QStringLiteral("/opt/runner"), true);
    for (const QByteArray &line : output.split('\n'))
        (void)HostProbe::memoryToKb(QString::fromUtf8(line));
    return 0;
}
