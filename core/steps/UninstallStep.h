#pragma once

#include "StepJob.h"

#include <QHash>

namespace gs::steps {

// Removes the delegate and the runner containers and, on request, the harness network and the
// runner directory. plan() gives the commands so a page can show them before anything runs;
// the step runs only those whose target exists, so it can be repeated.
class UninstallStep : public StepJob
{
    Q_OBJECT
public:
    explicit UninstallStep(StepContext *context, QObject *parent = nullptr);

    // "uninstall.delegate", "uninstall.runner", then (on request) "uninstall.network" and
    // "uninstall.directory". Uses RunOptions::removeNetworkOnUninstall/…DirectoryOnUninstall.
    static StepPlan plan(const StepContext &context);

protected:
    void run() override;

private:
    void next();
    QList<PlannedCommand> m_todo;
    QHash<QString, QString> m_state;
};

} // namespace gs::steps
