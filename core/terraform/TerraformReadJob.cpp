#include "TerraformReadJob.h"

#include "pool/PoolFileEdits.h"
#include "remote/GcloudLookup.h"
#include "util/LetGoOfProcess.h"
#include "util/LoggingCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

namespace gs::terraform {

namespace {

const QString kPoolFileName = QStringLiteral("pool.yaml");
const QString kTfvarsName = QStringLiteral("terraform.tfvars");
const QString kKeyVariable = QStringLiteral("service_account_key_file");

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(4 * 1024 * 1024) : QByteArray();
}

} // namespace

TerraformReadJob::TerraformReadJob(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_deadline(new QTimer(this))
{
    m_findings.folder = QDir::cleanPath(QDir(folder).absolutePath());
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        fail(tr("terraform did not answer within %1 seconds.")
                 .arg(qMax(1, (m_timeoutMs + 999) / 1000)));
    });
}

TerraformReadJob::~TerraformReadJob()
{
    stopProcess();
}

void TerraformReadJob::stopProcess()
{
    letGoOfProcess(m_process, this);
    m_process = nullptr;
}

void TerraformReadJob::setTimeout(int ms)
{
    m_timeoutMs = ms;
}

void TerraformReadJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_deadline->start(m_timeoutMs);
    const Result folder = checkTerraformFolder(m_findings.folder);
    if (!folder) {
        QMetaObject::invokeMethod(
            this, [this, folder] { fail(folder.message); }, Qt::QueuedConnection);
        return;
    }
    const QString poolFile = QDir(m_findings.folder).filePath(kPoolFileName);
    if (QFileInfo(poolFile).isFile()) {
        m_findings.poolFile = poolFile;
        m_findings.found << tr("Pool file: %1").arg(poolFile);
    }
    m_terraform = QStandardPaths::findExecutable(QStringLiteral("terraform"));
    m_findings.terraformInstalled = !m_terraform.isEmpty();
    if (m_terraform.isEmpty()) {
        m_findings.missing << tr("terraform is not installed or not on PATH: only the files in "
                                 "the folder were read, so the runner VM is not known (it comes "
                                 "from terraform show -json).");
        if (m_findings.poolFile.isEmpty())
            m_findings.missing << tr("No pool file: %1 has no pool.yaml, and without terraform "
                                     "the instance_yaml output cannot be read.")
                                      .arg(m_findings.folder);
        QMetaObject::invokeMethod(this, &TerraformReadJob::findKey, Qt::QueuedConnection);
        return;
    }
    showState();
}

void TerraformReadJob::cancel()
{
    fail(tr("Cancelled."));
}

void TerraformReadJob::run(const QString &program, const QStringList &arguments, Then then)
{
    auto *process = new QProcess(this);
    m_process = process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Never a question nobody sees: terraform and gcloud fail instead of prompting.
    env.insert(QStringLiteral("TF_INPUT"), QStringLiteral("0"));
    env.insert(QStringLiteral("TF_IN_AUTOMATION"), QStringLiteral("1"));
    env.insert(QStringLiteral("CLOUDSDK_CORE_DISABLE_PROMPTS"), QStringLiteral("1"));
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(m_findings.folder);
    process->setStandardInputFile(QProcess::nullDevice());
    const QString name = QFileInfo(program).fileName();
    qCDebug(lcTerraform).noquote() << name << arguments.join(QLatin1Char(' '));
    connect(process, &QProcess::errorOccurred, this,
            [this, process, then, name](QProcess::ProcessError e) {
                if (e != QProcess::FailedToStart || process != m_process)
                    return;
                m_process = nullptr;
                process->deleteLater();
                const QString error =
                    tr("%1 could not be started: %2").arg(name, process->errorString());
                QMetaObject::invokeMethod(
                    this,
                    [this, then, error] {
                        if (!m_finished)
                            then(false, {}, error);
                    },
                    Qt::QueuedConnection);
            });
    connect(process, &QProcess::finished, this,
            [this, process, then, name](int exitCode, QProcess::ExitStatus status) {
                if (process != m_process)
                    return;
                m_process = nullptr;
                process->deleteLater();
                const QByteArray out = process->readAllStandardOutput();
                QString err = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                if (err.size() > 800)
                    err = QStringLiteral("…") + err.right(800);
                if (status != QProcess::NormalExit || exitCode != 0) {
                    if (err.isEmpty())
                        err = status == QProcess::NormalExit
                                  ? tr("%1 ended with exit code %2.").arg(name).arg(exitCode)
                                  : tr("%1 crashed.").arg(name);
                    then(false, out, err);
                    return;
                }
                then(true, out, {});
            });
    process->start(program, arguments);
}

void TerraformReadJob::showState()
{
    Q_EMIT progress(tr("Reading the Terraform state (terraform show -json)…"));
    run(m_terraform, {QStringLiteral("show"), QStringLiteral("-json"), QStringLiteral("-no-color")},
        [this](bool ok, const QByteArray &out, const QString &error) {
            if (!ok) {
                fail(tr("terraform show -json failed in %1: %2").arg(m_findings.folder, error));
                return;
            }
            bool anyResource = false;
            const Result parsed = runnerVmsFromShowJson(out, &m_findings.vms, &anyResource);
            if (!parsed) {
                fail(parsed.message);
                return;
            }
            if (!anyResource) {
                fail(tr("Terraform has no state in %1: terraform show -json lists no resources. "
                        "Run terraform apply there first, or pick the folder you ran it in.")
                         .arg(m_findings.folder));
                return;
            }
            m_findings.stateRead = true;
            for (const RunnerVm &vm : std::as_const(m_findings.vms))
                m_findings.found
                    << tr("Runner VM: %1 (zone %2, project %3)").arg(vm.name, vm.zone, vm.project);
            if (m_findings.vms.isEmpty())
                m_findings.missing << tr("No runner VM in the Terraform state (no "
                                         "google_compute_instance named …-runner-vm).");
            readPoolOutput();
        });
}

