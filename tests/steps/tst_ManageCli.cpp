// Day two as users run it: `gitspaces-setup status|logs|upgrade-delegate` (the real binary)
// against TestSshd and the real dockerd with the stand-in images, on a VM `apply` set up. The
// delegate token is a canary: the upgrade keeps it without being given it, and it shows up in no
// output and no process's argv. Needs root.

#include "E2eSupport.h"

#include "plan/ConfigFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace gs;
using namespace gs::test;

namespace {

const QByteArray kCanary = "REFZVFdPLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI=";

CliRun cli(const QStringList &arguments, const QByteArray &stdinData = {},
           const QStringList &environment = {})
{
    CliRun run = runCli(QStringLiteral(GS_APP_BINARY), arguments, stdinData, environment);
    if (qEnvironmentVariableIsSet("GS_SHOW_CLI")) // what a user reads, to look at it
        qInfo().noquote() << "$ gitspaces-setup" << arguments.join(QLatin1Char(' ')) << '\n'
                          << run.out << run.err << "exit" << run.exitCode;
    return run;
}

QByteArray delegateEnv()
{
    return docker(
        {"inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", "docker-delegate"});
}

QString delegateImage()
{
    return QString::fromUtf8(docker({"inspect", "-f", "{{.Config.Image}}", "docker-delegate"}))
        .trimmed();
}

} // namespace

class tst_ManageCli : public QObject
{
    Q_OBJECT

private:
    QStringList with(const QString &command, const QStringList &more = {}) const
    {
        return QStringList{command, QStringLiteral("--config"), m_config,
                           QStringLiteral("--host-key-fingerprint"), m_sshd->hostKeyFingerprint()} +
               more;
    }
    QJsonObject statusJson(int *exitCode)
    {
        const CliRun run = cli(with(QStringLiteral("status"), {QStringLiteral("--json")}));
        *exitCode = run.exitCode;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning().noquote() << "not JSON:" << run.out << run.err;
        return doc.object();
    }

