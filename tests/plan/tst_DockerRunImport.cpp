#include "plan/DockerRunImport.h"

#include <QFile>
#include <QTest>

using namespace gs;

namespace {

const QString canary = QStringLiteral("Q0FOQVJZY2FuYXJ5Q0FOQVJZY2FuYXJ5Q0FOQVJZY2E=");
const QString account = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");

// The form the Harness UI gives (Account Settings → Delegates → New Delegate → Docker).
QString harnessUiCommand()
{
    return QStringLiteral("docker run --cpus=1 --memory=2g \\\n"
                          "  -e DELEGATE_NAME=docker-delegate \\\n"
                          "  -e NEXT_GEN=\"true\" \\\n"
                          "  -e DELEGATE_TYPE=\"DOCKER\" \\\n"
                          "  -e ACCOUNT_ID=%1 \\\n"
                          "  -e DELEGATE_TOKEN=%2 \\\n"
                          "  -e DELEGATE_TAGS=\"\" \\\n"
                          "  -e LOG_STREAMING_SERVICE_URL=https://app.harness.io/log-service/ \\\n"
                          "  -e MANAGER_HOST_AND_PORT=https://app.harness.io "
                          "us-docker.pkg.dev/gar-prod-setup/harness-public/harness/"
                          "delegate:26.02.88404\n")
        .arg(account, canary);
}

// The command of the seed document (shared/seed), verbatim, placeholders and all.
QString seedCommand()
{
    return QStringLiteral("docker run -d \\\n"
                          "  --network harness \\\n"
                          "  --cpus=1 \\\n"
                          "  --memory=2g \\\n"
                          "  -e DELEGATE_NAME=docker-delegate \\\n"
                          "  -e DEPLOY_MODE=KUBERNETES_ONPREM \\\n"
                          "  -e NEXT_GEN=\"true\" \\\n"
                          "  -e DELEGATE_TYPE=\"DOCKER\" \\\n"
                          "  -e ACCOUNT_ID=<ACCOUNT_ID_COPIED_FROM_THE_UI_COMMAND> \\\n"
                          "  -e DELEGATE_TOKEN=<DELEGATE_TOKEN_COPIED_FROM_THE_UI_COMMAND>= \\\n"
                          "  -e DELEGATE_TAGS=<TAGS TO BE ADDED> \\\n"
                          "  -e RUNNER_URL=\"http://vm-runner:3000/\" \\\n"
                          "  -e MANAGER_HOST_AND_PORT=https://app.harness.io \\\n"
                          "  us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504\n");
}

QString seedFilled()
{
    QString text = seedCommand();
    text.replace(QStringLiteral("<ACCOUNT_ID_COPIED_FROM_THE_UI_COMMAND>"), account);
    text.replace(QStringLiteral("<DELEGATE_TOKEN_COPIED_FROM_THE_UI_COMMAND>="), canary);
    text.replace(QStringLiteral("<TAGS TO BE ADDED>"), QStringLiteral("gitspaces"));
    return text;
}

// Nothing the import says for a person may carry the token.
void verifyNoCanary(const DockerRunImport &result)
{
    const QString all = result.summary().join(u'\n') + result.dropped.join(u'\n') + result.error +
                        result.name.value + result.accountId.value + result.manager.value +
                        result.tags.value + result.image.value + result.cpus.value +
                        result.memory.value;
    QVERIFY2(!all.contains(canary), qPrintable(all));
}

} // namespace

class TestDockerRunImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void harnessUiForm()
    {
        const DockerRunImport r = DockerRunImport::parse(harnessUiCommand());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.name.value, QStringLiteral("docker-delegate"));
        QCOMPARE(r.accountId.value, account);
        QCOMPARE(r.accountId.at.line, 5);
        QCOMPARE(r.accountId.at.column, 17);
        QCOMPARE(r.manager.value, QStringLiteral("https://app.harness.io"));
        QCOMPARE(r.image.value, QStringLiteral("us-docker.pkg.dev/gar-prod-setup/harness-public/"
                                               "harness/delegate:26.02.88404"));
        QCOMPARE(r.cpus.value, QStringLiteral("1"));
        QCOMPARE(r.memory.value, QStringLiteral("2g"));
        QVERIFY(r.tags.found);
        QVERIFY(r.tagList().isEmpty());
        QVERIFY(r.token.equals(canary.toUtf8()));
        QCOMPARE(r.tokenAt.line, 6);
        QCOMPARE(r.dropped, QStringList{QStringLiteral("LOG_STREAMING_SERVICE_URL")});
        // The UI's command lacks the network, RUNNER_URL, the container name and DEPLOY_MODE.
        const QString added = r.added.join(u'\n');
        QVERIFY2(added.contains(QLatin1String("--network harness")), qPrintable(added));
        QVERIFY(added.contains(QLatin1String("RUNNER_URL=http://vm-runner:3000/")));
        QVERIFY(added.contains(QLatin1String("--name docker-delegate")));
        QVERIFY(added.contains(QLatin1String("DEPLOY_MODE=KUBERNETES_ONPREM")));
        // Its image is not the one the Gitspaces docs show.
        QVERIFY(r.notes.join(u'\n').contains(QLatin1String("gar-setup/docker/delegate")));
        verifyNoCanary(r);

        DelegateSettings d;
        d.tags = QStringList{QStringLiteral("old")};
        r.applyTo(&d);
        QCOMPARE(d.accountId, account);
        QCOMPARE(d.image, r.image.value);
        QVERIFY(d.tags.isEmpty());
    }

    void seedVerbatimPointsAtPlaceholder()
    {
        const DockerRunImport r = DockerRunImport::parse(seedCommand());
        QVERIFY(!r.ok);
        QCOMPARE(r.errorAt.line, 9);
        QCOMPARE(r.errorAt.column, 17);
        QCOMPARE(r.errorLength, qsizetype(strlen("<ACCOUNT_ID_COPIED_FROM_THE_UI_COMMAND>")));
        QVERIFY(r.error.contains(QLatin1String("placeholder")));
        QVERIFY(!r.accountId.found && !r.image.found && r.token.isEmpty());
    }

    void seedFilledIn()
    {
        const DockerRunImport r = DockerRunImport::parse(seedFilled());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.accountId.value, account);
        QVERIFY(r.token.equals(canary.toUtf8()));
        QCOMPARE(r.tagList(), QStringList{QStringLiteral("gitspaces")});
        QCOMPARE(r.image.value, DelegateSettings().image);
        QVERIFY(r.dropped.isEmpty());
        // Network, RUNNER_URL and DEPLOY_MODE are there; only the container's name is ours.
        QCOMPARE(r.added.size(), 1);
        QVERIFY(r.added.first().contains(QLatin1String("--name docker-delegate")));
        QVERIFY2(r.notes.isEmpty(), qPrintable(r.notes.join(u'\n')));
        verifyNoCanary(r);
    }

    void shellForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cpus");
        QTest::addColumn<QString>("tags");
        const QString tail = QStringLiteral(" -e ACCOUNT_ID=%1 img:1").arg(account);
        QTest::newRow("--cpus=1") << "docker run --cpus=1" + tail << "1"
                                  << "";
        QTest::newRow("--cpus 1") << "docker run --cpus 1" + tail << "1"
                                  << "";
        QTest::newRow("-e K=V") << "docker run -e DELEGATE_TAGS=a,b" + tail << ""
                                << "a,b";
        QTest::newRow("--env K=V") << "docker run --env DELEGATE_TAGS=a" + tail << ""
                                   << "a";
        QTest::newRow("--env=K=V") << "docker run --env=DELEGATE_TAGS=a" + tail << ""
                                   << "a";
        QTest::newRow("-eK=V") << "docker run -eDELEGATE_TAGS=a" + tail << ""
                               << "a";
        QTest::newRow("-e K=\"V\"") << "docker run -e DELEGATE_TAGS=\"a, b\"" + tail << ""
                                    << "a, b";
        QTest::newRow("-e \"K=V\"") << "docker run -e \"DELEGATE_TAGS=a b\"" + tail << ""
                                    << "a b";
        QTest::newRow("single quotes") << "docker run -e 'DELEGATE_TAGS=$a \"b\"'" + tail << ""
                                       << "$a \"b\"";
        QTest::newRow("escaped quote") << "docker run -e DELEGATE_TAGS=\"a\\\"b\"" + tail << ""
                                       << "a\"b";
        QTest::newRow("adjacent quotes") << "docker run -e DELEGATE_TAGS='a'\"b\"c" + tail << ""
                                         << "abc";
        QTest::newRow("prompt") << "$ docker run --cpus 2" + tail << "2"
                                << "";
        QTest::newRow("user prompt") << "admin@gs-vm:~$ docker run" + tail << ""
                                     << "";
        QTest::newRow("zsh prompt") << "% docker run" + tail << ""
                                    << "";
        QTest::newRow("sudo") << "sudo docker run -d --cpus=2" + tail << "2"
                              << "";
        QTest::newRow("sudo -u") << "sudo -E -u root docker run --cpus=2" + tail << "2"
                                 << "";
        QTest::newRow("container run") << "docker container run -it --cpus 3" + tail << "3"
                                       << "";
        QTest::newRow("path") << "/usr/bin/docker run" + tail << ""
                              << "";
        QTest::newRow("CRLF continuation") << "docker run \\\r\n  --cpus=1 \\\r\n" + tail + "\r\n"
                                           << "1"
                                           << "";
        QTest::newRow("blanks after backslash") << "docker run \\  \n --cpus=1" + tail << "1"
                                                << "";
        QTest::newRow("continuation inside a word") << "docker run --cp\\\nus=4" + tail << "4"
                                                    << "";
        QTest::newRow("comment lines")
            << "# from Harness\ndocker run --cpus=1" + tail + " # the image\n"
            << "1"
            << "";
        QTest::newRow("no-break spaces") << QStringLiteral("docker\u00a0run --cpus=1") + tail << "1"
                                         << "";
        QTest::newRow("end of options")
            << "docker run --cpus=1 -e ACCOUNT_ID=" + account + " -- img:1"
            << "1"
            << "";
    }
    void shellForms()
    {
        QFETCH(QString, text);
        const DockerRunImport r = DockerRunImport::parse(text);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.accountId.value, account);
        QCOMPARE(r.image.value, QStringLiteral("img:1"));
        QTEST(r.cpus.value, "cpus");
        QTEST(r.tags.value, "tags");
    }

    void droppedOptions()
    {
        const DockerRunImport r = DockerRunImport::parse(
            QStringLiteral("docker run -d --restart=always -v /a:/b -p 80:80 --privileged "
                           "-e PROXY_PASSWORD=%1 --name mine --network host -e ACCOUNT_ID=%2 -e "
                           "DELEGATE_NAME=d "
                           "-e RUNNER_URL=http://elsewhere:3000/ -e DEPLOY_MODE=DOCKER img:1")
                .arg(canary, account));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.dropped,
                 (QStringList{QStringLiteral("--restart=always"), QStringLiteral("-v /a:/b"),
                              QStringLiteral("-p 80:80"), QStringLiteral("--privileged"),
                              QStringLiteral("PROXY_PASSWORD")}));
        const QString notes = r.notes.join(u'\n');
        QVERIFY2(notes.contains(QLatin1String("--network host")), qPrintable(notes));
        QVERIFY(notes.contains(QLatin1String("http://elsewhere:3000/")));
        QVERIFY(notes.contains(QLatin1String("DEPLOY_MODE DOCKER")));
        QVERIFY(notes.contains(QLatin1String("named d (the delegate name), not mine")));
        QVERIFY(notes.contains(QLatin1String("no DELEGATE_TOKEN")));
        QVERIFY(r.added.isEmpty());
        QVERIFY(r.token.isEmpty());
        verifyNoCanary(r);
    }

    void envFileIsNotRead()
    {
        DockerRunImport r = DockerRunImport::parse(
            QStringLiteral("docker run --env-file ./delegate.env -e ACCOUNT_ID=%1 img:1")
                .arg(account));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.notes.join(u'\n').contains(QLatin1String("--env-file ./delegate.env")));
        r = DockerRunImport::parse(QStringLiteral("docker run --env-file=x.env img:1"));
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("--env-file")));
    }

    void legacyTokenName()
    {
        DockerRunImport r = DockerRunImport::parse(
            QStringLiteral("docker run -e ACCOUNT_SECRET=%1 -e ACCOUNT_ID=%2 img:1")
                .arg(canary, account));
        QVERIFY(r.token.equals(canary.toUtf8()));
        QVERIFY(r.notes.join(u'\n').contains(QLatin1String("ACCOUNT_SECRET")));
        // DELEGATE_TOKEN wins, whichever comes first.
        r = DockerRunImport::parse(QStringLiteral("docker run -e DELEGATE_TOKEN=new= -e "
                                                  "ACCOUNT_SECRET=old= -e ACCOUNT_ID=%1 img:1")
                                       .arg(account));
        QVERIFY(r.token.equals("new="));
        r = DockerRunImport::parse(QStringLiteral("docker run -e ACCOUNT_SECRET=old= -e "
                                                  "DELEGATE_TOKEN=new= -e ACCOUNT_ID=%1 img:1")
                                       .arg(account));
        QVERIFY(r.token.equals("new="));
    }

    void applyKeepsWhatTheCommandDoesNotSay()
    {
        const DockerRunImport r = DockerRunImport::parse(
            QStringLiteral("docker run -e ACCOUNT_ID=%1 img:2").arg(account));
        QVERIFY(r.ok);
        DelegateSettings d;
        d.name = QStringLiteral("kept");
        d.cpus = QStringLiteral("4");
        d.tags = QStringList{QStringLiteral("t")};
        r.applyTo(&d);
        QCOMPARE(d.name, QStringLiteral("kept"));
        QCOMPARE(d.cpus, QStringLiteral("4"));
        QCOMPARE(d.tags, QStringList{QStringLiteral("t")});
        QCOMPARE(d.image, QStringLiteral("img:2"));
        QVERIFY(r.notes.join(u'\n').contains(QLatin1String("no DELEGATE_NAME")));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("says");
        const QString id = QStringLiteral(" -e ACCOUNT_ID=") + account;
        QTest::newRow("empty") << "  \n" << 1 << 1 << "Paste";
        QTest::newRow("not docker run") << "kubectl apply -f x.yaml" << 1 << 1 << "not a docker";
        QTest::newRow("docker pull") << "docker pull img:1" << 1 << 8 << "not a docker";
        QTest::newRow("no ACCOUNT_ID") << "docker run -e DELEGATE_TOKEN=" + canary + " \\\n  img:1"
                                       << 2 << 3 << "no ACCOUNT_ID";
        QTest::newRow("empty ACCOUNT_ID")
            << "docker run -e ACCOUNT_ID= img:1" << 1 << 15 << "empty";
        QTest::newRow("two images")
            << "docker run" + id + " img:1 \\\n  other:2" << 2 << 3 << "second image";
        // Not repeated in the message: a stray word may be a secret.
        QTest::newRow("stray token")
            << "docker run" + id + " img DELEGATE_TOKEN=" + canary << 1 << 53 << "second image";
        QTest::newRow("unterminated double quote")
            << "docker run \\\n  -e DELEGATE_TAGS=\"a" + id + " img:1" << 2 << 20 << "never closed";
        QTest::newRow("unterminated single quote")
            << "docker run -e 'X=1" << 1 << 15 << "never closed";
        QTest::newRow("variable") << "docker run -e DELEGATE_TOKEN=$TOKEN" + id + " img" << 1 << 30
                                  << "$TOKEN";
        QTest::newRow("variable in quotes") << "docker run -e \"DELEGATE_TOKEN=${T}\"" + id + " i"
                                            << 1 << 31 << "filled in by a shell";
        QTest::newRow("command substitution")
            << "docker run -e X=`id`" + id + " img" << 1 << 17 << "filled in by a shell";
        QTest::newRow("operator") << "docker run" + id + " img; rm -rf /" << 1 << 52 << "\";\"";
        QTest::newRow("second command")
            << "docker run" + id + " img\necho hi" << 2 << 1 << "second command";
        QTest::newRow("host variable")
            << "docker run -e DELEGATE_TOKEN" + id + " img" << 1 << 15 << "-e DELEGATE_TOKEN=";
        QTest::newRow("value missing")
            << "docker run" + id + " img --cpus" << 1 << 53 << "second image";
        QTest::newRow("option without value")
            << "docker run" + id + " --cpus" << 1 << 49 << "needs a value";
        QTest::newRow("no image") << "docker run" + id << 1 << 48 << "no image";
        QTest::newRow("typographic quote")
            << QStringLiteral("docker run -e DELEGATE_TAGS=\u201ca b\u201d") + id + " img" << 1
            << 29 << "typographic quote";
        QTest::newRow("unknown short option") << "docker run -Z" + id + " img" << 1 << 12 << "-Z";
        QTest::newRow("too long") << "docker run " + QString(70000, u'a') << 1 << 65537 << "longer";
    }
    void refusals()
    {
        QFETCH(QString, text);
        const DockerRunImport r = DockerRunImport::parse(text);
        QVERIFY(!r.ok);
        QTEST(r.errorAt.line, "line");
        QTEST(r.errorAt.column, "column");
        QFETCH(QString, says);
        QVERIFY2(r.error.contains(says), qPrintable(r.error));
        // Nothing is half taken.
        QVERIFY(!r.accountId.found && !r.image.found && r.token.isEmpty());
        QVERIFY(r.dropped.isEmpty() && r.added.isEmpty() && r.notes.isEmpty());
        DelegateSettings d;
        r.applyTo(&d);
        QCOMPARE(d, DelegateSettings());
        verifyNoCanary(r);
    }
};

QTEST_GUILESS_MAIN(TestDockerRunImport)
#include "tst_DockerRunImport.moc"
