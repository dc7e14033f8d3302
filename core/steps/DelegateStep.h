#pragma once

#include "StepJob.h"

#include <QHash>

namespace gs::steps {

// The Harness delegate: every variable of the documented command, the token on stdin
// (`--env-file /dev/stdin`, never argv or a file), an existing container kept or replaced, then
// its health and the "Delegate registered with id" line; known failure lines explained.
class DelegateStep : public StepJob
{
    Q_OBJECT
public:
    explicit DelegateStep(StepContext *context, QObject *parent = nullptr);

    // The delegate's id from its "registered" line, once verified.
    QString delegateId() const { return m_delegateId; }

    // Sets nothing up: only waits until the container that runs now is healthy (after a restart
    // or a pool edit). `logsSince` (when it started, as Docker prints it) keeps the log lines of
    // its earlier runs out of the verdict.
    void setVerifyOnly(const QString &logsSince)
    {
        m_verifyOnly = true;
        m_logsSince = logsSince;
    }

protected:
    void run() override;

private:
    void inspect();
    void adoptOrReplace(const QHash<QString, QString> &values);
    void startContainer(bool replacing);
    void waitHealthy();
    void poll();
    QString healthProbe() const;
    void judgeHealth(const remote::CommandResult &result);

    StepPlan m_plan;
    QString m_delegateId;
    int m_waitStartedMs = 0;
    int m_logLinesShown = 0;
    bool m_verifyOnly = false;
    QString m_logsSince;
};

} // namespace gs::steps
