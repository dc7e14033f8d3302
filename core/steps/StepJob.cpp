#include "StepJob.h"

#include "ContainerDrift.h"
#include "HostProbe.h"
#include "Transcript.h"
#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"
#include "util/LoggingCategories.h"
#include "util/Secret.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>

namespace gs::steps {

StepJob::StepJob(StepKind kind, StepContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_result.step = kind;
    qRegisterMetaType<gs::steps::StepResult>();
    qRegisterMetaType<gs::steps::Decision>();
    qRegisterMetaType<gs::remote::CommandResult>();
}

StepJob::~StepJob()
{
    if (m_job)
        m_job->cancel();
}

void StepJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    QTimer::singleShot(0, this, [this] {
        if (m_finished)
            return;
        if (!m_context->session() || !m_context->session()->isConnected()) {
            fail(tr("Not connected to the VM. Connect first, then run this step again."));
            return;
        }
        run();
    });
}

void StepJob::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_child && !m_child->isFinished()) {
        // The child finishes Cancelled; runChild() passes that on.
        m_child->cancel();
        return;
    }
    if (m_job) {
        // The job reports Cancelled through its finished signal; finish there.
        m_job->cancel();
        return;
    }
    finish(StepResult::Status::Cancelled);
}

void StepJob::decide(bool accept)
{
    if (!m_pendingDecision || m_finished)
        return;
    // Answer on the next turn: the caller may be inside our decisionNeeded emission.
    auto then = std::move(m_pendingDecision);
    m_pendingDecision = nullptr;
    if (m_decisionClock.isValid()) {
        m_waitedForAnswerMs += m_decisionClock.elapsed();
        m_decisionClock.invalidate();
    }
    QTimer::singleShot(0, this, [this, then, accept] {
        if (!m_finished)
            then(accept);
    });
}

namespace {

// How a command ended, in the transcript's words (not translated: a transcript is for support).
QString outcomeText(const remote::CommandResult &result, bool expired)
{
    switch (result.status) {
    case remote::CommandResult::Status::Exited:
        return QStringLiteral("exit %1").arg(result.exitCode);
    case remote::CommandResult::Status::Signalled:
        return QStringLiteral("signal %1").arg(result.exitSignal);
    case remote::CommandResult::Status::Cancelled:
        return expired ? QStringLiteral("timed out") : QStringLiteral("cancelled");
    case remote::CommandResult::Status::ConnectionLost:
        return QStringLiteral("connection lost: ") + result.errorMessage;
    case remote::CommandResult::Status::Failed:
        return QStringLiteral("failed: ") + result.errorMessage;
    }
    return QString();
}

} // namespace

void StepJob::exec(const QString &commandId, const QString &script, Then then,
                   const ExecOptions &options)
{
    if (m_finished)
        return;
    remote::RemoteSession *session = m_context->session();
    if (!session) {
        fail(tr("The connection to the VM is gone. Run again to resume."));
        return;
    }
    const QString wired = options.raw ? script : m_context->wireScript(script);
    // The stdin may carry the token or the sudo password: the last holder zeroes it, when the
    // command finished or, should the job go first, when the connection lets go of it.
    const std::shared_ptr<QByteArray> input(
        new QByteArray(options.raw ? options.stdinData
                                   : m_context->wireStdin(script, options.stdinData)),
        [](QByteArray *bytes) {
            wipeIfLast(*bytes);
            delete bytes;
        });
    QString note = options.stdinNote;
    if (wired != script)
        note = note.isEmpty() ? tr("sudo password") : tr("sudo password, then %1").arg(note);

    Transcript *transcript = m_context->transcript();
    const int entry = transcript ? transcript->begin(stepKey(kind()), commandId, wired, note) : -1;
    qCDebug(lcSteps).noquote() << stepKey(kind()) << commandId
                               << (transcript ? transcript->redactor().redact(wired) : QString());

    remote::CommandJob *job = session->run(wired, *input);
    m_job = job;
    RunningCommand running;
    running.id = commandId;
    running.transcriptEntry = entry;
    running.limitMs =
        options.timeoutMs > 0 ? options.timeoutMs : m_context->options().commandTimeoutMs;
    running.timedOut = std::make_shared<bool>(false);
    running.input = input;
    running.recordOutput = options.recordOutput;
    if (options.onStdout)
        connect(job, &remote::CommandJob::stdoutReceived, this, options.onStdout);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, job, [job, timedOut = running.timedOut] {
        *timedOut = true;
        job->cancel();
    });
    timer->start(running.limitMs);
    running.clock.start();
    connect(job, &remote::CommandJob::finished, this,
            [this, job, running, then](const remote::CommandResult &result) {
                commandFinished(job, running, then, result);
            });
}

