#pragma once

// Helpers for the end-to-end tests and the apply benchmark: the stand-in images, the docker CLI
// on the host, a connected SshSession to a TestSshd, sudoers for a TestSshd, the CLI as a
// subprocess, the commands of a transcript, and a sampler of every process's argv.

#include "RealParts.h"
#include "TestSshd.h"

#include "plan/SetupConfig.h"
#include "remote/SshSession.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace gs::test {

// The host has one Docker engine and the documented names (vm-runner, harness, port 3000) are
// fixed, so every test process that runs containers takes this lock for as long as it does
// (CTest's RESOURCE_LOCK gs_docker_host covers one ctest; this covers separate processes too).
class DockerHostLock
{
public:
    static constexpr auto Path = "/tmp/gs-docker-host.lock";
    bool acquire(int timeoutMs = 900000)
    {
        m_fd = ::open(Path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (m_fd < 0)
            return false;
        QElapsedTimer clock;
        clock.start();
        while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            if (clock.elapsed() > timeoutMs)
                return false;
            ::usleep(200 * 1000);
        }
        return true;
    }
    ~DockerHostLock()
    {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
    }

private:
    int m_fd = -1;
};

// Runs a local command to its end (test plumbing, not product code).
inline QByteArray hostRun(const QString &program, const QStringList &arguments,
                          int *exitCode = nullptr, int timeoutMs = 120000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    process.waitForFinished(timeoutMs);
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAll();
}

inline QByteArray docker(const QStringList &arguments, int *exitCode = nullptr)
{
    return hostRun(QStringLiteral("docker"), arguments, exitCode);
}

// Starts dockerd if needed and builds the stand-in images (both idempotent).
inline bool prepareDocker(QString *error)
{
    int code = -1;
    const QByteArray out = hostRun(
        QStringLiteral(GS_SOURCE_DIR "/tests/docker/build-standin-images.sh"), {}, &code, 300000);
    if (code != 0)
        *error = QString::fromUtf8(out);
    return code == 0;
}

// Containers (full ids) made from `image`, whatever their names.
inline QStringList containersOf(const QString &image)
{
    QStringList ids;
    const QByteArray out =
        docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--no-trunc"),
                QStringLiteral("--filter"), QStringLiteral("ancestor=") + image});
    for (const QByteArray &line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            ids << QString::fromLatin1(line.trimmed());
    return ids;
}

inline const QString &standinRunnerImage()
{
    static const QString image = QStringLiteral("drone/drone-runner-aws:latest");
    return image;
}

inline const QString &standinDelegateImage()
{
    static const QString image =
        QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504");
    return image;
}

// The second delegate tag the stand-in build makes (a different image): what upgrades go to.
inline const QString &standinNextDelegateTag()
{
    static const QString tag = QStringLiteral("26.11.90210");
    return tag;
}

// Removes what a run creates on the host's engine, so a test starts from a fresh VM: ours by
// name, and runners and delegates started by hand (the seed's commands give no --name).
inline void resetDocker(const QString &delegateName = QStringLiteral("docker-delegate"))
{
    QStringList containers{QStringLiteral("vm-runner"), delegateName,
                           delegateName + QStringLiteral("-upgrader")};
    containers << containersOf(standinRunnerImage()) << containersOf(standinDelegateImage())
               << containersOf(
                      QString(standinDelegateImage())
                          .replace(QStringLiteral("25.03.85504"), standinNextDelegateTag()));
    docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + containers);
    docker({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("harness")});
}

