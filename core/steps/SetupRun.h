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

// The whole "Run for me" (or `gitspaces-setup check|apply`): runs the steps in order over one
// session, reconnects when the docker group needs a new session, and converges on a re-run.
// The GUI and the CLI drive this same object.
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
    ~SetupRun() override;

    static QList<StepKind> stepsFor(Mode mode);
    // The job factory pages and RunPanel use: one step over a context.
    static StepJob *createStep(StepKind kind, StepContext *context, QObject *parent = nullptr);

    void setReconnect(Reconnect reconnect) { m_reconnect = std::move(reconnect); }
    void setAutoAnswer(AutoAnswer answer) { m_autoAnswer = std::move(answer); }

    void start();
    void cancel();
    void decide(bool accept); // answers the pending decisionNeeded()

    bool isRunning() const { return m_running; }
    bool succeeded() const;
    const QList<StepResult> &results() const { return m_results; }
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
    void startStep(int index);
    void onStepFinished(const StepResult &result);
    void finish(bool ok);

    StepContext *m_context;
    Mode m_mode;
    QList<StepKind> m_steps;
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
