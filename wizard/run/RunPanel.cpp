#include "RunPanel.h"

#include "widgets/Tones.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QVBoxLayout>

namespace gs {

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("Run for me"), this);
    m_run->setObjectName(QStringLiteral("runButton"));
    // Doing things on the VM is never what Enter means: not the dialog's default, never the
    // default because it has the focus.
    m_run->setAutoDefault(false);
    m_run->setDefault(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);
    m_timer = new QLabel(this);
    m_timer->setObjectName(QStringLiteral("timerLabel"));
    m_blocked = new QLabel(this);
    m_blocked->setObjectName(QStringLiteral("runBlockedLabel"));
    m_blocked->setWordWrap(true);
    m_blocked->setTextFormat(Qt::PlainText);
    m_blocked->hide();
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_blocked, 1);
    buttons->addStretch(); // buttons keep their size while the reason is hidden
    buttons->addWidget(m_timer);
    layout->addLayout(buttons);

    buildDecisionBox(layout);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("runLog"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    m_log->setPlaceholderText(tr("What runs on the VM, and what it answers, shows here."));
    m_log->setMinimumHeight(100);
    // Shown once something runs: an empty log only takes room from the page's form.
    m_log->hide();
    layout->addWidget(m_log, 1);

    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("resultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::PlainText);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultLabel->hide();
    layout->addWidget(m_resultLabel);

    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &RunPanel::tick);
    connect(m_run, &QPushButton::clicked, this, &RunPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, &RunPanel::cancel);
    connect(m_accept, &QPushButton::clicked, this, [this] { answer(true); });
    connect(m_decline, &QPushButton::clicked, this, [this] { answer(false); });
}

