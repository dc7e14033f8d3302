#pragma once

#include "StepJob.h"

namespace gs::steps {

// Before anything changes: OS and architecture, disk, memory for the delegate's --memory, port
// 3000, outbound HTTPS to the manager (with the account check), and how Docker can be reached.
// Changes nothing on the VM.
class PreflightStep : public StepJob
{
    Q_OBJECT
public:
    explicit PreflightStep(StepContext *context, QObject *parent = nullptr);

protected:
    void run() override;

private:
    void evaluate();
    // The checks in the order evaluate() runs them; false: the step failed or reconnects.
    bool checkSystem();
    bool checkDockerAccess();
    bool checkRunnerDirectory();
    void checkDockerDaemon();
    bool checkDisk();
    bool checkMemory();
    void checkPort();
    void checkManager();
};

} // namespace gs::steps
