// A canary token typed into the wizard must appear in nothing the app writes or prints: not the
// answers file, not QSettings, not the exported script, not the log, not the clipboard (unless
// the user revealed it). It must reach the keychain, and only that.

#include "WizardTestUtil.h"

#include "pages/SummaryPage.h"
#include "widgets/FileDialogs.h"

#include "secrets/MemorySecretStore.h"

#include <QApplication>
#include <QClipboard>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>

#include <memory>

using namespace gs;
using namespace gs::test;

namespace {

// Valid format (44 chars of base64 ending in '='), so every page accepts it.
const QString Canary = QStringLiteral("Y2FuYXJ5Y2FuYXJ5Y2FuYXJ5Y2FuYXJ5MTIzNDU2Nzg=");
const QString AccountId = QStringLiteral("CANARYacct0123456789_-");

QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog.append(QString::fromLatin1(context.category ? context.category : "") +
                           QLatin1Char(' ') + message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTokenCanary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void canaryLeavesNoTrace();
    void revealedCanaryReachesOnlyTheClipboard();

private:
    void walkAndCopyEverything(SetupWizard *wizard, QStringList *clipboards);

    QTemporaryDir m_dir;
    QString m_poolFile;
};

void TestTokenCanary::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
    qputenv("HOME", m_dir.filePath(QStringLiteral("home")).toUtf8());
    QDir(m_dir.path()).mkpath(QStringLiteral("home"));
    // All of our categories at every level, and Qt's warnings, go through our handler.
    QLoggingCategory::setFilterRules(QStringLiteral("gs.*.debug=true"));
    previousHandler = qInstallMessageHandler(captureMessage);

    m_poolFile = m_dir.filePath(QStringLiteral("pool.yaml"));
    QFile pool(m_poolFile);
    QVERIFY(pool.open(QIODevice::WriteOnly));
    pool.write("version: \"1\"\ninstances:\n  - name: gitspaces\n    type: google\n");
}

void TestTokenCanary::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

// Every page, every copy button, the answers saved, the script exported.
void TestTokenCanary::walkAndCopyEverything(SetupWizard *w, QStringList *clipboards)
{
    const auto copyAll = [&] {
        for (auto *view : w->currentPage()->findChildren<CommandView *>()) {
            for (auto *button : view->findChildren<QAbstractButton *>()) {
                QApplication::clipboard()->clear();
                QTest::mouseClick(button, Qt::LeftButton);
                clipboards->append(QApplication::clipboard()->text());
            }
        }
    };
    const auto next = [&](int id) {
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        QTRY_COMPARE(w->currentId(), id);
    };

    typeInto(child<QLineEdit>(w->currentPage(), "prereqPoolFileEdit"), m_poolFile);
    next(SetupWizard::Connect);
    typeInto(child<QLineEdit>(w->currentPage(), "gcloudCommandEdit"),
             QStringLiteral("gcloud compute ssh --zone us-west1-a gs-vm --tunnel-through-iap"));
    copyAll();
    next(SetupWizard::Docker);
    copyAll();
    next(SetupWizard::Runner);
    copyAll();
    continueDespitePoolErrors(w->currentPage());
    next(SetupWizard::Delegate);
    typeInto(child<QLineEdit>(w->currentPage(), "accountIdEdit"), AccountId);
    typeInto(child<QLineEdit>(w->currentPage(), "tokenEdit"), Canary);
    typeInto(child<QLineEdit>(w->currentPage(), "delegateTagsEdit"), QStringLiteral("gitspaces"));
    // "Remember" is opt-in: chosen here, so the canary's one allowed place is the keychain.
    clickIndicator(child<QAbstractButton>(w->currentPage(), "rememberSecretsCheck"));
    copyAll();
    next(SetupWizard::Selector);
    for (auto *button : w->currentPage()->findChildren<QToolButton *>()) {
        QTest::mouseClick(button, Qt::LeftButton);
        clipboards->append(QApplication::clipboard()->text());
    }
    next(SetupWizard::Summary);
    FileDialogs::setNextAnswerForTests(m_dir.filePath(QStringLiteral("answers.yaml")));
    QTest::mouseClick(child<QPushButton>(w->currentPage(), "saveAnswersButton"), Qt::LeftButton);
    FileDialogs::setNextAnswerForTests(m_dir.filePath(QStringLiteral("setup.sh")));
    QTest::mouseClick(child<QPushButton>(w->currentPage(), "exportScriptButton"), Qt::LeftButton);
    FileDialogs::setNextAnswerForTests(m_dir.filePath(QStringLiteral("ansible")));
    QTest::mouseClick(child<QPushButton>(w->currentPage(), "exportAnsibleButton"), Qt::LeftButton);
}

