#include "RunController.h"

#include "SetupWizard.h"
#include "WizardModel.h"
#include "connect/ConnectionPanel.h"
#include "harness/AccountCheckWidget.h"
#include "harness/DelegateStatusWidget.h"
#include "pages/ConnectPage.h"
#include "pages/DelegatePage.h"
#include "pages/DockerPage.h"
#include "pages/PrerequisitesPage.h"
#include "pages/RunnerPage.h"
#include "pages/SelectorPage.h"
#include "pages/SummaryPage.h"
#include "pooleditor/PoolEditorWidget.h"
#include "run/RunPanel.h"
#include "widgets/CommandView.h"
#include "widgets/FileDialogs.h"
#include "widgets/InlineError.h"
#include "widgets/Tones.h"
#include "widgets/WheelGuard.h"

#include "harness/DelegateImage.h"
#include "harness/HarnessClient.h"
#include "plan/InputChecks.h"
#include "pool/PoolValidator.h"
#include "remote/SshSession.h"
#include "secrets/SecretStore.h"
#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"
#include "steps/UninstallStep.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace gs {

namespace {

QVBoxLayout *runAreaOf(SetupWizard *wizard, steps::StepKind kind)
{
    switch (kind) {
    case steps::StepKind::Docker:
        return wizard->dockerPage()->runArea();
    case steps::StepKind::Runner:
        return wizard->runnerPage()->runArea();
    case steps::StepKind::Delegate:
        return wizard->delegatePage()->runArea();
    case steps::StepKind::Uninstall:
        return wizard->summaryPage()->runArea();
    case steps::StepKind::Preflight:
    case steps::StepKind::Manage:
        break;
    }
    return nullptr;
}

SetupPage *pageOf(SetupWizard *wizard, steps::StepKind kind)
{
    switch (kind) {
    case steps::StepKind::Docker:
        return wizard->dockerPage();
    case steps::StepKind::Runner:
        return wizard->runnerPage();
    case steps::StepKind::Delegate:
        return wizard->delegatePage();
    case steps::StepKind::Uninstall:
        return wizard->summaryPage();
    case steps::StepKind::Preflight:
    case steps::StepKind::Manage:
        break;
    }
    return nullptr;
}

} // namespace

RunController::RunController(SetupWizard *wizard, SecretStore *store)
    : QObject(wizard)
    , m_wizard(wizard)
    , m_model(wizard->model())
    , m_store(store)
    , m_transcript(new steps::Transcript(this))
    , m_context(std::make_unique<steps::StepContext>(nullptr, m_model->config(), m_transcript))
{
    // The token goes to the context when a step starts: every value set is registered with the
    // transcript's redactor, and a half-typed token would mask ordinary words.
    connect(m_model, &WizardModel::changed, this, &RunController::modelChanged);
    connect(m_model, &WizardModel::replaced, this, &RunController::modelChanged);
    connect(wizard, &QWizard::currentIdChanged, this, &RunController::pageShown);
    connect(m_transcript, &steps::Transcript::entryFinished, this,
            &RunController::updateTranscript);
    connect(m_transcript, &steps::Transcript::entryAdded, this, &RunController::updateTranscript);
    m_apiKeyWrite.setSingleShot(true);
    m_apiKeyWrite.setInterval(800);
    connect(&m_apiKeyWrite, &QTimer::timeout, this, &RunController::writeApiKey);
}

RunController::~RunController()
{
    // The last key typed is not dropped by closing the window within the debounce interval.
    if (m_apiKeyWrite.isActive())
        writeApiKey();
}

ConnectionPanel *RunController::connectionPanel() const
{
    return m_connection;
}
harness::HarnessClient *RunController::harnessClient()
{
    // Made when a Harness widget is first shown: a network manager is not start-up work.
    if (!m_harness)
        m_harness = new harness::HarnessClient(this);
    return m_harness;
}
RunPanel *RunController::runPanel(steps::StepKind kind) const
{
    return m_panels.value(int(kind));
}
PoolEditorWidget *RunController::poolEditor() const
{
    return m_poolEditor;
}
AccountCheckWidget *RunController::accountCheck() const
{
    return m_accountCheck;
}
DelegateStatusWidget *RunController::delegateStatus() const
{
    return m_delegateStatus;
}
QPlainTextEdit *RunController::transcriptView() const
{
    return m_transcriptView;
}
QLabel *RunController::poolCheckLabel() const
{
    return m_poolCheck;
}
CommandView *RunController::uninstallCommands() const
{
    return m_uninstallCommands;
}

