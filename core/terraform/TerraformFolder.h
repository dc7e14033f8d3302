#pragma once

#include "plan/SetupConfig.h"
#include "util/Result.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace gs::terraform {

// A google_compute_instance of the state whose name ends in "runner-vm" (the module names it
// <name>-<region>-runner-vm).
struct RunnerVm
{
    QString name;
    QString zone;
    QString project;
    QString address;         // the resource address, e.g. module.infra.google_compute_instance.x
    bool externalIp = false; // an access_config: the module's runner VM has none
};

// Everything read from one Terraform folder, and what was not found, in words.
struct Findings
{
    QString folder; // absolute
    QString error;  // set: nothing usable (not a Terraform folder, no state, terraform failed…)

    bool terraformInstalled = false;
    bool stateRead = false; // `terraform show -json` listed resources
    QList<RunnerVm> vms;

    QString poolFile;          // the folder's pool.yaml, when it exists
    QByteArray poolYamlOutput; // the instance_yaml output, when the folder has no pool.yaml
    QString keyFile;           // absolute; may not exist (keyError then says so)
    QString keySource;         // where keyFile came from, in words
    QString keyError;          // the key named does not exist or is not a service-account key

    QString user;    // the user gcloud would log in as (OS Login may still pick another)
    QString userWhy; // in words

    QStringList found;   // "Pool file: /tf/pool.yaml", one line each
    QStringList missing; // what was not found, and why

    bool ok() const { return error.isEmpty(); }
};

// Whether `folder` looks like one Terraform ran in: *.tf files, a state file or .terraform/.
Result checkTerraformFolder(const QString &folder);

// The runner VMs in `terraform show -json` output: every google_compute_instance whose name ends
// in "runner-vm", in the root module and its child modules (recursively). `stateHasResources`
// tells an empty state (no "values", nothing applied) from one without a runner VM.
Result runnerVmsFromShowJson(const QByteArray &json, QList<RunnerVm> *vms, bool *stateHasResources);

// The `instance_yaml` output's value from `terraform output -json` ({name: {value, type,
// sensitive}}); fails saying why when there is none or it is not a string.
Result instanceYamlFromOutputJson(const QByteArray &json, QByteArray *yaml);

// `name = "value"` of a terraform.tfvars file (HCL); empty when it is not there.
QString tfvarsString(const QByteArray &text, const QString &name);

// A path as Terraform takes it: `~/` is the home folder, a relative path is relative to `folder`.
QString resolveAgainst(const QString &path, const QString &folder);

// Whether `path` is a readable service-account key (JSON with "type": "service_account").
// Only that is looked at: nothing of the key is kept.
Result checkServiceAccountKey(const QString &path);

// The Console's "View gcloud command" for the VM: IAP, since the runner VM has no external IP.
QString gcloudCommandFor(const RunnerVm &vm);

// The VM named `vmName`, or the only one; fails naming the choices when there are several and
// none was named, or when `vmName` is not one of them.
Result chooseVm(const Findings &findings, const QString &vmName, RunnerVm *vm);

// The setup answers from the findings: the connection to `vm` through IAP with the user (none
// without a VM), the pool file `poolFile` (the folder's, or where the caller wrote the output)
// and the key. Fails when the key that is named cannot be used.
Result setupConfigFrom(const Findings &findings, const RunnerVm *vm, const QString &poolFile,
                       SetupConfig *config);

} // namespace gs::terraform

Q_DECLARE_METATYPE(gs::terraform::Findings)
