#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace gs::steps {

// The steps of "Run for me", in the order a run takes them.
enum class StepKind { Preflight, Docker, Runner, Delegate, Uninstall };

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
    QStringList warnings;     // fine to go on, but worth reading
    QString error;            // what is wrong and what to do (translated)
    QStringList logLines;     // the container or command log lines that explain a failure
    int elapsedMs = 0;

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
    };
    Kind kind = Kind::InstallDocker;
    QString question;     // translated
    QString details;      // what is there now (image, state), why we recommend what we do
    QStringList commands; // the commands that run when accepted
    QString acceptLabel;  // "Replace", "Install", …
    QString declineLabel; // "Keep", "Cancel", …
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
