// `gitspaces-setup status`: how the set-up VM is doing, in one round trip (manage::StatusJob).
#include "Cli.h"
#include "ManageCommand.h"
#include "util/Translate.h"

#include "manage/StatusJob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

namespace gs::cli {

namespace {

class StatusCommand : public ManageCommand
{
public:
    StatusCommand(const Flags &flags, bool json)
        : ManageCommand(flags)
        , m_json(json)
    {}

    static QString tr(const char *text)
    {
        return translateIn({"gs::cli::StatusCommand", "gs::cli"}, text);
    }

protected:
    steps::StepJob *createJob(steps::StepContext *context) override
    {
        auto *job = new manage::StatusJob(context, this);
        if (!apiKey().isEmpty() && !config().delegate.accountId.isEmpty())
            job->setHarness(harnessClient(), apiKey());
        return job;
    }

    int finished(steps::StepJob *job, const steps::StepResult &result) override
    {
        if (!result.ok()) {
            err() << result.error << Qt::endl;
            return UsageError; // the VM could not be asked
        }
        const manage::VmStatus &status = static_cast<manage::StatusJob *>(job)->status();
        if (m_json) {
            out() << QJsonDocument(status.toJson()).toJson(QJsonDocument::Indented);
            out().flush();
            return status.exitCode();
        }
        for (const QString &line : status.lines())
            out() << line << '\n';
        const QStringList problems = status.problems();
        const QStringList warnings = status.warnings();
        for (const QString &line : warnings)
            out() << tr("Warning:") << ' ' << line << '\n';
        for (const QString &line : problems)
            out() << tr("Problem:") << ' ' << line << '\n';
        out() << (problems.isEmpty() ? tr("Healthy: the runner and the delegate run and answer.")
                                     : tr("Not healthy (see the problems above)."))
              << Qt::endl;
        return status.exitCode();
    }

private:
    bool m_json;
};

} // namespace

int runStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        StatusCommand::tr("How the VM is doing: the runner, the delegate, the network and the "
                          "pool file. Exit 0 healthy, 1 something is down (named), 2 the VM "
                          "cannot be reached."));
    ManageCommand::addCommonOptions(parser, true);
    const QCommandLineOption json(QStringLiteral("json"), StatusCommand::tr("Print JSON."));
    parser.addOption(json);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, "status");
        return Success;
    }
    if (!parser.isSet(QStringLiteral("config")) || !parser.positionalArguments().isEmpty()) {
        err << StatusCommand::tr("Usage: gitspaces-setup status --config FILE [--json]") << '\n';
        return UsageError;
    }
    ManageCommand::Flags flags = ManageCommand::flagsFrom(parser);
    flags.wantsHarness = true;
    flags.progressToStderr = true; // stdout is the report
    StatusCommand command(flags, parser.isSet(json));
    QTimer::singleShot(0, &command, [&command] { command.start(); });
    return QCoreApplication::exec();
}

} // namespace gs::cli
