#include "HarnessClient.h"

#include "HarnessResponses.h"
#include "HttpTransportLoader.h"
#include "util/LoggingCategories.h"
#include "util/Secret.h"

#include <QCoreApplication>
#include <QDateTime>

namespace gs::harness {

namespace {

constexpr auto kMask = "••••••••";

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
        if (!HarnessClient::isLoopbackHost(url.host()))
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
        if (m_call)
            m_call->abort();
    });
}

HarnessJob::~HarnessJob()
{
    wipeIfLast(m_apiKey);
}

void HarnessJob::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_call) {
        m_call->abort(); // finishes the call, which ends the job
        return;
    }
    CallResult result;
    result.failure = Failure::Cancelled;
    result.message = HarnessClient::tr("Cancelled.");
    done(result, {});
}

QString HarnessJob::redact(QString text) const
{
    if (!m_apiKey.isEmpty()) // however short: a key is a key (issue 11)
        text.replace(m_apiKey, QString::fromUtf8(kMask));
    return text;
}

void HarnessJob::send(const Request &request)
{
    m_request = request;
    m_attempt = 0;
    QString message;
    QString detail;
    HttpTransport *transport = m_client->transport(&message, &detail);
    if (!transport) {
        // Queued, like every other outcome, so callers can connect first.
        QTimer::singleShot(0, this, [this, message, detail] {
            if (m_finished)
                return;
            CallResult result;
            result.failure = Failure::CannotReach;
            result.noTransport = true;
            result.url = m_request.urls.value(0);
            result.message = message;
            result.detail = detail;
            done(result, {});
        });
        return;
    }
    startAttempt(transport);
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

void HarnessJob::startAttempt(HttpTransport *transport)
{
    HttpRequest request;
    request.url = m_request.urls.at(m_attempt);
    request.verb = m_request.verb;
    request.headers.emplaceBack("Accept", "application/json");
    request.userAgent =
        QStringLiteral("gitspaces-setup/%1").arg(QCoreApplication::applicationVersion()).toUtf8();
    // The key must not follow a redirect to another host.
    request.redirects = HttpRequest::Redirects::SameOrigin;
    if (m_request.withKey)
        request.headers.emplaceBack("x-api-key", m_apiKey.toLatin1());
    if (m_request.verb == "POST") {
        request.headers.emplaceBack("Content-Type", "application/json");
        request.body = m_request.body;
    }

    qCDebug(lcHarness).noquote() << m_request.verb << request.url.toDisplayString();
    m_call =
        transport->start(request, [this](const HttpResponse &response) { onResponse(response); });
    m_timeout.start(m_client->m_timeout);
}

void HarnessJob::onResponse(const HttpResponse &response)
{
    if (!m_call || m_finished)
        return;
    // Destroying the call from its own callback is allowed (HttpTransport::start()).
    m_call.reset();

    const QUrl url = m_request.urls.at(m_attempt);
    const int status = response.status;
    const TransportError error = response.error;

    if (status == 404 && retryAtNextUrl(url))
        return;
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
        result.detail = redact(response.errorString);
    } else if (m_aborted) {
        result.failure = Failure::Cancelled;
        result.message = HarnessClient::tr("Cancelled.");
    } else if (status == 0 || (error != TransportError::None && status < 400)) {
        describeTransportFailure(response, host, &result);
    } else if (status >= 200 && status < 300) {
        result.failure = Failure::None;
    } else {
        describeHttpError(response, host, &result);
    }
    qCDebug(lcHarness).noquote() << "answer from" << url.toDisplayString() << "status" << status
                                 << failureName(result.failure) << result.detail;
    done(result, response.body);
}

bool HarnessJob::retryAtNextUrl(const QUrl &url)
{
    // A prefixed manager (Prod-2 "/gratis") that does not route this API: try the host root.
    if (m_timedOut || m_aborted || m_attempt + 1 >= m_request.urls.size() || !m_client)
        return false;
    qCDebug(lcHarness).noquote() << "404 at" << url.toDisplayString() << "- trying"
                                 << m_request.urls.at(m_attempt + 1).toDisplayString();
    QString message;
    QString detail;
    HttpTransport *transport = m_client->transport(&message, &detail);
    if (!transport)
        return false;
    ++m_attempt;
    startAttempt(transport);
    return true;
}

// Nothing usable came back: no HTTP status, or the transport failed before one.
void HarnessJob::describeTransportFailure(const HttpResponse &response, const QString &host,
                                          CallResult *result) const
{
    switch (response.error) {
    case TransportError::Tls: {
        result->failure = Failure::Tls;
        QStringList texts = response.tlsErrors;
        texts.removeDuplicates();
        result->detail = texts.isEmpty() ? response.errorString : texts.join(QStringLiteral("; "));
        result->message = HarnessClient::tr("The TLS connection to %1 was refused: %2. If a "
                                            "company proxy inspects TLS, add its CA "
                                            "certificate to the system's trusted CAs.")
                              .arg(host, result->detail);
        break;
    }
    case TransportError::Timeout:
        result->failure = Failure::Timeout;
        result->detail = response.errorString;
        result->message =
            HarnessClient::tr("%1 did not answer in time (%2).").arg(host, result->detail);
        break;
    case TransportError::Cancelled:
        result->failure = Failure::Cancelled;
        result->message = HarnessClient::tr("Cancelled.");
        break;
    case TransportError::None: // no HTTP status either: nothing came back
    case TransportError::Proxy:
    case TransportError::Refused:
    case TransportError::HostNotFound:
    case TransportError::Other:
        result->failure = Failure::CannotReach;
        result->detail = redact(response.errorString);
        result->message = HarnessClient::tr("Cannot reach %1: %2. Check the manager URL, the "
                                            "network and the proxy settings.")
                              .arg(host, result->detail);
        break;
    }
}

