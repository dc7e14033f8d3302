// `gitspaces-setup export-ansible --config FILE… --out DIR`: exit codes, messages, and the
// folder it writes (one host per config, the pool files as apply uploads them, no token).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestExportAnsibleCli : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QString out, err;
    };
    static Run run(const QStringList &args, const QStringList &environment = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &pair : environment)
            env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("GS_APP_BINARY"),
                QStringList{QStringLiteral("export-ansible")} + args);
        if (!p.waitForFinished(20000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    static QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
    {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return f.fileName();
    }
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
    }
    static QByteArray pool()
    {
        return "version: \"1\"\ninstances:\n  - name: linux\n    default: true\n    type: google\n"
               "    pool: 1\n    limit: 4\n    platform:\n      os: linux\n      arch: amd64\n"
               "    spec:\n      account:\n        project_id: my-proj\n"
               "        json_path: sa.json\n      zone: [us-west1-a]\n"
               "      machine_type: e2-standard-4\n      image: projects/p/global/images/i\n";
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("GS_APP_BINARY"))); }

    void requiresConfigAndOut()
    {
        const Run none = run({});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(QLatin1String("--config FILE and --out DIR are required")),
                 qPrintable(none.err));
        const Run noOut = run({QStringLiteral("--config"), QStringLiteral("a.yaml")});
        QCOMPARE(noOut.exitCode, 2);
        const Run unreadable = run({QStringLiteral("--config"), QStringLiteral("/nonexistent.yaml"),
                                    QStringLiteral("--out"), QStringLiteral("/tmp/unused")});
        QCOMPARE(unreadable.exitCode, 2);
        QVERIFY(unreadable.err.contains(QLatin1String("/nonexistent.yaml: cannot read")));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/unused")));
    }

    void writesOneHostPerConfig()
    {
        QTemporaryDir dir;
        write(dir, QStringLiteral("pool.yaml"), pool());
        write(dir, QStringLiteral("sa.json"), "{\"type\": \"service_account\"}\n");
        const QByteArray config = "ssh:\n  host: 10.0.0.%1\n  user: admin\n"
                                  "runner:\n  pool_file: pool.yaml\n"
                                  "delegate:\n  account_id: 6_vVHzo9Qeu9fXvj-AcQCb\n";
        const QString a =
            write(dir, QStringLiteral("vm-a.yaml"), QByteArray(config).replace("%1", "5"));
        const QString b =
            write(dir, QStringLiteral("vm b.yaml"), QByteArray(config).replace("%1", "6"));
        const QString out = dir.filePath(QStringLiteral("out"));
        const Run r = run({QStringLiteral("--config"), a, QStringLiteral("--config"), b,
                           QStringLiteral("--out"), out},
                          {QStringLiteral("GITSPACES_DELEGATE_TOKEN=Q0FOQVJZLWNsaS1jYW5hcnk=")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("ansible-playbook site.yml")), qPrintable(r.out));
        const QByteArray inventory = readAll(out + QStringLiteral("/inventory.yml"));
        QVERIFY2(inventory.contains("        vm-a:\n          ansible_host: \"10.0.0.5\""),
                 inventory.constData());
        QVERIFY(inventory.contains("        vm-b:\n          ansible_host: \"10.0.0.6\""));
        // json_path found next to pool.yaml: pointed at the key in the container, and the key
        // is copied from its absolute path here.
        QVERIFY(readAll(out + QStringLiteral("/pools/vm-a.yaml"))
                    .contains("json_path: /runner/sa.json"));
        const QByteArray vars = readAll(out + QStringLiteral("/host_vars/vm-b.yml"));
        QVERIFY2(
            vars.contains("gitspaces_key_file: \"" + QFile::encodeName(dir.path()) + "/sa.json\""),
            vars.constData());
        QVERIFY(vars.contains("gitspaces_account_id: \"6_vVHzo9Qeu9fXvj-AcQCb\""));
        for (const QString &name : QDir(out).entryList(QDir::Files | QDir::Hidden))
            QVERIFY(!readAll(out + QLatin1Char('/') + name).contains("Q0FOQVJZLWNsaS1jYW5hcnk="));
    }

    void poolWithErrorsIsRefused()
    {
        QTemporaryDir dir;
        write(dir, QStringLiteral("pool.yaml"), "version: \"1\"\ninstances: 7\n");
        const QString a = write(dir, QStringLiteral("vm.yaml"),
                                "ssh:\n  host: vm\nrunner:\n  pool_file: pool.yaml\n");
        const Run r = run({QStringLiteral("--config"), a, QStringLiteral("--out"),
                           dir.filePath(QStringLiteral("out"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("the runner would refuse it")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out"))));
    }
};

QTEST_GUILESS_MAIN(TestExportAnsibleCli)
#include "tst_ExportAnsibleCli.moc"
