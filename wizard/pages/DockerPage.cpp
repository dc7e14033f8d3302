#include "DockerPage.h"

#include "WizardModel.h"
#include "widgets/CommandView.h"
#include "widgets/LinkButton.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

namespace gs {

DockerPage::DockerPage(WizardModel *wizardModel, QWidget *parent)
    : SetupPage(wizardModel, parent)
{
    setObjectName(QStringLiteral("dockerPage"));
    setTitle(tr("Install Docker"));
    setSubTitle(tr("The runner and the delegate run as Docker containers on the VM. Run these "
                   "commands on the VM: they check for Docker and install it only if it is "
                   "missing."));
}

void DockerPage::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *guideRow = new QHBoxLayout;
    guideRow->addWidget(new QLabel(tr("Docker's own guide:"), this));
    auto *guide =
        new LinkButton(tr("docs.docker.com/engine/install"),
                       QUrl(QStringLiteral("https://docs.docker.com/engine/install/")), this);
    guide->setObjectName(QStringLiteral("dockerGuideLink"));
    guideRow->addWidget(guide);
    guideRow->addStretch();
    layout->addLayout(guideRow);
    m_commands = new CommandView(this);
    m_commands->setObjectName(QStringLiteral("dockerCommands"));
    layout->addWidget(m_commands, 1);
    m_runArea = addArea(layout, QStringLiteral("dockerRunArea"));
}

void DockerPage::refresh()
{
    const CommandBuilder builder = model()->builder();
    m_commands->setEntries(entriesFor(builder, builder.docker()));
}

} // namespace gs