remote::SshSession *RunController::session() const
{
    return m_connection ? m_connection->session() : nullptr;
}

void RunController::embedAll()
{
    for (int id : m_wizard->pageIds())
        pageShown(id);
}

void RunController::pageShown(int id)
{
    if (id < 0 || m_embedded.value(id))
        return;
    m_embedded.insert(id, true);
    switch (id) {
    case SetupWizard::Prerequisites:
        embedPrerequisites();
        break;
    case SetupWizard::Connect:
        embedConnect();
        break;
    case SetupWizard::Docker:
        embedRunPanel(steps::StepKind::Docker);
        break;
    case SetupWizard::Runner:
        embedRunner();
        embedRunPanel(steps::StepKind::Runner);
        break;
    case SetupWizard::Delegate:
        embedDelegate();
        embedRunPanel(steps::StepKind::Delegate);
        break;
    case SetupWizard::Selector:
        embedSelector();
        break;
    case SetupWizard::Summary:
        embedSummary();
        break;
    case SetupWizard::Manage:
        embedManage();
        break;
    default:
        break;
    }
    guardWheel(m_wizard->page(id)); // the widgets embedded just now too
}

void RunController::embedConnect()
{
    QVBoxLayout *area = m_wizard->connectPage()->connectionArea();
    m_connection = new ConnectionPanel(m_wizard->connectPage());
    m_connection->setSecretStore(m_store);
    m_connection->setAnswers(m_model->config().ssh);
    area->addWidget(m_connection);
    connect(m_connection, &ConnectionPanel::connected, this, [this](remote::SshSession *session) {
        // Another VM: what this window knew about the last one says nothing about this one.
        const QString fingerprint = session ? session->hostKey().fingerprint : QString();
        if (!m_stateHostKey.isEmpty() && fingerprint != m_stateHostKey) {
            m_context->state().clearSteps();
            updateResults();
        }
        m_stateHostKey = fingerprint;
        m_context->setSession(session);
        m_context->setFactsKnown(false); // maybe another host: preflight asks again
        followEffectiveConfig();
        updateConnectionState();
    });
    connect(m_connection, &ConnectionPanel::disconnected, this,
            &RunController::updateConnectionState);
    connect(m_connection, &ConnectionPanel::connectionFailed, this,
            &RunController::updateConnectionState);
    // Connect is on only when the page's fields are valid, and says why not.
    ConnectPage *page = m_wizard->connectPage();
    const auto gate = [this, page] {
        if (m_connection)
            m_connection->setBlockedReason(page->runBlockedReason());
    };
    connect(page, &QWizardPage::completeChanged, m_connection, gate);
    gate();
}

void RunController::updateRunGates()
{
    for (auto it = m_panels.cbegin(); it != m_panels.cend(); ++it) {
        if (RunPanel *panel = it.value())
            if (SetupPage *page = pageOf(m_wizard, steps::StepKind(it.key())))
                panel->setBlockedReason(page->runBlockedReason());
    }
}

void RunController::modelChanged()
{
    // A running step keeps the answers it started with; the next one takes the new ones.
    bool running = false;
    for (const QPointer<RunPanel> &panel : std::as_const(m_panels))
        running = running || (panel && panel->isRunning());
    if (!running) {
        m_context->setConfig(m_model->config());
        followEffectiveConfig(); // a new runner directory is a new question for the VM
    }
    // The panel connects to what the page says, unless it is busy with it right now.
    if (m_connection && !m_connection->isBusy() && !m_connection->isConnected())
        m_connection->setAnswers(m_model->config().ssh);
    reloadPoolEditor();
    updatePoolCheck();
    updateHarnessInputs();
    updateUninstallPlan();
    updateRunGates();
    // An old delegate image tag stays a warning at the end until the image changes.
    const harness::ImageTagCheck age =
        harness::DelegateImage::checkAge(m_model->config().delegate.image);
    m_context->state().setImageAgeWarning(age.warning ? age.message : QString());
    updateResults();
}

