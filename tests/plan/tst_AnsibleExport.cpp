// The Ansible export (issue 14): inventory, host variables, playbook and pool files from the plan.
// Generated YAML is read back with yaml-cpp; the playbook's docker commands are checked against
// CommandBuilder's, word for word, so the two cannot drift.
#include "plan/AnsibleExport.h"
#include "plan/ShellQuote.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace gs;

namespace {

SetupConfig sshConfig()
{
    SetupConfig c;
    c.ssh.host = QStringLiteral("10.0.0.5");
    c.ssh.port = 2222;
    c.ssh.user = QStringLiteral("admin");
    c.ssh.identityFile = QStringLiteral("/home/admin/.ssh/id_ed25519");
    c.ssh.sudo = true;
    c.runner.poolFile = QStringLiteral("/home/admin/pool.yaml");
    c.runner.serviceAccountKey = QStringLiteral("/home/admin/sa key.json");
    c.runner.directory = QStringLiteral("/srv/runner");
    c.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
    c.delegate.tags = {QStringLiteral("gitspaces"), QStringLiteral("gcp")};
    return c;
}

AnsibleExport::Host host(const QString &name, const SetupConfig &config,
                         const QByteArray &pool = "version: \"1\"\n")
{
    CommandBuilder plan(config);
    plan.setPoolContent(pool);
    return {name, plan, name + QStringLiteral(".yaml")};
}

YAML::Node parse(const QByteArray &text)
{
    return YAML::Load(text.toStdString());
}

QString str(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

QByteArray fileContent(const QList<AnsibleExport::File> &files, const QString &path)
{
    for (const AnsibleExport::File &file : files)
        if (file.path == path)
            return file.content;
    return "<missing>";
}

QStringList words(const QString &script)
{
    QStringList out;
    QString joined = script;
    joined.replace(QStringLiteral("\\\n"), QStringLiteral(" "));
    if (!shellSplit(joined, &out))
        qFatal("unbalanced quotes in %s", qPrintable(script));
    return out;
}

QString script(const StepPlan &step, const QString &id)
{
    for (const PlannedCommand &c : step.commands)
        if (c.id == id)
            return c.script;
    qFatal("no command %s", qPrintable(id));
}

} // namespace

class tst_AnsibleExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostNames()
    {
        QCOMPARE(AnsibleExport::hostName(QStringLiteral("vm-a"), {}), QStringLiteral("vm-a"));
        QCOMPARE(AnsibleExport::hostName(QStringLiteral("my vm.prod"), {}),
                 QStringLiteral("my-vm-prod"));
        QCOMPARE(AnsibleExport::hostName(QStringLiteral("../"), {}), QStringLiteral("runner-vm"));
        QCOMPARE(AnsibleExport::hostName(QStringLiteral("vm"), {QStringLiteral("vm")}),
                 QStringLiteral("vm-2"));
        QCOMPARE(AnsibleExport::hostName(QStringLiteral("vm"),
                                         {QStringLiteral("VM"), QStringLiteral("vm-2")}),
                 QStringLiteral("vm-3"));
    }

    void inventoryOverSsh()
    {
        const YAML::Node inv =
            parse(AnsibleExport::inventory({host(QStringLiteral("vm-a"), sshConfig())}));
        const YAML::Node h = inv["all"]["children"]["gitspaces_runners"]["hosts"]["vm-a"];
        QVERIFY(h.IsMap());
        QCOMPARE(str(h["ansible_host"]), QStringLiteral("10.0.0.5"));
        QCOMPARE(h["ansible_port"].as<int>(), 2222);
        QCOMPARE(str(h["ansible_user"]), QStringLiteral("admin"));
        QCOMPARE(str(h["ansible_ssh_private_key_file"]),
                 QStringLiteral("/home/admin/.ssh/id_ed25519"));
        QVERIFY(!h["ansible_ssh_common_args"]);
    }

