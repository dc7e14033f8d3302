#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gs::steps {

// A known log line of the runner or the delegate and what it means for the user.
struct LogFinding
{
    QString code;       // stable: "delegate.invalid-token", "runner.pool-unreadable", …
    QString line;       // the log line as it appeared
    QString meaning;    // translated: what it means and what to do
    bool fatal = false; // the container will not recover by waiting
};

// Recognises the failure lines of shared/reference/harness-delegate.md §3.3 and the runner's
// fatal lines (pool-file.md §4), so a failed wait ends with an explanation, not a timeout.
namespace LogDiagnosis {

QList<LogFinding> delegateFindings(const QString &log);
QList<LogFinding> runnerFindings(const QString &log);

// True once the delegate logged that the manager accepted it.
bool delegateRegistered(const QString &log, QString *delegateId = nullptr);

// The last `count` non-empty lines, for showing what a container said before it failed.
QStringList tail(const QString &log, int count);

} // namespace LogDiagnosis

} // namespace gs::steps
