#include "QtNetworkTransportPlugin.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

namespace gs::harness {

namespace {

// Per transport, unlike QNetworkProxyFactory::setUseSystemConfiguration(), which is global.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        return systemProxyForQuery(query);
    }
};

TransportError classify(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
        return TransportError::None;
    case QNetworkReply::SslHandshakeFailedError:
        return TransportError::Tls;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        return TransportError::Timeout;
    case QNetworkReply::OperationCanceledError:
        return TransportError::Cancelled;
    case QNetworkReply::ConnectionRefusedError:
        return TransportError::Refused;
    case QNetworkReply::HostNotFoundError:
        return TransportError::HostNotFound;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return TransportError::Proxy;
    default:
        return TransportError::Other;
    }
}

class QtNetworkCall : public HttpCall
{
public:
    QtNetworkCall(QNetworkReply *reply, HttpTransport::Callback done)
        : m_reply(reply)
        , m_done(std::move(done))
    {
        m_connections[0] = QObject::connect(reply, &QNetworkReply::sslErrors,
                                            [this](const QList<QSslError> &errors) {
                                                for (const QSslError &error : errors)
                                                    m_tlsErrors.append(error.errorString());
                                            });
        m_connections[1] =
            QObject::connect(reply, &QNetworkReply::finished, [this] { onFinished(); });
    }

    ~QtNetworkCall() override
    {
        for (const QMetaObject::Connection &connection : m_connections)
            QObject::disconnect(connection);
        if (m_reply) {
            m_reply->abort();
            m_reply->deleteLater();
        }
    }

    void abort() override
    {
        if (m_reply)
            m_reply->abort(); // emits finished(), which runs the callback
    }

private:
    void onFinished()
    {
        QNetworkReply *reply = m_reply;
        if (!reply)
            return;
        m_reply = nullptr;
        reply->deleteLater();
        for (const QMetaObject::Connection &connection : m_connections)
            QObject::disconnect(connection);

        HttpResponse response;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.reasonPhrase =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        response.body = reply->readAll();
        response.error = classify(reply->error());
        if (reply->error() != QNetworkReply::NoError)
            response.errorString = reply->errorString();
        response.tlsErrors = m_tlsErrors;
        // The owner may destroy this call from the callback: touch no member after it.
        const HttpTransport::Callback done = std::move(m_done);
        done(response);
    }

    QPointer<QNetworkReply> m_reply;
    HttpTransport::Callback m_done;
    QStringList m_tlsErrors;
    QMetaObject::Connection m_connections[2];
};

class QtNetworkTransport : public HttpTransport
{
public:
    QtNetworkTransport() { setProxy(ProxySetting::system()); }

    void setProxy(const ProxySetting &proxy) override
    {
        switch (proxy.mode) {
        case ProxySetting::Mode::System:
            m_network.setProxyFactory(new SystemProxyFactory); // the manager takes ownership
            break;
        case ProxySetting::Mode::NoProxy:
            m_network.setProxyFactory(nullptr);
            m_network.setProxy(QNetworkProxy::NoProxy);
            break;
        case ProxySetting::Mode::Http:
            m_network.setProxyFactory(nullptr);
            m_network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, proxy.url.host(),
                                             quint16(proxy.url.port(8080)), proxy.url.userName(),
                                             proxy.url.password()));
            break;
        }
    }

    int addCaCertificates(const QByteArray &pem) override
    {
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
        m_extraCas += certificates;
        return int(certificates.size());
    }

    std::unique_ptr<HttpCall> start(const HttpRequest &httpRequest, Callback done) override
    {
        QNetworkRequest request(httpRequest.url);
        for (const auto &[name, value] : httpRequest.headers)
            request.setRawHeader(name, value);
        if (!httpRequest.userAgent.isEmpty())
            request.setHeader(QNetworkRequest::UserAgentHeader,
                              QString::fromLatin1(httpRequest.userAgent));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             httpRequest.redirects == HttpRequest::Redirects::SameOrigin
                                 ? QNetworkRequest::SameOriginRedirectPolicy
                                 : QNetworkRequest::ManualRedirectPolicy);
        if (!m_extraCas.isEmpty()) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.addCaCertificates(m_extraCas);
            request.setSslConfiguration(ssl);
        }

        QNetworkReply *reply = nullptr;
        if (httpRequest.verb == "GET")
            reply = m_network.get(request);
        else if (httpRequest.verb == "POST")
            reply = m_network.post(request, httpRequest.body);
        else
            reply = m_network.sendCustomRequest(request, httpRequest.verb, httpRequest.body);
        return std::make_unique<QtNetworkCall>(reply, std::move(done));
    }

private:
    QNetworkAccessManager m_network;
    QList<QSslCertificate> m_extraCas;
};

} // namespace

std::unique_ptr<HttpTransport> QtNetworkTransportPlugin::createTransport()
{
    return std::make_unique<QtNetworkTransport>();
}

} // namespace gs::harness
