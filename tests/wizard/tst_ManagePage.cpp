// The Manage page, offscreen, over the strict FakeRemoteSession: the first page's choice routes
// Connect → Manage, a stopped delegate shows as a problem, the pool file's differences show in
// colour, the upgrade's tag reaches the job (its question shows), a log's known failure line is
// marked with its meaning, and Cancel stops a followed log at once.

#include "WizardTestUtil.h"

#include "../steps/FakeRemoteSession.h"

#include "RunController.h"
#include "SetupWizard.h"
#include "WizardModel.h"
#include "manage/ContainerLogView.h"
#include "manage/ManageActions.h"
#include "manage/ManageStatusView.h"
#include "pages/ManagePage.h"
#include "pooleditor/PoolEditorWidget.h"
#include "run/RunPanel.h"
#include "widgets/StepList.h"
#include "widgets/Tones.h"

#include "secrets/MemorySecretStore.h"
#include "steps/StepContext.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace gs;
using namespace gs::test;

namespace {

const QString PoolFile = QStringLiteral(GS_SOURCE_DIR "/tests/steps/data/pool.yaml");
const QString DelegateName = QStringLiteral("gitspaces-delegate");

// What StatusJob's probe prints for a VM whose runner is healthy and whose delegate stopped.
QByteArray statusOutput(const QByteArray &poolOnVm)
{
    return "@@server=24.0.7\n"
           "@@c=/vm-runner|running||drone/drone-runner-aws:latest|sha256:aaa|"
           "2026-12-01T09:00:00Z|0|runner\n"
           "@@c=/" +
           DelegateName.toUtf8() +
           "|exited||harness/delegate:26.02.88404|sha256:bbb|2026-12-01T09:00:00Z|3|delegate\n"
           "@@net=present\n@@netc=vm-runner\n@@netc=" +
           DelegateName.toUtf8() +
           "\n@@health=OK\n"
           "@@pool64=" +
           poolOnVm.toBase64() +
           "\n"
           "@@img=sha256:aaa|2026-11-01T00:00:00Z|drone/drone-runner-aws@sha256:0123456789abcdef\n";
}

QTextCharFormat formatOfLine(QPlainTextEdit *view, const QString &startsWith)
{
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        if (block.text().startsWith(startsWith)) {
            QTextCursor cursor(block);
            cursor.movePosition(QTextCursor::Right);
            return cursor.charFormat();
        }
    }
    return {};
}

} // namespace

