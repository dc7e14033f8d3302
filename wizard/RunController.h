#pragma once

#include "steps/StepTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QLabel;
class QLayout;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace gs::remote {
class SshSession;
} // namespace gs::remote
namespace gs::harness {
class HarnessClient;
}
namespace gs::steps {
class StepContext;
class Transcript;
} // namespace gs::steps

namespace gs {

class AccountCheckWidget;
class CommandView;
class ConnectionPanel;
class DelegateStatusWidget;
class InlineError;
class PoolEditorWidget;
class RunPanel;
class SecretStore;
class SetupWizard;
class SummaryPage;
class WizardModel;

// "Run for me" in the GUI: owns what a run shares (the session through the connection panel,
// one StepContext with its Transcript, one HarnessClient) and embeds the finished widgets into
// the pages' empty areas the first time each page is shown, so start-up builds nothing extra.
class RunController : public QObject
{
    Q_OBJECT
public:
    RunController(SetupWizard *wizard, SecretStore *store);
    ~RunController() override;

    // Null until the page that holds them was shown.
    ConnectionPanel *connectionPanel() const;
    RunPanel *runPanel(steps::StepKind kind) const;
    PoolEditorWidget *poolEditor() const;
    AccountCheckWidget *accountCheck() const;
    DelegateStatusWidget *delegateStatus() const;
    QPlainTextEdit *transcriptView() const;
    QLabel *poolCheckLabel() const;
    CommandView *uninstallCommands() const;

    remote::SshSession *session() const;
    steps::StepContext *context() const { return m_context.get(); }
    steps::Transcript *transcript() const { return m_transcript; }
    harness::HarnessClient *harnessClient(); // one for every Harness widget

    // The Runner page may go on: the pool file has no errors, or the user chose to go on.
    bool poolAcceptable() const;
    // Writes the transcript (secrets masked) to `path`.
    bool saveTranscript(const QString &path, QString *error = nullptr) const;
    // What the runner page shows as a pool check for the chosen file: one line.
    static QString poolSummary(const QString &path);

    // Every page's widgets at once, for tests that skip ahead.
    void embedAll();

    // Whether the page of `kind` is running its step now.
    bool isRunning(steps::StepKind kind) const;

Q_SIGNALS:
    void poolAcceptableChanged();
    // A step started, finished or was forgotten: context()->state() and isRunning() changed.
    void stepsChanged();

private:
    void pageShown(int id);
    void embedConnect();
    void embedRunPanel(steps::StepKind kind);
    void embedRunner();
    void embedPrerequisites();
    void embedDelegate();
    void embedSelector();
    // The Summary page's run area (RunControllerSummary.cpp): results, transcript, uninstall.
    void embedSummary();
    void embedTranscript(SummaryPage *page, QVBoxLayout *area);
    void embedUninstall(SummaryPage *page, QVBoxLayout *area);
    // The Manage page's jobs over this context (RunControllerManage.cpp).
    void embedManage();
    void updateManagePage();

    void modelChanged();
    void followEffectiveConfig();
    void updateConnectionState();
    void reconnect(std::function<void(bool ok, const QString &error)> done);
    void reloadPoolEditor();
    void updatePoolCheck();
    void updateHarnessInputs();
    void updateTranscript();
    void updateResults();
    void updateUninstallPlan();
    void confirmUninstall(std::function<void()> proceed);
    void updateRunGates();
    void loadApiKey();
    void storeApiKey(const QString &key);
    void writeApiKey();
    void showApiKeyProblem(const QString &message);
    void addApiKeyError(QWidget *page, QLayout *area);
    RunPanel *makeRunPanel(steps::StepKind kind, QWidget *parent);

    SetupWizard *m_wizard;
    WizardModel *m_model;
    QPointer<SecretStore> m_store;
    steps::Transcript *m_transcript;
    std::unique_ptr<steps::StepContext> m_context;
    harness::HarnessClient *m_harness = nullptr;
    QString m_apiKey;     // memory only; the keychain when "remember" is on
    QTimer m_apiKeyWrite; // one keychain write after typing pauses, not one per keystroke
    QList<QPointer<InlineError>> m_apiKeyErrors; // under the key field of each page

    QPointer<ConnectionPanel> m_connection;
    QHash<int, QPointer<RunPanel>> m_panels;
    QHash<int, QPointer<QLabel>> m_hints;
    QPointer<PoolEditorWidget> m_poolEditor;
    QPointer<AccountCheckWidget> m_accountCheck;
    QPointer<DelegateStatusWidget> m_delegateStatus;
    QPointer<QPlainTextEdit> m_transcriptView;
    QPointer<QWidget> m_transcriptBox;
    QPointer<QLabel> m_results;
    QPointer<QLabel> m_poolCheck;
    QPointer<CommandView> m_uninstallCommands;
    QString m_poolCheckPath;
    QString m_stateHostKey; // the VM m_context's SetupState describes
    QHash<int, bool> m_embedded;
};

} // namespace gs
