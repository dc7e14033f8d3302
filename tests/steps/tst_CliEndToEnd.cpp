// `gitspaces-setup check|apply` as a user runs them: the real binary against TestSshd and the
// real dockerd with the stand-in images. Needs root.

#include "E2eSupport.h"

#include "plan/ConfigFile.h"

#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace gs;
using namespace gs::test;

namespace {

const QByteArray kCanary = "Q0FOQVJZLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI=";

CliRun cli(const QStringList &arguments, const QByteArray &stdinData = {},
           const QStringList &environment = {})
{
    return runCli(QStringLiteral(GS_APP_BINARY), arguments, stdinData, environment);
}

} // namespace

class tst_CliEndToEnd : public QObject
{
    Q_OBJECT

private:
    DockerHostLock m_dockerLock;
    QTemporaryDir m_local;
    std::unique_ptr<TestSshd> m_sshd;
    QString m_config;

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

        const SetupConfig config = loopbackConfig(*m_sshd);
        m_config = m_local.filePath(QStringLiteral("setup.yaml"));
        ConfigFile::SaveOptions save;
        save.includeAccountId = true;
        QVERIFY2(ConfigFile::save(config, m_config, save, &error), qPrintable(error));
        resetDocker();
    }
    void cleanupTestCase()
    {
        if (geteuid() == 0)
            resetDocker();
    }

    void unknownHostKeyRefusedWithoutTerminal()
    {
        const CliRun run = cli({QStringLiteral("check"), QStringLiteral("--config"), m_config,
                                QStringLiteral("--offline")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("SHA256:")) ||
                     run.err.contains(QLatin1String("host key")),
                 qPrintable(run.err));
    }

    void checkWithPinnedKey()
    {
        const CliRun run =
            cli({QStringLiteral("check"), QStringLiteral("--config"), m_config,
                 QStringLiteral("--offline"), QStringLiteral("--host-key-fingerprint"),
                 m_sshd->hostKeyFingerprint()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(QLatin1String("Preflight checks passed")));
        QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0); // check changes nothing
    }

    void applyWithTokenOnStdin()
    {
        const QString transcript = m_local.filePath(QStringLiteral("transcript.txt"));
        const QStringList args = {QStringLiteral("apply"),
                                  QStringLiteral("--config"),
                                  m_config,
                                  QStringLiteral("--offline"),
                                  QStringLiteral("--token-stdin"),
                                  QStringLiteral("--transcript"),
                                  transcript,
                                  QStringLiteral("--host-key-fingerprint"),
                                  m_sshd->hostKeyFingerprint()};
        const CliRun run = cli(args, kCanary + '\n');
        if (qEnvironmentVariableIsSet("GS_SHOW_CLI"))
            qInfo().noquote() << run.out << run.err;
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(QLatin1String("Delegate registered")) ||
                run.out.contains(QLatin1String("registered with id")));
        QVERIFY(!run.out.contains(QString::fromLatin1(kCanary)));
        QVERIFY(!run.err.contains(QString::fromLatin1(kCanary)));
        QFile file(transcript);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("delegate.run"));
        QVERIFY(!text.contains(kCanary));

        // Again, with the token from the environment: converges, exit 0.
        const CliRun again =
            cli(args.mid(0, 4) + QStringList{QStringLiteral("--host-key-fingerprint"),
                                             m_sshd->hostKeyFingerprint()},
                {}, {QStringLiteral("GITSPACES_DELEGATE_TOKEN=") + QString::fromLatin1(kCanary)});
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
        QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 1);
    }

    void applyWithoutTokenFails()
    {
        const CliRun run =
            cli({QStringLiteral("apply"), QStringLiteral("--config"), m_config,
                 QStringLiteral("--offline"), QStringLiteral("--host-key-fingerprint"),
                 m_sshd->hostKeyFingerprint()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("GITSPACES_DELEGATE_TOKEN")), qPrintable(run.err));
        // No session bus here: the keychain was not there to ask, which is not "not in it".
        QVERIFY2(run.err.contains(QLatin1String("keychain could not be read")),
                 qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String("not in the keychain")));
    }

    // A token stored in a keychain that is locked: said as such, not as "no token".
    void applyWithLockedKeychainSaysSo()
    {
        const CliRun run =
            runCli(QStringLiteral(GS_SOURCE_DIR "/tests/secrets/run-with-keyring.sh"),
                   {QStringLiteral(GS_APP_BINARY), QStringLiteral("apply"),
                    QStringLiteral("--config"), m_config, QStringLiteral("--offline"),
                    QStringLiteral("--host-key-fingerprint"), m_sshd->hostKeyFingerprint()},
                   {}, {QStringLiteral("GS_KEYRING_LOCKED_ENTRY=delegate-token")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("keychain is locked")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String("not in the keychain")));
        QVERIFY(!run.out.contains(QLatin1String("Connecting")));
    }

    // A --transcript that cannot be written stops the run before it starts (exit 2).
    void unwritableTranscriptIsAnError()
    {
        const QString transcript = m_local.filePath(QStringLiteral("no-such-dir/transcript.txt"));
        const CliRun run =
            cli({QStringLiteral("check"), QStringLiteral("--config"), m_config,
                 QStringLiteral("--offline"), QStringLiteral("--transcript"), transcript,
                 QStringLiteral("--host-key-fingerprint"), m_sshd->hostKeyFingerprint()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("Cannot write the transcript to ") + transcript),
                 qPrintable(run.err));
        QVERIFY2(!run.out.contains(QLatin1String("Connecting")), qPrintable(run.out));
        // A directory in the file's place, too.
        const CliRun dir =
            cli({QStringLiteral("check"), QStringLiteral("--config"), m_config,
                 QStringLiteral("--offline"), QStringLiteral("--transcript"), m_local.path(),
                 QStringLiteral("--host-key-fingerprint"), m_sshd->hostKeyFingerprint()});
        QCOMPARE(dir.exitCode, 2);
        QVERIFY2(dir.err.contains(QLatin1String("it is a directory")), qPrintable(dir.err));
    }

    void accountCheckedFromBothSides()
    {
        // Not offline: the CLI asks the manager from this computer, then preflight asks it from
        // the VM; a 401 (wrong account or cluster) stops the run with an explanation.
        FakeManager manager;
        manager.status = 401;
        const ConfigFile::LoadResult loaded = ConfigFile::load(m_config);
        QVERIFY(loaded.ok);
        SetupConfig config = loaded.config;
        config.delegate.manager = manager.url();
        const QString path = m_local.filePath(QStringLiteral("setup-401.yaml"));
        ConfigFile::SaveOptions save;
        save.includeAccountId = true;
        QString error;
        QVERIFY2(ConfigFile::save(config, path, save, &error), qPrintable(error));
        const CliRun run =
            cli({QStringLiteral("check"), QStringLiteral("--config"), path,
                 QStringLiteral("--host-key-fingerprint"), m_sshd->hostKeyFingerprint()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QLatin1String("[harness]")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QLatin1String("HTTP 401")), qPrintable(run.out + run.err));
        QVERIFY(manager.hits >= 2); // from here and from the VM
    }

    // Not offline, with an API key on stdin: apply ends only when Harness lists the delegate as
    // connected; the key is sent as x-api-key and printed nowhere.
    void applyEndsConnectedInHarness_data()
    {
        QTest::addColumn<bool>("connected");
        QTest::addColumn<QByteArray>("replicaHost"); // empty: the delegate container's own
        QTest::newRow("connected") << true << QByteArray();
        QTest::newRow("never connects") << false << QByteArray();
        // A same-named delegate on another host is connected, ours is not listed.
        QTest::newRow("another host's replica") << true << QByteArray("old-runner-vm");
    }
    void applyEndsConnectedInHarness()
    {
        QFETCH(bool, connected);
        QFETCH(QByteArray, replicaHost);
        const QByteArray apiKey = "pat.6_vVHzo9Qeu9fXvj-AcQCb.CANARYKEY.c2VjcmV0LWNhbmFyeQ";
        FakeManager manager;
        manager.apiKey = apiKey;
        manager.delegateConnected = connected;
        manager.replicaHost = replicaHost;
        const ConfigFile::LoadResult loaded = ConfigFile::load(m_config);
        QVERIFY(loaded.ok);
        SetupConfig config = loaded.config;
        config.delegate.manager = manager.url();
        const QString path = m_local.filePath(QStringLiteral("setup-harness.yaml"));
        ConfigFile::SaveOptions save;
        save.includeAccountId = true;
        QString error;
        QVERIFY2(ConfigFile::save(config, path, save, &error), qPrintable(error));
        const CliRun run =
            cli({QStringLiteral("apply"), QStringLiteral("--config"), path,
                 QStringLiteral("--token-stdin"), QStringLiteral("--harness-api-key-stdin"),
                 QStringLiteral("--harness-timeout"), QStringLiteral("4"),
                 QStringLiteral("--host-key-fingerprint"), m_sshd->hostKeyFingerprint()},
                kCanary + '\n' + apiKey + '\n');
        QVERIFY(manager.listHits >= 1);
        QVERIFY(manager.sawApiKey);
        QVERIFY(!run.out.contains(QString::fromLatin1(apiKey)));
        QVERIFY(!run.err.contains(QString::fromLatin1(apiKey)));
        if (connected && replicaHost.isEmpty()) {
            QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
            QVERIFY2(run.out.contains(QLatin1String("connected in Harness")), qPrintable(run.out));
        } else if (connected) {
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QLatin1String("another host runs a delegate of the same "
                                                    "name")),
                     qPrintable(run.out + run.err));
            QVERIFY2(run.err.contains(QLatin1String("old-runner-vm")), qPrintable(run.err));
        } else {
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.out.contains(QLatin1String("does not list it as connected")),
                     qPrintable(run.out + run.err));
        }
    }

    // What a user reads on the console says each thing once: no log lines repeating it.
    void consoleSaysEachThingOnce()
    {
        const QString path = m_local.filePath(QStringLiteral("refused.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ssh:\n  host: 127.0.0.1\n  port: 1\n");
        file.close();
        const CliRun run = cli({QStringLiteral("check"), QStringLiteral("--config"), path,
                                QStringLiteral("--offline")},
                               {}, {QStringLiteral("QT_LOGGING_RULES=")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.count(QLatin1String("refused the connection")), 1);
        QVERIFY2(!run.err.contains(QLatin1String("gs.remote")), qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Connecting to")), qPrintable(run.out));
    }

    void usageErrors()
    {
        QCOMPARE(cli({QStringLiteral("apply")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("apply"), QStringLiteral("--config"), m_config,
                      QStringLiteral("--replace"), QStringLiteral("--keep")})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("--config"),
                      m_local.filePath(QStringLiteral("missing.yaml"))})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("uninstall")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("uninstall"), QStringLiteral("--config"), m_config,
                      QStringLiteral("--token-stdin")})
                     .exitCode,
                 2);
    }

    // `uninstall` is the engine's UninstallStep: it prints the plan, asks (no terminal: refuses
    // without --yes), removes only what the setup made, and a second run says nothing is left.
    void uninstallLikeTheEngine()
    {
        const QString fingerprint = m_sshd->hostKeyFingerprint();
        const CliRun applied = cli(
            {QStringLiteral("apply"), QStringLiteral("--config"), m_config,
             QStringLiteral("--offline"), QStringLiteral("--host-key-fingerprint"), fingerprint},
            {}, {QStringLiteral("GITSPACES_DELEGATE_TOKEN=") + QString::fromLatin1(kCanary)});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        const QString directory = m_sshd->homeDir() + QStringLiteral("/runner");
        QVERIFY(QFile::exists(directory + QStringLiteral("/pool.yaml")));
        QFile foreign(directory + QStringLiteral("/notes.txt"));
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.write("the admin's own notes\n");
        foreign.close();
        // Owned like the directory (the SSH user's: this user has no sudo).
        const QFileInfo owner(directory);
        QCOMPARE(::chown(QFile::encodeName(foreign.fileName()).constData(), owner.ownerId(),
                         owner.groupId()),
                 0);

        const QStringList args = {QStringLiteral("uninstall"),
                                  QStringLiteral("--config"),
                                  m_config,
                                  QStringLiteral("--remove-network"),
                                  QStringLiteral("--remove-directory"),
                                  QStringLiteral("--host-key-fingerprint"),
                                  fingerprint};
        // No terminal and no --yes: the list is shown, nothing is removed.
        const CliRun refused = cli(args);
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.out + refused.err));
        QVERIFY2(refused.out.contains(QLatin1String("Uninstall plan")), qPrintable(refused.out));
        QVERIFY2(refused.out.contains(QLatin1String("vm-runner")), qPrintable(refused.out));
        QVERIFY2(refused.err.contains(QLatin1String("--yes")), qPrintable(refused.err));
        QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
        QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 1);

        const QString transcript = m_local.filePath(QStringLiteral("uninstall-transcript.txt"));
        const CliRun removed = cli(args + QStringList{QStringLiteral("--yes"),
                                                      QStringLiteral("--transcript"), transcript});
        if (qEnvironmentVariableIsSet("GS_SHOW_CLI"))
            qInfo().noquote() << removed.out << removed.err;
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.out + removed.err));
        QVERIFY2(removed.out.contains(QLatin1String("Uninstalled:")), qPrintable(removed.out));
        QVERIFY2(removed.out.contains(QLatin1String("notes.txt")), qPrintable(removed.out));
        QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0);
        QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 0);
        QCOMPARE(networkCount(QStringLiteral("harness")), 0);
        QVERIFY(!QFile::exists(directory + QStringLiteral("/pool.yaml")));
        QVERIFY(!QFile::exists(directory + QStringLiteral("/service-account-key.json")));
        QVERIFY(QFile::exists(directory + QStringLiteral("/notes.txt")));
        // The commands it ran are the plan's, checked on the VM, and never rm -rf.
        QFile file(transcript);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<TranscriptCommand> commands =
            transcriptCommands(QString::fromUtf8(file.readAll()));
        QStringList ids;
        for (const TranscriptCommand &command : commands) {
            ids << command.id;
            QVERIFY2(!command.script.contains(QLatin1String("rm -rf")), qPrintable(command.script));
        }
        QVERIFY2(ids.contains(QLatin1String("uninstall.runner")) &&
                     ids.contains(QLatin1String("uninstall.delegate")) &&
                     ids.contains(QLatin1String("uninstall.network")) &&
                     ids.contains(QLatin1String("uninstall.files")) &&
                     !ids.contains(QLatin1String("uninstall.directory")),
                 qPrintable(ids.join(QLatin1Char(' '))));

        const CliRun again = cli(args + QStringList{QStringLiteral("--yes")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QVERIFY2(again.out.contains(QLatin1String("Nothing removed")), qPrintable(again.out));
        QVERIFY(QFile::remove(directory + QStringLiteral("/notes.txt")));
        QVERIFY(QDir().rmdir(directory));
    }
};

QTEST_GUILESS_MAIN(tst_CliEndToEnd)
#include "tst_CliEndToEnd.moc"
