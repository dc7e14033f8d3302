#pragma once

#include "DelegateImage.h"
#include "HarnessClient.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace gs::harness {

// What the Harness side of `check` and `apply` finds before anything runs over SSH.
struct PreflightReport
{
    AccountCheckResult account;
    bool keyGiven = false;
    LatestVersionResult latest; // only when keyGiven
    // DelegateImage::assess(): against latest when latestKnown(), otherwise by the tag's date.
    ImageTagCheck image;

    // Harness told the latest supported version: a key was given and the lookup succeeded.
    bool latestKnown() const
    {
        return keyGiven && account.ok() && latest.ok() && !latest.version.isEmpty();
    }
    // The image Harness currently supports (empty without a key or on failure).
    QString proposedImage() const { return latest.proposedImage; }
    // One line per finding, for a terminal; never contains the key.
    QStringList lines() const;
};

// Runs the account check and, with an API key, looks up the latest supported delegate version
// and compares the configured image with it; without that answer it judges the image by its
// tag's date (DelegateImage::checkAge()). finished() fails when the account is not on the
// cluster, the manager cannot be reached, or the given key is rejected; an old image tag is a
// finding in the report, not a failure (the caller decides whether to use proposedImage()).
//
//   auto *preflight = new HarnessPreflight(client, parent);
//   connect(preflight, &HarnessPreflight::finished, …);
//   preflight->start(config.delegate.manager, config.delegate.accountId, apiKey,
//                    config.delegate.image);
class HarnessPreflight : public QObject
{
    Q_OBJECT
public:
    explicit HarnessPreflight(HarnessClient *client, QObject *parent = nullptr);

    // `apiKey` may be empty: then only the account is checked.
    void start(const QString &managerUrl, const QString &accountId, const QString &apiKey,
               const QString &currentImage);
    void cancel();
    bool isRunning() const { return m_running; }
    // The day the image's age is measured on; QDate::currentDate() when not set (tests set it).
    void setToday(const QDate &today) { m_today = today; }

Q_SIGNALS:
    void finished(const gs::Result &result, const gs::harness::PreflightReport &report);

private:
    void onAccount(const AccountCheckResult &result);
    void onLatest(const LatestVersionResult &result);
    void finish();

    QPointer<HarnessClient> m_client;
    QPointer<HarnessJob> m_job;
    QString m_managerUrl;
    QString m_accountId;
    QString m_apiKey;
    QString m_currentImage;
    PreflightReport m_report;
    QDate m_today;
    bool m_running = false;
};

} // namespace gs::harness

Q_DECLARE_METATYPE(gs::harness::PreflightReport)