inline int containerCount(const QString &name)
{
    const QByteArray out =
        docker({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"),
                QStringLiteral("--filter"), QStringLiteral("name=^/%1$").arg(name)});
    int n = 0;
    for (const QByteArray &line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            ++n;
    return n;
}

inline int networkCount(const QString &name)
{
    const QByteArray out =
        docker({QStringLiteral("network"), QStringLiteral("ls"), QStringLiteral("-q"),
                QStringLiteral("--filter"), QStringLiteral("name=^%1$").arg(name)});
    int n = 0;
    for (const QByteArray &line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            ++n;
    return n;
}

inline remote::ConnectOptions connectOptions(const TestSshd &sshd)
{
    remote::ConnectOptions o;
    o.host = sshd.host();
    o.port = sshd.port();
    o.user = sshd.user();
    o.identityFiles = {sshd.clientKey(TestSshd::PlainKey)};
    o.pinnedFingerprint = sshd.hostKeyFingerprint();
    o.knownHostsFile = sshd.dir() + QStringLiteral("/client-known_hosts");
    o.interactive = false;
    o.useAgent = false;
    o.allowPassword = false;
    o.allowKeyboardInteractive = false;
    o.connectTimeoutMs = 10000;
    return o;
}

// The answers for the loopback test VM: TestSshd's address, user and key, the runner directory in
// the user's home, an account id and a delegate small enough for CI; pool.yaml and the key file
// as given (the test data's by default).
inline SetupConfig loopbackConfig(
    const TestSshd &sshd, const QString &poolFile = QStringLiteral(GS_TESTS_DIR "/data/pool.yaml"),
    const QString &keyFile = QStringLiteral(GS_TESTS_DIR "/data/service-account-key.json"))
{
    SetupConfig config;
    config.ssh.host = sshd.host();
    config.ssh.port = sshd.port();
    config.ssh.user = sshd.user();
    config.ssh.identityFile = sshd.clientKey(TestSshd::PlainKey);
    config.runner.poolFile = poolFile;
    config.runner.serviceAccountKey = keyFile;
    config.runner.directory = sshd.homeDir() + QStringLiteral("/runner");
    config.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
    config.delegate.memory = QStringLiteral("256m");
    return config;
}

inline remote::ConnectResult connectSession(remote::SshSession &session,
                                            const remote::ConnectOptions &options,
                                            int timeoutMs = 30000)
{
    remote::ConnectJob *job = session.connectToHost(options);
    QSignalSpy spy(job, &remote::ConnectJob::finished);
    remote::ConnectResult result;
    if (spy.wait(timeoutMs))
        result = spy.at(0).at(0).value<remote::ConnectResult>();
    else
        result.message = QStringLiteral("test: connect timed out");
    job->deleteLater();
    return result;
}

// An sshd whose /etc/sudoers (inside its private mount namespace) is `rules`, or false when the
// machine has no sudo. The file lives in `dir`.
inline bool sudoersOptions(const QTemporaryDir &dir, const QByteArray &rules,
                           TestSshd::Options *options)
{
    if (!QFile::exists(QStringLiteral("/etc/sudoers")) ||
        !QFile::exists(QStringLiteral("/usr/bin/sudo")))
        return false;
    const QString sudoers = dir.filePath(QStringLiteral("sudoers"));
    QFile file(sudoers);
    if (!file.open(QIODevice::WriteOnly) || file.write(rules) != rules.size())
        return false;
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::ReadGroup);
    options->binds = {{sudoers, QStringLiteral("/etc/sudoers")}};
    return true;
}

// `gitspaces-setup …` as a user runs it: a subprocess with `stdinData` on its standard input,
// no keychain, no token in the environment unless `environment` ("NAME=value") puts one there.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline CliRun runCli(const QString &binary, const QStringList &arguments,
                     const QByteArray &stdinData = {}, const QStringList &environment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GITSPACES_DELEGATE_TOKEN"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain: the flags must do
    for (const QString &pair : environment)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(env);
    process.start(binary, arguments);
    process.write(stdinData);
    process.closeWriteChannel();
    CliRun run;
    // Wait with the event loop running: a FakeManager or a ProcessSampler in this process must
    // be able to act meanwhile.
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(240000)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// The commands a transcript (Transcript::toText(), or the CLI's --transcript file) shows: the
// command id and the script as it went over the wire (masked).
struct TranscriptCommand
{
    QString id;
    QString script;
};

inline QList<TranscriptCommand> transcriptCommands(const QString &text)
{
    QList<TranscriptCommand> commands;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("# "))) {
            commands.append({line.section(QLatin1Char(' '), -1), QString()});
        } else if (line.startsWith(QLatin1String("$ ")) && !commands.isEmpty()) {
            QString &script = commands.last().script;
            if (!script.isEmpty())
                script += QLatin1Char('\n');
            script += line.mid(2);
        }
    }
    commands.removeIf([](const TranscriptCommand &c) { return c.script.isEmpty(); });
    return commands;
}

