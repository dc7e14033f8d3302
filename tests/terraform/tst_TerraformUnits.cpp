// The pure parts of core/terraform: the runner VMs in `terraform show -json`, the instance_yaml
// output, terraform.tfvars, the key check, the VM choice and the answers made from them.

#include "FakeTerraform.h"

#include "plan/GcloudSshCommand.h"
#include "terraform/TerraformFolder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gs;
using namespace gs::terraform;
using gs::test::FakeTerraform;

class TestTerraformUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runnerVmsInChildModules()
    {
        QList<RunnerVm> vms;
        bool any = false;
        const Result r = runnerVmsFromShowJson(
            FakeTerraform::showJson({QStringLiteral("us-west1"), QStringLiteral("europe-west4")}),
            &vms, &any);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(any);
        // The template and the data source are not runner VMs, though their names say so.
        QCOMPARE(vms.size(), 2);
        QCOMPARE(vms.at(0).name, QStringLiteral("mygs-us-west1-runner-vm"));
        QCOMPARE(vms.at(0).zone, QStringLiteral("us-west1-a"));
        QCOMPARE(vms.at(0).project, QStringLiteral("my-proj"));
        QVERIFY(vms.at(0).address.contains(QLatin1String("module.infra.google_compute_instance")));
        QVERIFY(!vms.at(0).externalIp);
        QCOMPARE(vms.at(1).name, QStringLiteral("mygs-europe-west4-runner-vm"));
    }

    void runnerVmInTheRootModuleWithAnExternalAddress()
    {
        const QByteArray json = R"({"format_version": "1.0", "values": {"root_module": {
            "resources": [{"address": "google_compute_instance.vm", "mode": "managed",
              "type": "google_compute_instance", "name": "vm",
              "values": {"name": "lab-runner-vm",
                "zone": "https://www.googleapis.com/compute/v1/projects/p/zones/us-east1-b",
                "project": "p", "network_interface": [{"access_config": [{"nat_ip": "34.1.2.3"}]}]}},
             {"address": "google_compute_instance.web", "mode": "managed",
              "type": "google_compute_instance", "name": "web",
              "values": {"name": "web-1", "zone": "us-east1-b", "project": "p"}}]}}})";
        QList<RunnerVm> vms;
        bool any = false;
        QVERIFY(runnerVmsFromShowJson(json, &vms, &any).ok);
        QCOMPARE(vms.size(), 1);
        QCOMPARE(vms.at(0).zone, QStringLiteral("us-east1-b"));
        QVERIFY(vms.at(0).externalIp);
    }

    void emptyStateAndBadJson()
    {
        QList<RunnerVm> vms;
        bool any = true;
        // What the real terraform 1.11 prints in a folder without state.
        QVERIFY(runnerVmsFromShowJson(R"({"format_version":"1.0"})", &vms, &any).ok);
        QVERIFY(!any);
        QVERIFY(vms.isEmpty());
        QVERIFY(runnerVmsFromShowJson(FakeTerraform::showJson({}), &vms, &any).ok);
        QVERIFY(any);
        QVERIFY(vms.isEmpty());
        QVERIFY(!runnerVmsFromShowJson("No state.\n", &vms, &any).ok);
        QVERIFY(!runnerVmsFromShowJson(R"({"values": {}})", &vms, &any).ok);
    }

    void instanceYamlOutput()
    {
        QByteArray yaml;
        QVERIFY(instanceYamlFromOutputJson(
                    R"({"alb_ips": {"sensitive": false, "type": ["list", "string"], "value": []},
                        "instance_yaml": {"sensitive": false, "type": "string",
                                          "value": "version: \"1\"\ninstances: []\n"}})",
                    &yaml)
                    .ok);
        QCOMPARE(yaml, QByteArray("version: \"1\"\ninstances: []\n"));
        const Result none = instanceYamlFromOutputJson("{}", &yaml);
        QVERIFY(!none.ok);
        QVERIFY(none.message.contains(QLatin1String("instance_yaml")));
        QVERIFY(yaml.isEmpty());
        QVERIFY(!instanceYamlFromOutputJson(
                     R"({"instance_yaml": {"type": ["list", "string"], "value": []}})", &yaml)
                     .ok);
        // -raw's warning without outputs is not JSON.
        QVERIFY(!instanceYamlFromOutputJson("\nWarning: No outputs found\n", &yaml).ok);
    }

    void tfvars()
    {
        const QByteArray text = "# service_account_key_file = \"commented.json\"\n"
                                "infra_config_yaml_file = \"infra.yaml\"\n"
                                "  service_account_key_file   =  \"keys/my \\\"sa\\\".json\"\n";
        QCOMPARE(tfvarsString(text, QStringLiteral("service_account_key_file")),
                 QStringLiteral("keys/my \"sa\".json"));
        QCOMPARE(tfvarsString(text, QStringLiteral("infra_config_yaml_file")),
                 QStringLiteral("infra.yaml"));
        QVERIFY(tfvarsString(text, QStringLiteral("manage_dns_zone")).isEmpty());
        QVERIFY(tfvarsString("service_account_key_file_2 = \"x\"\n",
                             QStringLiteral("service_account_key_file"))
                    .isEmpty());
    }

    void resolvePaths()
    {
        QCOMPARE(resolveAgainst(QStringLiteral("sa.json"), QStringLiteral("/tf/infra")),
                 QStringLiteral("/tf/infra/sa.json"));
        QCOMPARE(resolveAgainst(QStringLiteral("../keys/sa.json"), QStringLiteral("/tf/infra")),
                 QStringLiteral("/tf/keys/sa.json"));
        QCOMPARE(resolveAgainst(QStringLiteral("/abs/sa.json"), QStringLiteral("/tf")),
                 QStringLiteral("/abs/sa.json"));
        QCOMPARE(resolveAgainst(QStringLiteral("~/sa.json"), QStringLiteral("/tf")),
                 QDir::homePath() + QStringLiteral("/sa.json"));
    }

    void serviceAccountKeyCheck()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("sa.json"));
        FakeTerraform::write(key, FakeTerraform::serviceAccountKey());
        QVERIFY(checkServiceAccountKey(key).ok);
        const Result missing = checkServiceAccountKey(dir.filePath(QStringLiteral("gone.json")));
        QVERIFY(!missing.ok);
        QVERIFY(missing.message.contains(dir.filePath(QStringLiteral("gone.json"))));
        const QString user = dir.filePath(QStringLiteral("adc.json"));
        FakeTerraform::write(user, R"({"type": "authorized_user", "client_id": "x"})");
        const Result wrongType = checkServiceAccountKey(user);
        QVERIFY(!wrongType.ok);
        QVERIFY(wrongType.message.contains(QLatin1String("authorized_user")));
        const QString p12 = dir.filePath(QStringLiteral("sa.p12"));
        FakeTerraform::write(p12, QByteArray("\x30\x82\x0a\x00binary", 10));
        QVERIFY(checkServiceAccountKey(p12).message.contains(QLatin1String("not JSON")));
        QVERIFY(!checkServiceAccountKey(dir.path()).ok);
    }

    void gcloudCommandThroughIap()
    {
        RunnerVm vm{QStringLiteral("mygs-us-west1-runner-vm"),
                    QStringLiteral("us-west1-a"),
                    QStringLiteral("my-proj"),
                    {},
                    false};
        GcloudSshCommand parsed;
        QString error;
        QVERIFY2(GcloudSshCommand::parse(gcloudCommandFor(vm), &parsed, &error), qPrintable(error));
        QCOMPARE(parsed.instance, vm.name);
        QCOMPARE(parsed.zone, vm.zone);
        QCOMPARE(parsed.project, vm.project);
        QVERIFY(parsed.tunnelThroughIap);
        QVERIFY(parsed.user.isEmpty());
    }

    void chooseAmongSeveral()
    {
        Findings findings;
        findings.folder = QStringLiteral("/tf");
        RunnerVm vm;
        Result r = chooseVm(findings, {}, &vm);
        QVERIFY(!r.ok);
        QVERIFY(r.message.contains(QLatin1String("/tf")));
        findings.vms = {{QStringLiteral("a-us-west1-runner-vm"),
                         QStringLiteral("us-west1-a"),
                         QStringLiteral("p"),
                         {},
                         false},
                        {QStringLiteral("a-europe-west4-runner-vm"),
                         QStringLiteral("europe-west4-a"),
                         QStringLiteral("p"),
                         {},
                         false}};
        r = chooseVm(findings, {}, &vm);
        QVERIFY(!r.ok);
        QVERIFY(
            r.message.contains(QLatin1String("a-us-west1-runner-vm, a-europe-west4-runner-vm")));
        r = chooseVm(findings, QStringLiteral("a-europe-west4-runner-vm"), &vm);
        QVERIFY(r.ok);
        QCOMPARE(vm.zone, QStringLiteral("europe-west4-a"));
        r = chooseVm(findings, QStringLiteral("nope"), &vm);
        QVERIFY(!r.ok);
        QVERIFY(r.message.contains(QLatin1String("nope")));
        findings.vms.removeLast();
        QVERIFY(chooseVm(findings, {}, &vm).ok);
        QCOMPARE(vm.name, QStringLiteral("a-us-west1-runner-vm"));
    }

    void answersFromFindings()
    {
        Findings findings;
        findings.user = QStringLiteral("jane");
        findings.keyFile = QStringLiteral("/tf/sa.json");
        const RunnerVm vm{QStringLiteral("a-us-west1-runner-vm"),
                          QStringLiteral("us-west1-a"),
                          QStringLiteral("p"),
                          {},
                          false};
        SetupConfig config;
        config.ssh.host = QStringLiteral("old-host");
        config.delegate.accountId = QStringLiteral("kept");
        QVERIFY(setupConfigFrom(findings, &vm, QStringLiteral("/tf/pool.yaml"), &config).ok);
        QCOMPARE(config.ssh.gcloudCommand, gcloudCommandFor(vm));
        QCOMPARE(config.ssh.user, QStringLiteral("jane"));
        QVERIFY(config.ssh.host.isEmpty()); // the earlier connection must not pick the route
        QCOMPARE(config.runner.poolFile, QStringLiteral("/tf/pool.yaml"));
        QCOMPARE(config.runner.serviceAccountKey, QStringLiteral("/tf/sa.json"));
        QCOMPARE(config.delegate.accountId, QStringLiteral("kept"));
        findings.keyError = QStringLiteral("The key file /tf/sa.json does not exist.");
        QVERIFY(!setupConfigFrom(findings, &vm, {}, &config).ok);
    }
};

QTEST_GUILESS_MAIN(TestTerraformUnits)
#include "tst_TerraformUnits.moc"
