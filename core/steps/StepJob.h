#pragma once

#include "LogDiagnosis.h"
#include "StepContext.h"
#include "StepTypes.h"
#include "plan/CommandBuilder.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace gs::remote {
struct CommandResult;
class CommandJob;
} // namespace gs::remote

class QTimer;

namespace gs::steps {

// How StepJob::exec() sends a script.
// Named fields only: ExecOptions{.timeoutMs = 30000, .raw = true}.
struct ExecOptions
{
    QByteArray stdinData; // zeroed by whichever holder releases it last (gs::wipeIfLast)
    QString stdinNote;    // what the transcript says went to stdin (never the secret itself)
    int timeoutMs = 0;    // 0: RunOptions::commandTimeoutMs
    bool raw = false;     // send as is: no `sudo -S` wiring (probes that use `sudo -n`)
    bool quiet = false;   // no progress line (polls)
    // False: the transcript records how many bytes came out, not the bytes: a secret read back
    // from a container (the caller moves it into a Secret and wipes it), or a followed log.
    bool recordOutput = true;
    // Called with each chunk of standard output as it arrives (a streamed log).
    std::function<void(const QByteArray &)> onStdout = {};
};

// One documented step as an asynchronous job: check what is there, apply only what is missing,
// verify it works. Emits progress while it runs and `finished` exactly once. Questions go out as
// decisionNeeded(); the job waits, without an event loop of its own, until decide() answers.
class StepJob : public QObject
{
    Q_OBJECT
public:
    StepJob(StepKind kind, StepContext *context, QObject *parent = nullptr);
    ~StepJob() override;

    StepKind kind() const { return m_result.step; }
    StepContext *context() const { return m_context; }

    // Starts on the next event-loop turn, so callers can connect first.
    void start();
    // Stops the running command (the remote process is signalled) and finishes as Cancelled.
    void cancel();
    // The answer to the pending decisionNeeded(): accept or decline.
    void decide(bool accept);

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    bool hasPendingDecision() const { return bool(m_pendingDecision); }
    const Decision &pendingDecision() const { return m_decision; }
    const StepResult &result() const { return m_result; }

Q_SIGNALS:
    void progress(const QString &line);
    // A wait with a visible timer: what we wait for, seconds so far, seconds at most.
    void waiting(const QString &what, int elapsedSeconds, int timeoutSeconds);
    // New lines of a container log, shown while waiting.
    void logLines(const QStringList &lines);
    void decisionNeeded(const gs::steps::Decision &decision);
    void finished(const gs::steps::StepResult &result);

protected:
    virtual void run() = 0;

    using Then = std::function<void(const remote::CommandResult &)>;
    // Runs a script (privileged parts already prefixed) and records it in the transcript.
    void exec(const QString &commandId, const QString &script, Then then,
              const ExecOptions &options = ExecOptions());
    // Runs a command of the plan, byte for byte as the page shows it.
    void execPlanned(const PlannedCommand &command, Then then,
                     const ExecOptions &options = ExecOptions());
    // The plan's command with this id for this step; fails the step when the plan lacks it.
    bool planned(const StepPlan &plan, const QString &id, PlannedCommand *command);

