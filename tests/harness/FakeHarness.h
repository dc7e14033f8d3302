#pragma once

#include "TestHttpServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace gs::test {

// A canary: if this text shows up in any log line or message, the key leaked.
inline const QString kCanaryKey = QStringLiteral("pat.CANARY6f1c9e.k3y-must-never-leak.Zq81");
inline const QString kAccount = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
inline const QString kVersion = QStringLiteral("26.02.88404");

// Answers like the Harness manager does, with the documented shapes
// (shared/reference/harness-delegate.md §2.1, §4).
struct FakeHarness
{
    QString accountPrefix;          // the account API lives under this path ("/gratis")
    QString ngPrefix;               // the NG API lives under this path
    QStringList accounts{kAccount}; // accounts on this "cluster"
    QString apiKey = kCanaryKey;    // the one key that is accepted
    QString latestVersion = kVersion;
    QJsonArray delegates; // listDelegates items
    // When set, every request gets this instead.
    int forceStatus = 0;
    QByteArray forceBody;
    int delayMs = 0;

    static QJsonObject delegate(const QString &name, bool connected, qint64 heartbeatAgeMs,
                                const QStringList &hosts = {QStringLiteral("runner-vm")})
    {
        const qint64 beat = QDateTime::currentMSecsSinceEpoch() - heartbeatAgeMs;
        QJsonArray replicas;
        for (const QString &host : hosts)
            replicas.append(QJsonObject{{QStringLiteral("uuid"), host + QStringLiteral("-uuid")},
                                        {QStringLiteral("hostName"), host},
                                        {QStringLiteral("version"), kVersion},
                                        {QStringLiteral("connected"), connected},
                                        {QStringLiteral("lastHeartbeat"), beat},
                                        {QStringLiteral("status"), QStringLiteral("ACTIVE")}});
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("DOCKER")},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("connected"), connected},
                           {QStringLiteral("lastHeartBeat"), beat},
                           {QStringLiteral("delegateReplicas"), replicas}};
    }

    static QByteArray wrap(const QJsonValue &resource)
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("metaData"), QJsonObject()},
                                         {QStringLiteral("resource"), resource},
                                         {QStringLiteral("responseMessages"), QJsonArray()}})
            .toJson(QJsonDocument::Compact);
    }

    TestHttpServer::Response handle(const TestHttpServer::Request &request) const
    {
        TestHttpServer::Response response;
        response.delayMs = delayMs;
        if (forceStatus) {
            response.status = forceStatus;
            response.body = forceBody;
            return response;
        }
        const QString accountPath = accountPrefix + QStringLiteral("/api/account/");
        if (request.method == "GET" && request.path.startsWith(accountPath) &&
            request.path.endsWith(QLatin1String("/status"))) {
            const QString id = request.path.mid(accountPath.size()).section(QLatin1Char('/'), 0, 0);
            if (accounts.contains(id)) {
                response.body = wrap(QStringLiteral("ACTIVE"));
            } else {
                response.status = 401;
                response.body =
                    R"({"responseMessages":[{"code":"INVALID_REQUEST","level":"ERROR","message":"Account ID not found"}]})";
            }
            return response;
        }
        const QString ng = ngPrefix + QStringLiteral("/ng/api/delegate-setup/");
        if (request.path.startsWith(ng)) {
            if (request.headers.value("x-api-key") != apiKey.toLatin1()) {
                response.status = 401;
                // Harness echoes nothing secret, but a proxy or a future version might.
                response.body =
                    R"({"status":"ERROR","code":"INVALID_TOKEN","message":"Token is not valid: )" +
                    request.headers.value("x-api-key") + "\"}";
                return response;
            }
            if (!request.query.contains(QStringLiteral("accountIdentifier=") + accounts.value(0))) {
                response.status = 400;
                response.body = R"({"status":"ERROR","message":"accountIdentifier missing"})";
                return response;
            }
            const QString what = request.path.mid(ng.size());
            if (request.method == "GET" && what == QLatin1String("latest-supported-version")) {
                response.body =
                    wrap(QJsonObject{{QStringLiteral("latestSupportedVersion"), latestVersion},
                                     {QStringLiteral("latestSupportedMinimalVersion"),
                                      latestVersion + QStringLiteral(".minimal")}});
                return response;
            }
            if (request.method == "POST" && what == QLatin1String("listDelegates")) {
                const QString name = QJsonDocument::fromJson(request.body)
                                         .object()
                                         .value(QStringLiteral("delegateName"))
                                         .toString();
                QJsonArray matching;
                for (const QJsonValue &item : delegates) {
                    if (item.toObject().value(QStringLiteral("name")).toString().contains(name))
                        matching.append(item);
                }
                response.body = wrap(matching);
                return response;
            }
        }
        response.status = 404;
        response.body = R"({"message":"no such path"})";
        return response;
    }
};

} // namespace gs::test
