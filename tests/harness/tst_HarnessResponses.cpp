// The response rules and URL building of the Harness client, on plain data.
#include "harness/HarnessClient.h"
#include "harness/HarnessResponses.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gs::harness;
using State = DelegateStatusResult::State;

class tst_HarnessResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delegateList_data();
    void delegateList();
    void delegateListReplicas();
    void latestVersion_data();
    void latestVersion();
    void accountStatus_data();
    void accountStatus();
    void serverMessage_data();
    void serverMessage();
    void requestBody();
    void candidateUrls_data();
    void candidateUrls();
    void otherClusters();
    void loopbackHost_data();
    void loopbackHost();
    void failureNamesAreDistinct();
};

static const QDateTime kNow = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);

static QByteArray item(const char *name, bool connected, qint64 ageMs)
{
    return QByteArray(R"({"name":")") + name + R"(","connected":)" +
           (connected ? "true" : "false") + R"(,"lastHeartBeat":)" +
           QByteArray::number(kNow.toMSecsSinceEpoch() - ageMs) + "}";
}

void tst_HarnessResponses::delegateList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("failure");

    const int none = int(Failure::None);
    QTest::newRow("connected 10 s ago")
        << "{\"resource\":[" + item("d", true, 10'000) + "]}" << int(State::Connected) << none;
    QTest::newRow("connected 4:59 ago")
        << "{\"resource\":[" + item("d", true, 299'000) + "]}" << int(State::Connected) << none;
    QTest::newRow("connected but 5:01 ago") << "{\"resource\":[" + item("d", true, 301'000) + "]}"
                                            << int(State::NotYetConnected) << none;
    QTest::newRow("not connected")
        << "{\"resource\":[" + item("d", false, 1000) + "]}" << int(State::NotYetConnected) << none;
    QTest::newRow("heartbeat slightly in the future (clock skew)")
        << "{\"resource\":[" + item("d", true, -30'000) + "]}" << int(State::Connected) << none;
    QTest::newRow("no heartbeat: trust connected")
        << QByteArray(R"({"resource":[{"name":"d","connected":true}]})") << int(State::Connected)
        << none;
    QTest::newRow("empty list") << QByteArray(R"({"resource":[]})") << int(State::NotFound) << none;
    QTest::newRow("other names only")
        << "{\"resource\":[" + item("d2", true, 0) + "," + item("D", true, 0) + "]}"
        << int(State::NotFound) << none;
    QTest::newRow("bare array") << "[" + item("d", true, 0) + "]" << int(State::Connected) << none;
    QTest::newRow("data wrapper") << "{\"data\":[" + item("d", true, 0) + "]}"
                                  << int(State::Connected) << none;
    QTest::newRow("connected one preferred")
        << "{\"resource\":[" + item("d", false, 0) + "," + item("d", true, 0) + "]}"
        << int(State::Connected) << none;
    QTest::newRow("not json") << QByteArray("<html>") << int(State::Unknown)
                              << int(Failure::MalformedResponse);
    QTest::newRow("empty body") << QByteArray() << int(State::Unknown)
                                << int(Failure::MalformedResponse);
    QTest::newRow("resource is an object")
        << QByteArray(R"({"resource":{"name":"d"}})") << int(State::Unknown)
        << int(Failure::MalformedResponse);
    QTest::newRow("no resource") << QByteArray(R"({"status":"SUCCESS"})") << int(State::Unknown)
                                 << int(Failure::MalformedResponse);
}

void tst_HarnessResponses::delegateList()
{
    QFETCH(QByteArray, body);
    QFETCH(int, state);
    QFETCH(int, failure);
    DelegateStatusResult result;
    Responses::readDelegateList(body, QStringLiteral("d"), kNow, std::chrono::minutes(5), result);
    QCOMPARE(int(result.failure), failure);
    QCOMPARE(int(result.state), state);
    QCOMPARE(result.delegateName, QStringLiteral("d"));
    QVERIFY(!result.message.isEmpty());
}

void tst_HarnessResponses::delegateListReplicas()
{
    // The group heartbeat is old, one replica's is fresh: the newest one counts.
    const QByteArray body =
        R"({"resource":[{"name":"d","connected":true,"lastHeartBeat":)" +
        QByteArray::number(kNow.toMSecsSinceEpoch() - 3'600'000) +
        R"(,"delegateReplicas":[{"uuid":"u1","hostName":"vm-a","version":"26.02.88404","connected":true,"lastHeartbeat":)" +
        QByteArray::number(kNow.toMSecsSinceEpoch() - 5000) +
        R"(,"expiringAt":1900000000000,"status":"ACTIVE"},{"hostName":"vm-b","version":"25.03.85504","connected":false}]}]})";
    DelegateStatusResult result;
    Responses::readDelegateList(body, QStringLiteral("d"), kNow, std::chrono::minutes(5), result);
    QCOMPARE(result.state, State::Connected);
    QCOMPARE(result.replicas.size(), 2);
    QCOMPARE(result.replicas.at(0).uuid, QStringLiteral("u1"));
    QCOMPARE(result.replicas.at(0).hostName, QStringLiteral("vm-a"));
    QCOMPARE(result.replicas.at(0).version, QStringLiteral("26.02.88404"));
    QCOMPARE(result.replicas.at(0).status, QStringLiteral("ACTIVE"));
    QVERIFY(result.replicas.at(0).connected);
    QCOMPARE(result.replicas.at(0).expiringAt.toMSecsSinceEpoch(), 1'900'000'000'000);
    QCOMPARE(result.replicas.at(1).hostName, QStringLiteral("vm-b"));
    QVERIFY(!result.replicas.at(1).connected);
    QVERIFY(!result.replicas.at(1).lastHeartbeat.isValid());
    QCOMPARE(result.lastHeartbeat, kNow.addMSecs(-5000));

    // A custom maximum age applies.
    DelegateStatusResult strict;
    Responses::readDelegateList(body, QStringLiteral("d"), kNow, std::chrono::seconds(2), strict);
    QCOMPARE(strict.state, State::NotYetConnected);
    QVERIFY(strict.message.contains(QLatin1String("heartbeat")));
}

void tst_HarnessResponses::latestVersion_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("minimal");

    QTest::newRow("documented")
        << QByteArray(
               R"({"metaData":{},"resource":{"latestSupportedVersion":"26.02.88404","latestSupportedMinimalVersion":"26.02.88404.minimal"},"responseMessages":[]})")
        << "26.02.88404"
        << "26.02.88404.minimal";
    QTest::newRow("no minimal") << QByteArray(
                                       R"({"resource":{"latestSupportedVersion":"23.04.78910"}})")
                                << "23.04.78910"
                                << "";
    QTest::newRow("data wrapper")
        << QByteArray(R"({"status":"SUCCESS","data":{"latestSupportedVersion":"24.01.1"}})")
        << "24.01.1"
        << "";
    QTest::newRow("bad minimal ignored")
        << QByteArray(
               R"({"resource":{"latestSupportedVersion":"24.01.1","latestSupportedMinimalVersion":"a b"}})")
        << "24.01.1"
        << "";
    QTest::newRow("missing") << QByteArray(R"({"resource":{}})") << ""
                             << "";
    QTest::newRow("number") << QByteArray(R"({"resource":{"latestSupportedVersion":23.04}})") << ""
                            << "";
    QTest::newRow("injection") << QByteArray(
                                      R"({"resource":{"latestSupportedVersion":"1;reboot"}})")
                               << ""
                               << "";
    QTest::newRow("tag too long") << "{\"resource\":{\"latestSupportedVersion\":\"" +
                                         QByteArray(129, 'a') + "\"}}"
                                  << ""
                                  << "";
    QTest::newRow("array") << QByteArray("[]") << ""
                           << "";
    QTest::newRow("garbage") << QByteArray("\x00\xff", 2) << ""
                             << "";
}

void tst_HarnessResponses::latestVersion()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, version);
    QFETCH(QString, minimal);
    LatestVersionResult result;
    Responses::readLatestVersion(body, QStringLiteral("repo/delegate"), result);
    QCOMPARE(result.version, version);
    QCOMPARE(result.minimalVersion, minimal);
    if (version.isEmpty()) {
        QCOMPARE(result.failure, Failure::MalformedResponse);
        QVERIFY(result.proposedImage.isEmpty());
        QVERIFY(!result.message.isEmpty());
    } else {
        QCOMPARE(result.failure, Failure::None);
        QCOMPARE(result.proposedImage, QStringLiteral("repo/delegate:") + version);
    }
}

void tst_HarnessResponses::accountStatus_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("status");
    QTest::newRow("RestResponse")
        << QByteArray(R"({"metaData":{},"resource":"ACTIVE","responseMessages":[]})") << true
        << "ACTIVE";
    QTest::newRow("other status") << QByteArray(R"({"resource":"EXPIRED"})") << true << "EXPIRED";
    QTest::newRow("no resource") << QByteArray(R"({})") << true << "";
    QTest::newRow("html") << QByteArray("<!doctype html>") << false << "";
    QTest::newRow("json string") << QByteArray(R"("ACTIVE")") << false << "";
}