    void ask(const Decision &decision, std::function<void(bool)> then);
    // Keep or replace `existing`: the decision shows its image and state, the commands that
    // replace it, and recommends replacing when it runs another image (or an older pull of the
    // same one), is not running or not healthy, or for `extraReasons`.
    Decision keepOrReplace(Decision::Kind kind, const QString &question,
                           const ExistingContainer &existing, const QString &wantedImage,
                           const QString &localImageId, QStringList extraReasons,
                           const PlannedCommand &remove, const PlannedCommand &run) const;
    // Keep (adopt) or replace a container started by hand: keepOrReplace's details and reasons
    // (plus `concerns`) for `found`, with the commands each answer runs: `replaceCommands` when
    // accepted, `keepCommands` when declined ("Keep as <name>").
    Decision keepOrReplaceFound(Decision::Kind kind, const QString &question,
                                const FoundContainer &found, int copies, const QString &wantedImage,
                                const QString &localImageId, const QStringList &concerns,
                                const QStringList &replaceCommands, const QStringList &keepCommands,
                                const QString &name) const;
    // Keeping an existing container: nothing to do while it runs, `docker start` when it is
    // stopped. then() follows either way; a failed start ends the step.
    struct KeptContainer
    {
        QString name;
        QString status;       // as `docker inspect` printed it
        QString startId;      // the transcript's id for the start command
        QString keptNote;     // "… (kept)", when it runs
        QString startingWhat; // for the failure message
        QString startedNote;
        QStringList differences = {}; // kept although it differs from the answers: a warning
    };
    // What differs between the container the probe printed under `key`
    // (ContainerDrift::inspectScript) and the plan's `run` command, in words; the image is left
    // to keepOrReplace(), which also knows whether a newer pull of it is on the VM.
    QStringList drift(const QHash<QString, QString> &values, const QString &key,
                      const PlannedCommand &run) const;
    void keepContainer(const KeptContainer &kept, std::function<void()> then);
    // then() at once, or, when replacing, once the plan's `remove` succeeded (a failed removal
    // ends the step, named by `removingWhat`).
    void removeFirstIf(bool replacing, const PlannedCommand &remove, const QString &removingWhat,
                       std::function<void()> then);
    void after(int ms, std::function<void()> then);
    // Runs `child`, a step over the same context, inside this job: its progress, waits, log lines
    // and questions pass through, a cancel of this job cancels it, and then() gets its result.
    // `autoAnswer` answers the child's questions this job already asked for (nullopt: pass on).
    void runChild(StepJob *child, std::function<void(const StepResult &)> then,
                  std::function<std::optional<bool>(const Decision &)> autoAnswer = {});

    // Makes sure HostFacts are known (runs the preflight probe once per context).
    void ensureFacts(std::function<void()> then);

    void say(const QString &line);
    // Container log lines for the page, secrets masked.
    void showLogLines(const QStringList &lines);
    // A poll's "@@log=" lines: shows those past `*shown` (and counts them), returns them all as
    // one text for the failure patterns.
    QString followLog(const QByteArray &output, int *shown);
    QString redact(const QString &text) const;
    void noteDone(const QString &what);
    void noteAlreadyThere(const QString &what);
    // A check that passed: "Port 3000 is free" (not something found in place).
    void noteChecked(const QString &what);
    void warn(const QString &what);
    // A warning that stays true after the run (SetupState carries it to the summary).
    void caveat(const QString &what);
    // Whether finish() records the result in the context's SetupState (default on): a job that
    // only wraps other steps, which record themselves, turns it off.
    void setRecordsState(bool records) { m_recordsState = records; }
    void succeed();
    void fail(const QString &error, const QStringList &logLines = {});
    // Fails with what the known log lines mean after `headline` (only the fatal ones with
    // `fatalOnly`), shown with those lines (else the log's last lines).
    void failExplained(const QString &headline, const QList<LogFinding> &findings,
                       const QString &logText, bool fatalOnly = false);
    void failCommand(const QString &what, const remote::CommandResult &result);
    void needReconnect(const QString &why);

    // Working time: the time a decision waited for an answer is left out.
    int elapsedMs() const;
    StepResult m_result;

private:
    // One command on its way: what its end needs to record and judge it.
    struct RunningCommand
    {
        QString id;
        int transcriptEntry = -1;
        int limitMs = 0;
        QElapsedTimer clock;
        std::shared_ptr<bool> timedOut;
        std::shared_ptr<QByteArray> input; // zeroed by its last holder
        bool recordOutput = true;
    };
    void commandFinished(remote::CommandJob *job, const RunningCommand &running, const Then &then,
                         const remote::CommandResult &result);
    void finish(StepResult::Status status);

    StepContext *m_context;
    QPointer<remote::CommandJob> m_job;
    QPointer<StepJob> m_child; // runChild()'s step, while it runs
    QTimer *m_waitTimer = nullptr;
    std::function<void()> m_waitThen;
    std::function<void(bool)> m_pendingDecision;
    Decision m_decision;
    QElapsedTimer m_clock;
    QElapsedTimer m_decisionClock; // runs while a decision waits for its answer
    qint64 m_waitedForAnswerMs = 0;
    bool m_recordsState = true;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelled = false;
};

// "--since '<time>' " for `docker logs`, or nothing when `since` is empty.
QString logsSinceOption(const QString &since);

// Output lines of the form "@@key=value" that the engine's probe scripts print.
QHash<QString, QString> probeValues(const QByteArray &output);
// Every "@@key=value" value of the key, in order (for repeated keys such as log lines).
QStringList probeValueList(const QByteArray &output, const QString &key);

} // namespace gs::steps
