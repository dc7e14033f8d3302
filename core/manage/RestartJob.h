#pragma once

#include "ManageJob.h"
#include "ManagedContainer.h"

#include <optional>

namespace gs::manage {

// Restarts the runner or the delegate and waits until it is healthy again (the runner's
// /healthz, the delegate's health and a new "registered" line), judging only what it logged
// since this start. For the runner it can first replace pool.yaml on the VM (atomically, 0600,
// the plan's own `runner.pool` command): the pool editor's "Save to the VM and restart".
class RestartJob : public ManageJob
{
    Q_OBJECT
public:
    RestartJob(steps::StepContext *context, ManagedContainer which, QObject *parent = nullptr);

    // Runner only: write this pool.yaml before the restart. A file with errors is refused
    // unless RunOptions::allowPoolErrors is set; the VM's file is then left as it was.
    void setPoolContent(const QByteArray &content) { m_poolContent = content; }

protected:
    void run() override;

private:
    void writePool();
    void restart();
    void verify(const QString &startedAt);

    ManagedContainer m_which;
    std::optional<QByteArray> m_poolContent;
};

} // namespace gs::manage
