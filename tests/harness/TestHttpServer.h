#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace gs::test {

// A small HTTP/1.1 server on 127.0.0.1 (plain or TLS) that answers each request from a handler
// and records what it received, so tests can check headers, bodies and the path a call took.
class TestHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // as on the request line (absolute URI when sent to a proxy)
        QString path;      // decoded path, without the query
        QString query;     // raw query
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        int delayMs = 0; // answer only after this long (slow server)
        QByteArray contentType = "application/json";
    };
    using Handler = std::function<Response(const Request &)>;

    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    bool listen();                                                   // plain HTTP
    bool listenTls(const QSslCertificate &cert, const QSslKey &key); // HTTPS
    quint16 port() const;
    QString baseUrl() const; // "http(s)://127.0.0.1:<port>"

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    void accept();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// A forward HTTP proxy on 127.0.0.1: absolute-URI requests and CONNECT tunnels, every target
// host sent to 127.0.0.1:<upstreamPort>. It records the request lines it saw.
class TestProxy : public QObject
{
    Q_OBJECT
public:
    explicit TestProxy(quint16 upstreamPort, QObject *parent = nullptr);
    bool listen();
    quint16 port() const;
    const QList<QByteArray> &requestLines() const { return m_requestLines; }

private:
    void accept();

    QTcpServer *m_server = nullptr;
    quint16 m_upstreamPort;
    QList<QByteArray> m_requestLines;
};

// Test PKI made with the openssl tool in a temporary directory: a CA, a server certificate for
// 127.0.0.1/localhost/manager.test signed by it, one for the wrong host, and a self-signed one.
struct TestPki
{
    QSslCertificate ca;
    QSslCertificate serverCert;
    QSslKey serverKey;
    QSslCertificate wrongHostCert; // CA-signed, but for wrong-host.test only
    QSslKey wrongHostKey;
    QSslCertificate selfSignedCert; // for 127.0.0.1, signed by nobody the client trusts
    QSslKey selfSignedKey;

    // Returns an empty string on success, else what failed.
    QString create();
};

} // namespace gs::test