void RunController::followEffectiveConfig()
{
    // Preflight decides, per kind of action, which commands carry sudo; the pages show the
    // model's commands, so the model takes that decision and shown and run stay byte-identical.
    m_model->setDecidedPrivileges(m_context->factsKnown()
                                      ? std::optional<Privileges>(m_context->privileges())
                                      : std::nullopt);
    if (!m_context->factsKnown())
        return;
    // Containers started by hand: the pages show the plan's commands that keep or remove them.
    const FoundOnVm found = m_context->effectiveConfig().found;
    if (m_model->config().found != found)
        m_model->edit([found](SetupConfig &c) { c.found = found; });
}

void RunController::updateConnectionState()
{
    const bool connected = m_connection && m_connection->isConnected();
    for (auto it = m_panels.cbegin(); it != m_panels.cend(); ++it) {
        RunPanel *panel = it.value();
        if (!panel)
            continue;
        panel->setEnabled(connected || panel->isRunning());
        if (QLabel *hint = m_hints.value(it.key()))
            hint->setVisible(!connected);
    }
    updateManagePage();
}

void RunController::reconnect(std::function<void(bool ok, const QString &error)> done)
{
    remote::SshSession *ssh = session();
    if (!ssh) {
        done(false, tr("Not connected."));
        return;
    }
    // The same session object and options; the host key is known by now and a changed one is
    // refused, credentials are not asked again in the middle of a run.
    const QString fingerprint = ssh->hostKey().fingerprint;
    remote::ConnectJob *job = ssh->connectToHost(ssh->options());
    connect(job, &remote::ConnectJob::hostKeyDecisionRequested, job,
            [job, fingerprint](const remote::HostKeyInfo &key) {
                if (!fingerprint.isEmpty() && key.fingerprint == fingerprint)
                    job->acceptHostKey();
                else
                    job->rejectHostKey();
            });
    connect(job, &remote::ConnectJob::credentialRequested, job,
            [job](const remote::CredentialRequest &) { job->declineCredential(); });
    connect(job, &remote::ConnectJob::finished, this,
            [this, job, done](const remote::ConnectResult &result) {
                job->deleteLater();
                if (result.ok())
                    m_context->setSession(session());
                done(result.ok(), result.message);
            });
}