void tst_HarnessResponses::accountStatus()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, status);
    AccountCheckResult result;
    Responses::readAccountStatus(body, result);
    QCOMPARE(result.ok(), ok);
    QCOMPARE(result.accountStatus, status);
}

void tst_HarnessResponses::serverMessage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("NG error")
        << QByteArray(
               R"({"status":"ERROR","code":"INVALID_TOKEN","message":"Token is not valid."})")
        << "Token is not valid.";
    QTest::newRow("RestResponse")
        << QByteArray(
               R"({"responseMessages":[{"code":"X","message":""},{"message":"Account ID not\nfound"}]})")
        << "Account ID not found";
    QTest::newRow("html") << QByteArray("<html>502</html>") << "";
    QTest::newRow("long") << "{\"message\":\"" + QByteArray(400, 'x') + "\"}"
                          << QString(300, QLatin1Char('x')) + QStringLiteral("…");
}

void tst_HarnessResponses::serverMessage()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QCOMPARE(Responses::serverMessage(body), message);
}

void tst_HarnessResponses::requestBody()
{
    const QJsonObject body =
        QJsonDocument::fromJson(Responses::delegateListRequestBody(QStringLiteral("a\"b")))
            .object();
    QCOMPARE(body.value(QStringLiteral("filterType")).toString(), QStringLiteral("Delegate"));
    QCOMPARE(body.value(QStringLiteral("delegateName")).toString(), QStringLiteral("a\"b"));
    QVERIFY2(!body.contains(QStringLiteral("status")), "filtering by status hides 'not connected'");
}

