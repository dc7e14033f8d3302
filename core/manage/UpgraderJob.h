#pragma once

#include "ManageJob.h"

namespace gs::manage {

// Installs Harness's upgrader container next to the delegate, so the delegate stays current
// (Docker delegates do not upgrade themselves): it mounts the Docker socket and replaces the
// delegate named UPGRADER_WORKLOAD_NAME on SCHEDULE. Its token is the delegate's, read from the
// running delegate as DelegateUpgradeJob does, and fed on stdin. Labelled `upgrader`, so
// uninstall removes it. An upgrader already there is kept when it runs, started when it stopped.
class UpgraderJob : public ManageJob
{
    Q_OBJECT
public:
    explicit UpgraderJob(steps::StepContext *context, QObject *parent = nullptr);

    // The container's name and image (reference/harness-delegate.md §2.2).
    static QString containerName(const QString &delegateName);
    static QString defaultImage();
    static QString defaultSchedule(); // cron: hourly
    // The `docker run` of the upgrader for these answers; its token (UPGRADER_TOKEN=…) is read
    // from standard input, never from the command line.
    static QString runCommand(const CommandBuilder &builder);

protected:
    void run() override;

private:
    void inspect();
    void start();
};

} // namespace gs::manage
