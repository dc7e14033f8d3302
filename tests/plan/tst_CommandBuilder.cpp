#include "plan/CommandBuilder.h"
#include "plan/SetupScript.h"
#include "plan/ShellQuote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

namespace {

const QString token = QStringLiteral("Q0FOQVJZY2FuYXJ5Y2FuYXJ5Y2FuYXJ5Y2FuYXJ5Y2E=");

SetupConfig seedConfig()
{
    SetupConfig c;
    c.ssh.sudo = false; // the seed's commands have no sudo
    c.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
    c.delegate.tags = {QStringLiteral("gitspaces")};
    return c;
}

const PlannedCommand &find(const StepPlan &step, const QString &id)
{
    for (const PlannedCommand &c : step.commands)
        if (c.id == id)
            return c;
    qFatal("no command %s", qPrintable(id));
}

QStringList words(const QString &script)
{
    QStringList out;
    if (!shellSplit(script, &out))
        qFatal("unbalanced quotes in %s", qPrintable(script));
    return out;
}

// The value that follows `option` in `argv` (or the part after "option=").
QString optionValue(const QStringList &argv, const QString &option)
{
    for (qsizetype i = 0; i < argv.size(); ++i) {
        if (argv.at(i) == option && i + 1 < argv.size())
            return argv.at(i + 1);
        if (argv.at(i).startsWith(option + QLatin1Char('=')))
            return argv.at(i).mid(option.size() + 1);
    }
    return QStringLiteral("<missing>");
}

QStringList envVars(const QStringList &argv)
{
    QStringList out;
    for (qsizetype i = 0; i + 1 < argv.size(); ++i)
        if (argv.at(i) == QLatin1String("-e"))
            out << argv.at(i + 1);
    return out;
}

int runBash(const QString &script, const QByteArray &input, const QStringList &extraPath,
            QByteArray *output = nullptr)
{
    QProcess bash;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), extraPath.join(QLatin1Char(':')) + QLatin1Char(':') +
                                           env.value(QStringLiteral("PATH")));
    bash.setProcessEnvironment(env);
    bash.start(QStringLiteral("/bin/bash"), {QStringLiteral("-c"), script});
    bash.write(input);
    bash.closeWriteChannel();
    if (!bash.waitForFinished(20000))
        return -1;
    if (output)
        *output = bash.readAllStandardOutput() + bash.readAllStandardError();
    return bash.exitCode();
}

} // namespace

class TestCommandBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runnerMatchesSeed();
    void delegateMatchesSeed();
    void networkOnlyIfMissing();
    void sudoPrefix();
    void hostileValuesStayOneWord();
    void customRunnerDirectory();
    void pasteFormWritesPoolAtomically();
    void heredocDelimiterAvoidsContent();
    void serviceAccountKeyNeverInlined();
    void tokenReachesDockerOnlyThroughStdin_data();
    void tokenReachesDockerOnlyThroughStdin();
    void exportScriptIsValidBashWithoutToken();
    void connectCommandFromGcloudOrSsh();
    void adoptOrRemoveContainersStartedByHand();
};

