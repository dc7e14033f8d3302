#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace gs::steps {

// The steps of "Run for me", in the order a run takes them.
// Manage: a day-two action on a VM that is already set up (status, restart, upgrade, logs, …).
enum class StepKind { Preflight, Docker, Runner, Delegate, Uninstall, Manage };

QString stepKey(StepKind kind);   // "preflight", "docker", … (stable, for logs and tests)
QString stepTitle(StepKind kind); // translated

// How this SSH user can reach the Docker daemon.
enum class DockerAccess {
    Unknown,
    Direct,         // root, or in the docker group in this session
    SudoNoPassword, // `sudo -n` works
    SudoPassword,   // sudo works with the password the user gave (fed with `sudo -S`)
    GroupPending,   // in the docker group on the VM, but not in this session: reconnect
    None            // none of the above
};

// A container `docker ps -a` + `docker inspect` found (ContainerScan): what a run needs to tell
// a runner or delegate started by hand (the documented commands give no --name) from anything
// else. Holds no secret: of the environment only a few known keys are read.
struct FoundContainer
{
    QString id;                  // full id
    QString name;                // without the leading "/" ("eager_turing")
    QString created;             // .Created (RFC 3339)
    QString image;               // .Config.Image
    QString imageId;             // .Image
    QString status;              // .State.Status: running, exited, created, …
    QString health;              // .State.Health.Status, empty without a health check
    QString hostname;            // .Config.Hostname
    QString restartPolicy;       // .HostConfig.RestartPolicy.Name ("no", "unless-stopped", …)
    QStringList command;         // .Config.Cmd
    QStringList networks;        // the networks it is attached to
    QStringList ports;           // published ports, "3000/tcp:3000" (container port:host port)
    QStringList mounts;          // "source:destination"
    QHash<QString, QString> env; // DELEGATE_NAME, RUNNER_URL, MANAGER_HOST_AND_PORT, DELEGATE_TAGS

    QString shortId() const { return id.left(12); }
    bool isRunning() const { return status == QLatin1String("running"); }
    // Publishes container port `port`/tcp on the same host port.
    bool publishes(int port) const { return ports.contains(QStringLiteral("%1/tcp:%1").arg(port)); }
};

// What preflight learnt about the VM. Later steps read it; the page shows it.
struct HostFacts
{
    QString os;         // uname -s
    QString arch;       // uname -m
    QString distroId;   // os-release ID ("debian")
    QString distroName; // os-release PRETTY_NAME
    QString hostname;
    QString user;
    bool root = false;
    bool sudoInstalled = false;
    bool dockerClient = false;
    bool dockerDaemon = false; // the daemon answered (through whatever access works)
    QString dockerVersion;     // server version
    DockerAccess access = DockerAccess::Unknown;
    bool inDockerGroupFile = false;    // /etc/group lists the user
    bool inDockerGroupSession = false; // `id -nG` in this session has it
    qint64 dockerDiskFreeKb = -1;      // free under /var/lib/docker (or its nearest parent)
    qint64 runnerDiskFreeKb = -1;      // free under the runner directory (or its parent)
    qint64 memTotalKb = -1;
    qint64 memAvailableKb = -1;
    bool sudoNoPassword = false;       // `sudo -n true` works
    bool sudoPasswordAccepted = false; // sudo took the password the user gave
    bool runnerDirExists = false;
    // The user can create the runner directory, or write it and the files in it, without sudo.
    bool runnerDirWritable = false;
    bool port3000Listening = false;
    bool port3000OurRunner = false; // held by our own runner container
    int managerHttpStatus = -1;     // -1 not checked; 0 no connection
    bool hasCurl = false;
    bool hasWget = false; // for the runner's health check when curl is missing
    bool hasBash = false; // bash's /dev/tcp, the last resort (the login shell may be dash)
    // Started by hand with the documented commands (ContainerScan), the one a "keep" adopts
    // first: runners (image, `delegate` command) not named vm-runner, and delegates whose
    // DELEGATE_NAME is ours under another container name. Refreshed by every scan.
    QList<FoundContainer> foundRunners;
    QList<FoundContainer> foundDelegates;
    bool isAmd64() const
    {
        return arch == QLatin1String("x86_64") || arch == QLatin1String("amd64");
    }
};

// The outcome of one step, as the page shows it inline.
struct StepResult
{
    enum class Status { Succeeded, Failed, Cancelled, NeedsReconnect };

    StepKind step = StepKind::Preflight;
    Status status = Status::Failed;
    QStringList done;         // what this run changed
    QStringList alreadyThere; // what it found in place and left alone
    QStringList checked;      // what it checked and found fine ("Port 3000 is free")
    QStringList warnings;     // fine to go on, but worth reading
    // The warnings that stay true after the whole run (the manager unreachable from the VM, a key
    // the pool file needs missing, …), as opposed to findings a later step fixes (Docker not
    // installed yet). Each is in `warnings` too. SetupState carries them to the end.
    QStringList caveats;
    QString error;        // what is wrong and what to do (translated)
    QStringList logLines; // the container or command log lines that explain a failure
    int elapsedMs = 0;    // working time: the time a decision waited for an answer is not in it

    bool ok() const { return status == Status::Succeeded; }
    // A few lines for a log view or the CLI.
    QString summary() const;
};

// A question a step needs answered before it goes on. The step waits (without an event loop of
// its own) until the caller answers with StepJob::decide().
struct Decision
{
    enum class Kind {
        InstallDocker,     // accept = run the install commands shown in `commands`
        ReplaceRunner,     // accept = replace the existing runner container, decline = keep it
        ReplaceDelegate,   // accept = replace the existing delegate container, decline = keep it
        UsePoolWithErrors, // accept = upload a pool file the validator reports errors in
        // A runner started by hand (the documented command has no --name): accept = remove it
        // and start ours, decline = keep it, renamed vm-runner (adopted).
        ReplaceFoundRunner,
        // A delegate started by hand with our DELEGATE_NAME: accept = remove it and start ours,
        // decline = keep it, renamed to the delegate name (adopted). Never two of one name.
        ReplaceFoundDelegate,
        // Uninstall looked at the VM: accept = remove what `details` lists (ours only).
        ConfirmUninstall,
        // Upgrade the running delegate: accept = replace it with the new image (same name,
        // account, tags, manager and token), decline = leave it as it is.
        ConfirmUpgrade,
    };
    Kind kind = Kind::InstallDocker;
    QString question;            // translated
    QString details;             // what is there now (image, state), why we recommend what we do
    QStringList commands;        // the commands that run when accepted
    QStringList declineCommands; // the commands that run when declined (empty: none to show)
    QString acceptLabel;         // "Replace", "Install", …
    QString declineLabel;        // "Keep", "Cancel", …
    bool recommendAccept = false;
};

// A container `docker inspect` found where the step wants to run its own.
struct ExistingContainer
{
    QString image;   // .Config.Image
    QString status;  // .State.Status: running, exited, …
    QString health;  // .State.Health.Status, empty without a health check
    QString imageId; // .Image
};

} // namespace gs::steps

Q_DECLARE_METATYPE(gs::steps::StepResult)
Q_DECLARE_METATYPE(gs::steps::Decision)
