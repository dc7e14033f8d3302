// `gitspaces-setup logs`: the runner's or the delegate's log, known failure lines explained.
#include "Cli.h"
#include "ManageCommand.h"
#include "util/Translate.h"

#include "manage/ContainerLogsJob.h"
#include "steps/StepJob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace gs::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

class LogsCommand : public ManageCommand
{
public:
    LogsCommand(const Flags &flags, manage::ManagedContainer which, bool follow, int tail)
        : ManageCommand(flags)
        , m_which(which)
        , m_follow(follow)
        , m_tail(tail)
        , m_color(::isatty(STDOUT_FILENO) == 1)
    {
        // Ctrl-C stops the stream at once (the remote `docker logs` is signalled), or the
        // command before it connected.
        std::signal(SIGINT, onInterrupt);
        auto *watch = new QTimer(this);
        connect(watch, &QTimer::timeout, this, [this] {
            if (!g_interrupted.exchange(false))
                return;
            if (m_job)
                m_job->cancel();
            else
                quit(Success);
        });
        watch->start(100);
    }

    static QString tr(const char *text)
    {
        return translateIn({"gs::cli::LogsCommand", "gs::cli"}, text);
    }

protected:
    steps::StepJob *createJob(steps::StepContext *context) override
    {
        auto *job = new manage::ContainerLogsJob(context, m_which, m_follow, m_tail, this);
        connect(job, &manage::ContainerLogsJob::linesReceived, this,
                [this](const QList<manage::LogLine> &lines) { print(lines); });
        m_job = job;
        return job;
    }

    int finished(steps::StepJob *, const steps::StepResult &result) override
    {
        out().flush();
        if (result.ok() || result.status == steps::StepResult::Status::Cancelled)
            return Success;
        err() << result.error << Qt::endl;
        return Failure;
    }

private:
    void print(const QList<manage::LogLine> &lines)
    {
        for (const manage::LogLine &line : lines) {
            if (line.code.isEmpty()) {
                out() << line.text << '\n';
                continue;
            }
            const char *on = m_color ? (line.fatal ? "\033[1;31m" : "\033[1;33m") : "";
            const char *off = m_color ? "\033[0m" : "";
            out() << on << line.text << off << '\n'
                  << on << "  ^ " << line.meaning << " [" << line.code << ']' << off << '\n';
        }
        out().flush();
    }

    QPointer<steps::StepJob> m_job;
    manage::ManagedContainer m_which;
    bool m_follow;
    int m_tail;
    bool m_color;
};

} // namespace

int runLogs(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        LogsCommand::tr("Print the log of the runner or the delegate; known failure lines are "
                        "followed by what they mean."));
    ManageCommand::addCommonOptions(parser, false);
    const QCommandLineOption follow({QStringLiteral("f"), QStringLiteral("follow")},
                                    LogsCommand::tr("Keep printing new lines until Ctrl-C."));
    const QCommandLineOption tail(QStringLiteral("tail"),
                                  LogsCommand::tr("How many of the last lines (default 200)."),
                                  LogsCommand::tr("N"), QStringLiteral("200"));
    parser.addOptions({follow, tail});
    parser.addPositionalArgument(QStringLiteral("container"), QStringLiteral("runner|delegate"));
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, "logs");
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString which = positional.value(0);
    bool validTail = false;
    const int tailLines = parser.value(tail).toInt(&validTail);
    if (!parser.isSet(QStringLiteral("config")) || positional.size() != 1 ||
        (which != QLatin1String("runner") && which != QLatin1String("delegate")) || !validTail ||
        tailLines < 0) {
        err << LogsCommand::tr(
                   "Usage: gitspaces-setup logs --config FILE runner|delegate [--follow] "
                   "[--tail N]")
            << '\n';
        return UsageError;
    }
    ManageCommand::Flags flags = ManageCommand::flagsFrom(parser);
    flags.progressToStderr = true; // stdout is the log
    LogsCommand command(flags,
                        which == QLatin1String("runner") ? manage::ManagedContainer::Runner
                                                         : manage::ManagedContainer::Delegate,
                        parser.isSet(follow), tailLines);
    QTimer::singleShot(0, &command, [&command] { command.start(); });
    return QCoreApplication::exec();
}

} // namespace gs::cli