RunPanel *RunController::makeRunPanel(steps::StepKind kind, QWidget *parent)
{
    auto *panel = new RunPanel(parent);
    panel->setObjectName(QStringLiteral("runPanel_") + steps::stepKey(kind));
    steps::StepContext *ctx = m_context.get();
    panel->setRunFactory([this, ctx, kind](QObject *runParent,
                                           QString *whyNot) -> steps::SetupRun * {
        ctx->setConfig(m_model->config());
        ctx->setToken(m_model->token(), m_model->tokenSource());
        // The account check from the VM needs the account id, which the Delegate page asks
        // for later; until then preflight checks everything else.
        ctx->options().checkOutbound = !m_model->config().delegate.accountId.trimmed().isEmpty();
        // The runner directory is the VM Runner page's question; other pages only warn.
        ctx->options().runnerDirectoryMustBeUsable = kind == steps::StepKind::Runner;
        if (kind == steps::StepKind::Runner && m_poolEditor) {
            // PoolUpload reads the file from disk: what the editor shows is what goes up.
            // Not saved: the file on disk is stale, so nothing goes up.
            QString error;
            if (!m_poolEditor->saveIfModified(&error)) {
                *whyNot = tr("%1. Nothing was run: the pool file on disk is not what the "
                             "editor shows. Your edits are still in the editor; fix the cause "
                             "and run again.")
                              .arg(error);
                return nullptr;
            }
            ctx->options().allowPoolErrors = m_poolEditor->continueDespiteErrors();
        }
        // Preflight first when needed (SetupRun decides); the page follows its sudo answer
        // before the step builds its commands, so what the page shows is what runs.
        auto *run = new steps::SetupRun(ctx, kind, runParent);
        connect(run, &steps::SetupRun::stepFinished, this, [this](const steps::StepResult &result) {
            if (result.step == steps::StepKind::Preflight)
                followEffectiveConfig();
        });
        return run;
    });
    panel->setReconnect(
        [this](std::function<void(bool, const QString &)> done) { reconnect(std::move(done)); });
    // A decision about containers started by hand: the page's commands show them now.
    connect(panel, &RunPanel::decisionShown, this, [this] { followEffectiveConfig(); });
    connect(panel, &RunPanel::started, this, &RunController::stepsChanged);
    connect(panel, &RunPanel::finished, this, [this] {
        followEffectiveConfig();
        updateHarnessInputs();
        updateResults();
        updateConnectionState();
        updateUninstallPlan();
    });
    m_panels.insert(int(kind), panel);
    // "Run for me" follows the page's own checks: on only when Next would be, and says why not.
    if (SetupPage *page = pageOf(m_wizard, kind)) {
        connect(page, &QWizardPage::completeChanged, panel, [this] { updateRunGates(); });
        updateRunGates();
    }
    return panel;
}

void RunController::embedRunPanel(steps::StepKind kind)
{
    QVBoxLayout *area = runAreaOf(m_wizard, kind);
    if (!area)
        return;
    QWidget *page = area->parentWidget();
    auto *hint = new QLabel(tr("Connect on the SSH page to run this step from here; the commands "
                               "above can also be copied and run by hand."),
                            page);
    hint->setObjectName(QStringLiteral("runHint_") + steps::stepKey(kind));
    hint->setWordWrap(true);
    area->addWidget(hint);
    m_hints.insert(int(kind), hint);
    area->addWidget(makeRunPanel(kind, page));
    updateConnectionState();
}

void RunController::embedRunner()
{
    RunnerPage *page = m_wizard->runnerPage();
    m_poolEditor = new PoolEditorWidget(page);
    page->poolEditorArea()->addWidget(m_poolEditor);
    connect(m_poolEditor, &PoolEditorWidget::acceptableChanged, this,
            &RunController::poolAcceptableChanged);
    connect(m_poolEditor, &PoolEditorWidget::acceptableChanged, page,
            &QWizardPage::completeChanged);
    page->setPoolAcceptable([this] { return poolAcceptable(); });
    connect(m_poolEditor, &PoolEditorWidget::pendingFileChanged, this,
            &RunController::poolAcceptableChanged);
    connect(m_poolEditor, &PoolEditorWidget::pendingFileChanged, page,
            &QWizardPage::completeChanged);
    connect(m_poolEditor, &PoolEditorWidget::fileSaved, this, [this] {
        m_poolCheckPath.clear(); // the summary on the Prerequisites page reads it again
        updatePoolCheck();
    });
    reloadPoolEditor();
}

bool RunController::poolAcceptable() const
{
    // Not while the editor still shows another file than the one picked (unsaved edits).
    return !m_poolEditor || m_poolEditor->filePath().isEmpty() ||
           (m_poolEditor->isAcceptable() && !m_poolEditor->hasPendingFile());
}

void RunController::reloadPoolEditor()
{
    if (!m_poolEditor)
        return;
    const QString path = m_model->config().runner.poolFile.trimmed();
    // A path being typed, or a missing file, is the page's field's to explain.
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return;
    m_poolEditor->openFile(path);
    Q_EMIT poolAcceptableChanged();
}

