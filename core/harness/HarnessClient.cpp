#include "HarnessClient.h"

#include "HarnessResponses.h"
#include "util/LoggingCategories.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace gs::harness {

namespace {

constexpr auto kMask = "••••••••";

// Per client, unlike QNetworkProxyFactory::setUseSystemConfiguration(), which is global.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        return systemProxyForQuery(query);
    }
};

QString normalizedManager(const QString &url)
{
    QString text = url.trimmed();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text.toLower();
}

// Printable ASCII only: anything else cannot be a Harness key and could split the header.
bool isValidHeaderValue(const QString &value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return !value.isEmpty();
}

// The key goes only over TLS; plain http is for a local test server or tunnel.
bool mayCarryKey(const QList<QUrl> &urls)
{
    for (const QUrl &url : urls) {
        if (url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0)
            continue;
        const QHostAddress address(url.host());
        if (url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) != 0 &&
            !address.isLoopback())
            return false;
    }
    return true;
}

QString plainHttpMessage()
{
    return HarnessClient::tr("The API key is only sent over https://: use the https:// manager "
                             "URL.");
}

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

QString accountQuery(const QString &accountId)
{
    return QStringLiteral("accountIdentifier=") +
           QString::fromLatin1(QUrl::toPercentEncoding(accountId));
}

QString apiKeyMessage(const QString &missingWhat)
{
    return HarnessClient::tr("%1 needs a Harness API key (a personal \"pat.\" or service account "
                             "\"sat.\" token of this account).")
        .arg(missingWhat);
}

} // namespace

QString failureName(Failure failure)
{
    switch (failure) {
    case Failure::None:
        return QStringLiteral("none");
    case Failure::InvalidInput:
        return QStringLiteral("invalid-input");
    case Failure::CannotReach:
        return QStringLiteral("cannot-reach");
    case Failure::Timeout:
        return QStringLiteral("timeout");
    case Failure::Tls:
        return QStringLiteral("tls");
    case Failure::Unauthorized:
        return QStringLiteral("unauthorized");
    case Failure::Forbidden:
        return QStringLiteral("forbidden");
    case Failure::NotFound:
        return QStringLiteral("not-found");
    case Failure::ServerError:
        return QStringLiteral("server-error");
    case Failure::HttpError:
        return QStringLiteral("http-error");
    case Failure::MalformedResponse:
        return QStringLiteral("malformed-response");
    case Failure::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

// ---------------------------------------------------------------------------------------------

HarnessJob::HarnessJob(HarnessClient *client, const QString &apiKey)
    : QObject(client)
    , m_client(client)
    , m_apiKey(apiKey)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
}

void HarnessJob::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply) {
        m_reply->abort(); // finishes the reply, which ends the job
        return;
    }
    CallResult result;
    result.failure = Failure::Cancelled;
    result.message = HarnessClient::tr("Cancelled.");
    done(result, {});
}

QString HarnessJob::redact(QString text) const
{
    if (m_apiKey.size() >= 4)
        text.replace(m_apiKey, QString::fromUtf8(kMask));
    return text;
}

void HarnessJob::send(const Request &request)
{
    m_request = request;
    m_attempt = 0;
    startAttempt();
}

void HarnessJob::failLater(const QString &message)
{
    QTimer::singleShot(0, this, [this, message] {
        if (m_finished)
            return;
        CallResult result;
        result.failure = Failure::InvalidInput;
        result.message = message;
        done(result, {});
    });
}

void HarnessJob::startAttempt()
{
    const QUrl url = m_request.urls.at(m_attempt);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(
        QNetworkRequest::UserAgentHeader,
        QStringLiteral("gitspaces-setup/%1").arg(QCoreApplication::applicationVersion()));
    // The key must not follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    if (m_request.withKey)
        request.setRawHeader("x-api-key", m_apiKey.toLatin1());
    if (!m_client->m_extraCas.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_client->m_extraCas);
        request.setSslConfiguration(ssl);
    }

    qCDebug(lcHarness).noquote() << m_request.verb << url.toDisplayString();
    m_sslErrors.clear();
    if (m_request.verb == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        m_reply = m_client->m_network->post(request, m_request.body);
    } else {
        m_reply = m_client->m_network->get(request);
    }
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    connect(m_reply, &QNetworkReply::finished, this, &HarnessJob::onReplyFinished);
    m_timeout.start(m_client->m_timeout);
}

void HarnessJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    const QUrl url = m_request.urls.at(m_attempt);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QNetworkReply::NetworkError error = reply->error();

    // A prefixed manager (Prod-2 "/gratis") that does not route this API: try the host root.
    if (status == 404 && !m_timedOut && !m_aborted && m_attempt + 1 < m_request.urls.size()) {
        qCDebug(lcHarness).noquote() << "404 at" << url.toDisplayString() << "- trying"
                                     << m_request.urls.at(m_attempt + 1).toDisplayString();
        ++m_attempt;
        startAttempt();
        return;
    }
    m_timeout.stop();

    CallResult result;
    result.url = url;
    result.httpStatus = status;
    const QString host = hostOf(url);
    if (m_timedOut) {
        result.failure = Failure::Timeout;
        result.message = HarnessClient::tr("%1 did not answer within %2 seconds.")
                             .arg(host)
                             .arg(m_client ? m_client->timeout().count() / 1000.0 : 0.0);
        result.detail = redact(reply->errorString());
    } else if (m_aborted) {
        result.failure = Failure::Cancelled;
        result.message = HarnessClient::tr("Cancelled.");
    } else if (status == 0 || (error != QNetworkReply::NoError && status < 400)) {
        switch (error) {
        case QNetworkReply::SslHandshakeFailedError: {
            result.failure = Failure::Tls;
            QStringList texts;
            for (const QSslError &sslError : std::as_const(m_sslErrors))
                texts.append(sslError.errorString());
            texts.removeDuplicates();
            result.detail =
                texts.isEmpty() ? reply->errorString() : texts.join(QStringLiteral("; "));
            result.message = HarnessClient::tr("The TLS connection to %1 was refused: %2. If a "
                                               "company proxy inspects TLS, add its CA "
                                               "certificate to the system's trusted CAs.")
                                 .arg(host, result.detail);
            break;
        }
        case QNetworkReply::TimeoutError:
        case QNetworkReply::ProxyTimeoutError:
            result.failure = Failure::Timeout;
            result.detail = reply->errorString();
            result.message =
                HarnessClient::tr("%1 did not answer in time (%2).").arg(host, result.detail);
            break;
        case QNetworkReply::OperationCanceledError:
            result.failure = Failure::Cancelled;
            result.message = HarnessClient::tr("Cancelled.");
            break;
        default:
            result.failure = Failure::CannotReach;
            result.detail = redact(reply->errorString());
            result.message = HarnessClient::tr("Cannot reach %1: %2. Check the manager URL, the "
                                               "network and the proxy settings.")
                                 .arg(host, result.detail);
            break;
        }
    } else if (status >= 200 && status < 300) {
        result.failure = Failure::None;
    } else {
        const QString serverText = redact(Responses::serverMessage(body));
        const QString reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        result.detail = QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed();
        if (!serverText.isEmpty())
            result.detail += QStringLiteral(": ") + serverText;
        if (status == 401) {
            result.failure = Failure::Unauthorized;
            result.message = HarnessClient::tr("Harness rejected the API key (HTTP 401). Use a "
                                               "current \"pat.\" or \"sat.\" key of this account, "
                                               "on the account's own cluster.");
        } else if (status == 403) {
            result.failure = Failure::Forbidden;
            result.message = HarnessClient::tr("The API key is valid but not allowed to do this "
                                               "(HTTP 403): give its user or service account "
                                               "permission to view delegates.");
        } else if (status == 404) {
            result.failure = Failure::NotFound;
            result.message = HarnessClient::tr("%1 has no such API (HTTP 404): check the manager "
                                               "URL.")
                                 .arg(host);
        } else if (status >= 500) {
            result.failure = Failure::ServerError;
            result.message = HarnessClient::tr("Harness had a server error (%1). Try again in a "
                                               "minute; if it persists, check status.harness.io.")
                                 .arg(result.detail);
        } else {
            result.failure = Failure::HttpError;
            result.message = HarnessClient::tr("Harness answered %1.").arg(result.detail);
        }
    }
    qCDebug(lcHarness).noquote() << "answer from" << url.toDisplayString() << "status" << status
                                 << failureName(result.failure) << result.detail;
    done(result, body);
}

void HarnessJob::done(const CallResult &result, const QByteArray &body)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    transportDone(result, body);
    deleteLater();
}

// ---------------------------------------------------------------------------------------------