// Reads every process's argv (what `ps -eo args` prints) every few milliseconds.
class ProcessSampler : public QObject
{
public:
    explicit ProcessSampler(QList<QByteArray> needles, int intervalMs = 40)
        : m_needles(std::move(needles))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] { sample(); });
        m_timer.start(intervalMs);
    }
    void sample()
    {
        ++m_samples;
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &pid : pids) {
            if (pid.isEmpty() || !pid.at(0).isDigit())
                continue;
            QFile file(QStringLiteral("/proc/") + pid + QStringLiteral("/cmdline"));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray args = file.readAll();
            ++m_processesSeen;
            for (const QByteArray &needle : m_needles)
                if (args.contains(needle))
                    m_hits << QString::fromUtf8(QByteArray(args).replace('\0', ' '));
        }
    }
    int samples() const { return m_samples; }
    int processesSeen() const { return m_processesSeen; }
    QStringList hits() const { return m_hits; }

private:
    QList<QByteArray> m_needles;
    QTimer m_timer;
    int m_samples = 0;
    int m_processesSeen = 0;
    QStringList m_hits;
};

// Files under `root` (recursively) whose content contains `needle`.
inline QStringList filesContaining(const QString &root, const QByteArray &needle, int *scanned)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.size() > 64 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue;
        if (scanned)
            ++*scanned;
        if (file.readAll().contains(needle))
            found << path;
    }
    return found;
}

// A tiny HTTP server standing in for the Harness manager's account check, on 127.0.0.1.
class FakeManager : public QTcpServer
{
public:
    int status = 200;
    int hits = 0;
    // The NG delegate list (needs an API key): what Harness says of docker-delegate.
    bool delegateListed = true;
    bool delegateConnected = true;
    // The replica's host name: by default the delegate container's, as a real delegate reports
    // it (Docker's default host name is the container's short id).
    QByteArray replicaHost;
    int listHits = 0;
    QByteArray apiKey;
    bool sawApiKey = false;
    QByteArray latestVersion = "26.02.88404"; // latest-supported-version's answer
    FakeManager()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->readAll();
                    int code = status;
                    QByteArray body;
                    if (request.contains("/api/account/")) {
                        ++hits;
                        body = status == 200 ? "{\"status\":\"SUCCESS\"}" : "{}";
                    } else if (request.contains("/delegate-setup/listDelegates")) {
                        // The NG API's shape; the heartbeat is fresh when "connected".
                        ++listHits;
                        code = 200;
                        sawApiKey = sawApiKey || request.contains("x-api-key: " + apiKey);
                        const QByteArray now =
                            QByteArray::number(QDateTime::currentMSecsSinceEpoch());
                        QByteArray host = replicaHost;
                        if (host.isEmpty())
                            host = docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                                           QStringLiteral("{{.Config.Hostname}}"),
                                           QStringLiteral("docker-delegate")})
                                       .trimmed();
                        body = delegateListed
                                   ? "{\"resource\":[{\"name\":\"docker-delegate\",\"connected\":" +
                                         QByteArray(delegateConnected ? "true" : "false") +
                                         ",\"lastHeartBeat\":" + now +
                                         ",\"delegateReplicas\":[{\"hostName\":\"" + host +
                                         "\","
                                         "\"version\":\"25.03.85504\",\"connected\":true,"
                                         "\"lastHeartbeat\":" +
                                         now + "}]}]}"
                                   : "{\"resource\":[]}";
                    } else if (request.contains("/delegate-setup/latest-supported-version")) {
                        code = 200;
                        body = "{\"resource\":{\"latestSupportedVersion\":\"" + latestVersion +
                               "\",\"latestSupportedMinimalVersion\":\"" + latestVersion +
                               ".minimal\"}}";
                    } else {
                        return;
                    }
                    socket->write("HTTP/1.1 " + QByteArray::number(code) +
                                  " X\r\nContent-Type: application/json\r\nContent-Length: " +
                                  QByteArray::number(body.size()) +
                                  "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
};

} // namespace gs::test