void TerraformReadJob::readPoolOutput()
{
    if (!m_findings.poolFile.isEmpty()) {
        findKey();
        return;
    }
    // The JSON form rather than -raw: without outputs, -raw prints a warning on standard output
    // and exits 0, which would pass for a pool file.
    Q_EMIT progress(tr("No pool.yaml: reading the instance_yaml output (terraform output -json)…"));
    run(m_terraform,
        {QStringLiteral("output"), QStringLiteral("-json"), QStringLiteral("-no-color")},
        [this](bool ok, const QByteArray &out, const QString &error) {
            QString why = error;
            if (ok) {
                const Result parsed = instanceYamlFromOutputJson(out, &m_findings.poolYamlOutput);
                why = parsed.message;
            }
            if (!m_findings.poolYamlOutput.isEmpty()) {
                m_findings.found << tr("Pool file: not in %1; taken from the Terraform output "
                                       "instance_yaml")
                                        .arg(m_findings.folder);
            } else {
                m_findings.missing << tr("No pool file: %1 has no pool.yaml, and the Terraform "
                                         "output instance_yaml could not be read (%2).")
                                          .arg(m_findings.folder, why);
            }
            findKey();
        });
}

void TerraformReadJob::findKey()
{
    struct Candidate
    {
        QString path;
        QString source;
    };
    QList<Candidate> candidates;
    const QByteArray poolText = m_findings.poolFile.isEmpty() ? m_findings.poolYamlOutput
                                                              : readSmallFile(m_findings.poolFile);
    const QString poolName =
        m_findings.poolFile.isEmpty() ? tr("the instance_yaml output") : m_findings.poolFile;
    // Terraform wrote json_path as given to it: relative to this folder, wherever pool.yaml is.
    for (const pool::JsonPathReference &ref :
         pool::jsonPathReferences(poolText, m_findings.folder)) {
        if (!ref.value.isEmpty()) {
            candidates.append({resolveAgainst(ref.value, m_findings.folder),
                               tr("json_path in %1, line %2").arg(poolName).arg(ref.line)});
            break;
        }
    }
    const QString tfvars = QDir(m_findings.folder).filePath(kTfvarsName);
    const QString fromTfvars = tfvarsString(readSmallFile(tfvars), kKeyVariable);
    if (!fromTfvars.isEmpty())
        candidates.append({resolveAgainst(fromTfvars, m_findings.folder),
                           tr("%1 in %2").arg(kKeyVariable, tfvars)});
    if (candidates.isEmpty()) {
        m_findings.missing << tr("No service-account key: the pool file has no json_path and %1 "
                                 "no %2. The runner then uses the VM's default credentials.")
                                  .arg(tfvars, kKeyVariable);
        findUser();
        return;
    }
    // The first that exists; when none does, the first is the one to complain about.
    Candidate chosen = candidates.first();
    for (const Candidate &candidate : std::as_const(candidates)) {
        if (QFileInfo::exists(candidate.path)) {
            chosen = candidate;
            break;
        }
    }
    m_findings.keyFile = chosen.path;
    m_findings.keySource = chosen.source;
    const Result key = checkServiceAccountKey(chosen.path);
    if (key) {
        m_findings.found << tr("Service-account key: %1 (from %2)").arg(chosen.path, chosen.source);
    } else {
        m_findings.keyError = tr("%1 (named by %2)").arg(key.message, chosen.source);
        m_findings.missing << m_findings.keyError;
    }
    findUser();
}

void TerraformReadJob::findUser()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString login = remote::gcloudLocalLoginName(env, remote::passwdUserName());
    if (remote::gcloudUsableUserName(login)) {
        m_findings.user = login;
        m_findings.userWhy = tr("the local user name, as gcloud takes it");
        m_findings.found << tr("User: %1 (%2)").arg(login, m_findings.userWhy);
        finish();
        return;
    }
    const QString gcloud = QStandardPaths::findExecutable(QStringLiteral("gcloud"));
    if (gcloud.isEmpty()) {
        m_findings.missing << tr("User: gcloud does not use the local user name “%1” but your "
                                 "account's name, and gcloud is not installed to ask.")
                                  .arg(login);
        finish();
        return;
    }
    Q_EMIT progress(tr("Asking gcloud for the signed-in account…"));
    run(gcloud, {QStringLiteral("config"), QStringLiteral("get-value"), QStringLiteral("account")},
        [this, login](bool ok, const QByteArray &out, const QString &error) {
            const QString account = ok ? QString::fromUtf8(out).trimmed() : QString();
            const QString user = remote::gcloudAccountUserName(account);
            if (user.isEmpty()) {
                m_findings.missing << tr("User: gcloud does not use the local user name “%1”, "
                                         "and no signed-in account was found (%2).")
                                          .arg(login, ok ? tr("none set") : error);
            } else {
                m_findings.user = user;
                m_findings.userWhy = tr("from the account %1").arg(account);
                m_findings.found << tr("User: %1 (%2)").arg(user, m_findings.userWhy);
            }
            finish();
        });
}

void TerraformReadJob::fail(const QString &error)
{
    if (m_finished)
        return;
    m_findings.error = error;
    finish();
}

void TerraformReadJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline->stop();
    stopProcess();
    qCDebug(lcTerraform) << "terraform read finished:" << m_findings.error << m_findings.vms.size()
                         << "runner VMs";
    Q_EMIT finished(m_findings);
}

} // namespace gs::terraform
