// import-delegate-command --config FILE: the delegate install command Harness shows, pasted on
// standard input, into the setup config (other sections kept). The token goes to the keychain
// when there is one; it is never printed and never written to the file.
#include "Cli.h"
#include "util/Secret.h"
#include "util/Translate.h"

#include "plan/ConfigFile.h"
#include "plan/DockerRunImport.h"
#include "plan/InputChecks.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

#include <unistd.h>

namespace gs::cli {

namespace {

QString tr(const char *text)
{
    return translateIn({"gs::cli", "gs::cli::TokenStorer"}, text);
}

QString located(const DockerRunImport::Location &at, const QString &message)
{
    // The line itself is never shown: it may be the token's.
    return QStringLiteral("<stdin>:%1:%2: error: %3").arg(at.line).arg(at.column).arg(message);
}

// The imported values the Delegate page would flag, each at its place in the pasted text.
QStringList fieldProblems(const DockerRunImport &imported, const DelegateSettings &delegate)
{
    QStringList problems;
    const auto check = [&problems](const DockerRunImport::Field &field, const char *variable,
                                   const QString &message) {
        if (field.found && !message.isEmpty())
            problems << located(field.at, QLatin1String(variable) + QStringLiteral(": ") + message);
    };
    check(imported.name, "DELEGATE_NAME", InputChecks::delegateName(delegate.name));
    check(imported.accountId, "ACCOUNT_ID", InputChecks::accountId(delegate.accountId));
    check(imported.manager, "MANAGER_HOST_AND_PORT", InputChecks::managerUrl(delegate.manager));
    check(imported.tags, "DELEGATE_TAGS", InputChecks::delegateTags(delegate.tags));
    check(imported.image, "image", InputChecks::imageReference(delegate.image));
    check(imported.cpus, "--cpus", InputChecks::cpus(delegate.cpus));
    check(imported.memory, "--memory", InputChecks::memory(delegate.memory));
    if (!imported.token.isEmpty()) {
        QString token = imported.token.toString();
        const QString message = InputChecks::delegateToken(token);
        wipe(token);
        if (!message.isEmpty())
            problems << located(imported.tokenAt, QStringLiteral("DELEGATE_TOKEN: ") + message);
    }
    return problems;
}

// Stores the token in the keychain, then quits with the exit code.
class TokenStorer : public QObject
{
public:
    // Hides QObject::tr, which would look under "QObject" (this class has no Q_OBJECT).
    static QString tr(const char *text) { return gs::cli::tr(text); }

    TokenStorer(Secret token, QString configPath)
        : m_token(std::move(token))
        , m_configPath(std::move(configPath))
    {}

    void start()
    {
        auto *store = new KeychainSecretStore(this);
        store->setTimeout(10000);
        QString value = m_token.toString();
        SecretJob *job = store->write(QLatin1String(SecretKeys::DelegateToken), value);
        wipeIfLast(value); // the job may still hold it
        m_token.clear();
        connect(job, &SecretJob::finished, this, [this](const SecretResult &result) {
            QTextStream out(stdout);
            if (result.ok()) {
                out << tr("The delegate token is in the keychain; apply reads it from there.")
                    << Qt::endl;
            } else {
                // The store's own words are the wizard's; these say what happened here.
                QTextStream(stderr)
                    << (result.status == SecretResult::Status::Unavailable
                            ? tr("There is no keychain here; the token was not stored.")
                            : tr("The keychain did not take the token: %1").arg(result.message))
                    << Qt::endl;
                out << handOverHint(m_configPath) << Qt::endl;
            }
            QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(Success); });
        });
    }

    static QString handOverHint(const QString &configPath)
    {
        return tr("Hand the token to apply yourself: in GITSPACES_DELEGATE_TOKEN (read -rs "
                  "GITSPACES_DELEGATE_TOKEN && export GITSPACES_DELEGATE_TOKEN), or on standard "
                  "input: gitspaces-setup apply --config %1 --token-stdin")
            .arg(configPath);
    }

private:
    Secret m_token;
    QString m_configPath;
};

