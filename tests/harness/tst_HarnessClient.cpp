// The Harness client against a local HTTP/HTTPS server that answers like the manager does.
#include "HarnessTestUtil.h"
#include "TestHttpServer.h"
#include "harness/DelegateConnectedWait.h"
#include "harness/HarnessClient.h"
#include "harness/HarnessPreflight.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace gs::harness;
using namespace gs::test;
using State = DelegateStatusResult::State;
using Verdict = AccountCheckResult::Verdict;

class tst_HarnessClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void accountCheck_data();
    void accountCheck();
    void accountNotOnClusterSuggestsOthers();
    void accountCheckCannotReach();
    void slowServerTimesOut();
    void accountCheckRejectsBadInput();
    void tlsTrustedCaSucceeds();
    void tlsRefusesUntrustedCertificate_data();
    void tlsRefusesUntrustedCertificate();
    void latestVersion();
    void latestVersionFailures_data();
    void latestVersionFailures();
    void latestVersionNeedsKey();
    void delegateStatus_data();
    void delegateStatus();
    void prod2PrefixFallsBackToHostRoot();
    void explicitProxyIsUsed();
    void systemProxyFromEnvironmentIsUsed();
    void noProxyIgnoresTheSystemsProxy();
    void httpsThroughProxyTunnel();
    void abortCancels();
    void connectedWaitPollsUntilConnected();
    void connectedWaitStopsOnBadKey();
    void connectedWaitGivesUpAtDeadline();
    void connectedWaitRequiresExpectedHost();
    void preflight_data();
    void preflight();
    void apiKeyNeverLogged(); // last: checks everything the tests above logged

private:
    HarnessClient *newClient(int timeoutMs = 5000)
    {
        auto *client = new HarnessClient(this);
        client->setTimeout(std::chrono::milliseconds(timeoutMs));
        client->addCaCertificates(m_pki.ca.toPem());
        return client;
    }
    static void checkNoCanary(const CallResult &result)
    {
        QVERIFY(!result.message.contains(kCanaryKey));
        QVERIFY(!result.detail.contains(kCanaryKey));
        QVERIFY(!result.url.toString().contains(kCanaryKey));
    }

    TestPki m_pki;
    TestHttpServer *m_http = nullptr;
    TestHttpServer *m_https = nullptr;
    FakeHarness m_fake;
};

void tst_HarnessClient::initTestCase()
{
    LogCapture::install();
    // Everything Qt's network stack may log, too: the key must not be in any of it.
    QLoggingCategory::setFilterRules(QStringLiteral("gs.*.debug=true\nqt.network.*.debug=true"));
    const QString pkiError = m_pki.create();
    QVERIFY2(pkiError.isEmpty(), qPrintable(pkiError));
    m_http = new TestHttpServer(this);
    QVERIFY(m_http->listen());
    m_https = new TestHttpServer(this);
    QVERIFY(m_https->listenTls(m_pki.serverCert, m_pki.serverKey));
    for (TestHttpServer *server : {m_http, m_https})
        server->setHandler([this](const TestHttpServer::Request &r) { return m_fake.handle(r); });
}

void tst_HarnessClient::init()
{
    m_fake = FakeHarness();
    m_http->clearRequests();
    m_https->clearRequests();
}

void tst_HarnessClient::accountCheck_data()
{
    QTest::addColumn<int>("forceStatus");
    QTest::addColumn<QByteArray>("forceBody");
    QTest::addColumn<QString>("account");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<int>("failure");

    QTest::newRow("on this cluster")
        << 0 << QByteArray() << kAccount << int(Verdict::Ok) << int(Failure::None);
    QTest::newRow("401 not on this cluster")
        << 0 << QByteArray() << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA")
        << int(Verdict::NotOnCluster) << int(Failure::Unauthorized);
    QTest::newRow("503") << 503 << QByteArray("upstream down") << kAccount << int(Verdict::Failed)
                         << int(Failure::ServerError);
    QTest::newRow("500 with Harness error body")
        << 500 << QByteArray(R"({"message":"boom"})") << kAccount << int(Verdict::Failed)
        << int(Failure::ServerError);
    QTest::newRow("404 not a manager") << 404 << QByteArray("<html>") << kAccount
                                       << int(Verdict::Failed) << int(Failure::NotFound);
    QTest::newRow("200 html is malformed")
        << 200 << QByteArray("<html><body>captive portal</body></html>") << kAccount
        << int(Verdict::Failed) << int(Failure::MalformedResponse);
    QTest::newRow("200 truncated json") << 200 << QByteArray(R"({"resource":"ACT)") << kAccount
                                        << int(Verdict::Failed) << int(Failure::MalformedResponse);
    QTest::newRow("418 other") << 418 << QByteArray() << kAccount << int(Verdict::Failed)
                               << int(Failure::HttpError);
}

