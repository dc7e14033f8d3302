// The whole `apply` on the loopback test host (TestSshd + the real dockerd + stand-in images),
// through the engine (SetupRun over SshSession, on the main thread as in the GUI), against a
// plain shell script that runs the same commands over one OpenSSH connection (`ssh … sh -s`),
// side by side from the same fresh state each round. Prints medians, the ratio (target ≤ 1.15),
// SSH handshakes per run (from the sshd log; target 1) and the longest main-thread stall
// (a 5 ms QTimer heartbeat; target ≤ 50 ms).
//
//   bench_apply [--rounds N]        needs root, docker.io, busybox-static, openssh-server

#include "E2eSupport.h"

#include "plan/ShellQuote.h"
#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace gs;
using namespace gs::steps;
using namespace gs::test;

namespace {

const QString kToken = QStringLiteral("Q0FOQVJZLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI=");
constexpr int kPollMs = 300;

int handshakes(const TestSshd &sshd)
{
    return int(sshd.log().count(QLatin1String("Accepted publickey for")));
}

void freshState(const SetupConfig &config)
{
    resetDocker();
    hostRun(QStringLiteral("rm"), {QStringLiteral("-rf"), config.runner.directory});
}

// Keeps the main thread's longest gap between 5 ms heartbeats.
class Heartbeat : public QObject
{
public:
    Heartbeat()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.start(5);
    }
    double worstStallMs() const { return std::max<qint64>(0, m_worst - 5000000) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

struct EngineRun
{
    bool ok = false;
    double seconds = 0;
    double stallMs = 0;
    QList<Transcript::Entry> entries;
    QByteArray pool, key;
};

EngineRun runEngine(TestSshd &sshd, const SetupConfig &config)
{
    EngineRun out;
    Heartbeat heartbeat;
    QElapsedTimer clock;
    clock.start();
    remote::SshSession session;
    if (!connectSession(session, connectOptions(sshd)).ok())
        return out;
    Transcript transcript;
    StepContext context(&session, config, &transcript);
    context.options().checkOutbound = false;
    context.options().pollIntervalMs = kPollMs;
    context.setToken(kToken);
    SetupRun run(&context, SetupRun::Mode::Apply);
    run.setAutoAnswer([](const Decision &d) { return std::optional<bool>(d.recommendAccept); });
    QSignalSpy finished(&run, &SetupRun::finished);
    run.start();
    finished.wait(300000);
    out.seconds = clock.nsecsElapsed() / 1e9;
    out.stallMs = heartbeat.worstStallMs();
    out.ok = !finished.isEmpty() && finished.first().first().toBool();
    out.entries = transcript.entries();
    out.pool = context.pool().content;
    out.key = context.pool().keyContent;
    return out;
}

// The same commands as one shell script: polls become loops with the same interval, inputs
// become here-documents (the token too: this is a benchmark, not the product).
QByteArray baselineScript(const EngineRun &run)
{
    // Probes may fail (that is what they find out); the commands that change things may not.
    QByteArray script = qEnvironmentVariableIsSet("GS_BENCH_TRACE") ? "set -x\n" : "";
    QString lastPoll;
    for (const Transcript::Entry &entry : run.entries) {
        if (entry.script.isEmpty())
            continue;
        const QByteArray text = entry.script.toUtf8();
        if (entry.commandId.endsWith(QLatin1String("-health"))) {
            if (entry.commandId == lastPoll)
                continue;
            lastPoll = entry.commandId;
            // The same condition the engine waits for.
            const QByteArray done =
                entry.commandId == QLatin1String("check.runner-health")
                    ? "*'@@health=OK'*"
                    : "*'@@state=running|healthy|'*'Delegate registered with id'*";
            script += "while :; do out=$( " + text + " ); case \"$out\" in " + done +
                      ") break;; esac; sleep " + QByteArray::number(kPollMs / 1000.0) + "; done\n";
            continue;
        }
        lastPoll.clear();
        if (entry.commandId == QLatin1String("runner.pool") ||
            entry.commandId == QLatin1String("runner.key")) {
            const QByteArray &content =
                entry.commandId == QLatin1String("runner.pool") ? run.pool : run.key;
            script += "( " + text + " ) <<'GS_BENCH_EOF' || exit 1\n" + content +
                      (content.endsWith('\n') ? "" : "\n") + "GS_BENCH_EOF\n";
            continue;
        }
        if (entry.commandId == QLatin1String("delegate.run")) {
            script += "( " + text +
                      " ) <<'GS_BENCH_EOF' || exit 1\nDELEGATE_TOKEN=" + kToken.toUtf8() +
                      "\nGS_BENCH_EOF\n";
            continue;
        }
        script += "( " + text + " ) >/dev/null" +
                  (entry.commandId.startsWith(QLatin1String("check.")) ? "" : " || exit 1") + "\n";
    }
    return script;
}

struct BaselineRun
{
    bool ok = false;
    double seconds = 0;
};

BaselineRun runBaseline(const TestSshd &sshd, const QByteArray &script, const QString &dir)
{
    const QString knownHosts = dir + QStringLiteral("/known_hosts");
    QFile file(knownHosts);
    if (file.open(QIODevice::WriteOnly))
        file.write(sshd.knownHostsLine().toUtf8() + '\n');
    file.close();
    QElapsedTimer clock;
    clock.start();
    QProcess ssh;
    ssh.setProcessChannelMode(QProcess::MergedChannels);
    ssh.start(QStringLiteral("ssh"),
              {QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-p"),
               QString::number(sshd.port()), QStringLiteral("-i"),
               sshd.clientKey(TestSshd::PlainKey), QStringLiteral("-o"),
               QStringLiteral("IdentitiesOnly=yes"), QStringLiteral("-o"),
               QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
               QStringLiteral("IdentityAgent=none"), QStringLiteral("-o"),
               QStringLiteral("UserKnownHostsFile=") + knownHosts,
               sshd.user() + QStringLiteral("@") + sshd.host(), QStringLiteral("sh -s")});
    ssh.write(script);
    ssh.closeWriteChannel();
    ssh.waitForFinished(300000);
    BaselineRun out;
    out.seconds = clock.nsecsElapsed() / 1e9;
    out.ok = ssh.exitStatus() == QProcess::NormalExit && ssh.exitCode() == 0;
    const QByteArray output = ssh.readAll();
    if (!out.ok)
        std::printf("shell script failed (exit %d):\n%s\n", ssh.exitCode(),
                    output.right(2000).constData());
    return out;
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
    int rounds = 3;
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--rounds")));
    if (at > 0 && at + 1 < args.size())
        rounds = std::max(1, args.at(at + 1).toInt());
    if (geteuid() != 0) {
        std::printf("bench_apply: needs root (TestSshd, dockerd); skipped\n");
        return 0;
    }
    DockerHostLock dockerLock;
    if (!dockerLock.acquire()) {
        std::printf("bench_apply: the Docker host lock was not free\n");
        return 1;
    }
    QTemporaryDir local;
    qputenv("HOME", QFile::encodeName(local.path()));
    qunsetenv("SSH_AUTH_SOCK");
    QString error;
    if (!prepareDocker(&error)) {
        std::printf("bench_apply: docker: %s\n", qPrintable(error));
        return 1;
    }
    TestSshd::Options options;
    options.dockerGroup = true;
    TestSshd sshd(options);
    if (!sshd.start(&error)) {
        std::printf("bench_apply: sshd: %s\n", qPrintable(error));
        return 1;
    }
    SetupConfig config;
    config.ssh.host = sshd.host();
    config.ssh.port = sshd.port();
    config.ssh.user = sshd.user();
    config.runner.poolFile = QStringLiteral(GS_TESTS_DIR "/steps/data/pool.yaml");
    config.runner.serviceAccountKey =
        QStringLiteral(GS_TESTS_DIR "/steps/data/service-account-key.json");
    config.runner.directory = sshd.homeDir() + QStringLiteral("/runner");
    config.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
    config.delegate.memory = QStringLiteral("256m");

    // Warm-up (page cache, image layers), not counted.
    freshState(config);
    EngineRun warm = runEngine(sshd, config);
    if (!warm.ok) {
        std::printf("bench_apply: the engine's warm-up run failed\n");
        return 1;
    }
    const QByteArray script = baselineScript(warm);
    if (qEnvironmentVariableIsSet("GS_BENCH_DUMP")) {
        QFile dump(qEnvironmentVariable("GS_BENCH_DUMP"));
        if (dump.open(QIODevice::WriteOnly))
            dump.write(script);
    }

    QList<double> engine, baseline, stalls;
    QList<int> engineHandshakes, baselineHandshakes;
    bool allOk = true;
    for (int round = 0; round < rounds; ++round) {
        freshState(config);
        int before = handshakes(sshd);
        const EngineRun e = runEngine(sshd, config);
        engineHandshakes << handshakes(sshd) - before;
        freshState(config);
        before = handshakes(sshd);
        const BaselineRun b = runBaseline(sshd, script, local.path());
        baselineHandshakes << handshakes(sshd) - before;
        allOk = allOk && e.ok && b.ok;
        engine << e.seconds;
        baseline << b.seconds;
        stalls << e.stallMs;
        std::printf("round %d: engine %.2f s (%s), shell script %.2f s (%s), stall %.1f ms\n",
                    round + 1, e.seconds, e.ok ? "ok" : "FAILED", b.seconds, b.ok ? "ok" : "FAILED",
                    e.stallMs);
        std::fflush(stdout);
    }
    freshState(config);
    const double e = median(engine), b = median(baseline);
    std::printf("\napply on the loopback host, median of %d rounds\n", rounds);
    std::printf("  engine (SetupRun over SshSession):      %.2f s\n", e);
    std::printf("  shell script over one OpenSSH session:  %.2f s\n", b);
    std::printf("  ratio engine/script:                    %.3f   (target <= 1.15)\n",
                b > 0 ? e / b : 0.0);
    std::printf("  SSH handshakes per engine run:          %d   (target 1)\n",
                *std::max_element(engineHandshakes.begin(), engineHandshakes.end()));
    std::printf("  SSH handshakes per script run:          %d\n",
                *std::max_element(baselineHandshakes.begin(), baselineHandshakes.end()));
    std::printf("  longest main-thread stall:              %.1f ms   (target <= 50)\n",
                *std::max_element(stalls.begin(), stalls.end()));
    std::printf("  commands in a run:                      %d\n", int(warm.entries.size()));
    return allOk ? 0 : 1;
}