void RunPanel::buildDecisionBox(QVBoxLayout *layout)
{
    // The question, inline: a page never opens a dialog in the middle of a run.
    m_decisionBox = new QWidget(this);
    m_decisionBox->setObjectName(QStringLiteral("decisionBox"));
    auto *decision = new QVBoxLayout(m_decisionBox);
    decision->setContentsMargins(0, 0, 0, 0);
    m_question = new QLabel(m_decisionBox);
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    m_details = new QPlainTextEdit(m_decisionBox);
    m_details->setObjectName(QStringLiteral("decisionDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setMaximumHeight(140);
    auto *answers = new QHBoxLayout;
    m_accept = new QPushButton(m_decisionBox);
    m_accept->setObjectName(QStringLiteral("acceptButton"));
    m_decline = new QPushButton(m_decisionBox);
    m_decline->setObjectName(QStringLiteral("declineButton"));
    answers->addWidget(m_accept);
    answers->addWidget(m_decline);
    answers->addStretch(1);
    decision->addWidget(m_question);
    decision->addWidget(m_details);
    decision->addLayout(answers);
    m_decisionBox->hide();
    layout->addWidget(m_decisionBox);
}

RunPanel::~RunPanel()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
    if (m_setupRun) {
        disconnect(m_setupRun, nullptr, this, nullptr);
        m_setupRun->cancel();
    }
}

void RunPanel::setJobFactory(JobFactory factory)
{
    m_factory = std::move(factory);
}

void RunPanel::setRunFactory(RunFactory factory)
{
    m_runFactory = std::move(factory);
    m_factory = nullptr;
}

void RunPanel::setRunText(const QString &text)
{
    m_run->setText(text);
}

void RunPanel::setDestructive(Confirm confirm)
{
    m_confirm = std::move(confirm);
    QPalette palette = m_run->palette();
    palette.setColor(QPalette::ButtonText, toneColor(Tone::Error, palette));
    m_run->setPalette(palette);
    m_run->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_run->setProperty("destructive", true);
}

void RunPanel::setBlockedReason(const QString &reason)
{
    if (reason == m_blockedReason && m_blocked->isHidden() == reason.isEmpty())
        return;
    m_blockedReason = reason;
    m_blocked->setText(reason);
    m_blocked->setHidden(reason.isEmpty());
    m_run->setToolTip(reason);
    m_run->setAccessibleDescription(reason);
    updateRunButton();
}

void RunPanel::updateRunButton()
{
    m_run->setEnabled(!isRunning() && m_blockedReason.isEmpty());
}

QString RunPanel::logText() const
{
    return m_log->toPlainText();
}

QString RunPanel::decisionDetails() const
{
    return m_details->toPlainText();
}

void RunPanel::start()
{
    // The page's own checks come first: a run never starts with inputs the page calls wrong.
    if (isRunning() || !m_blockedReason.isEmpty())
        return;
    if (m_confirm) {
        m_confirm([self = QPointer<RunPanel>(this)] {
            if (self)
                self->startConfirmed();
        });
        return;
    }
    startConfirmed();
}

void RunPanel::startConfirmed()
{
    if (isRunning() || !m_blockedReason.isEmpty() || (!m_runFactory && !m_factory))
        return;
    m_hasResult = false;
    m_reconnected = false;
    m_resultLabel->hide();
    m_decisionBox->hide();
    m_log->clear();
    m_log->show();
    m_waitingFor.clear();
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_clock.start();
    m_questionClock.invalidate();
    m_questionMs = 0;
    m_ticker.start();
    if (m_runFactory)
        startRun();
    else
        startJob();
}

// Nothing started: the reason is the result, or (no reason) the panel is as before.
void RunPanel::refuse(const QString &whyNot)
{
    if (!whyNot.isEmpty()) {
        steps::StepResult refused;
        refused.status = steps::StepResult::Status::Failed;
        refused.error = whyNot;
        onFinished(refused);
        return;
    }
    m_ticker.stop();
    updateRunButton();
    m_cancel->setEnabled(false);
}

void RunPanel::startJob()
{
    QString whyNot;
    steps::StepJob *job = m_factory(this, &whyNot);
    if (!job) {
        refuse(whyNot);
        return;
    }
    m_job = job;
    m_waitingFor.clear();
    tick();
    connect(job, &steps::StepJob::progress, this, &RunPanel::append);
    connect(job, &steps::StepJob::logLines, this, [this](const QStringList &lines) {
        for (const QString &line : lines)
            append(QStringLiteral("    | ") + line);
    });
    connect(job, &steps::StepJob::waiting, this,
            [this](const QString &what, int, int timeoutSeconds) {
                m_waitingFor = what;
                m_waitTimeoutS = timeoutSeconds;
            });
    connect(job, &steps::StepJob::decisionNeeded, this, &RunPanel::showDecision);
    connect(job, &steps::StepJob::finished, this, &RunPanel::onFinished);
    if (!m_reconnected)
        Q_EMIT started();
    job->start();
}

void RunPanel::startRun()
{
    QString whyNot;
    steps::SetupRun *run = m_runFactory(this, &whyNot);
    if (!run) {
        refuse(whyNot);
        return;
    }
    m_setupRun = run;
    if (m_reconnect)
        run->setReconnect(m_reconnect);
    tick();
    connect(run, &steps::SetupRun::stepStarted, this, [this, run](steps::StepKind kind) {
        m_waitingFor.clear();
        // Which step speaks, when more than the page's own one runs.
        if (run->plannedSteps().size() > 1)
            append(QStringLiteral("== ") + steps::stepTitle(kind));
    });
    connect(run, &steps::SetupRun::progress, this,
            [this](steps::StepKind, const QString &line) { append(line); });
    connect(run, &steps::SetupRun::logLines, this, [this](const QStringList &lines) {
        for (const QString &line : lines)
            append(QStringLiteral("    | ") + line);
    });
    connect(run, &steps::SetupRun::waiting, this,
            [this](const QString &what, int, int timeoutSeconds) {
                m_waitingFor = what;
                m_waitTimeoutS = timeoutSeconds;
            });
    connect(run, &steps::SetupRun::reconnecting, this, &RunPanel::append);
    connect(run, &steps::SetupRun::decisionNeeded, this, [this](const steps::Decision &decision) {
        m_runDecisionPending = true;
        showDecision(decision);
    });
    connect(run, &steps::SetupRun::finished, this, &RunPanel::onRunFinished);
    Q_EMIT started();
    run->start();
}

void RunPanel::onRunFinished(bool ok)
{
    // One result for the whole run: everything done and found, and the step that failed.
    steps::StepResult merged;
    merged.status = ok ? steps::StepResult::Status::Succeeded : steps::StepResult::Status::Failed;
    const QList<steps::StepResult> results =
        m_setupRun ? m_setupRun->results() : QList<steps::StepResult>();
    const QList<steps::StepKind> planned =
        m_setupRun ? m_setupRun->plannedSteps() : QList<steps::StepKind>();
    for (const steps::StepResult &result : results) {
        merged.step = result.step;
        merged.done += result.done;
        merged.alreadyThere += result.alreadyThere;
        merged.checked += result.checked;
        merged.warnings += result.warnings;
        merged.caveats += result.caveats;
        merged.elapsedMs += result.elapsedMs;
        if (!result.ok()) {
            merged.status = result.status;
            // Which step failed, unless the run was that one step.
            merged.error = planned.size() > 1
                               ? steps::stepTitle(result.step) + QStringLiteral(": ") + result.error
                               : result.error;
            merged.logLines = result.logLines;
        }
    }
    if (m_setupRun) {
        m_setupRun->deleteLater();
        m_setupRun = nullptr;
    }
    m_runDecisionPending = false;
    onFinished(merged);
}

void RunPanel::cancel()
{
    if (!isRunning())
        return;
    m_cancel->setEnabled(false);
    append(tr("Cancelling…"));
    if (m_setupRun)
        m_setupRun->cancel();
    else
        m_job->cancel();
}

void RunPanel::append(const QString &line)
{
    m_log->show();
    m_log->appendPlainText(line);
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
}

void RunPanel::showDecision(const steps::Decision &decision)
{
    m_question->setText(decision.question);
    QString details = decision.details;
    const auto addCommands = [&details](const QStringList &commands) {
        for (const QString &command : commands)
            details += (details.isEmpty() ? QString() : QStringLiteral("\n")) +
                       QStringLiteral("$ ") + command;
    };
    const QString accept = decision.acceptLabel.isEmpty() ? tr("Yes") : decision.acceptLabel;
    const QString decline = decision.declineLabel.isEmpty() ? tr("No") : decision.declineLabel;
    if (decision.declineCommands.isEmpty()) {
        addCommands(decision.commands);
    } else {
        // Both answers run commands (keeping a container started by hand renames it): each
        // under its button's name.
        details += (details.isEmpty() ? QString() : QStringLiteral("\n\n")) +
                   tr("\"%1\" runs:").arg(accept);
        addCommands(decision.commands);
        details += QStringLiteral("\n\n") + tr("\"%1\" runs:").arg(decline);
        addCommands(decision.declineCommands);
    }
    m_details->setPlainText(details);
    m_details->setVisible(!details.isEmpty());
    m_accept->setText(accept);
    m_decline->setText(decline);
    // The recommended answer is the default button.
    m_accept->setDefault(decision.recommendAccept);
    m_decline->setDefault(!decision.recommendAccept);
    m_decisionBox->show();
    m_questionClock.start();
    (decision.recommendAccept ? m_accept : m_decline)->setFocus();
    Q_EMIT decisionShown(decision);
}

void RunPanel::answer(bool accept)
{
    const bool jobAsks = m_job && m_job->hasPendingDecision();
    const bool runAsks = m_setupRun && m_runDecisionPending;
    if (!jobAsks && !runAsks)
        return;
    m_decisionBox->hide();
    if (m_questionClock.isValid()) {
        m_questionMs += m_questionClock.elapsed();
        m_questionClock.invalidate();
    }
    append(QStringLiteral("→ ") + (accept ? m_accept->text() : m_decline->text()));
    if (runAsks) {
        m_runDecisionPending = false;
        m_setupRun->decide(accept);
    } else {
        m_job->decide(accept);
    }
}

void RunPanel::onFinished(const steps::StepResult &result)
{
    if (result.status == steps::StepResult::Status::NeedsReconnect && m_reconnect &&
        !m_reconnected && m_job) {
        // The docker group applies only to a new session: reconnect, then run the step again.
        m_job->deleteLater();
        m_job = nullptr;
        m_reconnected = true;
        append(tr("Reconnecting…"));
        m_reconnect([this](bool ok, const QString &error) {
            if (ok) {
                startJob();
                return;
            }
            steps::StepResult failed;
            failed.status = steps::StepResult::Status::Failed;
            failed.error = tr("Reconnecting failed: %1").arg(error);
            onFinished(failed);
        });
        return;
    }
    m_result = result;
    m_hasResult = true;
    m_ticker.stop();
    m_waitingFor.clear();
    tick();
    if (m_job) {
        m_job->deleteLater();
        m_job = nullptr;
    }
    m_decisionBox->hide();
    updateRunButton();
    m_run->setText(result.ok() ? tr("Run again") : tr("Try again"));
    m_cancel->setEnabled(false);

    QStringList lines;
    switch (result.status) {
    case steps::StepResult::Status::Succeeded:
        lines << tr("Done in %1 s.").arg(result.elapsedMs / 1000.0, 0, 'f', 1);
        break;
    case steps::StepResult::Status::Cancelled:
        lines << tr("Cancelled.");
        break;
    case steps::StepResult::Status::Failed:
    case steps::StepResult::Status::NeedsReconnect:
        lines << result.error;
        break;
    }
    for (const QString &line : result.done)
        lines << QStringLiteral("✓ ") + line;
    for (const QString &line : result.alreadyThere)
        lines << tr("Already there: %1").arg(line);
    for (const QString &line : result.checked)
        lines << tr("Checked: %1").arg(line);
    for (const QString &line : result.warnings)
        lines << QStringLiteral("! ") + line;
    for (const QString &line : result.logLines)
        lines << QStringLiteral("    | ") + line;
    m_resultLabel->setText(lines.join(QLatin1Char('\n')));
    m_resultLabel->setProperty("state",
                               result.ok() ? QStringLiteral("ok") : QStringLiteral("failed"));
    m_resultLabel->show();
    Q_EMIT finished(result);
}

void RunPanel::tick()
{
    if (!m_clock.isValid()) {
        m_timer->clear();
        return;
    }
    // Working time, as the result's "Done in" counts it: not while a question waits.
    qint64 waited = m_questionMs;
    if (m_questionClock.isValid())
        waited += m_questionClock.elapsed();
    const int seconds = int(qMax<qint64>(0, m_clock.elapsed() - waited) / 1000);
    const QString elapsed =
        QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (isRunning() && !m_waitingFor.isEmpty())
        m_timer->setText(
            tr("%1 — waiting for %2 (up to %3 s)").arg(elapsed, m_waitingFor).arg(m_waitTimeoutS));
    else
        m_timer->setText(elapsed);
}

} // namespace gs
