#include "HarnessResponses.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace gs::harness::Responses {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::harness::HarnessClient", text);
}

void setMalformed(CallResult &result, const QString &why)
{
    result.failure = Failure::MalformedResponse;
    result.message = tr("Harness answered, but not in the documented format (%1). Check that the "
                        "manager URL points at Harness.")
                         .arg(why);
}

// NG endpoints wrap their payload in "resource" (RestResponse) or "data" (ResponseDTO).
QJsonValue payloadOf(const QJsonObject &object)
{
    if (object.contains(QLatin1String("resource")))
        return object.value(QLatin1String("resource"));
    return object.value(QLatin1String("data"));
}

bool parseJson(const QByteArray &body, QJsonDocument *doc, QString *why)
{
    QJsonParseError error;
    *doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        *why = tr("not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset);
        return false;
    }
    return true;
}

QDateTime epochMs(const QJsonValue &value)
{
    if (!value.isDouble())
        return {};
    const qint64 ms = value.toInteger();
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

void readAccountStatus(const QByteArray &body, AccountCheckResult &result)
{
    QJsonDocument doc;
    QString why;
    if (!parseJson(body, &doc, &why) || !doc.isObject()) {
        setMalformed(result, why.isEmpty() ? tr("not a JSON object") : why);
        return;
    }
    // RestResponse<String>: {"resource":"ACTIVE", ...}; only the status code matters to the
    // delegate's own check, so a missing resource is fine.
    const QJsonValue resource = payloadOf(doc.object());
    if (resource.isString())
        result.accountStatus = resource.toString();
}

void readLatestVersion(const QByteArray &body, const QString &imageRepository,
                       LatestVersionResult &result)
{
    QJsonDocument doc;
    QString why;
    if (!parseJson(body, &doc, &why) || !doc.isObject()) {
        setMalformed(result, why.isEmpty() ? tr("not a JSON object") : why);
        return;
    }
    const QJsonObject resource = payloadOf(doc.object()).toObject();
    const QString version = resource.value(QLatin1String("latestSupportedVersion")).toString();
    // A tag goes into an image reference: accept only what a Docker tag may hold.
    static const QRegularExpression tagPattern(
        QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    if (version.isEmpty()) {
        setMalformed(result, tr("no resource.latestSupportedVersion"));
        return;
    }
    if (!tagPattern.match(version).hasMatch()) {
        setMalformed(result, tr("\"%1\" is not a valid image tag").arg(version.left(40)));
        return;
    }
    result.version = version;
    const QString minimal =
        resource.value(QLatin1String("latestSupportedMinimalVersion")).toString();
    if (tagPattern.match(minimal).hasMatch())
        result.minimalVersion = minimal;
    result.proposedImage = imageRepository + QLatin1Char(':') + version;
}

void readDelegateList(const QByteArray &body, const QString &delegateName, const QDateTime &now,
                      std::chrono::milliseconds maxHeartbeatAge, DelegateStatusResult &result)
{
    result.delegateName = delegateName;
    QJsonDocument doc;
    QString why;
    if (!parseJson(body, &doc, &why)) {
        setMalformed(result, why);
        return;
    }
    // {"resource":[…]} as documented; a bare array as the account-scoped call returns it.
    QJsonValue list = doc.isArray() ? QJsonValue(doc.array()) : payloadOf(doc.object());
    if (!list.isArray()) {
        setMalformed(result, tr("no list of delegates in resource"));
        return;
    }

    // The server filters by name, but may match loosely: keep exact names, connected first.
    QJsonObject match;
    for (const QJsonValue &value : list.toArray()) {
        const QJsonObject item = value.toObject();
        if (item.value(QLatin1String("name")).toString() != delegateName)
            continue;
        if (match.isEmpty() || (!match.value(QLatin1String("connected")).toBool() &&
                                item.value(QLatin1String("connected")).toBool()))
            match = item;
    }
    if (match.isEmpty()) {
        result.state = DelegateStatusResult::State::NotFound;
        result.message = tr("Harness does not list a delegate named \"%1\" in this account yet.")
                             .arg(delegateName);
        return;
    }

    result.connectedFlag = match.value(QLatin1String("connected")).toBool();
    QDateTime newest = epochMs(match.value(QLatin1String("lastHeartBeat")));
    for (const QJsonValue &value : match.value(QLatin1String("delegateReplicas")).toArray()) {
        const QJsonObject item = value.toObject();
        DelegateReplica replica;
        replica.uuid = item.value(QLatin1String("uuid")).toString();
        replica.hostName = item.value(QLatin1String("hostName")).toString();
        replica.version = item.value(QLatin1String("version")).toString();
        replica.status = item.value(QLatin1String("status")).toString();
        replica.connected = item.value(QLatin1String("connected")).toBool();
        replica.lastHeartbeat = epochMs(item.value(QLatin1String("lastHeartbeat")));
        replica.expiringAt = epochMs(item.value(QLatin1String("expiringAt")));
        if (replica.lastHeartbeat.isValid() &&
            (!newest.isValid() || replica.lastHeartbeat > newest))
            newest = replica.lastHeartbeat;
        result.replicas.append(replica);
    }
    result.lastHeartbeat = newest;

    // A missing heartbeat leaves the decision to the server's own "connected" (it applies the
    // same five-minute rule); a reported one must be fresh.
    const bool fresh =
        !newest.isValid() || newest.msecsTo(now) < static_cast<qint64>(maxHeartbeatAge.count());
    if (result.connectedFlag && fresh) {
        result.state = DelegateStatusResult::State::Connected;
        result.message = tr("Delegate \"%1\" is connected in Harness.").arg(delegateName);
        return;
    }
    result.state = DelegateStatusResult::State::NotYetConnected;
    if (!result.connectedFlag)
        result.message =
            tr("Delegate \"%1\" is known to Harness but not connected yet.").arg(delegateName);
    else
        result.message =
            tr("Delegate \"%1\" has not sent a heartbeat since %2 (more than %3 "
               "minutes ago).")
                .arg(delegateName, newest.toString(Qt::ISODate))
                .arg(std::chrono::duration_cast<std::chrono::minutes>(maxHeartbeatAge).count());
}

QString serverMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject object = doc.object();
    QString text = object.value(QLatin1String("message")).toString();
    if (text.isEmpty()) {
        for (const QJsonValue &value : object.value(QLatin1String("responseMessages")).toArray()) {
            text = value.toObject().value(QLatin1String("message")).toString();
            if (!text.isEmpty())
                break;
        }
    }
    text = text.simplified();
    if (text.size() > 300)
        text = text.left(300) + QStringLiteral("…");
    return text;
}

QByteArray delegateListRequestBody(const QString &delegateName)
{
    // No status filter: "not connected yet" and "not found" must stay apart.
    QJsonObject body{{QStringLiteral("filterType"), QStringLiteral("Delegate")},
                     {QStringLiteral("delegateName"), delegateName}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace gs::harness::Responses
