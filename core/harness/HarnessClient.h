#pragma once

#include "HarnessResults.h"
#include "HttpTransport.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace gs::harness {

class HarnessClient;

// One call to the Harness API. It starts as soon as the client creates it, emits its typed
// finished() exactly once (also on invalid input, after the caller had a chance to connect) and
// then deletes itself. abort() ends it with Failure::Cancelled.
class HarnessJob : public QObject
{
    Q_OBJECT
public:
    void abort();
    bool isFinished() const { return m_finished; }

    ~HarnessJob() override; // lets go of its copy of the API key (zeroed when the last)

protected:
    HarnessJob(HarnessClient *client, const QString &apiKey);

    struct Request
    {
        QList<QUrl> urls; // tried in order while the answer is 404 (Prod-2 "/gratis" prefix)
        QByteArray verb = "GET";
        QByteArray body; // JSON, for POST
        bool withKey = false;
    };
    // Sends the request; transportDone() follows once, asynchronously.
    void send(const Request &request);
    void failLater(const QString &message); // InvalidInput, queued so callers can connect
    // `result` has failure, a generic message and detail set from the network or the HTTP
    // status; `body` is the answer's body. Implementations emit their typed finished().
    virtual void transportDone(CallResult result, const QByteArray &body) = 0;

    QString redact(QString text) const;
    HarnessClient *client() const { return m_client; }

private:
    void startAttempt(HttpTransport *transport);
    void onResponse(const HttpResponse &response);
    bool retryAtNextUrl(const QUrl &url); // after a 404; true when another attempt started
    void describeTransportFailure(const HttpResponse &response, const QString &host,
                                  CallResult *result) const;
    void describeHttpError(const HttpResponse &response, const QString &host,
                           CallResult *result) const;
    void done(const CallResult &result, const QByteArray &body);

    QPointer<HarnessClient> m_client;
    QString m_apiKey;
    Request m_request;
    int m_attempt = 0;
    std::unique_ptr<HttpCall> m_call;
    QTimer m_timeout;
    bool m_timedOut = false;
    bool m_aborted = false;
    bool m_finished = false;
};

class AccountCheckJob : public HarnessJob
{
    Q_OBJECT
public:
    AccountCheckJob(HarnessClient *client, const QString &managerUrl, const QString &accountId);
Q_SIGNALS:
    void finished(const gs::harness::AccountCheckResult &result);

protected:
    void transportDone(CallResult result, const QByteArray &body) override;

private:
    QString m_managerUrl;
    QString m_accountId;
};

class LatestVersionJob : public HarnessJob
{
    Q_OBJECT
public:
    LatestVersionJob(HarnessClient *client, const QString &managerUrl, const QString &accountId,
                     const QString &apiKey);
Q_SIGNALS:
    void finished(const gs::harness::LatestVersionResult &result);

protected:
    void transportDone(CallResult result, const QByteArray &body) override;
};

class DelegateStatusJob : public HarnessJob
{
    Q_OBJECT
public:
    DelegateStatusJob(HarnessClient *client, const QString &managerUrl, const QString &accountId,
                      const QString &apiKey, const QString &delegateName);
Q_SIGNALS:
    void finished(const gs::harness::DelegateStatusResult &result);

protected:
    void transportDone(CallResult result, const QByteArray &body) override;

private:
    QString m_delegateName;
};

// The asynchronous client for the three Harness calls the setup needs. Its HTTP transport comes
// from the Qt Network plugin (HttpTransportLoader), loaded by the first request, not by the
// constructor: a wizard page may create a client long before it calls Harness. The system proxy
// configuration (http_proxy/https_proxy/no_proxy, or the desktop's) is honoured unless a proxy
// is set explicitly. TLS errors are reported, never ignored. Every call returns a job that
// deletes itself after its finished() signal.
class HarnessClient : public QObject
{
    Q_OBJECT
public:
    explicit HarnessClient(QObject *parent = nullptr);
    ~HarnessClient() override;

    // Where proposed delegate images come from (§2.2): the registry the Helm chart uses.
    static QString defaultImageRepository();

    void setTimeout(std::chrono::milliseconds timeout); // whole call; default 20 s
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setProxy(const ProxySetting &proxy); // an HTTP proxy or none instead of the system's
    void useSystemProxy();                    // the default
    ProxySetting proxy() const { return m_proxy; }
    // Trusted in addition to the system CAs (a corporate TLS-inspecting proxy, or tests): one
    // or more PEM certificates.
    void addCaCertificates(const QByteArray &pem);
    void setImageRepository(const QString &repository);
    QString imageRepository() const { return m_imageRepository; }
    // A delegate counts as connected while its heartbeat is younger than this; default 5 min.
    void setMaxHeartbeatAge(std::chrono::milliseconds age) { m_maxHeartbeatAge = age; }
    std::chrono::milliseconds maxHeartbeatAge() const { return m_maxHeartbeatAge; }

    // No key needed. 200 = account on this cluster, 401 = not on it (suggests other clusters).
    AccountCheckJob *checkAccount(const QString &managerUrl, const QString &accountId);
    // The two calls below need a Harness API key (pat./sat.), sent as x-api-key over https only
    // (plain http is refused except to loopback), and never logged.
    // Proposes imageRepository():<latest version>.
    LatestVersionJob *latestDelegateVersion(const QString &managerUrl, const QString &accountId,
                                            const QString &apiKey);
    // Needs a Harness API key; lists the delegates named `delegateName`.
    DelegateStatusJob *delegateStatus(const QString &managerUrl, const QString &accountId,
                                      const QString &apiKey, const QString &delegateName);

    // The URLs a manager path is tried at: "<manager><path>", and for a manager with a path
    // prefix (Prod-2 "https://app.harness.io/gratis") also "<host><path>" as a fallback on 404.
    // Empty when the manager URL is not an absolute http(s) URL.
    // `path` and `query` must already be percent-encoded.
    static QList<QUrl> candidateUrls(const QString &managerUrl, const QString &path,
                                     const QString &query = {});
    // The SaaS clusters (gs::harnessClusters()) other than the one `managerUrl` names.
    static QList<HarnessCluster> otherClusters(const QString &managerUrl);
    // 127.0.0.0/8, ::1 (also IPv4-mapped 127/8) or "localhost"; `host` as QUrl::host() gives it.
    static bool isLoopbackHost(const QString &host);

private:
    friend class HarnessJob;
    void trustOnTransport(const QByteArray &pem); // m_transport set
    // Loads the plugin on first use; nullptr with `message` and `detail` set if it cannot.
    HttpTransport *transport(QString *message, QString *detail);

    std::unique_ptr<HttpTransport> m_transport;
    ProxySetting m_proxy;
    QByteArray m_extraCaPem;
    std::chrono::milliseconds m_timeout{20000};
    std::chrono::milliseconds m_maxHeartbeatAge{5 * 60 * 1000};
    QString m_imageRepository;
};

} // namespace gs::harness
