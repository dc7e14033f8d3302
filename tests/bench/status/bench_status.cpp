// `gitspaces-setup status` on the loopback test host (TestSshd + the real dockerd + stand-in
// images, set up once by the engine) against one OpenSSH connection running `docker ps` and
// `docker inspect` of both containers, side by side, alternating, as processes both. Prints the
// medians and the ratio (target <= 1.3), and the in-process StatusJob (connect + one round trip)
// for reference.
//
//   bench_status [--rounds N]        needs root, docker.io, busybox-static, openssh-server

#include "E2eSupport.h"

#include "manage/StatusJob.h"
#include "plan/ConfigFile.h"
#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace gs;
using namespace gs::test;

namespace {

const QString kToken = QStringLiteral("QkVOQ0gtc3RhdHVzLXRva2VuLTAxMjM0NTY3ODlhYmM=");

bool setUp(TestSshd &sshd, const SetupConfig &config)
{
    remote::SshSession session;
    if (!connectSession(session, connectOptions(sshd)).ok())
        return false;
    steps::Transcript transcript;
    steps::StepContext context(&session, config, &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = 200;
    context.setToken(kToken);
    steps::SetupRun run(&context, steps::SetupRun::Mode::Apply);
    run.setAutoAnswer(
        [](const steps::Decision &d) { return std::optional<bool>(d.recommendAccept); });
    QSignalSpy finished(&run, &steps::SetupRun::finished);
    run.start();
    return finished.wait(300000) && finished.first().first().toBool();
}

double timeProcess(const QString &program, const QStringList &arguments, int *exitCode)
{
    QElapsedTimer clock;
    clock.start();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    process.waitForFinished(120000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (*exitCode != 0)
        std::printf("%s failed (%d):\n%s\n", qPrintable(program), *exitCode,
                    process.readAll().right(1500).constData());
    return seconds;
}

double statusJobSeconds(TestSshd &sshd, const SetupConfig &config, bool *healthy)
{
    QElapsedTimer clock;
    clock.start();
    remote::SshSession session;
    if (!connectSession(session, connectOptions(sshd)).ok())
        return 0;
    steps::StepContext context(&session, config, nullptr);
    manage::StatusJob job(&context);
    QSignalSpy finished(&job, &steps::StepJob::finished);
    job.start();
    finished.wait(60000);
    *healthy = job.status().problems().isEmpty();
    return clock.nsecsElapsed() / 1e9;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("gs.*.info=false"));
    int rounds = 15;
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--rounds")));
    if (at > 0 && at + 1 < args.size())
        rounds = std::max(1, args.at(at + 1).toInt());
    if (geteuid() != 0) {
        std::printf("bench_status: needs root (TestSshd, dockerd); skipped\n");
        return 0;
    }
    DockerHostLock dockerLock;
    if (!dockerLock.acquire()) {
        std::printf("bench_status: the Docker host lock was not free\n");
        return 1;
    }
    QTemporaryDir local;
    qputenv("HOME", QFile::encodeName(local.path()));
    qunsetenv("SSH_AUTH_SOCK");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keychain to ask: the VM alone is measured
    QString error;
    if (!prepareDocker(&error)) {
        std::printf("bench_status: docker: %s\n", qPrintable(error));
        return 1;
    }
    TestSshd::Options options;
    options.dockerGroup = true;
    TestSshd sshd(options);
    if (!sshd.start(&error)) {
        std::printf("bench_status: sshd: %s\n", qPrintable(error));
        return 1;
    }
    const SetupConfig config =
        loopbackConfig(sshd, QStringLiteral(GS_TESTS_DIR "/steps/data/pool.yaml"),
                       QStringLiteral(GS_TESTS_DIR "/steps/data/service-account-key.json"));
    resetDocker();
    if (!setUp(sshd, config)) {
        std::printf("bench_status: setting up the VM failed\n");
        return 1;
    }
    const QString configFile = local.filePath(QStringLiteral("setup.yaml"));
    ConfigFile::SaveOptions save;
    save.includeAccountId = true;
    if (!ConfigFile::save(config, configFile, save, &error)) {
        std::printf("bench_status: %s\n", qPrintable(error));
        return 1;
    }
    const QString knownHosts = local.filePath(QStringLiteral("known_hosts"));
    QFile file(knownHosts);
    if (file.open(QIODevice::WriteOnly))
        file.write(sshd.knownHostsLine().toUtf8() + '\n');
    file.close();
    const QStringList sshArgs = {
        QStringLiteral("-F"),
        QStringLiteral("/dev/null"),
        QStringLiteral("-p"),
        QString::number(sshd.port()),
        QStringLiteral("-i"),
        sshd.clientKey(TestSshd::PlainKey),
        QStringLiteral("-o"),
        QStringLiteral("IdentitiesOnly=yes"),
        QStringLiteral("-o"),
        QStringLiteral("BatchMode=yes"),
        QStringLiteral("-o"),
        QStringLiteral("IdentityAgent=none"),
        QStringLiteral("-o"),
        QStringLiteral("UserKnownHostsFile=") + knownHosts,
        sshd.user() + QStringLiteral("@") + sshd.host(),
        QStringLiteral("docker ps && docker inspect vm-runner docker-delegate >/dev/null")};
    const QStringList statusArgs = {QStringLiteral("status"), QStringLiteral("--config"),
                                    configFile, QStringLiteral("--host-key-fingerprint"),
                                    sshd.hostKeyFingerprint()};

    // Warm-up, not counted.
    int code = 0;
    timeProcess(QStringLiteral("ssh"), sshArgs, &code);
    timeProcess(QStringLiteral(GS_APP_BINARY), statusArgs, &code);

    QList<double> cli, ssh, job;
    bool allOk = true;
    for (int round = 0; round < rounds; ++round) {
        int cliCode = 0;
        int sshCode = 0;
        bool healthy = false;
        cli << timeProcess(QStringLiteral(GS_APP_BINARY), statusArgs, &cliCode);
        ssh << timeProcess(QStringLiteral("ssh"), sshArgs, &sshCode);
        job << statusJobSeconds(sshd, config, &healthy);
        allOk = allOk && cliCode == 0 && sshCode == 0 && healthy;
    }
    resetDocker();
    const double c = median(cli), s = median(ssh), j = median(job);
    std::printf("status on the loopback host, median of %d rounds\n", rounds);
    std::printf("  gitspaces-setup status (process):           %.3f s\n", c);
    std::printf("  ssh: docker ps + docker inspect (process):  %.3f s\n", s);
    std::printf("  ratio status/ssh:                           %.3f   (target <= 1.3)\n",
                s > 0 ? c / s : 0.0);
    std::printf("  StatusJob in process (connect + probe):     %.3f s\n", j);
    return allOk ? 0 : 1;
}