void StepJob::commandFinished(remote::CommandJob *job, const RunningCommand &running,
                              const Then &then, const remote::CommandResult &result)
{
    const bool expired = *running.timedOut;
    wipeIfLast(*running.input);
    job->deleteLater();
    if (m_job == job)
        m_job = nullptr;
    if (Transcript *t = m_context->transcript())
        t->finish(
            running.transcriptEntry,
            running.recordOutput
                ? result.stdOut
                : QStringLiteral("(%1 bytes, not recorded)").arg(result.stdOut.size()).toUtf8(),
            result.stdErr, outcomeText(result, expired), int(running.clock.elapsed()));
    if (m_finished)
        return;
    if (m_cancelled) {
        finish(StepResult::Status::Cancelled);
        return;
    }
    if (expired) {
        fail(tr("The command \"%1\" did not finish within %2 s.")
                 .arg(running.id)
                 .arg(running.limitMs / 1000));
        return;
    }
    if (result.status == remote::CommandResult::Status::ConnectionLost) {
        fail(tr("The connection to the VM was lost (%1). Nothing is left "
                "half-written: reconnect and run again, it goes on from where it "
                "stopped.")
                 .arg(result.errorMessage));
        return;
    }
    then(result);
}

void StepJob::execPlanned(const PlannedCommand &command, Then then, const ExecOptions &options)
{
    if (!options.quiet)
        say(command.summary);
    exec(command.id, command.script, std::move(then), options);
}

bool StepJob::planned(const StepPlan &plan, const QString &id, PlannedCommand *command)
{
    for (const PlannedCommand &candidate : plan.commands) {
        if (candidate.id == id) {
            *command = candidate;
            return true;
        }
    }
    fail(tr("Internal error: the plan has no command \"%1\".").arg(id));
    return false;
}

Decision StepJob::keepOrReplace(Decision::Kind kind, const QString &question,
                                const ExistingContainer &existing, const QString &wantedImage,
                                const QString &localImageId, QStringList extraReasons,
                                const PlannedCommand &remove, const PlannedCommand &run) const
{
    QStringList reasons;
    if (existing.image != wantedImage)
        reasons << tr("it runs %1, not %2").arg(existing.image, wantedImage);
    else if (!localImageId.isEmpty() && existing.imageId != localImageId)
        reasons << tr("a newer %1 is on the VM").arg(wantedImage);
    if (existing.status != QLatin1String("running"))
        reasons << tr("it is %1").arg(existing.status);
    else if (!existing.health.isEmpty() && existing.health != QLatin1String("healthy"))
        reasons << tr("it is %1").arg(existing.health);
    reasons << extraReasons;

    Decision decision;
    decision.kind = kind;
    decision.question = question;
    decision.details =
        tr("Image: %1\nState: %2%3")
            .arg(existing.image, existing.status,
                 existing.health.isEmpty() ? QString() : QStringLiteral(", ") + existing.health);
    if (!reasons.isEmpty())
        decision.details +=
            QLatin1Char('\n') +
            tr("Replacing is recommended: %1.").arg(reasons.join(QStringLiteral("; ")));
    decision.commands = {remove.script, run.script};
    decision.acceptLabel = tr("Replace");
    decision.declineLabel = tr("Keep");
    decision.recommendAccept = !reasons.isEmpty();
    return decision;
}