void tst_HarnessResponses::candidateUrls_data()
{
    QTest::addColumn<QString>("manager");
    QTest::addColumn<QStringList>("urls");
    QTest::newRow("prod1") << "https://app.harness.io"
                           << QStringList{QStringLiteral("https://app.harness.io/ng/api/x?q=1")};
    QTest::newRow("trailing slash")
        << "https://app3.harness.io/"
        << QStringList{QStringLiteral("https://app3.harness.io/ng/api/x?q=1")};
    QTest::newRow("prod2") << "https://app.harness.io/gratis"
                           << QStringList{
                                  QStringLiteral("https://app.harness.io/gratis/ng/api/x?q=1"),
                                  QStringLiteral("https://app.harness.io/ng/api/x?q=1")};
    QTest::newRow("prod2 slash")
        << " https://app.harness.io/gratis/ "
        << QStringList{QStringLiteral("https://app.harness.io/gratis/ng/api/x?q=1"),
                       QStringLiteral("https://app.harness.io/ng/api/x?q=1")};
    QTest::newRow("port") << "http://127.0.0.1:8080"
                          << QStringList{QStringLiteral("http://127.0.0.1:8080/ng/api/x?q=1")};
    QTest::newRow("no scheme") << "app.harness.io" << QStringList{};
    QTest::newRow("ftp") << "ftp://app.harness.io" << QStringList{};
    QTest::newRow("empty") << "" << QStringList{};
    QTest::newRow("query") << "https://app.harness.io?x" << QStringList{};
    QTest::newRow("fragment") << "https://app.harness.io/#/account" << QStringList{};
}

void tst_HarnessResponses::candidateUrls()
{
    QFETCH(QString, manager);
    QFETCH(QStringList, urls);
    QStringList got;
    for (const QUrl &url :
         HarnessClient::candidateUrls(manager, QStringLiteral("/ng/api/x"), QStringLiteral("q=1")))
        got.append(url.toString(QUrl::FullyEncoded));
    QCOMPARE(got, urls);
}