// The pasted text: all of standard input, up to a size no command reaches.
bool readInput(QString *text)
{
    if (::isatty(STDIN_FILENO) == 1)
        QTextStream(stderr) << tr("Paste the docker run command from Harness, then press "
                                  "Ctrl-D on a line of its own:")
                            << Qt::endl;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return false;
    QByteArray bytes = in.read(DockerRunImport::MaxTextSize * 4 + 1);
    *text = QString::fromUtf8(bytes);
    wipe(bytes);
    return true;
}

// The options; false with *exitCode set when the command ends here (help, a usage error).
bool parseOptions(const QStringList &arguments, QString *path, bool *noKeychain, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Read the delegate install command from standard input (Harness: Account Settings → "
        "Delegates → New Delegate → Docker, or the Gitspaces docs' command) and put its values "
        "into the setup config: creates FILE, or updates its delegate section and keeps the "
        "rest. The token goes to the keychain when there is one, never into FILE or the output."));
    parser.addOption(helpOption());
    const QCommandLineOption configOption(
        QStringLiteral("config"), tr("The setup config file to create or update."), tr("FILE"));
    parser.addOption(configOption);
    const QCommandLineOption noKeychainOption(
        QStringLiteral("no-keychain"),
        tr("Do not store the token in the keychain; say how to hand it to apply instead."));
    parser.addOption(noKeychainOption);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "gitspaces-setup import-delegate-command: " << parser.errorText() << '\n';
        *exitCode = UsageError;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, "import-delegate-command");
        *exitCode = Success;
        return false;
    }
    if (!parser.isSet(configOption) || !parser.positionalArguments().isEmpty()) {
        err << tr("Usage: gitspaces-setup import-delegate-command --config FILE < command.txt")
            << '\n';
        *exitCode = UsageError;
        return false;
    }
    *path = parser.value(configOption);
    *noKeychain = parser.isSet(noKeychainOption);
    return true;
}

} // namespace

int runImportDelegate(const QStringList &arguments)
{
    QString path;
    bool noKeychain = false;
    int exitCode = UsageError;
    if (!parseOptions(arguments, &path, &noKeychain, &exitCode))
        return exitCode;
    QTextStream out(stdout);
    QTextStream err(stderr);
    // The file first: a paste is not asked for when it could not be kept.
    const bool exists = QFileInfo::exists(path);
    SetupConfig config;
    if (exists) {
        const ConfigFile::LoadResult loaded = ConfigFile::load(path);
        if (!loaded.ok) {
            err << loaded.error << '\n';
            return UsageError;
        }
        config = loaded.config;
    }

    QString text;
    if (!readInput(&text)) {
        err << tr("gitspaces-setup import-delegate-command: cannot read standard input.") << '\n';
        return UsageError;
    }
    DockerRunImport imported = DockerRunImport::parse(text);
    wipe(text);
    if (!imported.ok) {
        err << located(imported.errorAt, imported.error) << '\n'
            << tr("%1 is unchanged.").arg(path) << '\n';
        return Failure;
    }
    imported.applyTo(&config.delegate);
    if (const QStringList problems = fieldProblems(imported, config.delegate);
        !problems.isEmpty()) {
        err << problems.join(u'\n') << '\n' << tr("%1 is unchanged.").arg(path) << '\n';
        return Failure;
    }
    // The CLI's file carries the account id: apply reads it from there (it is not a secret).
    QString error;
    if (!ConfigFile::save(config, path, ConfigFile::SaveOptions{true}, &error)) {
        err << error << '\n';
        return Failure;
    }
    out << (exists ? tr("Updated the delegate section of %1.") : tr("Created %1.")).arg(path)
        << '\n';
    for (const QString &line : imported.summary())
        out << line << '\n';
    if (imported.token.isEmpty()) {
        out << tr("The command has no token; apply takes it from the keychain, "
                  "GITSPACES_DELEGATE_TOKEN or --token-stdin.")
            << '\n';
        return Success;
    }
    if (noKeychain) {
        out << TokenStorer::handOverHint(path) << '\n';
        return Success;
    }
    out.flush();
    TokenStorer storer(std::move(imported.token), path);
    QTimer::singleShot(0, &storer, [&storer] { storer.start(); });
    return QCoreApplication::exec();
}

} // namespace gs::cli
