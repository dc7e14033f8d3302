// `gitspaces-setup check`, `apply` and `uninstall`: the setup engine without a window. The
// same SetupRun as the wizard's "Run for me", over the same SshSession; progress as lines.
#include "Cli.h"
#include "Terminal.h"
#include "util/AtomicFile.h"
#include "util/EnvironmentSecrets.h"
#include "util/Secret.h"
#include "util/Translate.h"

#include "manage/CommandRun.h"
#include "plan/ConfigFile.h"
#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"
#include "steps/UninstallStep.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

#include <optional>
#include <unistd.h>

namespace gs::cli {

namespace {

QString tr(const char *text)
{
    return translateIn({"gs::cli::EngineCommand", "gs::cli"}, text);
}

struct Flags
{
    QString configPath;
    bool apply = false;
    bool uninstall = false;
    bool removeNetwork = false;
    bool removeDirectory = false;
    bool yes = false;
    bool tokenStdin = false;
    bool sudoPasswordStdin = false;
    bool apiKeyStdin = false;
    int harnessTimeoutS = 180;
    bool offline = false;
    bool allowPoolErrors = false;
    std::optional<bool> replace; // --replace / --keep; default: what is recommended
    QString fingerprint;
    QString transcriptFile;
};

// Drives one run and quits the application's event loop with the exit code.
class EngineCommand : public QObject
{
public:
    // Hides QObject::tr (this class has no Q_OBJECT), which would look under "QObject" and leave
    // every message here in English.
    static QString tr(const char *text, const char * = nullptr, int n = -1)
    {
        return translateIn({"gs::cli::EngineCommand", "gs::cli"}, text, n);
    }

    explicit EngineCommand(const Flags &flags)
        : m_flags(flags)
        , m_out(stdout)
        , m_err(stderr)
    {}

    void start()
    {
        const ConfigFile::LoadResult loaded = ConfigFile::load(m_flags.configPath);
        if (!loaded.ok) {
            m_err << loaded.error << Qt::endl;
            quit(UsageError);
            return;
        }
        // Before anything runs: a transcript that could not be written at the end is lost.
        QString transcriptError;
        if (!m_flags.transcriptFile.isEmpty() && !canWriteTranscript(&transcriptError)) {
            m_err << transcriptError << Qt::endl;
            quit(UsageError);
            return;
        }
        // (uninstall takes no token: it reads only a sudo password, when asked to)
        m_command = new manage::CommandRun(loaded.config, commandOptions(), readSecrets(), this);
        Terminal::answerQuestions(m_command->connection(), m_err);
        m_command->setAutoAnswer([this](const steps::Decision &decision) -> std::optional<bool> {
            return answer(decision);
        });
        followCommand();
        m_command->start();
    }

private:
    // Secrets from stdin first, in this order: token, sudo password, API key; then the
    // environment (main() took them out of it already: no child sees them). The keychain is the
    // core's to ask, for what is still missing.
    manage::CommandRun::Secrets readSecrets()
    {
        manage::CommandRun::Secrets secrets;
        Secret envToken = EnvironmentSecrets::take(EnvironmentSecrets::DelegateToken);
        Secret envApiKey = EnvironmentSecrets::take(EnvironmentSecrets::HarnessApiKey);
        if (m_flags.tokenStdin) {
            secrets.token = Terminal::readSecretLine(true);
            secrets.tokenSource = steps::SecretSource::StandardInput;
        }
        if (m_flags.sudoPasswordStdin)
            secrets.sudoPassword = Terminal::readSecretLine(false);
        if (m_flags.apiKeyStdin)
            secrets.apiKey = Terminal::readSecretLine(true);
        if (secrets.token.isEmpty() && !envToken.isEmpty()) {
            secrets.token = std::move(envToken);
            secrets.tokenSource = steps::SecretSource::Environment;
        }
        if (secrets.apiKey.isEmpty())
            secrets.apiKey = std::move(envApiKey);
        return secrets;
    }

    manage::CommandRun::Options commandOptions() const
    {
        manage::CommandRun::Options options;
        options.mode = m_flags.uninstall ? steps::SetupRun::Mode::Uninstall
                       : m_flags.apply   ? steps::SetupRun::Mode::Apply
                                         : steps::SetupRun::Mode::Check;
        options.offline = m_flags.offline;
        options.allowPoolErrors = m_flags.allowPoolErrors;
        options.removeNetwork = m_flags.removeNetwork;
        options.removeDirectory = m_flags.removeDirectory;
        options.harnessTimeoutS = m_flags.harnessTimeoutS;
        options.fingerprint = m_flags.fingerprint;
        // Without a terminal nothing can be asked: an unknown host key is refused.
        options.interactive =
            Terminal::isInteractive() && !m_flags.tokenStdin && !m_flags.sudoPasswordStdin;
        return options;
    }

