#pragma once

#include "StepJob.h"

#include <QHash>

namespace gs::steps {

// Removes what the setup made and nothing else: the delegate and the runner containers when
// they carry our label (Names::Label) or the setup adopted them (Names::AdoptedRecord), on
// request the harness network when no other container is attached to it, and the files the
// setup wrote into the runner directory, then `rmdir` of the directory (never `rm -rf`: a file
// someone else put there keeps it). plan() gives the commands so a page can show them before
// anything runs; each one checks on the VM that its target is ours, so a pasted copy is as safe.
// The step looks first, says what it leaves and why, and runs only what is needed, so it can be
// repeated (a second run changes nothing and says so).
class UninstallStep : public StepJob
{
    Q_OBJECT
public:
    explicit UninstallStep(StepContext *context, QObject *parent = nullptr);

    // "uninstall.delegate", "uninstall.runner", then (on request) "uninstall.network",
    // "uninstall.files" and "uninstall.directory" (the latter only for a directory rmdir may
    // take: absolute, not "/", no "." or ".." part). Uses RunOptions::removeNetworkOnUninstall/
    // …DirectoryOnUninstall.
    static StepPlan plan(const StepContext &context);

    // The runner directory as uninstall names it: repeated and trailing slashes dropped ("/"
    // stays "/"). Empty when rmdir must not be tried on it (relative, "/", "." or "..").
    static QString removableDirectory(const QString &directory);
    // The files the setup writes into the runner directory (pool.yaml, the key, their
    // temporary names, the adopted record), as names inside it.
    static QStringList filesWeWrite(const SetupConfig &config);

protected:
    void run() override;

private:
    void analyse(const QByteArray &probeOutput);
    // analyse()'s parts: each queues (m_todo) what is ours to remove, and says what it leaves.
    QStringList checkContainers(const QHash<QString, QString> &values, const QStringList &adopted,
                                const StepPlan &all); // the names of the containers to remove
    void checkNetwork(const QHash<QString, QString> &values, const QStringList &attached,
                      const QStringList &removing, const StepPlan &all);
    void checkDirectory(const QHash<QString, QString> &values, const QStringList &entries,
                        const StepPlan &all);
    void confirmRemoval();
    void next();
    QString doneText(const QString &commandId) const; // "Removed …", for the result
    QList<PlannedCommand> m_todo;
};

} // namespace gs::steps
