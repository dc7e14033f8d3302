// Issue 14: `gitspaces-setup export-ansible`, run with Debian's real ansible-playbook against
// TestSshd and the real dockerd with the stand-in images. The first run sets the host up, the
// second changes nothing; the token canary is in no process's argv, no output and no exported
// file. A two-host inventory passes --syntax-check, ansible-inventory --graph and ansible-lint
// (offline). Needs root.

#include "E2eSupport.h"

#include "plan/ConfigFile.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace gs;
using namespace gs::test;

namespace {

const QByteArray kCanary = "Q0FOQVJZLWFuc2libGUtY2FuYXJ5LTAxMjM0NTY3OGE=";

struct Run
{
    int exitCode = -1;
    QString out;
};

// A program in `dir` with `environment` added, its output merged; the event loop runs meanwhile
// (the ProcessSampler samples).
Run runIn(const QString &dir, const QString &program, const QStringList &arguments,
          const QStringList &environment = {}, int timeoutMs = 180000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GITSPACES_DELEGATE_TOKEN"));
    env.insert(QStringLiteral("ANSIBLE_NOCOLOR"), QStringLiteral("1"));
    for (const QString &pair : environment)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAll());
    return run;
}

// "changed=N" of `host` in the play recap, or -1.
int changedCount(const QString &output, const QString &host)
{
    const QRegularExpression recap(
        QRegularExpression::escape(host) +
        QStringLiteral(R"(\s*:\s*ok=\d+\s+changed=(\d+)\s+unreachable=0\s+failed=0)"));
    const QRegularExpressionMatch match = recap.match(output);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QString containerId(const QString &name)
{
    return QString::fromLatin1(
        docker({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Id}}"), name})
            .trimmed());
}

} // namespace

class tst_AnsibleEndToEnd : public QObject
{
    Q_OBJECT

private:
    DockerHostLock m_dockerLock;
    QTemporaryDir m_local;
    std::unique_ptr<TestSshd> m_sshd;
    QString m_config;
    QString m_out;
    QStringList m_sshEnvironment;

    Run playbook(const QStringList &extra, ProcessSampler *sampler)
    {
        Q_UNUSED(sampler); // samples while the event loop runs
        QStringList env = m_sshEnvironment;
        env << QStringLiteral("GITSPACES_DELEGATE_TOKEN=") + QString::fromLatin1(kCanary);
        const Run run = runIn(m_out, QStringLiteral("ansible-playbook"),
                              QStringList{QStringLiteral("site.yml")} + extra, env);
        if (qEnvironmentVariableIsSet("GS_SHOW_ANSIBLE"))
            qInfo().noquote() << run.out;
        return run;
    }

    void verifyNoCanary(const QString &output)
    {
        QVERIFY(!output.contains(QString::fromLatin1(kCanary)));
        int scanned = 0;
        const QStringList found = filesContaining(m_out, kCanary, &scanned);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char(' '))));
        QVERIFY(scanned >= 7);
    }

