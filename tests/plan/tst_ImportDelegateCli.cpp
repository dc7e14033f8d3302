// `gitspaces-setup import-delegate-command --config FILE`, the real binary with the command on
// standard input: the file created or its delegate section updated (the rest kept), nothing
// changed on bad input, and the token canary nowhere in the output or the file. Run a second
// time inside a private keyring (GS_TEST_KEYRING=1): the token lands in the keychain.
#include "plan/ConfigFile.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

namespace {

const QByteArray canary = "Q0FOQVJZY2FuYXJ5Q0FOQVJZY2FuYXJ5Q0FOQVJZY2E=";
const QByteArray account = "6_vVHzo9Qeu9fXvj-AcQCb";

QByteArray harnessUiCommand()
{
    return "docker run --cpus=1 --memory=2g \\\n"
           "  -e DELEGATE_NAME=gitspaces-delegate \\\n"
           "  -e NEXT_GEN=\"true\" \\\n"
           "  -e DELEGATE_TYPE=\"DOCKER\" \\\n"
           "  -e ACCOUNT_ID=" +
           account +
           " \\\n"
           "  -e DELEGATE_TOKEN=" +
           canary +
           " \\\n"
           "  -e DELEGATE_TAGS=\"gitspaces\" \\\n"
           "  -e MANAGER_HOST_AND_PORT=https://app.harness.io/gratis "
           "us-docker.pkg.dev/gar-prod-setup/harness-public/harness/delegate:26.02.88404\n";
}

bool keyringRun()
{
    return qEnvironmentVariableIntValue("GS_TEST_KEYRING") == 1;
}

} // namespace

