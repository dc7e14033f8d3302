// gitspaces-setup export-ansible --config FILE [--config FILE …] --out DIR: the plan apply runs,
// for many runner VMs at once, as an Ansible inventory, playbook and host variables.
#include "Cli.h"

#include "plan/AnsibleExport.h"
#include "plan/ConfigChecks.h"
#include "plan/ConfigFile.h"
#include "steps/EffectivePlan.h"
#include "util/LocalPaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace gs::cli {

namespace {

// One inventory host from one config file; false (and the reason on stderr) when it cannot be.
bool loadHost(const QString &path, const QStringList &taken, AnsibleExport::Host *host,
              QTextStream &err)
{
    const ConfigFile::LoadResult loaded = ConfigFile::load(path);
    if (!loaded.ok) {
        err << loaded.error << '\n';
        return false;
    }
    const QList<ConfigProblem> problems = checkConfig(loaded.config);
    for (const ConfigProblem &problem : problems)
        err << path << ": " << problem.key << ": " << problem.message << '\n';
    if (!problems.isEmpty())
        return false;
    SetupConfig config = loaded.config;
    if (config.delegate.accountId.isEmpty())
        config.delegate.accountId = qEnvironmentVariable("GITSPACES_ACCOUNT_ID");
    if (config.delegate.accountId.isEmpty())
        err << QCoreApplication::translate(
                   "Cli",
                   "gitspaces-setup export-ansible: %1 has no account id (delegate.account_id, or "
                   "GITSPACES_ACCOUNT_ID): set gitspaces_account_id in its host_vars file before "
                   "running the playbook.")
                   .arg(path)
            << '\n';

    // pool.yaml as apply uploads it: json_path pointed at the key inside the container.
    const steps::PreparedPool pool = steps::preparePool(config);
    if (config.runner.poolFile.isEmpty() || !pool.readError.isEmpty()) {
        err << path << ": "
            << (pool.readError.isEmpty()
                    ? QCoreApplication::translate("Cli", "runner.pool_file is required")
                    : pool.readError)
            << '\n';
        return false;
    }
    if (pool.errorCount > 0) {
        for (const QString &line : pool.diagnostics)
            err << line << '\n';
        err << QCoreApplication::translate(
                   "Cli", "%1: the pool file has errors; the runner would refuse it.")
                   .arg(path)
            << '\n';
        return false;
    }
    const QString missingKey = steps::missingKeyWarning(pool, config.runner.directory);
    if (!missingKey.isEmpty())
        err << path << ": " << missingKey << '\n';
    if (config.runner.serviceAccountKey.isEmpty())
        config.runner.serviceAccountKey = pool.keyFile;
    if (!config.runner.serviceAccountKey.isEmpty())
        config.runner.serviceAccountKey =
            QFileInfo(expandHome(config.runner.serviceAccountKey)).absoluteFilePath();

    host->name = AnsibleExport::hostName(QFileInfo(path).completeBaseName(), taken);
    host->source = QFileInfo(path).fileName();
    host->plan = steps::effectivePlan(config, Privileges::fromAnswer(config.ssh.sudo), pool);
    return true;
}

} // namespace

int runExportAnsible(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cli",
        "Write the setup as an Ansible inventory (one host per config file), a playbook with "
        "the steps apply runs, host variables, the pool files and a README.md into DIR. The "
        "delegate token is not written: the playbook reads it when it runs."));
    parser.addOption(helpOption());
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        QCoreApplication::translate("Cli",
                                    "A setup config file: one runner VM. Give it once per VM."),
        QCoreApplication::translate("Cli", "FILE"));
    parser.addOption(configOption);
    const QCommandLineOption outOption(
        QStringLiteral("out"),
        QCoreApplication::translate("Cli", "The folder to write (created when missing)."),
        QCoreApplication::translate("Cli", "DIR"));
    parser.addOption(outOption);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "gitspaces-setup export-ansible: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, "export-ansible");
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("Cli",
                                           "gitspaces-setup export-ansible: unexpected argument %1")
                   .arg(parser.positionalArguments().constFirst())
            << '\n';
        return UsageError;
    }
    const QStringList configs = parser.values(configOption);
    const QString out = parser.value(outOption);
    if (configs.isEmpty() || out.isEmpty()) {
        err << QCoreApplication::translate(
                   "Cli",
                   "gitspaces-setup export-ansible: --config FILE and --out DIR are required.")
            << '\n';
        return UsageError;
    }
    if (QFileInfo::exists(out) && !QFileInfo(out).isDir()) {
        err << QCoreApplication::translate("Cli",
                                           "gitspaces-setup export-ansible: %1 is not a folder.")
                   .arg(out)
            << '\n';
        return UsageError;
    }

    QList<AnsibleExport::Host> hosts;
    QStringList taken;
    for (const QString &path : configs) {
        AnsibleExport::Host host{QString(), CommandBuilder(SetupConfig()), QString()};
        if (!loadHost(path, taken, &host, err))
            return UsageError;
        taken << host.name;
        hosts << host;
    }
    QString error;
    if (!AnsibleExport::write(AnsibleExport::files(hosts), out, &error)) {
        err << "gitspaces-setup export-ansible: " << error << '\n';
        return Failure;
    }
    QTextStream(stdout) << QCoreApplication::translate(
                               "Cli",
                               "Wrote the playbook for %n runner VM(s) to %1. Next: cd %1 && "
                               "ansible-playbook site.yml (README.md says where the token comes "
                               "from).",
                               nullptr, int(hosts.size()))
                               .arg(QDir(out).absolutePath())
                        << '\n';
    return Success;
}

} // namespace gs::cli
