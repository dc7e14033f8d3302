#pragma once

#include "ManageJob.h"
#include "util/Secret.h"

#include <QPointer>

namespace gs::harness {
class HarnessClient;
}

namespace gs::manage {

// Upgrades the running delegate to another image tag and keeps everything else it runs with:
// its name, account, tags and manager are read from the container, and so is its token, which
// goes straight from the command's output into a Secret (never shown, logged, recorded in the
// transcript or put on a command line) and back to Docker on stdin. The tag is the one given, or
// Harness's latest supported version (API key). After a confirmation (Decision::ConfirmUpgrade)
// the delegate step replaces the container and waits for health and registration, exactly as
// `apply` does: the same plan, with the new image.
class DelegateUpgradeJob : public ManageJob
{
    Q_OBJECT
public:
    explicit DelegateUpgradeJob(steps::StepContext *context, QObject *parent = nullptr);

    // The tag to upgrade to ("26.02.88404"). Without one, Harness is asked (setHarness).
    void setTag(const QString &tag) { m_tag = tag.trimmed(); }
    void setHarness(harness::HarnessClient *client, const Secret &apiKey);

    QString fromImage() const { return m_fromImage; }
    QString toImage() const { return m_toImage; }

protected:
    void run() override;

private:
    void readDelegate();
    void readToken();
    void chooseTag();
    void confirm();
    void upgrade();
    void replace();

    QString m_tag;
    QPointer<harness::HarnessClient> m_harness;
    Secret m_apiKey;
    QString m_fromImage;
    QString m_toImage;
};

} // namespace gs::manage