void tst_HarnessClient::accountCheck()
{
    QFETCH(int, forceStatus);
    QFETCH(QByteArray, forceBody);
    QFETCH(QString, account);
    QFETCH(int, verdict);
    QFETCH(int, failure);
    m_fake.forceStatus = forceStatus;
    m_fake.forceBody = forceBody;

    for (TestHttpServer *server : {m_http, m_https}) {
        auto *client = newClient();
        const auto result =
            awaitResult<AccountCheckResult>(client->checkAccount(server->baseUrl(), account));
        QCOMPARE(int(result.failure), failure);
        QCOMPARE(int(result.verdict), verdict);
        QVERIFY(!result.message.isEmpty());
        QCOMPARE(server->requests().size(), 1);
        const auto request = server->requests().constLast();
        QCOMPARE(request.path, QStringLiteral("/api/account/%1/status").arg(account));
        QVERIFY2(!request.headers.contains("x-api-key"), "the account check needs no key");
        if (verdict == int(Verdict::Ok))
            QCOMPARE(result.accountStatus, QStringLiteral("ACTIVE"));
        if (forceStatus >= 400)
            QVERIFY2(result.detail.contains(QString::number(forceStatus)),
                     qPrintable(result.detail));
        server->clearRequests();
        delete client;
    }
}

void tst_HarnessClient::accountNotOnClusterSuggestsOthers()
{
    auto *client = newClient();
    const auto result = awaitResult<AccountCheckResult>(
        client->checkAccount(m_http->baseUrl(), QStringLiteral("BBBBBBBBBBBBBBBBBBBBBB")));
    QCOMPARE(result.verdict, Verdict::NotOnCluster);
    QVERIFY(!result.otherClusters.isEmpty());
    for (const gs::HarnessCluster &cluster : result.otherClusters) {
        QVERIFY(!cluster.managerUrl.isEmpty());
        QVERIFY2(result.message.contains(cluster.label), qPrintable(result.message));
    }
    QVERIFY(result.message.contains(QLatin1String("BBBBBBBBBBBBBBBBBBBBBB")));
}

void tst_HarnessClient::accountCheckCannotReach()
{
    // A port that was just free: connection refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    auto *client = newClient();
    const auto result = awaitResult<AccountCheckResult>(
        client->checkAccount(QStringLiteral("http://127.0.0.1:%1").arg(port), kAccount));
    QCOMPARE(result.verdict, Verdict::CannotReach);
    QCOMPARE(result.failure, Failure::CannotReach);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY2(result.detail.contains(QLatin1String("refused"), Qt::CaseInsensitive),
             qPrintable(result.detail));
    QVERIFY(result.message.contains(result.detail));
}

void tst_HarnessClient::slowServerTimesOut()
{
    m_fake.delayMs = 5000;
    auto *client = newClient(400);
    const auto result =
        awaitResult<AccountCheckResult>(client->checkAccount(m_http->baseUrl(), kAccount));
    QCOMPARE(result.failure, Failure::Timeout);
    QCOMPARE(result.verdict, Verdict::CannotReach);
    QVERIFY2(result.message.contains(QLatin1String("did not answer")), qPrintable(result.message));

    // The same for the API calls.
    const auto version = awaitResult<LatestVersionResult>(
        client->latestDelegateVersion(m_https->baseUrl(), kAccount, kCanaryKey));
    QCOMPARE(version.failure, Failure::Timeout);
}

void tst_HarnessClient::accountCheckRejectsBadInput()
{
    auto *client = newClient();
    const QStringList badManagers = {
        QString(), QStringLiteral("app.harness.io"), QStringLiteral("ftp://app.harness.io"),
        QStringLiteral("https://"), QStringLiteral("https://app.harness.io/?x=1")};
    for (const QString &manager : badManagers) {
        const auto result =
            awaitResult<AccountCheckResult>(client->checkAccount(manager, kAccount));
        QCOMPARE(result.failure, Failure::InvalidInput);
    }
    const auto empty = awaitResult<AccountCheckResult>(client->checkAccount(m_http->baseUrl(), {}));
    QCOMPARE(empty.failure, Failure::InvalidInput);
    QVERIFY(m_http->requests().isEmpty());

    // An id with path characters stays one path segment.
    const auto odd = awaitResult<AccountCheckResult>(
        client->checkAccount(m_http->baseUrl(), QStringLiteral("../../x?y#z")));
    QCOMPARE(odd.verdict, Verdict::NotOnCluster);
    QCOMPARE(m_http->requests().size(), 1);
    QCOMPARE(m_http->requests().constFirst().target,
             QByteArray("/api/account/..%2F..%2Fx%3Fy%23z/status"));
}

