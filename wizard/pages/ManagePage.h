#pragma once

#include "SetupPage.h"
#include "manage/ManageActions.h"

#include "manage/VmStatus.h"

#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gs::manage {
class StatusJob;
}

namespace gs {

class InlineError;
class ManageStatusView;

// "Manage a VM that is already set up": how the VM is doing (core's StatusJob, shown when the
// page shows, once connected, on Refresh and after each action) and the day-two actions
// (ManageActions). Thin: which job, with what; the work is in core/manage.
//
// objectNames: managePage, manageConnectHint, manageRefreshButton, manageStatusState,
// manageStatusError, manageApiKeyEdit; the status view's and the actions' own.
class ManagePage : public SetupPage
{
    Q_OBJECT
public:
    explicit ManagePage(WizardModel *model, QWidget *parent = nullptr);

    // What the jobs run over (RunController's session, context and Harness client). Until
    // set, nothing runs.
    void setEnvironment(const ManageActions::Environment &environment);
    // The Harness API key known elsewhere (the keychain, the Delegate page): fills the field.
    void setApiKey(const QString &key);
    QString apiKey() const;

    bool isConnected() const;
    bool hasStatus() const { return m_hasStatus; }
    const manage::VmStatus &status() const { return m_status; }
    bool isRefreshing() const { return !m_statusJob.isNull(); }
    // An action runs, or the status is being asked for.
    bool isBusy() const { return isRefreshing() || (m_actions && m_actions->isRunning()); }

    ManageStatusView *statusView()
    {
        ensureBuilt();
        return m_view;
    }
    ManageActions *actions()
    {
        ensureBuilt();
        return m_actions;
    }
    QPushButton *refreshButton()
    {
        ensureBuilt();
        return m_refresh;
    }

    void initializePage() override;

public Q_SLOTS:
    // Asks the VM again (StatusJob); nothing happens while not connected or already asking.
    void refreshStatus();
    // Shows a status as found (also for a status made elsewhere: the page walk's).
    void showStatus(const manage::VmStatus &status);
    // The session came or went.
    void updateConnection();

Q_SIGNALS:
    void apiKeyEdited(const QString &key);
    void statusShown();
    void actionStarted();
    void actionFinished();
    void delegateUpgraded(const QString &image);

protected:
    void build() override;

private:
    void buildStatusBox(QVBoxLayout *layout);
    void statusFinished();

    ManageActions::Environment m_env;
    QPointer<manage::StatusJob> m_statusJob;
    manage::VmStatus m_status;
    bool m_hasStatus = false;
    bool m_wasConnected = false;
    InlineError *m_connectHint = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_state = nullptr;
    InlineError *m_error = nullptr;
    ManageStatusView *m_view = nullptr;
    ManageActions *m_actions = nullptr;
};

} // namespace gs