void TestCommandBuilder::runnerMatchesSeed()
{
    const StepPlan step = CommandBuilder(seedConfig()).runner();
    const QStringList argv = words(find(step, QStringLiteral("runner.run")).script);
    // The seed: docker run -d --network harness --hostname vm-runner -v /runner:/runner
    //           -p 3000:3000 --platform linux/amd64 drone/drone-runner-aws:latest delegate
    //           --pool /runner/<POOL.YAML FILE>
    QCOMPARE(argv.mid(0, 3), (QStringList{"docker", "run", "-d"}));
    QCOMPARE(optionValue(argv, "--network"), QStringLiteral("harness"));
    QCOMPARE(optionValue(argv, "--hostname"), QStringLiteral("vm-runner"));
    QCOMPARE(optionValue(argv, "-v"), QStringLiteral("/runner:/runner"));
    QCOMPARE(optionValue(argv, "-p"), QStringLiteral("3000:3000"));
    QCOMPARE(optionValue(argv, "--platform"), QStringLiteral("linux/amd64"));
    QCOMPARE(argv.mid(argv.size() - 4), (QStringList{"drone/drone-runner-aws:latest", "delegate",
                                                     "--pool", "/runner/pool.yaml"}));
    // Our additions: a name the delegate resolves on every Docker version, a restart policy, and
    // the label uninstall goes by.
    QCOMPARE(optionValue(argv, "--name"), QStringLiteral("vm-runner"));
    QCOMPARE(optionValue(argv, "--restart"), QStringLiteral("unless-stopped"));
    QCOMPARE(optionValue(argv, "--label"), QStringLiteral("io.harness.gitspaces-setup=runner"));
    QCOMPARE(argv.size(), 23);
    QCOMPARE(find(step, QStringLiteral("runner.directory")).script,
             QStringLiteral("mkdir -p /runner"));
}