void tst_HarnessClient::tlsTrustedCaSucceeds()
{
    auto *client = newClient();
    const auto result =
        awaitResult<AccountCheckResult>(client->checkAccount(m_https->baseUrl(), kAccount));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(m_https->requests().size(), 1);
}

void tst_HarnessClient::tlsRefusesUntrustedCertificate_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<QString>("expected");
    QTest::newRow("CA not trusted") << "server" << false << "issuer";
    QTest::newRow("host name mismatch") << "wrong" << true << "host name";
    QTest::newRow("self-signed") << "self" << true << "self-signed";
}

void tst_HarnessClient::tlsRefusesUntrustedCertificate()
{
    QFETCH(QString, which);
    QFETCH(bool, trustCa);
    QFETCH(QString, expected);

    TestHttpServer server;
    if (which == QLatin1String("server"))
        QVERIFY(server.listenTls(m_pki.serverCert, m_pki.serverKey));
    else if (which == QLatin1String("wrong"))
        QVERIFY(server.listenTls(m_pki.wrongHostCert, m_pki.wrongHostKey));
    else
        QVERIFY(server.listenTls(m_pki.selfSignedCert, m_pki.selfSignedKey));
    server.setHandler([this](const TestHttpServer::Request &r) { return m_fake.handle(r); });

    auto *client = new HarnessClient(this);
    client->setTimeout(std::chrono::seconds(5));
    if (trustCa)
        client->addCaCertificates(m_pki.ca.toPem());
    const auto result =
        awaitResult<AccountCheckResult>(client->checkAccount(server.baseUrl(), kAccount));
    QCOMPARE(result.failure, Failure::Tls);
    QCOMPARE(result.verdict, Verdict::CannotReach);
    QVERIFY2(result.detail.contains(expected, Qt::CaseInsensitive), qPrintable(result.detail));
    QVERIFY(result.message.contains(result.detail));
    QVERIFY2(server.requests().isEmpty(), "nothing may be sent over a refused connection");

    // Nor is the key sent.
    const auto version = awaitResult<LatestVersionResult>(
        client->latestDelegateVersion(server.baseUrl(), kAccount, kCanaryKey));
    QCOMPARE(version.failure, Failure::Tls);
    QVERIFY(server.requests().isEmpty());
}

void tst_HarnessClient::latestVersion()
{
    auto *client = newClient();
    const auto result = awaitResult<LatestVersionResult>(
        client->latestDelegateVersion(m_https->baseUrl(), kAccount, kCanaryKey));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.version, kVersion);
    QCOMPARE(result.minimalVersion, kVersion + QStringLiteral(".minimal"));
    QCOMPARE(result.proposedImage,
             QStringLiteral("us-docker.pkg.dev/gar-prod-setup/harness-public/harness/delegate:") +
                 kVersion);
    checkNoCanary(result);
    QCOMPARE(m_https->requests().size(), 1);
    const auto request = m_https->requests().constFirst();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QStringLiteral("/ng/api/delegate-setup/latest-supported-version"));
    QCOMPARE(request.query, QStringLiteral("accountIdentifier=") + kAccount);
    QCOMPARE(request.headers.value("x-api-key"), kCanaryKey.toLatin1());

    client->setImageRepository(QStringLiteral("harness/delegate"));
    const auto hub = awaitResult<LatestVersionResult>(
        client->latestDelegateVersion(m_https->baseUrl(), kAccount, kCanaryKey));
    QCOMPARE(hub.proposedImage, QStringLiteral("harness/delegate:") + kVersion);
}

