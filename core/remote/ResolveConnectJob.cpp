#include "ResolveConnectJob.h"

#include "GcloudLookup.h"
#include "plan/GcloudSshCommand.h"

#include <QCoreApplication>

namespace gs::remote {

ResolveConnectJob::ResolveConnectJob(const gs::SshSettings &ssh, QObject *parent)
    : QObject(parent)
    , m_ssh(ssh)
{}

ResolveConnectJob::~ResolveConnectJob() = default;

void ResolveConnectJob::setConfigFile(const QString &sshConfigFile)
{
    m_configFile = sshConfigFile;
}

void ResolveConnectJob::setTimeout(int ms)
{
    m_timeoutMs = ms;
}

void ResolveConnectJob::start()
{
    if (m_started)
        return;
    m_started = true;
    GcloudSshCommand command;
    QString error;
    if (!ConnectOptions::needsGcloudLookup(m_ssh) ||
        !GcloudSshCommand::parse(m_ssh.gcloudCommand, &command, &error)) {
        QMetaObject::invokeMethod(
            this, [this] { finish(ConnectOptions::fromSetup(m_ssh, m_configFile)); },
            Qt::QueuedConnection);
        return;
    }
    m_lookup = new GcloudLookupJob(command, this);
    m_lookup->setTimeout(m_timeoutMs);
    connect(m_lookup, &GcloudLookupJob::progress, this, &ResolveConnectJob::progress);
    connect(m_lookup, &GcloudLookupJob::finished, this, [this](const GcloudFacts &facts) {
        if (m_lookup)
            m_lookup->deleteLater();
        finish(ConnectOptions::fromSetup(m_ssh, m_configFile, facts));
    });
    m_lookup->start();
}

void ResolveConnectJob::cancel()
{
    if (m_finished || !m_started)
        return;
    m_cancelled = true;
    if (m_lookup)
        m_lookup->disconnect(this);
    if (m_lookup && !m_lookup->isFinished())
        m_lookup->cancel();
    finish(ConnectOptions::fromSetup(m_ssh, m_configFile));
}

void ResolveConnectJob::finish(const ConnectOptions &options)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_cancelled) {
        ConnectOptions cancelled = options;
        cancelled.problem = QCoreApplication::translate("ResolveConnectJob", "Cancelled.");
        Q_EMIT finished(cancelled);
        return;
    }
    Q_EMIT finished(options);
}

} // namespace gs::remote
