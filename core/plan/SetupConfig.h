#pragma once

#include <QString>
#include <QStringList>

namespace gs {

// Every answer of the flow. Holds no secret: the delegate token lives in the keychain, and the
// account id is kept there too when the wizard saves (the config file may carry it for the CLI).
struct SshSettings
{
    QString host; // address, or a Host alias from ~/.ssh/config
    int port = 22;
    QString user;
    QString identityFile;
    QString gcloudCommand; // the "View gcloud command" text, when the VM is reached through IAP
    bool sudo = true; // sudo in the commands to copy before the VM was checked (the seed omits it)

    bool operator==(const SshSettings &) const = default;
};

struct RunnerSettings
{
    QString poolFile;          // local path; relative to the config file when loaded from one
    QString serviceAccountKey; // optional local key file, uploaded next to pool.yaml
    QString directory = QStringLiteral("/runner");
    QString image = QStringLiteral("drone/drone-runner-aws:latest");

    bool operator==(const RunnerSettings &) const = default;
};

struct DelegateSettings
{
    QString name = QStringLiteral("docker-delegate");
    QString accountId;
    QStringList tags;
    QString manager = QStringLiteral("https://app.harness.io");
    QString image = QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504");
    QString cpus = QStringLiteral("1");
    QString memory = QStringLiteral("2g");

    bool operator==(const DelegateSettings &) const = default;
};

// Not an answer, never saved: containers the VM has that the documented commands started by
// hand (no --name), which the plan keeps under our name or removes. The engine fills it from
// what it found (StepContext::effectiveConfig); short container ids, the one to keep first.
struct FoundOnVm
{
    QStringList runners;   // runners not named vm-runner
    QStringList delegates; // delegates with our DELEGATE_NAME under another container name

    bool operator==(const FoundOnVm &) const = default;
};

struct SetupConfig
{
    SshSettings ssh;
    RunnerSettings runner;
    DelegateSettings delegate;
    FoundOnVm found;

    bool operator==(const SetupConfig &) const = default;
};

} // namespace gs