void tst_HarnessClient::latestVersionFailures_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("forceStatus");
    QTest::addColumn<QByteArray>("forceBody");
    QTest::addColumn<int>("failure");
    QTest::addColumn<QString>("messagePart");

    const QString wrongKey = QStringLiteral("pat.") + kAccount + QStringLiteral(".wrong.key");
    QTest::newRow("401 bad key") << wrongKey << 0 << QByteArray() << int(Failure::Unauthorized)
                                 << "rejected the API key";
    QTest::newRow("401 echoing the key")
        << kCanaryKey << 401 << (R"({"message":"bad token )" + kCanaryKey.toLatin1() + "\"}")
        << int(Failure::Unauthorized) << "rejected the API key";
    QTest::newRow("403") << kCanaryKey << 403 << QByteArray(R"({"message":"no permission"})")
                         << int(Failure::Forbidden) << "not allowed";
    QTest::newRow("500") << kCanaryKey << 500 << QByteArray() << int(Failure::ServerError)
                         << "server error";
    QTest::newRow("502 html") << kCanaryKey << 502 << QByteArray("<html>bad gateway</html>")
                              << int(Failure::ServerError) << "502";
    QTest::newRow("malformed json") << kCanaryKey << 200 << QByteArray("{\"resource\": {")
                                    << int(Failure::MalformedResponse) << "not in the documented";
    QTest::newRow("missing version") << kCanaryKey << 200 << QByteArray(R"({"resource":{}})")
                                     << int(Failure::MalformedResponse) << "latestSupportedVersion";
    QTest::newRow("version not a tag")
        << kCanaryKey << 200 << QByteArray(R"({"resource":{"latestSupportedVersion":"1 2; rm"}})")
        << int(Failure::MalformedResponse) << "not a valid image tag";
}

void tst_HarnessClient::latestVersionFailures()
{
    QFETCH(QString, key);
    QFETCH(int, forceStatus);
    QFETCH(QByteArray, forceBody);
    QFETCH(int, failure);
    QFETCH(QString, messagePart);
    m_fake.forceStatus = forceStatus;
    m_fake.forceBody = forceBody;

    auto *client = newClient();
    const auto result = awaitResult<LatestVersionResult>(
        client->latestDelegateVersion(m_https->baseUrl(), kAccount, key));
    QCOMPARE(int(result.failure), failure);
    QVERIFY2(result.message.contains(messagePart, Qt::CaseInsensitive) ||
                 result.detail.contains(messagePart, Qt::CaseInsensitive),
             qPrintable(result.message + QLatin1String(" | ") + result.detail));
    QVERIFY(result.proposedImage.isEmpty());
    checkNoCanary(result);
}

void tst_HarnessClient::latestVersionNeedsKey()
{
    auto *client = newClient();
    for (const QString &key :
         {QString(), QStringLiteral("pat.x\r\nX-Evil: 1"), QStringLiteral("pat. with spaces")}) {
        const auto result = awaitResult<LatestVersionResult>(
            client->latestDelegateVersion(m_https->baseUrl(), kAccount, key));
        QCOMPARE(result.failure, Failure::InvalidInput);
        QVERIFY(result.message.contains(QLatin1String("API key")));
    }
    QVERIFY(m_https->requests().isEmpty());

    // Never in clear text to a remote host (plain http stays possible on loopback, for tests).
    for (const QString &manager :
         {QStringLiteral("http://manager.test"), QStringLiteral("http://app.harness.io/gratis")}) {
        const auto version = awaitResult<LatestVersionResult>(
            client->latestDelegateVersion(manager, kAccount, kCanaryKey));
        QCOMPARE(version.failure, Failure::InvalidInput);
        QVERIFY2(version.message.contains(QLatin1String("https://")), qPrintable(version.message));
        const auto status = awaitResult<DelegateStatusResult>(
            client->delegateStatus(manager, kAccount, kCanaryKey, QStringLiteral("d")));
        QCOMPARE(status.failure, Failure::InvalidInput);
    }
    const auto local = awaitResult<LatestVersionResult>(
        client->latestDelegateVersion(m_http->baseUrl(), kAccount, kCanaryKey));
    QVERIFY2(local.ok(), qPrintable(local.message));
}