Decision StepJob::keepOrReplaceFound(Decision::Kind kind, const QString &question,
                                     const FoundContainer &found, int copies,
                                     const QString &wantedImage, const QString &localImageId,
                                     const QStringList &concerns,
                                     const QStringList &replaceCommands,
                                     const QStringList &keepCommands, const QString &name) const
{
    const ExistingContainer existing{found.image, found.status, found.health, found.imageId};
    Decision decision = keepOrReplace(kind, question, existing, wantedImage, localImageId, concerns,
                                      PlannedCommand(), PlannedCommand());
    QString header = tr("Container: %1, started by hand (no --name)")
                         .arg(QStringLiteral("%1 (%2)").arg(found.name, found.shortId()));
    if (!found.command.isEmpty())
        header += QLatin1Char('\n') + tr("Command: %1").arg(found.command.join(QLatin1Char(' ')));
    if (copies > 1)
        header += QLatin1Char('\n') +
                  tr("%n more copy(ies) started the same way: removed either way.", "", copies - 1);
    decision.details = header + QLatin1Char('\n') + decision.details;
    decision.commands = replaceCommands;
    decision.declineCommands = keepCommands;
    decision.acceptLabel = tr("Replace");
    decision.declineLabel = tr("Keep as %1").arg(name);
    return decision;
}

QStringList StepJob::drift(const QHash<QString, QString> &values, const QString &key,
                           const PlannedCommand &run) const
{
    return ContainerDrift::differences(
        values.value(key), values.value(key + QStringLiteral("-token")),
        ContainerDrift::fromRunCommand(run.script), m_context->token().view(), false);
}

void StepJob::keepContainer(const KeptContainer &kept, std::function<void()> then)
{
    // Kept on the user's word although it is not what the answers ask for: never "done" alone.
    if (!kept.differences.isEmpty())
        warn(tr("%1 was kept although it differs from your answers: %2. Replace it to apply "
                "them.")
                 .arg(kept.name, kept.differences.join(QStringLiteral("; "))));
    if (kept.status == QLatin1String("running")) {
        noteAlreadyThere(kept.keptNote);
        then();
        return;
    }
    exec(kept.startId,
         context()->dockerCommand(QStringLiteral("docker start ") + shellQuote(kept.name)),
         [this, kept, then = std::move(then)](const remote::CommandResult &started) {
             if (!started.succeeded()) {
                 failCommand(kept.startingWhat, started);
                 return;
             }
             noteDone(kept.startedNote);
             then();
         });
}

void StepJob::removeFirstIf(bool replacing, const PlannedCommand &remove,
                            const QString &removingWhat, std::function<void()> then)
{
    if (!replacing) {
        then();
        return;
    }
    execPlanned(remove,
                [this, removingWhat, then = std::move(then)](const remote::CommandResult &result) {
                    if (!result.succeeded()) {
                        failCommand(removingWhat, result);
                        return;
                    }
                    then();
                });
}

void StepJob::ask(const Decision &decision, std::function<void(bool)> then)
{
    if (m_finished)
        return;
    m_decision = decision;
    m_pendingDecision = std::move(then);
    m_decisionClock.start();
    say(decision.question);
    Q_EMIT decisionNeeded(decision);
}

void StepJob::runChild(StepJob *child, std::function<void(const StepResult &)> then,
                       std::function<std::optional<bool>(const Decision &)> autoAnswer)
{
    m_child = child;
    connect(child, &StepJob::progress, this,
            [this](const QString &line) { Q_EMIT progress(line); });
    connect(child, &StepJob::waiting, this, &StepJob::waiting);
    connect(child, &StepJob::logLines, this, &StepJob::logLines);
    connect(child, &StepJob::decisionNeeded, this,
            [this, child, autoAnswer](const Decision &decision) {
                QPointer<StepJob> asking = child;
                if (const std::optional<bool> answer =
                        autoAnswer ? autoAnswer(decision) : std::nullopt) {
                    child->decide(*answer);
                    return;
                }
                ask(decision, [asking](bool accept) {
                    if (asking)
                        asking->decide(accept);
                });
            });
    connect(child, &StepJob::finished, this, [this, then = std::move(then)](const StepResult &r) {
        m_child = nullptr;
        if (m_finished)
            return;
        if (r.status == StepResult::Status::Cancelled) {
            finish(StepResult::Status::Cancelled);
            return;
        }
        then(r);
    });
    child->start();
}