    void inventoryThroughIap()
    {
        SetupConfig c = sshConfig();
        c.ssh.user.clear();
        c.ssh.identityFile.clear();
        c.ssh.gcloudCommand = QStringLiteral("gcloud compute ssh --zone \"us-west1-a\" "
                                             "\"gs-runner-vm\" --tunnel-through-iap --project "
                                             "\"my-proj\"");
        const YAML::Node inv = parse(AnsibleExport::inventory({host(QStringLiteral("iap"), c)}));
        const YAML::Node h = inv["all"]["children"]["gitspaces_runners"]["hosts"]["iap"];
        QCOMPARE(str(h["ansible_host"]), QStringLiteral("gs-runner-vm"));
        QCOMPARE(str(h["ansible_ssh_private_key_file"]),
                 QStringLiteral("~/.ssh/google_compute_engine"));
        const QString args = str(h["ansible_ssh_common_args"]);
        // Ansible splits it like a shell: one -o with the whole ProxyCommand.
        QStringList argv;
        QVERIFY(shellSplit(args, &argv));
        QCOMPARE(argv.size(), 2);
        QCOMPARE(argv.at(0), QStringLiteral("-o"));
        QVERIFY2(argv.at(1).startsWith(QLatin1String("ProxyCommand=gcloud compute "
                                                     "start-iap-tunnel gs-runner-vm 22 "
                                                     "--listen-on-stdin --zone us-west1-a")),
                 qPrintable(argv.at(1)));
        QVERIFY(argv.at(1).contains(QLatin1String("--project my-proj")));
    }

    void hostVariablesCarryTheAnswers()
    {
        SetupConfig c = sshConfig();
        c.delegate.name = QStringLiteral("dele\"gate {{ lookup('pipe', 'id') }}");
        const YAML::Node v = parse(AnsibleExport::hostVariables(host(QStringLiteral("vm-a"), c)));
        QCOMPARE(v["gitspaces_become_docker"].as<bool>(), true);
        QCOMPARE(v["gitspaces_become_files"].as<bool>(), true);
        QCOMPARE(str(v["gitspaces_runner_directory"]), QStringLiteral("/srv/runner"));
        QCOMPARE(str(v["gitspaces_key_file"]), QStringLiteral("/home/admin/sa key.json"));
        QCOMPARE(str(v["gitspaces_delegate_name"]), c.delegate.name);
        QCOMPARE(str(v["gitspaces_account_id"]), c.delegate.accountId);
        QCOMPARE(v["gitspaces_delegate_tags"].size(), std::size_t(2));
        QCOMPARE(str(v["gitspaces_delegate_tags"][1]), QStringLiteral("gcp"));
        QCOMPARE(str(v["gitspaces_delegate_memory"]), QStringLiteral("2g"));
        // Jinja in a value is never run by Ansible.
        QCOMPARE(v["gitspaces_delegate_name"].Tag(), std::string("!unsafe"));
        QCOMPARE(v["gitspaces_manager"].Tag(), std::string("!"));

        SetupConfig noSudo = sshConfig();
        noSudo.ssh.sudo = false;
        noSudo.runner.serviceAccountKey.clear();
        const YAML::Node w =
            parse(AnsibleExport::hostVariables(host(QStringLiteral("vm-b"), noSudo)));
        QCOMPARE(w["gitspaces_become_docker"].as<bool>(), false);
        QCOMPARE(str(w["gitspaces_key_file"]), QString());
    }

    void filesOfTheExport()
    {
        const QByteArray pool = "version: \"1\"\ninstances:\n  - name: a\n";
        const QList<AnsibleExport::File> files =
            AnsibleExport::files({host(QStringLiteral("vm-a"), sshConfig(), pool),
                                  host(QStringLiteral("vm-b"), sshConfig(), "other\n")});
        QStringList paths;
        for (const AnsibleExport::File &file : files)
            paths << file.path;
        for (const char *expected :
             {"README.md", "ansible.cfg", ".ansible-lint", "inventory.yml", "site.yml",
              "host_vars/vm-a.yml", "host_vars/vm-b.yml", "pools/vm-a.yaml", "pools/vm-b.yaml"})
            QVERIFY2(paths.contains(QLatin1String(expected)), expected);
        QCOMPARE(fileContent(files, QStringLiteral("pools/vm-a.yaml")), pool);
        QCOMPARE(fileContent(files, QStringLiteral("pools/vm-b.yaml")), QByteArray("other\n"));
        const QByteArray readme = fileContent(files, QStringLiteral("README.md"));
        QVERIFY(readme.contains("`vm-a` (from vm-a.yaml)"));
        QVERIFY(readme.contains("GITSPACES_DELEGATE_TOKEN"));
        QVERIFY(readme.contains("ansible-vault create"));
        QVERIFY(readme.contains("python3-docker"));
        QVERIFY(fileContent(files, QStringLiteral("ansible.cfg")).contains("pipelining = true"));
        QVERIFY(fileContent(files, QStringLiteral(".ansible-lint")).contains("offline: true"));
        // Every placeholder filled.
        const QRegularExpression placeholder(QStringLiteral("@[A-Z_]+@"));
        for (const AnsibleExport::File &file : files)
            QVERIFY2(!QString::fromUtf8(file.content).contains(placeholder), qPrintable(file.path));
    }

