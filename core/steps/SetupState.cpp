#include "SetupState.h"

#include <QCoreApplication>

#include <algorithm>

namespace gs::steps {

SetupState::Entry *SetupState::entry(StepKind kind)
{
    for (Entry &e : m_entries)
        if (e.kind == kind)
            return &e;
    Entry e;
    e.kind = kind;
    const auto at = std::find_if(m_entries.begin(), m_entries.end(), [kind](const Entry &other) {
        return int(other.kind) > int(kind);
    });
    return &*m_entries.insert(at, e);
}

const SetupState::Entry *SetupState::entry(StepKind kind) const
{
    for (const Entry &e : m_entries)
        if (e.kind == kind)
            return &e;
    return nullptr;
}

void SetupState::record(const StepResult &result)
{
    using S = StepResult::Status;
    if (result.step == StepKind::Uninstall) {
        if (result.status == S::Succeeded) {
            // What is gone has no warnings left; the uninstall itself is said by "removed".
            for (StepKind kind : {StepKind::Runner, StepKind::Delegate}) {
                Entry *e = entry(kind);
                e->status = Status::Removed;
                e->warnings.clear();
                e->error.clear();
            }
            m_entries.removeIf([](const Entry &e) { return e.kind == StepKind::Uninstall; });
            return;
        }
        if (result.status == S::Cancelled)
            return; // nothing is known to have changed beyond what the log says
    }
    Entry *e = entry(result.step);
    switch (result.status) {
    case S::Succeeded:
        // Preflight's findings describe the VM before the run, and later steps fix most of them
        // (Docker missing, …); only its lasting ones are carried. A later step's warnings are
        // about what it leaves behind.
        e->warnings = result.step == StepKind::Preflight ? result.caveats : result.warnings;
        e->warnings.removeDuplicates();
        e->status = e->warnings.isEmpty() ? Status::Done : Status::DoneWithWarnings;
        e->error.clear();
        break;
    case S::Cancelled:
        // A step cancelled half-way is not done, whatever it was before.
        e->status = Status::NotDone;
        e->warnings = result.caveats;
        e->error = result.error;
        break;
    case S::Failed:
    case S::NeedsReconnect:
        e->status = Status::Failed;
        e->warnings = result.caveats;
        e->error = result.error;
        break;
    }
}

void SetupState::setCaveat(const QString &key, const QString &text)
{
    m_caveats.removeIf([&key](const QPair<QString, QString> &c) { return c.first == key; });
    if (!text.isEmpty())
        m_caveats.append({key, text});
}

void SetupState::setLocalAccountProblem(const QString &problem)
{
    setCaveat(QStringLiteral("harness.account"),
              problem.isEmpty() ? QString()
                                : tr("Account check from this computer: %1").arg(problem));
}

void SetupState::setImageAgeWarning(const QString &warning)
{
    setCaveat(QStringLiteral("delegate.image"), warning);
}

void SetupState::clear()
{
    m_entries.clear();
    m_caveats.clear();
}

SetupState::Status SetupState::status(StepKind kind) const
{
    const Entry *e = entry(kind);
    return e ? e->status : Status::NotDone;
}

bool SetupState::isEmpty() const
{
    return m_entries.isEmpty() && m_caveats.isEmpty();
}

QStringList SetupState::warnings() const
{
    QStringList all;
    for (const Entry &e : m_entries)
        all << e.warnings;
    for (const auto &caveat : m_caveats)
        all << caveat.second;
    all.removeDuplicates();
    return all;
}

QString SetupState::statusText(Status status)
{
    switch (status) {
    case Status::NotDone:
        return tr("not done");
    case Status::Done:
        return tr("done");
    case Status::DoneWithWarnings:
        return tr("done, with warnings");
    case Status::Failed:
        return tr("failed");
    case Status::Removed:
        return tr("removed");
    }
    return {};
}

QStringList SetupState::lines() const
{
    QStringList lines;
    for (const Entry &e : m_entries) {
        QString line = tr("%1: %2").arg(stepTitle(e.kind), statusText(e.status));
        if (!e.error.isEmpty())
            line += QStringLiteral(" — ") + e.error;
        lines << line;
    }
    for (const QString &warning : warnings())
        lines << QStringLiteral("! ") + warning;
    return lines;
}

QString SetupState::headline() const
{
    if (m_entries.isEmpty())
        return tr("Nothing was run on the VM yet.");
    QStringList failed;
    QStringList notDone;
    for (const Entry &e : m_entries) {
        if (e.status == Status::Failed)
            failed << stepTitle(e.kind);
        else if (e.status == Status::NotDone)
            notDone << stepTitle(e.kind);
    }
    if (!failed.isEmpty())
        return tr("Not done: %1 failed; see the messages above.")
            .arg(failed.join(QStringLiteral(", ")));
    if (!notDone.isEmpty())
        return tr("Not done: %1 did not finish.").arg(notDone.join(QStringLiteral(", ")));
    const int warnings = int(this->warnings().size());
    if (warnings > 0)
        return tr("Done, with %n unresolved warning(s) (listed above).", nullptr, warnings);
    return tr("Done.");
}

} // namespace gs::steps
