#pragma once

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
    Masked,       // "••••••••": for display only, never useful to paste
    Revealed      // the token in clear, only after the user explicitly revealed it
};

// Turns the answers into the documented commands. Pure: no I/O besides reading the pool file
// for the copy-paste here-document.
class CommandBuilder
{
public:
    explicit CommandBuilder(SetupConfig config);

    StepPlan connect() const;
    StepPlan docker() const;
    StepPlan runner() const;
    StepPlan delegate() const;
    QList<StepPlan> all() const; // connect, docker, runner, delegate

    // The command as a person pastes it into a terminal: stdin-fed commands get their input
    // (here-document with `poolContent` for files, the token as `display` says).
    QString renderForPaste(const PlannedCommand &command, TokenDisplay display,
                           const QString &token = {}, const QByteArray &fileContent = {}) const;
    QString renderStepForPaste(const StepPlan &step, TokenDisplay display,
                               const QString &token = {}) const;

    // The whole run as one commented bash script (token read at a hidden prompt).
    QString exportScript() const;

    // Prefixes `command` with sudo when the config asks for it.
    QString privileged(const QString &command) const;

    const SetupConfig &config() const { return m_config; }
    QString remotePoolPath() const;
    QString remoteKeyPath() const; // empty when no service-account key is configured

private:
    // "<prefix>.adopt" and "<prefix>.remove-found" for containers started by hand, when any.
    QList<PlannedCommand> foundCommands(const QString &prefix, const QStringList &found,
                                        const QString &name) const;

    SetupConfig m_config;
};

} // namespace gs
