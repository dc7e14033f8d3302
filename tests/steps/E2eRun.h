#pragma once

// One whole run through the engine the wizard and the CLI share (steps::SetupRun over a real
// SshSession), for the end-to-end tests: connect, run, collect results, decisions, progress
// lines and the transcript, and keep the transcript where the Summary page would save it.

#include "E2eSupport.h"

#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"

#include <functional>
#include <optional>

namespace gs::test {

struct E2eOutcome
{
    bool ok = false;
    QList<steps::StepResult> results;
    QList<steps::Decision> decisions;
    QString transcript;
    QStringList progress;
    steps::StepResult last() const
    {
        return results.isEmpty() ? steps::StepResult() : results.last();
    }
    QString describe() const
    {
        QString text;
        for (const steps::StepResult &r : results)
            text += steps::stepKey(r.step) + QLatin1Char('\n') + r.summary() + QLatin1Char('\n');
        return text;
    }
};

using E2eAnswer = std::function<std::optional<bool>(const steps::Decision &)>;
using E2eHook = std::function<void(steps::StepContext &, steps::SetupRun &, remote::SshSession &)>;

// Runs `mode` over a fresh connection; decisions are answered by `answer` (or as recommended);
// `hook` sees the context and the run before it starts. The transcript is also written into
// `transcriptDir`, as the Summary page would, so secret scans cover it.
inline E2eOutcome runSetup(const remote::ConnectOptions &options, const SetupConfig &setup,
                           const QString &token, const QString &transcriptDir,
                           steps::SetupRun::Mode mode = steps::SetupRun::Mode::Apply,
                           const E2eAnswer &answer = {}, const E2eHook &hook = {},
                           const QByteArray &sudoPassword = {})
{
    using namespace gs::steps;
    E2eOutcome outcome;
    remote::SshSession session;
    const remote::ConnectResult connected = connectSession(session, options);
    if (!connected.ok()) {
        qWarning("connect: %s", qPrintable(connected.message));
        return outcome;
    }
    Transcript transcript;
    StepContext context(&session, setup, &transcript);
    context.options().pollIntervalMs = 300;
    context.options().runnerHealthTimeoutMs = 60000;
    context.options().delegateHealthTimeoutMs = 60000;
    context.setToken(token);
    if (!sudoPassword.isEmpty())
        context.setSudoPassword(sudoPassword);
    SetupRun run(&context, mode);
    run.setAutoAnswer([&](const Decision &decision) -> std::optional<bool> {
        outcome.decisions << decision;
        if (answer)
            return answer(decision);
        return decision.recommendAccept;
    });
    run.setReconnect([&session, options](std::function<void(bool, const QString &)> done) {
        remote::ConnectJob *job = session.connectToHost(options);
        QObject::connect(job, &remote::ConnectJob::finished, job,
                         [job, done](const remote::ConnectResult &result) {
                             job->deleteLater();
                             done(result.ok(), result.message);
                         });
    });
    QObject::connect(&run, &SetupRun::progress, &run,
                     [&](StepKind, const QString &line) { outcome.progress << line; });
    if (hook)
        hook(context, run, session);
    QSignalSpy finished(&run, &SetupRun::finished);
    run.start();
    if (!finished.wait(240000))
        qWarning("run did not finish");
    outcome.ok = !finished.isEmpty() && finished.first().first().toBool();
    outcome.results = run.results();
    outcome.transcript = transcript.toText();
    QFile file(
        QDir(transcriptDir)
            .filePath(
                QStringLiteral("transcript-%1.txt").arg(QDateTime::currentMSecsSinceEpoch())));
    if (file.open(QIODevice::WriteOnly))
        file.write(outcome.transcript.toUtf8());
    return outcome;
}

} // namespace gs::test