    // What the sequence says, printed; its end turned into the last lines and the exit code.
    void followCommand()
    {
        connect(m_command, &manage::CommandRun::note, this,
                [this](const QString &line) { m_out << line << Qt::endl; });
        connect(m_command, &manage::CommandRun::harnessNote, this,
                [this](const QString &line) { m_out << "  [harness] " << line << Qt::endl; });
        connect(m_command, &manage::CommandRun::warning, this,
                [this](const QString &line) { m_err << line << Qt::endl; });
        connect(m_command, &manage::CommandRun::stopped, this, [this](const QString &message) {
            m_err << message << Qt::endl;
            quit(Failure);
        });
        connect(m_command, &manage::CommandRun::runCreated, this, [this](steps::SetupRun *run) {
            m_run = run;
            m_context = m_command->context();
            if (m_flags.uninstall)
                printUninstallPlan();
            printProgress();
        });
        connect(m_command, &manage::CommandRun::runEnded, this, [this] { writeTranscript(); });
        connect(m_command, &manage::CommandRun::finished, this,
                [this](manage::CommandRun::Outcome outcome, const QString &message) {
                    commandFinished(outcome, message);
                });
    }

    void commandFinished(manage::CommandRun::Outcome outcome, const QString &message)
    {
        using Outcome = manage::CommandRun::Outcome;
        if (m_flags.uninstall) {
            finishUninstall(outcome != Outcome::Failed);
            return;
        }
        if (outcome == Outcome::NotListedInHarness) {
            m_err << message << Qt::endl;
            printState();
            m_out << tr("Not done: the delegate runs, but Harness does not list it as connected.")
                  << Qt::endl;
            quit(Failure);
            return;
        }
        if (outcome == Outcome::ConnectedInHarness) {
            finishWith(true, tr("the runner and the delegate are verified, and the delegate is "
                                "connected in Harness."));
            return;
        }
        finishWith(outcome == Outcome::Done,
                   m_flags.apply ? tr("the runner and the delegate are verified.") : QString());
    }

    // A decision of the run, printed with what each answer runs, and answered by the flags.
    std::optional<bool> answer(const steps::Decision &decision)
    {
        printDecision(decision);
        switch (decision.kind) {
        case steps::Decision::Kind::InstallDocker:
            if (!m_flags.yes)
                m_out << tr("    (run again with --yes to install)") << '\n';
            return m_flags.yes;
        case steps::Decision::Kind::UsePoolWithErrors:
            if (!m_flags.allowPoolErrors)
                m_out << tr("    (run again with --allow-pool-errors to upload it anyway)") << '\n';
            return m_flags.allowPoolErrors;
        case steps::Decision::Kind::ReplaceRunner:
        case steps::Decision::Kind::ReplaceDelegate:
        case steps::Decision::Kind::ReplaceFoundRunner:
        case steps::Decision::Kind::ReplaceFoundDelegate:
            return m_flags.replace.value_or(decision.recommendAccept);
        case steps::Decision::Kind::ConfirmUninstall:
            return confirmUninstall();
        case steps::Decision::Kind::ConfirmUpgrade: // upgrade-delegate's, not asked here
            break;
        }
        return false;
    }

    void printDecision(const steps::Decision &decision)
    {
        m_out << "  ? " << decision.question << '\n';
        if (!decision.details.isEmpty())
            m_out << "    "
                  << QString(decision.details).replace(QLatin1Char('\n'), QStringLiteral("\n    "))
                  << '\n';
        if (decision.declineCommands.isEmpty()) {
            printCommands(decision.commands);
        } else {
            // Both answers change something: show what each one runs.
            m_out << "    " << tr("%1 (--replace):").arg(decision.acceptLabel) << '\n';
            printCommands(decision.commands);
            m_out << "    " << tr("%1 (--keep):").arg(decision.declineLabel) << '\n';
            printCommands(decision.declineCommands);
        }
        m_out.flush();
    }

    void printCommands(const QStringList &commands)
    {
        for (const QString &command : commands)
            m_out << "    $ "
                  << QString(command).replace(QLatin1Char('\n'), QStringLiteral("\n      "))
                  << '\n';
    }