class TestImportDelegateCli : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    static Run run(const QStringList &args, const QByteArray &input)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!keyringRun())
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("GS_APP_BINARY"),
                QStringList{QStringLiteral("import-delegate-command")} + args);
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static void verifyNoCanary(const Run &r, const QString &config)
    {
        QVERIFY2(!r.out.contains(canary), r.out.constData());
        QVERIFY2(!r.err.contains(canary), r.err.constData());
        QVERIFY(!read(config).contains(canary));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("GS_APP_BINARY"))); }

    void createsTheFile()
    {
        if (keyringRun())
            QSKIP("the keyring run checks the keychain only");
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("setup.yaml"));
        const Run r = run({QStringLiteral("--config"), config}, harnessUiCommand());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Created"), r.out.constData());
        // What we add, and how to hand the token over without a keychain.
        QVERIFY(r.out.contains("--network harness"));
        QVERIFY(r.out.contains("RUNNER_URL=http://vm-runner:3000/"));
        QVERIFY2(r.out.contains("GITSPACES_DELEGATE_TOKEN"), r.out.constData());
        QVERIFY2(r.err.contains("not stored"), r.err.constData());
        const ConfigFile::LoadResult loaded = ConfigFile::load(config);
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        QCOMPARE(loaded.config.delegate.accountId, QString::fromLatin1(account));
        QCOMPARE(loaded.config.delegate.name, QStringLiteral("gitspaces-delegate"));
        QCOMPARE(loaded.config.delegate.manager, QStringLiteral("https://app.harness.io/gratis"));
        QCOMPARE(loaded.config.delegate.tags, QStringList{QStringLiteral("gitspaces")});
        QVERIFY(loaded.config.delegate.image.endsWith(QLatin1String(":26.02.88404")));
        verifyNoCanary(r, config);
    }

    void updatesKeepingTheRest()
    {
        if (keyringRun())
            QSKIP("the keyring run checks the keychain only");
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("setup.yaml"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("ssh:\n  host: 203.0.113.7\n  user: admin\nrunner:\n  directory: /srv/runner\n"
                "delegate:\n  name: old-name\n  cpus: 2\n");
        f.close();
        const Run r = run({QStringLiteral("--config"), config, QStringLiteral("--no-keychain")},
                          harnessUiCommand());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Updated"), r.out.constData());
        QVERIFY(r.out.contains("--token-stdin"));
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // no keychain was asked
        const ConfigFile::LoadResult loaded = ConfigFile::load(config);
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        QCOMPARE(loaded.config.ssh.host, QStringLiteral("203.0.113.7"));
        QCOMPARE(loaded.config.ssh.user, QStringLiteral("admin"));
        QCOMPARE(loaded.config.runner.directory, QStringLiteral("/srv/runner"));
        QCOMPARE(loaded.config.delegate.name, QStringLiteral("gitspaces-delegate"));
        QCOMPARE(loaded.config.delegate.cpus, QStringLiteral("1"));
        QCOMPARE(loaded.config.delegate.accountId, QString::fromLatin1(account));
        verifyNoCanary(r, config);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("says");
        QTest::newRow("no ACCOUNT_ID")
            << "docker run -e DELEGATE_TOKEN=" + canary + " \\\n img"
            << QByteArray("<stdin>:2:2: error: The command has no ACCOUNT_ID");
        QTest::newRow("unterminated quote")
            << "docker run \\\n  -e DELEGATE_TOKEN=\"" + canary + " -e ACCOUNT_ID=" + account
            << QByteArray("<stdin>:2:21: error: This quote is never closed");
        QTest::newRow("two images") << "docker run -e ACCOUNT_ID=" + account + " a b"
                                    << QByteArray("<stdin>:1:51: error: A second image");
        QTest::newRow("not docker run")
            << "echo " + canary << QByteArray("<stdin>:1:1: error: This is not");
        QTest::newRow("bad account id")
            << "docker run -e DELEGATE_TOKEN=" + canary + " -e ACCOUNT_ID=short img"
            << QByteArray("<stdin>:1:89: error: ACCOUNT_ID: An account ID is 22 characters long");
        QTest::newRow("bad token")
            << "docker run -e DELEGATE_TOKEN='a b' -e ACCOUNT_ID=" + account + " img"
            << QByteArray("error: DELEGATE_TOKEN: Remove the spaces");
    }
    void badInputChangesNothing()
    {
        if (keyringRun())
            QSKIP("the keyring run checks the keychain only");
        QFETCH(QByteArray, input);
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("setup.yaml"));
        const QByteArray before = "delegate:\n  name: kept\n";
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(before);
        f.close();
        const Run r = run({QStringLiteral("--config"), config}, input);
        QCOMPARE(r.exitCode, 1);
        QFETCH(QByteArray, says);
        QVERIFY2(r.err.contains(says), r.err.constData());
        QVERIFY(r.err.contains("is unchanged"));
        QCOMPARE(read(config), before);
        verifyNoCanary(r, config);
    }

    void usage()
    {
        if (keyringRun())
            QSKIP("the keyring run checks the keychain only");
        QCOMPARE(run({}, QByteArray()).exitCode, 2);
        const Run help = run({QStringLiteral("--help")}, QByteArray());
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("Usage: gitspaces-setup import-delegate-command --config FILE"));
        // A config that does not load is not overwritten, and stdin is not even read.
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("bad.yaml"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("delegate: [\n");
        f.close();
        const Run r = run({QStringLiteral("--config"), config}, harnessUiCommand());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(read(config), QByteArray("delegate: [\n"));
    }

    void tokenGoesToTheKeychain()
    {
        if (!keyringRun())
            QSKIP("needs the private keyring (the _keyring variant of this test)");
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("setup.yaml"));
        const Run r = run({QStringLiteral("--config"), config}, harnessUiCommand());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("in the keychain"), r.out.constData());
        verifyNoCanary(r, config);
        // Where QtKeychain keeps it, as apply reads it.
        QProcess lookup;
        lookup.start(QStringLiteral("secret-tool"),
                     {QStringLiteral("lookup"), QStringLiteral("user"),
                      QStringLiteral("delegate-token"), QStringLiteral("server"),
                      QStringLiteral("gitspaces-setup")});
        QVERIFY(lookup.waitForFinished(10000));
        QCOMPARE(lookup.readAllStandardOutput().trimmed(), canary);

        // `apply` finds it there (KeychainLookup): it goes on to connect, to a port where
        // nothing listens, instead of stopping for want of a token.
        ConfigFile::LoadResult loaded = ConfigFile::load(config);
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        loaded.config.ssh.host = QStringLiteral("127.0.0.1");
        loaded.config.ssh.port = 1;
        loaded.config.ssh.user = QStringLiteral("nobody");
        QString error;
        QVERIFY2(ConfigFile::save(loaded.config, config, {}, &error), qPrintable(error));
        QProcess apply;
        apply.start(qEnvironmentVariable("GS_APP_BINARY"),
                    {QStringLiteral("apply"), QStringLiteral("--config"), config,
                     QStringLiteral("--offline")});
        apply.closeWriteChannel();
        QVERIFY(apply.waitForFinished(30000));
        const QByteArray said = apply.readAllStandardOutput() + apply.readAllStandardError();
        QCOMPARE(apply.exitCode(), 1);
        QVERIFY2(!said.contains("No delegate token"), said.constData());
        QVERIFY2(said.contains("Connecting to nobody@127.0.0.1:1"), said.constData());
        QVERIFY(!said.contains(canary));
    }
};

QTEST_GUILESS_MAIN(TestImportDelegateCli)
#include "tst_ImportDelegateCli.moc"