void StepJob::after(int ms, std::function<void()> then)
{
    if (m_finished)
        return;
    if (!m_waitTimer) {
        m_waitTimer = new QTimer(this);
        m_waitTimer->setSingleShot(true);
        connect(m_waitTimer, &QTimer::timeout, this, [this] {
            auto next = std::move(m_waitThen);
            m_waitThen = nullptr;
            if (next && !m_finished)
                next();
        });
    }
    m_waitThen = std::move(then);
    m_waitTimer->start(ms);
}

void StepJob::ensureFacts(std::function<void()> then)
{
    // "Group pending" is stale by nature: after a reconnect the new session must be asked again.
    if (m_context->factsKnown() && m_context->facts().access != DockerAccess::GroupPending) {
        then();
        return;
    }
    exec(
        QStringLiteral("check.host"), HostProbe::script(*m_context),
        [this, then](const remote::CommandResult &result) {
            // A probe that did not run says nothing about the VM: never "nothing installed".
            if (!result.succeeded()) {
                failCommand(tr("The host check (what the VM is and has)"), result);
                return;
            }
            if (!HostProbe::parse(result.stdOut, &m_context->facts())) {
                const QByteArray said = result.stdErr.isEmpty() ? result.stdOut : result.stdErr;
                fail(tr("The host check printed none of its answers, so nothing is known about "
                        "the VM and nothing was changed. The account's login shell may not run "
                        "commands (a forced command or nologin)."),
                     QString::fromUtf8(said.left(2000))
                         .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                         .mid(0, 12));
                return;
            }
            HostProbe::decideAccess(&m_context->facts());
            if (HostProbe::sudoPasswordWanted(m_context->facts()) && m_context->hasSudoPassword()) {
                // Only now is a password needed: check it once, with the password on stdin.
                exec(
                    QStringLiteral("check.sudo-password"), HostProbe::sudoPasswordScript(),
                    [this, then](const remote::CommandResult &check) {
                        HostFacts &facts = m_context->facts();
                        if (check.succeeded()) {
                            facts.sudoPasswordAccepted = true;
                            if (facts.access == DockerAccess::None)
                                facts.access = DockerAccess::SudoPassword;
                        } else {
                            warn(tr("sudo did not accept the password."));
                        }
                        m_context->setFactsKnown(true);
                        then();
                    },
                    ExecOptions{.stdinData = HostProbe::sudoPasswordStdin(*m_context),
                                .stdinNote = tr("sudo password"),
                                .raw = true});
                return;
            }
            m_context->setFactsKnown(true);
            then();
        },
        ExecOptions{.raw = true});
}

void StepJob::say(const QString &line)
{
    if (Transcript *transcript = m_context->transcript())
        Q_EMIT progress(transcript->redactor().redact(line));
    else
        Q_EMIT progress(line);
}

QString StepJob::redact(const QString &text) const
{
    if (Transcript *transcript = m_context->transcript())
        return transcript->redactor().redact(text);
    return text;
}

void StepJob::showLogLines(const QStringList &lines)
{
    QStringList masked;
    for (const QString &line : lines)
        masked << redact(line);
    Q_EMIT logLines(masked);
}

void StepJob::noteDone(const QString &what)
{
    m_result.done << what;
    say(QStringLiteral("✓ ") + what);
}

void StepJob::noteAlreadyThere(const QString &what)
{
    m_result.alreadyThere << what;
    say(QStringLiteral("= ") + what);
}

void StepJob::noteChecked(const QString &what)
{
    m_result.checked << what;
    say(QStringLiteral("· ") + what);
}

