// Qt Network is the Harness client's plugin: a client does not map it until its first request,
// and without the plugin every call fails with a message naming where it was looked for. This
// test does not link Qt Network (its server is a plain POSIX socket), so /proc/self/maps shows
// exactly what the client loaded.
#include "harness/DelegateConnectedWait.h"
#include "harness/HarnessClient.h"
#include "harness/HarnessPreflight.h"
#include "harness/HttpTransportLoader.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace gs::harness;
using Verdict = AccountCheckResult::Verdict;

namespace {

const QString kAccount = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
const QString kCanaryKey = QStringLiteral("pat.CANARY2b7d04.k3y-must-never-leak.Lw39");

bool mapped(const char *library)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/maps");
    return maps.readAll().contains(library);
}

bool qtNetworkMapped()
{
    return mapped("libQt6Network.so");
}

template<typename Result, typename Job>
Result awaitResult(Job *job)
{
    QSignalSpy spy(job, &Job::finished);
    if (!spy.wait(15000)) {
        qWarning("job did not finish in time");
        return {};
    }
    return spy.at(0).at(0).template value<Result>();
}

// HTTP/1.0-style server on 127.0.0.1 on a thread: answers every request with 200 and the
// account status JSON, then closes the connection. Counts the connections it accepted.
class PosixHttpServer
{
public:
    ~PosixHttpServer()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool start()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return false;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0 ||
            ::listen(m_fd, 8) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return false;
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { run(); });
        return true;
    }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    int connections() const { return m_connections; }

private:
    void run()
    {
        while (!m_stop) {
            pollfd listening{m_fd, POLLIN, 0};
            if (::poll(&listening, 1, 50) <= 0)
                continue;
            const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0)
                continue;
            ++m_connections;
            QByteArray request;
            while (!request.contains("\r\n\r\n")) {
                pollfd readable{client, POLLIN, 0};
                if (::poll(&readable, 1, 5000) <= 0)
                    break;
                char buffer[4096];
                const ssize_t got = ::read(client, buffer, sizeof(buffer));
                if (got <= 0)
                    break;
                request.append(buffer, got);
            }
            const QByteArray body = R"({"status":"SUCCESS","resource":"ACTIVE"})";
            const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                      "Connection: close\r\nContent-Length: " +
                                      QByteArray::number(body.size()) + "\r\n\r\n" + body;
            qsizetype sent = 0;
            while (sent < answer.size()) {
                const ssize_t wrote =
                    ::write(client, answer.constData() + sent, size_t(answer.size() - sent));
                if (wrote <= 0)
                    break;
                sent += wrote;
            }
            ::close(client);
        }
    }

    int m_fd = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic_bool m_stop{false};
    std::atomic_int m_connections{0};
};

} // namespace

class tst_HarnessTransportLoading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void constructingAClientLoadsNothing();
    void missingPluginFailsEveryCall_data();
    void missingPluginFailsEveryCall();
    void firstRequestLoadsQtNetwork(); // last: afterwards Qt Network stays mapped

private:
    PosixHttpServer m_server;
    QString m_pluginDir;
};

void tst_HarnessTransportLoading::initTestCase()
{
    // The check reads the right thing: Qt Core is there, Qt Network is not (not linked).
    QVERIFY(mapped("libQt6Core.so"));
    QVERIFY2(!qtNetworkMapped(), "this test must not link Qt Network");
    m_pluginDir = qEnvironmentVariable(HttpTransportLoader::kPluginDirVariable);
    QVERIFY2(QFile::exists(m_pluginDir + QLatin1Char('/') + HttpTransportLoader::pluginFileName()),
             "gs_add_test sets GITSPACES_SETUP_PLUGIN_DIR to the build tree's plugin directory");
    QVERIFY(m_server.start());
}

void tst_HarnessTransportLoading::constructingAClientLoadsNothing()
{
    HarnessClient client;
    client.setTimeout(std::chrono::seconds(5));
    client.setProxy(ProxySetting::http(QUrl(QStringLiteral("http://127.0.0.1:3128"))));
    client.useSystemProxy();
    client.addCaCertificates("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    HarnessPreflight preflight(&client);
    QVERIFY(!qtNetworkMapped());
    QVERIFY(!mapped(qPrintable(HttpTransportLoader::pluginFileName())));
}

void tst_HarnessTransportLoading::missingPluginFailsEveryCall_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("detailPart");
    QTest::newRow("empty directory") << "empty"
                                     << "no such file";
    QTest::newRow("no such directory") << "missing"
                                       << "no such file";
    QTest::newRow("not a library") << "garbage" << HttpTransportLoader::pluginFileName();
    QTest::newRow("a library, not the plugin") << "other"
                                               << "not a gitspaces-setup";
}

