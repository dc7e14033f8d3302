// `gitspaces-setup upgrade-delegate`: the running delegate to another tag, keeping its token.
#include "Cli.h"
#include "ManageCommand.h"
#include "Terminal.h"
#include "util/Translate.h"

#include "manage/DelegateUpgradeJob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

namespace gs::cli {

namespace {

class UpgradeDelegateCommand : public ManageCommand
{
public:
    UpgradeDelegateCommand(const Flags &flags, const QString &tag, bool yes)
        : ManageCommand(flags)
        , m_tag(tag)
        , m_yes(yes)
    {}

    static QString tr(const char *text)
    {
        return translateIn({"gs::cli::UpgradeDelegateCommand", "gs::cli"}, text);
    }

protected:
    steps::StepJob *createJob(steps::StepContext *context) override
    {
        auto *job = new manage::DelegateUpgradeJob(context, this);
        job->setTag(m_tag);
        if (!apiKey().isEmpty())
            job->setHarness(harnessClient(), apiKey());
        return job;
    }

    std::optional<bool> answer(const steps::Decision &decision) override
    {
        if (decision.kind != steps::Decision::Kind::ConfirmUpgrade)
            return std::nullopt;
        out() << decision.details << '\n' << tr("Commands:") << '\n';
        for (const QString &command : decision.commands)
            out() << "    " << QString(command).replace(QLatin1Char('\n'), QStringLiteral("\n    "))
                  << '\n';
        out().flush();
        if (m_yes)
            return true;
        if (!Terminal::isInteractive()) {
            err() << tr("No terminal to ask: run again with --yes to upgrade.") << Qt::endl;
            return false;
        }
        return Terminal::confirm(err(), decision.question);
    }

    int finished(steps::StepJob *, const steps::StepResult &result) override
    {
        // What was done and found was printed as it happened (progress lines).
        if (result.ok()) {
            out() << (result.done.isEmpty() ? tr("Nothing to upgrade.")
                                            : tr("Upgraded: the delegate runs, is healthy and "
                                                 "registered."))
                  << Qt::endl;
            return Success;
        }
        if (result.status == steps::StepResult::Status::Cancelled) {
            out() << tr("Not upgraded.") << Qt::endl;
            return Failure;
        }
        err() << result.error << Qt::endl;
        for (const QString &line : result.logLines)
            err() << "    | " << line << '\n';
        err().flush();
        return Failure;
    }

private:
    QString m_tag;
    bool m_yes;
};

} // namespace

int runUpgradeDelegate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(UpgradeDelegateCommand::tr(
        "Upgrade the running delegate to another image tag. Its name, account, tags, manager and "
        "token are read from the container and kept: no token needs to be given."));
    ManageCommand::addCommonOptions(parser, true);
    const QCommandLineOption tag(
        QStringLiteral("tag"),
        UpgradeDelegateCommand::tr("The tag to upgrade to (default: the latest supported version "
                                   "Harness names; needs an API key)."),
        UpgradeDelegateCommand::tr("TAG"));
    const QCommandLineOption yes(QStringLiteral("yes"),
                                 UpgradeDelegateCommand::tr("Upgrade without asking."));
    parser.addOptions({tag, yes});
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, "upgrade-delegate");
        return Success;
    }
    if (!parser.isSet(QStringLiteral("config")) || !parser.positionalArguments().isEmpty()) {
        err << UpgradeDelegateCommand::tr(
                   "Usage: gitspaces-setup upgrade-delegate --config FILE [--tag TAG] [--yes]")
            << '\n';
        return UsageError;
    }
    ManageCommand::Flags flags = ManageCommand::flagsFrom(parser);
    flags.wantsHarness = !parser.isSet(tag); // the latest version needs the API key
    UpgradeDelegateCommand command(flags, parser.value(tag), parser.isSet(yes));
    QTimer::singleShot(0, &command, [&command] { command.start(); });
    return QCoreApplication::exec();
}

} // namespace gs::cli
