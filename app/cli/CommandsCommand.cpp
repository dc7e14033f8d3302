// gitspaces-setup commands --config FILE: every step's commands, as the pages show them.
#include "Cli.h"

#include "plan/CommandBuilder.h"
#include "plan/ConfigChecks.h"
#include "plan/ConfigFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace gs::cli {

int runCommands(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Print every step's commands for a setup config. The "
                                           "delegate token is masked."));
    parser.addHelpOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"), QCoreApplication::translate("Cli", "The setup config file."),
        QStringLiteral("FILE"));
    parser.addOption(configOption);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "gitspaces-setup commands: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    if (!parser.isSet(configOption)) {
        err << QCoreApplication::translate("Cli", "gitspaces-setup commands: --config FILE is "
                                                  "required.")
            << '\n';
        return UsageError;
    }
    const ConfigFile::LoadResult loaded = ConfigFile::load(parser.value(configOption));
    if (!loaded.ok) {
        err << loaded.error << '\n';
        return UsageError;
    }
    const QList<ConfigProblem> problems = checkConfig(loaded.config);
    if (!problems.isEmpty()) {
        for (const ConfigProblem &problem : problems)
            err << parser.value(configOption) << ": " << problem.key << ": " << problem.message
                << '\n';
        return UsageError;
    }

    SetupConfig config = loaded.config;
    if (config.delegate.accountId.isEmpty())
        config.delegate.accountId = qEnvironmentVariable("GITSPACES_ACCOUNT_ID");
    if (config.delegate.accountId.isEmpty())
        config.delegate.accountId = QStringLiteral("YOUR_ACCOUNT_ID");

    const CommandBuilder builder(config);
    QTextStream out(stdout);
    int number = 1;
    for (const StepPlan &step : builder.all()) {
        out << "## "
            << QCoreApplication::translate("Cli", "Step %1: %2").arg(number++).arg(step.title)
            << "\n\n"
            << builder.renderStepForPaste(step, TokenDisplay::Masked) << '\n';
    }
    return Success;
}

} // namespace gs::cli
