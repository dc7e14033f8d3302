// The real wizard, started the way app/main.cpp starts it (system keychain included).
#include "FirstPaint.h"

#include "SetupWizard.h"

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("gitspaces-setup-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("gitspaces-setup-bench"));
    QApplication app(argc, argv);
    gs::SetupWizard wizard;
    FirstPaintProbe probe(&wizard);
    wizard.show();
    return app.exec();
}
