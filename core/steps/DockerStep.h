#pragma once

#include "StepJob.h"

namespace gs::steps {

// Docker: detect the client and the daemon; install it only on the user's consent (commands
// shown first); start a stopped daemon; the docker-group case asks for a reconnect.
class DockerStep : public StepJob
{
    Q_OBJECT
public:
    explicit DockerStep(StepContext *context, QObject *parent = nullptr);

protected:
    void run() override;

private:
    void check();
    void offerInstall();
    void startDaemon();
    void verify(bool afterChange);
    StepPlan m_plan;
};

} // namespace gs::steps