void tst_HarnessClient::delegateStatus_data()
{
    QTest::addColumn<QJsonArray>("delegates");
    QTest::addColumn<int>("state");
    QTest::addColumn<QStringList>("hosts");

    const QString name = QStringLiteral("gitspaces-delegate");
    QTest::newRow("connected, fresh heartbeat")
        << QJsonArray{FakeHarness::delegate(name, true, 20'000,
                                            {QStringLiteral("vm-a"), QStringLiteral("vm-b")})}
        << int(State::Connected) << QStringList{QStringLiteral("vm-a"), QStringLiteral("vm-b")};
    QTest::newRow("connected flag but stale heartbeat")
        << QJsonArray{FakeHarness::delegate(name, true, 6 * 60'000)} << int(State::NotYetConnected)
        << QStringList{QStringLiteral("runner-vm")};
    QTest::newRow("registered, not connected")
        << QJsonArray{FakeHarness::delegate(name, false, 1000)} << int(State::NotYetConnected)
        << QStringList{QStringLiteral("runner-vm")};
    QTest::newRow("not listed") << QJsonArray{} << int(State::NotFound) << QStringList{};
    QTest::newRow("only a longer name matches loosely")
        << QJsonArray{FakeHarness::delegate(name + QStringLiteral("-old"), true, 1000)}
        << int(State::NotFound) << QStringList{};
    QTest::newRow("exact and a similar one")
        << QJsonArray{FakeHarness::delegate(name + QStringLiteral("-2"), true, 1000,
                                            {QStringLiteral("other")}),
                      FakeHarness::delegate(name, true, 1000, {QStringLiteral("mine")})}
        << int(State::Connected) << QStringList{QStringLiteral("mine")};
}

void tst_HarnessClient::delegateStatus()
{
    QFETCH(QJsonArray, delegates);
    QFETCH(int, state);
    QFETCH(QStringList, hosts);
    m_fake.delegates = delegates;

    auto *client = newClient();
    const auto result = awaitResult<DelegateStatusResult>(client->delegateStatus(
        m_https->baseUrl(), kAccount, kCanaryKey, QStringLiteral("gitspaces-delegate")));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(int(result.state), state);
    QStringList gotHosts;
    for (const DelegateReplica &replica : result.replicas) {
        gotHosts.append(replica.hostName);
        QCOMPARE(replica.version, kVersion);
    }
    QCOMPARE(gotHosts, hosts);
    QVERIFY(!result.message.isEmpty());
    checkNoCanary(result);

    const auto request = m_https->requests().constLast();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QStringLiteral("/ng/api/delegate-setup/listDelegates"));
    QCOMPARE(request.query, QStringLiteral("accountIdentifier=") + kAccount);
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(QStringLiteral("delegateName")).toString(),
             QStringLiteral("gitspaces-delegate"));
    QCOMPARE(body.value(QStringLiteral("filterType")).toString(), QStringLiteral("Delegate"));
}

void tst_HarnessClient::prod2PrefixFallsBackToHostRoot()
{
    // Prod-2: the delegate's manager is <host>/gratis; the account API answers under it, the NG
    // API here only at the host root.
    m_fake.accountPrefix = QStringLiteral("/gratis");
    m_fake.delegates = {FakeHarness::delegate(QStringLiteral("d"), true, 1000)};
    auto *client = newClient();
    const QString manager = m_https->baseUrl() + QStringLiteral("/gratis/");

    const auto account = awaitResult<AccountCheckResult>(client->checkAccount(manager, kAccount));
    QVERIFY2(account.ok(), qPrintable(account.message));
    QCOMPARE(m_https->requests().size(), 1);
    QCOMPARE(m_https->requests().constFirst().path,
             QStringLiteral("/gratis/api/account/%1/status").arg(kAccount));

    m_https->clearRequests();
    const auto status = awaitResult<DelegateStatusResult>(
        client->delegateStatus(manager, kAccount, kCanaryKey, QStringLiteral("d")));
    QVERIFY2(status.ok(), qPrintable(status.message));
    QCOMPARE(status.state, State::Connected);
    QCOMPARE(m_https->requests().size(), 2);
    QCOMPARE(m_https->requests().at(0).path,
             QStringLiteral("/gratis/ng/api/delegate-setup/listDelegates"));
    QCOMPARE(m_https->requests().at(1).path,
             QStringLiteral("/ng/api/delegate-setup/listDelegates"));

    // Where the prefix does route the NG API, it is used and nothing else.
    m_fake.ngPrefix = QStringLiteral("/gratis");
    m_https->clearRequests();
    const auto version = awaitResult<LatestVersionResult>(
        client->latestDelegateVersion(manager, kAccount, kCanaryKey));
    QVERIFY2(version.ok(), qPrintable(version.message));
    QCOMPARE(m_https->requests().size(), 1);

    // The account check never falls back: the host root is another cluster.
    m_fake.accountPrefix.clear();
    m_https->clearRequests();
    const auto notThere = awaitResult<AccountCheckResult>(client->checkAccount(manager, kAccount));
    QCOMPARE(notThere.failure, Failure::NotFound);
    QCOMPARE(m_https->requests().size(), 1);
}

