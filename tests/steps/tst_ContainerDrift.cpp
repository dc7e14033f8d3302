// Whether a container on the VM is the one the plan would start: read back from the plan's own
// `docker run`, compared with what `docker inspect` printed, in words, never a secret's value.

#include "plan/CommandBuilder.h"
#include "steps/ContainerDrift.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gs;
using namespace gs::steps;

namespace {

const QString kToken = QStringLiteral("Q0FOQVJZLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI=");

SetupConfig answers()
{
    SetupConfig c;
    c.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
    c.delegate.tags = {QStringLiteral("gitspaces")};
    c.delegate.memory = QStringLiteral("2g");
    return c;
}

PlannedCommand find(const StepPlan &step, const QString &id)
{
    for (const PlannedCommand &command : step.commands)
        if (command.id == id)
            return command;
    return {};
}

QString sha(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// What `docker inspect` prints (ContainerDrift::inspectScript's format) for a container that
// was started exactly as `wanted` says.
QJsonObject inspected(const ContainerDrift::Wanted &wanted)
{
    QJsonObject ports;
    for (const QString &port : wanted.ports)
        ports.insert(port.section(QLatin1Char(':'), 1) + QStringLiteral("/tcp"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("HostIp"), QString()},
                         {QStringLiteral("HostPort"), port.section(QLatin1Char(':'), 0, 0)}}});
    QJsonArray env{QStringLiteral("PATH=/usr/bin")};
    for (const QString &pair : wanted.env)
        env.append(pair);
    QJsonObject labels;
    for (const QString &pair : wanted.labels)
        labels.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    return QJsonObject{
        {QStringLiteral("Image"), wanted.image},
        {QStringLiteral("Hostname"),
         wanted.hostname.isEmpty() ? QStringLiteral("4567ef012345") : wanted.hostname},
        {QStringLiteral("Network"), wanted.network},
        {QStringLiteral("Restart"), wanted.restart},
        {QStringLiteral("Ports"), ports},
        {QStringLiteral("Binds"), QJsonArray::fromStringList(wanted.binds)},
        {QStringLiteral("Cmd"), QJsonArray::fromStringList(wanted.command)},
        {QStringLiteral("NanoCpus"),
         wanted.cpus.isEmpty() ? 0 : qint64(wanted.cpus.toDouble() * 1e9)},
        {QStringLiteral("Memory"), wanted.memory == QLatin1String("2g") ? qint64(2147483648) : 0},
        {QStringLiteral("Labels"), labels},
        {QStringLiteral("Env"), env}};
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

class tst_ContainerDrift : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsThePlansOwnRunCommand()
    {
        const CommandBuilder plan(answers(), Privileges::fromAnswer(true));
        const auto runner = ContainerDrift::fromRunCommand(
            find(plan.runner(), QStringLiteral("runner.run")).script);
        QCOMPARE(runner.image, QStringLiteral("drone/drone-runner-aws:latest"));
        QCOMPARE(runner.hostname, QStringLiteral("vm-runner"));
        QCOMPARE(runner.network, QStringLiteral("harness"));
        QCOMPARE(runner.restart, QStringLiteral("unless-stopped"));
        QCOMPARE(runner.ports, QStringList{QStringLiteral("3000:3000")});
        QCOMPARE(runner.binds, QStringList{QStringLiteral("/runner:/runner")});
        QCOMPARE(runner.command, (QStringList{QStringLiteral("delegate"), QStringLiteral("--pool"),
                                              QStringLiteral("/runner/pool.yaml")}));
        QVERIFY(!runner.tokenOnStdin);

        const auto delegate = ContainerDrift::fromRunCommand(
            find(plan.delegate(), QStringLiteral("delegate.run")).script);
        QCOMPARE(delegate.image, answers().delegate.image);
        QCOMPARE(delegate.cpus, QStringLiteral("1"));
        QCOMPARE(delegate.memory, QStringLiteral("2g"));
        QVERIFY(delegate.tokenOnStdin);
        QVERIFY(delegate.env.contains(QStringLiteral("DELEGATE_TAGS=gitspaces")));
        QVERIFY(delegate.env.contains(QStringLiteral("ACCOUNT_ID=6_vVHzo9Qeu9fXvj-AcQCb")));
        QVERIFY(delegate.command.isEmpty());
    }

