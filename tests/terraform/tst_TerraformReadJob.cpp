// TerraformReadJob against the stand-in terraform (data/terraform) and gcloud (data/gcloud):
// what it asks them, in which folder, and what it finds and says for the module's folder as
// Terraform leaves it, and for each kind of bad folder.

#include "../remote/FakeGcloud.h"
#include "FakeTerraform.h"

#include "terraform/TerraformReadJob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace gs;
using namespace gs::terraform;
using gs::test::FakeGcloud;
using gs::test::FakeTerraform;

namespace {

Findings read(const QString &folder)
{
    TerraformReadJob job(folder);
    QSignalSpy spy(&job, &TerraformReadJob::finished);
    job.start();
    // finished() never comes from inside start().
    if (!spy.isEmpty())
        return Findings{{}, QStringLiteral("finished inside start()")};
    if (!spy.wait(20000))
        return Findings{{}, QStringLiteral("no answer")};
    return spy.at(0).at(0).value<Findings>();
}

QString all(const Findings &f)
{
    return f.error + QLatin1Char('\n') + f.found.join(QLatin1Char('\n')) + QLatin1Char('\n') +
           f.missing.join(QLatin1Char('\n'));
}

} // namespace

class TestTerraformReadJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { qputenv("LOGNAME", "jane"); }

    void theModuleFolderAsTerraformLeavesIt()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
        FakeTerraform::write(tf.inFolder(QStringLiteral("service-account-key.json")),
                             FakeTerraform::serviceAccountKey());
        tf.answer(QStringLiteral("show.json"),
                  FakeTerraform::showJson({QStringLiteral("us-west1")}));
        const Findings f = read(tf.folder());
        QVERIFY2(f.ok(), qPrintable(all(f)));
        QVERIFY(f.terraformInstalled);
        QVERIFY(f.stateRead);
        QCOMPARE(f.vms.size(), 1);
        QCOMPARE(f.vms.at(0).name, QStringLiteral("mygs-us-west1-runner-vm"));
        QCOMPARE(f.poolFile, tf.inFolder(QStringLiteral("pool.yaml")));
        QVERIFY(f.poolYamlOutput.isEmpty());
        // json_path is relative to the Terraform folder, not to where the test runs.
        QCOMPARE(f.keyFile, tf.inFolder(QStringLiteral("service-account-key.json")));
        QVERIFY2(f.keySource.contains(QLatin1String("json_path")), qPrintable(f.keySource));
        QVERIFY(f.keyError.isEmpty());
        QCOMPARE(f.user, QStringLiteral("jane"));
        QVERIFY2(all(f).contains(QLatin1String("Runner VM: mygs-us-west1-runner-vm (zone "
                                               "us-west1-a, project my-proj)")),
                 qPrintable(all(f)));
        QVERIFY(f.missing.isEmpty());
        // terraform ran in the folder, without prompts; no output asked for with pool.yaml there.
        const QByteArray calls = tf.calls();
        QVERIFY2(calls.startsWith(tf.folder().toUtf8() + ": show -json -no-color [TF_INPUT=0]"),
                 calls.constData());
        QVERIFY(!calls.contains("output"));
    }

    void withoutPoolYamlTheOutputAndTheTfvarsKey()
    {
        FakeTerraform tf;
        QDir().mkpath(tf.workPath(QStringLiteral("keys")));
        FakeTerraform::write(tf.workPath(QStringLiteral("keys/sa.json")),
                             FakeTerraform::serviceAccountKey());
        tf.writeModuleFolder(QStringLiteral("../keys/sa.json"), false);
        tf.answer(QStringLiteral("show.json"),
                  FakeTerraform::showJson({QStringLiteral("us-west1")}));
        // The output's json_path is empty: the key then comes from terraform.tfvars.
        const QByteArray yaml = FakeTerraform::poolYaml(QStringLiteral("\"\""));
        const QJsonObject output{{QStringLiteral("sensitive"), false},
                                 {QStringLiteral("type"), QStringLiteral("string")},
                                 {QStringLiteral("value"), QString::fromUtf8(yaml)}};
        tf.answer(QStringLiteral("outputs.json"),
                  QJsonDocument(QJsonObject{{QStringLiteral("instance_yaml"), output}}).toJson());
        const Findings f = read(tf.folder());
        QVERIFY2(f.ok(), qPrintable(all(f)));
        QVERIFY(f.poolFile.isEmpty());
        QCOMPARE(f.poolYamlOutput, yaml);
        QCOMPARE(f.keyFile, QDir::cleanPath(tf.workPath(QStringLiteral("keys/sa.json"))));
        QVERIFY2(f.keySource.contains(QLatin1String("terraform.tfvars")), qPrintable(f.keySource));
        QVERIFY(tf.calls().contains("output -json -no-color"));
    }

    void withoutTerraformOnlyTheFiles()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
        FakeTerraform::write(tf.inFolder(QStringLiteral("service-account-key.json")),
                             FakeTerraform::serviceAccountKey());
        const QByteArray path = qgetenv("PATH");
        QTemporaryDir empty;
        qputenv("PATH", QFile::encodeName(empty.path()));
        const Findings f = read(tf.folder());
        qputenv("PATH", path);
        QVERIFY2(f.ok(), qPrintable(all(f)));
        QVERIFY(!f.terraformInstalled);
        QVERIFY(f.vms.isEmpty());
        QCOMPARE(f.poolFile, tf.inFolder(QStringLiteral("pool.yaml")));
        QCOMPARE(f.keyFile, tf.inFolder(QStringLiteral("service-account-key.json")));
        QVERIFY2(f.missing.join(QLatin1Char('\n'))
                     .contains(QLatin1String("terraform is not "
                                             "installed")),
                 qPrintable(all(f)));
        QVERIFY(tf.calls().isEmpty());
    }

    void notATerraformFolder()
    {
        FakeTerraform tf;
        FakeTerraform::write(tf.inFolder(QStringLiteral("notes.txt")), "hello");
        const Findings f = read(tf.folder());
        QVERIFY(!f.ok());
        QVERIFY2(f.error.contains(tf.folder()), qPrintable(f.error));
        QVERIFY2(f.error.contains(QLatin1String("not a Terraform folder")), qPrintable(f.error));
        QVERIFY(tf.calls().isEmpty());
        const Findings gone = read(tf.workPath(QStringLiteral("gone")));
        QVERIFY(gone.error.contains(QLatin1String("does not exist")));
    }

    void noState()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
        const Findings f = read(tf.folder());
        QVERIFY(!f.ok());
        QVERIFY2(f.error.contains(QLatin1String("no state")), qPrintable(f.error));
        QVERIFY(f.error.contains(tf.folder()));
    }

    void terraformFails()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
        tf.answer(QStringLiteral("show-fail"), {});
        const Findings f = read(tf.folder());
        QVERIFY(!f.ok());
        QVERIFY2(f.error.contains(QLatin1String("terraform init")), qPrintable(f.error));
    }

    void aKeyPathThatDoesNotExist()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
        tf.answer(QStringLiteral("show.json"),
                  FakeTerraform::showJson({QStringLiteral("us-west1")}));
        const Findings f = read(tf.folder());
        QVERIFY(f.ok());
        QVERIFY2(f.keyError.contains(tf.inFolder(QStringLiteral("service-account-key.json"))),
                 qPrintable(f.keyError));
        QVERIFY2(f.keyError.contains(QLatin1String("json_path in")), qPrintable(f.keyError));
        QVERIFY(f.missing.contains(f.keyError));
    }

    void severalRunnerVms()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
        tf.answer(
            QStringLiteral("show.json"),
            FakeTerraform::showJson({QStringLiteral("us-west1"), QStringLiteral("europe-west4")}));
        const Findings f = read(tf.folder());
        QVERIFY(f.ok());
        QCOMPARE(f.vms.size(), 2);
        RunnerVm vm;
        QVERIFY(!chooseVm(f, {}, &vm).ok);
    }

    // The real terraform, where installed: its show -json and output -json of a state made with
    // the built-in terraform_data (no provider to download) read as the stand-in's are.
    void theRealTerraformsFormats()
    {
        const QString terraform = QStandardPaths::findExecutable(QStringLiteral("terraform"));
        if (terraform.isEmpty())
            QSKIP("terraform is not installed");
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("mod"));
        FakeTerraform::write(dir.filePath(QStringLiteral("main.tf")),
                             "module \"infra\" {\n  source = \"./mod\"\n}\n"
                             "output \"instance_yaml\" {\n  value = \"version: 1\\n\"\n}\n");
        FakeTerraform::write(dir.filePath(QStringLiteral("mod/main.tf")),
                             "resource \"terraform_data\" \"runner_vm\" {\n"
                             "  input = { name = \"x-runner-vm\" }\n}\n");
        for (const QStringList &args :
             {QStringList{QStringLiteral("init"), QStringLiteral("-input=false")},
              QStringList{QStringLiteral("apply"), QStringLiteral("-auto-approve"),
                          QStringLiteral("-input=false")}}) {
            QProcess p;
            p.setWorkingDirectory(dir.path());
            p.start(terraform, args);
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        }
        const Findings f = read(dir.path());
        QVERIFY2(f.ok(), qPrintable(all(f)));
        QVERIFY(f.stateRead);
        QVERIFY(f.vms.isEmpty()); // a terraform_data is no google_compute_instance
        QCOMPARE(f.poolYamlOutput, QByteArray("version: 1\n"));
        QVERIFY2(all(f).contains(QLatin1String("No runner VM")), qPrintable(all(f)));
    }

    // gcloud does not use a local name with a space: it takes the account's instead.
    void userFromTheAccount()
    {
        FakeTerraform tf;
        FakeGcloud gcloud(0);
        gcloud.answer(QStringLiteral("account"), "Jane.Doe@example.com\n");
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
        tf.answer(QStringLiteral("show.json"),
                  FakeTerraform::showJson({QStringLiteral("us-west1")}));
        qputenv("LOGNAME", "Jane Doe");
        const Findings f = read(tf.folder());
        QVERIFY(f.ok());
        QCOMPARE(f.user, QStringLiteral("jane_doe"));
        QVERIFY(f.userWhy.contains(QLatin1String("Jane.Doe@example.com")));
        QVERIFY(gcloud.calls().startsWith("config get-value account [prompts=1]"));
    }
};

QTEST_GUILESS_MAIN(TestTerraformReadJob)
#include "tst_TerraformReadJob.moc"