void tst_HarnessClient::explicitProxyIsUsed()
{
    TestProxy proxy(m_http->port());
    QVERIFY(proxy.listen());
    auto *client = newClient();
    client->setProxy(
        ProxySetting::http(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()))));

    // manager.test resolves nowhere: only the proxy can deliver this request.
    const QString manager = QStringLiteral("http://manager.test:%1").arg(m_http->port());
    const auto result = awaitResult<AccountCheckResult>(client->checkAccount(manager, kAccount));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(proxy.requestLines().size(), 1);
    QVERIFY2(proxy.requestLines().constFirst().startsWith("GET " + manager.toLatin1() +
                                                          "/api/account/" + kAccount.toLatin1()),
             proxy.requestLines().constFirst().constData());
    QCOMPARE(m_http->requests().size(), 1);
}

void tst_HarnessClient::systemProxyFromEnvironmentIsUsed()
{
    TestProxy proxy(m_http->port());
    QVERIFY(proxy.listen());
    const QByteArray previous = qgetenv("http_proxy");
    qputenv("http_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.port()));
    auto *client = newClient(); // the system configuration is the default
    const QString manager = QStringLiteral("http://manager.test:%1").arg(m_http->port());
    const auto result = awaitResult<AccountCheckResult>(client->checkAccount(manager, kAccount));
    if (previous.isEmpty())
        qunsetenv("http_proxy");
    else
        qputenv("http_proxy", previous);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(proxy.requestLines().size(), 1);
    QVERIFY(proxy.requestLines().constFirst().startsWith("GET http://manager.test:"));
}

void tst_HarnessClient::noProxyIgnoresTheSystemsProxy()
{
    TestProxy proxy(m_http->port());
    QVERIFY(proxy.listen());
    const QByteArray previous = qgetenv("http_proxy");
    qputenv("http_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.port()));
    auto *client = newClient();
    const QString manager = QStringLiteral("http://manager.test:%1").arg(m_http->port());
    // The first request makes the transport with the system's proxy; the switch must reach it.
    const auto viaProxy = awaitResult<AccountCheckResult>(client->checkAccount(manager, kAccount));
    client->setProxy(ProxySetting::none());
    QCOMPARE(client->proxy(), ProxySetting::none());
    const auto direct = awaitResult<AccountCheckResult>(client->checkAccount(manager, kAccount));
    if (previous.isEmpty())
        qunsetenv("http_proxy");
    else
        qputenv("http_proxy", previous);
    QVERIFY2(viaProxy.ok(), qPrintable(viaProxy.message));
    // manager.test resolves nowhere, so without the proxy the host cannot be found.
    QCOMPARE(direct.failure, Failure::CannotReach);
    QCOMPARE(direct.verdict, Verdict::CannotReach);
    QVERIFY2(direct.message.contains(QLatin1String("manager.test")), qPrintable(direct.message));
    QCOMPARE(proxy.requestLines().size(), 1);
}

void tst_HarnessClient::httpsThroughProxyTunnel()
{
    TestProxy proxy(m_https->port());
    QVERIFY(proxy.listen());
    m_fake.delegates = {FakeHarness::delegate(QStringLiteral("d"), true, 1000)};
    auto *client = newClient();
    client->setProxy(
        ProxySetting::http(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()))));
    const QString manager = QStringLiteral("https://manager.test:%1").arg(m_https->port());
    const auto result = awaitResult<DelegateStatusResult>(
        client->delegateStatus(manager, kAccount, kCanaryKey, QStringLiteral("d")));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.state, State::Connected);
    QCOMPARE(proxy.requestLines().size(), 1);
    QCOMPARE(proxy.requestLines().constFirst(),
             "CONNECT manager.test:" + QByteArray::number(m_https->port()) + " HTTP/1.1");
    // The key travelled inside the tunnel, so the proxy never saw it in clear.
    QVERIFY(!proxy.requestLines().constFirst().contains(kCanaryKey.toLatin1()));
}

void tst_HarnessClient::abortCancels()
{
    m_fake.delayMs = 3000;
    auto *client = newClient();
    auto *job = client->checkAccount(m_http->baseUrl(), kAccount);
    QSignalSpy spy(job, &AccountCheckJob::finished);
    QTest::qWait(100);
    job->abort();
    QTRY_COMPARE(spy.size(), 1);
    const auto result = spy.at(0).at(0).value<AccountCheckResult>();
    QCOMPARE(result.failure, Failure::Cancelled);
    QCOMPARE(result.verdict, Verdict::Failed);
}

