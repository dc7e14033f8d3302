// libFuzzer entry: any text as the pasted delegate "docker run …" command. A refusal says why
// and where, inside the text; what parses holds an account id and an image, never lets the token
// into what is shown, and reads back the same from the command line its fields make.
#include "plan/DockerRunImport.h"
#include "plan/ShellQuote.h"

#include <cstddef>
#include <cstdint>

namespace {

void check(const gs::DockerRunImport &r, const QString &text)
{
    if (!r.ok) {
        if (r.error.isEmpty() || r.errorAt.offset < 0 || r.errorAt.offset > text.size() ||
            r.errorAt.line < 1 || r.errorAt.column < 1 || r.errorLength < 1 || !r.token.isEmpty() ||
            r.accountId.found || r.image.found)
            __builtin_trap();
        return;
    }
    if (r.accountId.value.isEmpty() || !r.image.found || r.accountId.at.offset < 0 ||
        r.accountId.at.offset > text.size())
        __builtin_trap();
    if (!r.token.isEmpty()) {
        // The token is shown nowhere: not in the notes, not among the dropped options. Checked
        // for tokens that look like one and are in the text once, so that no fixed wording or
        // other value of the command can hold them.
        QString token = r.token.toString();
        bool digit = false;
        for (QChar c : token)
            digit = digit || c.isDigit();
        if (token.size() >= 12 && token.endsWith(u'=') && digit && text.count(token) == 1 &&
            r.summary().join(u'\n').contains(token))
            __builtin_trap();
        gs::wipe(token);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const gs::DockerRunImport r = gs::DockerRunImport::parse(text);
    check(r, text);
    if (!r.ok)
        return 0;
    (void)r.summary();
    gs::DelegateSettings d;
    r.applyTo(&d);

    // The fields, written back as one command, read back the same.
    QStringList words{QStringLiteral("docker"), QStringLiteral("run")};
    const auto env = [&words](const char *key, const gs::DockerRunImport::Field &field) {
        if (field.found)
            words << QStringLiteral("-e") << QLatin1String(key) + u'=' + field.value;
    };
    env("ACCOUNT_ID", r.accountId);
    env("DELEGATE_NAME", r.name);
    env("MANAGER_HOST_AND_PORT", r.manager);
    env("DELEGATE_TAGS", r.tags);
    if (r.cpus.found)
        words << QStringLiteral("--cpus") << r.cpus.value;
    if (r.memory.found)
        words << QStringLiteral("--memory=") + r.memory.value;
    words << QStringLiteral("--") << r.image.value;
    const gs::DockerRunImport again = gs::DockerRunImport::parse(gs::shellJoin(words));
    if (!again.ok || again.accountId.value != r.accountId.value ||
        again.name.value != r.name.value || again.manager.value != r.manager.value ||
        again.tags.value != r.tags.value || again.cpus.value != r.cpus.value ||
        again.memory.value != r.memory.value || again.image.value != r.image.value)
        __builtin_trap();
    return 0;
}