void TestTokenCanary::canaryLeavesNoTrace()
{
    MemorySecretStore store;
    QStringList clipboards;
    {
        SetupWizard wizard(&store);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        walkAndCopyEverything(&wizard, &clipboards);
        QVERIFY(!QTest::currentTestFailed());
        // The text fields do hold it (the test would prove nothing otherwise).
        QCOMPARE(wizard.model()->token(), Canary);
        QTRY_COMPARE(store.entries().value(QLatin1String(SecretKeys::DelegateToken)), Canary);
        QCOMPARE(store.entries().value(QLatin1String(SecretKeys::AccountId)), AccountId);
        wizard.close();
    } // the destructor writes QSettings

    QVERIFY(clipboards.size() > 10);
    for (const QString &clip : std::as_const(clipboards))
        QVERIFY2(!clip.contains(Canary), qPrintable(clip));

    const QByteArray answers = readAll(m_dir.filePath(QStringLiteral("answers.yaml")));
    QVERIFY(answers.contains("gs-vm"));
    QVERIFY(!answers.contains(Canary.toUtf8()));
    QVERIFY(!answers.contains(AccountId.toUtf8()));

    const QByteArray script = readAll(m_dir.filePath(QStringLiteral("setup.sh")));
    QVERIFY(script.contains("read -rs"));
    QVERIFY(!script.contains(Canary.toUtf8()));

    // The Ansible export: the VM behind IAP, the token read at run time, never written.
    const QString ansible = m_dir.filePath(QStringLiteral("ansible"));
    QVERIFY(readAll(ansible + QStringLiteral("/inventory.yml")).contains("start-iap-tunnel gs-vm"));
    QVERIFY(readAll(ansible + QStringLiteral("/site.yml")).contains("GITSPACES_DELEGATE_TOKEN"));
    const QStringList exported = filesUnder(ansible);
    QVERIFY(exported.size() >= 7);
    for (const QString &file : exported)
        QVERIFY2(!readAll(file).contains(Canary.toUtf8()), qPrintable(file));

    // Every settings file and every test-mode standard location.
    QStringList files = filesUnder(m_dir.filePath(QStringLiteral("settings")));
    for (auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
                          QStandardPaths::CacheLocation, QStandardPaths::GenericConfigLocation})
        files += filesUnder(QStandardPaths::writableLocation(location));
    files += filesUnder(m_dir.filePath(QStringLiteral("home")));
    QVERIFY2(!files.isEmpty(), "the wizard wrote no settings at all; the check would be empty");
    for (const QString &file : std::as_const(files))
        QVERIFY2(!readAll(file).contains(Canary.toUtf8()), qPrintable(file));

    QMutexLocker lock(&logMutex);
    QVERIFY(capturedLog.size() > 3); // the wizard does log (gs.wizard, gs.secrets)
    for (const QString &line : std::as_const(capturedLog))
        QVERIFY2(!line.contains(Canary), qPrintable(line));
}

void TestTokenCanary::revealedCanaryReachesOnlyTheClipboard()
{
    MemorySecretStore store;
    SetupWizard wizard(&store);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QStringList clipboards;
    walkAndCopyEverything(&wizard, &clipboards);
    wizard.back();
    wizard.back();
    QTRY_COMPARE(wizard.currentId(), int(SetupWizard::Delegate));
    QTest::mouseClick(child<QToolButton>(wizard.currentPage(), "revealTokenButton"),
                      Qt::LeftButton);
    auto *view = child<CommandView>(wizard.currentPage(), "delegateCommands");
    QTest::mouseClick(child<QToolButton>(view, "copyButton_delegate_run"), Qt::LeftButton);
    // Revealed on request: now the clipboard holds it, which shows the check above can fail.
    QVERIFY(QApplication::clipboard()->text().contains(Canary));
    // The exported script still asks at a hidden prompt.
    wizard.summaryPage()->exportScript(m_dir.filePath(QStringLiteral("revealed.sh")));
    QVERIFY(!readAll(m_dir.filePath(QStringLiteral("revealed.sh"))).contains(Canary.toUtf8()));
    QMutexLocker lock(&logMutex);
    for (const QString &line : std::as_const(capturedLog))
        QVERIFY2(!line.contains(Canary), qPrintable(line));
}

QTEST_MAIN(TestTokenCanary)
#include "tst_TokenCanary.moc"
