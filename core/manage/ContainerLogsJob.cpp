#include "ContainerLogsJob.h"

#include "plan/ShellQuote.h"
#include "remote/RemoteSession.h"
#include "steps/LogDiagnosis.h"

#include <QCoreApplication>

namespace gs::manage {

ContainerLogsJob::ContainerLogsJob(steps::StepContext *context, ManagedContainer which, bool follow,
                                   int tailLines, QObject *parent)
    : ManageJob(context, parent)
    , m_which(which)
    , m_follow(follow)
    , m_tailLines(tailLines)
{
    qRegisterMetaType<gs::manage::LogLine>();
}

LogLine ContainerLogsJob::classify(ManagedContainer which, const QString &text)
{
    LogLine line{text, {}, {}, false};
    const QList<steps::LogFinding> findings = which == ManagedContainer::Runner
                                                  ? steps::LogDiagnosis::runnerFindings(text)
                                                  : steps::LogDiagnosis::delegateFindings(text);
    if (!findings.isEmpty()) {
        line.code = findings.first().code;
        line.meaning = findings.first().meaning;
        line.fatal = findings.first().fatal;
    }
    return line;
}

void ContainerLogsJob::run()
{
    ensureDocker([this] { stream(); });
}

void ContainerLogsJob::stream()
{
    const QString name = containerName(m_which, context()->config());
    QString command = QStringLiteral("docker logs --tail %1 ").arg(qMax(0, m_tailLines));
    if (m_follow)
        command += QStringLiteral("--follow ");
    command += shellQuote(name);
    steps::ExecOptions options;
    options.quiet = true;
    options.recordOutput = false; // a log can be long; the transcript keeps its size
    options.timeoutMs = m_follow ? 24 * 3600 * 1000 : 120000;
    options.onStdout = [this](const QByteArray &chunk) {
        take(chunk, false);
    };
    say(m_follow ? tr("Following the log of %1 (Cancel stops it)…").arg(name)
                 : tr("The last %n line(s) of the log of %1:", nullptr, m_tailLines).arg(name));
    exec(
        QStringLiteral("manage.logs.") + containerKey(m_which),
        context()->dockerCommand(command) + QStringLiteral(" 2>&1"),
        [this, name](const remote::CommandResult &result) {
            take({}, true);
            if (!result.succeeded()) {
                failCommand(tr("Reading the log of %1").arg(name), result);
                return;
            }
            succeed();
        },
        options);
}

void ContainerLogsJob::take(const QByteArray &chunk, bool flush)
{
    m_partial += chunk;
    QList<LogLine> lines;
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = m_partial.indexOf('\n', start);
        if (end < 0)
            break;
        QByteArray raw = m_partial.mid(start, end - start);
        if (raw.endsWith('\r'))
            raw.chop(1);
        lines << classify(m_which, redact(QString::fromUtf8(raw)));
        start = end + 1;
    }
    m_partial.remove(0, start);
    if (flush && !m_partial.isEmpty()) {
        lines << classify(m_which, redact(QString::fromUtf8(m_partial)));
        m_partial.clear();
    }
    if (lines.isEmpty())
        return;
    m_lineCount += int(lines.size());
    Q_EMIT linesReceived(lines);
}

} // namespace gs::manage