    DockerHostLock m_dockerLock;
    QTemporaryDir m_local;
    std::unique_ptr<TestSshd> m_sshd;
    std::unique_ptr<FakeManager> m_manager;
    QString m_config;
    QString m_pool;

private Q_SLOTS:
    void initTestCase()
    {
        GS_REQUIRE_REAL_PART(geteuid() == 0, "TestSshd and dockerd need root");
        QVERIFY2(m_dockerLock.acquire(), "the Docker host lock was not free within 15 min");
        QString error;
        QVERIFY2(prepareDocker(&error), qPrintable(error));
        qputenv("HOME", QFile::encodeName(m_local.path()));
        qunsetenv("SSH_AUTH_SOCK");
        TestSshd::Options options;
        options.dockerGroup = true;
        m_sshd = std::make_unique<TestSshd>(options);
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
        m_manager = std::make_unique<FakeManager>();
        m_manager->apiKey = "pat.manage-cli-key";

        // A pool file of our own, so a test can change it.
        m_pool = m_local.filePath(QStringLiteral("pool.yaml"));
        QVERIFY(QFile::copy(QStringLiteral(GS_TESTS_DIR "/data/pool.yaml"), m_pool));
        QFile::setPermissions(m_pool, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QString key = m_local.filePath(QStringLiteral("service-account-key.json"));
        QVERIFY(QFile::copy(QStringLiteral(GS_TESTS_DIR "/data/service-account-key.json"), key));
        SetupConfig config = loopbackConfig(*m_sshd, m_pool, key);
        config.delegate.manager = m_manager->url();
        m_config = m_local.filePath(QStringLiteral("setup.yaml"));
        ConfigFile::SaveOptions save;
        save.includeAccountId = true;
        QVERIFY2(ConfigFile::save(config, m_config, save, &error), qPrintable(error));
        resetDocker();
        const CliRun apply = cli(with(QStringLiteral("apply"), {QStringLiteral("--offline"),
                                                                QStringLiteral("--token-stdin")}),
                                 kCanary + '\n');
        QVERIFY2(apply.exitCode == 0, qPrintable(apply.out.right(1500) + apply.err));
    }
    void cleanupTestCase()
    {
        if (geteuid() == 0)
            resetDocker();
    }

    void statusHealthy()
    {
        const CliRun run = cli(with(QStringLiteral("status")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QLatin1String("registered with id")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("the same as the local file")));
        QVERIFY(run.out.contains(QLatin1String("not asked (no API key)")));
        // The stand-in tag 25.03 is long past Harness's six months: said, but not "down".
        QVERIFY2(run.out.contains(QLatin1String("Warning:")), qPrintable(run.out));
        QVERIFY(!(run.out + run.err).contains(QString::fromLatin1(kCanary)));

        int code = -1;
        const QJsonObject json = statusJson(&code);
        QCOMPARE(code, 0);
        QCOMPARE(json.value(QLatin1String("healthy")).toBool(), true);
        const QJsonObject runner = json.value(QLatin1String("runner")).toObject();
        QCOMPARE(runner.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(runner.value(QLatin1String("health_check")).toString(), QStringLiteral("OK"));
        QCOMPARE(runner.value(QLatin1String("label")).toString(), QStringLiteral("runner"));
        QVERIFY(runner.value(QLatin1String("image_id"))
                    .toString()
                    .startsWith(QLatin1String("sha256:")));
        QVERIFY(!runner.value(QLatin1String("started_at")).toString().isEmpty());
        const QJsonObject delegate = json.value(QLatin1String("delegate")).toObject();
        QCOMPARE(delegate.value(QLatin1String("registered")).toBool(), true);
        QCOMPARE(delegate.value(QLatin1String("health")).toString(), QStringLiteral("healthy"));
        QCOMPARE(delegate.value(QLatin1String("image_tag")).toString(),
                 QStringLiteral("25.03.85504"));
        QVERIFY(!delegate.value(QLatin1String("image_warning")).toString().isEmpty());
        const QJsonObject network = json.value(QLatin1String("network")).toObject();
        QVERIFY(network.value(QLatin1String("present")).toBool());
        QCOMPARE(network.value(QLatin1String("containers")).toArray().size(), 2);
        QCOMPARE(json.value(QLatin1String("pool")).toObject().value(QLatin1String("same")).toBool(),
                 true);
    }

    void statusAsksHarnessWithApiKey()
    {
        const int before = m_manager->listHits;
        const CliRun run = cli(with(QStringLiteral("status")), {},
                               {QStringLiteral("GITSPACES_HARNESS_API_KEY=") +
                                QString::fromLatin1(m_manager->apiKey)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(m_manager->listHits > before);
        QVERIFY(m_manager->sawApiKey);
        QVERIFY2(run.out.contains(QLatin1String("connected in Harness: yes")), qPrintable(run.out));
        QVERIFY(!(run.out + run.err).contains(QString::fromLatin1(m_manager->apiKey)));
    }

    void statusShowsThePoolDiff()
    {
        QFile file(m_pool);
        QVERIFY(file.open(QIODevice::Append));
        file.write("# edited locally\n");
        file.close();
        const CliRun run = cli(with(QStringLiteral("status")));
        QCOMPARE(run.exitCode, 0); // a difference is worth reading, not "down"
        QVERIFY2(run.out.contains(QLatin1String("differs from the local file")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("+# edited locally")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("@@ -")));
    }

    void statusNamesAStoppedRunner()
    {
        docker({"stop", "-t", "1", "vm-runner"});
        int code = -1;
        const QJsonObject json = statusJson(&code);
        QCOMPARE(code, 1);
        QCOMPARE(
            json.value(QLatin1String("runner")).toObject().value(QLatin1String("state")).toString(),
            QStringLiteral("exited"));
        const QString problems = json.value(QLatin1String("problems"))
                                     .toVariant()
                                     .toStringList()
                                     .join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QLatin1String("vm-runner")), qPrintable(problems));
        docker({"start", "vm-runner"});
    }

    void statusNamesAStoppedDelegate()
    {
        docker({"stop", "-t", "1", "docker-delegate"});
        const CliRun run = cli(with(QStringLiteral("status")));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.out.contains(QLatin1String("Problem: The delegate (docker-delegate) is exited")),
            qPrintable(run.out));
        docker({"start", "docker-delegate"});
    }

    void statusCannotConnect()
    {
        QTemporaryDir dir;
        SetupConfig config = ConfigFile::load(m_config).config;
        config.ssh.port = 1; // nothing listens there
        const QString path = dir.filePath(QStringLiteral("setup.yaml"));
        QString error;
        QVERIFY(ConfigFile::save(config, path, {}, &error));
        const CliRun run = cli({QStringLiteral("status"), QStringLiteral("--config"), path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    void logsOfBoth()
    {
        const CliRun runner = cli(with(QStringLiteral("logs"), {QStringLiteral("runner")}));
        QVERIFY2(runner.exitCode == 0, qPrintable(runner.out + runner.err));
        QVERIFY2(runner.out.contains(QLatin1String("starting the server")), qPrintable(runner.out));
        const CliRun delegate =
            cli(with(QStringLiteral("logs"), {QStringLiteral("delegate"), QStringLiteral("--tail"),
                                              QStringLiteral("1000")}));
        QVERIFY2(delegate.exitCode == 0, qPrintable(delegate.out + delegate.err));
        QVERIFY(delegate.out.contains(QLatin1String("Delegate registered with id")));
        QVERIFY(!delegate.out.contains(QString::fromLatin1(kCanary)));
        const CliRun bad = cli(with(QStringLiteral("logs"), {QStringLiteral("database")}));
        QCOMPARE(bad.exitCode, 2);
    }

    void followStopsOnInterrupt()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        process.setProcessEnvironment(env);
        process.start(
            QStringLiteral(GS_APP_BINARY),
            with(QStringLiteral("logs"), {QStringLiteral("delegate"), QStringLiteral("--follow"),
                                          QStringLiteral("--tail"), QStringLiteral("5")}));
        QVERIFY(process.waitForStarted());
        // The last lines come first; then it keeps following until interrupted.
        QTRY_VERIFY_WITH_TIMEOUT(
            process.bytesAvailable() > 0 || process.state() != QProcess::Running, 30000);
        QCOMPARE(process.state(), QProcess::Running);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void upgradeNeedsATagOrAKey()
    {
        const CliRun run = cli(with(QStringLiteral("upgrade-delegate"), {QStringLiteral("--yes")}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("--tag")), qPrintable(run.err));
        QCOMPARE(delegateImage(), standinDelegateImage());
    }

    void upgradeWithoutTerminalAsksForYes()
    {
        const CliRun run = cli(with(QStringLiteral("upgrade-delegate"),
                                    {QStringLiteral("--tag"), standinNextDelegateTag()}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("--yes")), qPrintable(run.err));
        QCOMPARE(delegateImage(), standinDelegateImage()); // left as it was
    }

    void upgradeKeepsTheToken()
    {
        const QByteArray before = delegateEnv();
        ProcessSampler sampler({kCanary}, 20);
        // No token given: it is read from the running container.
        const CliRun run =
            cli(with(QStringLiteral("upgrade-delegate"),
                     {QStringLiteral("--tag"), standinNextDelegateTag(), QStringLiteral("--yes")}));
        sampler.sample();
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QLatin1String("Upgraded")), qPrintable(run.out));
        QCOMPARE(delegateImage(),
                 QString(standinDelegateImage())
                     .replace(QStringLiteral("25.03.85504"), standinNextDelegateTag()));
        QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 1);
        // Name, account, tags, manager and token as before.
        const QByteArray after = delegateEnv();
        for (const QByteArray &key :
             {QByteArray("DELEGATE_NAME="), QByteArray("ACCOUNT_ID="), QByteArray("DELEGATE_TAGS="),
              QByteArray("MANAGER_HOST_AND_PORT="), QByteArray("DELEGATE_TOKEN=")}) {
            const auto value = [&key](const QByteArray &env) {
                for (const QByteArray &line : env.split('\n'))
                    if (line.startsWith(key))
                        return line;
                return QByteArray();
            };
            QVERIFY2(!value(before).isEmpty(), key.constData());
            QCOMPARE(value(after), value(before));
        }
        QVERIFY(after.contains("DELEGATE_TOKEN=" + kCanary)); // so the scans could have failed
        QVERIFY(docker({"logs", "docker-delegate"}).contains("Delegate registered with id"));
        // The canary: in no output and in no process's argv while it ran.
        QVERIFY(!(run.out + run.err).contains(QString::fromLatin1(kCanary)));
        QVERIFY(sampler.samples() > 5);
        QVERIFY2(sampler.hits().isEmpty(), qPrintable(sampler.hits().join(QLatin1Char('\n'))));

        // Again: nothing to do.
        const CliRun again =
            cli(with(QStringLiteral("upgrade-delegate"),
                     {QStringLiteral("--tag"), standinNextDelegateTag(), QStringLiteral("--yes")}));
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QVERIFY(again.out.contains(QLatin1String("Nothing to upgrade")));
    }

    void upgradeToHarnessLatest()
    {
        // Back to 25.03 by the tag Harness names as the latest (an API key is given).
        m_manager->latestVersion = "25.03.85504";
        const CliRun run =
            cli(with(QStringLiteral("upgrade-delegate"),
                     {QStringLiteral("--yes"), QStringLiteral("--harness-api-key-stdin")}),
                m_manager->apiKey + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QLatin1String("25.03.85504")), qPrintable(run.out));
        QCOMPARE(delegateImage(), standinDelegateImage());
        QVERIFY(delegateEnv().contains("DELEGATE_TOKEN=" + kCanary));
        QVERIFY(!(run.out + run.err).contains(QString::fromLatin1(m_manager->apiKey)));
    }

    void upgradeToAnImageThatCannotBePulledLeavesTheDelegate()
    {
        const QString id =
            QString::fromUtf8(docker({"inspect", "-f", "{{.Id}}", "docker-delegate"})).trimmed();
        const CliRun run = cli(with(
            QStringLiteral("upgrade-delegate"),
            {QStringLiteral("--tag"), QStringLiteral("99.01.00001"), QStringLiteral("--yes")}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("left as it is")), qPrintable(run.err));
        QCOMPARE(
            QString::fromUtf8(docker({"inspect", "-f", "{{.Id}}", "docker-delegate"})).trimmed(),
            id);
    }
};

QTEST_GUILESS_MAIN(tst_ManageCli)
#include "tst_ManageCli.moc"
