#include "SelectorPage.h"

#include "WizardModel.h"
#include "widgets/CopyField.h"
#include "widgets/LinkButton.h"

#include <QFormLayout>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

namespace gs {

SelectorPage::SelectorPage(WizardModel *wizardModel, QWidget *parent)
    : SetupPage(wizardModel, parent)
{
    setObjectName(QStringLiteral("selectorPage"));
    setTitle(tr("Delegate Selector"));
    setSubTitle(tr("In Harness, open your Gitspace infrastructure (or edit it) and enter the "
                   "delegate name, or one of its tags, in the Delegate Selector field."));
}

void SelectorPage::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new CopyField(QStringLiteral("selectorDelegateName"), this);
    m_tags = new CopyField(QStringLiteral("selectorDelegateTags"), this);
    form->addRow(tr("Delegate name:"), m_name);
    form->addRow(tr("Delegate tags:"), m_tags);
    m_name->setFieldName(tr("Delegate name"));
    m_tags->setFieldName(tr("Delegate tags"));
    layout->addLayout(form);
    auto *docs = new LinkButton(
        tr("How delegate selectors and tags work"),
        QUrl(QStringLiteral("https://developer.harness.io/docs/platform/delegates/manage-delegates/"
                            "select-delegates-with-selectors#delegate-tags")),
        this);
    docs->setObjectName(QStringLiteral("selectorDocsLink"));
    layout->addWidget(docs);
    m_statusArea = addArea(layout, QStringLiteral("delegateStatusArea"));
    layout->addStretch();
}

void SelectorPage::refresh()
{
    const DelegateSettings &d = model()->config().delegate;
    m_name->setValue(d.name);
    m_tags->setValue(d.tags.join(QStringLiteral(", ")));
}

} // namespace gs
