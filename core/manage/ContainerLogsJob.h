#pragma once

#include "ManageJob.h"
#include "ManagedContainer.h"

namespace gs::manage {

// One line of a container's log, with what it means when it is a known failure line.
struct LogLine
{
    QString text;    // secrets masked
    QString code;    // LogFinding::code, empty for an ordinary line
    QString meaning; // translated explanation, empty for an ordinary line
    bool fatal = false;
};

// `docker logs` of the runner or the delegate, streamed line by line as it arrives; with
// `follow` it runs until cancel(), which stops it at once (the remote command is signalled).
// Known failure lines (LogDiagnosis) come with their explanation.
class ContainerLogsJob : public ManageJob
{
    Q_OBJECT
public:
    ContainerLogsJob(steps::StepContext *context, ManagedContainer which, bool follow,
                     int tailLines = 200, QObject *parent = nullptr);

    ManagedContainer container() const { return m_which; }
    int lineCount() const { return m_lineCount; }

    // A log line classified against the container's known failure lines.
    static LogLine classify(ManagedContainer which, const QString &text);

Q_SIGNALS:
    void linesReceived(const QList<gs::manage::LogLine> &lines);

protected:
    void run() override;

private:
    void stream();
    void take(const QByteArray &chunk, bool flush);

    ManagedContainer m_which;
    bool m_follow;
    int m_tailLines;
    QByteArray m_partial; // a line not yet ended
    int m_lineCount = 0;
};

} // namespace gs::manage

Q_DECLARE_METATYPE(gs::manage::LogLine)