void tst_HarnessClient::connectedWaitPollsUntilConnected()
{
    // Not listed, then listed but not connected, then connected.
    int calls = 0;
    m_https->setHandler([this, &calls](const TestHttpServer::Request &r) {
        ++calls;
        FakeHarness fake = m_fake;
        if (calls == 2)
            fake.delegates = {FakeHarness::delegate(QStringLiteral("d"), false, 1000)};
        else if (calls >= 3)
            fake.delegates = {
                FakeHarness::delegate(QStringLiteral("d"), true, 1000, {QStringLiteral("vm-1")})};
        return fake.handle(r);
    });
    auto *client = newClient();
    DelegateConnectedWait wait(client);
    wait.setPollInterval(std::chrono::milliseconds(50));
    wait.setDeadline(std::chrono::seconds(20));
    QSignalSpy progress(&wait, &DelegateConnectedWait::progress);
    QSignalSpy finished(&wait, &DelegateConnectedWait::finished);
    wait.start(m_https->baseUrl(), kAccount, kCanaryKey, QStringLiteral("d"),
               QStringLiteral("vm-1"));
    QVERIFY(wait.isRunning());
    const bool done = finished.wait(15000);
    m_https->setHandler([this](const TestHttpServer::Request &r) { return m_fake.handle(r); });
    QVERIFY(done);

    const auto result = finished.at(0).at(0).value<gs::Result>();
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String("connected in Harness")),
             qPrintable(result.message));
    QVERIFY(result.message.contains(QLatin1String("vm-1")));
    QVERIFY(result.message.contains(kVersion));
    QCOMPARE(calls, 3);
    QCOMPARE(progress.size(), 2);
    QVERIFY(progress.at(0).at(0).toString().contains(QLatin1String("not listed")));
    QVERIFY(progress.at(1).at(0).toString().contains(QLatin1String("not connected")));
    QVERIFY(!wait.isRunning());
}

void tst_HarnessClient::connectedWaitStopsOnBadKey()
{
    auto *client = newClient();
    DelegateConnectedWait wait(client);
    wait.setPollInterval(std::chrono::milliseconds(50));
    QSignalSpy finished(&wait, &DelegateConnectedWait::finished);
    wait.start(m_https->baseUrl(), kAccount, QStringLiteral("pat.wrong"), QStringLiteral("d"));
    QVERIFY(finished.wait(10000));
    const auto result = finished.at(0).at(0).value<gs::Result>();
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(QLatin1String("401")), qPrintable(result.message));
    QCOMPARE(m_https->requests().size(), 1);
}

void tst_HarnessClient::connectedWaitGivesUpAtDeadline()
{
    m_fake.delegates = {FakeHarness::delegate(QStringLiteral("d"), false, 1000)};
    auto *client = newClient();
    DelegateConnectedWait wait(client);
    wait.setPollInterval(std::chrono::milliseconds(100));
    wait.setDeadline(std::chrono::milliseconds(2000));
    QSignalSpy finished(&wait, &DelegateConnectedWait::finished);
    wait.start(m_https->baseUrl(), kAccount, kCanaryKey, QStringLiteral("d"));
    QVERIFY(finished.wait(10000));
    const auto result = finished.at(0).at(0).value<gs::Result>();
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(QLatin1String("Not connected in Harness after")),
             qPrintable(result.message));
    QVERIFY(result.message.contains(QLatin1String("not connected yet")));
    QVERIFY(m_https->requests().size() >= 2);
    const auto last = finished.at(0).at(1).value<DelegateStatusResult>();
    QCOMPARE(last.state, State::NotYetConnected);
}

void tst_HarnessClient::connectedWaitRequiresExpectedHost()
{
    m_fake.delegates = {
        FakeHarness::delegate(QStringLiteral("d"), true, 1000, {QStringLiteral("elsewhere")})};
    auto *client = newClient();
    DelegateConnectedWait wait(client);
    wait.setPollInterval(std::chrono::milliseconds(100));
    wait.setDeadline(std::chrono::milliseconds(300));
    QSignalSpy finished(&wait, &DelegateConnectedWait::finished);
    wait.start(m_https->baseUrl(), kAccount, kCanaryKey, QStringLiteral("d"),
               QStringLiteral("vm-1"));
    QVERIFY(finished.wait(10000));
    const auto result = finished.at(0).at(0).value<gs::Result>();
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(QLatin1String("another host")), qPrintable(result.message));
    QVERIFY(result.message.contains(QLatin1String("elsewhere")));
}

