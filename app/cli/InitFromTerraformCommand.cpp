// `gitspaces-setup init-from-terraform DIR --config FILE [--vm NAME]`: the setup config from the
// folder the Harness Gitspaces Terraform module was applied in (core/terraform), written so that
// `check` and `apply` take it as it is.
#include "Cli.h"

#include "plan/ConfigFile.h"
#include "terraform/TerraformReadJob.h"
#include "util/AtomicFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

namespace gs::cli {

namespace {

QString tr(const char *text)
{
    // lupdate files tr() in a function of namespace gs::cli under "gs::cli".
    return QCoreApplication::translate("gs::cli", text);
}

// The instance_yaml output goes next to the config, so the config names it relatively. An
// existing different file is never overwritten.
bool writePoolOutput(const QByteArray &yaml, const QString &path, QString *error)
{
    QFile existing(path);
    if (existing.exists()) {
        if (existing.open(QIODevice::ReadOnly) && existing.readAll() == yaml)
            return true;
        *error = tr("%1 already exists and differs from the instance_yaml output; move it away "
                    "or write the config into another folder.")
                     .arg(path);
        return false;
    }
    QString why;
    if (!writeFileAtomically(path, yaml, &why)) {
        *error = tr("Cannot write %1: %2").arg(path, why);
        return false;
    }
    return true;
}

int writeConfig(const terraform::Findings &findings, const QString &vmName,
                const QString &configPath)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    for (const QString &line : findings.found)
        out << tr("Found: %1").arg(line) << '\n';
    for (const QString &line : findings.missing)
        out << tr("Not found: %1").arg(line) << '\n';
    out.flush();
    if (!findings.ok()) {
        err << findings.error << '\n' << tr("No config written.") << '\n';
        return Failure;
    }
    terraform::RunnerVm vm;
    const terraform::RunnerVm *chosen = nullptr;
    if (findings.stateRead) {
        const Result choice = terraform::chooseVm(findings, vmName, &vm);
        if (!choice) {
            err << choice.message;
            if (findings.vms.size() > 1 && vmName.isEmpty())
                err << ' ' << tr("Name it with --vm NAME.");
            err << '\n' << tr("No config written.") << '\n';
            return Failure;
        }
        chosen = &vm;
    } else if (!vmName.isEmpty()) {
        err << tr("--vm %1: the runner VMs come from terraform show -json, and terraform is not "
                  "installed.")
                   .arg(vmName)
            << '\n'
            << tr("No config written.") << '\n';
        return Failure;
    }
    if (!findings.keyError.isEmpty()) {
        err << findings.keyError << '\n' << tr("No config written.") << '\n';
        return Failure;
    }
    // Everything is known to be usable: only now is anything written.
    QDir().mkpath(QFileInfo(configPath).absolutePath());
    QString poolFile = findings.poolFile;
    if (poolFile.isEmpty() && !findings.poolYamlOutput.isEmpty()) {
        poolFile = QFileInfo(configPath).absoluteDir().filePath(QStringLiteral("pool.yaml"));
        QString error;
        if (!writePoolOutput(findings.poolYamlOutput, poolFile, &error)) {
            err << error << '\n' << tr("No config written.") << '\n';
            return Failure;
        }
        out << tr("Wrote the instance_yaml output to %1.").arg(poolFile) << '\n';
    }
    SetupConfig config;
    const Result made = terraform::setupConfigFrom(findings, chosen, poolFile, &config);
    QString error;
    if (!made || !ConfigFile::save(config, configPath, {}, &error)) {
        err << (made ? error : made.message) << '\n' << tr("No config written.") << '\n';
        return Failure;
    }
    if (chosen)
        out << tr("Connection: %1").arg(config.ssh.gcloudCommand) << '\n';
    out << tr("Wrote %1.").arg(configPath) << '\n';
    if (!chosen)
        out << tr("The connection to the runner VM is not in it: add the VM's gcloud command "
                  "(ssh: gcloud) before check or apply.")
            << '\n';
    return Success;
}

} // namespace

int runInitFromTerraform(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a setup config from the folder the Harness Gitspaces Terraform module was "
           "applied in: its pool.yaml (or the instance_yaml output), the service-account key "
           "(json_path, else service_account_key_file in terraform.tfvars) and the runner VM "
           "from terraform show -json, reached through IAP."));
    parser.addOption(helpOption());
    const QCommandLineOption config(QStringLiteral("config"), tr("The setup config to write."),
                                    tr("FILE"));
    const QCommandLineOption vm(QStringLiteral("vm"),
                                tr("The runner VM, when the state has several (one per region)."),
                                tr("NAME"));
    parser.addOptions({config, vm});
    parser.addPositionalArgument(QStringLiteral("DIR"), tr("The Terraform folder."));
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, "init-from-terraform");
        return Success;
    }
    if (!parser.isSet(config) || parser.positionalArguments().size() != 1) {
        err << tr("Usage: gitspaces-setup init-from-terraform DIR --config FILE [--vm NAME]")
            << '\n';
        return UsageError;
    }
    const QString configPath = parser.value(config);
    const QString vmName = parser.value(vm);
    terraform::TerraformReadJob job(parser.positionalArguments().constFirst());
    QObject::connect(&job, &terraform::TerraformReadJob::progress, &job,
                     [](const QString &text) { QTextStream(stdout) << text << Qt::endl; });
    QObject::connect(&job, &terraform::TerraformReadJob::finished, &job,
                     [configPath, vmName](const terraform::Findings &findings) {
                         QCoreApplication::exit(writeConfig(findings, vmName, configPath));
                     });
    QTimer::singleShot(0, &job, [&job] { job.start(); });
    return QCoreApplication::exec();
}

} // namespace gs::cli
