// `gitspaces-setup commands --config FILE`: exit codes, messages, and the same commands as the
// builder (which the pages show).
#include "plan/CommandBuilder.h"
#include "plan/ConfigFile.h"
#include "plan/SetupScript.h"
#include "steps/EffectivePlan.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

class TestCommandsCli : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QString out, err;
    };
    static Run run(const QStringList &args,
                   const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("GS_APP_BINARY"), args);
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

private Q_SLOTS:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("GS_APP_BINARY"))); }

    void missingConfigOption()
    {
        const Run r = run({QStringLiteral("commands")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--config FILE is required")));
    }
    void unreadableConfig()
    {
        const Run r = run({QStringLiteral("commands"), QStringLiteral("--config"),
                           QStringLiteral("/nonexistent.yaml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("/nonexistent.yaml: cannot read")));
    }
    void invalidValueNamesTheKey()
    {
        QTemporaryDir dir;
        const QString cfg =
            write(dir, "c.yaml", "delegate:\n  name: Bad_Name\n  memory: 2gb\nssh:\n  host: vm\n");
        const Run r = run({QStringLiteral("commands"), QStringLiteral("--config"), cfg});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("delegate.name: Use lowercase")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("delegate.memory:")));
        QVERIFY(r.out.isEmpty());
    }
    void unknownSubcommand()
    {
        const Run r = run({QStringLiteral("comands")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("unknown command")));
    }
    void helpAndVersion()
    {
        QCOMPARE(run({QStringLiteral("--help")}).exitCode, 0);
        QVERIFY(
            run({QStringLiteral("--help")}).out.contains(QLatin1String("commands --config FILE")));
        QVERIFY(
            run({QStringLiteral("--version")}).out.startsWith(QLatin1String("gitspaces-setup ")));
    }

    // What `apply` says while it runs is German too: its messages are filed under its class, and
    // a QObject without Q_OBJECT would look them up under "QObject" and find nothing.
    void engineMessagesInGerman()
    {
        QTemporaryDir dir;
        const QString cfg = write(dir, "c.yaml",
                                  "ssh:\n  host: 127.0.0.1\n  port: 1\n  user: nobody\n"
                                  "delegate:\n  account_id: 6_vVHzo9Qeu9fXvj-AcQCb\n");
        QProcessEnvironment german = QProcessEnvironment::systemEnvironment();
        german.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        german.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        german.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain: no token
        german.remove(QStringLiteral("GITSPACES_DELEGATE_TOKEN"));
        const Run apply = run(
            {QStringLiteral("apply"), QStringLiteral("--config"), cfg, QStringLiteral("--offline")},
            german);
        QCOMPARE(apply.exitCode, 1);
        QVERIFY2(apply.err.contains(QLatin1String("Kein Delegate-Token")), qPrintable(apply.err));
        const Run status = run({QStringLiteral("status"), QStringLiteral("--config"), cfg}, german);
        QCOMPARE(status.exitCode, 2);
        QVERIFY2(status.err.contains(QLatin1String("Verbinde mit nobody@127.0.0.1:1")),
                 qPrintable(status.err));
    }

    // Every subcommand's --help names the subcommand (not the binary's path), and in German
    // says every sentence in German: no line of the English help reappears.
    void everySubcommandHelpInEnglishAndGerman()
    {
        QProcessEnvironment english = QProcessEnvironment::systemEnvironment();
        english.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        english.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        QProcessEnvironment german = english;
        german.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        german.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        for (const char *name : {"commands", "check", "apply", "uninstall", "validate-pool",
                                 "status", "upgrade-delegate", "logs"}) {
            const QString sub = QString::fromLatin1(name);
            const Run en = run({sub, QStringLiteral("--help")}, english);
            const Run de = run({sub, QStringLiteral("-h")}, german);
            QCOMPARE(en.exitCode, 0);
            QCOMPARE(de.exitCode, 0);
            QVERIFY2(en.out.startsWith(QStringLiteral("Usage: gitspaces-setup ") + sub),
                     qPrintable(en.out));
            QVERIFY2(de.out.startsWith(QStringLiteral("Aufruf: gitspaces-setup ") + sub),
                     qPrintable(de.out));
            QVERIFY2(!en.out.contains(QLatin1String("help-all")), qPrintable(en.out));
            const QStringList lines = en.out.split(QLatin1Char('\n'));
            for (const QString &line : lines.mid(1)) {
                // A description: words after the option column, three or more of them.
                const QString text = line.section(QStringLiteral("  "), -1).trimmed();
                if (text.count(QLatin1Char(' ')) >= 2)
                    QVERIFY2(!de.out.contains(text), qPrintable(sub + QStringLiteral(": ") + text));
            }
        }
    }

    // `commands` and `commands --script` print the plan apply runs: the pool file as it goes up
    // (json_path pointed at the key inside the container), byte for byte, and no token.
    void printsTheEffectivePlanWithoutToken()
    {
        QTemporaryDir dir;
        write(dir, "pool.yaml",
              "version: \"1\"\ninstances:\n- name: gitspaces\n  type: google\n  spec:\n"
              "    account:\n      project_id: my-proj\n      json_path: sa.json\n");
        write(dir, "sa.json", "{\"type\": \"service_account\", \"private_key\": \"SECRETKEY\"}");
        const QString cfg =
            write(dir, "c.yaml",
                  "ssh:\n  host: 203.0.113.7\n  user: admin\nrunner:\n  pool_file: pool.yaml\n"
                  "delegate:\n  account_id: 6_vVHzo9Qeu9fXvj-AcQCb\n  tags: [gitspaces]\n");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString canary = QStringLiteral("Q0FOQVJZY2FuYXJ5Y2FuYXJ5Y2FuYXJ5Y2FuYXJ5Y2E=");
        env.insert(QStringLiteral("GITSPACES_DELEGATE_TOKEN"), canary);
        const Run r = run({QStringLiteral("commands"), QStringLiteral("--config"), cfg}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(canary));
        QVERIFY(!r.out.contains(QLatin1String("SECRETKEY")));
        QVERIFY(!r.out.contains(QStringLiteral("••••••••")));
        QVERIFY(r.out.contains(QLatin1String("read -rsp 'Delegate token: ' DELEGATE_TOKEN")));
        QVERIFY2(r.out.contains(QLatin1String("json_path: /runner/sa.json")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("json_path: sa.json")));

        const auto loaded = ConfigFile::load(cfg);
        QVERIFY(loaded.ok);
        const steps::PreparedPool pool = steps::preparePool(loaded.config);
        const CommandBuilder builder = steps::effectivePlan(
            loaded.config, Privileges::fromAnswer(loaded.config.ssh.sudo), pool);
        for (const StepPlan &step : builder.all())
            QVERIFY2(r.out.contains(builder.renderStepForPaste(step, TokenDisplay::HiddenPrompt)),
                     qPrintable(step.title));

        const Run script = run({QStringLiteral("commands"), QStringLiteral("--config"), cfg,
                                QStringLiteral("--script")},
                               env);
        QCOMPARE(script.exitCode, 0);
        QCOMPARE(script.out, setupScript(builder));
        QVERIFY(!script.out.contains(canary));
        QVERIFY(!script.out.contains(QLatin1String("SECRETKEY")));
        // The pool file goes up exactly as the engine sends it.
        QVERIFY(script.out.contains(QString::fromUtf8(pool.content)));
    }

    void unreadablePoolFileIsAnError()
    {
        QTemporaryDir dir;
        const QString cfg =
            write(dir, "c.yaml", "ssh:\n  host: vm\nrunner:\n  pool_file: missing.yaml\n");
        const Run r = run({QStringLiteral("commands"), QStringLiteral("--config"), cfg});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("missing.yaml")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCommandsCli)
#include "tst_CommandsCli.moc"
