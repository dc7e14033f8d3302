#pragma once

#include "ConnectOptions.h"
#include "plan/SetupConfig.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace gs::remote {

class ConnectJob;
class SshSession;

// The connection a command keeps to the VM, the one way the CLI's commands make it: the answers
// turned into options once (ResolveConnectJob: gcloud is asked who and over which route), then
// connected; a reconnect (the docker group needs a new session) goes to the same host with the
// host key the first connection accepted. Host-key and credential questions go out as signals;
// the caller answers with the methods below. Nothing blocks.
class VmConnection : public QObject
{
    Q_OBJECT
public:
    explicit VmConnection(const SshSettings &ssh, QObject *parent = nullptr);
    ~VmConnection() override;

    // Accept exactly this host key (SHA256:…), without asking.
    void setPinnedFingerprint(const QString &fingerprint) { m_fingerprint = fingerprint; }
    // Whether questions can be asked at all; without, an unknown host key is refused.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    // Resolves (once) and connects; opened() follows.
    void open();
    // A new connection of the same session object, pinned to the host key already accepted.
    void reopen(std::function<void(bool ok, const QString &error)> done);

    SshSession *session() const { return m_session; }

    // Answers to hostKeyQuestion() and credentialQuestion().
    void answerHostKey(bool accept);
    void provideCredential(QByteArray secret);
    void declineCredential();

Q_SIGNALS:
    void progress(const QString &text); // what was decided, "Connecting to …"
    void hostKeyQuestion(const gs::remote::HostKeyInfo &key);
    void credentialQuestion(const gs::remote::CredentialRequest &request);
    void opened(const gs::remote::ConnectResult &result);

private:
    void resolveThen(std::function<void()> then);
    void connectNow(bool reopening, std::function<void(const ConnectResult &)> done);

    SshSettings m_ssh;
    QString m_fingerprint;
    bool m_interactive = false;
    std::optional<ConnectOptions> m_resolved;
    SshSession *m_session = nullptr;
    QPointer<ConnectJob> m_job;
};

} // namespace gs::remote
