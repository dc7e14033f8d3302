#include "SetupWizard.h"

namespace gs {

SetupWizard::SetupWizard(QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Gitspaces Host Setup"));
}

} // namespace gs
