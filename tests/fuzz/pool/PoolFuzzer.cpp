// libFuzzer entry: any bytes through the validator, its fixes and the json_path helpers.
// Besides crashes and sanitizer reports, it traps when a finding points outside the text.
#include "pool/PoolFileEdits.h"
#include "pool/PoolReportFormat.h"
#include "pool/PoolValidator.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const gs::pool::PoolReport report = gs::pool::validatePool(text);
    int fixes = 0;
    for (const gs::pool::Diagnostic &d : report.diagnostics) {
        if (d.offset < 0 || d.length < 0 || d.offset + d.length > text.size() || d.line < 1 ||
            d.column < 1 || d.code.isEmpty() || d.message.isEmpty())
            __builtin_trap();
        if (d.fix && fixes++ < 3) {
            for (const gs::pool::TextEdit &e : d.fix->edits) {
                if (e.offset < 0 || e.offset + e.length > text.size())
                    __builtin_trap();
            }
            (void)gs::pool::validatePool(gs::pool::applyFix(text, *d.fix));
        }
    }
    (void)gs::pool::reportToJson(QStringLiteral("f"), report);
    QByteArray rewritten;
    if (gs::pool::rewriteJsonPath(text, QStringLiteral("/runner/sa.json"), &rewritten).ok) {
        for (const auto &ref : gs::pool::jsonPathReferences(rewritten, QStringLiteral("/")))
            if (ref.value != QLatin1String("/runner/sa.json"))
                __builtin_trap();
    }
    return 0;
}
