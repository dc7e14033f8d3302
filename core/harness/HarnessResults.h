#pragma once

#include "plan/InputChecks.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace gs::harness {

// Why a call to the Harness API ended the way it did. None means the server answered 2xx with
// the documented JSON; every other value comes with a message a user can act on.
enum class Failure {
    None,
    InvalidInput,      // manager URL, account id, key or name missing or malformed; nothing sent
    CannotReach,       // DNS, connection refused or reset, proxy failure, network down
    Timeout,           // no complete answer within the client's timeout
    Tls,               // certificate not trusted, wrong host name, handshake failed; never ignored
    Unauthorized,      // HTTP 401
    Forbidden,         // HTTP 403
    NotFound,          // HTTP 404
    ServerError,       // HTTP 5xx
    HttpError,         // any other answer outside 2xx
    MalformedResponse, // 2xx, but not the JSON shape the API documents
    Cancelled,         // abort() was called
};

// What every call reports, whatever it asked.
struct CallResult
{
    Failure failure = Failure::None;
    int httpStatus = 0; // 0 when no HTTP answer came back
    QString message;    // translated, one or two sentences saying what is wrong and what to do
    QString detail;     // technical text (Qt's error, TLS errors, server text); never the API key
    QUrl url;           // the URL last called; it never carries the key
    bool noTransport = false; // the HTTP plugin could not be loaded: retrying will not help

    bool ok() const { return failure == Failure::None; }
};

// GET <manager>/api/account/<id>/status, the check the delegate itself runs before starting.
struct AccountCheckResult : CallResult
{
    enum class Verdict {
        Ok,           // the account exists on this cluster
        NotOnCluster, // 401: wrong account id, or the account lives on another cluster
        CannotReach,  // DNS, connect, proxy, timeout or TLS failure; see detail
        Failed,       // any other answer (5xx, 404, malformed, cancelled, invalid input)
    };
    Verdict verdict = Verdict::Failed;
    QString accountStatus;               // e.g. "ACTIVE", when the manager says so
    QList<HarnessCluster> otherClusters; // the SaaS clusters worth trying, for NotOnCluster
};

// GET <manager>/ng/api/delegate-setup/latest-supported-version with x-api-key.
struct LatestVersionResult : CallResult
{
    QString version;        // resource.latestSupportedVersion, e.g. "26.02.88404"
    QString minimalVersion; // resource.latestSupportedMinimalVersion, may be empty
    QString proposedImage;  // <image repository>:<version>, empty on failure
};

// One container of a delegate group, as listDelegates reports it.
struct DelegateReplica
{
    QString uuid;
    QString hostName;
    QString version;
    QString status;
    bool connected = false;
    QDateTime lastHeartbeat; // invalid when not reported
    QDateTime expiringAt;    // invalid when not reported
};

// POST <manager>/ng/api/delegate-setup/listDelegates filtered by the delegate name.
struct DelegateStatusResult : CallResult
{
    enum class State {
        Unknown,         // the call failed; see failure and message
        Connected,       // listed, connected, heartbeat younger than the maximum age
        NotYetConnected, // listed, but not connected or its heartbeat is too old
        NotFound,        // no delegate of that name in the account
    };
    State state = State::Unknown;
    QString delegateName;
    bool connectedFlag = false; // the "connected" field as reported
    QDateTime lastHeartbeat;    // of the group; invalid when not reported
    QList<DelegateReplica> replicas;
};

QString failureName(Failure failure); // stable English identifier, for logs and --json output

} // namespace gs::harness

Q_DECLARE_METATYPE(gs::harness::AccountCheckResult)
Q_DECLARE_METATYPE(gs::harness::LatestVersionResult)
Q_DECLARE_METATYPE(gs::harness::DelegateStatusResult)