    void playbookTakesTheTokenAtRunTime()
    {
        const QByteArray book = AnsibleExport::playbook();
        QVERIFY(book.contains("lookup('ansible.builtin.env', 'GITSPACES_DELEGATE_TOKEN')"));
        QVERIFY(book.contains("stdin: \"DELEGATE_TOKEN={{ gitspaces_delegate_token }}\""));
        // The task that hands the token over is no_log, and so is the one that reads it back.
        const qsizetype run = book.indexOf("stdin: \"DELEGATE_TOKEN=");
        const qsizetype nextTask = book.indexOf("    - name:", run);
        QVERIFY(book.mid(run, nextTask - run).contains("no_log: true"));
        const qsizetype inspect = book.indexOf("name: Read the delegate container");
        QVERIFY(book.mid(inspect, book.indexOf("    - name:", inspect + 10) - inspect)
                    .contains("no_log: true"));
        QVERIFY(!book.contains("ansible.builtin.shell"));
    }

    // Every fixed word of the engine's `docker run` is an argv item of the playbook's.
    void playbookRunsTheEnginesCommands()
    {
        SetupConfig c = sshConfig();
        c.ssh.sudo = false;
        const CommandBuilder plan(c);
        const QString book = QString::fromUtf8(AnsibleExport::playbook());
        const QStringList configValues = {c.runner.image,
                                          c.runner.directory + QStringLiteral(":/runner"),
                                          c.delegate.image, c.delegate.name};
        for (const QString &id : {QStringLiteral("runner.run"), QStringLiteral("delegate.run")}) {
            const StepPlan step =
                id.startsWith(QLatin1String("runner")) ? plan.runner() : plan.delegate();
            for (const QString &word : words(script(step, id))) {
                if (configValues.contains(word) ||
                    (word.contains(QLatin1Char('=')) && word.startsWith(QLatin1String("--"))))
                    continue; // a host variable, or --cpus=/--memory= (checked below)
                bool fromConfig = false;
                for (const QString &value : {c.delegate.accountId, c.delegate.manager,
                                             c.delegate.tags.join(QLatin1Char(','))})
                    fromConfig = fromConfig || word.endsWith(QLatin1Char('=') + value);
                if (fromConfig || word == QLatin1String("DELEGATE_NAME=docker-delegate"))
                    continue;
                QVERIFY2(book.contains(QStringLiteral("          - ") + word + QLatin1Char('\n')) ||
                             book.contains(QStringLiteral("          - \"") + word +
                                           QStringLiteral("\"\n")) ||
                             book.contains(QStringLiteral(", ") + word + QLatin1Char(']')),
                         qPrintable(id + QStringLiteral(": ") + word));
            }
        }
        for (const char *expected :
             {"\"--cpus={{ gitspaces_delegate_cpus }}\"",
              "\"--memory={{ gitspaces_delegate_memory }}\"",
              "\"ACCOUNT_ID={{ gitspaces_account_id }}\"",
              "\"DELEGATE_TAGS={{ gitspaces_delegate_tags | join(',') }}\"",
              "\"MANAGER_HOST_AND_PORT={{ gitspaces_manager }}\"",
              "\"{{ gitspaces_runner_directory }}:/runner\"", "docker network create harness",
              "http://127.0.0.1:3000/healthz", "Delegate registered with id"})
            QVERIFY2(book.contains(QLatin1String(expected)), expected);
    }

    void writesTheFolder()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("new/ansible"));
        QString error;
        QVERIFY2(
            AnsibleExport::write(AnsibleExport::files({host(QStringLiteral("vm-a"), sshConfig())}),
                                 out, &error),
            qPrintable(error));
        QVERIFY(QFile::exists(out + QStringLiteral("/site.yml")));
        QVERIFY(QFile::exists(out + QStringLiteral("/host_vars/vm-a.yml")));
        QCOMPARE(QFile::permissions(out + QStringLiteral("/pools/vm-a.yaml")) & 0x0077,
                 QFileDevice::Permissions());
        // A file where a folder must go: said, not ignored.
        QFile blocker(dir.filePath(QStringLiteral("blocked")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(
            !AnsibleExport::write(AnsibleExport::files({host(QStringLiteral("vm-a"), sshConfig())}),
                                  dir.filePath(QStringLiteral("blocked")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_AnsibleExport)
#include "tst_AnsibleExport.moc"