AccountCheckJob::AccountCheckJob(HarnessClient *client, const QString &managerUrl,
                                 const QString &accountId)
    : HarnessJob(client, {})
    , m_managerUrl(managerUrl)
    , m_accountId(accountId.trimmed())
{
    Request request;
    // Exactly the URL the delegate will use (MANAGER_HOST_AND_PORT + /api/…), no fallback: the
    // host root of Prod-2 is Prod-1 and would answer 401 for a Prod-2 account.
    request.urls =
        HarnessClient::candidateUrls(
            managerUrl, QStringLiteral("/api/account/%1/status")
                            .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_accountId))))
            .mid(0, 1);
    if (m_accountId.isEmpty())
        failLater(HarnessClient::tr("Enter the account id to check it."));
    else if (request.urls.isEmpty())
        failLater(HarnessClient::tr("The manager URL must be an absolute https:// URL such as "
                                    "https://app.harness.io."));
    else
        send(request);
}

void AccountCheckJob::transportDone(CallResult transport, const QByteArray &body)
{
    AccountCheckResult result;
    static_cast<CallResult &>(result) = transport;
    if (result.ok())
        Responses::readAccountStatus(body, result);

    switch (result.failure) {
    case Failure::None:
        result.verdict = AccountCheckResult::Verdict::Ok;
        result.message = tr("Account %1 is on this cluster.").arg(m_accountId);
        if (!result.accountStatus.isEmpty() &&
            result.accountStatus.compare(QLatin1String("ACTIVE"), Qt::CaseInsensitive) != 0)
            result.message += QLatin1Char(' ') +
                              tr("Harness reports its status as %1.").arg(result.accountStatus);
        break;
    case Failure::Unauthorized: {
        // The delegate's own connectivity check reads 401 as "account not found" (§2.1).
        result.verdict = AccountCheckResult::Verdict::NotOnCluster;
        result.otherClusters = HarnessClient::otherClusters(m_managerUrl);
        QStringList names;
        for (const HarnessCluster &cluster : std::as_const(result.otherClusters))
            names.append(cluster.label);
        result.message =
            tr("Account %1 is not on this cluster (%2). Check the account id (Account "
               "Settings → Account Details), or try another cluster: %3.")
                .arg(m_accountId, hostOf(result.url), names.join(QStringLiteral(", ")));
        break;
    }
    case Failure::CannotReach:
    case Failure::Timeout:
    case Failure::Tls:
        result.verdict = AccountCheckResult::Verdict::CannotReach;
        break;
    default:
        result.verdict = AccountCheckResult::Verdict::Failed;
        break;
    }
    Q_EMIT finished(result);
}

// ---------------------------------------------------------------------------------------------

LatestVersionJob::LatestVersionJob(HarnessClient *client, const QString &managerUrl,
                                   const QString &accountId, const QString &apiKey)
    : HarnessJob(client, apiKey)
{
    Request request;
    request.withKey = true;
    request.urls = HarnessClient::candidateUrls(
        managerUrl, QStringLiteral("/ng/api/delegate-setup/latest-supported-version"),
        accountQuery(accountId.trimmed()));
    if (accountId.trimmed().isEmpty())
        failLater(tr("Enter the account id first."));
    else if (request.urls.isEmpty())
        failLater(tr("The manager URL must be an absolute https:// URL such as "
                     "https://app.harness.io."));
    else if (!isValidHeaderValue(apiKey))
        failLater(apiKeyMessage(tr("Looking up the current delegate version")));
    else if (!mayCarryKey(request.urls))
        failLater(plainHttpMessage());
    else
        send(request);
}

void LatestVersionJob::transportDone(CallResult transport, const QByteArray &body)
{
    LatestVersionResult result;
    static_cast<CallResult &>(result) = transport;
    if (result.ok()) {
        Responses::readLatestVersion(
            body, client() ? client()->imageRepository() : HarnessClient::defaultImageRepository(),
            result);
        if (result.ok())
            result.message = tr("The latest supported delegate version is %1.").arg(result.version);
    }
    Q_EMIT finished(result);
}

// ---------------------------------------------------------------------------------------------

