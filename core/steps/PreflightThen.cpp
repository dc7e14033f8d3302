#include "PreflightThen.h"

#include "SetupRun.h"

namespace gs::steps {

PreflightThen::PreflightThen(StepKind kind, StepContext *context,
                             std::function<void()> afterPreflight, QObject *parent)
    : StepJob(kind, context, parent)
    , m_kind(kind)
    , m_afterPreflight(std::move(afterPreflight))
{
    // Its steps record their own results; the merged one would count preflight's twice.
    setRecordsState(false);
}

void PreflightThen::run()
{
    startChild(StepKind::Preflight);
}

void PreflightThen::startChild(StepKind kind)
{
    runChild(SetupRun::createStep(kind, context(), this),
             [this, kind](const StepResult &r) { childFinished(kind, r); });
}

void PreflightThen::childFinished(StepKind kind, const StepResult &r)
{
    m_result.done += r.done;
    m_result.alreadyThere += r.alreadyThere;
    m_result.checked += r.checked;
    m_result.warnings += r.warnings;
    m_result.caveats += r.caveats;
    switch (r.status) {
    case StepResult::Status::Succeeded:
        if (kind == StepKind::Preflight) {
            if (m_afterPreflight)
                m_afterPreflight();
            startChild(m_kind);
        } else {
            succeed();
        }
        break;
    case StepResult::Status::NeedsReconnect:
        needReconnect(r.error);
        break;
    case StepResult::Status::Cancelled:
        cancel();
        break;
    case StepResult::Status::Failed:
        fail(r.error, r.logLines);
        break;
    }
}

} // namespace gs::steps
