#include "TerraformFolder.h"

#include "plan/GcloudSshCommand.h"
#include "util/LocalPaths.h"
#include "util/Secret.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace gs::terraform {

namespace {

QString tr(const char *text)
{
    // lupdate files tr() in a function of namespace gs::terraform under "gs::terraform".
    return QCoreApplication::translate("gs::terraform", text);
}

// A service-account key is a few KiB; anything far larger is not one.
constexpr qint64 kMaxKeyBytes = 256 * 1024;

void collectVms(const QJsonObject &module, QList<RunnerVm> *vms, bool *anyResource)
{
    const QJsonArray resources = module.value(QLatin1String("resources")).toArray();
    for (const QJsonValue &value : resources) {
        const QJsonObject resource = value.toObject();
        *anyResource = true;
        if (resource.value(QLatin1String("type")).toString() !=
                QLatin1String("google_compute_instance") ||
            resource.value(QLatin1String("mode")).toString(QStringLiteral("managed")) !=
                QLatin1String("managed"))
            continue;
        const QJsonObject values = resource.value(QLatin1String("values")).toObject();
        RunnerVm vm;
        vm.name = values.value(QLatin1String("name")).toString();
        if (!vm.name.endsWith(QLatin1String("runner-vm")))
            continue;
        // The provider stores the zone's name; a URL would only come from an import.
        vm.zone = values.value(QLatin1String("zone")).toString().section(QLatin1Char('/'), -1);
        vm.project = values.value(QLatin1String("project")).toString();
        vm.address = resource.value(QLatin1String("address")).toString();
        const QJsonArray nics = values.value(QLatin1String("network_interface")).toArray();
        for (const QJsonValue &nic : nics) {
            if (!nic.toObject().value(QLatin1String("access_config")).toArray().isEmpty())
                vm.externalIp = true;
        }
        vms->append(vm);
    }
    const QJsonArray children = module.value(QLatin1String("child_modules")).toArray();
    for (const QJsonValue &child : children)
        collectVms(child.toObject(), vms, anyResource);
}

} // namespace

Result checkTerraformFolder(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.exists())
        return Result::failure(tr("%1 does not exist.").arg(folder));
    if (!info.isDir())
        return Result::failure(tr("%1 is not a folder.").arg(folder));
    const QDir dir(folder);
    if (!dir.entryList({QStringLiteral("*.tf"), QStringLiteral("*.tf.json")}, QDir::Files)
             .isEmpty() ||
        dir.exists(QStringLiteral("terraform.tfstate")) || dir.exists(QStringLiteral(".terraform")))
        return Result::success();
    return Result::failure(tr("%1 is not a Terraform folder: it has no .tf file, no "
                              "terraform.tfstate and no .terraform folder. Pick the folder you "
                              "ran terraform apply in (the one with main.tf).")
                               .arg(QDir::toNativeSeparators(folder)));
}