// An HTTP status other than 2xx: what it means for the user, with the server's own words.
void HarnessJob::describeHttpError(const HttpResponse &response, const QString &host,
                                   CallResult *result) const
{
    const int status = response.status;
    const QString serverText = redact(Responses::serverMessage(response.body));
    const QString &reason = response.reasonPhrase;
    result->detail = QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed();
    if (!serverText.isEmpty())
        result->detail += QStringLiteral(": ") + serverText;
    if (status == 401) {
        result->failure = Failure::Unauthorized;
        result->message = HarnessClient::tr("Harness rejected the API key (HTTP 401). Use a "
                                            "current \"pat.\" or \"sat.\" key of this account, "
                                            "on the account's own cluster.");
    } else if (status == 403) {
        result->failure = Failure::Forbidden;
        result->message = HarnessClient::tr("The API key is valid but not allowed to do this "
                                            "(HTTP 403): give its user or service account "
                                            "permission to view delegates.");
    } else if (status == 404) {
        result->failure = Failure::NotFound;
        result->message = HarnessClient::tr("%1 has no such API (HTTP 404): check the manager "
                                            "URL.")
                              .arg(host);
    } else if (status >= 500) {
        result->failure = Failure::ServerError;
        result->message = HarnessClient::tr("Harness had a server error (%1). Try again in a "
                                            "minute; if it persists, check status.harness.io.")
                              .arg(result->detail);
    } else {
        result->failure = Failure::HttpError;
        result->message = HarnessClient::tr("Harness answered %1.").arg(result->detail);
    }
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
    , m_imageRepository(defaultImageRepository())
{
    qRegisterMetaType<AccountCheckResult>();
    qRegisterMetaType<LatestVersionResult>();
    qRegisterMetaType<DelegateStatusResult>();
}

HarnessClient::~HarnessClient()
{
    // The jobs' calls belong to the transport, which goes before ~QObject deletes the jobs.
    qDeleteAll(findChildren<HarnessJob *>(Qt::FindDirectChildrenOnly));
}

HttpTransport *HarnessClient::transport(QString *message, QString *detail)
{
    if (m_transport)
        return m_transport.get();
    const HttpTransportLoader::Result loaded = HttpTransportLoader::load();
    if (!loaded.factory) {
        *message = loaded.message;
        *detail = loaded.detail;
        return nullptr;
    }
    m_transport = loaded.factory->createTransport();
    m_transport->setProxy(m_proxy);
    if (!m_extraCaPem.isEmpty())
        trustOnTransport(m_extraCaPem);
    return m_transport.get();
}

QString HarnessClient::defaultImageRepository()
{
    return QStringLiteral("us-docker.pkg.dev/gar-prod-setup/harness-public/harness/delegate");
}

void HarnessClient::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void HarnessClient::setProxy(const ProxySetting &proxy)
{
    m_proxy = proxy;
    if (m_transport)
        m_transport->setProxy(proxy);
}

void HarnessClient::useSystemProxy()
{
    setProxy(ProxySetting::system());
}

void HarnessClient::addCaCertificates(const QByteArray &pem)
{
    if (pem.trimmed().isEmpty())
        return;
    QByteArray text = pem.trimmed();
    text.append('\n');
    m_extraCaPem += text;
    if (m_transport)
        trustOnTransport(text);
}

void HarnessClient::trustOnTransport(const QByteArray &pem)
{
    if (m_transport->addCaCertificates(pem) == 0)
        qCWarning(lcHarness) << "The extra CA certificates hold no PEM certificate.";
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

bool HarnessClient::isLoopbackHost(const QString &host)
{
    QString name = host.trimmed().toLower();
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1); // the absolute form of a DNS name
    if (name == QLatin1String("localhost"))
        return true;

    auto isLoopbackIpv4 = [](QStringView text) {
        const QList<QStringView> parts = text.split(QLatin1Char('.'));
        if (parts.size() != 4)
            return false;
        int first = -1;
        for (const QStringView part : parts) {
            if (part.isEmpty() || part.size() > 3)
                return false;
            for (const QChar c : part) {
                if (c.unicode() < '0' || c.unicode() > '9')
                    return false;
            }
            const int value = part.toInt();
            if (value > 255)
                return false;
            if (first < 0)
                first = value;
        }
        return first == 127;
    };
    if (isLoopbackIpv4(name))
        return true;
    // QUrl::host() gives IPv6 addresses compressed and lower-case: "::1", "::ffff:127.0.0.1".
    if (name == QLatin1String("::1") || name == QLatin1String("0:0:0:0:0:0:0:1"))
        return true;
    const QLatin1String mapped("::ffff:");
    return name.startsWith(mapped) && isLoopbackIpv4(QStringView(name).mid(mapped.size()));
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
