#pragma once

// The VM as the step tests fake it: a FakeHost installs rules on a FakeRemoteSession that answer
// like a host with a directory, files, a network and containers, and change as commands apply.
// Shared by tst_Steps and tst_SecretHeap.

#include "FakeRemoteSession.h"

#include "plan/SetupConfig.h"
#include "steps/SetupRun.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

namespace gs::test {

using steps::Decision;
using steps::SetupRun;

inline const QString kRunnerImage = QStringLiteral("drone/drone-runner-aws:latest");

inline QString dataFile(const char *name)
{
    return QStringLiteral(GS_TESTS_DIR "/data/") + QLatin1String(name);
}

inline QByteArray sha(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

inline const QString kDelegateImage =
    QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504");

// A container as `docker inspect` shows it to ContainerScan's template.
struct FakeContainer
{
    QString id;
    QString name;
    QString image;
    QString status = QStringLiteral("running");
    QString health;
    QString hostname;
    QStringList cmd;
    QStringList networks{QStringLiteral("harness")};
    QStringList ports; // "3000/tcp:3000"
    QStringList mounts;
    QStringList env; // what the template lets through
    QString created = QStringLiteral("2026-01-02T03:04:05.123456789Z");
    QString imageId; // the image's id; the same as the local image's when it is that pull

    QByteArray json() const
    {
        QJsonObject networkObject;
        for (const QString &network : networks)
            networkObject.insert(network, QJsonObject{{QStringLiteral("IPAddress"), "172.18.0.2"}});
        QJsonObject portObject;
        for (const QString &port : ports)
            portObject.insert(port.section(QLatin1Char(':'), 0, 0),
                              QJsonArray{QJsonObject{{QStringLiteral("HostIp"), QString()},
                                                     {QStringLiteral("HostPort"),
                                                      port.section(QLatin1Char(':'), 1)}}});
        QJsonArray mountArray;
        for (const QString &mount : mounts)
            mountArray.append(
                QJsonObject{{QStringLiteral("Source"), mount.section(QLatin1Char(':'), 0, 0)},
                            {QStringLiteral("Destination"), mount.section(QLatin1Char(':'), 1)}});
        QJsonArray envArray = QJsonArray::fromStringList(env);
        envArray.append(QString()); // the template's closing ""
        const QJsonObject o{{QStringLiteral("Id"), id},
                            {QStringLiteral("Name"), QLatin1Char('/') + name},
                            {QStringLiteral("Created"), created},
                            {QStringLiteral("Image"), image},
                            {QStringLiteral("ImageId"), imageId},
                            {QStringLiteral("State"), status},
                            {QStringLiteral("Health"), health},
                            {QStringLiteral("Hostname"), hostname},
                            {QStringLiteral("Restart"), QStringLiteral("no")},
                            {QStringLiteral("Cmd"), cmd.isEmpty()
                                                        ? QJsonValue(QJsonValue::Null)
                                                        : QJsonArray::fromStringList(cmd)},
                            {QStringLiteral("Networks"), networkObject},
                            {QStringLiteral("Ports"), portObject},
                            {QStringLiteral("Mounts"), mountArray},
                            {QStringLiteral("Env"), envArray}};
        return "@@container=" + QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
};

inline QString fakeId(char digit)
{
    return QString(64, QLatin1Char(digit));
}

// The runner exactly as the seed page starts it (no --name: Docker picked "eager_turing").
inline FakeContainer seedRunner(char digit = '3', const QString &status = QStringLiteral("running"))
{
    FakeContainer c;
    c.id = fakeId(digit);
    c.name = QStringLiteral("eager_turing_") + QLatin1Char(digit);
    c.image = QStringLiteral("drone/drone-runner-aws:latest");
    c.imageId = QStringLiteral("sha256:runner");
    c.status = status;
    c.hostname = QStringLiteral("vm-runner");
    c.cmd = {QStringLiteral("delegate"), QStringLiteral("--pool"),
             QStringLiteral("/runner/pool.yaml")};
    c.ports = {QStringLiteral("3000/tcp:3000")};
    c.mounts = {QStringLiteral("/runner:/runner")};
    return c;
}

// The delegate exactly as the seed page starts it (no --name), token not shown by the scan.
inline FakeContainer seedDelegate(char digit = 'a',
                                  const QString &name = QStringLiteral("docker-delegate"))
{
    FakeContainer c;
    c.id = fakeId(digit);
    c.name = QStringLiteral("brave_hopper_") + QLatin1Char(digit);
    c.image = kDelegateImage;
    c.imageId = QStringLiteral("sha256:delegate");
    c.health = QStringLiteral("healthy");
    c.hostname = c.id.left(12);
    c.env = {QStringLiteral("DELEGATE_NAME=") + name, QStringLiteral("DELEGATE_TAGS=gitspaces"),
             QStringLiteral("RUNNER_URL=http://vm-runner:3000/"),
             QStringLiteral("MANAGER_HOST_AND_PORT=https://app.harness.io")};
    return c;
}

// The VM as the fake answers it. Apply commands change it; probes read it.
struct FakeHost
{
    QString user = QStringLiteral("admin");
    bool root = false;
    bool dockerInstalled = true;
    bool dockerGroupSession = true; // id -nG lists docker
    bool dockerGroupFile = true;
    bool sudoNoPassword = false;
    QByteArray sudoPassword; // a password sudo accepts (-S)
    bool dir = false;
    bool dirWritable = true; // the user can create or write the runner directory without sudo
    QByteArray poolHash, keyHash;
    QByteArray poolContent;
    bool network = false;
    QString runner;   // "image|status|imageId"
    QString delegate; // "image|status|health|imageId"
    QByteArray delegateStdin;
    QByteArray keyStat; // `stat -c '%a %U'` of /runner/sa.json; empty: not there
    bool runnerHealthy = true;
    QList<FakeContainer> byHand; // started with the seed's commands: no --name
    QByteArray others;           // more "@@container=" lines (containers of something else)
    int runnerRuns = 0, delegateRuns = 0, networkCreates = 0, uploads = 0, installs = 0;
    int renames = 0, removedByHand = 0;

    // What ContainerScan's probe prints: ours by name, the ones started by hand, the rest.
    QByteArray containerLines() const
    {
        QByteArray out;
        if (!runner.isEmpty()) {
            FakeContainer ours = seedRunner('0', runner.section(QLatin1Char('|'), 1, 1));
            ours.name = QStringLiteral("vm-runner");
            ours.image = runner.section(QLatin1Char('|'), 0, 0);
            out += ours.json();
        }
        if (!delegate.isEmpty()) {
            FakeContainer ours = seedDelegate('9');
            ours.name = QStringLiteral("docker-delegate");
            out += ours.json();
        }
        for (const FakeContainer &container : byHand)
            out += container.json();
        return out + others;
    }
    bool port3000Taken() const
    {
        if (runner.contains(QLatin1String("|running|")))
            return true;
        for (const FakeContainer &container : byHand)
            if (container.status == QLatin1String("running") &&
                container.ports.contains(QStringLiteral("3000/tcp:3000")))
                return true;
        return others.contains("3000/tcp");
    }
    int byHandIndex(const QString &id) const
    {
        for (int i = 0; i < byHand.size(); ++i)
            if (byHand.at(i).id.startsWith(id))
                return i;
        return -1;
    }

    QByteArray probeOutput() const
    {
        const bool direct = dockerInstalled && (root || dockerGroupSession);
        QByteArray out = "@@os=Linux\n@@arch=x86_64\n@@hostname=vm\n";
        out += "@@user=" + user.toUtf8() + "\n@@uid=" + (root ? "0" : "1000") + "\n";
        out += "@@groups=" + user.toUtf8() + (dockerGroupSession ? " docker" : "") + "\n";
        out += "@@distro=debian\n@@distro_name=Debian GNU/Linux 12 (bookworm)\n";
        out += "@@group_docker=" + QByteArray(dockerGroupFile ? user.toUtf8() : "") + "\n";
        if (dockerInstalled)
            out += "@@docker_client=1\n";
        out += "@@sudo=1\n@@curl=1\n";
        out += direct ? "@@docker_rc=0\n@@docker_out=20.10.24\n"
                      : (dockerInstalled ? "@@docker_rc=1\n@@docker_out=permission denied while "
                                           "trying to connect to the Docker daemon socket\n"
                                         : "@@docker_rc=127\n@@docker_out=docker: not found\n");
        if (!root) {
            if (sudoNoPassword)
                out += "@@sudo_n=1\n";
            out += sudoNoPassword && dockerInstalled
                       ? "@@sudo_docker_rc=0\n@@sudo_docker_out=20.10.24\n"
                       : "@@sudo_docker_rc=1\n@@sudo_docker_out=sudo: a password is required\n";
        }
        out += "@@disk_docker=/dev/sda1 30000000 1000 20000000 1% /\n";
        out += "@@disk_runner=/dev/sda1 30000000 1000 20000000 1% /\n";
        out += "@@mem_total=16000000 kB\n@@mem_available=12000000 kB\n";
        if (dir)
            out += "@@runner_dir=1\n";
        if (dirWritable || root)
            out += "@@runner_dir_writable=1\n";
        if (port3000Taken())
            out += "@@tcp=   1: 00000000:0BB8 00000000:0000 0A 00000000:00000000\n";
        return out;
    }

    // Strips the sudo password line the engine puts ahead of the input in sudo -S mode.
    QByteArray input(const QString &command, const QByteArray &stdinData) const
    {
        if (command.startsWith(QLatin1String("sudo -k; ")) && !sudoPassword.isEmpty() &&
            stdinData.startsWith(sudoPassword + '\n'))
            return stdinData.mid(sudoPassword.size() + 1);
        return stdinData;
    }

    void install(FakeRemoteSession *session)
    {
        session->clearRules();
        session->on(QStringLiteral("@@os="), [this](const QString &, const QByteArray &) {
            return FakeRemoteSession::exited(0, probeOutput());
        });
        session->on(QStringLiteral("^sudo -k; sudo -S -p '' true$"),
                    [this](const QString &, const QByteArray &in) {
                        return FakeRemoteSession::exited(
                            !sudoPassword.isEmpty() && in == sudoPassword + '\n' ? 0 : 1);
                    });
        session->on(QStringLiteral("@@dir=1"), [this](const QString &command, const QByteArray &) {
            QByteArray out;
            if (dir)
                out += "@@dir=1\n";
            if (!poolHash.isEmpty())
                out += "@@pool=" + poolHash + "  /runner/pool.yaml\n";
            if (!keyHash.isEmpty())
                out += "@@key=" + keyHash + "  /runner/service-account-key.json\n";
            if (network)
                out += "@@network=1\n";
            if (!runner.isEmpty())
                out += "@@runner=" + runner.toUtf8() + "\n";
            out += "@@image=sha256:runner\n";
            if (command.contains(QLatin1String("@@keystat=")) &&
                command.contains(QLatin1String("stat -c '%a %U' /runner/sa.json")))
                out += "@@keystat=/runner/sa.json|" + keyStat + "\n";
            return FakeRemoteSession::exited(0, out + containerLines());
        });
        session->on(QStringLiteral("@@delegate="), [this](const QString &, const QByteArray &) {
            QByteArray out;
            if (!delegate.isEmpty())
                out += "@@delegate=" + delegate.toUtf8() + "\n";
            out += "@@image=sha256:delegate\n";
            return FakeRemoteSession::exited(0, out + containerLines());
        });
        // Preflight's own scan (the steps' scans go with their inspect above).
        session->on(QStringLiteral("docker ps -aq --no-trunc"),
                    [this](const QString &, const QByteArray &) {
                        return FakeRemoteSession::exited(0, containerLines());
                    });
        // Keeping one started by hand: its copies go, it takes our name.
        session->on(
            QStringLiteral("docker rename "), [this](const QString &command, const QByteArray &) {
                static const QRegularExpression rm(QStringLiteral("docker rm -f ([0-9a-f ]+) &&"));
                const QRegularExpressionMatch copies = rm.match(command);
                if (copies.hasMatch())
                    for (const QString &id :
                         copies.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                        if (byHandIndex(id) >= 0)
                            byHand.removeAt(byHandIndex(id));
                        ++removedByHand;
                    }
                static const QRegularExpression rename(
                    QStringLiteral("docker rename ([0-9a-f]+) (\\S+) && \\S*\\s?docker update "
                                   "--restart unless-stopped (\\S+) && .*echo .*(runner|delegate) "
                                   "\\1.* >> \\S*\\.gitspaces-setup-adopted'?$"));
                const QRegularExpressionMatch m = rename.match(command);
                const int index = m.hasMatch() ? byHandIndex(m.captured(1)) : -1;
                if (index < 0 || m.captured(2) != m.captured(3))
                    return FakeRemoteSession::exited(1, {}, "Error: No such container\n");
                const FakeContainer found = byHand.takeAt(index);
                ++renames;
                if (m.captured(2) == QLatin1String("vm-runner")) {
                    if (!runner.isEmpty())
                        return FakeRemoteSession::exited(1, {}, "Error: name is in use\n");
                    runner = found.image + QLatin1Char('|') + found.status +
                             QStringLiteral("|sha256:runner");
                } else {
                    if (!delegate.isEmpty())
                        return FakeRemoteSession::exited(1, {}, "Error: name is in use\n");
                    delegate = found.image + QLatin1Char('|') + found.status + QLatin1Char('|') +
                               found.health + QStringLiteral("|sha256:delegate");
                }
                return FakeRemoteSession::exited(0);
            });
        session->on(QStringLiteral("docker rm -f [0-9a-f]{12}"),
                    [this](const QString &command, const QByteArray &) {
                        const QStringList ids = command.section(QStringLiteral("docker rm -f "), 1)
                                                    .split(QLatin1Char(' '), Qt::SkipEmptyParts);
                        for (const QString &id : ids) {
                            if (byHandIndex(id) >= 0)
                                byHand.removeAt(byHandIndex(id));
                            ++removedByHand;
                        }
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("docker logs --tail 200 vm-runner"),
                    [this](const QString &command, const QByteArray &) {
                        QByteArray out =
                            "@@state=" + runner.section(QLatin1Char('|'), 1, 1).toUtf8() + "|0\n";
                        out += "@@log=time=\"now\" level=info msg=\"starting the server\"\n";
                        if (runnerHealthy && command.contains(QLatin1String("/healthz")))
                            out += "@@health=OK\n";
                        return FakeRemoteSession::exited(0, out);
                    });
        session->on(QStringLiteral("docker logs --tail 400"),
                    [this](const QString &, const QByteArray &) {
                        QByteArray out;
                        if (delegateStdin.startsWith("DELEGATE_TOKEN=YmFk")) {
                            out += "@@state=exited||0\n";
                            out += "@@log=ERROR Delegate used invalid token. Self destruct "
                                   "procedure will be initiated.\n";
                        } else {
                            out += "@@state=running|healthy|0|4567ef012345\n";
                            out += "@@log=INFO Delegate registered with id abc123\n";
                        }
                        return FakeRemoteSession::exited(0, out);
                    });
        session->on(
            QStringLiteral("docker version --format"), [this](const QString &, const QByteArray &) {
                return dockerInstalled ? FakeRemoteSession::exited(0, "20.10.24\n")
                                       : FakeRemoteSession::exited(127, {}, "docker: not found\n");
            });
        session->on(QStringLiteral("apt-get install -y docker.io"),
                    [this](const QString &, const QByteArray &) {
                        ++installs;
                        dockerInstalled = true;
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("mkdir -p"), [this](const QString &, const QByteArray &) {
            dir = true;
            return FakeRemoteSession::exited(0);
        });
        session->on(QStringLiteral("cat > .*pool\\.yaml"),
                    [this](const QString &command, const QByteArray &in) {
                        ++uploads;
                        poolContent = input(command, in);
                        poolHash = sha(poolContent);
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("cat > .*\\.json"),
                    [this](const QString &command, const QByteArray &in) {
                        ++uploads;
                        keyHash = sha(input(command, in));
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("docker network create harness"),
                    [this](const QString &, const QByteArray &) {
                        ++networkCreates;
                        network = true;
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("docker rm -f vm-runner"),
                    [this](const QString &, const QByteArray &) {
                        runner.clear();
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("docker start vm-runner$"),
                    [this](const QString &, const QByteArray &) {
                        runner.replace(QLatin1String("|exited|"), QLatin1String("|running|"));
                        return FakeRemoteSession::exited(0, "vm-runner\n");
                    });
        session->on(QStringLiteral("--name vm-runner"),
                    [this](const QString &, const QByteArray &) {
                        for (const FakeContainer &container : std::as_const(byHand))
                            if (container.status == QLatin1String("running") &&
                                container.ports.contains(QStringLiteral("3000/tcp:3000")))
                                return FakeRemoteSession::exited(
                                    125, {},
                                    "Bind for 0.0.0.0:3000 failed: port is already "
                                    "allocated\n");
                        ++runnerRuns;
                        runner = kRunnerImage + QStringLiteral("|running|sha256:runner");
                        return FakeRemoteSession::exited(0, "0123abcd\n");
                    });
        session->on(QStringLiteral("docker rm -f docker-delegate"),
                    [this](const QString &, const QByteArray &) {
                        delegate.clear();
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("--name docker-delegate"),
                    [this](const QString &command, const QByteArray &in) {
                        ++delegateRuns;
                        delegateStdin = input(command, in);
                        delegate = QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/"
                                                  "delegate:25.03.85504|running|healthy|"
                                                  "sha256:delegate");
                        return FakeRemoteSession::exited(0, "4567ef\n");
                    });
        // After the install: the daemon starts at boot and now.
        session->on(
            QStringLiteral("systemctl enable --now docker$"),
            [](const QString &, const QByteArray &) { return FakeRemoteSession::exited(0); });
        // Uninstall: the network, the files the setup wrote, the (then empty) directory.
        session->on(QStringLiteral("docker network rm harness$"),
                    [this](const QString &, const QByteArray &) {
                        network = false;
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("rm -f -- /runner/pool\\.yaml "),
                    [this](const QString &, const QByteArray &) {
                        poolContent.clear();
                        poolHash.clear();
                        keyHash.clear();
                        return FakeRemoteSession::exited(0);
                    });
        session->on(QStringLiteral("rmdir -- /runner$"),
                    [this](const QString &, const QByteArray &) {
                        dir = false;
                        return FakeRemoteSession::exited(0);
                    });
    }
};

inline SetupConfig testConfig(const char *pool = "pool.yaml")
{
    SetupConfig config;
    config.ssh.host = QStringLiteral("127.0.0.1");
    config.ssh.user = QStringLiteral("admin");
    config.ssh.sudo = true;
    config.runner.poolFile = dataFile(pool);
    config.runner.serviceAccountKey = dataFile("service-account-key.json");
    config.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
    config.delegate.tags = {QStringLiteral("gitspaces")};
    return config;
}

// Runs a SetupRun to its end; returns whether it succeeded.
inline bool runToEnd(SetupRun &run, int timeoutMs = 10000)
{
    QSignalSpy finished(&run, &SetupRun::finished);
    run.start();
    if (!finished.wait(timeoutMs))
        return false;
    return finished.first().first().toBool();
}

inline SetupRun::AutoAnswer recommended()
{
    return [](const Decision &decision) {
        return std::optional<bool>(decision.recommendAccept);
    };
}

} // namespace gs::test