Result runnerVmsFromShowJson(const QByteArray &json, QList<RunnerVm> *vms, bool *stateHasResources)
{
    vms->clear();
    *stateHasResources = false;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Result::failure(
            tr("terraform show -json did not print JSON (%1).").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (!root.contains(QLatin1String("format_version")))
        return Result::failure(tr("terraform show -json printed JSON without a format_version: "
                                  "not the state format."));
    const QJsonObject rootModule = root.value(QLatin1String("values"))
                                       .toObject()
                                       .value(QLatin1String("root_module"))
                                       .toObject();
    collectVms(rootModule, vms, stateHasResources);
    return Result::success();
}

Result instanceYamlFromOutputJson(const QByteArray &json, QByteArray *yaml)
{
    yaml->clear();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Result::failure(
            tr("terraform output -json did not print JSON (%1)").arg(parseError.errorString()));
    const QJsonValue output = doc.object().value(QLatin1String("instance_yaml"));
    if (output.isUndefined())
        return Result::failure(tr("there is no output named instance_yaml"));
    const QJsonValue value = output.toObject().value(QLatin1String("value"));
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return Result::failure(tr("the instance_yaml output is not a text"));
    *yaml = value.toString().toUtf8();
    return Result::success();
}

QString tfvarsString(const QByteArray &text, const QString &name)
{
    // One assignment per line, as terraform.tfvars holds them; `#` and `//` comments skipped
    // because the match is anchored at the line's start.
    const QRegularExpression re(QStringLiteral(R"re(^\s*%1\s*=\s*"((?:[^"\\\n]|\\.)*)")re")
                                    .arg(QRegularExpression::escape(name)),
                                QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = re.match(QString::fromUtf8(text));
    if (!match.hasMatch())
        return {};
    QString value = match.captured(1);
    value.replace(QLatin1String("\\\\"), QLatin1String("\x01"));
    value.replace(QLatin1String("\\\""), QLatin1String("\""));
    value.replace(QLatin1String("\x01"), QLatin1String("\\"));
    return value;
}

QString resolveAgainst(const QString &path, const QString &folder)
{
    const QString expanded = expandHome(path);
    if (QDir::isAbsolutePath(expanded))
        return QDir::cleanPath(expanded);
    return QDir::cleanPath(QDir(folder).absoluteFilePath(expanded));
}

Result checkServiceAccountKey(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Result::failure(tr("The key file %1 does not exist.").arg(path));
    if (!info.isFile())
        return Result::failure(tr("The key file %1 is not a file.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result::failure(
            tr("The key file %1 cannot be read: %2").arg(path, file.errorString()));
    QByteArray bytes = file.read(kMaxKeyBytes + 1);
    const bool tooLarge = bytes.size() > kMaxKeyBytes;
    const QJsonDocument doc = tooLarge ? QJsonDocument() : QJsonDocument::fromJson(bytes);
    const QString type = doc.object().value(QLatin1String("type")).toString();
    wipe(bytes); // the private key is in there: kept nowhere
    if (type == QLatin1String("service_account"))
        return Result::success();
    if (!doc.isObject())
        return Result::failure(
            tr("The key file %1 is not JSON: a service-account key from the Google Cloud "
               "Console (IAM → Service accounts → Keys → JSON) is expected.")
                .arg(path));
    return Result::failure(tr("The key file %1 is not a service-account key (its \"type\" is "
                              "\"%2\", not \"service_account\").")
                               .arg(path, type));
}

QString gcloudCommandFor(const RunnerVm &vm)
{
    GcloudSshCommand command;
    command.instance = vm.name;
    command.zone = vm.zone;
    command.project = vm.project;
    // The module gives the runner VM no external address: SSH only through IAP.
    command.tunnelThroughIap = true;
    return command.toCommandLine();
}

Result chooseVm(const Findings &findings, const QString &vmName, RunnerVm *vm)
{
    QStringList names;
    for (const RunnerVm &candidate : findings.vms) {
        names << candidate.name;
        if (!vmName.isEmpty() && candidate.name == vmName) {
            *vm = candidate;
            return Result::success();
        }
    }
    if (findings.vms.isEmpty())
        return Result::failure(tr("The Terraform state in %1 has no runner VM (no "
                                  "google_compute_instance named …-runner-vm).")
                                   .arg(findings.folder));
    if (!vmName.isEmpty())
        return Result::failure(tr("The Terraform state has no runner VM named %1. It has: %2.")
                                   .arg(vmName, names.join(QLatin1String(", "))));
    if (findings.vms.size() > 1)
        return Result::failure(tr("The Terraform state has %1 runner VMs, one per region: %2. "
                                  "Choose one.")
                                   .arg(findings.vms.size())
                                   .arg(names.join(QLatin1String(", "))));
    *vm = findings.vms.first();
    return Result::success();
}

Result setupConfigFrom(const Findings &findings, const RunnerVm *vm, const QString &poolFile,
                       SetupConfig *config)
{
    if (!findings.keyError.isEmpty())
        return Result::failure(findings.keyError);
    // A connection entered before must not pick the route or the login; "use sudo" stays.
    const bool sudo = config->ssh.sudo;
    config->ssh = SshSettings();
    config->ssh.sudo = sudo;
    if (vm) {
        config->ssh.gcloudCommand = gcloudCommandFor(*vm);
        config->ssh.user = findings.user;
    }
    config->runner.poolFile = poolFile;
    config->runner.serviceAccountKey = findings.keyFile;
    return Result::success();
}

} // namespace gs::terraform
