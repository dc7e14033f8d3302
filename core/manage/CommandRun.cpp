#include "CommandRun.h"

#include "harness/DelegateConnectedWait.h"
#include "harness/DelegateImage.h"
#include "harness/HarnessClient.h"
#include "harness/HarnessPreflight.h"
#include "remote/SshSession.h"
#include "remote/VmConnection.h"
#include "secrets/KeychainLookup.h"
#include "secrets/KeychainSecretStore.h"
#include "steps/Transcript.h"

namespace gs::manage {

CommandRun::CommandRun(const SetupConfig &config, Options options, Secrets secrets, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_options(std::move(options))
    , m_secrets(std::move(secrets))
    , m_connection(new remote::VmConnection(config.ssh, this))
{
    m_connection->setPinnedFingerprint(m_options.fingerprint);
    // Without a terminal nothing can be asked: an unknown host key is refused.
    m_connection->setInteractive(m_options.interactive);
    connect(m_connection, &remote::VmConnection::progress, this, &CommandRun::note);
}

CommandRun::~CommandRun() = default;

void CommandRun::start()
{
    // Uninstall asks only the VM: no secret, no Harness.
    if (m_options.mode == steps::SetupRun::Mode::Uninstall)
        connectToVm();
    else
        readKeychain();
}

void CommandRun::readKeychain()
{
    const bool needToken =
        m_options.mode == steps::SetupRun::Mode::Apply && m_secrets.token.isEmpty();
    const bool needAccount = m_config.delegate.accountId.isEmpty();
    if (!needToken && !needAccount) {
        // The API key is optional: looked up only when the keychain is consulted anyway.
        harnessCheck();
        return;
    }
    auto *store = new KeychainSecretStore(this);
    store->setTimeout(10000);
    QStringList keys{QLatin1String(SecretKeys::AccountId)};
    if (needToken)
        keys << QLatin1String(SecretKeys::DelegateToken);
    if (needToken && m_secrets.apiKey.isEmpty())
        keys << QLatin1String(SecretKeys::HarnessApiKey);
    auto *lookup = new KeychainLookup(store, this);
    connect(lookup, &KeychainLookup::finished, this,
            [this, lookup, needToken] { keychainRead(lookup, needToken); });
    lookup->start(keys);
}

void CommandRun::keychainRead(KeychainLookup *lookup, bool needToken)
{
    const QString keychainError = lookup->error();
    if (m_config.delegate.accountId.isEmpty())
        m_config.delegate.accountId = lookup->take(QLatin1String(SecretKeys::AccountId)).toString();
    if (!needToken) {
        if (!keychainError.isEmpty())
            Q_EMIT warning(tr("Warning: the account id could not be read from the keychain. %1")
                               .arg(keychainError));
        harnessCheck();
        return;
    }
    m_secrets.token = lookup->take(QLatin1String(SecretKeys::DelegateToken));
    m_secrets.tokenSource = steps::SecretSource::Keychain;
    if (m_secrets.token.isEmpty()) {
        Q_EMIT stopped(keychainError.isEmpty()
                           ? tr("No delegate token: not in the keychain, GITSPACES_DELEGATE_TOKEN "
                                "is not set, and --token-stdin was not given.")
                           : tr("No delegate token: the keychain could not be read. %1 Set "
                                "GITSPACES_DELEGATE_TOKEN or pass --token-stdin.")
                                 .arg(keychainError));
        return;
    }
    if (m_secrets.apiKey.isEmpty())
        m_secrets.apiKey = lookup->take(QLatin1String(SecretKeys::HarnessApiKey));
    harnessCheck();
}

// From this computer, before SSH: is the account on the chosen cluster, and how old is the
// delegate image (against Harness's latest version with an API key, otherwise by its tag's
// date)? Findings only: the VM's own check, from where the delegate will run, decides.
void CommandRun::harnessCheck()
{
    if (m_options.offline || m_config.delegate.accountId.isEmpty()) {
        // No Harness to ask: the tag's date still tells whether the image expired.
        const harness::ImageTagCheck age =
            harness::DelegateImage::checkAge(m_config.delegate.image);
        if (!age.message.isEmpty())
            Q_EMIT harnessNote(age.message);
        if (age.warning)
            m_imageAgeWarning = age.message;
        connectToVm();
        return;
    }
    auto *client = new harness::HarnessClient(this);
    client->setTimeout(std::chrono::seconds(15));
    auto *preflight = new harness::HarnessPreflight(client, this);
    connect(preflight, &harness::HarnessPreflight::finished, this,
            [this](const Result &result, const harness::PreflightReport &report) {
                QStringList lines = report.lines();
                if (!result.ok && !lines.contains(result.message))
                    lines << result.message;
                if (!result.ok)
                    m_localHarnessProblem = result.message;
                if (report.image.warning)
                    m_imageAgeWarning = report.image.message;
                for (const QString &line : lines)
                    if (!line.isEmpty())
                        Q_EMIT harnessNote(line);
                connectToVm();
            });
    Q_EMIT note(tr("Checking the account with %1…").arg(m_config.delegate.manager));
    QString apiKey = m_secrets.apiKey.toString(); // the preflight keeps its own copy while it runs
    preflight->start(m_config.delegate.manager, m_config.delegate.accountId, apiKey,
                     m_config.delegate.image);
    wipeIfLast(apiKey);
}

void CommandRun::connectToVm()
{
    connect(m_connection, &remote::VmConnection::opened, this,
            [this](const remote::ConnectResult &result) {
                if (!result.ok()) {
                    Q_EMIT stopped(result.message);
                    return;
                }
                Q_EMIT note(tr("Connected (host key %1).").arg(result.hostKey.fingerprint));
                runSteps();
            });
    m_connection->open();
}

// The engine over the open session, with the secrets and the options chosen.
void CommandRun::runSteps()
{
    m_transcript = new steps::Transcript(this);
    m_context =
        std::make_unique<steps::StepContext>(m_connection->session(), m_config, m_transcript);
    steps::RunOptions &options = m_context->options();
    options.checkOutbound = !m_options.offline;
    options.allowPoolErrors = m_options.allowPoolErrors;
    options.removeNetworkOnUninstall = m_options.removeNetwork;
    options.removeDirectoryOnUninstall = m_options.removeDirectory;
    options.confirmUninstall = true;
    if (!m_secrets.token.isEmpty())
        m_context->setToken(Secret::fromBytes(m_secrets.token.view()), m_secrets.tokenSource);
    if (!m_secrets.sudoPassword.isEmpty())
        m_context->setSudoPassword(Secret::fromBytes(m_secrets.sudoPassword.view()));
    m_run = new steps::SetupRun(m_context.get(), m_options.mode, this);
    m_run->setAutoAnswer(m_answer);
    m_run->setReconnect([this](std::function<void(bool, const QString &)> done) {
        m_connection->reopen(std::move(done));
    });
    connect(m_run, &steps::SetupRun::finished, this, &CommandRun::stepsEnded);
    Q_EMIT runCreated(m_run);
    m_run->start();
}

// The caveats from this computer, then Harness's word or the end.
void CommandRun::stepsEnded(bool ok)
{
    Q_EMIT runEnded(ok);
    steps::SetupState &state = m_context->state();
    state.setImageAgeWarning(m_imageAgeWarning);
    state.setLocalAccountProblem(m_localHarnessProblem);
    const bool apply = m_options.mode == steps::SetupRun::Mode::Apply;
    if (ok && apply && !m_options.offline && !m_secrets.apiKey.isEmpty()) {
        waitUntilConnectedInHarness();
        return;
    }
    if (ok && apply)
        state.setCaveat(QStringLiteral("harness.listed"),
                        tr("Not checked in Harness: no API key (keychain, "
                           "GITSPACES_HARNESS_API_KEY or --harness-api-key-stdin)."));
    Q_EMIT finished(ok ? Outcome::Done : Outcome::Failed, {});
}

// The last word: Harness itself lists the delegate as connected, with a fresh heartbeat.
void CommandRun::waitUntilConnectedInHarness()
{
    auto *client = new harness::HarnessClient(this);
    auto *wait = new harness::DelegateConnectedWait(client, this);
    wait->setDeadline(std::chrono::seconds(m_options.harnessTimeoutS));
    wait->setPollInterval(std::chrono::seconds(qBound(1, m_options.harnessTimeoutS / 18, 10)));
    connect(wait, &harness::DelegateConnectedWait::progress, this, &CommandRun::harnessNote);
    connect(wait, &harness::DelegateConnectedWait::finished, this,
            [this](const Result &result, const harness::DelegateStatusResult &) {
                if (!result.ok) {
                    m_context->state().setCaveat(
                        QStringLiteral("harness.listed"),
                        tr("The delegate runs, but Harness does not list it as connected."));
                    Q_EMIT finished(Outcome::NotListedInHarness, result.message);
                    return;
                }
                Q_EMIT harnessNote(result.message);
                Q_EMIT finished(Outcome::ConnectedInHarness, {});
            });
    Q_EMIT note(tr("Waiting for Harness to list the delegate as connected…"));
    // Our replica, not just any delegate of that name (another host may run one too).
    QString apiKey = m_secrets.apiKey.toString(); // the wait keeps its own copy while it runs
    wait->start(m_config.delegate.manager, m_config.delegate.accountId, apiKey,
                m_config.delegate.name, m_context->delegateHostName());
    wipeIfLast(apiKey);
}

} // namespace gs::manage
