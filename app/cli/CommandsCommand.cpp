// gitspaces-setup commands --config FILE [--script]: every step's commands, as the pages show
// them, or the whole setup as one script to run on the VM. Both from the plan apply runs.
#include "Cli.h"

#include "harness/DelegateImage.h"
#include "plan/CommandBuilder.h"
#include "plan/ConfigChecks.h"
#include "plan/ConfigFile.h"
#include "plan/SetupScript.h"
#include "steps/EffectivePlan.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace gs::cli {

namespace {

// The config as the commands show it: checked, with the account id from the environment or a
// placeholder. Empty (the problems written to `err`) when it cannot be used.
std::optional<SetupConfig> loadConfig(const QString &path, QTextStream &err)
{
    const ConfigFile::LoadResult loaded = ConfigFile::load(path);
    if (!loaded.ok) {
        err << loaded.error << '\n';
        return std::nullopt;
    }
    const QList<ConfigProblem> problems = checkConfig(loaded.config);
    if (!problems.isEmpty()) {
        for (const ConfigProblem &problem : problems)
            err << path << ": " << problem.key << ": " << problem.message << '\n';
        return std::nullopt;
    }

    SetupConfig config = loaded.config;
    if (config.delegate.accountId.isEmpty())
        config.delegate.accountId = qEnvironmentVariable("GITSPACES_ACCOUNT_ID");
    if (config.delegate.accountId.isEmpty())
        config.delegate.accountId = QStringLiteral("YOUR_ACCOUNT_ID");
    return config;
}

// No API key here: the delegate image is judged by its tag's date. Empty when there is nothing
// to say.
QString imageAgeLine(const SetupConfig &config)
{
    const harness::ImageTagCheck age = harness::DelegateImage::checkAge(config.delegate.image);
    return age.message.isEmpty() ? QString()
                                 : (age.warning ? QCoreApplication::translate("Cli", "Warning: %1")
                                                : QCoreApplication::translate("Cli", "Note: %1"))
                                       .arg(age.message);
}

// Every step's commands as the pages show them, the image's age note above the delegate's.
void printSteps(QTextStream &out, const CommandBuilder &builder, const QString &ageLine)
{
    int number = 1;
    for (const StepPlan &step : builder.all()) {
        out << "## "
            << QCoreApplication::translate("Cli", "Step %1: %2").arg(number++).arg(step.title)
            << "\n\n";
        if (step.id == StepId::Delegate && !ageLine.isEmpty())
            out << "# " << ageLine << "\n\n";
        out << builder.renderStepForPaste(step, TokenDisplay::HiddenPrompt) << '\n';
    }
}

} // namespace

int runCommands(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Print every step's commands for a setup config, as "
                                           "the wizard shows them: the delegate token is asked "
                                           "for when they run, never printed."));
    parser.addOption(helpOption());
    const QCommandLineOption configOption(
        QStringLiteral("config"), QCoreApplication::translate("Cli", "The setup config file."),
        QCoreApplication::translate("Cli", "FILE"));
    parser.addOption(configOption);
    const QCommandLineOption scriptOption(
        QStringLiteral("script"),
        QCoreApplication::translate("Cli", "Print one bash script to copy to the VM and run "
                                           "there (bash setup.sh): it checks, installs Docker "
                                           "when missing, and asks for the token itself."));
    parser.addOption(scriptOption);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "gitspaces-setup commands: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, "commands");
        return Success;
    }
    if (!parser.isSet(configOption)) {
        err << QCoreApplication::translate("Cli", "gitspaces-setup commands: --config FILE is "
                                                  "required.")
            << '\n';
        return UsageError;
    }
    const std::optional<SetupConfig> config = loadConfig(parser.value(configOption), err);
    if (!config)
        return UsageError;

    // The plan apply runs: the pool file prepared as it goes up. Without the VM, sudo follows
    // the config's answer (the script decides it on the VM).
    const steps::PreparedPool pool = steps::preparePool(*config);
    if (!config->runner.poolFile.isEmpty() && !pool.readError.isEmpty()) {
        err << pool.readError << '\n';
        return UsageError;
    }
    const CommandBuilder builder =
        steps::effectivePlan(*config, Privileges::fromAnswer(config->ssh.sudo), pool);
    QTextStream out(stdout);
    const QString ageLine = imageAgeLine(*config);
    if (parser.isSet(scriptOption)) {
        // The script stays the plan's, byte for byte (the wizard exports the same): the finding
        // goes to the terminal.
        if (!ageLine.isEmpty())
            err << "gitspaces-setup commands: " << ageLine << '\n';
        out << setupScript(builder);
        return Success;
    }
    printSteps(out, builder, ageLine);
    return Success;
}

} // namespace gs::cli