void tst_HarnessClient::preflight_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("image");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("imageVerdict");
    QTest::addColumn<QString>("messagePart");

    const QString pinned =
        QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504");
    const QString current = HarnessClient::defaultImageRepository() + QLatin1Char(':') + kVersion;
    const int expired = int(ImageTagCheck::Verdict::Expired);
    // Without Harness's answer the image is judged by its tag's date (25.03: long expired).
    QTest::newRow("account only") << kAccount << QString() << pinned << true << 1 << expired
                                  << "is on this cluster";
    QTest::newRow("account only, image by its date")
        << kAccount << QString() << pinned << true << 1 << expired << "21 months ago";
    QTest::newRow("account only, fresh image")
        << kAccount << QString() << QStringLiteral("harness/delegate:26.11.90000") << true << 1
        << int(ImageTagCheck::Verdict::Current) << "is on this cluster";
    QTest::newRow("wrong cluster stops before the key is used")
        << QStringLiteral("CCCCCCCCCCCCCCCCCCCCCC") << kCanaryKey << pinned << false << 1 << expired
        << "not on this cluster";
    QTest::newRow("expired pinned image") << kAccount << kCanaryKey << pinned << true << 2
                                          << int(ImageTagCheck::Verdict::Expired) << "expire";
    QTest::newRow("current image")
        << kAccount << kCanaryKey << current << true << 2 << int(ImageTagCheck::Verdict::Current)
        << "latest supported delegate version";
    QTest::newRow("rejected key fails early") << kAccount << QStringLiteral("pat.bad") << pinned
                                              << false << 2 << expired << "rejected the API key";
}

void tst_HarnessClient::preflight()
{
    QFETCH(QString, account);
    QFETCH(QString, key);
    QFETCH(QString, image);
    QFETCH(bool, ok);
    QFETCH(int, requests);
    QFETCH(int, imageVerdict);
    QFETCH(QString, messagePart);

    auto *client = newClient();
    HarnessPreflight preflight(client);
    preflight.setToday(QDate(2026, 12, 15));
    QSignalSpy finished(&preflight, &HarnessPreflight::finished);
    preflight.start(m_https->baseUrl(), account, key, image);
    QVERIFY(preflight.isRunning());
    QVERIFY(finished.wait(10000));
    QVERIFY(!preflight.isRunning());
    const auto result = finished.at(0).at(0).value<gs::Result>();
    const auto report = finished.at(0).at(1).value<PreflightReport>();
    QCOMPARE(result.ok, ok);
    QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    QVERIFY(!result.message.contains(kCanaryKey));
    QCOMPARE(m_https->requests().size(), requests);
    QCOMPARE(int(report.image.verdict), imageVerdict);
    QCOMPARE(report.keyGiven, !key.isEmpty());
    // The image's finding reaches the admin, whoever judged it (the CLI prints lines()).
    if (!report.image.message.isEmpty())
        QVERIFY(report.lines().contains(report.image.message));
    QCOMPARE(report.image.message.isEmpty(), imageVerdict == int(ImageTagCheck::Verdict::Current));
    // A proposal only when Harness made one.
    QCOMPARE(report.lines().join(QLatin1Char('\n')).contains(QLatin1String("Proposed")),
             report.latestKnown() && imageVerdict != int(ImageTagCheck::Verdict::Current));
    if (imageVerdict == int(ImageTagCheck::Verdict::Expired) && report.latestKnown()) {
        QCOMPARE(report.proposedImage(),
                 HarnessClient::defaultImageRepository() + QLatin1Char(':') + kVersion);
        QVERIFY(report.lines().constLast().contains(report.proposedImage()));
    }
}

void tst_HarnessClient::apiKeyNeverLogged()
{
    const QStringList lines = LogCapture::lines();
    // The capture works: the calls above were logged (URLs included) ...
    bool sawApiCall = false;
    for (const QString &line : lines)
        sawApiCall = sawApiCall || line.contains(QLatin1String("latest-supported-version"));
    QVERIFY2(sawApiCall, "the log capture saw no API call; it would prove nothing");
    // ... and the key is in none of it.
    for (const QString &line : lines)
        QVERIFY2(!line.contains(kCanaryKey), qPrintable(QStringLiteral("key leaked: ") + line));
    QVERIFY(!lines.join(QLatin1Char('\n')).contains(QLatin1String("CANARY6f1c9e")));
}

QTEST_GUILESS_MAIN(tst_HarnessClient)
#include "tst_HarnessClient.moc"
