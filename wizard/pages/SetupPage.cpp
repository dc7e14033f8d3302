#include "SetupPage.h"

#include "WizardModel.h"

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
    Q_EMIT built();
}

void SetupPage::initializePage()
{
    ensureBuilt();
    loadFromModel();
    refresh();
}

QVBoxLayout *SetupPage::addArea(QLayout *parentLayout, const QString &objectName)
{
    // A widget holds the layout so it can be found by objectName and hidden as a whole.
    auto *holder = new QWidget(this);
    holder->setObjectName(objectName + QStringLiteral("Holder"));
    auto *area = new QVBoxLayout(holder);
    area->setObjectName(objectName);
    area->setContentsMargins(0, 0, 0, 0);
    parentLayout->addWidget(holder);
    return area;
}

CommandView::Entry SetupPage::entryFor(const CommandBuilder &builder, const PlannedCommand &command,
                                       const QByteArray &fileContent) const
{
    const bool revealed = m_model->tokenRevealed();
    // The token is handed over only once revealed: the masked and prompt forms never need it.
    const QString token = revealed ? m_model->token() : QString();
    CommandView::Entry entry;
    entry.id = command.id;
    entry.summary = command.summary;
    entry.optional = command.optional;
    entry.displayText = builder.renderForPaste(
        command, revealed ? TokenDisplay::Revealed : TokenDisplay::Masked, token, fileContent);
    entry.copyText = builder.renderForPaste(
        command, revealed ? TokenDisplay::Revealed : TokenDisplay::HiddenPrompt, token,
        fileContent);
    return entry;
}

QList<CommandView::Entry> SetupPage::entriesFor(const CommandBuilder &builder, const StepPlan &step,
                                                const ContentProvider &contentOf) const
{
    QList<CommandView::Entry> entries;
    for (const PlannedCommand &command : step.commands) {
        const QByteArray content = command.stdinFromFile.isEmpty() || !contentOf
                                       ? QByteArray()
                                       : contentOf(command.stdinFromFile);
        entries.append(entryFor(builder, command, content));
    }
    return entries;
}

} // namespace gs
