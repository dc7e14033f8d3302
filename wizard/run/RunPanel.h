#pragma once

#include "steps/SetupRun.h"
#include "steps/StepJob.h"
#include "steps/StepTypes.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace gs {

// "Run for me" on a page: a button that runs a SetupRun (a page's step, preflight first when
// needed) or one job (the Manage page's day-two actions), Cancel, a progress log with a
// running timer (the wait for /healthz shows its seconds), the result inline (done / already
// there / what failed and the log lines that explain it), and the keep/replace or install
// decision inline, answered without a dialog.
//
//   auto *panel = new RunPanel(this);
//   panel->setRunFactory([ctx](QObject *parent, QString *whyNot) {
//       return new steps::SetupRun(ctx, steps::StepKind::Runner, parent);
//   });
//   connect(panel, &RunPanel::finished, this, &RunnerPage::onRunFinished);
class RunPanel : public QWidget
{
    Q_OBJECT
public:
    // No job (nullptr): the run does not start; `whyNot`, when set, is shown as its failure.
    using JobFactory = std::function<steps::StepJob *(QObject *parent, QString *whyNot)>;
    // A SetupRun: a page's step (preflight first when needed) or a whole run. The same
    // contract: nullptr does not start, with `whyNot` shown as the failure when set.
    using RunFactory = std::function<steps::SetupRun *(QObject *parent, QString *whyNot)>;

    explicit RunPanel(QWidget *parent = nullptr);
    ~RunPanel() override;

    void setJobFactory(JobFactory factory);
    void setRunFactory(RunFactory factory); // replaces the job factory
    void setRunText(const QString &text);   // default "Run for me"
    // A run that removes things (uninstall): the button looks destructive (red, a warning
    // icon), and every click asks `confirm` first, which calls `proceed` once the user agreed
    // (from a window-modal dialog's signal: nothing waits in a nested event loop).
    using Confirm = std::function<void(std::function<void()> proceed)>;
    void setDestructive(Confirm confirm);
    // Reconnects the session (same object, new connection) and calls `done`; when set, a step
    // that needs a new session (docker group) is run again after it (a SetupRun's own reconnect
    // when the run factory did not set one).
    using Reconnect = steps::SetupRun::Reconnect;
    void setReconnect(Reconnect reconnect) { m_reconnect = std::move(reconnect); }

    // Why "Run for me" cannot run now (the page's inputs are not valid yet), shown next to the
    // button and as its tooltip and accessible description; empty: it can run. A run that is
    // under way is not stopped by it.
    void setBlockedReason(const QString &reason);
    QString blockedReason() const { return m_blockedReason; }

    bool isRunning() const { return !m_job.isNull() || !m_setupRun.isNull(); }
    bool hasResult() const { return m_hasResult; }
    const steps::StepResult &lastResult() const { return m_result; }
    QString logText() const;

    // For tests and pages that drive the panel: the widgets by role.
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *declineButton() const { return m_decline; }
    QLabel *timerLabel() const { return m_timer; }
    QLabel *blockedLabel() const { return m_blocked; }
    QLabel *resultLabel() const { return m_resultLabel; }
    QWidget *decisionBox() const { return m_decisionBox; }
    QString decisionDetails() const; // what the decision box shows under its question

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void started();
    void decisionShown(const gs::steps::Decision &decision);
    void finished(const gs::steps::StepResult &result);

private:
    void buildDecisionBox(QVBoxLayout *layout); // the inline question, hidden until one comes
    void append(const QString &line);
    void showDecision(const steps::Decision &decision);
    void answer(bool accept);
    void onFinished(const steps::StepResult &result);
    void startConfirmed();
    void refuse(const QString &whyNot);
    void startRun();
    void onRunFinished(bool ok);
    void startJob();
    void tick();
    void updateRunButton();

    JobFactory m_factory;
    RunFactory m_runFactory;
    Reconnect m_reconnect;
    Confirm m_confirm;
    bool m_reconnected = false;
    QPointer<steps::StepJob> m_job;
    QPointer<steps::SetupRun> m_setupRun;
    bool m_runDecisionPending = false;
    steps::StepResult m_result;
    bool m_hasResult = false;
    QElapsedTimer m_clock;
    QElapsedTimer m_questionClock; // runs while a question waits: not working time
    qint64 m_questionMs = 0;
    QTimer m_ticker;
    QString m_waitingFor;
    QString m_blockedReason;
    int m_waitTimeoutS = 0;

    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_timer = nullptr;
    QLabel *m_blocked = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_resultLabel = nullptr;
    QWidget *m_decisionBox = nullptr;
    QLabel *m_question = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_decline = nullptr;
};

} // namespace gs
