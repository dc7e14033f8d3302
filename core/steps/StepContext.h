#pragma once

#include "PoolUpload.h"
#include "SetupState.h"
#include "StepTypes.h"
#include "plan/CommandBuilder.h"
#include "plan/SetupConfig.h"

#include "remote/RemoteSession.h"
#include "util/Secret.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

namespace gs::steps {

class Transcript;

// Knobs of a run that are not part of the saved answers.
struct RunOptions
{
    bool checkOutbound = true;    // preflight: curl the manager from the VM (skip when offline)
    bool allowPoolErrors = false; // upload a pool file with errors without asking
    int runnerHealthTimeoutMs = 180000;
    int delegateHealthTimeoutMs = 300000;
    int pollIntervalMs = 1000;
    int commandTimeoutMs = 900000; // one command (installing Docker can take minutes)
    bool removeNetworkOnUninstall = false;
    bool removeDirectoryOnUninstall = false;
    // Uninstall asks (Decision::Kind::ConfirmUninstall) before it removes anything; the CLI
    // does, the wizard's page showed the plan before its button was pressed.
    bool confirmUninstall = false;
    // Preflight stops when the runner directory can be neither written nor made with sudo. A
    // page that runs only the Docker or the delegate step lets it pass with a warning: the
    // directory is the VM Runner page's question, and may not be chosen yet.
    bool runnerDirectoryMustBeUsable = true;
};

// Where a secret came from, for the transcript ("typed", "from the keychain", …).
enum class SecretSource {
    Unknown,
    Typed,
    Keychain,
    Environment,
    StandardInput,
    RunningContainer // read back from the delegate that runs (an upgrade keeps its token)
};
QString secretSourceText(SecretSource source); // translated, e.g. "from the keychain"

// What the steps of one run share: the session, the answers, the secrets, what preflight found,
// and the transcript. Owned by the caller (SetupRun, a page, a test); outlives its steps.
class StepContext
{
public:
    StepContext(remote::RemoteSession *session, SetupConfig config, Transcript *transcript);

    remote::RemoteSession *session() const { return m_session; }
    void setSession(remote::RemoteSession *session) { m_session = session; }
    Transcript *transcript() const { return m_transcript; }

    // The answers as given, and as the run uses them (with the key json_path names, once the
    // pool file was prepared).
    const SetupConfig &config() const { return m_config; }
    // The answers changed (the wizard's model); secrets stay, and so do the facts unless the
    // runner directory moved (whether it can be written is a fact about that directory).
    void setConfig(const SetupConfig &config);
    SetupConfig effectiveConfig() const;
    // Which commands carry sudo: the "use sudo" answer until the VM was looked at, then what
    // preflight found, per kind of action. The commands shown and the commands run agree.
    Privileges privileges() const;
    // The one plan (EffectivePlan.h) for these answers, facts and pool file.
    CommandBuilder builder() const;
    QString dockerCommand(const QString &command) const { return builder().dockerCommand(command); }

    RunOptions &options() { return m_options; }
    const RunOptions &options() const { return m_options; }

    HostFacts &facts() { return m_facts; }
    const HostFacts &facts() const { return m_facts; }
    bool factsKnown() const { return m_factsKnown; }
    void setFactsKnown(bool known) { m_factsKnown = known; }

    // Secrets: kept only in memory (gs::Secret: unshared, wiped when replaced or destroyed),
    // registered with the transcript's redactor. The QString/QByteArray overloads copy; the
    // caller wipes its own copy.
    void setToken(Secret token, SecretSource source = SecretSource::Unknown);
    void setToken(const QString &token, SecretSource source = SecretSource::Unknown);
    const Secret &token() const { return m_token; }
    SecretSource tokenSource() const { return m_tokenSource; }
    void setSudoPassword(Secret password);
    void setSudoPassword(const QByteArray &password);
    bool hasSudoPassword() const { return !m_sudoPassword.isEmpty(); }
    // The password and a newline, for stdin: a copy the caller wipes (gs::wipe) once sent.
    QByteArray sudoPasswordLine() const;

    // The bytes that go over the wire for a planned or probe script. With a sudo password every
    // `sudo` reads it from stdin (`sudo -S`), ahead of the command's own input; otherwise the
    // script and the input go as they are.
    QString wireScript(const QString &script) const;
    QByteArray wireStdin(const QString &script, const QByteArray &stdinData) const;
    bool usesSudoPassword() const;

    PreparedPool &pool() { return m_pool; }

    // What the VM has as far as the steps run over this context know; every step records its
    // result here when it finishes (SetupState.h).
    SetupState &state() { return m_state; }
    const SetupState &state() const { return m_state; }

    // The delegate container's host name (Docker's default: its short id), as the delegate
    // reports it to Harness: how the Selector check tells our replica from a same-named delegate
    // on another host. Known once the delegate step verified the container; empty before.
    QString delegateHostName() const { return m_delegateHostName; }
    void setDelegateHostName(const QString &hostName) { m_delegateHostName = hostName; }

private:
    QPointer<remote::RemoteSession> m_session;
    SetupConfig m_config;
    Transcript *m_transcript;
    RunOptions m_options;
    HostFacts m_facts;
    bool m_factsKnown = false;
    Secret m_token;
    SecretSource m_tokenSource = SecretSource::Unknown;
    Secret m_sudoPassword;
    PreparedPool m_pool;
    SetupState m_state;
    QString m_delegateHostName;
};

} // namespace gs::steps