void tst_HarnessTransportLoading::missingPluginFailsEveryCall()
{
    QFETCH(QString, kind);
    QFETCH(QString, detailPart);

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QString dir = temp.path();
    const QString pluginPath = dir + QLatin1Char('/') + HttpTransportLoader::pluginFileName();
    if (kind == QLatin1String("missing")) {
        dir += QStringLiteral("/nowhere");
    } else if (kind == QLatin1String("garbage")) {
        QFile file(pluginPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not an ELF file\n");
    } else if (kind == QLatin1String("other")) {
        // A real Qt plugin of another kind: loads, but has not our interface. Qt Core's own
        // plugins are few; any plugin Qt ships that needs no Qt Network will do.
        const QStringList candidates = {
            QStringLiteral("/usr/lib/x86_64-linux-gnu/qt6/plugins/platforms/libqminimal.so"),
            QStringLiteral("/usr/lib/x86_64-linux-gnu/qt6/plugins/platforms/libqoffscreen.so")};
        QString source;
        for (const QString &candidate : candidates) {
            if (QFile::exists(candidate)) {
                source = candidate;
                break;
            }
        }
        if (source.isEmpty())
            QSKIP("no Qt plugin to stand in for a foreign one");
        QVERIFY(QFile::copy(source, pluginPath));
    }
    qputenv(HttpTransportLoader::kPluginDirVariable, dir.toLocal8Bit());

    HarnessClient client;
    client.setTimeout(std::chrono::seconds(5));
    const QString https = QStringLiteral("https://127.0.0.1:1"); // never dialled
    const QList<CallResult> results = {
        awaitResult<AccountCheckResult>(client.checkAccount(m_server.baseUrl(), kAccount)),
        awaitResult<LatestVersionResult>(client.latestDelegateVersion(https, kAccount, kCanaryKey)),
        awaitResult<DelegateStatusResult>(
            client.delegateStatus(https, kAccount, kCanaryKey, QStringLiteral("d")))};
    qputenv(HttpTransportLoader::kPluginDirVariable, m_pluginDir.toLocal8Bit());

    for (const CallResult &result : results) {
        QCOMPARE(result.failure, Failure::CannotReach);
        QCOMPARE(result.httpStatus, 0);
        QVERIFY2(result.message.contains(QDir::cleanPath(dir)), qPrintable(result.message));
        QVERIFY2(result.message.contains(QLatin1String("GITSPACES_SETUP_PLUGIN_DIR")),
                 qPrintable(result.message));
        QVERIFY2(result.detail.contains(detailPart, Qt::CaseInsensitive),
                 qPrintable(result.detail));
        QVERIFY(result.message.contains(result.detail));
        QVERIFY(result.noTransport);
        QVERIFY(!result.message.contains(kCanaryKey));
        QVERIFY(!result.detail.contains(kCanaryKey));
    }

    // A preflight stops at the first failed call.
    HarnessPreflight preflight(&client);
    QSignalSpy finished(&preflight, &HarnessPreflight::finished);
    qputenv(HttpTransportLoader::kPluginDirVariable, dir.toLocal8Bit());
    preflight.start(m_server.baseUrl(), kAccount, kCanaryKey, QString());
    const bool preflightDone = finished.wait(10000);
    qputenv(HttpTransportLoader::kPluginDirVariable, m_pluginDir.toLocal8Bit());
    QVERIFY(preflightDone);
    const auto preflightResult = finished.at(0).at(0).value<gs::Result>();
    QVERIFY(!preflightResult.ok);
    QVERIFY2(preflightResult.message.contains(QDir::cleanPath(dir)),
             qPrintable(preflightResult.message));

    // Waiting for the delegate gives up at once: polling cannot bring the plugin back.
    DelegateConnectedWait wait(&client);
    wait.setPollInterval(std::chrono::milliseconds(50));
    wait.setDeadline(std::chrono::minutes(5));
    QSignalSpy waited(&wait, &DelegateConnectedWait::finished);
    qputenv(HttpTransportLoader::kPluginDirVariable, dir.toLocal8Bit());
    wait.start(m_server.baseUrl(), kAccount, kCanaryKey, QStringLiteral("d"));
    const bool waitDone = waited.wait(10000);
    qputenv(HttpTransportLoader::kPluginDirVariable, m_pluginDir.toLocal8Bit());
    QVERIFY(waitDone);
    const auto waitResult = waited.at(0).at(0).value<gs::Result>();
    QVERIFY(!waitResult.ok);
    QVERIFY2(waitResult.message.contains(QDir::cleanPath(dir)), qPrintable(waitResult.message));
    QVERIFY(!waitResult.message.contains(kCanaryKey));

    QCOMPARE(m_server.connections(), 0);
    QVERIFY(!qtNetworkMapped());
}

void tst_HarnessTransportLoading::firstRequestLoadsQtNetwork()
{
    HarnessClient client;
    client.setTimeout(std::chrono::seconds(10));
    QVERIFY(!qtNetworkMapped());
    const auto result =
        awaitResult<AccountCheckResult>(client.checkAccount(m_server.baseUrl(), kAccount));
    QVERIFY2(result.ok(), qPrintable(result.message + QLatin1String(" | ") + result.detail));
    QCOMPARE(result.verdict, Verdict::Ok);
    QCOMPARE(result.accountStatus, QStringLiteral("ACTIVE"));
    QCOMPARE(m_server.connections(), 1);
    QVERIFY(qtNetworkMapped());
    QVERIFY(mapped(qPrintable(HttpTransportLoader::pluginFileName())));
}

QTEST_GUILESS_MAIN(tst_HarnessTransportLoading)
#include "tst_HarnessTransportLoading.moc"
