#include "ManageCommand.h"

#include "Cli.h"
#include "Terminal.h"
#include "util/EnvironmentSecrets.h"
#include "util/Translate.h"

#include "harness/HarnessClient.h"
#include "plan/ConfigFile.h"
#include "remote/SshSession.h"
#include "remote/VmConnection.h"
#include "secrets/KeychainLookup.h"
#include "secrets/KeychainSecretStore.h"
#include "steps/StepContext.h"
#include "steps/StepJob.h"
#include "steps/Transcript.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

namespace gs::cli {

QString ManageCommand::tr(const char *text)
{
    return translateIn({"gs::cli::ManageCommand", "gs::cli"}, text);
}

ManageCommand::ManageCommand(const Flags &flags)
    : m_flags(flags)
    , m_out(stdout)
    , m_err(stderr)
{}

ManageCommand::~ManageCommand() = default;

void ManageCommand::addCommonOptions(QCommandLineParser &parser, bool harness)
{
    parser.addOption(helpOption());
    parser.addOption({QStringLiteral("config"), tr("The setup config file."), tr("FILE")});
    parser.addOption({QStringLiteral("host-key-fingerprint"),
                      tr("Accept exactly this host key (SHA256:…)."), tr("FINGERPRINT")});
    parser.addOption(
        {QStringLiteral("sudo-password-stdin"), tr("Read the sudo password from standard input.")});
    if (harness)
        parser.addOption({QStringLiteral("harness-api-key-stdin"),
                          tr("Read a Harness API key from standard input (after the sudo "
                             "password).")});
}

ManageCommand::Flags ManageCommand::flagsFrom(const QCommandLineParser &parser)
{
    Flags flags;
    flags.configPath = parser.value(QStringLiteral("config"));
    flags.fingerprint = parser.value(QStringLiteral("host-key-fingerprint"));
    flags.sudoPasswordStdin = parser.isSet(QStringLiteral("sudo-password-stdin"));
    flags.apiKeyStdin = parser.optionNames().contains(QStringLiteral("harness-api-key-stdin")) &&
                        parser.isSet(QStringLiteral("harness-api-key-stdin"));
    return flags;
}

void ManageCommand::start()
{
    const ConfigFile::LoadResult loaded = ConfigFile::load(m_flags.configPath);
    if (!loaded.ok) {
        m_err << loaded.error << Qt::endl;
        quit(UsageError);
        return;
    }
    m_config = loaded.config;
    // Standard input first (sudo password, then API key), then the environment.
    Secret envApiKey = EnvironmentSecrets::take(EnvironmentSecrets::HarnessApiKey);
    if (m_flags.sudoPasswordStdin)
        m_sudoPassword = Terminal::readSecretLine(false);
    if (m_flags.apiKeyStdin)
        m_apiKey = Terminal::readSecretLine(true);
    if (m_apiKey.isEmpty())
        m_apiKey = std::move(envApiKey);
    readKeychain();
}

void ManageCommand::readKeychain()
{
    QStringList keys;
    if (m_flags.wantsHarness && m_config.delegate.accountId.isEmpty())
        keys << QLatin1String(SecretKeys::AccountId);
    if (m_flags.wantsHarness && m_apiKey.isEmpty())
        keys << QLatin1String(SecretKeys::HarnessApiKey);
    if (keys.isEmpty()) {
        connectToVm();
        return;
    }
    auto *store = new KeychainSecretStore(this);
    store->setTimeout(10000);
    auto *lookup = new KeychainLookup(store, this);
    connect(lookup, &KeychainLookup::finished, this, [this, lookup] { keychainRead(lookup); });
    lookup->start(keys);
}

void ManageCommand::keychainRead(KeychainLookup *lookup)
{
    // Optional here: without them Harness is not asked, and the output says so.
    if (!lookup->error().isEmpty())
        progress() << tr("Note: the keychain could not be read (%1); Harness is not asked.")
                          .arg(lookup->error())
                   << Qt::endl;
    if (m_config.delegate.accountId.isEmpty())
        m_config.delegate.accountId = lookup->take(QLatin1String(SecretKeys::AccountId)).toString();
    if (m_apiKey.isEmpty())
        m_apiKey = lookup->take(QLatin1String(SecretKeys::HarnessApiKey));
    connectToVm();
}

void ManageCommand::connectToVm()
{
    m_connection = new remote::VmConnection(m_config.ssh, this);
    m_connection->setPinnedFingerprint(m_flags.fingerprint);
    m_connection->setInteractive(Terminal::isInteractive() && !m_flags.sudoPasswordStdin &&
                                 !m_flags.apiKeyStdin);
    Terminal::answerQuestions(m_connection, m_err);
    connect(m_connection, &remote::VmConnection::progress, this,
            [this](const QString &text) { progress() << text << Qt::endl; });
    connect(m_connection, &remote::VmConnection::opened, this,
            [this](const remote::ConnectResult &result) {
                if (!result.ok()) {
                    m_err << result.message << Qt::endl;
                    quit(UsageError); // 2: the VM cannot be reached
                    return;
                }
                runJob();
            });
    m_connection->open();
}

void ManageCommand::runJob()
{
    m_transcript = new steps::Transcript(this);
    m_context =
        std::make_unique<steps::StepContext>(m_connection->session(), m_config, m_transcript);
    m_context->options().checkOutbound = false; // day two: the VM's own checks are the status
    if (!m_sudoPassword.isEmpty())
        m_context->setSudoPassword(std::move(m_sudoPassword));
    steps::StepJob *job = createJob(m_context.get());
    connect(job, &steps::StepJob::progress, this,
            [this](const QString &line) { progress() << "  " << line << Qt::endl; });
    connect(job, &steps::StepJob::logLines, this, [this](const QStringList &lines) {
        for (const QString &line : lines)
            progress() << "    | " << line << '\n';
        progress().flush();
    });
    connect(job, &steps::StepJob::decisionNeeded, this,
            [this, job](const steps::Decision &decision) {
                job->decide(answer(decision).value_or(false));
            });
    connect(job, &steps::StepJob::finished, this,
            [this, job](const steps::StepResult &result) { quit(finished(job, result)); });
    job->start();
}

std::optional<bool> ManageCommand::answer(const steps::Decision &)
{
    return std::nullopt;
}

harness::HarnessClient *ManageCommand::harnessClient()
{
    if (!m_harness) {
        m_harness = new harness::HarnessClient(this);
        m_harness->setTimeout(std::chrono::seconds(15));
    }
    return m_harness;
}

void ManageCommand::quit(int code)
{
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}

} // namespace gs::cli
