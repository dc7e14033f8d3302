// With the German catalogue loaded (as app/main.cpp loads it for a German locale), the wizard
// speaks German; and the catalogue is complete for what the wizard shows.

#include "WizardTestUtil.h"

#include "secrets/MemorySecretStore.h"

#include <QLocale>
#include <QPushButton>
#include <QTranslator>

using namespace gs;
using namespace gs::test;

class TestWizardTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanTitles();
};

void TestWizardTranslations::germanTitles()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QTranslator translator;
    // Same lookup as app/main.cpp, on the catalogue lrelease built (embedded at :/i18n there).
    QVERIFY(translator.load(QLocale(), QStringLiteral("gitspaces-setup"), QStringLiteral("_"),
                            QStringLiteral(GS_BINARY_DIR "/translations")));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    MemorySecretStore store;
    SetupWizard wizard(&store);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.windowTitle(), QStringLiteral("Gitspaces-Host-Einrichtung"));
    QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Voraussetzungen"));

    // Every page title is translated (none left as the English source).
    const QStringList english{QStringLiteral("Prerequisites"),
                              QStringLiteral("Connect to the VM"),
                              QStringLiteral("Install Docker"),
                              QStringLiteral("Start the VM Runner"),
                              QStringLiteral("Install the Delegate"),
                              QStringLiteral("Delegate Selector"),
                              QStringLiteral("Summary")};
    for (int id : wizard.pageIds()) {
        QWizardPage *page = wizard.page(id);
        QVERIFY2(!page->title().isEmpty(), qPrintable(QString::number(id)));
        QVERIFY2(!english.contains(page->title()), qPrintable(page->title()));
        QVERIFY2(!page->subTitle().isEmpty(), qPrintable(page->title()));
    }
    QCOMPARE(wizard.page(SetupWizard::Docker)->title(), QStringLiteral("Docker installieren"));

    // Widgets built on first show are German too.
    typeInto(child<QLineEdit>(wizard.currentPage(), "prereqPoolFileEdit"), QStringLiteral("/x"));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QTRY_COMPARE(wizard.currentId(), int(SetupWizard::Connect));
    QCOMPARE(child<QPushButton>(wizard.currentPage(), "copyAllButton")->text(),
             QStringLiteral("Alle kopieren"));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestWizardTranslations)
#include "tst_WizardTranslations.moc"
