#pragma once

#include "HarnessResults.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>

// Reading the documented response shapes (shared/reference/harness-delegate.md §2, §4), apart
// from the network so the rules can be tested with plain data.
namespace gs::harness::Responses {

// Each reads a 2xx body into `result`. On a shape mismatch it sets failure to MalformedResponse
// with a message and leaves the other fields empty.
void readAccountStatus(const QByteArray &body, AccountCheckResult &result);
void readLatestVersion(const QByteArray &body, const QString &imageRepository,
                       LatestVersionResult &result);
// Picks the item whose name is exactly `delegateName`; connected when its "connected" is true
// and its newest heartbeat is younger than `maxHeartbeatAge` at `now`.
void readDelegateList(const QByteArray &body, const QString &delegateName, const QDateTime &now,
                      std::chrono::milliseconds maxHeartbeatAge, DelegateStatusResult &result);

// The error text Harness puts in an error body ("message", or responseMessages[].message), or
// an empty string. Capped, one line.
QString serverMessage(const QByteArray &body);

// The body listDelegates is sent, filtered by name.
QByteArray delegateListRequestBody(const QString &delegateName);

} // namespace gs::harness::Responses
