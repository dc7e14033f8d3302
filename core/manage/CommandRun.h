#pragma once

#include "plan/SetupConfig.h"
#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "util/Secret.h"

#include <QObject>

#include <memory>

namespace gs {
class KeychainLookup;
}
namespace gs::remote {
class VmConnection;
}
namespace gs::steps {
class Transcript;
}

namespace gs::manage {

// `check`, `apply` or `uninstall` as one sequence, so that a caller only chooses and prints (the
// command line): the keychain for what was not given, the Harness check from this computer, the
// connection to the VM (VmConnection), the SetupRun, and after `apply` Harness's word that the
// delegate is connected. Questions go out through the run's AutoAnswer and the connection's
// signals; what happens goes out as signals. finished() comes once.
class CommandRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        steps::SetupRun::Mode mode = steps::SetupRun::Mode::Check;
        bool offline = false; // no Harness, no outbound check from the VM
        bool allowPoolErrors = false;
        bool removeNetwork = false;
        bool removeDirectory = false;
        int harnessTimeoutS = 180; // the wait for "connected in Harness"
        QString fingerprint;       // accept exactly this host key
        bool interactive = false;  // questions can be asked (a terminal)
    };
    struct Secrets
    {
        Secret token; // empty: from the keychain (apply)
        steps::SecretSource tokenSource = steps::SecretSource::Unknown;
        Secret sudoPassword;
        Secret apiKey; // optional
    };
    enum class Outcome {
        Failed,             // the run failed (its steps say why)
        Done,               // the run worked; Harness was not asked
        ConnectedInHarness, // apply worked and Harness lists the delegate as connected
        NotListedInHarness  // apply worked, but Harness does not list the delegate as connected
    };

    CommandRun(const SetupConfig &config, Options options, Secrets secrets,
               QObject *parent = nullptr);
    ~CommandRun() override;

    // Answer its questions before start() (host key, credentials).
    remote::VmConnection *connection() const { return m_connection; }
    void setAutoAnswer(steps::SetupRun::AutoAnswer answer) { m_answer = std::move(answer); }
    void start();

    const SetupConfig &config() const { return m_config; }
    steps::StepContext *context() const { return m_context.get(); }
    steps::Transcript *transcript() const { return m_transcript; }

Q_SIGNALS:
    void note(const QString &line);        // what happens: "Checking the account…", connecting
    void harnessNote(const QString &line); // what Harness or the image's age said
    void warning(const QString &line);     // worth reading, not a failure
    // Before anything else could run: no token, no connection.
    void stopped(const QString &message);
    // The run over the connected VM, before it starts: connect to it to follow it.
    void runCreated(steps::SetupRun *run);
    // The run ended (before the wait for Harness): the transcript is complete.
    void runEnded(bool ok);
    // After a NotListedInHarness, `message` says what Harness said.
    void finished(gs::manage::CommandRun::Outcome outcome, const QString &message);

private:
    void readKeychain();
    void keychainRead(KeychainLookup *lookup, bool needToken);
    void harnessCheck();
    void connectToVm();
    void runSteps();
    void stepsEnded(bool ok);
    void waitUntilConnectedInHarness();

    SetupConfig m_config;
    Options m_options;
    Secrets m_secrets;
    steps::SetupRun::AutoAnswer m_answer;
    remote::VmConnection *m_connection;
    steps::Transcript *m_transcript = nullptr;
    std::unique_ptr<steps::StepContext> m_context;
    steps::SetupRun *m_run = nullptr;
    QString m_localHarnessProblem; // the account check from this computer, when it failed
    QString m_imageAgeWarning;     // the delegate image's tag is old or expired
};

} // namespace gs::manage