    void sameContainerHasNoDifferences()
    {
        const CommandBuilder plan(answers(), Privileges::fromAnswer(false));
        for (const PlannedCommand &run : {find(plan.runner(), QStringLiteral("runner.run")),
                                          find(plan.delegate(), QStringLiteral("delegate.run"))}) {
            const auto wanted = ContainerDrift::fromRunCommand(run.script);
            QCOMPARE(
                ContainerDrift::differences(json(inspected(wanted)), sha(kToken), wanted, kToken),
                QStringList());
        }
    }

    void changedAnswersAreNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("tags") << "tags"
                              << "gitspaces,gcp"
                              << "DELEGATE_TAGS: gitspaces → gitspaces,gcp";
        QTest::newRow("manager") << "manager"
                                 << "https://app3.harness.io"
                                 << "MANAGER_HOST_AND_PORT: https://app.harness.io → "
                                    "https://app3.harness.io";
        QTest::newRow("cpus") << "cpus"
                              << "2"
                              << "CPUs: 1 → 2";
        QTest::newRow("memory") << "memory"
                                << "4g"
                                << "memory: 2048m → 4g";
        QTest::newRow("image") << "image"
                               << "reg/delegate:26.02.88404"
                               << "image: us-west1-docker.pkg.dev/gar-setup/docker/"
                                  "delegate:25.03.85504 → reg/delegate:26.02.88404";
        QTest::newRow("token") << "token"
                               << ""
                               << "the delegate token differs";
    }

    void changedAnswersAreNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        // The container runs what the old answers asked for...
        const CommandBuilder before(answers(), Privileges::fromAnswer(false));
        const auto was = ContainerDrift::fromRunCommand(
            find(before.delegate(), QStringLiteral("delegate.run")).script);
        const QString running = json(inspected(was));
        // ...and the answers changed.
        SetupConfig c = answers();
        QString token = kToken;
        if (field == QLatin1String("tags"))
            c.delegate.tags = value.split(QLatin1Char(','));
        else if (field == QLatin1String("manager"))
            c.delegate.manager = value;
        else if (field == QLatin1String("cpus"))
            c.delegate.cpus = value;
        else if (field == QLatin1String("memory"))
            c.delegate.memory = value;
        else if (field == QLatin1String("image"))
            c.delegate.image = value;
        else if (field == QLatin1String("token"))
            token = QStringLiteral("TkVXLXRva2VuLW5ldy10b2tlbi1uZXctdG9rZW4tbmU=");
        const CommandBuilder after(c, Privileges::fromAnswer(false));
        const auto wanted = ContainerDrift::fromRunCommand(
            find(after.delegate(), QStringLiteral("delegate.run")).script);
        const QStringList differences =
            ContainerDrift::differences(running, sha(kToken), wanted, token);
        QCOMPARE(differences, QStringList{expected});
        // Never a token's value in the words.
        QVERIFY(!differences.join(QLatin1Char(' ')).contains(token));
        QVERIFY(!differences.join(QLatin1Char(' ')).contains(kToken));
        // The image is left to the caller when asked.
        if (field == QLatin1String("image"))
            QVERIFY(
                ContainerDrift::differences(running, sha(kToken), wanted, token, false).isEmpty());
    }

    void unreadableInspectClaimsNothing()
    {
        const CommandBuilder plan(answers(), Privileges::fromAnswer(false));
        const auto wanted = ContainerDrift::fromRunCommand(
            find(plan.delegate(), QStringLiteral("delegate.run")).script);
        QVERIFY(ContainerDrift::differences(QString(), QString(), wanted, kToken).isEmpty());
        QVERIFY(ContainerDrift::differences(QStringLiteral("Error: No such object"), QString(),
                                            wanted, kToken)
                    .isEmpty());
        QVERIFY(ContainerDrift::fromRunCommand(QStringLiteral("echo hi")).image.isEmpty());
    }

    void inspectScriptNeverPrintsTheToken()
    {
        const CommandBuilder plan(answers(), Privileges::fromAnswer(true));
        const QString script = ContainerDrift::inspectScript(
            plan, QStringLiteral("docker-delegate"), QStringLiteral("delegate-settings"), true);
        QVERIFY(script.contains(QLatin1String("ne (index (split . \"=\") 0) \"DELEGATE_TOKEN\"")));
        QVERIFY(script.contains(QLatin1String("sha256sum")));
        QVERIFY(script.startsWith(QLatin1String("sudo docker inspect")));
    }
};

QTEST_GUILESS_MAIN(tst_ContainerDrift)
#include "tst_ContainerDrift.moc"
