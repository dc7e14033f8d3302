#pragma once

#include "plan/SetupConfig.h"
#include "remote/ConnectOptions.h"
#include "remote/HostInfo.h"
#include "util/Secret.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace gs::remote {
class ConnectJob;
class ResolveConnectJob;
class SshSession;
} // namespace gs::remote

namespace gs {

class HostKeyDialog;
class InlineError;
class SecretStore;

// Connects for real and shows what happens: progress, the host-key decision (a window-modal
// HostKeyDialog: type and SHA256 fingerprint, Trust/Reject), passphrase/password/keyboard-
// interactive prompts, errors (a changed key inline, with both fingerprints), and once connected
// the host's OS, architecture and name. Nothing blocks.
// The Connect page embeds it with one line and listens to connected().
class ConnectionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionPanel(QWidget *parent = nullptr);
    ~ConnectionPanel() override;

    // Connects with exactly these options.
    void setOptions(const gs::remote::ConnectOptions &options);
    // Connects to what the answers say: Connect first turns them into options the one way the
    // CLI does too (ResolveConnectJob: for a pasted gcloud command, gcloud is asked who to log in
    // as and over which route), then shows what was decided (connectPlanLabel) and connects.
    void setAnswers(const gs::SshSettings &ssh);
    // Optional: key passphrases are then read from it first, and the prompt offers to keep a
    // passphrase there (written only once the key was accepted). Key: sshPassphraseKey().
    void setSecretStore(gs::SecretStore *store);
    static QString sshPassphraseKey(const QString &keyFile);
    gs::remote::ConnectOptions options() const { return m_options; }

    // The connected session (owned by the panel), or null.
    gs::remote::SshSession *session() const;
    bool isConnected() const;
    bool isBusy() const { return !m_job.isNull() || !m_resolve.isNull(); }
    // Why Connect is off (the page's fields are not valid), shown next to the button and as its
    // tooltip and accessible description; empty: it is on.
    void setBlockedReason(const QString &reason);
    QString blockedReason() const { return m_blockedReason; }
    gs::remote::HostInfo hostInfo() const { return m_hostInfo; }
    gs::remote::ConnectResult lastResult() const { return m_lastResult; }

public Q_SLOTS:
    void connectToHost();
    void cancel();
    void disconnectFromHost();

Q_SIGNALS:
    // Authenticated, and the host info is known (hostInfo()).
    void connected(gs::remote::SshSession *session);
    void connectionFailed(const gs::remote::ConnectResult &result);
    void disconnected();
    void busyChanged(bool busy);

private:
    // The constructor's parts, top to bottom; each adds its row or box to `layout`.
    void buildButtonRow(QVBoxLayout *layout);
    void buildProgressRows(QVBoxLayout *layout);
    void buildCredentialBox(QVBoxLayout *layout);
    void buildChangedKeyBox(QVBoxLayout *layout);
    void buildHostInfoBox(QVBoxLayout *layout);

    void startConnect(bool announceBusy);
    void onResolved(const gs::remote::ConnectOptions &options);
    void setProgress(const QString &text, bool connected = false);
    void onProgress(gs::remote::ConnectPhase phase, const QString &text);
    void onHostKeyQuestion(const gs::remote::HostKeyInfo &key);
    void onHostKeyAnswered(int result);
    void onCredentialQuestion(const gs::remote::CredentialRequest &request);
    void onFinished(const gs::remote::ConnectResult &result);
    void submitCredential();
    void skipCredential();
    void replaceHostKey();
    void queryHostInfo();
    void askUser(const gs::remote::CredentialRequest &request);
    void rememberPassphrase();
    void updateButtons();
    void clearQuestions();

    gs::remote::ConnectOptions m_options;
    std::optional<gs::SshSettings> m_answers;
    QPointer<gs::remote::SshSession> m_session;
    QPointer<gs::remote::ResolveConnectJob> m_resolve;
    QPointer<gs::remote::ConnectJob> m_job;
    gs::remote::ConnectResult m_lastResult;
    gs::remote::HostInfo m_hostInfo;
    QPointer<gs::SecretStore> m_store;
    QStringList m_keychainTried; // key files whose stored passphrase was offered this attempt
    QString m_passphraseKeyFile; // the key whose passphrase is being asked
    Secret m_passphraseToKeep;   // kept only until the key is accepted, then written or dropped

    QPushButton *m_connect;
    QLabel *m_blocked;
    QString m_blockedReason;
    QPushButton *m_cancel;
    QPushButton *m_disconnect;
    QLabel *m_progress;
    QLabel *m_progressIcon;
    QLabel *m_plan;
    HostKeyDialog *m_hostKeyDialog;
    bool m_hostKeyPending = false; // the dialog asks for the current job
    QFrame *m_credentialBox;
    QLabel *m_credentialPrompt;
    QLineEdit *m_credential;
    QPushButton *m_credentialOk;
    QPushButton *m_credentialSkip;
    QCheckBox *m_rememberPassphrase;
    InlineError *m_error;
    QFrame *m_changedKeyBox;
    QCheckBox *m_replaceConfirm;
    QPushButton *m_replaceKey;
    QFrame *m_hostInfoBox;
    QLabel *m_hostOs;
    QLabel *m_hostArch;
    QLabel *m_hostName;
};

} // namespace gs