void StepJob::warn(const QString &what)
{
    m_result.warnings << what;
    say(QStringLiteral("! ") + what);
}

void StepJob::caveat(const QString &what)
{
    m_result.caveats << what;
    warn(what);
}

int StepJob::elapsedMs() const
{
    if (!m_clock.isValid())
        return 0;
    qint64 waited = m_waitedForAnswerMs;
    if (m_decisionClock.isValid())
        waited += m_decisionClock.elapsed();
    return int(qMax<qint64>(0, m_clock.elapsed() - waited));
}

void StepJob::succeed()
{
    finish(StepResult::Status::Succeeded);
}

void StepJob::fail(const QString &error, const QStringList &logLines)
{
    if (m_finished)
        return;
    m_result.error = redact(error);
    m_result.logLines.clear();
    for (const QString &line : logLines)
        m_result.logLines << redact(line);
    say(QStringLiteral("✗ ") + error);
    finish(StepResult::Status::Failed);
}

void StepJob::failExplained(const QString &headline, const QList<LogFinding> &findings,
                            const QString &logText, bool fatalOnly)
{
    QStringList meanings;
    QStringList explaining;
    for (const LogFinding &finding : findings) {
        if (fatalOnly && !finding.fatal)
            continue;
        meanings << finding.meaning;
        explaining << finding.line;
    }
    if (explaining.isEmpty())
        explaining = LogDiagnosis::tail(logText, 15);
    fail(meanings.isEmpty() ? headline
                            : headline + QLatin1Char(' ') + meanings.join(QLatin1Char(' ')),
         explaining);
}

void StepJob::failCommand(const QString &what, const remote::CommandResult &result)
{
    QStringList lines =
        QString::fromUtf8(result.stdErr).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        lines = QString::fromUtf8(result.stdOut).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > 12)
        lines = lines.mid(lines.size() - 12);
    if (Transcript *transcript = m_context->transcript())
        for (QString &line : lines)
            line = transcript->redactor().redact(line);
    QString reason = result.status == remote::CommandResult::Status::Exited
                         ? tr("exit status %1").arg(result.exitCode)
                         : result.errorMessage;
    fail(tr("%1 failed (%2).").arg(what, reason), lines);
}

void StepJob::needReconnect(const QString &why)
{
    if (m_finished)
        return;
    m_result.error = why;
    say(why);
    finish(StepResult::Status::NeedsReconnect);
}

void StepJob::finish(StepResult::Status status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pendingDecision = nullptr;
    if (m_waitTimer)
        m_waitTimer->stop();
    m_result.status = status;
    m_result.elapsedMs = elapsedMs();
    if (status == StepResult::Status::Cancelled && m_result.error.isEmpty())
        m_result.error = tr("Cancelled.");
    if (m_recordsState)
        m_context->state().record(m_result);
    Q_EMIT finished(m_result);
}

QString StepJob::followLog(const QByteArray &output, int *shown)
{
    const QStringList log = probeValueList(output, QStringLiteral("log"));
    if (log.size() > *shown) {
        showLogLines(log.mid(*shown));
        *shown = int(log.size());
    }
    return log.join(QLatin1Char('\n'));
}

QString logsSinceOption(const QString &since)
{
    return since.isEmpty() ? QString()
                           : QStringLiteral("--since ") + shellQuote(since) + QLatin1Char(' ');
}

QHash<QString, QString> probeValues(const QByteArray &output)
{
    QHash<QString, QString> values;
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith("@@"))
            continue;
        const int eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QString key = QString::fromUtf8(line.mid(2, eq - 2));
        if (!values.contains(key))
            values.insert(key, QString::fromUtf8(line.mid(eq + 1)).trimmed());
    }
    return values;
}

QStringList probeValueList(const QByteArray &output, const QString &key)
{
    QStringList values;
    const QByteArray prefix = "@@" + key.toUtf8() + '=';
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines)
        if (line.startsWith(prefix))
            values << QString::fromUtf8(line.mid(prefix.size()));
    return values;
}

} // namespace gs::steps
