#pragma once

#include "StepJob.h"

#include <QHash>

namespace gs::steps {

// The VM runner: directory, pool.yaml (refused with errors unless overridden), the
// service-account key next to it with json_path rewritten, the harness network only if missing,
// an existing runner kept or replaced, then GET /healthz = OK through the port it publishes on the
// VM.
class RunnerStep : public StepJob
{
    Q_OBJECT
public:
    explicit RunnerStep(StepContext *context, QObject *parent = nullptr);

    // The VM-side command that prints the body of GET http://127.0.0.1:3000/healthz (the port
    // the runner publishes): curl, else wget, else bash's /dev/tcp; empty when the VM has none.
    static QString healthCheckCommand(const HostFacts &facts);

    // Sets nothing up: only waits until the container that runs now is healthy (after a restart
    // or a pool edit). `logsSince` (when it started, as Docker prints it) keeps the log lines of
    // its earlier runs out of the verdict.
    void setVerifyOnly(const QString &logsSince)
    {
        m_verifyOnly = true;
        m_logsSince = logsSince;
    }

protected:
    void run() override;

private:
    void preparePoolFile();
    void inspect();
    void ensureDirectory();
    void ensurePool();
    void ensureKey();
    void ensureNetwork();
    void ensureContainer();
    void adoptOrReplace();
    void startContainer(bool replacing);
    void waitHealthy();
    void poll();
    QString healthProbe() const;
    void judgeHealth(const remote::CommandResult &result);

    StepPlan m_plan;
    QHash<QString, QString> m_state; // from inspect()
    QStringList m_keyStat;           // inspect()'s "@@keystat=" lines (PoolUpload.h)
    bool m_filesChanged = false;
    int m_waitStartedMs = 0;
    int m_logLinesShown = 0;
    bool m_verifyOnly = false;
    QString m_logsSince;
    QString m_healthCheck; // healthCheckCommand() for this VM
};

} // namespace gs::steps
