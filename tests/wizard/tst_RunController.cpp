// The "Run for me" wiring without a host: what the pages get embedded, what stays disabled
// without a connection, where the Harness API key goes, and what the Summary page shows.

#include "WizardTestUtil.h"

#include "../steps/FakeRemoteSession.h"

#include "RunController.h"
#include "SetupWizard.h"
#include "WizardModel.h"
#include "connect/ConnectionPanel.h"
#include "harness/AccountCheckWidget.h"
#include "harness/DelegateStatusWidget.h"
#include "pages/ConnectPage.h"
#include "pages/DelegatePage.h"
#include "pages/RunnerPage.h"
#include "pages/SummaryPage.h"
#include "pooleditor/PoolCodeEditor.h"
#include "pooleditor/PoolEditorWidget.h"
#include "run/RunPanel.h"
#include "widgets/FileDialogs.h"
#include "widgets/InlineError.h"

#include "plan/InputChecks.h"
#include "secrets/MemorySecretStore.h"
#include "steps/SetupState.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"
#include "steps/UninstallStep.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDirIterator>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace gs;
using namespace gs::test;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(GS_SOURCE_DIR "/tests/steps/data/") + QLatin1String(name);
}

const QString kApiKey = QStringLiteral("pat.CANARY-api-key.0123456789abcdef");

} // namespace

