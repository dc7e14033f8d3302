#pragma once

#include "HarnessClient.h"
#include "util/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace gs::harness {

// The last step of `apply` (and of "Run for me"): asks Harness until the delegate is listed as
// connected, a failure that waiting cannot fix (bad key, TLS, malformed answer), or the
// deadline. finished() carries "connected in Harness" or the precise reason why not.
//
//   auto *wait = new DelegateConnectedWait(client, parent);
//   connect(wait, &DelegateConnectedWait::finished, …);
//   wait->start(manager, accountId, apiKey, delegateName, containerHostName);
class DelegateConnectedWait : public QObject
{
    Q_OBJECT
public:
    explicit DelegateConnectedWait(HarnessClient *client, QObject *parent = nullptr);

    void setPollInterval(std::chrono::milliseconds interval) { m_interval = interval; } // 10 s
    void setDeadline(std::chrono::milliseconds deadline) { m_deadline = deadline; }     // 3 min

    // `expectedHostName` (optional): the delegate container's host name; when given, one of the
    // replicas must run there, so a same-named delegate elsewhere does not count.
    void start(const QString &managerUrl, const QString &accountId, const QString &apiKey,
               const QString &delegateName, const QString &expectedHostName = {});
    void cancel();
    bool isRunning() const { return m_running; }

    // One line for a terminal or a log: state, replicas' host names and versions. No secrets.
    static QString describe(const DelegateStatusResult &result);

Q_SIGNALS:
    void progress(const QString &message); // after every answer that is not final
    void finished(const gs::Result &result, const gs::harness::DelegateStatusResult &last);

private:
    void poll();
    void onAnswer(const DelegateStatusResult &result);
    void finish(const Result &result);

    QPointer<HarnessClient> m_client;
    QPointer<DelegateStatusJob> m_job;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    std::chrono::milliseconds m_interval{10000};
    std::chrono::milliseconds m_deadline{180000};
    QString m_managerUrl;
    QString m_accountId;
    QString m_apiKey;
    QString m_delegateName;
    QString m_expectedHostName;
    DelegateStatusResult m_last;
    bool m_running = false;
};

} // namespace gs::harness