void TestCommandBuilder::delegateMatchesSeed()
{
    const PlannedCommand run =
        find(CommandBuilder(seedConfig()).delegate(), QStringLiteral("delegate.run"));
    const QStringList argv = words(run.script);
    QCOMPARE(argv.mid(0, 3), (QStringList{"docker", "run", "-d"}));
    QCOMPARE(optionValue(argv, "--network"), QStringLiteral("harness"));
    QCOMPARE(optionValue(argv, "--cpus"), QStringLiteral("1"));
    QCOMPARE(optionValue(argv, "--memory"), QStringLiteral("2g"));
    QCOMPARE(optionValue(argv, "--name"), QStringLiteral("docker-delegate"));
    QCOMPARE(optionValue(argv, "--label"), QStringLiteral("io.harness.gitspaces-setup=delegate"));
    const QStringList expectedEnv = {"DELEGATE_NAME=docker-delegate",
                                     "DEPLOY_MODE=KUBERNETES_ONPREM",
                                     "NEXT_GEN=true",
                                     "DELEGATE_TYPE=DOCKER",
                                     "ACCOUNT_ID=6_vVHzo9Qeu9fXvj-AcQCb",
                                     "DELEGATE_TAGS=gitspaces",
                                     "RUNNER_URL=http://vm-runner:3000/",
                                     "MANAGER_HOST_AND_PORT=https://app.harness.io"};
    QCOMPARE(envVars(argv), expectedEnv);
    QCOMPARE(argv.last(),
             QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504"));
    // DELEGATE_TOKEN comes from the env file on stdin, so it is in no argv.
    QCOMPARE(optionValue(argv, "--env-file"), QStringLiteral("/dev/stdin"));
    QVERIFY(run.stdinIsToken);
    QVERIFY(!run.script.contains(QLatin1String("DELEGATE_TOKEN")));
}

void TestCommandBuilder::networkOnlyIfMissing()
{
    const PlannedCommand net =
        find(CommandBuilder(seedConfig()).runner(), QStringLiteral("runner.network"));
    QCOMPARE(net.script, QStringLiteral("docker network inspect harness >/dev/null 2>&1 || "
                                        "docker network create harness"));
}

void TestCommandBuilder::sudoPrefix()
{
    SetupConfig c = seedConfig();
    c.ssh.sudo = true;
    const CommandBuilder builder(c);
    QCOMPARE(find(builder.runner(), QStringLiteral("runner.directory")).script,
             QStringLiteral("sudo mkdir -p /runner"));
    QVERIFY(find(builder.runner(), QStringLiteral("runner.run"))
                .script.startsWith(QLatin1String("sudo docker run -d")));
    QVERIFY(find(builder.delegate(), QStringLiteral("delegate.run"))
                .script.startsWith(QLatin1String("sudo docker run -d")));
    QCOMPARE(find(builder.runner(), QStringLiteral("runner.network")).script,
             QStringLiteral("sudo docker network inspect harness >/dev/null 2>&1 || sudo docker "
                            "network create harness"));
}

void TestCommandBuilder::hostileValuesStayOneWord()
{
    SetupConfig c = seedConfig();
    c.delegate.name = QStringLiteral("x$(touch /tmp/pwned)`id`");
    c.delegate.tags = {QStringLiteral("a b"), QStringLiteral("c'd")};
    c.delegate.manager = QStringLiteral("https://h.example/$HOME");
    const QStringList argv =
        words(find(CommandBuilder(c).delegate(), QStringLiteral("delegate.run")).script);
    QCOMPARE(optionValue(argv, "--name"), c.delegate.name);
    QVERIFY(envVars(argv).contains(QStringLiteral("DELEGATE_TAGS=a b,c'd")));
    QVERIFY(
        envVars(argv).contains(QStringLiteral("MANAGER_HOST_AND_PORT=https://h.example/$HOME")));
}

void TestCommandBuilder::customRunnerDirectory()
{
    SetupConfig c = seedConfig();
    c.runner.directory = QStringLiteral("/opt/gs runner");
    const CommandBuilder builder(c);
    const QStringList argv = words(find(builder.runner(), QStringLiteral("runner.run")).script);
    QCOMPARE(optionValue(argv, "-v"),
             QStringLiteral("/opt/gs runner:/runner")); // container path fixed
    QCOMPARE(argv.last(), QStringLiteral("/runner/pool.yaml"));
    QCOMPARE(builder.remotePoolPath(), QStringLiteral("/opt/gs runner/pool.yaml"));
}

// The paste form really writes the file: run it in bash against a temporary "runner" directory.
void TestCommandBuilder::pasteFormWritesPoolAtomically()
{
    QTemporaryDir vm;
    SetupConfig c = seedConfig();
    c.runner.directory = vm.filePath(QStringLiteral("runner"));
    const QByteArray content =
        "version: \"1\"\ninstances:\n- name: 'it''s $(HOME) `x`'\n  type: google\n";
    CommandBuilder builder(c);
    builder.setPoolContent(content);
    QString script;
    for (const PlannedCommand &cmd : builder.runner().commands) {
        if (cmd.id == QLatin1String("runner.directory") || cmd.id == QLatin1String("runner.pool"))
            script += builder.renderForPaste(cmd, TokenDisplay::HiddenPrompt) + QLatin1Char('\n');
    }
    QByteArray output;
    QCOMPARE(runBash(script, {}, {}, &output), 0);
    QFile written(builder.remotePoolPath());
    QVERIFY2(written.open(QIODevice::ReadOnly), output.constData());
    QCOMPARE(written.readAll(), content);
    const QFile::Permissions mode = QFileInfo(written).permissions();
    QVERIFY(mode.testFlags(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(
        !(mode & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
    QCOMPARE(
        QDir(c.runner.directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList{QStringLiteral("pool.yaml")}); // no temporary left behind
}

void TestCommandBuilder::heredocDelimiterAvoidsContent()
{
    QTemporaryDir vm;
    SetupConfig c = seedConfig();
    c.runner.directory = vm.path();
    const QByteArray content = "a: 1\nGITSPACES_EOF\nb: 2\n";
    CommandBuilder builder(c);
    builder.setPoolContent(content);
    const QString script = builder.renderForPaste(
        find(builder.runner(), QStringLiteral("runner.pool")), TokenDisplay::HiddenPrompt);
    QCOMPARE(runBash(script, {}, {}), 0);
    QFile written(builder.remotePoolPath());
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), content);
}

void TestCommandBuilder::serviceAccountKeyNeverInlined()
{
    QTemporaryDir local;
    const QString keyPath = local.filePath(QStringLiteral("sa-key.json"));
    QFile key(keyPath);
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write("{\"private_key\": \"-----BEGIN PRIVATE KEY-----SECRETKEYMATERIAL\"}");
    key.close();
    SetupConfig c = seedConfig();
    c.runner.serviceAccountKey = keyPath;
    const CommandBuilder builder(c);
    QCOMPARE(builder.remoteKeyPath(), QStringLiteral("/runner/sa-key.json"));
    const QString paste = builder.renderStepForPaste(builder.runner(), TokenDisplay::HiddenPrompt);
    QVERIFY(paste.contains(QLatin1String("< sa-key.json")));
    QVERIFY(!paste.contains(QLatin1String("SECRETKEYMATERIAL")));
    QVERIFY(!setupScript(builder).contains(QLatin1String("SECRETKEYMATERIAL")));
}

void TestCommandBuilder::tokenReachesDockerOnlyThroughStdin_data()
{
    QTest::addColumn<int>("display");
    QTest::addColumn<bool>("tokenInText");
    QTest::newRow("hidden prompt") << int(TokenDisplay::HiddenPrompt) << false;
    QTest::newRow("revealed") << int(TokenDisplay::Revealed) << true;
}

// A stand-in `docker` records its argv and stdin; the token must be in stdin only.
void TestCommandBuilder::tokenReachesDockerOnlyThroughStdin()
{
    QFETCH(int, display);
    QFETCH(bool, tokenInText);
    QTemporaryDir bin;
    QFile docker(bin.filePath(QStringLiteral("docker")));
    QVERIFY(docker.open(QIODevice::WriteOnly));
    docker.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/argv\"\n"
                 "cat > \"$(dirname \"$0\")/stdin\"\n");
    docker.close();
    docker.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    const CommandBuilder builder(seedConfig());
    const QString paste = builder.renderForPaste(
        find(builder.delegate(), QStringLiteral("delegate.run")), TokenDisplay(display), token);
    QCOMPARE(paste.contains(token), tokenInText);
    QByteArray output;
    QCOMPARE(runBash(paste, token.toUtf8() + '\n', {bin.path()}, &output), 0);
    QVERIFY(!output.contains(token.toUtf8())); // read -s echoes nothing
    QFile argv(bin.filePath(QStringLiteral("argv")));
    QVERIFY(argv.open(QIODevice::ReadOnly));
    const QByteArray args = argv.readAll();
    QVERIFY(args.contains("ACCOUNT_ID=6_vVHzo9Qeu9fXvj-AcQCb"));
    QVERIFY(!args.contains(token.toUtf8()));
    QFile stdinFile(bin.filePath(QStringLiteral("stdin")));
    QVERIFY(stdinFile.open(QIODevice::ReadOnly));
    QCOMPARE(stdinFile.readAll(), "DELEGATE_TOKEN=" + token.toUtf8() + '\n');
}

void TestCommandBuilder::exportScriptIsValidBashWithoutToken()
{
    QTemporaryDir dir;
    const QString pool = dir.filePath(QStringLiteral("pool.yaml"));
    QFile f(pool);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("version: \"1\"\ninstances: []\n");
    f.close();
    SetupConfig c = seedConfig();
    c.runner.poolFile = pool;
    CommandBuilder builder(c);
    builder.setPoolContent("version: \"1\"\ninstances: []\n");
    const QString script = setupScript(builder);
    QVERIFY(script.startsWith(QLatin1String("#!/usr/bin/env bash\n")));
    QVERIFY(script.contains(QLatin1String("read -rsp")));
    QVERIFY(script.contains(QLatin1String("instances: []")));
    QVERIFY(!script.contains(token));
    QProcess bash;
    bash.start(QStringLiteral("/bin/bash"), {QStringLiteral("-n")});
    bash.write(script.toUtf8());
    bash.closeWriteChannel();
    QVERIFY(bash.waitForFinished(10000));
    QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
}

void TestCommandBuilder::connectCommandFromGcloudOrSsh()
{
    SetupConfig c = seedConfig();
    c.ssh.host = QStringLiteral("203.0.113.7");
    c.ssh.user = QStringLiteral("admin");
    c.ssh.port = 2222;
    c.ssh.identityFile = QStringLiteral("~/.ssh/google_compute_engine");
    QCOMPARE(CommandBuilder(c).connect().commands.at(0).script,
             QStringLiteral("ssh -p 2222 -i ~/.ssh/google_compute_engine admin@203.0.113.7"));
    c.ssh.gcloudCommand = QStringLiteral(
        R"(gcloud compute ssh --zone "us-west1-a" "gs-runner-vm" --tunnel-through-iap --project "my-proj")");
    QCOMPARE(CommandBuilder(c).connect().commands.at(0).script,
             QStringLiteral("gcloud compute ssh --zone us-west1-a gs-runner-vm "
                            "--tunnel-through-iap --project my-proj"));
}

// Containers started by hand (the seed's commands give no --name): only when the VM has some,
// the plan holds optional commands to keep the first under our name or to remove them all.
void TestCommandBuilder::adoptOrRemoveContainersStartedByHand()
{
    SetupConfig c = seedConfig();
    c.ssh.sudo = true;
    const auto ids = [](const StepPlan &step) {
        QStringList list;
        for (const PlannedCommand &command : step.commands)
            list << command.id;
        return list;
    };
    QVERIFY(!ids(CommandBuilder(c).runner()).contains(QStringLiteral("runner.adopt")));
    QVERIFY(!ids(CommandBuilder(c).delegate()).contains(QStringLiteral("delegate.adopt")));

    c.found.runners = {QStringLiteral("3f2a1b0c9d8e")};
    c.found.delegates = {QStringLiteral("aaaaaaaaaaaa"), QStringLiteral("bbbbbbbbbbbb")};
    const CommandBuilder builder(c);
    const StepPlan runner = builder.runner();
    QCOMPARE(ids(runner),
             (QStringList{"runner.directory", "runner.pool", "runner.network", "runner.adopt",
                          "runner.remove-found", "runner.remove", "runner.run"}));
    QCOMPARE(find(runner, QStringLiteral("runner.adopt")).script,
             QStringLiteral("sudo docker rename 3f2a1b0c9d8e vm-runner && "
                            "sudo docker update --restart unless-stopped vm-runner && "
                            "sudo sh -c 'mkdir -p /runner && umask 077 && echo "
                            "'\\''runner 3f2a1b0c9d8e'\\'' >> /runner/.gitspaces-setup-adopted'"));
    QCOMPARE(find(runner, QStringLiteral("runner.remove-found")).script,
             QStringLiteral("sudo docker rm -f 3f2a1b0c9d8e"));
    QVERIFY(find(runner, QStringLiteral("runner.adopt")).optional);
    QVERIFY(find(runner, QStringLiteral("runner.remove-found")).optional);

    // Two delegates of our name: keeping one removes the other, so there is never a second.
    const StepPlan delegate = builder.delegate();
    QCOMPARE(find(delegate, QStringLiteral("delegate.adopt")).script,
             QStringLiteral("sudo docker rm -f bbbbbbbbbbbb && "
                            "sudo docker rename aaaaaaaaaaaa docker-delegate && "
                            "sudo docker update --restart unless-stopped docker-delegate && "
                            "sudo sh -c 'mkdir -p /runner && umask 077 && echo "
                            "'\\''delegate aaaaaaaaaaaa'\\'' >> "
                            "/runner/.gitspaces-setup-adopted'"));
    QCOMPARE(find(delegate, QStringLiteral("delegate.remove-found")).script,
             QStringLiteral("sudo docker rm -f aaaaaaaaaaaa bbbbbbbbbbbb"));
    QVERIFY(find(delegate, QStringLiteral("delegate.adopt")).optional);

    // The paste form comments them out, like every optional command.
    const QString paste = builder.renderStepForPaste(runner, TokenDisplay::HiddenPrompt);
    QVERIFY(paste.contains(QStringLiteral("# sudo docker rename 3f2a1b0c9d8e vm-runner")));
}

QTEST_GUILESS_MAIN(TestCommandBuilder)
#include "tst_CommandBuilder.moc"