class tst_ManagePage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<SetupWizard> m_wizard;
    std::unique_ptr<FakeRemoteSession> m_session;

    SetupWizard *makeWizard()
    {
        m_store = std::make_unique<MemorySecretStore>();
        m_wizard = std::make_unique<SetupWizard>(m_store.get());
        m_wizard->model()->edit([](SetupConfig &c) {
            c.runner.poolFile = PoolFile;
            c.delegate.name = DelegateName;
            c.delegate.accountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
        });
        m_wizard->show();
        if (!QTest::qWaitForWindowExposed(m_wizard.get()))
            qWarning("wizard not exposed");
        return m_wizard.get();
    }

    // The page with its jobs over a fake VM on which Docker is reached directly.
    ManagePage *managePage(SetupWizard *w)
    {
        m_session = std::make_unique<FakeRemoteSession>();
        w->model()->setManageMode(true);
        steps::StepContext *context = w->runController()->context();
        context->setSession(m_session.get());
        context->facts().access = steps::DockerAccess::Direct;
        context->facts().user = QStringLiteral("admin");
        context->setFactsKnown(true);
        w->runController()->embedAll();
        ManagePage *page = w->managePage();
        page->updateConnection();
        return page;
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
        m_session.reset();
    }

    void manageModeRoutesConnectToManage()
    {
        SetupWizard *w = makeWizard();
        auto *steps = w->findChild<StepList *>(QStringLiteral("stepList"));
        QVERIFY(steps->isStepVisible(SetupWizard::Docker));
        QVERIFY(!steps->isStepVisible(SetupWizard::Manage));
        clickIndicator(child<QRadioButton>(w->currentPage(), "modeManageRadio"));
        QVERIFY(w->model()->manageMode());
        QVERIFY(!steps->isStepVisible(SetupWizard::Docker));
        QVERIFY(!steps->isStepVisible(SetupWizard::Summary));
        QVERIFY(steps->isStepVisible(SetupWizard::Manage));
        QCOMPARE(w->flowIds(), (QList<int>{SetupWizard::Prerequisites, SetupWizard::Connect,
                                           SetupWizard::Manage}));
        w->next();
        QTRY_COMPARE(w->currentId(), int(SetupWizard::Connect));
        typeInto(child<QLineEdit>(w->currentPage(), "gcloudCommandEdit"),
                 QStringLiteral("gcloud compute ssh --zone \"us-west1-a\" \"gs-runner-vm\" "
                                "--tunnel-through-iap --project \"my-proj\""));
        QTRY_VERIFY(w->currentPage()->isComplete());
        // Connected (a fake VM): the Manage page asks for the status as soon as it shows.
        m_session = std::make_unique<FakeRemoteSession>();
        m_session->onOutput(QStringLiteral("@@server="), statusOutput("version: \"1\"\n"));
        w->runController()->context()->setSession(m_session.get());
        w->next();
        QTRY_COMPARE(w->currentId(), int(SetupWizard::Manage));
        QVERIFY(w->currentPage()->isFinalPage());
        ManagePage *page = w->managePage();
        QTRY_VERIFY(page->hasStatus());
        QVERIFY(page->statusView()->section("manageRunnerStatus")->isVisible());
        QCOMPARE(steps->status(SetupWizard::Connect), StepList::Status::Done);
        // Back to setting up: the setup's pages again.
        w->back();
        w->back();
        QTRY_COMPARE(w->currentId(), int(SetupWizard::Prerequisites));
        clickIndicator(child<QRadioButton>(w->currentPage(), "modeSetupRadio"));
        QVERIFY(!w->model()->manageMode());
        QVERIFY(steps->isStepVisible(SetupWizard::Docker));
        QVERIFY(!steps->isStepVisible(SetupWizard::Manage));
        w->runController()->context()->setSession(nullptr);
    }

    void stoppedDelegateIsAProblem()
    {
        SetupWizard *w = makeWizard();
        ManagePage *page = managePage(w);
        QFile pool(PoolFile);
        QVERIFY(pool.open(QIODevice::ReadOnly));
        m_session->onOutput(QStringLiteral("@@server="), statusOutput(pool.readAll()));
        QSignalSpy shown(page, &ManagePage::statusShown);
        QTest::mouseClick(page->refreshButton(), Qt::LeftButton);
        QVERIFY(shown.wait(5000));
        ManageStatusView *view = page->statusView();
        const QString headline = view->headline()->text();
        QVERIFY2(headline.contains(
                     QStringLiteral("The delegate (%1) is exited, not running.").arg(DelegateName)),
                 qPrintable(headline));
        QCOMPARE(view->headline()->palette().color(QPalette::WindowText),
                 toneColor(Tone::Error, view->palette()));
        const QString delegate = view->section("manageDelegateStatus")->text();
        QVERIFY2(delegate.contains(QStringLiteral("exited")), qPrintable(delegate));
        QVERIFY(delegate.contains(QStringLiteral("\u2716")));
        QVERIFY(delegate.contains(QStringLiteral("3 restart")));
        // No API key: Harness was not asked, and the page says so.
        QVERIFY(delegate.contains(QStringLiteral("not asked")));
        const QString runner = view->section("manageRunnerStatus")->text();
        QVERIFY2(runner.contains(QStringLiteral("\u2714")), qPrintable(runner));
        QVERIFY(runner.contains(QStringLiteral("0123456789ab")));
        QVERIFY(m_session->unmatched.isEmpty());
    }

    void poolDifferencesShowInColour()
    {
        SetupWizard *w = makeWizard();
        ManagePage *page = managePage(w);
        manage::VmStatus status;
        status.runner.name = QStringLiteral("vm-runner");
        status.delegate.name = DelegateName;
        status.networkPresent = true;
        status.poolPath = QStringLiteral("/runner/pool.yaml");
        status.poolOnVmRead = true;
        status.poolLocalKnown = true;
        status.poolOnVm = "version: \"1\"\npool: 1\n";
        status.poolDiff = {QStringLiteral("--- /runner/pool.yaml (VM)"),
                           QStringLiteral("+++ pool.yaml (local)"),
                           QStringLiteral("@@ -1,2 +1,2 @@"),
                           QStringLiteral(" version: \"1\""),
                           QStringLiteral("-pool: 1"),
                           QStringLiteral("+pool: 2")};
        page->showStatus(status);
        ManageStatusView *view = page->statusView();
        QVERIFY(view->section("managePoolStatus")->text().contains(QStringLiteral("differs")));
        QVERIFY(!view->diffToggle()->isHidden());
        QVERIFY(view->diffView()->isHidden());
        view->diffToggle()->click();
        QVERIFY(!view->diffView()->isHidden());
        QPlainTextEdit *diff = child<QPlainTextEdit>(page, "poolDiffView");
        QVERIFY(diff->isReadOnly());
        QVERIFY(diff->toPlainText().contains(QStringLiteral("\n-pool: 1\n+pool: 2")));
        const QPalette palette = diff->palette();
        QCOMPARE(formatOfLine(diff, QStringLiteral("+pool")).foreground().color(),
                 toneColor(Tone::Good, palette));
        QCOMPARE(formatOfLine(diff, QStringLiteral("-pool")).foreground().color(),
                 toneColor(Tone::Error, palette));
        // The pool editor starts from the VM's file.
        ManageActions *actions = page->actions();
        actions->setAction(ManageActions::Action::EditPool);
        QCOMPARE(actions->poolEditor()->text(), QString::fromUtf8(status.poolOnVm));
        // Its own "Save" would write a file on this computer: only the panel's button saves.
        auto *save =
            actions->poolEditor()->findChild<QPushButton *>(QStringLiteral("poolEditorSave"));
        QVERIFY(save && save->isHidden());
    }

    void upgradeTagReachesTheJob()
    {
        SetupWizard *w = makeWizard();
        ManagePage *page = managePage(w);
        m_session->onOutput(QStringLiteral("@@delegate.state="),
                            "@@delegate.state=running\n"
                            "@@delegate.image=harness/delegate:25.10.87101\n"
                            "@@delegate.env=DELEGATE_NAME=" +
                                DelegateName.toUtf8() +
                                "\n@@delegate.env=ACCOUNT_ID=6_vVHzo9Qeu9fXvj-AcQCb\n"
                                "@@delegate.token=present\n");
        m_session->onOutput(QStringLiteral("DELEGATE_TOKEN=//p"), "dG9rZW4tY2FuYXJ5\n");
        ManageActions *actions = page->actions();
        actions->setAction(ManageActions::Action::Upgrade);
        RunPanel *panel = actions->panel(ManageActions::Action::Upgrade);
        // Neither a tag nor an API key: said inline, nothing runs.
        panel->start();
        QVERIFY(panel->hasResult());
        QVERIFY(panel->resultLabel()->text().contains(QStringLiteral("Which tag?")));
        QVERIFY(m_session->calls.isEmpty());
        typeInto(actions->upgradeTagEdit(), QStringLiteral("26.02.88404"));
        QSignalSpy decided(panel, &RunPanel::decisionShown);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(decided.wait(5000));
        const auto decision = decided.first().first().value<steps::Decision>();
        QCOMPARE(decision.kind, steps::Decision::Kind::ConfirmUpgrade);
        QVERIFY(decision.question.contains(QStringLiteral("26.02.88404")));
        QVERIFY(!panel->decisionBox()->isHidden());
        QVERIFY(panel->decisionDetails().contains(QStringLiteral("harness/delegate:26.02.88404")));
        QVERIFY(panel->decisionDetails().contains(QStringLiteral("harness/delegate:25.10.87101")));
        // Declined: nothing changed on the VM; the status is asked again all the same.
        m_session->onOutput(QStringLiteral("@@server="), statusOutput("version: \"1\"\n"));
        QSignalSpy finished(panel, &RunPanel::finished);
        QSignalSpy shown(page, &ManagePage::statusShown);
        QTest::mouseClick(panel->declineButton(), Qt::LeftButton);
        QTRY_VERIFY(!finished.isEmpty());
        QCOMPARE(panel->lastResult().status, steps::StepResult::Status::Cancelled);
        QTRY_VERIFY(!shown.isEmpty());
        for (const QString &command : m_session->commands())
            QVERIFY2(!command.contains(QStringLiteral("docker rm")), qPrintable(command));
        QVERIFY(m_session->unmatched.isEmpty());
    }

    void knownFailureLinesAreMarked()
    {
        SetupWizard *w = makeWizard();
        ManagePage *page = managePage(w);
        m_session->onOutput(QStringLiteral("docker logs --tail 200 "),
                            "starting the delegate\n"
                            "ERROR Delegate used invalid token. Please check\n"
                            "retrying\n");
        ManageActions *actions = page->actions();
        actions->setAction(ManageActions::Action::Logs);
        clickIndicator(child<QRadioButton>(page, "logsDelegateRadio"));
        clickIndicator(child<QAbstractButton>(page, "logsFollowCheck")); // off: the tail only
        RunPanel *panel = actions->panel(ManageActions::Action::Logs);
        QSignalSpy finished(panel, &RunPanel::finished);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QVERIFY(panel->lastResult().ok());
        ContainerLogView *log = actions->logView();
        QCOMPARE(log->objectName(), QStringLiteral("manageLogView"));
        const QStringList lines = log->toPlainText().split(QLatin1Char('\n'));
        const qsizetype at =
            lines.indexOf(QStringLiteral("ERROR Delegate used invalid token. Please check"));
        QVERIFY2(at >= 0, qPrintable(log->toPlainText()));
        QVERIFY(lines.value(at + 1).startsWith(ContainerLogView::meaningPrefix()));
        QVERIFY(lines.value(at + 1).contains(QStringLiteral("rejected the delegate token")));
        QCOMPARE(lines.value(at + 2), QStringLiteral("retrying"));
        QCOMPARE(log->findingCount(), 1);
        QCOMPARE(formatOfLine(log, QStringLiteral("ERROR")).foreground().color(),
                 toneColor(Tone::Error, log->palette()));
        QVERIFY(formatOfLine(log, QStringLiteral("starting")).foreground().style() == Qt::NoBrush);
        QVERIFY(m_session->commands().last().contains(DelegateName));
    }

    void cancelStopsFollowingAtOnce()
    {
        SetupWizard *w = makeWizard();
        ManagePage *page = managePage(w);
        m_session->hangForever = true; // a followed log never ends by itself
        ManageActions *actions = page->actions();
        actions->setAction(ManageActions::Action::Logs);
        RunPanel *panel = actions->panel(ManageActions::Action::Logs);
        QSignalSpy finished(panel, &RunPanel::finished);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QTRY_COMPARE(m_session->calls.size(), 1);
        QVERIFY(m_session->calls.first().command.contains(QStringLiteral("--follow")));
        QVERIFY(panel->isRunning());
        QVERIFY(panel->cancelButton()->isEnabled());
        auto *steps = w->findChild<StepList *>(QStringLiteral("stepList"));
        QCOMPARE(steps->status(SetupWizard::Manage), StepList::Status::Running);
        // Another action may run meanwhile: a log only reads.
        QVERIFY(actions->panel(ManageActions::Action::RestartRunner)->blockedReason().isEmpty());
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 1000);
        QCOMPARE(panel->lastResult().status, steps::StepResult::Status::Cancelled);
        QVERIFY(!panel->isRunning());
        QVERIFY(panel->runButton()->isEnabled());
        QCOMPARE(steps->status(SetupWizard::Manage), StepList::Status::ToDo);
    }

    void notConnectedSaysSo()
    {
        SetupWizard *w = makeWizard();
        w->runController()->embedAll();
        ManagePage *page = w->managePage();
        QVERIFY(!page->isConnected());
        QVERIFY(!child<QWidget>(page, "manageConnectHint")->isHidden());
        QVERIFY(!page->refreshButton()->isEnabled());
        QVERIFY(
            !page->actions()->panel(ManageActions::Action::Uninstall)->blockedReason().isEmpty());
    }
};

QTEST_MAIN(tst_ManagePage)
#include "tst_ManagePage.moc"
