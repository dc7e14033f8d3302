// `gitspaces-setup init-from-terraform`: the real binary against the stand-in terraform and
// gcloud. Bad folders give a message naming the file or the choice and write no config; a good
// one gives a config that `check` takes as it is, over the IAP stand-in to a real sshd (root).

#include "../remote/FakeGcloud.h"
#include "FakeTerraform.h"
#include "RealParts.h"
#include "TestSshd.h"

#include "plan/ConfigFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace gs;
using gs::test::FakeGcloud;
using gs::test::FakeTerraform;
using gs::test::TestSshd;

namespace {

struct Run
{
    int exitCode = -1;
    QString out, err;
    QString all() const { return out + err; }
};

Run runApp(const QStringList &arguments, const QString &logname = QStringLiteral("jane"))
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain needed or wanted
    env.insert(QStringLiteral("LOGNAME"), logname);
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("GS_APP_BINARY"), arguments);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Run initFrom(const FakeTerraform &tf, const QStringList &extra = {},
             const QString &logname = QStringLiteral("jane"))
{
    return runApp(QStringList{QStringLiteral("init-from-terraform"), tf.folder(),
                              QStringLiteral("--config"),
                              tf.workPath(QStringLiteral("setup.yaml"))} +
                      extra,
                  logname);
}

// The module's folder with its key next to main.tf, and runner VMs in `regions`.
void moduleFolder(const FakeTerraform &tf, const QStringList &regions)
{
    tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
    FakeTerraform::write(tf.inFolder(QStringLiteral("service-account-key.json")),
                         FakeTerraform::serviceAccountKey());
    tf.answer(QStringLiteral("show.json"), FakeTerraform::showJson(regions));
}

} // namespace

