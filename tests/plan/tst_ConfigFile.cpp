#include "plan/ConfigFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

// The example of shared/design.md, key for key.
static const char *designExample = R"(ssh:
  host: 203.0.113.7            # or a Host alias from ~/.ssh/config
  port: 22
  user: admin
  identity_file: ~/.ssh/google_compute_engine
  gcloud: gcloud compute ssh --zone "us-west1-a" "gs-runner-vm" --tunnel-through-iap --project "my-proj"
runner:
  pool_file: pool.yaml          # relative paths are relative to this config file
  service_account_key: sa.json  # optional; uploaded next to pool.yaml, json_path rewritten
  directory: /runner
  image: drone/drone-runner-aws:latest
delegate:
  name: docker-delegate
  account_id: 6_vVHzo9Qeu9fXvj-AcQCb
  tags: [gitspaces]
  manager: https://app.harness.io
  image: us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504
  cpus: 1
  memory: 2g
)";

class TestConfigFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsDesignExample()
    {
        const auto r = ConfigFile::parse(designExample, QStringLiteral("/home/a/setup/gs.yaml"));
        QVERIFY2(r.ok, qPrintable(r.error));
        const SetupConfig &c = r.config;
        QCOMPARE(c.ssh.host, QStringLiteral("203.0.113.7"));
        QCOMPARE(c.ssh.port, 22);
        QCOMPARE(c.ssh.user, QStringLiteral("admin"));
        QCOMPARE(c.ssh.identityFile, QStringLiteral("~/.ssh/google_compute_engine"));
        QVERIFY(c.ssh.gcloudCommand.contains(QLatin1String("--tunnel-through-iap")));
        QCOMPARE(c.runner.poolFile, QStringLiteral("/home/a/setup/pool.yaml"));
        QCOMPARE(c.runner.serviceAccountKey, QStringLiteral("/home/a/setup/sa.json"));
        QCOMPARE(c.runner.directory, QStringLiteral("/runner"));
        QCOMPARE(c.delegate.name, QStringLiteral("docker-delegate"));
        QCOMPARE(c.delegate.accountId, QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb"));
        QCOMPARE(c.delegate.tags, QStringList{QStringLiteral("gitspaces")});
        QCOMPARE(c.delegate.cpus, QStringLiteral("1"));
        QCOMPARE(c.delegate.memory, QStringLiteral("2g"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("ssh:\n  host: [a\n")
                                << "cfg.yaml:3:1: YAML syntax error";
        QTest::newRow("unknown key")
            << QByteArray("ssh:\n  hots: a\n") << "cfg.yaml:2:3: Unknown key \"ssh.hots\"";
        QTest::newRow("unknown section")
            << QByteArray("runers: {}\n") << "cfg.yaml:1:1: Unknown section \"runers\"";
        QTest::newRow("port type") << QByteArray("ssh:\n  port: twenty\n")
                                   << "cfg.yaml:2:9: \"port\" must be a whole number";
        QTest::newRow("not a map") << QByteArray("- a\n") << "must be a mapping";
        QTest::newRow("empty") << QByteArray("") << "empty";
    }
    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const auto r = ConfigFile::parse(yaml, QStringLiteral("cfg.yaml"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    // A token pasted into the file is refused, and the error does not repeat it.
    void tokenInFileRefusedWithoutEcho()
    {
        const QByteArray canary = "Q0FOQVJZLWNhbmFyeS1jYW5hcnktY2FuYXJ5LWNhbmE=";
        const auto r =
            ConfigFile::parse("delegate:\n  token: " + canary + "\n", QStringLiteral("cfg.yaml"));
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("keychain")));
        QVERIFY(!r.error.contains(QString::fromLatin1(canary)));
    }

    void saveAndLoadRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("answers.yaml"));
        auto loaded = ConfigFile::parse(designExample, path);
        QVERIFY(loaded.ok);
        SetupConfig config = loaded.config;
        config.delegate.tags = {QStringLiteral("gitspaces"), QStringLiteral("gcp")};
        config.ssh.sudo = false;
        QString error;
        QVERIFY(ConfigFile::save(config, path, {}, &error));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("pool_file: pool.yaml"), text.constData()); // stays relative
        QVERIFY(!text.contains("account_id"));                             // the keychain keeps it
        QVERIFY(!text.contains("6_vVHzo9Qeu9fXvj-AcQCb"));

        auto again = ConfigFile::load(path);
        QVERIFY2(again.ok, qPrintable(again.error));
        config.delegate.accountId.clear();
        QCOMPARE(again.config, config);

        QVERIFY(ConfigFile::save(config, path, {true}, &error));
        config.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
        QVERIFY(ConfigFile::save(config, path, {true}, &error));
        QCOMPARE(ConfigFile::load(path).config.delegate.accountId, config.delegate.accountId);
    }

    void saveToUnwritablePlaceFailsClearly()
    {
        QString error;
        QVERIFY(!ConfigFile::save({}, QStringLiteral("/nonexistent-dir/x.yaml"), {}, &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent-dir/x.yaml")));
    }

    void missingFile()
    {
        const auto r = ConfigFile::load(QStringLiteral("/nonexistent/cfg.yaml"));
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("cannot read")));
    }
};

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_ConfigFile.moc"
