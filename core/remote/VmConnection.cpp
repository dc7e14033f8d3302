#include "VmConnection.h"

#include "ResolveConnectJob.h"
#include "SshSession.h"

namespace gs::remote {

VmConnection::VmConnection(const SshSettings &ssh, QObject *parent)
    : QObject(parent)
    , m_ssh(ssh)
{}

VmConnection::~VmConnection() = default;

void VmConnection::open()
{
    resolveThen([this] {
        connectNow(false, [this](const ConnectResult &result) { Q_EMIT opened(result); });
    });
}

void VmConnection::reopen(std::function<void(bool ok, const QString &error)> done)
{
    resolveThen([this, done = std::move(done)] {
        connectNow(true,
                   [done](const ConnectResult &result) { done(result.ok(), result.message); });
    });
}

void VmConnection::resolveThen(std::function<void()> then)
{
    if (m_resolved) {
        then();
        return;
    }
    // Once per command: a reconnect goes where the first connection went.
    auto *resolve = new ResolveConnectJob(m_ssh, this);
    connect(resolve, &ResolveConnectJob::progress, this, &VmConnection::progress);
    connect(resolve, &ResolveConnectJob::finished, this,
            [this, resolve, then = std::move(then)](const ConnectOptions &options) {
                resolve->deleteLater();
                m_resolved = options;
                for (const QString &note : options.notes)
                    Q_EMIT progress(QStringLiteral("  ") + note);
                then();
            });
    resolve->start();
}

void VmConnection::connectNow(bool reopening, std::function<void(const ConnectResult &)> done)
{
    if (!m_session)
        m_session = new SshSession(this);
    ConnectOptions options = *m_resolved;
    options.pinnedFingerprint = m_fingerprint;
    options.interactive = m_interactive;
    if (reopening && !m_session->hostKey().fingerprint.isEmpty())
        options.pinnedFingerprint = m_session->hostKey().fingerprint;
    Q_EMIT progress(tr("Connecting to %1…").arg(options.displayName()));
    ConnectJob *job = m_session->connectToHost(options);
    m_job = job;
    connect(job, &ConnectJob::hostKeyDecisionRequested, this, &VmConnection::hostKeyQuestion);
    connect(job, &ConnectJob::credentialRequested, this, &VmConnection::credentialQuestion);
    connect(job, &ConnectJob::finished, this,
            [job, done = std::move(done)](const ConnectResult &result) {
                job->deleteLater();
                done(result);
            });
}

void VmConnection::answerHostKey(bool accept)
{
    if (!m_job)
        return;
    if (accept)
        m_job->acceptHostKey();
    else
        m_job->rejectHostKey();
}

void VmConnection::provideCredential(QByteArray secret)
{
    if (m_job)
        m_job->provideCredential(std::move(secret));
}

void VmConnection::declineCredential()
{
    if (m_job)
        m_job->declineCredential();
}

} // namespace gs::remote