class TestCliTerraform : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("GS_APP_BINARY"))); }

    void helpAndUsage()
    {
        const Run help = runApp({QStringLiteral("init-from-terraform"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QLatin1String("Usage: gitspaces-setup init-from-terraform "
                                                   "DIR --config FILE [--vm NAME]")),
                 qPrintable(help.out));
        QCOMPARE(runApp({QStringLiteral("init-from-terraform"), QStringLiteral("/tmp")}).exitCode,
                 2);
        const Run top = runApp({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QLatin1String("init-from-terraform DIR --config FILE")));
    }

    void notATerraformFolder()
    {
        FakeTerraform tf;
        FakeTerraform::write(tf.inFolder(QStringLiteral("pool.yaml")), "version: \"1\"\n");
        const Run run = initFrom(tf);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(tf.folder() + QStringLiteral(" is not a Terraform folder")),
                 qPrintable(run.all()));
        QVERIFY(run.err.contains(QLatin1String("No config written.")));
        QVERIFY(!QFile::exists(tf.workPath(QStringLiteral("setup.yaml"))));
    }

    void noState()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
        const Run run = initFrom(tf);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("Terraform has no state in ") + tf.folder()),
                 qPrintable(run.all()));
        QVERIFY(!QFile::exists(tf.workPath(QStringLiteral("setup.yaml"))));
    }

    void severalVmsWithoutVm()
    {
        FakeTerraform tf;
        moduleFolder(tf, {QStringLiteral("us-west1"), QStringLiteral("europe-west4")});
        Run run = initFrom(tf);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("mygs-us-west1-runner-vm, "
                                                "mygs-europe-west4-runner-vm")),
                 qPrintable(run.all()));
        QVERIFY(run.err.contains(QLatin1String("--vm NAME")));
        QVERIFY(!QFile::exists(tf.workPath(QStringLiteral("setup.yaml"))));
        run = initFrom(tf, {QStringLiteral("--vm"), QStringLiteral("mygs-asia-runner-vm")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("no runner VM named mygs-asia-runner-vm")),
                 qPrintable(run.all()));
        QVERIFY(!QFile::exists(tf.workPath(QStringLiteral("setup.yaml"))));
        run = initFrom(tf, {QStringLiteral("--vm"), QStringLiteral("mygs-europe-west4-runner-vm")});
        QCOMPARE(run.exitCode, 0);
        const ConfigFile::LoadResult loaded =
            ConfigFile::load(tf.workPath(QStringLiteral("setup.yaml")));
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        QVERIFY2(loaded.config.ssh.gcloudCommand.contains(
                     QLatin1String("--zone europe-west4-a mygs-europe-west4-runner-vm "
                                   "--tunnel-through-iap --project my-proj")),
                 qPrintable(loaded.config.ssh.gcloudCommand));
    }

    void aKeyPathThatDoesNotExist()
    {
        FakeTerraform tf;
        moduleFolder(tf, {QStringLiteral("us-west1")});
        QFile::remove(tf.inFolder(QStringLiteral("service-account-key.json")));
        const Run run = initFrom(tf);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("The key file ") +
                                  tf.inFolder(QStringLiteral("service-account-key.json")) +
                                  QLatin1String(" does not exist")),
                 qPrintable(run.all()));
        QVERIFY(!QFile::exists(tf.workPath(QStringLiteral("setup.yaml"))));
    }

    void theOutputWhenPoolYamlIsMissing()
    {
        FakeTerraform tf;
        moduleFolder(tf, {QStringLiteral("us-west1")});
        QFile::remove(tf.inFolder(QStringLiteral("pool.yaml")));
        const QByteArray yaml = FakeTerraform::poolYaml(QStringLiteral("service-account-key.json"));
        tf.answer(QStringLiteral("outputs.json"),
                  "{\"instance_yaml\": {\"sensitive\": false, \"type\": \"string\", \"value\": " +
                      QJsonDocument(QJsonArray{QString::fromUtf8(yaml)})
                          .toJson(QJsonDocument::Compact)
                          .mid(1)
                          .chopped(1) +
                      "}}");
        const Run run = initFrom(tf);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(FakeTerraform::read(tf.workPath(QStringLiteral("pool.yaml"))), yaml);
        const ConfigFile::LoadResult loaded =
            ConfigFile::load(tf.workPath(QStringLiteral("setup.yaml")));
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        QCOMPARE(loaded.config.runner.poolFile, tf.workPath(QStringLiteral("pool.yaml")));
        // json_path was relative to the Terraform folder: the key is found there all the same.
        QCOMPARE(loaded.config.runner.serviceAccountKey,
                 tf.inFolder(QStringLiteral("service-account-key.json")));
    }

    // The whole way: the folder as Terraform leaves it → init-from-terraform → check over the
    // IAP stand-in against the real sshd, logging in as the user gcloud would (LOGNAME).
    void initThenCheckThroughIap()
    {
        GS_REQUIRE_REAL_PART(geteuid() == 0, "TestSshd needs root");
        QTemporaryDir home;
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", QFile::encodeName(home.path()));
        qunsetenv("SSH_AUTH_SOCK");
        auto restoreHome = qScopeGuard([&] { qputenv("HOME", oldHome); });
        TestSshd sshd;
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));
        QDir().mkpath(home.filePath(QStringLiteral(".ssh")));
        const QString gcloudKey = home.filePath(QStringLiteral(".ssh/google_compute_engine"));
        for (const QString &suffix : {QString(), QStringLiteral(".pub")})
            QVERIFY(QFile::copy(sshd.clientKey(TestSshd::PlainKey) + suffix, gcloudKey + suffix));
        QFile::setPermissions(gcloudKey, QFile::ReadOwner | QFile::WriteOwner);

        FakeTerraform tf;
        moduleFolder(tf, {QStringLiteral("us-west1")});
        FakeGcloud gcloud(sshd.port());
        gcloud.answer(QStringLiteral("instance.json"),
                      FakeGcloud::instanceJson(QStringLiteral("FALSE"), {}));

        const Run init = initFrom(tf, {}, sshd.user());
        QCOMPARE(init.exitCode, 0);
        QVERIFY2(init.out.contains(QLatin1String("Found: Runner VM: mygs-us-west1-runner-vm")),
                 qPrintable(init.all()));
        QVERIFY2(init.out.contains(QStringLiteral("Found: User: %1").arg(sshd.user())),
                 qPrintable(init.out));
        const QString config = tf.workPath(QStringLiteral("setup.yaml"));
        // Referenced, never copied: the config names the key where Terraform left it.
        const ConfigFile::LoadResult loaded = ConfigFile::load(config);
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        QCOMPARE(loaded.config.runner.serviceAccountKey,
                 tf.inFolder(QStringLiteral("service-account-key.json")));
        QCOMPARE(loaded.config.runner.poolFile, tf.inFolder(QStringLiteral("pool.yaml")));
        QCOMPARE(loaded.config.ssh.user, sshd.user());
        QVERIFY(!FakeTerraform::read(config).contains("STANDIN"));
        QCOMPARE(QDir(tf.workPath({})).entryList(QDir::Files),
                 QStringList{QStringLiteral("setup.yaml")});

        const Run check =
            runApp({QStringLiteral("check"), QStringLiteral("--config"), config,
                    QStringLiteral("--offline"), QStringLiteral("--host-key-fingerprint"),
                    sshd.hostKeyFingerprint()},
                   QStringLiteral("someone-else"));
        QVERIFY2(
            check.out.contains(
                QStringLiteral("Connecting to %1@mygs-us-west1-runner-vm (IAP)").arg(sshd.user())),
            qPrintable(check.all()));
        QVERIFY2(check.out.contains(QLatin1String("Connected (host key")), qPrintable(check.all()));
        QVERIFY(gcloud.read(QStringLiteral("iap-args"))
                    .startsWith("compute start-iap-tunnel mygs-us-west1-runner-vm 22 "));
    }
};

QTEST_GUILESS_MAIN(TestCliTerraform)
#include "tst_CliTerraform.moc"
