#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gs {

// Format checks with the real rules (shared/reference/harness-delegate.md §1). Each returns an
// empty string when the value is fine, otherwise a translated message that says what is wrong
// and how to fix it.
namespace InputChecks {

QString delegateName(const QString &name);
QString accountId(const QString &id);
QString delegateToken(const QString &token);
QString managerUrl(const QString &url);
QString cpus(const QString &cpus);
QString memory(const QString &memory);
QString imageReference(const QString &image);
QString delegateTags(const QStringList &tags);
QString host(const QString &host);
QString port(int port);
QString user(const QString &user);
QString runnerDirectory(const QString &dir);

} // namespace InputChecks

// The Harness SaaS clusters a delegate can talk to, for the cluster picker.
struct HarnessCluster
{
    QString id;         // "prod1", "prod2", …, "custom"
    QString label;      // translated display name
    QString managerUrl; // MANAGER_HOST_AND_PORT; empty for "custom"
};
QList<HarnessCluster> harnessClusters();
// The cluster whose manager URL equals `url`, or the "custom" entry.
HarnessCluster clusterForManagerUrl(const QString &url);

} // namespace gs