private Q_SLOTS:
    void initTestCase()
    {
        GS_REQUIRE_REAL_PART(geteuid() == 0, "TestSshd and dockerd need root");
        GS_REQUIRE_REAL_PART(
            !QStandardPaths::findExecutable(QStringLiteral("ansible-playbook")).isEmpty(),
            "ansible-playbook is not installed (scripts/install-deps.sh installs it)");
        QVERIFY2(m_dockerLock.acquire(), "the Docker host lock was not free within 15 min");
        QString error;
        QVERIFY2(prepareDocker(&error), qPrintable(error));
        qputenv("HOME", QFile::encodeName(m_local.path()));
        qunsetenv("SSH_AUTH_SOCK");
        TestSshd::Options options;
        options.dockerGroup = true;
        m_sshd = std::make_unique<TestSshd>(options);
        QVERIFY2(m_sshd->start(&error), qPrintable(error));

        // ssh trusts the test server's host key through a known_hosts file of its own.
        const QString knownHosts = m_local.filePath(QStringLiteral("known_hosts"));
        QFile file(knownHosts);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_sshd->knownHostsLine().toUtf8() + '\n');
        file.close();
        m_sshEnvironment = {QStringLiteral("ANSIBLE_SSH_COMMON_ARGS=-o UserKnownHostsFile=") +
                            knownHosts + QStringLiteral(" -o IdentitiesOnly=yes")};

        SetupConfig config;
        config.ssh.host = m_sshd->host();
        config.ssh.port = m_sshd->port();
        config.ssh.user = m_sshd->user();
        config.ssh.identityFile = m_sshd->clientKey(TestSshd::PlainKey);
        config.ssh.sudo = false; // the user is in the docker group and owns its home
        config.runner.poolFile = QStringLiteral(GS_TESTS_DIR "/data/pool.yaml");
        config.runner.serviceAccountKey =
            QStringLiteral(GS_TESTS_DIR "/data/service-account-key.json");
        config.runner.directory = m_sshd->homeDir() + QStringLiteral("/runner");
        config.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
        config.delegate.memory = QStringLiteral("256m");
        m_config = m_local.filePath(QStringLiteral("vm-a.yaml"));
        ConfigFile::SaveOptions save;
        save.includeAccountId = true;
        QVERIFY2(ConfigFile::save(config, m_config, save, &error), qPrintable(error));
        config.ssh.host = QStringLiteral("vm-b.example");
        QVERIFY2(
            ConfigFile::save(config, m_local.filePath(QStringLiteral("vm-b.yaml")), save, &error),
            qPrintable(error));
        m_out = m_local.filePath(QStringLiteral("ansible"));
        resetDocker();
    }
    void cleanupTestCase()
    {
        if (geteuid() == 0)
            resetDocker();
    }

    void twoHostsPassTheChecks()
    {
        const QString out = m_local.filePath(QStringLiteral("two"));
        const CliRun exported =
            runCli(QStringLiteral(GS_APP_BINARY),
                   {QStringLiteral("export-ansible"), QStringLiteral("--config"), m_config,
                    QStringLiteral("--config"), m_local.filePath(QStringLiteral("vm-b.yaml")),
                    QStringLiteral("--out"), out});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.out + exported.err));
        const Run syntax = runIn(out, QStringLiteral("ansible-playbook"),
                                 {QStringLiteral("site.yml"), QStringLiteral("--syntax-check")});
        QVERIFY2(syntax.exitCode == 0, qPrintable(syntax.out));
        const Run graph =
            runIn(out, QStringLiteral("ansible-inventory"), {QStringLiteral("--graph")});
        QVERIFY2(graph.exitCode == 0, qPrintable(graph.out));
        QVERIFY2(graph.out.contains(QLatin1String("@gitspaces_runners:")) &&
                     graph.out.contains(QLatin1String("--vm-a")) &&
                     graph.out.contains(QLatin1String("--vm-b")),
                 qPrintable(graph.out));
        // Offline (the folder's .ansible-lint says so too): no schema download, no galaxy.
        const Run lint = runIn(out, QStringLiteral("ansible-lint"),
                               {QStringLiteral("--offline"), QStringLiteral("--nocolor")});
        QVERIFY2(lint.exitCode == 0, qPrintable(lint.out));
    }

    void firstRunSetsTheHostUp()
    {
        const CliRun exported =
            runCli(QStringLiteral(GS_APP_BINARY),
                   {QStringLiteral("export-ansible"), QStringLiteral("--config"), m_config,
                    QStringLiteral("--out"), m_out});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.out + exported.err));
        ProcessSampler sampler({kCanary});
        const Run run = playbook({}, &sampler);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out));
        QVERIFY2(changedCount(run.out, QStringLiteral("vm-a")) > 0, qPrintable(run.out));
        QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
        QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 1);
        QCOMPARE(networkCount(QStringLiteral("harness")), 1);
        QCOMPARE(hostRun(QStringLiteral("curl"),
                         {QStringLiteral("-fsS"), QStringLiteral("-m"), QStringLiteral("3"),
                          QStringLiteral("--noproxy"), QStringLiteral("*"),
                          QStringLiteral("http://127.0.0.1:3000/healthz")})
                     .trimmed(),
                 QByteArray("OK"));
        const QByteArray logs = docker({QStringLiteral("logs"), QStringLiteral("docker-delegate")});
        QVERIFY2(logs.contains("Delegate registered with id"), logs.constData());
        // pool.yaml went up as exported, readable by its owner only.
        const QString pool = m_sshd->homeDir() + QStringLiteral("/runner/pool.yaml");
        QFile uploaded(pool);
        QVERIFY(uploaded.open(QIODevice::ReadOnly));
        QFile exportedPool(m_out + QStringLiteral("/pools/vm-a.yaml"));
        QVERIFY(exportedPool.open(QIODevice::ReadOnly));
        QCOMPARE(uploaded.readAll(), exportedPool.readAll());
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(pool).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        QVERIFY(
            QFile::exists(m_sshd->homeDir() + QStringLiteral("/runner/service-account-key.json")));

        QVERIFY(sampler.samples() > 10);
        QVERIFY2(sampler.hits().isEmpty(), qPrintable(sampler.hits().join(QLatin1Char('\n'))));
        verifyNoCanary(run.out);
    }

    void secondRunChangesNothing()
    {
        const QString runner = containerId(QStringLiteral("vm-runner"));
        const QString delegate = containerId(QStringLiteral("docker-delegate"));
        QVERIFY(!runner.isEmpty() && !delegate.isEmpty());
        ProcessSampler sampler({kCanary});
        const Run run = playbook({}, &sampler);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out));
        QVERIFY2(changedCount(run.out, QStringLiteral("vm-a")) == 0, qPrintable(run.out));
        QCOMPARE(containerId(QStringLiteral("vm-runner")), runner);
        QCOMPARE(containerId(QStringLiteral("docker-delegate")), delegate);

        // --check --diff on the set-up host: runs, and would change nothing either.
        const Run check = playbook({QStringLiteral("--check"), QStringLiteral("--diff")}, &sampler);
        QVERIFY2(check.exitCode == 0, qPrintable(check.out));
        QVERIFY2(changedCount(check.out, QStringLiteral("vm-a")) == 0, qPrintable(check.out));
        QVERIFY2(sampler.hits().isEmpty(), qPrintable(sampler.hits().join(QLatin1Char('\n'))));
        verifyNoCanary(run.out + check.out);
    }
};

QTEST_GUILESS_MAIN(tst_AnsibleEndToEnd)
#include "tst_AnsibleEndToEnd.moc"