void tst_HarnessResponses::loopbackHost_data()
{
    // The API key may go over plain http only to these (a local test server or an SSH tunnel).
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << "http://127.0.0.1:8080/" << true;
    QTest::newRow("127/8") << "http://127.45.6.254/" << true;
    QTest::newRow("127.255.255.255") << "http://127.255.255.255/" << true;
    QTest::newRow("localhost") << "http://localhost:3000/" << true;
    QTest::newRow("LOCALHOST") << "http://LOCALHOST/" << true;
    QTest::newRow("localhost.") << "http://localhost./" << true;
    QTest::newRow("::1") << "http://[::1]:8080/" << true;
    QTest::newRow("::1 long") << "http://[0:0:0:0:0:0:0:1]/" << true;
    QTest::newRow("v4-mapped loopback") << "http://[::ffff:127.0.0.1]/" << true;
    QTest::newRow("128.0.0.1") << "http://128.0.0.1/" << false;
    QTest::newRow("10.0.0.127") << "http://10.0.0.127/" << false;
    QTest::newRow("0.0.0.0") << "http://0.0.0.0/" << false;
    QTest::newRow("::") << "http://[::]/" << false;
    QTest::newRow("::2") << "http://[::2]/" << false;
    QTest::newRow("v4-mapped other") << "http://[::ffff:10.0.0.1]/" << false;
    QTest::newRow("127 in a name") << "http://127.0.0.1.example.com/" << false;
    QTest::newRow("localhost in a name") << "http://localhost.example.com/" << false;
    QTest::newRow("name before localhost") << "http://evil-localhost/" << false;
    QTest::newRow("app.harness.io") << "http://app.harness.io/" << false;
    QTest::newRow("empty") << "http:///" << false;
}

void tst_HarnessResponses::loopbackHost()
{
    QFETCH(QString, url);
    QFETCH(bool, loopback);
    const QUrl parsed(url);
    QCOMPARE(HarnessClient::isLoopbackHost(parsed.host()), loopback);
}

void tst_HarnessResponses::otherClusters()
{
    const QList<gs::HarnessCluster> all = gs::harnessClusters();
    QStringList saas;
    for (const gs::HarnessCluster &cluster : all) {
        if (!cluster.managerUrl.isEmpty())
            saas.append(cluster.managerUrl);
    }
    QVERIFY(saas.contains(QStringLiteral("https://app.harness.io")));
    QVERIFY(saas.contains(QStringLiteral("https://app.harness.io/gratis")));

    auto urlsOf = [](const QList<gs::HarnessCluster> &clusters) {
        QStringList urls;
        for (const gs::HarnessCluster &cluster : clusters)
            urls.append(cluster.managerUrl);
        return urls;
    };
    const QStringList fromProd1 =
        urlsOf(HarnessClient::otherClusters(QStringLiteral("https://APP.harness.io/")));
    QCOMPARE(fromProd1.size(), saas.size() - 1);
    QVERIFY(!fromProd1.contains(QStringLiteral("https://app.harness.io")));
    QVERIFY(fromProd1.contains(QStringLiteral("https://app.harness.io/gratis")));
    QVERIFY(!fromProd1.contains(QString())); // never "custom"

    const QStringList fromProd2 =
        urlsOf(HarnessClient::otherClusters(QStringLiteral("https://app.harness.io/gratis")));
    QVERIFY(fromProd2.contains(QStringLiteral("https://app.harness.io")));
    QVERIFY(!fromProd2.contains(QStringLiteral("https://app.harness.io/gratis")));

    QCOMPARE(urlsOf(HarnessClient::otherClusters(QStringLiteral("https://vanity.harness.io"))),
             saas);
}

void tst_HarnessResponses::failureNamesAreDistinct()
{
    QStringList names;
    for (int f = int(Failure::None); f <= int(Failure::Cancelled); ++f)
        names.append(failureName(Failure(f)));
    names.removeDuplicates();
    QCOMPARE(names.size(), int(Failure::Cancelled) + 1);
}

QTEST_GUILESS_MAIN(tst_HarnessResponses)
#include "tst_HarnessResponses.moc"
