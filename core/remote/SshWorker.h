#pragma once

// Private to gs_remote: the object that owns the libssh session, on the session's own thread.

#include "ConnectOptions.h"
#include "RemoteSession.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <atomic>

struct ssh_session_struct;
struct ssh_channel_struct;
struct ssh_channel_callbacks_struct;
struct sftp_session_struct;
struct addrinfo;

class QTimer;

namespace gs::remote::detail {

class SshWorker : public QObject
{
    Q_OBJECT
public:
    SshWorker();
    ~SshWorker() override;

    // Thread-safe: callable from any thread while the worker is busy inside libssh.
    void abortConnection();         // shutdown() on the socket: every blocking call returns
    void requestCancel(quint64 id); // a command, upload or the connect job
    bool isCancelled(quint64 id) const;

    // Called in the worker thread through queued invocations.
    void initThread();
    void startConnect(quint64 id, gs::remote::ConnectOptions options);
    void answerHostKey(quint64 id, bool accept);
    void cancelConnect(quint64 id);
    void answerCredential(quint64 id, QByteArray secret, bool declined);
    void runCommand(quint64 id, const QString &command, QByteArray stdinData);
    void uploadFile(quint64 id, const QByteArray &content, const QString &remotePath, int mode);
    void disconnectSession();
    void shutdownThread();

    // For the libssh log callback.
    QByteArray maskSecrets(QByteArray text) const;

Q_SIGNALS:
    void connectProgress(quint64 id, gs::remote::ConnectPhase phase, const QString &text);
    void hostKeyDecisionRequested(quint64 id, const gs::remote::HostKeyInfo &key);
    void credentialRequested(quint64 id, const gs::remote::CredentialRequest &request);
    void connectFinished(quint64 id, const gs::remote::ConnectResult &result);
    void commandOutput(quint64 id, const QByteArray &chunk, bool isStderr);
    void commandFinished(quint64 id, const gs::remote::CommandResult &result);
    void uploadProgress(quint64 id, qint64 sent, qint64 total);
    void uploadFinished(quint64 id, const gs::remote::UploadResult &result);
    void connectionLost(const QString &message);
    void disconnected();

private:
    enum class AuthStage { Start, Agent, Keys, Password, KeyboardInteractive, Done };
    enum class Pending { None, HostKey, Passphrase, Password, KeyboardInteractive };

    enum class AuthStep { Next, Stop }; // Stop: finished, or paused for a question
    enum class CommandEnd { Ended, Lost };
    struct RunningCommand; // SshExec.cpp
    struct Upload;         // SshUpload.cpp

    // Lifecycle (SshWorker.cpp).
    // Loads libssh on the first connection and sets this thread's libssh logging.
    bool ensureLibssh(QString *error);
    void setFd(int fd);
    void wipeSecrets();
    void teardown();
    void markLost(const QString &message);
    void onKeepalive();
    bool probeAlive();
    void restartKeepalive();

    // Connecting (SshConnect.cpp).
    void resetAuthState();
    bool configureSession();
    void finishConnect(ConnectError error, const QString &message);
    QString failureForTransport(const QString &libsshError, ConnectError *kind);

    // Transport (SshTransport.cpp) and proxy command (SshProxy.cpp).
    bool openTransport(QString *error, ConnectError *kind);
    bool tcpConnect(QString *error, ConnectError *kind);
    bool resolveHost(addrinfo **list, QString *error, ConnectError *kind);
    int connectWithin(int fd, const addrinfo *ai, bool *timedOut);
    QString tcpFailure(int lastErrno, bool timedOut, ConnectError *kind) const;
    bool spawnProxy(QString *error, ConnectError *kind);
    QString proxyCommandLine() const;
    QString readProxyStderr();
    bool proxyExited(int *status);
    void killProxy();

    // Host key (SshHostKey.cpp).
    void checkHostKey();
    bool readHostKey();
    void checkPinnedHostKey();
    void hostKeyChanged(bool anyType);
    void hostKeyUnknown();

    // Authentication (SshAuth.cpp).
    void continueAuth();
    AuthStep runAuthStage();
    AuthStep authNone();
    AuthStep authAgent();
    AuthStep authKeys();
    AuthStep authPassword();
    AuthStep authKeyboardInteractive();
    int nextKbdPrompts();
    void askKbdAnswer(const char *prompt, bool echo);
    void authFailed();
    // A method's answer that ends the attempt (success, or the connection failing): handles it
    // and returns true; denied or partial returns false for the method to go on.
    bool authEnded(int rc);
    bool tryKeyFile(const QString &path, bool *paused);
    bool importAndSign(const QString &path, bool *paused);
    void askCredential(Pending what, const CredentialRequest &request);
    void authSucceeded();
    void noteAuth(ConnectError kind, const QString &line);

    // Commands (SshExec.cpp).
    bool execChannel(const QString &command, ssh_channel_struct **channel, QString *error);
    static void releaseChannel(ssh_channel_struct *channel,
                               ssh_channel_callbacks_struct *callbacks);
    CommandEnd pumpCommand(RunningCommand &run);
    bool feedStdin(RunningCommand &run);
    int readStderr(RunningCommand &run);
    void takeOutput(RunningCommand &run, int size, bool isStderr);
    void commandLost(RunningCommand &run);
    void commandEnded(RunningCommand &run);
    bool runSimple(const QString &command, QByteArray *out, QString *error);

    // Uploads (SshUpload.cpp).
    bool planUpload(Upload &up);
    bool openSftp(Upload &up);
    bool makeRemoteFolders(Upload &up);
    bool writeTemporary(Upload &up, const QByteArray &content, int mode);
    bool moveIntoPlace(Upload &up, int mode);
    QString sftpMessage(const Upload &up, const QString &what) const;
    void sftpFailed(Upload &up, const QString &message);
    void uploadFailed(Upload &up, const QString &message);
    void uploadLost(Upload &up, const QString &message);
    void restartUploadKeepalive();

    ssh_session_struct *m_session = nullptr;
    ConnectOptions m_options;
    quint64 m_connectId = 0;
    bool m_connectActive = false;
    bool m_connected = false;
    bool m_libsshReady = false;
    QTimer *m_keepalive = nullptr;
    QElapsedTimer m_connectClock;

    // Host key being decided.
    HostKeyInfo m_hostKey;

    // Authentication state across pauses.
    AuthStage m_stage = AuthStage::Start;
    Pending m_pending = Pending::None;
    int m_methods = 0;
    int m_keyIndex = 0;
    QStringList m_keys;
    QByteArray m_passphrase;
    QByteArray m_password;
    int m_passphraseTries = 0;
    int m_passwordTries = 0;
    int m_kbdPrompt = 0;
    int m_kbdPrompts = 0;
    bool m_kbdStarted = false;
    QStringList m_authLog;
    ConnectError m_authError = ConnectError::AuthFailed;
    QList<QByteArray> m_secrets; // what the log must never show

    // Transport: our own socket (or our end of the proxy's socketpair), shut down to abort.
    mutable QMutex m_fdMutex;
    int m_fd = -1;
    int m_proxyPid = -1;
    int m_proxyErrFd = -1;
    QByteArray m_proxyStderr;
    std::atomic<bool> m_abort{false};
    mutable QMutex m_cancelMutex;
    QSet<quint64> m_cancelled;
};

} // namespace gs::remote::detail
