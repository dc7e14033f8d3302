// `gitspaces-setup check` with a pasted gcloud command: the real binary, the stand-in gcloud
// (FakeGcloud.h) and a real sshd behind the IAP bridge. The CLI decides the login the way the
// wizard does (ResolveConnectJob), says what it decided, and gives gcloud's advice for a refused
// key. Needs root (TestSshd).

#include "FakeGcloud.h"
#include "RealParts.h"
#include "TestSshd.h"

#include "plan/ConfigFile.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace gs;
using gs::test::FakeGcloud;
using gs::test::TestSshd;

class TestCliGcloud : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out, err;
    };
    std::unique_ptr<TestSshd> m_sshd;
    QTemporaryDir m_home;
    QString m_config;

    Run check(const QProcessEnvironment &extra = {}) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : extra.keys())
            env.insert(name, extra.value(name));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain needed or wanted
        env.insert(QStringLiteral("LOGNAME"), QStringLiteral("jane"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("GS_APP_BINARY"),
                {QStringLiteral("check"), QStringLiteral("--config"), m_config,
                 QStringLiteral("--offline"), QStringLiteral("--host-key-fingerprint"),
                 m_sshd->hostKeyFingerprint()});
        p.closeWriteChannel();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    void installGcloudKey(TestSshd::ClientKey key) const
    {
        const QString target = m_home.filePath(QStringLiteral(".ssh/google_compute_engine"));
        for (const QString &suffix : {QString(), QStringLiteral(".pub")}) {
            QFile::remove(target + suffix);
            QFile::copy(m_sshd->clientKey(key) + suffix, target + suffix);
        }
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    }

private Q_SLOTS:
    void initTestCase()
    {
        GS_REQUIRE_REAL_PART(geteuid() == 0, "TestSshd needs root");
        QVERIFY(QFile::exists(qEnvironmentVariable("GS_APP_BINARY")));
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qunsetenv("SSH_AUTH_SOCK");
        QDir().mkpath(m_home.filePath(QStringLiteral(".ssh")));
        m_sshd = std::make_unique<TestSshd>();
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));

        SetupConfig config;
        config.ssh.gcloudCommand = QStringLiteral("gcloud compute ssh --zone \"us-west1-a\" "
                                                  "\"gs-runner-vm\" --tunnel-through-iap "
                                                  "--project \"my-proj\"");
        config.runner.poolFile = QStringLiteral(GS_SOURCE_DIR "/tests/steps/data/pool.yaml");
        config.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
        m_config = m_home.filePath(QStringLiteral("setup.yaml"));
        ConfigFile::SaveOptions save;
        save.includeAccountId = true;
        QVERIFY2(ConfigFile::save(config, m_config, save, &error), qPrintable(error));
    }

    void checkConnectsAsTheOsLoginUserThroughIap()
    {
        FakeGcloud gcloud(m_sshd->port());
        gcloud.answer(QStringLiteral("instance.json"),
                      FakeGcloud::instanceJson(QStringLiteral("TRUE"), {}));
        QFile pub(m_sshd->clientKey(TestSshd::PlainKey) + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        gcloud.answer(QStringLiteral("profile.json"),
                      FakeGcloud::profileJson(m_sshd->user(), {}, pub.readAll()));
        installGcloudKey(TestSshd::PlainKey);
        const Run run = check();
        QVERIFY2(
            run.out.contains(QStringLiteral("User: %1 (your OS Login user").arg(m_sshd->user())),
            qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QLatin1String("Key: ~/.ssh/google_compute_engine")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("Route: through IAP")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QLatin1String("not in your OS Login profile")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(
                     QStringLiteral("Connecting to %1@gs-runner-vm (IAP)").arg(m_sshd->user())),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("Connected (host key")),
                 qPrintable(run.out + run.err));
        QVERIFY(gcloud.read(QStringLiteral("iap-args")).startsWith("compute start-iap-tunnel"));
    }

    void checkWithARefusedKeySaysHowToPublishIt()
    {
        FakeGcloud gcloud(m_sshd->port());
        gcloud.answer(QStringLiteral("instance.json"),
                      FakeGcloud::instanceJson(QStringLiteral("FALSE"), {}));
        installGcloudKey(TestSshd::OtherKey);
        const Run run = check();
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QLatin1String("User: jane (the local user name")),
                 qPrintable(run.out + run.err));
        QVERIFY2(run.err.contains(QLatin1String("did not accept the key "
                                                "~/.ssh/google_compute_engine for jane")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("Metadata SSH keys")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("authorized_keys")), qPrintable(run.err));
    }

    // Issue 11: the token and the API key are read from the environment once and removed from
    // it, so gcloud - both the lookups and the IAP tunnel that is the ProxyCommand - never sees
    // them.
    void childrenInheritNoSecretFromTheEnvironment()
    {
        FakeGcloud gcloud(m_sshd->port());
        gcloud.answer(QStringLiteral("instance.json"),
                      FakeGcloud::instanceJson(QStringLiteral("TRUE"), {}));
        QFile pub(m_sshd->clientKey(TestSshd::PlainKey) + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        gcloud.answer(QStringLiteral("profile.json"),
                      FakeGcloud::profileJson(m_sshd->user(), {}, pub.readAll()));
        installGcloudKey(TestSshd::PlainKey);
        const QString token =
            QStringLiteral("tokEN") + QString::number(::getpid()) + QStringLiteral("x7Qw");
        const QString apiKey = QStringLiteral("pat.apiKEY.") + QString::number(::getpid());
        QProcessEnvironment secrets;
        secrets.insert(QStringLiteral("GITSPACES_DELEGATE_TOKEN"), token);
        secrets.insert(QStringLiteral("GITSPACES_HARNESS_API_KEY"), apiKey);
        secrets.insert(QStringLiteral("GS_CANARY_PLAIN"), QStringLiteral("visible"));
        const Run run = check(secrets);
        QVERIFY2(run.out.contains(QLatin1String("Connected (host key")),
                 qPrintable(run.out + run.err));
        QVERIFY(gcloud.read(QStringLiteral("iap-args")).startsWith("compute start-iap-tunnel"));
        const QByteArray environment = gcloud.read(QStringLiteral("environment"));
        // The environment did reach gcloud; only the two secrets are missing from it.
        QVERIFY(environment.contains("GS_CANARY_PLAIN=visible"));
        QVERIFY(!environment.contains("GITSPACES_DELEGATE_TOKEN"));
        QVERIFY(!environment.contains("GITSPACES_HARNESS_API_KEY"));
        QVERIFY(!environment.contains(token.toUtf8()));
        QVERIFY(!environment.contains(apiKey.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliGcloud)
#include "tst_CliGcloud.moc"
