#pragma once

#include "ManageJob.h"
#include "VmStatus.h"
#include "util/Secret.h"

#include <QPointer>

namespace gs::harness {
class HarnessClient;
}

namespace gs::manage {

// How the VM is doing, in one round trip: both containers (state, health, image and digest, up
// since, restarts), the runner's /healthz, the delegate's "registered" line, known failure lines
// in their recent logs, the harness network, the upgrader, and pool.yaml on the VM compared with
// the local one. Docker's sudo is decided on the VM, so no preflight probe is needed (with a sudo
// password given, preflight runs first). With a Harness client and an API key, Harness is then
// asked whether the delegate is connected. Succeeds whenever the VM answered, also when
// something is down: status() says what.
class StatusJob : public ManageJob
{
    Q_OBJECT
public:
    explicit StatusJob(steps::StepContext *context, QObject *parent = nullptr);

    // Optional: ask Harness too. The job keeps its own copy of the key while it runs.
    void setHarness(harness::HarnessClient *client, const Secret &apiKey);

    const VmStatus &status() const { return m_status; }

    // The probe script: "@@key=value" lines. Deciding sudo on the VM, its slow parts run side by
    // side; with the context's privileges (a sudo password given) one after the other.
    static QString script(const SetupConfig &config);
    static QString script(const SetupConfig &config, const CommandBuilder &builder,
                          bool decideOnVm);
    // Reads the probe's output into `status` (the pool diff and Harness are left to the job).
    static void parse(const QByteArray &output, const SetupConfig &config, VmStatus *status);

protected:
    void run() override;

private:
    void probe();
    void compareLocalPool();
    void askHarness();

    VmStatus m_status;
    QPointer<harness::HarnessClient> m_harness;
    Secret m_apiKey;
};

} // namespace gs::manage
