#include "SetupRun.h"

#include "DelegateStep.h"
#include "DockerStep.h"
#include "PreflightStep.h"
#include "RunnerStep.h"
#include "Transcript.h"
#include "UninstallStep.h"
#include "util/LoggingCategories.h"

#include <QCoreApplication>
#include <QTimer>

namespace gs::steps {

SetupRun::SetupRun(StepContext *context, Mode mode, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_steps(stepsFor(mode))
{}

SetupRun::SetupRun(StepContext *context, StepKind step, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_single(step)
{}

SetupRun::~SetupRun()
{
    if (m_current)
        m_current->cancel();
}

QList<StepKind> SetupRun::stepsFor(Mode mode)
{
    switch (mode) {
    case Mode::Check:
        return {StepKind::Preflight};
    case Mode::Apply:
        return {StepKind::Preflight, StepKind::Docker, StepKind::Runner, StepKind::Delegate};
    case Mode::Uninstall:
        return {StepKind::Uninstall};
    }
    return {};
}

bool SetupRun::needsPreflight(StepKind step, const StepContext &context)
{
    if (step == StepKind::Preflight)
        return false;
    if (!context.factsKnown() || context.facts().access == DockerAccess::GroupPending)
        return true;
    // The Runner page's preflight could not ask the manager from the VM without an account id.
    const RunOptions &options = context.options();
    return step == StepKind::Delegate && options.checkOutbound &&
           context.facts().managerHttpStatus < 0;
}

void SetupRun::planSingleStep()
{
    if (!m_single)
        return;
    m_steps = {*m_single};
    if (needsPreflight(*m_single, *m_context))
        m_steps.prepend(StepKind::Preflight);
}

StepJob *SetupRun::createStep(StepKind kind, StepContext *context, QObject *parent)
{
    switch (kind) {
    case StepKind::Preflight:
        return new PreflightStep(context, parent);
    case StepKind::Docker:
        return new DockerStep(context, parent);
    case StepKind::Runner:
        return new RunnerStep(context, parent);
    case StepKind::Delegate:
        return new DelegateStep(context, parent);
    case StepKind::Uninstall:
        return new UninstallStep(context, parent);
    case StepKind::Manage: // the day-two jobs (core/manage) are created by their callers
        break;
    }
    return nullptr;
}

void SetupRun::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_results.clear();
    m_reconnects = 0;
    planSingleStep();
    startStep(0);
}

void SetupRun::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_current)
        m_current->cancel();
    else
        finish(false); // between steps, e.g. while reconnecting
}

void SetupRun::decide(bool accept)
{
    if (m_current)
        m_current->decide(accept);
}

bool SetupRun::succeeded() const
{
    if (m_running || m_results.size() != m_steps.size())
        return false;
    for (const StepResult &result : m_results)
        if (!result.ok())
            return false;
    return true;
}

void SetupRun::startStep(int index)
{
    m_index = index;
    if (index >= m_steps.size()) {
        finish(true);
        return;
    }
    const StepKind kind = m_steps.at(index);
    StepJob *job = createStep(kind, m_context, this);
    m_current = job;
    connect(job, &StepJob::progress, this,
            [this, kind](const QString &line) { Q_EMIT progress(kind, line); });
    connect(job, &StepJob::waiting, this, &SetupRun::waiting);
    connect(job, &StepJob::logLines, this, &SetupRun::logLines);
    connect(job, &StepJob::decisionNeeded, this, [this, job](const Decision &decision) {
        if (m_autoAnswer) {
            if (const std::optional<bool> answer = m_autoAnswer(decision)) {
                Q_EMIT progress(job->kind(), *answer
                                                 ? QStringLiteral("→ ") + decision.acceptLabel
                                                 : QStringLiteral("→ ") + decision.declineLabel);
                job->decide(*answer);
                return;
            }
        }
        Q_EMIT decisionNeeded(decision);
    });
    connect(job, &StepJob::finished, this, &SetupRun::onStepFinished);
    if (Transcript *transcript = m_context->transcript())
        transcript->note(stepKey(kind), tr("Step: %1").arg(stepTitle(kind)));
    Q_EMIT stepStarted(kind);
    job->start();
}

void SetupRun::onStepFinished(const StepResult &result)
{
    if (StepJob *job = m_current) {
        m_current = nullptr;
        job->deleteLater();
    }
    if (result.status == StepResult::Status::NeedsReconnect && !m_cancelled) {
        if (!m_reconnect || m_reconnects >= 2) {
            StepResult failed = result;
            failed.status = StepResult::Status::Failed;
            failed.error = result.error + QLatin1Char(' ') +
                           tr("Disconnect and connect again, then run again.");
            m_results.append(failed);
            Q_EMIT stepFinished(failed);
            finish(false);
            return;
        }
        ++m_reconnects;
        Q_EMIT reconnecting(result.error);
        m_reconnect([this, result](bool ok, const QString &error) {
            if (!m_running)
                return;
            if (m_cancelled) {
                finish(false);
                return;
            }
            if (!ok) {
                StepResult failed = result;
                failed.status = StepResult::Status::Failed;
                failed.error = tr("Reconnecting failed: %1").arg(error);
                m_results.append(failed);
                Q_EMIT stepFinished(failed);
                finish(false);
                return;
            }
            m_context->setFactsKnown(false);
            // Start over at preflight: the new session may see things differently.
            planSingleStep();
            startStep(0);
        });
        return;
    }
    // A step re-run after a reconnect replaces its earlier result.
    m_results.removeIf([&](const StepResult &r) { return r.step == result.step; });
    m_results.append(result);
    Q_EMIT stepFinished(result);
    if (!result.ok() || m_cancelled) {
        finish(false);
        return;
    }
    startStep(m_index + 1);
}

void SetupRun::finish(bool ok)
{
    if (!m_running)
        return;
    m_running = false;
    qCDebug(lcSteps) << "run finished" << ok;
    Q_EMIT finished(ok && succeeded());
}

} // namespace gs::steps