QString RunController::poolSummary(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > 1024 * 1024)
        return tr("This file is too large to be a pool file.");
    const pool::PoolReport report = pool::validatePool(file.readAll());
    const int errors = report.count(pool::Severity::Error);
    const int warnings = report.count(pool::Severity::Warning);
    if (errors == 0 && warnings == 0)
        return tr("✓ No problems found (%n pool(s)).", nullptr, int(report.pools.size()));
    QString text = tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") +
                   tr("%n warning(s)", nullptr, warnings);
    for (const pool::Diagnostic &d : report.diagnostics) {
        if (d.severity == pool::Severity::Error) {
            text += QLatin1Char('\n') + tr("First error at line %1, column %2: %3")
                                            .arg(d.line)
                                            .arg(d.column)
                                            .arg(d.message);
            break;
        }
    }
    return text + QLatin1Char('\n') + tr("The VM Runner page shows the file with every finding.");
}

void RunController::embedPrerequisites()
{
    // The first page paints before anything is chosen: the check appears with the first file.
    if (m_poolCheck || m_model->config().runner.poolFile.trimmed().isEmpty())
        return;
    PrerequisitesPage *page = m_wizard->prerequisitesPage();
    m_poolCheck = new QLabel(page);
    m_poolCheck->setObjectName(QStringLiteral("poolCheckSummary"));
    m_poolCheck->setWordWrap(true);
    m_poolCheck->setTextFormat(Qt::PlainText);
    page->poolCheckArea()->addWidget(m_poolCheck);
    updatePoolCheck();
}

void RunController::updatePoolCheck()
{
    if (!m_poolCheck && m_embedded.value(SetupWizard::Prerequisites))
        embedPrerequisites(); // calls back here once the label exists
    if (!m_poolCheck)
        return;
    const QString path = m_model->config().runner.poolFile.trimmed();
    if (path == m_poolCheckPath)
        return; // validated once per chosen file; the editor re-validates as the user types
    m_poolCheckPath = path;
    const QString text = poolSummary(path);
    m_poolCheck->setText(text);
    m_poolCheck->setVisible(!text.isEmpty());
}

void RunController::embedDelegate()
{
    DelegatePage *page = m_wizard->delegatePage();
    m_accountCheck = new AccountCheckWidget(harnessClient(), page);
    page->accountCheckArea()->addWidget(m_accountCheck);
    addApiKeyError(page, page->accountCheckArea());
    connect(m_accountCheck, &AccountCheckWidget::clusterSuggested, page,
            &DelegatePage::useManagerUrl);
    connect(m_accountCheck, &AccountCheckWidget::useImageRequested, page, &DelegatePage::useImage);
    connect(m_accountCheck, &AccountCheckWidget::latestVersionChanged, page,
            &DelegatePage::setLatestDelegateVersion);
    connect(m_accountCheck, &AccountCheckWidget::apiKeyEdited, this, &RunController::storeApiKey);
    // What this computer found stays with the run until a later check says otherwise.
    connect(m_accountCheck, &AccountCheckWidget::accountChecked, this,
            [this](const harness::AccountCheckResult &result) {
                m_context->state().setLocalAccountProblem(
                    result.verdict == harness::AccountCheckResult::Verdict::Ok ? QString()
                                                                               : result.message);
                updateResults();
            });
    // "Forget" on the page removes the token and the account id; the API key goes with them.
    connect(page, &DelegatePage::secretsForgotten, this, [this] {
        m_apiKey.clear();
        if (m_accountCheck)
            m_accountCheck->setApiKey({});
        if (m_delegateStatus)
            m_delegateStatus->setApiKey({});
        if (m_store)
            m_store->remove(QLatin1String(SecretKeys::HarnessApiKey));
    });
    updateHarnessInputs();
    loadApiKey();
}

void RunController::embedSelector()
{
    SelectorPage *page = m_wizard->selectorPage();
    m_delegateStatus = new DelegateStatusWidget(harnessClient(), page);
    page->statusArea()->addWidget(m_delegateStatus);
    addApiKeyError(page, page->statusArea());
    connect(m_delegateStatus, &DelegateStatusWidget::apiKeyEdited, this,
            &RunController::storeApiKey);
    updateHarnessInputs();
    loadApiKey();
}

