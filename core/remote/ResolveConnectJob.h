#pragma once

#include "ConnectOptions.h"
#include "plan/SetupConfig.h"

#include <QObject>
#include <QPointer>

namespace gs::remote {

class GcloudLookupJob;

// The one way from the answers to a connection, for the wizard and the CLI alike: the answers'
// ConnectOptions (ConnectOptions::fromSetup), after asking gcloud (GcloudLookupJob) who to log
// in as and over which route when they hold a pasted `gcloud compute ssh`. Without one it
// finishes at once. finished() comes once, always after start() returned; nothing blocks.
class ResolveConnectJob : public QObject
{
    Q_OBJECT
public:
    explicit ResolveConnectJob(const gs::SshSettings &ssh, QObject *parent = nullptr);
    ~ResolveConnectJob() override;

    void setConfigFile(const QString &sshConfigFile); // empty: ~/.ssh/config
    void setTimeout(int ms);                          // for gcloud; default 45 s
    void start();
    // finished() then comes at once, with options whose `problem` says "Cancelled.".
    void cancel();
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }

Q_SIGNALS:
    void progress(const QString &text);
    void finished(const gs::remote::ConnectOptions &options);

private:
    void finish(const ConnectOptions &options);

    gs::SshSettings m_ssh;
    QString m_configFile;
    int m_timeoutMs = 45000;
    QPointer<GcloudLookupJob> m_lookup;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelled = false;
};

} // namespace gs::remote
