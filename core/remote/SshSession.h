#pragma once

#include "ConnectOptions.h"
#include "RemoteSession.h"

#include <QHash>
#include <QPointer>

class QThread;

namespace gs::remote {

namespace detail {
class SshWorker;
}

class SshSession;

// One connection attempt. Pauses for decisions (host key, passphrase, password, the server's
// keyboard-interactive prompts) and goes on when the caller answers; nothing here blocks.
class ConnectJob : public QObject
{
    Q_OBJECT
public:
    bool isFinished() const { return m_finished; }
    ConnectResult result() const { return m_result; }

    // Answers to hostKeyDecisionRequested.
    void acceptHostKey();
    void rejectHostKey();
    // Answer to credentialRequested; the bytes are wiped here and in the worker after use.
    void provideCredential(QByteArray secret);
    // The user declined to give it: the next authentication method is tried.
    void declineCredential();
    // Stops any phase within a second; the session is left closed.
    void cancel();

Q_SIGNALS:
    void progress(gs::remote::ConnectPhase phase, const QString &text);
    void hostKeyDecisionRequested(const gs::remote::HostKeyInfo &key);
    void credentialRequested(const gs::remote::CredentialRequest &request);
    void finished(const gs::remote::ConnectResult &result);

private:
    friend class SshSession;
    ConnectJob(SshSession *session, quint64 id);
    void finish(const ConnectResult &result);

    QPointer<SshSession> m_session;
    quint64 m_id;
    bool m_finished = false;
    ConnectResult m_result;
};

// The libssh implementation of RemoteSession. The libssh session lives on a thread of its own
// for the whole life of this object; every call here only queues work for it.
class SshSession : public RemoteSession
{
    Q_OBJECT
public:
    explicit SshSession(QObject *parent = nullptr);
    ~SshSession() override;

    // Starts connecting; a previous connection is closed first. The job is a child of this
    // session; delete it (deleteLater) once finished if the session lives on.
    ConnectJob *connectToHost(const ConnectOptions &options);
    // Closes the connection; queued behind running work, whose jobs then end as cancelled.
    void disconnectFromHost();

    bool isConnected() const override { return m_connected; }
    CommandJob *run(const QString &command, const QByteArray &stdinData = {}) override;
    UploadJob *upload(const QByteArray &content, const QString &remotePath,
                      int mode = 0600) override;

    ConnectOptions options() const { return m_options; }
    HostKeyInfo hostKey() const { return m_hostKey; }

Q_SIGNALS:
    // The connection dropped (server gone, keepalives unanswered); running jobs end with
    // ConnectionLost.
    void connectionLost(const QString &message);
    void disconnected();

private:
    friend class ConnectJob;
    friend class SshCommandJob;
    friend class SshUploadJob;
    void cancelOperation(quint64 id);
    void onConnectFinished(quint64 id, const gs::remote::ConnectResult &result);

    QThread *m_thread = nullptr;
    detail::SshWorker *m_worker = nullptr;
    quint64 m_nextId = 1;
    bool m_connected = false;
    ConnectOptions m_options;
    HostKeyInfo m_hostKey;
    QHash<quint64, QPointer<QObject>> m_jobs;
};

} // namespace gs::remote
