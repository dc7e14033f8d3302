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
    // A cancel of this job stops the step that runs inside it.
    connect(this, &StepJob::finished, this, [this] {
        if (m_child && !m_child->isFinished())
            m_child->cancel();
    });
}

void PreflightThen::run()
{
    startChild(StepKind::Preflight);
}

void PreflightThen::startChild(StepKind kind)
{
    m_child = SetupRun::createStep(kind, context(), this);
    connect(m_child, &StepJob::progress, this,
            [this](const QString &line) { Q_EMIT progress(line); });
    connect(m_child, &StepJob::waiting, this, &StepJob::waiting);
    connect(m_child, &StepJob::logLines, this, &StepJob::logLines);
    connect(m_child, &StepJob::decisionNeeded, this, [this](const Decision &decision) {
        QPointer<StepJob> child = m_child;
        ask(decision, [child](bool accept) {
            if (child)
                child->decide(accept);
        });
    });
    connect(m_child, &StepJob::finished, this,
            [this, kind](const StepResult &r) { childFinished(kind, r); });
    m_child->start();
}

void PreflightThen::childFinished(StepKind kind, const StepResult &r)
{
    if (isFinished())
        return;
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