    // The run's progress as lines: steps, their lines and logs, waits, reconnects, failures.
    void printProgress()
    {
        connect(m_run, &steps::SetupRun::stepStarted, this, [this](steps::StepKind kind) {
            m_out << "== " << steps::stepTitle(kind) << Qt::endl;
        });
        connect(
            m_run, &steps::SetupRun::progress, this,
            [this](steps::StepKind, const QString &line) { m_out << "  " << line << Qt::endl; });
        connect(m_run, &steps::SetupRun::logLines, this, [this](const QStringList &lines) {
            for (const QString &line : lines)
                m_out << "    | " << line << '\n';
            m_out.flush();
        });
        connect(m_run, &steps::SetupRun::waiting, this,
                [this](const QString &what, int elapsed, int timeout) {
                    if (!m_waitClock.isValid() || m_waitClock.elapsed() >= 5000) {
                        m_waitClock.start();
                        m_out << tr("  … waiting for %1 (%2 s of %3 s)")
                                     .arg(what)
                                     .arg(elapsed)
                                     .arg(timeout)
                              << Qt::endl;
                    }
                });
        connect(m_run, &steps::SetupRun::reconnecting, this,
                [this](const QString &why) { m_out << "  " << why << Qt::endl; });
        connect(
            m_run, &steps::SetupRun::stepFinished, this, [this](const steps::StepResult &result) {
                if (!result.ok()) {
                    m_err << tr("%1 failed: %2").arg(steps::stepTitle(result.step), result.error)
                          << '\n';
                    for (const QString &line : result.logLines)
                        m_err << "    | " << line << '\n';
                    m_err.flush();
                }
            });
    }

    // The Summary page's uninstall plan, before the VM is looked at: each command checks that
    // its target is ours; the step then says what it found and asks (confirmUninstall()).
    void printUninstallPlan()
    {
        const StepPlan plan = steps::UninstallStep::plan(*m_context);
        m_out << tr("Uninstall plan (only what this setup made is removed):") << '\n';
        for (const PlannedCommand &command : plan.commands)
            m_out << "  - " << command.summary << '\n';
        m_out.flush();
    }

    // --yes, or a "y" typed at the terminal; without a terminal nothing is removed.
    bool confirmUninstall()
    {
        if (m_flags.yes)
            return true;
        if (::isatty(STDIN_FILENO) != 1) {
            m_err << tr("No terminal to ask: run again with --yes to remove these.") << Qt::endl;
            return false;
        }
        return Terminal::confirm(m_err, tr("Remove them?"));
    }

    void finishUninstall(bool ok)
    {
        const steps::StepResult *result =
            m_run->results().isEmpty() ? nullptr : &m_run->results().constLast();
        if (!ok) {
            m_out << tr("Uninstall failed.") << Qt::endl;
        } else if (result && result->done.isEmpty()) {
            m_out << tr("Nothing removed: nothing this setup made is left on the VM.") << Qt::endl;
        } else {
            m_out << tr("Uninstalled:") << '\n';
            if (result)
                for (const QString &line : result->done)
                    m_out << "  " << line << '\n';
            m_out.flush();
        }
        if (ok && result && !result->warnings.isEmpty()) {
            m_out << tr("Left on the VM:") << '\n';
            for (const QString &line : result->warnings)
                m_out << "  " << line << '\n';
            m_out.flush();
        }
        quit(ok ? Success : Failure);
    }

    // What the VM has now, as the wizard's Summary shows it (one SetupState for both).
    void printState()
    {
        const QStringList lines = m_context->state().lines();
        if (lines.isEmpty())
            return;
        m_out << tr("Result:") << '\n';
        for (const QString &line : lines)
            m_out << "  " << line << '\n';
        m_out.flush();
    }

    // The last line: what was verified, and whether warnings are left to read.
    void finishWith(bool ok, const QString &verified)
    {
        printState();
        int warnings = int(m_context->state().warnings().size());
        if (!m_flags.apply) {
            // `check` is all findings: every warning counts, not only those that outlast a run.
            warnings = 0;
            for (const steps::StepResult &result : m_run->results())
                warnings += int(result.warnings.size());
        }
        if (!ok)
            m_out << m_context->state().headline() << Qt::endl;
        else if (!m_flags.apply)
            m_out << (warnings == 0 ? tr("Preflight checks passed.")
                                    : tr("Preflight checks passed, with %n warning(s) (listed "
                                         "above).",
                                         nullptr, warnings))
                  << Qt::endl;
        else if (warnings == 0)
            m_out << tr("Done: %1").arg(verified) << Qt::endl;
        else
            m_out << tr("Done, with %n unresolved warning(s) (listed above): %1", nullptr, warnings)
                         .arg(verified)
                  << Qt::endl;
        quit(ok ? Success : Failure);
    }

