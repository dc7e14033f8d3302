// What the Prerequisites page reports about this computer: ~/.ssh/config aliases, keys, agent.

#include "LocalEnvironment.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

class TestLocalEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostAliases_data();
    void hostAliases();
    void scanFindsKeysInOrder();
    void scanAsyncAnswersOnTheCallersThread();
};

void TestLocalEnvironment::hostAliases_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QStringList>("aliases");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("one") << "Host runner\n  HostName 10.0.0.2\n" << QStringList{"runner"};
    QTest::newRow("several on a line") << "Host a b\tc\n" << QStringList{"a", "b", "c"};
    QTest::newRow("patterns and negations skipped") << "Host * !bad gs-? good\n"
                                                    << QStringList{"good"};
    QTest::newRow("equals sign, case, comment") << "host=vm1 # the runner\nHOST  vm2\n"
                                                << QStringList{"vm1", "vm2"};
    QTest::newRow("quoted") << "Host \"my vm\"\n" << QStringList{"my vm"};
    QTest::newRow("duplicates once") << "Host a\nHost a b\n" << QStringList{"a", "b"};
    QTest::newRow("HostName is not Host") << "HostName x\nHostKeyAlias y\n" << QStringList();
    QTest::newRow("Match blocks ignored") << "Match host x\n  User y\n" << QStringList();
}

void TestLocalEnvironment::hostAliases()
{
    QFETCH(QString, config);
    QFETCH(QStringList, aliases);
    QCOMPARE(LocalEnvironment::parseHostAliases(config), aliases);
}

void TestLocalEnvironment::scanFindsKeysInOrder()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".ssh")));
    for (const char *name : {"id_rsa", "google_compute_engine", "id_ed25519.pub"}) {
        QFile key(home.filePath(QStringLiteral(".ssh/") + QLatin1String(name)));
        QVERIFY(key.open(QIODevice::WriteOnly));
    }
    QFile config(home.filePath(QStringLiteral(".ssh/config")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("Host runner\n");
    config.close();
    const QString socket = home.filePath(QStringLiteral(".ssh/config")); // exists: stands in

    const LocalEnvironment env = LocalEnvironment::scan(home.path(), socket);
    QVERIFY(env.scanned);
    // gcloud's key first; a .pub file is not a private key.
    QCOMPARE(env.sshKeys, (QStringList{home.filePath(QStringLiteral(".ssh/google_compute_engine")),
                                       home.filePath(QStringLiteral(".ssh/id_rsa"))}));
    QCOMPARE(env.hostAliases, QStringList{QStringLiteral("runner")});
    QCOMPARE(env.agentSocket, socket);

    const LocalEnvironment none = LocalEnvironment::scan(home.filePath(QStringLiteral("nowhere")),
                                                         QStringLiteral("/nonexistent"));
    QVERIFY(none.sshKeys.isEmpty());
    QVERIFY(none.hostAliases.isEmpty());
    QVERIFY(none.agentSocket.isEmpty());
}

void TestLocalEnvironment::scanAsyncAnswersOnTheCallersThread()
{
    QObject context;
    QThread *answeredOn = nullptr;
    bool answered = false;
    LocalEnvironment::scanAsync(&context, [&](const LocalEnvironment &env) {
        answered = env.scanned;
        answeredOn = QThread::currentThread();
    });
    QTRY_VERIFY(answered);
    QCOMPARE(answeredOn, QThread::currentThread());
}

QTEST_GUILESS_MAIN(TestLocalEnvironment)
#include "tst_LocalEnvironment.moc"
