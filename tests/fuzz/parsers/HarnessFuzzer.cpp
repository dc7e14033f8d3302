// libFuzzer entry: any bytes as the body of each Harness answer the client reads.
#include "harness/HarnessResponses.h"

#include <cstddef>
#include <cstdint>

using namespace gs::harness;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    AccountCheckResult account;
    Responses::readAccountStatus(body, account);
    LatestVersionResult latest;
    Responses::readLatestVersion(
        body, QStringLiteral("us-docker.pkg.dev/gar-prod-setup/harness-public/harness/delegate"),
        latest);
    static const QDateTime now =
        QDateTime::fromString(QStringLiteral("2026-02-03T10:00:00Z"), Qt::ISODate);
    DelegateStatusResult status;
    Responses::readDelegateList(body, QStringLiteral("gs-delegate"), now, std::chrono::minutes(5),
                                status);
    if (status.state == DelegateStatusResult::State::Connected && !status.connectedFlag)
        __builtin_trap();
    const QString message = Responses::serverMessage(body);
    if (message.contains(QLatin1Char('\n')))
        __builtin_trap(); // one line, as documented
    return 0;
}
