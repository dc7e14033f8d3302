#include "TestHttpServer.h"

#include <QDir>
#include <QFile>
#include <QNetworkProxy>
#include <QPointer>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace gs::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// Parses one complete request from `buffer`; false while more bytes are needed.
bool parseRequest(const QByteArray &buffer, TestHttpServer::Request *request)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request->method = requestLine.value(0);
    request->target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request->headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                    lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = request->headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    request->body = buffer.mid(headerEnd + 4, length);
    const QUrl url = QUrl::fromEncoded(
        request->target.startsWith('/') ? "http://x" + request->target : request->target);
    request->path = url.path();
    request->query = url.query(QUrl::FullyEncoded);
    return true;
}

} // namespace

TestHttpServer::TestHttpServer(QObject *parent)
    : QObject(parent)
{}

TestHttpServer::~TestHttpServer() = default;

bool TestHttpServer::listen()
{
    m_server = new QTcpServer(this);
    m_server->setProxy(QNetworkProxy::NoProxy);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &TestHttpServer::accept);
    return m_server->listen(QHostAddress::LocalHost);
}

bool TestHttpServer::listenTls(const QSslCertificate &cert, const QSslKey &key)
{
    auto *server = new QSslServer(this);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(cert);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(config);
    m_server = server;
    m_tls = true;
    m_server->setProxy(QNetworkProxy::NoProxy);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &TestHttpServer::accept);
    return m_server->listen(QHostAddress::LocalHost);
}

quint16 TestHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString TestHttpServer::baseUrl() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(port());
}

void TestHttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void TestHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    Request request;
    if (!parseRequest(buffer, &request))
        return;
    buffer.clear();
    m_requests.append(request);
    const Response response = m_handler ? m_handler(request) : Response{404, "{}", 0, "text/plain"};
    const QByteArray raw = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                           reasonPhrase(response.status) +
                           "\r\nContent-Type: " + response.contentType +
                           "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
                           "\r\nConnection: close\r\n\r\n" + response.body;
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(response.delayMs, this, [guard, raw] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        guard->write(raw);
        guard->disconnectFromHost();
    });
}

// ---------------------------------------------------------------------------------------------

TestProxy::TestProxy(quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort)
{}

bool TestProxy::listen()
{
    m_server = new QTcpServer(this);
    m_server->setProxy(QNetworkProxy::NoProxy);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &TestProxy::accept);
    return m_server->listen(QHostAddress::LocalHost);
}

quint16 TestProxy::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void TestProxy::accept()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        auto *upstream = new QTcpSocket(client);
        upstream->setProxy(QNetworkProxy::NoProxy);
        auto buffer = std::make_shared<QByteArray>();
        auto piping = std::make_shared<bool>(false);

        connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QTcpSocket::disconnected, client,
                [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
            upstream->abort();
            client->deleteLater();
        });
        connect(client, &QTcpSocket::readyRead, client, [this, client, upstream, buffer, piping] {
            if (*piping) {
                upstream->write(client->readAll());
                return;
            }
            *buffer += client->readAll();
            const qsizetype lineEnd = buffer->indexOf("\r\n");
            if (lineEnd < 0 || buffer->indexOf("\r\n\r\n") < 0)
                return;
            const QByteArray line = buffer->left(lineEnd);
            m_requestLines.append(line);
            const QList<QByteArray> parts = line.split(' ');
            *piping = true;
            if (parts.value(0) == "CONNECT") {
                buffer->clear();
                connect(upstream, &QTcpSocket::connected, client,
                        [client] { client->write("HTTP/1.1 200 Connection established\r\n\r\n"); });
                upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
                return;
            }
            // "GET http://host:port/path HTTP/1.1" → "GET /path HTTP/1.1" to the upstream.
            const QUrl target = QUrl::fromEncoded(parts.value(1));
            QByteArray origin = target.path(QUrl::FullyEncoded).toLatin1();
            if (target.hasQuery())
                origin += '?' + target.query(QUrl::FullyEncoded).toLatin1();
            const QByteArray forwarded =
                parts.value(0) + ' ' + origin + ' ' + parts.value(2) + buffer->mid(lineEnd);
            buffer->clear();
            connect(upstream, &QTcpSocket::connected, client,
                    [upstream, forwarded] { upstream->write(forwarded); });
            upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        });
    }
}

// ---------------------------------------------------------------------------------------------

QString TestPki::create()
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return QStringLiteral("no temporary directory");
    auto run = [&](const QStringList &arguments) -> QString {
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(QStringLiteral("openssl"), arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return QStringLiteral("openssl %1 failed: %2")
                .arg(arguments.join(QLatin1Char(' ')),
                     QString::fromLocal8Bit(process.readAllStandardError()));
        return {};
    };
    auto writeFile = [&](const QString &name, const QByteArray &text) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    };
    const QStringList ec = {
        QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    QString error = run(
        QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
        QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                    QStringLiteral("ca.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=gs harness test CA"),
                    QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                    QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    if (!error.isEmpty())
        return error;

    auto issue = [&](const QString &name, const QByteArray &san) -> QString {
        if (!writeFile(name + QStringLiteral(".ext"),
                       "subjectAltName=" + san +
                           "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"))
            return QStringLiteral("cannot write extension file");
        const QString failed =
            run(QStringList{QStringLiteral("req")} + ec +
                QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                            QStringLiteral("-out"), name + QStringLiteral(".csr"),
                            QStringLiteral("-subj"), QStringLiteral("/CN=") + name});
        if (!failed.isEmpty())
            return failed;
        return run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
                    QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-out"), name + QStringLiteral(".crt"),
                    QStringLiteral("-extfile"), name + QStringLiteral(".ext")});
    };
    error = issue(QStringLiteral("server"), "IP:127.0.0.1,DNS:localhost,DNS:manager.test");
    if (error.isEmpty())
        error = issue(QStringLiteral("wrong"), "DNS:wrong-host.test");
    if (error.isEmpty())
        error =
            run(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                QStringList{QStringLiteral("-keyout"), QStringLiteral("self.key"),
                            QStringLiteral("-out"), QStringLiteral("self.crt"),
                            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                            QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                            QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!error.isEmpty())
        return error;

    auto readCert = [&](const QString &name) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return QSslCertificate();
        return QSslCertificate(file.readAll(), QSsl::Pem);
    };
    auto readKey = [&](const QString &name) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return QSslKey();
        return QSslKey(file.readAll(), QSsl::Ec, QSsl::Pem);
    };
    ca = readCert(QStringLiteral("ca.crt"));
    serverCert = readCert(QStringLiteral("server.crt"));
    serverKey = readKey(QStringLiteral("server.key"));
    wrongHostCert = readCert(QStringLiteral("wrong.crt"));
    wrongHostKey = readKey(QStringLiteral("wrong.key"));
    selfSignedCert = readCert(QStringLiteral("self.crt"));
    selfSignedKey = readKey(QStringLiteral("self.key"));
    if (ca.isNull() || serverCert.isNull() || serverKey.isNull() || wrongHostCert.isNull() ||
        wrongHostKey.isNull() || selfSignedCert.isNull() || selfSignedKey.isNull())
        return QStringLiteral("could not load the generated certificates or keys");
    return {};
}

} // namespace gs::test
