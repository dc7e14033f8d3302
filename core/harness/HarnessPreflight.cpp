#include "HarnessPreflight.h"

#include "util/LoggingCategories.h"

namespace gs::harness {

QStringList PreflightReport::lines() const
{
    QStringList lines{account.message};
    if (keyGiven && account.ok())
        lines.append(latest.message);
    if (!image.message.isEmpty())
        lines.append(image.message);
    if (latestKnown() && image.verdict != ImageTagCheck::Verdict::Current)
        lines.append(HarnessPreflight::tr("Proposed delegate image: %1").arg(proposedImage()));
    return lines;
}

HarnessPreflight::HarnessPreflight(HarnessClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    qRegisterMetaType<PreflightReport>();
}

void HarnessPreflight::start(const QString &managerUrl, const QString &accountId,
                             const QString &apiKey, const QString &currentImage)
{
    cancel();
    m_managerUrl = managerUrl;
    m_accountId = accountId;
    m_apiKey = apiKey.trimmed();
    m_currentImage = currentImage;
    m_report = {};
    m_report.keyGiven = !m_apiKey.isEmpty();
    m_running = true;
    if (!m_client) {
        m_report.account.message = tr("The Harness client is gone.");
        finish();
        return;
    }
    auto *job = m_client->checkAccount(m_managerUrl, m_accountId);
    m_job = job;
    connect(job, &AccountCheckJob::finished, this, &HarnessPreflight::onAccount);
}

void HarnessPreflight::cancel()
{
    if (!m_running)
        return;
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
    m_job = nullptr;
    m_running = false;
}

void HarnessPreflight::onAccount(const AccountCheckResult &result)
{
    m_job = nullptr;
    m_report.account = result;
    if (!result.ok() || !m_report.keyGiven || !m_client) {
        finish();
        return;
    }
    auto *job = m_client->latestDelegateVersion(m_managerUrl, m_accountId, m_apiKey);
    m_job = job;
    connect(job, &LatestVersionJob::finished, this, &HarnessPreflight::onLatest);
}

void HarnessPreflight::onLatest(const LatestVersionResult &result)
{
    m_job = nullptr;
    m_report.latest = result;
    finish();
}

void HarnessPreflight::finish()
{
    m_running = false;
    m_report.image = DelegateImage::assess(
        m_currentImage, m_report.latestKnown() ? m_report.latest.version : QString(),
        m_today.isValid() ? m_today : QDate::currentDate());
    Result result;
    if (!m_report.account.ok()) {
        result = Result::failure(m_report.account.message);
    } else if (m_report.keyGiven && (m_report.latest.failure == Failure::Unauthorized ||
                                     m_report.latest.failure == Failure::Forbidden ||
                                     m_report.latest.failure == Failure::InvalidInput)) {
        // The key is needed again at the end of the run: a bad one is better found now.
        result = Result::failure(m_report.latest.message);
    } else {
        result = Result::success();
        result.message = m_report.lines().join(QLatin1Char(' '));
    }
    for (const QString &line : m_report.lines())
        qCInfo(lcHarness).noquote() << line;
    Q_EMIT finished(result, m_report);
}

} // namespace gs::harness