class tst_RunController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<SetupWizard> m_wizard;

    SetupWizard *makeWizard()
    {
        m_store = std::make_unique<MemorySecretStore>();
        m_wizard = std::make_unique<SetupWizard>(m_store.get());
        m_wizard->show();
        if (!QTest::qWaitForWindowExposed(m_wizard.get()))
            qWarning("wizard not exposed");
        return m_wizard.get();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".config"))));
        QCoreApplication::setOrganizationName(QStringLiteral("gitspaces-setup-tests"));
    }
    void init() { QSettings().clear(); }
    void cleanup()
    {
        m_wizard.reset();
        m_store.reset();
    }

    void nothingEmbeddedBeforeShown()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        QVERIFY(run);
        // Start-up builds the first page only: no panel for pages not yet shown.
        QVERIFY(!run->connectionPanel());
        QVERIFY(!run->runPanel(steps::StepKind::Docker));
        QVERIFY(!run->poolEditor());
        QVERIFY(!run->poolCheckLabel()); // not before a file is chosen
    }

    void runDisabledWithoutConnection()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        QVERIFY(run->connectionPanel());
        for (steps::StepKind kind : {steps::StepKind::Docker, steps::StepKind::Runner,
                                     steps::StepKind::Delegate, steps::StepKind::Uninstall}) {
            RunPanel *panel = run->runPanel(kind);
            QVERIFY2(panel, qPrintable(steps::stepKey(kind)));
            QVERIFY(!panel->isEnabled());
            auto *hint = w->findChild<QLabel *>(QStringLiteral("runHint_") + steps::stepKey(kind));
            QVERIFY(hint);
            QVERIFY(!hint->isHidden());
        }
    }

    void poolCheckSummary_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("hasError");
        QTest::newRow("valid") << dataFile("pool.yaml") << false;
        QTest::newRow("errors") << dataFile("pool-errors.yaml") << true;
    }
    void poolCheckSummary()
    {
        QFETCH(QString, file);
        QFETCH(bool, hasError);
        SetupWizard *w = makeWizard();
        typeInto(child<QLineEdit>(w->currentPage(), "prereqPoolFileEdit"), file);
        QLabel *summary = w->runController()->poolCheckLabel();
        QVERIFY(summary && !summary->text().isEmpty());
        QCOMPARE(summary->text().contains(QLatin1String("First error at line")), hasError);
        QCOMPARE(summary->text().startsWith(QLatin1String("0 error")), !hasError);
    }

    void poolEditorFollowsModelAndGatesRunner()
    {
        SetupWizard *w = makeWizard();
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("pool.yaml"));
        QVERIFY(QFile::copy(dataFile("pool-errors.yaml"), bad));
        w->model()->edit([&](SetupConfig &c) { c.runner.poolFile = bad; });
        RunController *run = w->runController();
        run->embedAll();
        PoolEditorWidget *editor = run->poolEditor();
        QVERIFY(editor);
        QCOMPARE(editor->filePath(), bad);
        QVERIFY(editor->hasErrors());
        QVERIFY(!run->poolAcceptable());
        QVERIFY(!w->runnerPage()->isComplete()); // the page waits for the user's choice
        editor->setContinueDespiteErrors(true);
        QVERIFY(run->poolAcceptable());
        QVERIFY(w->runnerPage()->isComplete());

        // Another file chosen: the editor loads it.
        w->model()->edit([&](SetupConfig &c) { c.runner.poolFile = dataFile("pool.yaml"); });
        QCOMPARE(editor->filePath(), dataFile("pool.yaml"));

        // With edits not saved, picking another file keeps them and holds the page until the
        // user saves or discards them.
        editor->editor()->insertPlainText(QStringLiteral("# reviewed\n"));
        QVERIFY(editor->isModified());
        const QString edited = editor->text();
        w->model()->edit([&](SetupConfig &c) { c.runner.poolFile = bad; });
        QCOMPARE(editor->filePath(), dataFile("pool.yaml"));
        QCOMPARE(editor->text(), edited);
        QVERIFY(editor->hasPendingFile());
        QVERIFY(!run->poolAcceptable());
        QVERIFY(!w->runnerPage()->isComplete());
        // The user's way there: the focus on "Discard", then Enter would have pressed a default
        // button. After it the focus goes to the editor, never to "Run for me".
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->setCurrentId(SetupWizard::Runner);
        w->activateWindow();
        auto *discard = editor->findChild<QPushButton *>(QStringLiteral("poolEditorSwitchDiscard"));
        QTRY_VERIFY(discard->isVisible());
        discard->setFocus(Qt::TabFocusReason);
        QTest::mouseClick(discard, Qt::LeftButton);
        QCOMPARE(editor->filePath(), bad);
        QVERIFY(!editor->hasPendingFile());
        RunPanel *runnerRun = run->runPanel(steps::StepKind::Runner);
        QVERIFY(runnerRun);
        QVERIFY(!runnerRun->runButton()->hasFocus());
        QVERIFY(QApplication::focusWidget() != runnerRun->runButton());
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(editor->editor()));
        QVERIFY(!runnerRun->runButton()->isDefault());
        QVERIFY(!runnerRun->runButton()->autoDefault());
    }

    void apiKeyInKeychainOnly_data()
    {
        QTest::addColumn<bool>("remember");
        QTest::newRow("remember") << true;
        QTest::newRow("forget") << false;
    }
    void apiKeyInKeychainOnly()
    {
        QFETCH(bool, remember);
        // The keychain is written once typing pauses, with the choice the first paint read.
        QSettings().setValue(QStringLiteral("rememberSecrets"), remember);
        SetupWizard *w = makeWizard();
        w->model()->setRememberSecrets(remember);
        RunController *run = w->runController();
        run->embedAll();
        Q_EMIT run->accountCheck()->apiKeyEdited(kApiKey);
        // One key for both widgets.
        QCOMPARE(run->delegateStatus()->apiKey(), kApiKey);
        QTRY_COMPARE(m_store->entries().value(QLatin1String(SecretKeys::HarnessApiKey)).isEmpty(),
                     !remember);
        m_wizard.reset(); // writes QSettings
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().contains(kApiKey));
        int scanned = 0;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++scanned;
            QVERIFY2(!file.readAll().contains(kApiKey.toUtf8()), qPrintable(file.fileName()));
        }
        QVERIFY(scanned > 0); // the settings file at least
    }

    // Typing the key writes the keychain once, when typing pauses; a failed write or read is
    // said under the key field on both pages, and the key stays in memory.
    void apiKeyWritesDebouncedAndFailuresShown()
    {
        // As chosen in an earlier session: the first paint reads it back from the settings.
        QSettings().setValue(QStringLiteral("rememberSecrets"), true);
        SetupWizard *w = makeWizard();
        w->model()->setRememberSecrets(true);
        m_store->setAvailable(false); // a keychain that cannot be read at start
        RunController *run = w->runController();
        run->embedAll();
        const QList<InlineError *> errors =
            w->findChildren<InlineError *>(QStringLiteral("apiKeyKeychainError"));
        QCOMPARE(errors.size(), 2);
        for (InlineError *error : errors)
            QTRY_VERIFY2(error->text().contains(QLatin1String("could not be read")),
                         qPrintable(error->text()));

        QTRY_VERIFY(!w->model()->rememberSecrets()); // "no keychain" turns it off
        m_store->setAvailable(true);
        w->model()->setRememberSecrets(true);
        const int before = m_store->operationCount();
        for (int i = 1; i <= kApiKey.size(); ++i)
            Q_EMIT run->accountCheck()->apiKeyEdited(kApiKey.left(i));
        const QString key = QLatin1String(SecretKeys::HarnessApiKey);
        QTRY_COMPARE(m_store->entries().value(key), kApiKey);
        QCOMPARE(m_store->operationCount() - before, 1);
        for (InlineError *error : errors)
            QTRY_VERIFY2(error->text().isEmpty(), qPrintable(error->text()));

        m_store->setAvailable(false);
        Q_EMIT run->delegateStatus()->apiKeyEdited(QStringLiteral("pat.other"));
        for (InlineError *error : errors) {
            QTRY_VERIFY2(error->text().contains(QLatin1String("was not saved")),
                         qPrintable(error->text()));
            QVERIFY(error->hasError());
        }
        QCOMPARE(run->accountCheck()->apiKey(), QStringLiteral("pat.other")); // nothing lost
    }

    void apiKeyReadFromKeychain()
    {
        m_store = std::make_unique<MemorySecretStore>();
        m_store->write(QLatin1String(SecretKeys::HarnessApiKey), kApiKey);
        m_wizard = std::make_unique<SetupWizard>(m_store.get());
        m_wizard->show();
        // Read only for a user who chose to remember secrets; without it, not touched.
        const int before = m_store->operationCount();
        RunController *run = m_wizard->runController();
        run->embedAll();
        QTest::qWait(20);
        QCOMPARE(m_store->operationCount(), before);
        QVERIFY(run->accountCheck()->apiKey().isEmpty());
        m_wizard.reset();
        m_wizard = std::make_unique<SetupWizard>(m_store.get());
        m_wizard->show();
        m_wizard->model()->setRememberSecrets(true);
        run = m_wizard->runController();
        run->embedAll();
        QTRY_COMPARE(run->accountCheck()->apiKey(), kApiKey);
        QTRY_COMPARE(run->delegateStatus()->apiKey(), kApiKey);
    }

    void clusterAndImageSuggestions()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        HarnessCluster other;
        for (const HarnessCluster &cluster : harnessClusters())
            if (!cluster.managerUrl.isEmpty() &&
                cluster.managerUrl != w->model()->config().delegate.manager)
                other = cluster;
        QVERIFY(!other.managerUrl.isEmpty());
        Q_EMIT run->accountCheck()->clusterSuggested(other.managerUrl);
        QCOMPARE(child<QComboBox>(w->delegatePage(), "clusterCombo")->currentData().toString(),
                 other.id);
        QCOMPARE(w->model()->config().delegate.manager, other.managerUrl);

        const QString image =
            QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/delegate:26.02.88404");
        Q_EMIT run->accountCheck()->useImageRequested(image);
        QCOMPARE(child<QLineEdit>(w->delegatePage(), "delegateImageEdit")->text(), image);
        QCOMPARE(w->model()->config().delegate.image, image);
    }

    // The Delegate page warns by the tag's date until Harness told the latest version: then the
    // account check's verdict wins, and the field's own warning stands back.
    void harnessVerdictWinsOverTagDate()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        w->delegatePage()->initializePage(); // loads the model: the default, expired tag
        auto *note = child<QLabel>(w->delegatePage(), "delegateImageError");
        QVERIFY(!note->isHidden());
        // No API key: the account check has no version line of its own to show.
        QVERIFY(child<QLabel>(run->accountCheck(), "latestVersionLabel")->isHidden());
        QVERIFY2(note->text().contains(QLatin1String("expired")), qPrintable(note->text()));
        Q_EMIT run->accountCheck()->latestVersionChanged(QStringLiteral("26.02.88404"));
        QVERIFY(note->isHidden());
        Q_EMIT run->accountCheck()->latestVersionChanged(QString());
        QVERIFY(!note->isHidden());
    }

    void transcriptMaskedAndSaved()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        const QString secret = QStringLiteral("c2VjcmV0LXRva2VuLWNhbmFyeS0wMTIzNDU2Nzg5YWI=");
        steps::Transcript *transcript = run->transcript();
        transcript->addSecret(secret);
        const int i = transcript->begin(QStringLiteral("delegate"), QStringLiteral("delegate.run"),
                                        QStringLiteral("echo start"), QString());
        transcript->finish(i, "token was " + secret.toUtf8(), {}, QStringLiteral("exit 0"), 5);
        const QString shown = run->transcriptView()->toPlainText();
        QVERIFY(shown.contains(QLatin1String("echo start")));
        QVERIFY(!shown.contains(secret));
        QVERIFY(run->transcriptView()->isReadOnly());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.txt"));
        FileDialogs::setNextAnswerForTests(path);
        QTest::mouseClick(child<QPushButton>(w->summaryPage(), "saveTranscriptButton"),
                          Qt::LeftButton);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("echo start"));
        QVERIFY(!text.contains(secret.toUtf8()));
    }

    void uninstallCommandsShownFirst()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        const QString shown = run->uninstallCommands()->displayedText();
        QVERIFY(shown.contains(QLatin1String("vm-runner")));
        QVERIFY(shown.contains(w->model()->config().delegate.name));
        // The delegate's name follows the model.
        w->model()->edit([](SetupConfig &c) { c.delegate.name = QStringLiteral("my-delegate"); });
        QVERIFY(run->uninstallCommands()->displayedText().contains(QLatin1String("my-delegate")));
        // Network and directory only on request, and then shown before anything runs.
        QVERIFY(!run->uninstallCommands()->displayedText().contains(QLatin1String("network rm")));
        clickIndicator(child<QCheckBox>(w->summaryPage(), "uninstallNetworkCheck"));
        QVERIFY(run->uninstallCommands()->displayedText().contains(QLatin1String("network rm")));
    }

    // Run for me follows the Delegate page's own checks, and says why it is off.
    void delegateRunGatedByThePage()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        DelegatePage *page = w->delegatePage();
        page->initializePage(); // the fields from the model, as when the page is shown
        RunPanel *panel = run->runPanel(steps::StepKind::Delegate);
        QVERIFY(panel);
        typeInto(child<QLineEdit>(page, "accountIdEdit"), QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb"));
        // 43 characters: the page's red message, and Run for me off with the same words.
        const QString good = QStringLiteral("Q0FOQVJZLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI=");
        QCOMPARE(good.size(), 44);
        typeInto(child<QLineEdit>(page, "tokenEdit"), good.left(42) + QLatin1Char('='));
        QVERIFY(!page->isComplete());
        QVERIFY(!panel->runButton()->isEnabledTo(panel));
        QVERIFY2(panel->blockedReason().contains(QLatin1String("44 characters")),
                 qPrintable(panel->blockedReason()));
        QVERIFY(panel->blockedReason().contains(QLatin1String("this one has 43")));
        QVERIFY(!panel->blockedLabel()->isHidden());
        QCOMPARE(panel->blockedLabel()->text(), panel->blockedReason());
        QCOMPARE(panel->runButton()->toolTip(), panel->blockedReason());
        QCOMPARE(panel->runButton()->accessibleDescription(), panel->blockedReason());
        // Even when asked directly, it does not start.
        panel->start();
        QVERIFY(!panel->isRunning());

        typeInto(child<QLineEdit>(page, "tokenEdit"), good);
        QVERIFY(page->isComplete());
        QCOMPARE(panel->blockedReason(), QString());
        QVERIFY(panel->blockedLabel()->isHidden());
        QVERIFY(panel->runButton()->isEnabledTo(panel));
        QVERIFY(panel->runButton()->toolTip().isEmpty());

        // No token: the page may go on (the copied commands ask on the VM), Run for me may not.
        typeInto(child<QLineEdit>(page, "tokenEdit"), QString());
        QVERIFY(page->isComplete());
        QVERIFY(panel->blockedReason().contains(QLatin1String("token")));
        QVERIFY(!panel->runButton()->isEnabledTo(panel));
    }

    void runnerRunGatedByThePage()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        RunnerPage *page = w->runnerPage();
        page->initializePage();
        RunPanel *panel = run->runPanel(steps::StepKind::Runner);
        QTemporaryDir dir;
        typeInto(child<QLineEdit>(page, "runnerPoolFileEdit"),
                 dir.filePath(QStringLiteral("missing.yaml")));
        QVERIFY(!page->isComplete());
        QVERIFY2(panel->blockedReason().contains(QLatin1String("does not exist")),
                 qPrintable(panel->blockedReason()));
        QVERIFY(!panel->runButton()->isEnabledTo(panel));
        typeInto(child<QLineEdit>(page, "runnerPoolFileEdit"), dataFile("pool.yaml"));
        QTRY_VERIFY(page->isComplete());
        QTRY_COMPARE(panel->blockedReason(), QString());
        QVERIFY(panel->runButton()->isEnabledTo(panel));
    }

    // Edits that cannot be saved: the run stops before anything goes up (the file on disk is
    // stale), says why on the page, and the edits stay in the editor.
    void runnerRunStopsWhenPoolEditsCannotBeSaved()
    {
        SetupWizard *w = makeWizard();
        QTemporaryDir dir;
        // The longest name a file may have: it reads, but the save's temporary file next to it
        // (the name plus a suffix) cannot be created, so saving fails, even for root.
        const QString path = dir.filePath(QString(250, QLatin1Char('p')) + QStringLiteral(".yaml"));
        QVERIFY(QFile::copy(dataFile("pool.yaml"), path));
        w->model()->edit([&](SetupConfig &c) { c.runner.poolFile = path; });
        RunController *run = w->runController();
        run->embedAll();
        w->runnerPage()->initializePage();
        PoolEditorWidget *editor = run->poolEditor();
        QVERIFY(editor);
        QCOMPARE(editor->filePath(), path);
        editor->editor()->moveCursor(QTextCursor::End);
        editor->editor()->insertPlainText(QStringLiteral("# reviewed\n"));
        const QString edited = editor->text();
        RunPanel *panel = run->runPanel(steps::StepKind::Runner);
        QTRY_COMPARE(panel->blockedReason(), QString());

        panel->start();
        QVERIFY(!panel->isRunning());
        QVERIFY(panel->hasResult());
        QVERIFY(!panel->lastResult().ok());
        QVERIFY2(panel->resultLabel()->text().contains(QLatin1String("Cannot save")),
                 qPrintable(panel->resultLabel()->text()));
        QVERIFY(!panel->resultLabel()->isHidden());
        auto *notice = child<QLabel>(editor, "poolEditorNotice");
        QVERIFY(notice->text().contains(QLatin1String("Cannot save")));
        QVERIFY(editor->isModified());
        QCOMPARE(editor->text(), edited);
        QFile onDisk(path);
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QVERIFY(!onDisk.readAll().contains("# reviewed"));
    }

    // pool.yaml names a key inside /runner and nobody gave one: said on the page, before any
    // run, naming the file; a warning, not a block (the key may be on the VM already).
    void runnerPageSaysTheKeyIsMissing()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        RunnerPage *page = w->runnerPage();
        page->initializePage();
        QTemporaryDir dir;
        QFile original(dataFile("pool.yaml"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QString poolPath = dir.filePath(QStringLiteral("pool.yaml"));
        QFile pool(poolPath);
        QVERIFY(pool.open(QIODevice::WriteOnly));
        pool.write(original.readAll().replace("json_path: service-account-key.json",
                                              "json_path: /runner/sa.json"));
        pool.close();
        typeInto(child<QLineEdit>(page, "runnerPoolFileEdit"), poolPath);
        auto *keyMessage = child<QLabel>(page, "serviceAccountKeyError");
        QVERIFY2(keyMessage->text().contains(QLatin1String("/runner/sa.json")),
                 qPrintable(keyMessage->text()));
        QVERIFY(keyMessage->text().contains(QLatin1String("could not find default credentials")));
        QVERIFY(!keyMessage->isHidden());
        QTRY_VERIFY(page->isComplete());
        // Given a key file, the message goes.
        const QString key = dir.filePath(QStringLiteral("sa.json"));
        QVERIFY(QFile::copy(dataFile("service-account-key.json"), key));
        typeInto(child<QLineEdit>(page, "serviceAccountKeyEdit"), key);
        QVERIFY2(keyMessage->text().isEmpty(), qPrintable(keyMessage->text()));
    }

    void connectGatedByThePage()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        ConnectionPanel *panel = run->connectionPanel();
        QVERIFY(panel);
        w->connectPage()->initializePage();
        QVERIFY(!w->connectPage()->isComplete());
        QVERIFY(!panel->blockedReason().isEmpty());
        auto *connectButton = child<QPushButton>(panel, "connectButton");
        QVERIFY(!connectButton->isEnabled());
        QCOMPARE(connectButton->toolTip(), panel->blockedReason());
        QVERIFY(!child<QLabel>(panel, "connectBlockedLabel")->isHidden());
        typeInto(child<QLineEdit>(w->connectPage(), "gcloudCommandEdit"),
                 QStringLiteral("gcloud compute ssh --zone \"us-west1-a\" \"gs-runner-vm\" "
                                "--tunnel-through-iap --project \"my-proj\""));
        QTRY_VERIFY(w->connectPage()->isComplete());
        QCOMPARE(panel->blockedReason(), QString());
        QVERIFY(child<QLabel>(panel, "connectBlockedLabel")->isHidden());
        QTRY_VERIFY(connectButton->isEnabled());
    }

    // After "Uninstall for me", the Summary says what the VM has: the runner and the delegate
    // removed, not "done" beside "Uninstall: done".
    void summaryAfterUninstall()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        steps::StepContext *context = run->context();
        // As if the Runner and Delegate pages had run: both done, the delegate with a warning.
        for (steps::StepKind kind : {steps::StepKind::Runner, steps::StepKind::Delegate}) {
            steps::StepResult result;
            result.step = kind;
            result.status = steps::StepResult::Status::Succeeded;
            if (kind == steps::StepKind::Delegate)
                result.warnings << QStringLiteral("The delegate image has no health check");
            context->state().record(result);
        }
        FakeRemoteSession session;
        session.on(QStringLiteral("@@directory=1"), [](const QString &, const QByteArray &) {
            return FakeRemoteSession::exited(0, "@@runner=1\n@@delegate=1\n@@network=1\n");
        });
        context->setSession(&session);
        context->facts().access = steps::DockerAccess::Direct;
        context->setFactsKnown(true);
        RunPanel *panel = run->runPanel(steps::StepKind::Uninstall);
        QSignalSpy finished(panel, &RunPanel::finished);
        // Destructive: never a default button, and it asks first in a window-modal dialog
        // listing exactly what the plan removes, Cancel the default.
        QVERIFY(!panel->runButton()->isDefault());
        QVERIFY(!panel->runButton()->autoDefault());
        QVERIFY(panel->runButton()->property("destructive").toBool());
        const auto confirmDialog = [w] {
            return w->findChild<QDialog *>(QStringLiteral("uninstallConfirmDialog"));
        };
        panel->start(); // what a click on it does (the Summary page is not the current one)
        QDialog *dialog = confirmDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QVERIFY(!panel->isRunning());
        auto *cancel = child<QPushButton>(dialog, "uninstallCancelButton");
        QVERIFY(cancel->isDefault());
        QVERIFY(!child<QPushButton>(dialog, "uninstallConfirmButton")->isDefault());
        const QString listed = child<QPlainTextEdit>(dialog, "uninstallConfirmList")->toPlainText();
        const StepPlan plan = steps::UninstallStep::plan(*context);
        QVERIFY(!plan.commands.isEmpty());
        for (const PlannedCommand &command : plan.commands) {
            QVERIFY2(listed.contains(command.script), qPrintable(listed));
            QVERIFY2(listed.contains(command.summary), qPrintable(listed));
        }
        // Cancel (and Escape): nothing runs.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!confirmDialog());
        QVERIFY(!panel->isRunning());
        QVERIFY(finished.isEmpty());
        // Asked again, and agreed.
        panel->start();
        dialog = confirmDialog();
        QVERIFY(dialog);
        QTest::mouseClick(child<QPushButton>(dialog, "uninstallConfirmButton"), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QVERIFY(panel->lastResult().ok());
        auto *results = child<QLabel>(w->summaryPage(), "runResults");
        const QString text = results->text();
        QVERIFY2(text.contains(QLatin1String("VM runner: removed")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Delegate: removed")));
        QVERIFY(!text.contains(QLatin1String("VM runner: done")));
        QVERIFY(!text.contains(QLatin1String("Delegate: done")));
        QVERIFY(!text.contains(QLatin1String("no health check"))); // gone with the delegate
        QCOMPARE(context->state().status(steps::StepKind::Runner),
                 steps::SetupState::Status::Removed);
        context->setSession(nullptr);
    }

    // An old delegate image tag is carried to the Summary, and goes when the image changes.
    void summaryCarriesAnOldImageTag()
    {
        SetupWizard *w = makeWizard();
        RunController *run = w->runController();
        run->embedAll();
        const QString image = w->model()->config().delegate.image;
        w->model()->edit([](SetupConfig &c) {
            c.delegate.image = QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/"
                                              "delegate:23.01.80000");
        });
        auto *results = child<QLabel>(w->summaryPage(), "runResults");
        QVERIFY2(results->text().contains(QLatin1String("23.01")), qPrintable(results->text()));
        QVERIFY(results->text().contains(QLatin1String("Nothing was run on the VM yet.")));
        w->model()->edit([image](SetupConfig &c) { c.delegate.image = image; });
        QVERIFY(!results->text().contains(QLatin1String("23.01")));
    }

    // One wheel notch over the cluster box while scrolling the page does not change it.
    void wheelLeavesUnfocusedCombosAlone()
    {
        SetupWizard *w = makeWizard();
        w->runController()->embedAll();
        auto *combo = child<QComboBox>(w->delegatePage(), "clusterCombo");
        QCOMPARE(combo->focusPolicy(), Qt::StrongFocus);
        QVERIFY(combo->count() > 2);
        combo->setCurrentIndex(0);
        QVERIFY(!combo->hasFocus());
        const QPointF at(combo->width() / 2.0, combo->height() / 2.0);
        QWheelEvent notch(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(combo, &notch);
        QCOMPARE(combo->currentIndex(), 0);
        // The port spin box on the Connect page too.
        QCOMPARE(child<QSpinBox>(w->connectPage(), "portSpin")->focusPolicy(), Qt::StrongFocus);
        // Focused on purpose, the wheel works as usual.
        w->activateWindow();
        combo->setFocus();
        if (combo->hasFocus()) {
            QWheelEvent again(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(combo, &again);
            QCOMPARE(combo->currentIndex(), 1);
        }
    }

    // File dialogs start in the answers file's folder, else Documents; never the working dir.
    void fileDialogsStartWhereTheAnswersAre()
    {
        QTemporaryDir answers;
        QTemporaryDir cwd;
        const QString before = QDir::currentPath();
        QDir::setCurrent(cwd.path());
        FileDialogs::setAnswersFile(answers.filePath(QStringLiteral("gitspaces.yaml")));
        QCOMPARE(FileDialogs::startPath(QStringLiteral("transcript.txt")),
                 QDir(answers.path()).filePath(QStringLiteral("transcript.txt")));
        QCOMPARE(FileDialogs::startPath(QString()), QDir(answers.path()).path());
        FileDialogs::setAnswersFile(QString());
        const QString start = FileDialogs::startPath(QStringLiteral("transcript.txt"));
        const QString documents =
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QVERIFY2(start.startsWith(QDir(documents).exists() ? documents : QDir::homePath()),
                 qPrintable(start));
        QVERIFY(!start.startsWith(cwd.path()));
        // A suggestion in a folder that exists is kept.
        const QString kept = answers.filePath(QStringLiteral("x.sh"));
        QCOMPARE(FileDialogs::startPath(kept), kept);
        QDir::setCurrent(before);
    }

    void forgetRemovesApiKey()
    {
        QSettings().setValue(QStringLiteral("rememberSecrets"), true);
        SetupWizard *w = makeWizard();
        w->model()->setRememberSecrets(true);
        RunController *run = w->runController();
        run->embedAll();
        Q_EMIT run->accountCheck()->apiKeyEdited(kApiKey);
        QTRY_VERIFY(m_store->entries().contains(QLatin1String(SecretKeys::HarnessApiKey)));
        QTest::mouseClick(child<QPushButton>(w->delegatePage(), "forgetSecretsButton"),
                          Qt::LeftButton);
        QTRY_VERIFY(!m_store->entries().contains(QLatin1String(SecretKeys::HarnessApiKey)));
        QVERIFY(run->accountCheck()->apiKey().isEmpty());
    }
};

QTEST_MAIN(tst_RunController)
#include "tst_RunController.moc"
