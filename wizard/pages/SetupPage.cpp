#include "SetupPage.h"

#include "WizardModel.h"
#include "widgets/WheelGuard.h"

#include <QVBoxLayout>
#include <QWidget>

namespace gs {

SetupPage::SetupPage(WizardModel *wizardModel, QWidget *parent)
    : QWizardPage(parent)
    , m_model(wizardModel)
{
    connect(wizardModel, &WizardModel::replaced, this, [this] {
        if (!m_built)
            return; // loads the model when built
        loadFromModel();
        refresh();
    });
    connect(wizardModel, &WizardModel::changed, this, [this] {
        if (m_built)
            refresh();
    });
}

void SetupPage::ensureBuilt()
{
    if (m_built)
        return;
    m_built = true;
    build();
    guardWheel(this);
    Q_EMIT built();
}

void SetupPage::initializePage()
{
    ensureBuilt();
    loadFromModel();
    refresh();
}

QString SetupPage::runBlockedReason() const
{
    if (isComplete())
        return {};
    return tr("Complete this page first: the fields above say what is missing.");
}

QVBoxLayout *SetupPage::addArea(QBoxLayout *parentLayout, const QString &objectName, int stretch)
{
    // A widget holds the layout so it can be found by objectName and hidden as a whole.
    auto *holder = new QWidget(this);
    holder->setObjectName(objectName + QStringLiteral("Holder"));
    auto *area = new QVBoxLayout(holder);
    area->setObjectName(objectName);
    area->setContentsMargins(0, 0, 0, 0);
    parentLayout->addWidget(holder, stretch);
    return area;
}

CommandView::Entry SetupPage::entryFor(const CommandBuilder &builder,
                                       const PlannedCommand &command) const
{
    const bool revealed = m_model->tokenRevealed();
    // The token is handed over only once revealed; until then the shown and the copied text are
    // the same, with the token read at a hidden prompt.
    const QString token = revealed ? m_model->token() : QString();
    CommandView::Entry entry;
    entry.id = command.id;
    entry.summary = command.summary;
    entry.optional = command.optional;
    entry.displayText = builder.renderForPaste(
        command, revealed ? TokenDisplay::Revealed : TokenDisplay::HiddenPrompt, token);
    entry.copyText = entry.displayText;
    return entry;
}

QList<CommandView::Entry> SetupPage::entriesFor(const CommandBuilder &builder,
                                                const StepPlan &step) const
{
    QList<CommandView::Entry> entries;
    for (const PlannedCommand &command : step.commands)
        entries.append(entryFor(builder, command));
    return entries;
}

} // namespace gs
