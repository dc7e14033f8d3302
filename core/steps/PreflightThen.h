#pragma once

#include "StepJob.h"

#include <QPointer>

#include <functional>

namespace gs::steps {

// Preflight, then one step, as one job: a page's "Run for me" must know how Docker is reached
// (direct or sudo) before it runs anything, so that what the page shows is what runs.
// `afterPreflight` runs between the two (the wizard's pages follow preflight's answers there).
class PreflightThen : public StepJob
{
    Q_OBJECT
public:
    PreflightThen(StepKind kind, StepContext *context, std::function<void()> afterPreflight,
                  QObject *parent = nullptr);

protected:
    void run() override;

private:
    void startChild(StepKind kind);
    void childFinished(StepKind kind, const StepResult &result);

    StepKind m_kind;
    std::function<void()> m_afterPreflight;
};

} // namespace gs::steps
