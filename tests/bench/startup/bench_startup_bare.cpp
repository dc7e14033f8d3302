// The baseline: a bare QWizard with one page, nothing else.
#include "FirstPaint.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWizardPage>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QWizard wizard;
    auto *page = new QWizardPage;
    page->setTitle(QStringLiteral("Prerequisites"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(QStringLiteral("A bare page."), page));
    wizard.addPage(page);
    FirstPaintProbe probe(&wizard);
    wizard.show();
    return app.exec();
}
