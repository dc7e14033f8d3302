#include "SshSession.h"

#include "SshWorker.h"

#include "util/LoggingCategories.h"
#include "util/Secret.h"

#include <QThread>
#include <QTimer>

namespace gs::remote {

namespace {

void registerTypes()
{
    static const bool done = [] {
        qRegisterMetaType<ConnectOptions>();
        qRegisterMetaType<ConnectResult>();
        qRegisterMetaType<HostKeyInfo>();
        qRegisterMetaType<CredentialRequest>();
        qRegisterMetaType<ConnectPhase>();
        qRegisterMetaType<CommandResult>();
        qRegisterMetaType<UploadResult>();
        return true;
    }();
    Q_UNUSED(done)
}

// If the worker has not confirmed a cancel by then, it is stuck inside libssh on a dead or
// silent connection: kill the socket so the confirmation comes within the promised second.
constexpr int kCancelGraceMs = 700;

} // namespace

class SshCommandJob : public CommandJob
{
public:
    SshCommandJob(SshSession *session, quint64 id)
        : CommandJob(session)
        , m_session(session)
        , m_id(id)
    {}
    void cancel() override
    {
        if (m_session && !m_done)
            m_session->cancelOperation(m_id);
    }
    QPointer<SshSession> m_session;
    quint64 m_id;
    bool m_done = false;
};

class SshUploadJob : public UploadJob
{
public:
    SshUploadJob(SshSession *session, quint64 id)
        : UploadJob(session)
        , m_session(session)
        , m_id(id)
    {}
    void cancel() override
    {
        if (m_session && !m_done)
            m_session->cancelOperation(m_id);
    }
    QPointer<SshSession> m_session;
    quint64 m_id;
    bool m_done = false;
};

// ---------------------------------------------------------------------------------------------

ConnectJob::ConnectJob(SshSession *session, quint64 id)
    : QObject(session)
    , m_session(session)
    , m_id(id)
{}

void ConnectJob::acceptHostKey()
{
    if (m_session && !m_finished) {
        auto *w = m_session->m_worker;
        const quint64 id = m_id;
        QMetaObject::invokeMethod(
            w, [w, id] { w->answerHostKey(id, true); }, Qt::QueuedConnection);
    }
}

void ConnectJob::rejectHostKey()
{
    if (m_session && !m_finished) {
        auto *w = m_session->m_worker;
        const quint64 id = m_id;
        QMetaObject::invokeMethod(
            w, [w, id] { w->answerHostKey(id, false); }, Qt::QueuedConnection);
    }
}

void ConnectJob::provideCredential(QByteArray secret)
{
    if (m_session && !m_finished) {
        auto *w = m_session->m_worker;
        const quint64 id = m_id;
        QMetaObject::invokeMethod(
            w, [w, id, secret]() mutable { w->answerCredential(id, secret, false); },
            Qt::QueuedConnection);
    }
    gs::wipeIfLast(secret); // the worker has its copy, and zeroes it once used
}

void ConnectJob::declineCredential()
{
    if (m_session && !m_finished) {
        auto *w = m_session->m_worker;
        const quint64 id = m_id;
        QMetaObject::invokeMethod(
            w, [w, id] { w->answerCredential(id, {}, true); }, Qt::QueuedConnection);
    }
}

void ConnectJob::cancel()
{
    if (m_session && !m_finished)
        m_session->cancelOperation(m_id);
}

void ConnectJob::finish(const ConnectResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    Q_EMIT finished(result);
}

// ---------------------------------------------------------------------------------------------

SshSession::SshSession(QObject *parent)
    : RemoteSession(parent)
{
    registerTypes();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("ssh-worker"));
    m_worker = new detail::SshWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &detail::SshWorker::initThread);

    connect(m_worker, &detail::SshWorker::connectProgress, this,
            [this](quint64 id, ConnectPhase phase, const QString &text) {
                if (auto *job = qobject_cast<ConnectJob *>(m_jobs.value(id).data()))
                    Q_EMIT job->progress(phase, text);
            });
    connect(m_worker, &detail::SshWorker::hostKeyDecisionRequested, this,
            [this](quint64 id, const HostKeyInfo &key) {
                if (auto *job = qobject_cast<ConnectJob *>(m_jobs.value(id).data()))
                    Q_EMIT job->hostKeyDecisionRequested(key);
            });
    connect(m_worker, &detail::SshWorker::credentialRequested, this,
            [this](quint64 id, const CredentialRequest &request) {
                if (auto *job = qobject_cast<ConnectJob *>(m_jobs.value(id).data()))
                    Q_EMIT job->credentialRequested(request);
            });
    connect(m_worker, &detail::SshWorker::connectFinished, this, &SshSession::onConnectFinished);
    connect(m_worker, &detail::SshWorker::commandOutput, this,
            [this](quint64 id, const QByteArray &chunk, bool isStderr) {
                if (auto *job = qobject_cast<CommandJob *>(m_jobs.value(id).data())) {
                    if (isStderr)
                        Q_EMIT job->stderrReceived(chunk);
                    else
                        Q_EMIT job->stdoutReceived(chunk);
                }
            });
    connect(m_worker, &detail::SshWorker::commandFinished, this,
            [this](quint64 id, const CommandResult &result) {
                auto *job = static_cast<SshCommandJob *>(
                    qobject_cast<CommandJob *>(m_jobs.take(id).data()));
                if (job) {
                    job->m_done = true;
                    Q_EMIT job->finished(result);
                }
            });
    connect(m_worker, &detail::SshWorker::uploadProgress, this,
            [this](quint64 id, qint64 sent, qint64 total) {
                if (auto *job = qobject_cast<UploadJob *>(m_jobs.value(id).data()))
                    Q_EMIT job->progress(sent, total);
            });
    connect(m_worker, &detail::SshWorker::uploadFinished, this,
            [this](quint64 id, const UploadResult &result) {
                auto *job =
                    static_cast<SshUploadJob *>(qobject_cast<UploadJob *>(m_jobs.take(id).data()));
                if (job) {
                    job->m_done = true;
                    Q_EMIT job->finished(result);
                }
            });
    connect(m_worker, &detail::SshWorker::connectionLost, this, [this](const QString &message) {
        m_connected = false;
        Q_EMIT connectionLost(message);
    });
    connect(m_worker, &detail::SshWorker::disconnected, this, [this] {
        m_connected = false;
        Q_EMIT disconnected();
    });
    m_thread->start();
}

