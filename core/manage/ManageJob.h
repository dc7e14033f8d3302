#pragma once

#include "steps/StepJob.h"

#include <functional>

namespace gs::manage {

// What the day-two jobs share: they look, or change one thing, and record no step state of their
// own (the setup steps they run inside do); Docker must be reachable first; and some need the
// running delegate's token, read back from its container.
class ManageJob : public steps::StepJob
{
    Q_OBJECT
public:
    explicit ManageJob(steps::StepContext *context, QObject *parent = nullptr);

protected:
    // then() once the VM's facts are known and this user reaches Docker (directly or with sudo);
    // a docker group that needs a new session asks for a reconnect, no access fails the job.
    void ensureDocker(std::function<void()> then);
    // Reads DELEGATE_TOKEN of the container `container` into the context's token (never into
    // the transcript, a log or a command line), then then(); fails the job when it cannot.
    void readDelegateToken(const QString &container, std::function<void()> then);
};

} // namespace gs::manage
