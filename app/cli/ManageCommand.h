#pragma once

#include "plan/SetupConfig.h"
#include "steps/StepTypes.h"
#include "util/Secret.h"

#include <QObject>
#include <QTextStream>

#include <memory>
#include <optional>

class QCommandLineParser;
class QCommandLineOption;

namespace gs {
class KeychainLookup;
}
namespace gs::harness {
class HarnessClient;
}
namespace gs::remote {
class VmConnection;
}
namespace gs::steps {
class StepContext;
class StepJob;
class Transcript;
} // namespace gs::steps

namespace gs::cli {

// What `status`, `upgrade-delegate` and `logs` share: the config, the secrets they may use (a
// sudo password and a Harness API key from standard input, the environment or the keychain), one
// connection (VmConnection, the host key as `check` and `apply` handle it), one StepContext, and
// one core job run to its end. Exit codes: what finished() decides; 2 when the VM cannot be
// reached or the config cannot be read.
class ManageCommand : public QObject
{
public:
    struct Flags
    {
        QString configPath;
        QString fingerprint;
        bool sudoPasswordStdin = false;
        bool apiKeyStdin = false;
        bool wantsHarness = false;     // look for an API key (and the account id) in the keychain
        bool progressToStderr = false; // stdout carries a result (--json)
    };

    explicit ManageCommand(const Flags &flags);
    ~ManageCommand() override;

    void start();

    // --config, --host-key-fingerprint, --sudo-password-stdin (+ --harness-api-key-stdin when
    // `harness`), added to `parser`; read back into Flags by flagsFrom().
    static void addCommonOptions(QCommandLineParser &parser, bool harness);
    static Flags flagsFrom(const QCommandLineParser &parser);

protected:
    // Hides QObject::tr (this class has no Q_OBJECT): the messages' context is this class's.
    static QString tr(const char *text);

    virtual steps::StepJob *createJob(steps::StepContext *context) = 0;
    // The exit code, once the job finished (or its result, when it failed).
    virtual int finished(steps::StepJob *job, const steps::StepResult &result) = 0;
    // A question the job asks; nullopt declines it.
    virtual std::optional<bool> answer(const steps::Decision &decision);

    const SetupConfig &config() const { return m_config; }
    const Secret &apiKey() const { return m_apiKey; }
    harness::HarnessClient *harnessClient();
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    QTextStream &progress() { return m_flags.progressToStderr ? m_err : m_out; }
    void quit(int code);

private:
    void readKeychain();
    void keychainRead(KeychainLookup *lookup);
    void connectToVm();
    void runJob();

    Flags m_flags;
    QTextStream m_out;
    QTextStream m_err;
    SetupConfig m_config;
    Secret m_sudoPassword;
    Secret m_apiKey;
    harness::HarnessClient *m_harness = nullptr;
    remote::VmConnection *m_connection = nullptr;
    steps::Transcript *m_transcript = nullptr;
    std::unique_ptr<steps::StepContext> m_context;
};

} // namespace gs::cli