SshSession::~SshSession()
{
    m_worker->abortConnection();
    auto *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w] { w->shutdownThread(); }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_worker;
}

ConnectJob *SshSession::connectToHost(const ConnectOptions &options)
{
    // One connection at a time: an attempt still running ends as cancelled.
    const QList<quint64> ids = m_jobs.keys();
    for (quint64 old : ids) {
        if (qobject_cast<ConnectJob *>(m_jobs.value(old).data()))
            cancelOperation(old);
    }
    const quint64 id = m_nextId++;
    auto *job = new ConnectJob(this, id);
    m_jobs.insert(id, job);
    m_connected = false;
    m_options = options;
    // The session keeps no secret: the worker has its copy and lets go of it after use.
    gs::wipeIfLast(m_options.password);
    gs::wipeIfLast(m_options.passphrase);
    qCInfo(lcRemote).noquote() << "connecting to" << options.displayName();
    auto *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, id, options] { w->startConnect(id, options); }, Qt::QueuedConnection);
    return job;
}

void SshSession::onConnectFinished(quint64 id, const ConnectResult &result)
{
    auto *job = qobject_cast<ConnectJob *>(m_jobs.take(id).data());
    if (result.ok()) {
        m_connected = true;
        m_hostKey = result.hostKey;
    }
    if (job)
        job->finish(result);
}

void SshSession::disconnectFromHost()
{
    m_connected = false;
    auto *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w] { w->disconnectSession(); }, Qt::QueuedConnection);
}

CommandJob *SshSession::run(const QString &command, const QByteArray &stdinData)
{
    const quint64 id = m_nextId++;
    auto *job = new SshCommandJob(this, id);
    m_jobs.insert(id, job);
    auto *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, id, command, stdinData] { w->runCommand(id, command, stdinData); },
        Qt::QueuedConnection);
    return job;
}

UploadJob *SshSession::upload(const QByteArray &content, const QString &remotePath, int mode)
{
    const quint64 id = m_nextId++;
    auto *job = new SshUploadJob(this, id);
    m_jobs.insert(id, job);
    auto *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, id, content, remotePath, mode] { w->uploadFile(id, content, remotePath, mode); },
        Qt::QueuedConnection);
    return job;
}

void SshSession::cancelOperation(quint64 id)
{
    m_worker->requestCancel(id);
    if (qobject_cast<ConnectJob *>(m_jobs.value(id).data())) {
        // A connect is never worth keeping half-done: kill its transport at once, and end it
        // in the worker if it was paused waiting for an answer.
        m_worker->abortConnection();
        auto *w = m_worker;
        QMetaObject::invokeMethod(
            w, [w, id] { w->cancelConnect(id); }, Qt::QueuedConnection);
    }
    QTimer::singleShot(kCancelGraceMs, this, [this, id] {
        if (m_jobs.contains(id))
            m_worker->abortConnection();
    });
}

} // namespace gs::remote
