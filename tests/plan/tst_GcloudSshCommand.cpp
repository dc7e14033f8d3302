#include "plan/GcloudSshCommand.h"

#include <QTest>

using namespace gs;

class TestGcloudSshCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesConsoleCommand_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("project");
        QTest::addColumn<bool>("iap");
        QTest::addColumn<QString>("user");
        QTest::newRow("console")
            << R"(gcloud compute ssh --zone "us-west1-a" "gs-runner-vm" --tunnel-through-iap --project "my-proj")"
            << "gs-runner-vm"
            << "us-west1-a"
            << "my-proj" << true << "";
        QTest::newRow("equals form")
            << "gcloud compute ssh gs-vm --zone=europe-west1-b --project=p1"
            << "gs-vm"
            << "europe-west1-b"
            << "p1" << false << "";
        QTest::newRow("user and beta")
            << "gcloud beta compute ssh admin@gs-vm --zone z1 --tunnel-through-iap"
            << "gs-vm"
            << "z1"
            << "" << true << "admin";
        QTest::newRow("line continuation")
            << "gcloud compute ssh \\\n  --zone us-east1-b vm \\\n  --project p"
            << "vm"
            << "us-east1-b"
            << "p" << false << "";
    }
    void parsesConsoleCommand()
    {
        QFETCH(QString, text);
        GcloudSshCommand cmd;
        QString error;
        QVERIFY2(GcloudSshCommand::parse(text, &cmd, &error), qPrintable(error));
        QTEST(cmd.instance, "instance");
        QTEST(cmd.zone, "zone");
        QTEST(cmd.project, "project");
        QTEST(cmd.tunnelThroughIap, "iap");
        QTEST(cmd.user, "user");
        // The canonical form parses back to the same thing.
        GcloudSshCommand again;
        QVERIFY(GcloudSshCommand::parse(cmd.toCommandLine(), &again, &error));
        QCOMPARE(again.instance, cmd.instance);
        QCOMPARE(again.zone, cmd.zone);
        QCOMPARE(again.project, cmd.project);
        QCOMPARE(again.tunnelThroughIap, cmd.tunnelThroughIap);
    }

    void rejectsWithReason_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("hint");
        QTest::newRow("plain ssh") << "ssh admin@10.0.0.1"
                                   << "View gcloud command";
        QTest::newRow("no instance") << "gcloud compute ssh --zone z"
                                     << "no VM instance";
        QTest::newRow("no zone") << "gcloud compute ssh vm"
                                 << "--zone";
        QTest::newRow("quote") << "gcloud compute ssh \"vm --zone z"
                               << "quote";
        QTest::newRow("zone without value") << "gcloud compute ssh vm --zone"
                                            << "needs a value";
        QTest::newRow("two instances") << "gcloud compute ssh vm1 vm2 --zone z"
                                       << "one VM";
        QTest::newRow("remote command") << "gcloud compute ssh vm --zone z -- ls"
                                        << "--";
        QTest::newRow("--command") << "gcloud compute ssh vm --zone z --command=ls"
                                   << "--command";
        QTest::newRow("key file without value") << "gcloud compute ssh vm --zone z --ssh-key-file"
                                                << "needs a value";
        QTest::newRow("bad port") << "gcloud compute ssh vm --zone z --ssh-flag='-p 99999'"
                                  << "port";
        // Found by tests/fuzz/parsers (gcloud): these parsed, but printed back as a different
        // command ("@@vm" lost an '@' each round).
        QTest::newRow("empty user") << "gcloud compute ssh @vm --zone z"
                                    << "one VM";
        QTest::newRow("two @") << "gcloud compute ssh @@vm --zone z"
                               << "one VM";
        QTest::newRow("user@host@x") << "gcloud compute ssh me@vm@x --zone z"
                                     << "one VM";
        QTest::newRow("iap and internal ip")
            << "gcloud compute ssh vm --zone z --tunnel-through-iap --internal-ip"
            << "--internal-ip";
    }
    void rejectsWithReason()
    {
        QFETCH(QString, text);
        QFETCH(QString, hint);
        GcloudSshCommand cmd;
        QString error;
        QVERIFY(!GcloudSshCommand::parse(text, &cmd, &error));
        QVERIFY2(error.contains(hint), qPrintable(error));
    }

    // gcloud's own flags that change the login: key file, port, internal address, account.
    void gcloudFlags()
    {
        GcloudSshCommand cmd;
        QString error;
        QVERIFY2(GcloudSshCommand::parse(
                     QStringLiteral("gcloud compute ssh --ssh-key-file ~/.ssh/gce2 --zone z vm "
                                    "--ssh-flag \"-p 2222\" --account ops@example.com "
                                    "--internal-ip --strict-host-key-checking=yes"),
                     &cmd, &error),
                 qPrintable(error));
        QCOMPARE(cmd.instance, QStringLiteral("vm")); // "~/.ssh/gce2" is the flag's, not a VM
        QCOMPARE(cmd.sshKeyFile, QStringLiteral("~/.ssh/gce2"));
        QCOMPARE(cmd.port, 2222);
        QVERIFY(cmd.internalIp);
        QCOMPARE(cmd.accountFlags(), QStringList{QStringLiteral("--account=ops@example.com")});
        GcloudSshCommand again;
        QVERIFY2(GcloudSshCommand::parse(cmd.toCommandLine(), &again, &error), qPrintable(error));
        QCOMPARE(again.sshKeyFile, cmd.sshKeyFile);
        QCOMPARE(again.port, 2222);
        QVERIFY(again.internalIp);
        QCOMPARE(again.otherFlags, cmd.otherFlags);

        QVERIFY(GcloudSshCommand::parse(
            QStringLiteral("gcloud compute ssh vm --zone z --tunnel-through-iap "
                           "--ssh-flag=-p2200 --configuration=work"),
            &cmd, &error));
        QCOMPARE(
            cmd.iapProxyCommand(),
            QStringLiteral("gcloud compute start-iap-tunnel vm 2200 --listen-on-stdin --zone z "
                           "--configuration=work"));
    }

    void iapProxyCommand()
    {
        GcloudSshCommand cmd;
        QString error;
        QVERIFY(GcloudSshCommand::parse(QStringLiteral("gcloud compute ssh --zone us-west1-a gs-vm "
                                                       "--tunnel-through-iap --project my-proj"),
                                        &cmd, &error));
        QCOMPARE(cmd.iapProxyCommand(),
                 QStringLiteral("gcloud compute start-iap-tunnel gs-vm 22 --listen-on-stdin "
                                "--zone us-west1-a --project my-proj"));
    }
};

QTEST_GUILESS_MAIN(TestGcloudSshCommand)
#include "tst_GcloudSshCommand.moc"
