#pragma once

#include "StepContext.h"
#include "StepJob.h"
#include "StepTypes.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace gs::steps {

// The one sequence of steps over one session: `gitspaces-setup check|apply|uninstall` (through
// manage::CommandRun) and every page's "Run for me" (one step). It decides what runs first
// (preflight, when the context does not know yet what a step's commands depend on), runs the
// steps in order, reconnects when the docker group needs a new session, and converges on a
// re-run. The GUI and the CLI drive this same object.
class SetupRun : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Check,    // preflight only
        Apply,    // preflight, Docker, runner, delegate
        Uninstall // uninstall only
    };

    // Reconnects the session the context holds (same object, new connection); calls `done`.
    using Reconnect = std::function<void(std::function<void(bool ok, const QString &error)> done)>;
    // Answers a decision without asking (CLI flags, tests); nullopt: ask through decisionNeeded.
    using AutoAnswer = std::function<std::optional<bool>(const Decision &)>;

    SetupRun(StepContext *context, Mode mode, QObject *parent = nullptr);
    // One page's step: preflight first when needsPreflight() (decided at start()), then `step`.
    // Connect to stepFinished() to follow preflight's answers before the step builds commands.
    SetupRun(StepContext *context, StepKind step, QObject *parent = nullptr);
    ~SetupRun() override;

    static QList<StepKind> stepsFor(Mode mode);
    // Whether `step` alone would build commands the page has not shown yet: preflight has not
    // run on this session (sudo or not), the docker group waits for a new session, or the
    // delegate needs the manager checked from the VM and it was not (no account id back then).
    static bool needsPreflight(StepKind step, const StepContext &context);
    // One step as a job over a context (the steps of a run; tests drive single jobs).
    static StepJob *createStep(StepKind kind, StepContext *context, QObject *parent = nullptr);

    void setReconnect(Reconnect reconnect) { m_reconnect = std::move(reconnect); }
    void setAutoAnswer(AutoAnswer answer) { m_autoAnswer = std::move(answer); }

    void start();
    void cancel();
    void decide(bool accept); // answers the pending decisionNeeded()

    bool isRunning() const { return m_running; }
    bool succeeded() const;
    const QList<StepResult> &results() const { return m_results; }
    // The steps this run takes, in order (a page's step: known once started).
    const QList<StepKind> &plannedSteps() const { return m_steps; }
    StepJob *currentStep() const { return m_current; }
    StepContext *context() const { return m_context; }

Q_SIGNALS:
    void stepStarted(gs::steps::StepKind kind);
    void progress(gs::steps::StepKind kind, const QString &line);
    void waiting(const QString &what, int elapsedSeconds, int timeoutSeconds);
    void logLines(const QStringList &lines);
    void decisionNeeded(const gs::steps::Decision &decision);
    void reconnecting(const QString &why);
    void stepFinished(const gs::steps::StepResult &result);
    void finished(bool ok);

private:
    void planSingleStep();
    void startStep(int index);
    void onStepFinished(const StepResult &result);
    void finish(bool ok);

    StepContext *m_context;
    QList<StepKind> m_steps;
    std::optional<StepKind> m_single; // a page's one step
    int m_index = -1;
    int m_reconnects = 0;
    QPointer<StepJob> m_current;
    QList<StepResult> m_results;
    Reconnect m_reconnect;
    AutoAnswer m_autoAnswer;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace gs::steps
