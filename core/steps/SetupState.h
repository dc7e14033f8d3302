#pragma once

#include "StepTypes.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace gs::steps {

// What the VM has, as far as this run knows: one status per step and the warnings that are still
// true at the end. Every action updates it (a page's "Run for me", a whole run, uninstall), and
// both the wizard's Summary and `apply`'s last lines render it, so they cannot disagree.
class SetupState
{
    Q_DECLARE_TR_FUNCTIONS(SetupState)

public:
    enum class Status { NotDone, Done, DoneWithWarnings, Failed, Removed };

    // The latest result of a step. Uninstall marks the runner and the delegate removed (their
    // warnings go with them); a failed uninstall shows as such and changes nothing else.
    void record(const StepResult &result);
    // A warning that no step result carries (a check made from this computer, …): `key` names
    // it so a later check replaces it; an empty text clears it.
    void setCaveat(const QString &key, const QString &text);
    // What this computer found before the VM was asked, in one wording for the CLI and the
    // pages: the account check's problem and the delegate image's age (empty: nothing to say).
    void setLocalAccountProblem(const QString &problem);
    void setImageAgeWarning(const QString &warning);
    // Another VM: forget the steps (the caveats set from outside are about this computer).
    void clearSteps() { m_entries.clear(); }
    void clear();

    Status status(StepKind kind) const;
    bool isEmpty() const;
    // Unresolved warnings, each once, in step order, then the caveats set from outside.
    QStringList warnings() const;

    static QString statusText(Status status); // translated: "done", "removed", …
    // "VM runner: done", one line per step that ran, then "! warning" lines.
    QStringList lines() const;
    // One line for the end of `apply`/`check`/`uninstall`: all done, done with N warnings, or
    // what failed.
    QString headline() const;

private:
    struct Entry
    {
        StepKind kind = StepKind::Preflight;
        Status status = Status::NotDone;
        QStringList warnings;
        QString error;
    };
    Entry *entry(StepKind kind);
    const Entry *entry(StepKind kind) const;

    QList<Entry> m_entries; // in StepKind order
    QList<QPair<QString, QString>> m_caveats;
};

} // namespace gs::steps
