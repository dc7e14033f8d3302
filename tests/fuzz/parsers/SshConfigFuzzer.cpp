// libFuzzer entry: any bytes as ~/.ssh/config, then the aliases and what a few hosts resolve to.
#include "FuzzSupport.h"

#include "remote/SshConfig.h"

#include <cstddef>
#include <cstdint>

namespace {

// Includes may only name files in the scratch ~/.ssh: an absolute or "~" path, or one that
// climbs out, would read the machine's files (/proc, devices) instead of the parser's input.
bool includesStayInside(const QByteArray &text)
{
    for (const QByteArray &raw : text.split('\n')) {
        const QByteArray line = raw.trimmed().toLower();
        if (line.startsWith("include") && (line.contains('/') || line.contains('~')))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    if (!includesStayInside(text))
        return -1;
    const QString ssh = gs::fuzz::scratchDir() + QStringLiteral("/.ssh");
    const QString path = ssh + QStringLiteral("/config");
    gs::fuzz::writeFile(path, text);
    // Something for "Include extra*" to find besides the input itself.
    static const bool extra = [&] {
        gs::fuzz::writeFile(ssh + QStringLiteral("/extra.conf"),
                            "Host extra\n  HostName 10.1.2.3\n  Port 2200\n");
        return true;
    }();
    (void)extra;

    gs::remote::SshConfig config;
    QString error;
    if (!config.load(path, &error) && error.isEmpty())
        __builtin_trap(); // a failure always says why
    const QStringList aliases = config.hostAliases();
    for (const QString &alias : aliases) {
        if (alias.isEmpty() || alias.startsWith(QLatin1Char('!')) ||
            alias.contains(QLatin1Char('*')) || alias.contains(QLatin1Char('?')))
            __builtin_trap();
    }
    QStringList hosts{QStringLiteral("gs-runner"), QStringLiteral("10.0.0.7"),
                      QStringLiteral("extra")};
    for (qsizetype i = 0; i < aliases.size() && i < 4; ++i)
        hosts << aliases.at(i);
    for (const QString &host : hosts) {
        const gs::remote::SshConfig::HostConfig resolved = config.resolve(host);
        if (resolved.proxyCommand == QLatin1String("none"))
            __builtin_trap();
    }
    return 0;
}
