#include "Cli.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace gs::cli {

const QList<Subcommand> &subcommands()
{
    static const QList<Subcommand> list = {
        {"commands", "commands --config FILE [--script]",
         QT_TRANSLATE_NOOP("Cli", "print every step's commands (token masked)"), &runCommands},
        {"check", "check --config FILE",
         QT_TRANSLATE_NOOP("Cli", "connect and run the preflight checks only"), &runCheck},
        {"apply", "apply --config FILE [--yes]",
         QT_TRANSLATE_NOOP("Cli", "run the whole setup headless"), &runApply},
        {"uninstall", "uninstall --config FILE [--remove-network] [--remove-directory] [--yes]",
         QT_TRANSLATE_NOOP("Cli", "remove what the setup made: our containers, the files it wrote"),
         &runUninstall},
        {"validate-pool", "validate-pool FILE [--json]",
         QT_TRANSLATE_NOOP("Cli", "check a pool file (exit 0 ok, 1 errors, 2 unreadable)"),
         &runValidatePool},
        {"export-ansible", "export-ansible --config FILE [--config FILE ...] --out DIR",
         QT_TRANSLATE_NOOP("Cli", "write the setup of many runner VMs as an Ansible playbook"),
         &runExportAnsible},
        {"init-from-terraform", "init-from-terraform DIR --config FILE [--vm NAME]",
         QT_TRANSLATE_NOOP("Cli", "write a setup config from the Terraform folder"),
         &runInitFromTerraform},
        {"import-delegate-command", "import-delegate-command --config FILE [--no-keychain]",
         QT_TRANSLATE_NOOP("Cli", "read the delegate's docker run command from Harness on "
                                  "standard input into FILE (the token to the keychain)"),
         &runImportDelegate},
        {"status", "status --config FILE [--json]",
         QT_TRANSLATE_NOOP("Cli", "how the VM is doing (exit 0 healthy, 1 something is down, 2 "
                                  "no connection)"),
         &runStatus},
        {"upgrade-delegate", "upgrade-delegate --config FILE [--tag TAG] [--yes]",
         QT_TRANSLATE_NOOP("Cli", "upgrade the running delegate, keeping its name and token"),
         &runUpgradeDelegate},
        {"logs", "logs --config FILE runner|delegate [--follow]",
         QT_TRANSLATE_NOOP("Cli", "print a container's log, known failure lines explained"),
         &runLogs},
    };
    return list;
}

QCommandLineOption helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              QCoreApplication::translate("Cli", "Show this help."));
}

QString subcommandHelp(const QCommandLineParser &parser, const char *name)
{
    QString usage = QString::fromLatin1(name);
    for (const Subcommand &sub : subcommands()) {
        if (qstrcmp(sub.name, name) == 0)
            usage = QString::fromLatin1(sub.usage);
    }
    QString help = parser.helpText();
    const qsizetype firstLineEnd = help.indexOf(QLatin1Char('\n'));
    return QCoreApplication::translate("Cli", "Usage:") + QStringLiteral(" gitspaces-setup ") +
           usage + help.mid(firstLineEnd);
}

static void printHelp(QTextStream &out)
{
    out << QCoreApplication::translate("Cli", "Usage:") << '\n'
        << "  gitspaces-setup " << QString().leftJustified(29) << ' '
        << QCoreApplication::translate("Cli", "open the wizard") << '\n';
    for (const Subcommand &sub : subcommands()) {
        const QString usage = QString::fromLatin1(sub.usage);
        out << "  gitspaces-setup ";
        if (usage.size() > 29) // a long command line: its description goes under it
            out << usage << '\n' << QString(2 + 16 + 29 + 1, QLatin1Char(' '));
        else
            out << usage.leftJustified(29) << ' ';
        out << QCoreApplication::translate("Cli", sub.description) << '\n';
    }
    out << "  gitspaces-setup --help | --version\n\n"
        << QCoreApplication::translate("Cli",
                                       "Secrets are read from the keychain, from the environment "
                                       "variable GITSPACES_DELEGATE_TOKEN, or from standard input "
                                       "(--token-stdin); never from the command line.")
        << '\n';
}

bool dispatch(const QStringList &arguments, int *exitCode)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    QTextStream out(stdout);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        printHelp(out);
        *exitCode = Success;
        return true;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << "gitspaces-setup " << QCoreApplication::applicationVersion() << '\n';
        *exitCode = Success;
        return true;
    }
    for (const Subcommand &sub : subcommands()) {
        if (first == QLatin1String(sub.name)) {
            *exitCode = sub.run(arguments.mid(1));
            return true;
        }
    }
    if (first.startsWith(QLatin1Char('-')))
        return false; // Qt's own options (-platform, -style, …) for the GUI
    QTextStream err(stderr);
    err << QCoreApplication::translate("Cli", "gitspaces-setup: unknown command \"%1\".").arg(first)
        << '\n';
    printHelp(err);
    *exitCode = UsageError;
    return true;
}

} // namespace gs::cli
