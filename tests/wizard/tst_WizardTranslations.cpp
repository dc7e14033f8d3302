// With the German catalogue loaded (as app/main.cpp loads it for a German locale), the wizard
// speaks German; and the catalogue is complete for what the wizard shows.

#include "WizardTestUtil.h"

#include "secrets/MemorySecretStore.h"

#include "harness/DelegateImage.h"
#include "plan/CommandBuilder.h"
#include "pool/PoolValidator.h"
#include "util/Catalogues.h"

#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace gs;
using namespace gs::test;

class TestWizardTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanTitles();
    void everyContextTheCodeNamesExists();
    void germanReachesCoreMessages();
    void englishSaysOneErrorAndThreeErrors();
    void englishCatalogueHasEveryPlural();
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

// lupdate files a tr() under the class or namespace it stands in; a file's own wrapper that names
// another context finds nothing and the text stays English. Every context named in a
// translate("…") call must be one the catalogue has.
void TestWizardTranslations::everyContextTheCodeNamesExists()
{
    QFile ts(QStringLiteral(GS_SOURCE_DIR "/translations/gitspaces-setup_de.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString catalogue = QString::fromUtf8(ts.readAll());
    // The catalogue is complete: nothing unfinished.
    QCOMPARE(catalogue.count(QLatin1String("type=\"unfinished\"")), 0);
    QSet<QString> contexts;
    static const QRegularExpression name(QStringLiteral("<name>([^<]*)</name>"));
    for (auto it = name.globalMatch(catalogue); it.hasNext();)
        contexts.insert(it.next().captured(1));
    static const QRegularExpression named(
        QStringLiteral("(?:translate\\(|translateIn\\(\\{)\\s*\"([^\"]+)\""));
    int files = 0;
    for (const char *root : {"core", "wizard", "app"}) {
        QDirIterator it(QStringLiteral(GS_SOURCE_DIR "/") + QLatin1String(root),
                        {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile source(it.next());
            QVERIFY(source.open(QIODevice::ReadOnly));
            ++files;
            const QString text = QString::fromUtf8(source.readAll());
            for (auto match = named.globalMatch(text); match.hasNext();) {
                const QString context = match.next().captured(1);
                QVERIFY2(contexts.contains(context),
                         qPrintable(source.fileName() + QStringLiteral(": ") + context));
            }
        }
    }
    QVERIFY(files > 50);
}

// Messages made in core (the plan's command titles, the checks' words) reach German too.
void TestWizardTranslations::germanReachesCoreMessages()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QTranslator translator;
    QVERIFY(translator.load(QLocale(), QStringLiteral("gitspaces-setup"), QStringLiteral("_"),
                            QStringLiteral(GS_BINARY_DIR "/translations")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    SetupConfig config;
    config.ssh.gcloudCommand = QStringLiteral(
        "gcloud compute ssh --zone us-west1-a gs-runner-vm --tunnel-through-iap --project p");
    const CommandBuilder plan(config);
    const QStringList english{QStringLiteral("Start the runner container"),
                              QStringLiteral("Create the runner directory"),
                              QStringLiteral("Install Docker")};
    for (const StepPlan &step : plan.all()) {
        QVERIFY2(!english.contains(step.title), qPrintable(step.title));
        for (const PlannedCommand &command : step.commands)
            QVERIFY2(!english.contains(command.summary), qPrintable(command.summary));
    }
    QVERIFY2(!plan.connect().commands.first().summary.startsWith(QLatin1String("Open a shell")),
             qPrintable(plan.connect().commands.first().summary));
    QVERIFY2(!Privileges::fromAnswer(true).describe().startsWith(QLatin1String("Docker and")),
             qPrintable(Privileges::fromAnswer(true).describe()));
    // A message with plural forms made through a file's own tr() wrapper.
    const QString age = harness::DelegateImage::checkAge(QStringLiteral("reg/delegate:25.03.85504"),
                                                         QDate(2026, 12, 1))
                            .message;
    QVERIFY2(age.startsWith(QLatin1String("Der Delegate-Image-Tag 25.03.85504")), qPrintable(age));
    QVERIFY2(age.contains(QLatin1String("21 Monate")), qPrintable(age));
    // The pool check's words from free functions ("a whole number") and from the schema table
    // (why a key is ignored): filed by lupdate under other contexts than the Validator's own.
    const pool::PoolReport report = pool::validatePool(
        "version: \"1\"\ninstances:\n  - name: p\n    type: google\n    pool: many\n"
        "    limit: 2\n    platform:\n      os: linux\n      arch: amd64\n    spec:\n"
        "      account:\n        project_id: my-proj\n      size: e2-small\n");
    QStringList messages;
    for (const pool::Diagnostic &d : report.diagnostics)
        messages << d.message;
    const QString all = messages.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("eine ganze Zahl")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("der google-Treiber liest nur `machine_type`")),
             qPrintable(all));
    QCoreApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::English));
}

namespace {

// (context, source) of each message with plural forms in a catalogue, and its forms.
QHash<QString, QStringList> pluralMessages(const QString &path)
{
    QHash<QString, QStringList> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            if (numerus)
                messages.insert(context + QLatin1Char('|') + source, {});
        } else if (xml.name() == QLatin1String("numerusform") && numerus) {
            messages[context + QLatin1Char('|') + source].append(xml.readElementText());
        }
    }
    return messages;
}

} // namespace

// The English source writes "%n error(s)"; the English catalogue makes it "1 error" and
// "3 errors", for an English locale and for one without a catalogue of its own.
void TestWizardTranslations::englishSaysOneErrorAndThreeErrors()
{
    for (const QLocale &locale : {QLocale(QLocale::English, QLocale::UnitedStates),
                                  QLocale(QLocale::French, QLocale::France)}) {
        QObject owner;
        installCatalogues(&owner, locale, QStringLiteral(GS_BINARY_DIR "/translations"));
        QCOMPARE(QCoreApplication::translate("gs::PoolEditorWidget", "%n error(s)", nullptr, 1),
                 QStringLiteral("1 error"));
        QCOMPARE(QCoreApplication::translate("gs::PoolEditorWidget", "%n error(s)", nullptr, 3),
                 QStringLiteral("3 errors"));
        QCOMPARE(QCoreApplication::translate("gs::PoolEditorWidget", "%n pool(s)", nullptr, 0),
                 QStringLiteral("0 pools"));
    }
    // Gone with its owner: the source text again.
    QCOMPARE(QCoreApplication::translate("gs::PoolEditorWidget", "%n error(s)", nullptr, 1),
             QStringLiteral("1 error(s)"));
}

// Every message with plural forms that German has, English has too, with both forms written.
void TestWizardTranslations::englishCatalogueHasEveryPlural()
{
    const auto german =
        pluralMessages(QStringLiteral(GS_SOURCE_DIR "/translations/gitspaces-setup_de.ts"));
    const auto english =
        pluralMessages(QStringLiteral(GS_SOURCE_DIR "/translations/gitspaces-setup_en.ts"));
    QVERIFY(german.size() > 20);
    for (auto it = german.cbegin(); it != german.cend(); ++it) {
        QVERIFY2(english.contains(it.key()), qPrintable(it.key()));
        const QStringList forms = english.value(it.key());
        QCOMPARE(forms.size(), 2);
        for (const QString &form : forms)
            QVERIFY2(!form.isEmpty() && !form.contains(QLatin1String("(s)")), qPrintable(it.key()));
    }
}

QTEST_MAIN(TestWizardTranslations)
#include "tst_WizardTranslations.moc"
