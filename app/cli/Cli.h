#pragma once

#include <QCommandLineOption>
#include <QStringList>

class QCommandLineParser;

// The command line without a window: each subcommand parses its own arguments and returns the
// process exit code. They drive the same core engine as the wizard.
namespace gs::cli {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

struct Subcommand
{
    const char *name;
    const char *usage;       // the command line, never translated
    const char *description; // translated when printed (QT_TRANSLATE_NOOP("Cli", …))
    int (*run)(const QStringList &arguments); // arguments[0] is the subcommand name
};

// The subcommands, in --help order.
const QList<Subcommand> &subcommands();

// -h, --help for a subcommand's parser (Qt's own would add --help-all, about options the command
// line does not have), and that subcommand's help: "Usage: gitspaces-setup NAME …" first, where
// Qt's would name the program's path, then the parser's description and options.
QCommandLineOption helpOption();
QString subcommandHelp(const QCommandLineParser &parser, const char *name);

// Returns true and sets *exitCode when `arguments` name a subcommand (or --help/--version).
bool dispatch(const QStringList &arguments, int *exitCode);

int runCommands(const QStringList &arguments);
int runCheck(const QStringList &arguments);
int runApply(const QStringList &arguments);
int runUninstall(const QStringList &arguments);
// check, apply and uninstall share one driver (ApplyCommand.cpp).
enum class EngineMode { Check, Apply, Uninstall };
int runEngineCommand(const QStringList &arguments, EngineMode mode);
int runValidatePool(const QStringList &arguments);
int runExportAnsible(const QStringList &arguments);
int runInitFromTerraform(const QStringList &arguments);
int runImportDelegate(const QStringList &arguments);
int runStatus(const QStringList &arguments);
int runUpgradeDelegate(const QStringList &arguments);
int runLogs(const QStringList &arguments);

} // namespace gs::cli
