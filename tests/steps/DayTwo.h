#pragma once

// Day two over the engine, for the host-shape matrix: status, logs, a pool edit with a runner
// restart, the upgrader and a delegate upgrade, each a core/manage job over a real SshSession,
// as the wizard's Manage page runs them. Questions are answered yes.

#include "E2eSupport.h"

#include "manage/ContainerLogsJob.h"
#include "manage/DelegateUpgradeJob.h"
#include "manage/RestartJob.h"
#include "manage/StatusJob.h"
#include "manage/UpgraderJob.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"

#include <functional>

namespace gs::test {

struct DayTwoRun
{
    steps::StepResult result;
    QStringList logLines; // ContainerLogsJob's lines
    manage::VmStatus status;
    QList<steps::Decision> decisions; // asked, and answered yes
};

// Runs the job `make` creates over a fresh connection and context; `transcript` collects every
// command (masked) across calls.
inline DayTwoRun runDayTwo(const remote::ConnectOptions &options, const SetupConfig &setup,
                           const QByteArray &sudoPassword, steps::Transcript *transcript,
                           const std::function<steps::StepJob *(steps::StepContext *)> &make)
{
    DayTwoRun run;
    remote::SshSession session;
    const remote::ConnectResult connected = connectSession(session, options);
    if (!connected.ok()) {
        run.result.error = QStringLiteral("connect: ") + connected.message;
        return run;
    }
    steps::StepContext context(&session, setup, transcript);
    context.options().pollIntervalMs = 200;
    context.options().checkOutbound = false;
    if (!sudoPassword.isEmpty())
        context.setSudoPassword(sudoPassword);
    steps::StepJob *job = make(&context);
    QObject::connect(job, &steps::StepJob::decisionNeeded, job,
                     [job, &run](const steps::Decision &decision) {
                         run.decisions << decision;
                         job->decide(true);
                     });
    if (auto *logs = qobject_cast<manage::ContainerLogsJob *>(job))
        QObject::connect(logs, &manage::ContainerLogsJob::linesReceived, logs,
                         [&run](const QList<manage::LogLine> &lines) {
                             for (const manage::LogLine &line : lines)
                                 run.logLines << line.text;
                         });
    QSignalSpy finished(job, &steps::StepJob::finished);
    job->start();
    if (!finished.wait(180000)) {
        run.result.error = QStringLiteral("test: the job did not finish");
        return run;
    }
    run.result = finished.at(0).at(0).value<steps::StepResult>();
    if (auto *status = qobject_cast<manage::StatusJob *>(job))
        run.status = status->status();
    delete job;
    return run;
}

} // namespace gs::test
