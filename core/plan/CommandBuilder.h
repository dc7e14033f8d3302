#pragma once

#include "Privileges.h"
#include "SetupConfig.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gs {

// Page/step identifiers, in flow order.
enum class StepId { Prerequisites, Connect, Docker, Runner, Delegate, Selector, Summary };

// Fixed names the documented flow relies on.
namespace Names {
inline constexpr auto Network = "harness";
inline constexpr auto RunnerContainer = "vm-runner"; // also the hostname RUNNER_URL resolves
inline constexpr auto RunnerUrl = "http://vm-runner:3000/";
inline constexpr auto PoolFileName = "pool.yaml";
// Our containers carry `--label Label=runner|delegate`; uninstall removes only those, and the
// ones the setup adopted (started by hand, renamed by "keep"), which AdoptedRecord in the
// runner directory lists as "runner|delegate <short id>" (a label cannot be added later).
inline constexpr auto Label = "io.harness.gitspaces-setup";
inline constexpr auto AdoptedRecord = ".gitspaces-setup-adopted";
// Harness's upgrader, when installed on day two: "<delegate name>-upgrader", label upgrader.
inline constexpr auto UpgraderSuffix = "-upgrader";
} // namespace Names

// One command of a step, exactly as the engine runs it.
struct PlannedCommand
{
    QString id;      // stable: "runner.network", "delegate.run", …
    QString summary; // translated one-liner: what it does and why
    QString script;  // the shell text the engine sends, byte for byte
    // When non-empty, the engine writes this local file's content to the command's stdin; the
    // copy-paste form feeds it with a here-document instead.
    QString stdinFromFile;
    // The bytes that go to stdin, as the engine sends them (pool.yaml with json_path pointed at
    // the key inside the container); empty until the file was prepared, and always for secrets.
    QByteArray stdinContent;
    bool stdinIsFile = false;       // stdin carries a file (stdinFromFile, once it is chosen)
    bool stdinIsToken = false;      // stdin carries "DELEGATE_TOKEN=<token>\n" (never argv)
    bool stdinIsSecretFile = false; // a credential: the paste form reads the copied file, never
                                    // shows its content
    bool optional = false;          // shown for completeness (e.g. replacing an existing container)
};

struct StepPlan
{
    StepId id = StepId::Prerequisites;
    QString title;
    QList<PlannedCommand> commands;
};

// How a copied command shows the delegate token.
enum class TokenDisplay {
    HiddenPrompt, // bash `read -rs`: the token is typed at a hidden prompt, kept out of history
    Revealed      // the token in clear, only after the user explicitly revealed it
};

// Turns the answers into the documented commands. Pure: no I/O. The pool file's content comes
// from whoever prepared it (steps::effectivePlan), so every path shows and sends the same bytes.
class CommandBuilder
{
public:
    explicit CommandBuilder(SetupConfig config);
    CommandBuilder(SetupConfig config, Privileges privileges);

    // The pool file as it goes up; the runner step's file command carries it.
    void setPoolContent(const QByteArray &content) { m_poolContent = content; }
    // For a script that decides sudo on the VM: privileged commands start with "$SUDO_DOCKER ",
    // "$SUDO_FILES " or "$SUDO_SYSTEM " instead of "sudo " or nothing.
    void setPrivilegesAtRunTime(bool atRunTime) { m_privilegesAtRunTime = atRunTime; }
    // The shell variables setPrivilegesAtRunTime() uses.
    static QString dockerSudoVariable() { return QStringLiteral("SUDO_DOCKER"); }
    static QString filesSudoVariable() { return QStringLiteral("SUDO_FILES"); }
    static QString systemSudoVariable() { return QStringLiteral("SUDO_SYSTEM"); }

    StepPlan connect() const;
    // The command, run on the admin's computer, that copies `localFiles` into the SSH user's
    // home on the VM: `gcloud compute scp` for a gcloud connection, else `scp`.
    QString copyToVm(const QStringList &localFiles) const;
    StepPlan docker() const;
    StepPlan runner() const;
    StepPlan delegate() const;
    QList<StepPlan> all() const; // connect, docker, runner, delegate

    // The command as a person pastes it into a terminal: stdin-fed commands get their input
    // (here-document with `poolContent` for files, the token as `display` says).
    QString renderForPaste(const PlannedCommand &command, TokenDisplay display,
                           const QString &token = {}) const;
    // What a paste puts in front of a token-fed command: the token word ("$DELEGATE_TOKEN", or
    // the quoted token once revealed) printed as the env-file line the command reads on stdin.
    static QString tokenFeed(const QString &tokenWord);
    QString renderStepForPaste(const StepPlan &step, TokenDisplay display,
                               const QString &token = {}) const;

    // `command` with sudo in front when that kind of action needs it.
    QString dockerCommand(const QString &command) const;
    QString fileCommand(const QString &command) const;
    QString systemCommand(const QString &command) const;

    const SetupConfig &config() const { return m_config; }
    const Privileges &privileges() const { return m_privileges; }
    QString remotePoolPath() const;
    QString remoteKeyPath() const; // empty when no service-account key is configured
    // The runner directory's record of adopted containers (Names::AdoptedRecord).
    QString remoteAdoptedRecordPath() const;
    // A shell test (exit status only) that this user can create the runner directory, or write
    // it and every file in it, without sudo. The host probe and the setup script share it.
    static QString runnerDirectoryWritableTest(const QString &directory);

private:
    QString withSudo(bool sudo, const QString &variable, const QString &command) const;
    // "<prefix>.adopt" and "<prefix>.remove-found" for containers started by hand, when any.
    QList<PlannedCommand> foundCommands(const QString &prefix, const QStringList &found,
                                        const QString &name) const;

    SetupConfig m_config;
    Privileges m_privileges;
    QByteArray m_poolContent;
    bool m_privilegesAtRunTime = false;
};

} // namespace gs
