#pragma once

#include <QTimer>
#include <QWizard>

namespace gs {

class ConnectPage;
class DelegatePage;
class DockerPage;
class ManagePage;
class PrerequisitesPage;
class RunController;
class RunnerPage;
class SecretStore;
class SecretsKeeper;
class SelectorPage;
class StepList;
class SummaryPage;
class WizardModel;

// The documented flow, page for page. Pages are thin: they edit the one WizardModel and show the
// commands CommandBuilder makes of it.
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    // Manage comes last so the setup's ids keep their values; the first page's choice picks
    // the flow (flowIds()).
    enum PageId { Prerequisites, Connect, Docker, Runner, Delegate, Selector, Summary, Manage };
    Q_ENUM(PageId)

    // `secrets` is where the token and account id are remembered; the system keychain when
    // null. The wizard does not take ownership of a store passed in.
    explicit SetupWizard(SecretStore *secrets = nullptr, QWidget *parent = nullptr);
    ~SetupWizard() override;

    WizardModel *model() const { return m_model; }
    SecretsKeeper *secretsKeeper() const { return m_keeper; }
    // "Run for me": the session, the run's context and transcript, the embedded widgets.
    RunController *runController() const { return m_run; }

    PrerequisitesPage *prerequisitesPage() const { return m_prerequisites; }
    ConnectPage *connectPage() const { return m_connect; }
    DockerPage *dockerPage() const { return m_docker; }
    RunnerPage *runnerPage() const { return m_runner; }
    DelegatePage *delegatePage() const { return m_delegate; }
    SelectorPage *selectorPage() const { return m_selector; }
    SummaryPage *summaryPage() const { return m_summary; }
    ManagePage *managePage() const { return m_manage; }

    // The pages of the chosen flow, in order: setting up (Prerequisites … Summary) or managing a
    // VM that is set up (Prerequisites, Connect, Manage).
    QList<int> flowIds() const;
    int nextId() const override;

public Q_SLOTS:
    // Cancel, Escape and closing the window come here (QDialog::closeEvent calls reject()):
    // with answers not saved, a window-modal question first (Save…, Discard, Go back); the
    // window stays until it is answered, and nothing waits in a nested event loop.
    void reject() override;

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void afterFirstPaint();
    void askAboutUnsavedAnswers();
    void leave();
    void updateMinimumSize();
    void updateSteps();

    bool m_firstPaintDone = false;
    bool m_leaving = false; // the user chose to leave: reject() closes at once
    QTimer *m_autosave;
    QTimer m_minimumTimer;
    StepList *m_steps;
    int m_furthest = 0;       // the furthest position in the setup flow shown so far
    int m_furthestManage = 0; // the same in the manage flow
    WizardModel *m_model;
    SecretStore *m_store;
    SecretsKeeper *m_keeper;
    PrerequisitesPage *m_prerequisites;
    ConnectPage *m_connect;
    DockerPage *m_docker;
    RunnerPage *m_runner;
    DelegatePage *m_delegate;
    SelectorPage *m_selector;
    SummaryPage *m_summary;
    ManagePage *m_manage;
    RunController *m_run;
};

} // namespace gs