void RunController::updateHarnessInputs()
{
    const DelegateSettings &d = m_model->config().delegate;
    if (m_accountCheck) {
        if (m_accountCheck->managerUrl() != d.manager)
            m_accountCheck->setManagerUrl(d.manager);
        if (m_accountCheck->accountId() != d.accountId)
            m_accountCheck->setAccountId(d.accountId);
        m_accountCheck->setCurrentImage(d.image);
    }
    if (m_delegateStatus) {
        m_delegateStatus->setManagerUrl(d.manager);
        m_delegateStatus->setAccountId(d.accountId);
        m_delegateStatus->setDelegateName(d.name);
        // Known once "Run for me" verified the delegate: the check then looks for our replica.
        m_delegateStatus->setExpectedHostName(m_context->delegateHostName());
    }
}

void RunController::loadApiKey()
{
    if (!m_apiKey.isEmpty()) {
        if (m_accountCheck && m_accountCheck->apiKey().isEmpty())
            m_accountCheck->setApiKey(m_apiKey);
        if (m_delegateStatus && m_delegateStatus->apiKey().isEmpty())
            m_delegateStatus->setApiKey(m_apiKey);
        updateManagePage();
        return;
    }
    // The keychain is touched only for a user who chose to remember secrets.
    if (!m_store || !m_model->rememberSecrets())
        return;
    SecretJob *job = m_store->read(QLatin1String(SecretKeys::HarnessApiKey));
    connect(job, &SecretJob::finished, this, [this](const SecretResult &result) {
        if (!result.ok() && result.status != SecretResult::Status::NotFound)
            showApiKeyProblem(tr("The Harness API key could not be read from %1: %2")
                                  .arg(m_store->displayName(), result.message));
        if (!result.ok() || result.value.isEmpty() || !m_apiKey.isEmpty())
            return;
        m_apiKey = result.value;
        loadApiKey();
    });
}

void RunController::storeApiKey(const QString &key)
{
    // Both widgets show the same key; only the keychain keeps it, and only when asked to.
    m_apiKey = key;
    if (m_accountCheck && m_accountCheck->apiKey() != key)
        m_accountCheck->setApiKey(key);
    if (m_delegateStatus && m_delegateStatus->apiKey() != key)
        m_delegateStatus->setApiKey(key);
    updateManagePage();
    if (!m_store || !m_model->rememberSecrets())
        return;
    m_apiKeyWrite.start();
}

void RunController::writeApiKey()
{
    m_apiKeyWrite.stop();
    if (!m_store || !m_model->rememberSecrets())
        return;
    const QString key = QLatin1String(SecretKeys::HarnessApiKey);
    SecretJob *job = m_apiKey.isEmpty() ? m_store->remove(key) : m_store->write(key, m_apiKey);
    connect(job, &SecretJob::finished, this, [this](const SecretResult &result) {
        showApiKeyProblem(result.ok() ? QString()
                                      : tr("The Harness API key was not saved in %1: %2 It is "
                                           "kept in memory until the wizard closes.")
                                            .arg(m_store->displayName(), result.message));
    });
}

void RunController::addApiKeyError(QWidget *page, QLayout *area)
{
    auto *error = new InlineError(QStringLiteral("apiKeyKeychainError"), page);
    area->addWidget(error);
    m_apiKeyErrors << error;
}

void RunController::showApiKeyProblem(const QString &message)
{
    for (const QPointer<InlineError> &error : std::as_const(m_apiKeyErrors))
        if (error)
            error->setError(message);
}

bool RunController::isRunning(steps::StepKind kind) const
{
    const QPointer<RunPanel> panel = m_panels.value(int(kind));
    return panel && panel->isRunning();
}

void RunController::updateResults()
{
    Q_EMIT stepsChanged();
    if (!m_results)
        return;
    // The same SetupState `apply` prints at its end: every action of this window updates it,
    // uninstall included.
    const steps::SetupState &state = m_context->state();
    QStringList text = state.lines();
    if (text.isEmpty()) {
        m_results->setText(tr("Nothing was run from this window yet."));
        return;
    }
    text << state.headline();
    m_results->setText(text.join(QLatin1Char('\n')));
}

} // namespace gs
