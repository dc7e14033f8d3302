#pragma once

#include "run/RunPanel.h"

#include "manage/VmStatus.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QVBoxLayout;

namespace gs::harness {
class HarnessClient;
}
namespace gs::steps {
class StepContext;
}

namespace gs {

class CommandView;
class ContainerLogView;
class PoolEditorWidget;

// The Manage page's actions on a VM that is set up, one at a time: pick one, its options show
// with its own "Run for me" panel (progress, the question inline, the result). The jobs are
// core's (core/manage, the uninstall step); this only says which, with what.
//
// objectNames: manageActionCombo, manageActionPanel_<key> (RunPanels: restart-runner,
// restart-delegate, upgrade, pool, logs, upgrader, uninstall), upgradeTagEdit,
// managePoolEditor, managePoolReload, logsRunnerRadio, logsDelegateRadio, logsFollowCheck,
// manageLogView, upgraderCommand, manageUninstallNetworkCheck, manageUninstallDirectoryCheck.
class ManageActions : public QWidget
{
    Q_OBJECT
public:
    enum class Action {
        RestartRunner,
        RestartDelegate,
        Upgrade,
        EditPool,
        Logs,
        Upgrader,
        Uninstall
    };
    Q_ENUM(Action)

    // What the jobs run over; set by whoever owns the session (RunController).
    struct Environment
    {
        steps::StepContext *context = nullptr;
        std::function<harness::HarnessClient *()> harness;
        std::function<QString()> apiKey;
        std::function<void()> prepare;        // the answers into the context before a job
        std::function<void()> afterPreflight; // the pages follow preflight's sudo answer
        RunPanel::Reconnect reconnect;
        RunPanel::Confirm confirmUninstall;
    };

    explicit ManageActions(QWidget *parent = nullptr);

    void setEnvironment(Environment environment);
    // The status found last: the pool editor starts from the VM's pool.yaml.
    void setStatus(const manage::VmStatus &status);
    // Why nothing can run now (not connected); empty: it can.
    void setBlockedReason(const QString &reason);

    Action action() const;
    void setAction(Action action);
    static QString key(Action action);
    RunPanel *panel(Action action) const { return m_panels.value(int(action)); }
    bool isRunning() const;

    QLineEdit *upgradeTagEdit() const { return m_tag; }
    PoolEditorWidget *poolEditor() const { return m_poolEditor; }
    ContainerLogView *logView() const { return m_logView; }

Q_SIGNALS:
    void started(gs::ManageActions::Action action);
    void finished(gs::ManageActions::Action action, const gs::steps::StepResult &result);
    // The delegate runs `image` now (upgraded, or found running it already).
    void delegateUpgraded(const QString &image);

private:
    QWidget *addPage(Action action, const QString &title, const QString &description);
    RunPanel *addPanel(Action action, QWidget *page, const QString &runText);
    void buildRestart(Action action);
    void buildUpgrade();
    void buildPool();
    void buildLogs();
    void buildUpgrader();
    void buildUninstall();
    steps::StepJob *makeJob(Action action, QObject *parent, QString *whyNot);
    steps::SetupRun *makeUninstall(QObject *parent, QString *whyNot);
    steps::StepJob *makeUpgrade(QObject *parent, QString *whyNot);
    steps::StepJob *makeLogs(QObject *parent);
    void loadPool();
    void updateGates();
    void updateUpgradeHint();

    Environment m_env;
    QString m_blockedReason;
    QByteArray m_poolOnVm;
    bool m_poolKnown = false;
    QComboBox *m_combo = nullptr;
    QVBoxLayout *m_pagesLayout = nullptr;
    QHash<int, QWidget *> m_pages;
    QHash<int, QPointer<RunPanel>> m_panels;
    QSet<int> m_ran; // started, not finished yet
    QLineEdit *m_tag = nullptr;
    QLabel *m_tagHint = nullptr;
    PoolEditorWidget *m_poolEditor = nullptr;
    QLabel *m_poolNote = nullptr;
    QRadioButton *m_logsRunner = nullptr;
    QCheckBox *m_logsFollow = nullptr;
    ContainerLogView *m_logView = nullptr;
    CommandView *m_upgraderCommand = nullptr;
};

} // namespace gs