    bool canWriteTranscript(QString *error) const
    {
        QString why;
        if (canWriteFileAtomically(m_flags.transcriptFile, &why))
            return true;
        *error = tr("Cannot write the transcript to %1: %2").arg(m_flags.transcriptFile, why);
        return false;
    }

    void writeTranscript()
    {
        if (m_flags.transcriptFile.isEmpty() || !m_command || !m_command->transcript())
            return;
        QString why;
        if (writeFileAtomically(m_flags.transcriptFile, m_command->transcript()->toText().toUtf8(),
                                &why, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            m_out << tr("Transcript (secrets masked): %1").arg(m_flags.transcriptFile) << Qt::endl;
            return;
        }
        m_err << tr("Cannot write the transcript to %1: %2").arg(m_flags.transcriptFile, why)
              << Qt::endl;
        m_transcriptFailed = true;
    }

    void quit(int code)
    {
        // The run may have worked; the transcript asked for is still missing.
        if (code == Success && m_transcriptFailed)
            code = Failure;
        QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
    }

    Flags m_flags;
    QTextStream m_out;
    QTextStream m_err;
    bool m_transcriptFailed = false;
    manage::CommandRun *m_command = nullptr;
    steps::StepContext *m_context = nullptr; // the command's, once its run exists
    steps::SetupRun *m_run = nullptr;
    QElapsedTimer m_waitClock;
};

// The options of check, apply and uninstall; each adds its own (addEngineOptions).
struct EngineOptions
{
    QCommandLineOption config;
    QCommandLineOption fingerprint;
    QCommandLineOption offline;
    QCommandLineOption sudoStdin;
    QCommandLineOption transcript;
    QCommandLineOption yes;
    QCommandLineOption removeNetwork;
    QCommandLineOption removeDirectory;
    QCommandLineOption tokenStdin;
    QCommandLineOption replace;
    QCommandLineOption keep;
    QCommandLineOption poolErrors;
    QCommandLineOption apiKeyStdin;
    QCommandLineOption harnessTimeout;
};

EngineOptions engineOptions(bool uninstall)
{
    return {
        .config =
            QCommandLineOption(QStringLiteral("config"), tr("The setup config file."), tr("FILE")),
        .fingerprint =
            QCommandLineOption(QStringLiteral("host-key-fingerprint"),
                               tr("Accept exactly this host key (SHA256:…)."), tr("FINGERPRINT")),
        .offline = QCommandLineOption(QStringLiteral("offline"),
                                      tr("Skip the outbound HTTPS check from the VM.")),
        .sudoStdin = QCommandLineOption(QStringLiteral("sudo-password-stdin"),
                                        tr("Read the sudo password from standard input (after "
                                           "the token with --token-stdin).")),
        .transcript =
            QCommandLineOption(QStringLiteral("transcript"),
                               tr("Write the transcript (secrets masked) to FILE."), tr("FILE")),
        .yes =
            QCommandLineOption(QStringLiteral("yes"),
                               uninstall ? tr("Remove without asking.")
                                         : tr("Consent to installing Docker when it is missing.")),
        .removeNetwork = QCommandLineOption(
            QStringLiteral("remove-network"),
            tr("Also remove the harness network, when no other container is attached to it.")),
        .removeDirectory = QCommandLineOption(
            QStringLiteral("remove-directory"),
            tr("Also remove the files the setup wrote into the runner directory, and the "
               "directory when nothing else is in it.")),
        .tokenStdin = QCommandLineOption(QStringLiteral("token-stdin"),
                                         tr("Read the delegate token from standard input.")),
        .replace = QCommandLineOption(QStringLiteral("replace"),
                                      tr("Replace an existing runner or delegate container.")),
        .keep = QCommandLineOption(QStringLiteral("keep"),
                                   tr("Keep an existing runner or delegate container.")),
        .poolErrors = QCommandLineOption(QStringLiteral("allow-pool-errors"),
                                         tr("Upload a pool file even if it has errors.")),
        .apiKeyStdin = QCommandLineOption(
            QStringLiteral("harness-api-key-stdin"),
            tr("Read a Harness API key from standard input (after the token and the sudo "
               "password) to check the image tag and, at the end, that the delegate is "
               "connected.")),
        .harnessTimeout = QCommandLineOption(
            QStringLiteral("harness-timeout"),
            tr("How long to wait for Harness to list the delegate as connected (default 180)."),
            tr("SECONDS"), QStringLiteral("180")),
    };
}

void addEngineOptions(QCommandLineParser &parser, const EngineOptions &o, bool apply,
                      bool uninstall)
{
    parser.setApplicationDescription(
        apply       ? tr("Run the whole setup on the VM over SSH.")
        : uninstall ? tr("Remove what the setup made from the VM: the containers it labelled or "
                         "adopted, and on request the network and the files it wrote.")
                    : tr("Connect and run the preflight checks only."));
    parser.addOption(helpOption());
    parser.addOptions({o.config, o.fingerprint, o.offline, o.sudoStdin, o.transcript});
    if (apply)
        parser.addOptions({o.yes, o.tokenStdin, o.replace, o.keep, o.poolErrors, o.apiKeyStdin,
                           o.harnessTimeout});
    if (uninstall)
        parser.addOptions({o.yes, o.removeNetwork, o.removeDirectory});
}

// The flags of a parsed command line; none (the problem written to `err`) when
// --harness-timeout is not a number of seconds.
std::optional<Flags> readFlags(const QCommandLineParser &parser, const EngineOptions &o, bool apply,
                               bool uninstall, QTextStream &err)
{
    Flags flags;
    flags.apply = apply;
    flags.uninstall = uninstall;
    if (uninstall) {
        flags.yes = parser.isSet(o.yes);
        flags.removeNetwork = parser.isSet(o.removeNetwork);
        flags.removeDirectory = parser.isSet(o.removeDirectory);
    }
    flags.configPath = parser.value(o.config);
    flags.fingerprint = parser.value(o.fingerprint);
    flags.offline = parser.isSet(o.offline);
    flags.sudoPasswordStdin = parser.isSet(o.sudoStdin);
    flags.transcriptFile = parser.value(o.transcript);
    if (apply) {
        flags.yes = parser.isSet(o.yes);
        flags.tokenStdin = parser.isSet(o.tokenStdin);
        flags.allowPoolErrors = parser.isSet(o.poolErrors);
        flags.apiKeyStdin = parser.isSet(o.apiKeyStdin);
        bool validTimeout = false;
        flags.harnessTimeoutS = parser.value(o.harnessTimeout).toInt(&validTimeout);
        if (!validTimeout || flags.harnessTimeoutS < 1) {
            err << tr("--harness-timeout takes a number of seconds.") << '\n';
            return std::nullopt;
        }
        if (parser.isSet(o.replace))
            flags.replace = true;
        else if (parser.isSet(o.keep))
            flags.replace = false;
    }
    return flags;
}

} // namespace

int runEngineCommand(const QStringList &arguments, EngineMode mode)
{
    const bool apply = mode == EngineMode::Apply;
    const bool uninstall = mode == EngineMode::Uninstall;
    QCommandLineParser parser;
    const EngineOptions options = engineOptions(uninstall);
    addEngineOptions(parser, options, apply, uninstall);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, apply       ? "apply"
                                                      : uninstall ? "uninstall"
                                                                  : "check");
        return Success;
    }
    if (!parser.isSet(options.config) || !parser.positionalArguments().isEmpty()) {
        err << (uninstall
                    ? tr("Usage: gitspaces-setup uninstall --config FILE [--remove-network] "
                         "[--remove-directory] [--yes]")
                    : tr("Usage: gitspaces-setup %1 --config FILE")
                          .arg(apply ? QStringLiteral("apply [--yes]") : QStringLiteral("check")))
            << '\n';
        return UsageError;
    }
    if (apply && parser.isSet(options.replace) && parser.isSet(options.keep)) {
        err << tr("--replace and --keep exclude each other.") << '\n';
        return UsageError;
    }
    const std::optional<Flags> flags = readFlags(parser, options, apply, uninstall, err);
    if (!flags)
        return UsageError;
    EngineCommand command(*flags);
    QTimer::singleShot(0, &command, [&command] { command.start(); });
    // The application's one event loop, started here because the CLI path has none yet.
    return QCoreApplication::exec();
}

int runApply(const QStringList &arguments)
{
    return runEngineCommand(arguments, EngineMode::Apply);
}

} // namespace gs::cli
