#pragma once

// The boundary between the Harness client (core, Qt Core only) and the HTTP stack, which lives
// in a plugin (core/harness/qtnetwork) so the wizard's start-up never maps Qt Network, its TLS
// backend and Kerberos. Plain abstract classes and Qt Core value types only: no Qt Network type
// and no moc crosses it. Everything here is inline so the plugin links no gs_* library.

#include <QByteArray>
#include <QList>
#include <QObject> // Q_DECLARE_INTERFACE
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>

namespace gs::harness {

// Which proxy the requests take.
struct ProxySetting
{
    enum class Mode {
        System,  // http_proxy/https_proxy/no_proxy, or the desktop's configuration
        NoProxy, // direct connections only
        Http,    // the HTTP proxy `url` names: http://[user:password@]host[:port] (port 8080)
    };
    Mode mode = Mode::System;
    QUrl url;

    static ProxySetting system() { return {}; }
    static ProxySetting none() { return {Mode::NoProxy, {}}; }
    static ProxySetting http(const QUrl &url) { return {Mode::Http, url}; }
    bool operator==(const ProxySetting &) const = default;
};

struct HttpRequest
{
    enum class Redirects {
        None,
        SameOrigin, // same scheme, host and port only: the key must not follow to another host
    };
    QUrl url;
    QByteArray verb = "GET";
    QList<std::pair<QByteArray, QByteArray>> headers; // raw, e.g. {"x-api-key", key}
    QByteArray body;                                  // sent for POST and other verbs
    QByteArray userAgent;
    Redirects redirects = Redirects::SameOrigin;
};

// Why no HTTP answer came back.
enum class TransportError {
    None,    // an HTTP answer came back (whatever its status)
    Timeout, // the stack's own timeout, or the proxy's
    Tls,     // handshake failed or a certificate was refused; see tlsErrors
    Proxy,   // the proxy refused, closed, was not found or wants authentication
    Refused, // connection refused
    HostNotFound,
    Cancelled, // HttpCall::abort()
    Other,     // reset, network down, protocol error, refused redirect ...
};

struct HttpResponse
{
    int status = 0; // 0 when no HTTP answer came back
    QString reasonPhrase;
    QByteArray body;
    TransportError error = TransportError::None;
    QString errorString;   // the stack's text for `error` (may be set for HTTP 4xx/5xx, too)
    QStringList tlsErrors; // each refused certificate's problem, in order
};

// One request in flight. Destroying it cancels the request without a callback.
class HttpCall
{
public:
    virtual ~HttpCall() = default;
    // Ends the request with TransportError::Cancelled; the callback may run before this returns.
    virtual void abort() = 0;

protected:
    HttpCall() = default;
    HttpCall(const HttpCall &) = delete;
    HttpCall &operator=(const HttpCall &) = delete;
};

// An HTTP client with its own proxy and CA configuration. Used on the thread that created it.
class HttpTransport
{
public:
    using Callback = std::function<void(const HttpResponse &response)>;

    virtual ~HttpTransport() = default;
    virtual void setProxy(const ProxySetting &proxy) = 0;
    // Trusted in addition to the system CAs. Returns how many certificates the PEM held.
    virtual int addCaCertificates(const QByteArray &pem) = 0;
    // Starts `request`; `done` runs exactly once, asynchronously, unless the call is destroyed
    // first. The call may be destroyed from inside `done`.
    virtual std::unique_ptr<HttpCall> start(const HttpRequest &request, Callback done) = 0;

protected:
    HttpTransport() = default;
    HttpTransport(const HttpTransport &) = delete;
    HttpTransport &operator=(const HttpTransport &) = delete;
};

// What the plugin's root object implements (qobject_cast through Q_DECLARE_INTERFACE).
class HttpTransportFactory
{
public:
    virtual ~HttpTransportFactory() = default;
    virtual std::unique_ptr<HttpTransport> createTransport() = 0;
};

} // namespace gs::harness

#define GS_HTTP_TRANSPORT_FACTORY_IID "org.gitspaces.setup.HttpTransportFactory/1"
Q_DECLARE_INTERFACE(gs::harness::HttpTransportFactory, GS_HTTP_TRANSPORT_FACTORY_IID)