DelegateStatusJob::DelegateStatusJob(HarnessClient *client, const QString &managerUrl,
                                     const QString &accountId, const QString &apiKey,
                                     const QString &delegateName)
    : HarnessJob(client, apiKey)
    , m_delegateName(delegateName.trimmed())
{
    Request request;
    request.verb = "POST";
    request.withKey = true;
    request.body = Responses::delegateListRequestBody(m_delegateName);
    request.urls = HarnessClient::candidateUrls(
        managerUrl, QStringLiteral("/ng/api/delegate-setup/listDelegates"),
        accountQuery(accountId.trimmed()));
    if (accountId.trimmed().isEmpty())
        failLater(tr("Enter the account id first."));
    else if (m_delegateName.isEmpty())
        failLater(tr("Enter the delegate name first."));
    else if (request.urls.isEmpty())
        failLater(tr("The manager URL must be an absolute https:// URL such as "
                     "https://app.harness.io."));
    else if (!isValidHeaderValue(apiKey))
        failLater(apiKeyMessage(tr("Checking the delegate in Harness")));
    else if (!mayCarryKey(request.urls))
        failLater(plainHttpMessage());
    else
        send(request);
}

void DelegateStatusJob::transportDone(CallResult transport, const QByteArray &body)
{
    DelegateStatusResult result;
    static_cast<CallResult &>(result) = transport;
    result.delegateName = m_delegateName;
    if (result.ok()) {
        const auto maxAge = client() ? client()->maxHeartbeatAge() : std::chrono::minutes(5);
        Responses::readDelegateList(body, m_delegateName, QDateTime::currentDateTimeUtc(), maxAge,
                                    result);
    }
    Q_EMIT finished(result);
}

// ---------------------------------------------------------------------------------------------

HarnessClient::HarnessClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_imageRepository(defaultImageRepository())
{
    qRegisterMetaType<AccountCheckResult>();
    qRegisterMetaType<LatestVersionResult>();
    qRegisterMetaType<DelegateStatusResult>();
    useSystemProxy();
}

HarnessClient::~HarnessClient() = default;

QString HarnessClient::defaultImageRepository()
{
    return QStringLiteral("us-docker.pkg.dev/gar-prod-setup/harness-public/harness/delegate");
}

void HarnessClient::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void HarnessClient::setProxy(const QNetworkProxy &proxy)
{
    m_network->setProxyFactory(nullptr);
    m_network->setProxy(proxy);
}

void HarnessClient::useSystemProxy()
{
    m_network->setProxyFactory(new SystemProxyFactory); // the manager takes ownership
}

void HarnessClient::addCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCas += certificates;
}

void HarnessClient::setImageRepository(const QString &repository)
{
    m_imageRepository = repository.isEmpty() ? defaultImageRepository() : repository;
}

AccountCheckJob *HarnessClient::checkAccount(const QString &managerUrl, const QString &accountId)
{
    return new AccountCheckJob(this, managerUrl, accountId);
}

LatestVersionJob *HarnessClient::latestDelegateVersion(const QString &managerUrl,
                                                       const QString &accountId,
                                                       const QString &apiKey)
{
    return new LatestVersionJob(this, managerUrl, accountId, apiKey);
}

DelegateStatusJob *HarnessClient::delegateStatus(const QString &managerUrl,
                                                 const QString &accountId, const QString &apiKey,
                                                 const QString &delegateName)
{
    return new DelegateStatusJob(this, managerUrl, accountId, apiKey, delegateName);
}

QList<QUrl> HarnessClient::candidateUrls(const QString &managerUrl, const QString &path,
                                         const QString &query)
{
    const QUrl base(managerUrl.trimmed(), QUrl::StrictMode);
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || base.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")) || base.hasQuery() ||
        base.hasFragment())
        return {};
    QString prefix = base.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);

    auto make = [&](const QString &pathPrefix) {
        QUrl url = base;
        url.setPath(pathPrefix + path, QUrl::TolerantMode);
        if (!query.isEmpty())
            url.setQuery(query, QUrl::TolerantMode);
        return url;
    };
    QList<QUrl> urls{make(prefix)};
    if (!prefix.isEmpty())
        urls.append(make(QString()));
    return urls;
}

QList<HarnessCluster> HarnessClient::otherClusters(const QString &managerUrl)
{
    const QString current = normalizedManager(managerUrl);
    QList<HarnessCluster> others;
    for (const HarnessCluster &cluster : harnessClusters()) {
        if (!cluster.managerUrl.isEmpty() && normalizedManager(cluster.managerUrl) != current)
            others.append(cluster);
    }
    return others;
}

} // namespace gs::harness
