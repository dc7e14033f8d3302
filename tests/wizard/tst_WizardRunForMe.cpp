// The whole wizard in "Run for me" mode, end to end: the real SetupWizard offscreen, connected
// through its ConnectionPanel to a throwaway OpenSSH sshd on 127.0.0.1 (TestSshd), Docker,
// runner and delegate run by clicking each page's "Run for me" against the real dockerd and the
// stand-in images (tests/docker), exactly as tests/steps/tst_StepsEndToEnd.cpp sets them up.
// Needs root.

#include "../steps/E2eSupport.h"
#include "WizardTestUtil.h"

#include "RunController.h"
#include "SetupWizard.h"
#include "WizardModel.h"
#include "connect/ConnectionPanel.h"
#include "harness/AccountCheckWidget.h"
#include "harness/DelegateStatusWidget.h"
#include "pages/ConnectPage.h"
#include "pages/DelegatePage.h"
#include "pages/DockerPage.h"
#include "pages/PrerequisitesPage.h"
#include "pages/RunnerPage.h"
#include "pages/SummaryPage.h"
#include "pooleditor/PoolEditorWidget.h"
#include "run/RunPanel.h"
#include "widgets/CommandView.h"
#include "widgets/FileDialogs.h"

#include "secrets/MemorySecretStore.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace gs;
using namespace gs::test;

namespace {

// Valid in format (44 chars of base64), so the stand-in delegate accepts it.
const QString kCanary = QStringLiteral("V0laQVJELWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI=");
const QString kAccountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");

// Every log line of the run, to prove the token never reaches a log.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString dataFile(const char *name)
{
    return QStringLiteral(GS_SOURCE_DIR "/tests/steps/data/") + QLatin1String(name);
}

} // namespace

class tst_WizardRunForMe : public QObject
{
    Q_OBJECT

private:
    DockerHostLock m_dockerLock;
    QTemporaryDir m_local; // the "local computer": HOME, the pool file, the saved transcript
    std::unique_ptr<FakeManager> m_manager;

    // Clicks "Run for me" on a page's panel and answers every question with its recommendation.
    bool runPanel(RunPanel *panel, QStringList *decisions, int timeoutMs = 240000)
    {
        if (!panel || !panel->isEnabled() || !panel->runButton()->isEnabled()) {
            qWarning("run panel missing or disabled");
            return false;
        }
        QSignalSpy finished(panel, &RunPanel::finished);
        QMetaObject::Connection decision = connect(
            panel, &RunPanel::decisionShown, panel, [panel, decisions](const steps::Decision &d) {
                *decisions << d.question;
                QTimer::singleShot(0, panel, [panel, d] {
                    QTest::mouseClick(d.recommendAccept ? panel->acceptButton()
                                                        : panel->declineButton(),
                                      Qt::LeftButton);
                });
            });
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        // A destructive run (uninstall) asks first in a window-modal dialog; the test agrees.
        if (auto *confirm =
                panel->window()->findChild<QDialog *>(QStringLiteral("uninstallConfirmDialog"))) {
            QTest::mouseClick(
                confirm->findChild<QPushButton *>(QStringLiteral("uninstallConfirmButton")),
                Qt::LeftButton);
        }
        const bool done = finished.wait(timeoutMs);
        disconnect(decision);
        if (!done) {
            qWarning("run did not finish: %s", qPrintable(panel->logText()));
            return false;
        }
        if (!panel->lastResult().ok())
            qWarning("%s\n%s", qPrintable(panel->lastResult().summary()),
                     qPrintable(panel->logText()));
        return panel->lastResult().ok();
    }

    void next(SetupWizard &wizard, int expectedId)
    {
        QAbstractButton *nextButton = wizard.button(QWizard::NextButton);
        if (!nextButton->isEnabled()) {
            // Say which field stops the page.
            for (const QLabel *label : wizard.currentPage()->findChildren<QLabel *>())
                if (label->isVisible() && label->objectName().endsWith(QLatin1String("Error")))
                    qWarning("%s: %s", qPrintable(label->objectName()), qPrintable(label->text()));
        }
        QVERIFY2(nextButton->isEnabled(), qPrintable(QString::number(wizard.currentId())));
        QTest::mouseClick(nextButton, Qt::LeftButton);
        QTRY_COMPARE(wizard.currentId(), expectedId);
    }

private Q_SLOTS:
    void initTestCase()
    {
        GS_REQUIRE_REAL_PART(geteuid() == 0, "TestSshd and dockerd need root");
        QVERIFY2(m_dockerLock.acquire(), "the Docker host lock was not free within 15 min");
        QString error;
        QVERIFY2(prepareDocker(&error), qPrintable(error));
        qputenv("HOME", QFile::encodeName(m_local.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_local.filePath(QStringLiteral(".config"))));
        qunsetenv("SSH_AUTH_SOCK");
        QCoreApplication::setOrganizationName(QStringLiteral("gitspaces-setup-tests"));
        QSettings().clear();
        m_manager = std::make_unique<FakeManager>();
        QVERIFY(m_manager->isListening());
        g_previousHandler = qInstallMessageHandler(captureLog);
        resetDocker();
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        if (geteuid() == 0)
            resetDocker();
    }

    void wholeWizardRunForMe()
    {
        TestSshd::Options sshdOptions;
        sshdOptions.dockerGroup = true;
        TestSshd sshd(sshdOptions);
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));

        // The user's pool file and key, on "this computer".
        const QString poolFile = m_local.filePath(QStringLiteral("pool.yaml"));
        const QString keyFile = m_local.filePath(QStringLiteral("service-account-key.json"));
        QVERIFY(QFile::copy(dataFile("pool.yaml"), poolFile));
        QVERIFY(QFile::copy(dataFile("service-account-key.json"), keyFile));
        const QString runnerDir = sshd.homeDir() + QStringLiteral("/runner");

        MemorySecretStore store;
        SetupWizard wizard(&store);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        RunController *run = wizard.runController();
        QVERIFY(run);

        // Prerequisites: the pool file, and its check right below it.
        QCOMPARE(wizard.currentId(), int(SetupWizard::Prerequisites));
        typeInto(child<QLineEdit>(wizard.currentPage(), "prereqPoolFileEdit"), poolFile);
        QTRY_VERIFY(run->poolCheckLabel() && !run->poolCheckLabel()->text().isEmpty());
        QVERIFY2(!run->poolCheckLabel()->text().contains(QLatin1String("First error")),
                 qPrintable(run->poolCheckLabel()->text()));
        next(wizard, SetupWizard::Connect);

        // Connect: direct host, the panel connects for real; the unknown host key is shown and
        // accepted after comparing it with the server's.
        ConnectPage *connectPage = wizard.connectPage();
        clickIndicator(child<QRadioButton>(connectPage, "directModeRadio"));
        typeInto(child<QLineEdit>(connectPage, "hostEdit"), sshd.host());
        child<QSpinBox>(connectPage, "portSpin")->setValue(sshd.port());
        typeInto(child<QLineEdit>(connectPage, "userEdit"), sshd.user());
        typeInto(child<QLineEdit>(connectPage, "identityFileEdit"),
                 sshd.clientKey(TestSshd::PlainKey));
        ConnectionPanel *panel = run->connectionPanel();
        QVERIFY(panel);
        QCOMPARE(panel->options().port, sshd.port());
        QCOMPARE(panel->options().user, sshd.user());
        // "Next" is allowed without a connection (copy mode), and "Run for me" is not.
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        // The host-key question is a window-modal dialog (a child of the panel).
        auto *fingerprint = child<QLabel>(panel, "hostKeyFingerprint");
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(panel, "hostKeyBox")->isVisible(), 30000);
        QCOMPARE(fingerprint->text(), sshd.hostKeyFingerprint());
        QTest::mouseClick(child<QPushButton>(panel, "acceptHostKeyButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isConnected(), 30000);
        QTRY_COMPARE(run->context()->session(), panel->session());
        next(wizard, SetupWizard::Docker);

        // Docker: preflight, then the Docker step.
        QStringList decisions;
        RunPanel *dockerPanel = run->runPanel(steps::StepKind::Docker);
        QVERIFY(dockerPanel);
        QVERIFY(runPanel(dockerPanel, &decisions));
        // Preflight decided how Docker is reached; the model (and so every page) follows it.
        QVERIFY(run->context()->factsKnown());
        QVERIFY(wizard.model()->decidedPrivileges().has_value());
        QCOMPARE(*wizard.model()->decidedPrivileges(), run->context()->privileges());
        // The docker-group user reaches Docker directly: the pages drop sudo for Docker.
        QVERIFY(!wizard.model()->decidedPrivileges()->docker);
        QVERIFY(!wizard.model()->builder().docker().commands.first().script.startsWith(
            QLatin1String("sudo ")));
        next(wizard, SetupWizard::Runner);

        // Runner: the editor holds the chosen file, the directory on the test VM.
        QVERIFY(run->poolEditor());
        QCOMPARE(run->poolEditor()->filePath(), poolFile);
        QVERIFY(run->poolEditor()->isAcceptable());
        typeInto(child<QLineEdit>(wizard.currentPage(), "serviceAccountKeyEdit"), keyFile);
        typeInto(child<QLineEdit>(wizard.currentPage(), "runnerDirectoryEdit"), runnerDir);
        QVERIFY(runPanel(run->runPanel(steps::StepKind::Runner), &decisions));
        QCOMPARE(docker({"inspect", "-f", "{{.State.Status}}", "vm-runner"}).trimmed(),
                 QByteArray("running"));
        QVERIFY(QFile::exists(runnerDir + QStringLiteral("/pool.yaml")));
        // What the page shows is what ran, byte for byte (sudo as preflight found it).
        const auto ranScript = [run](const QString &id) {
            for (const steps::Transcript::Entry &entry : run->transcript()->entries())
                if (entry.commandId == id)
                    return entry.script;
            return QString();
        };
        auto *runnerCommands = child<CommandView>(wizard.currentPage(), "runnerCommands");
        QVERIFY(!ranScript(QStringLiteral("runner.run")).isEmpty());
        QCOMPARE(commandText(runnerCommands, QStringLiteral("runner.run")),
                 ranScript(QStringLiteral("runner.run")));
        next(wizard, SetupWizard::Delegate);

        // Delegate: the account check widget is fed from the page; the manager is the local
        // stand-in on 127.0.0.1 (custom cluster).
        QWidget *delegatePage = wizard.currentPage();
        typeInto(child<QLineEdit>(delegatePage, "accountIdEdit"), kAccountId);
        typeInto(child<QLineEdit>(delegatePage, "tokenEdit"), kCanary);
        typeInto(child<QLineEdit>(delegatePage, "delegateTagsEdit"), QStringLiteral("gitspaces"));
        auto *cluster = child<QComboBox>(delegatePage, "clusterCombo");
        cluster->setCurrentIndex(cluster->findData(QStringLiteral("custom")));
        // The page takes https only; the local stand-in speaks http, so the account check
        // widget reports it unreachable (locally) and the run does not depend on it.
        const QString manager = QStringLiteral("https://127.0.0.1:%1").arg(m_manager->serverPort());
        typeInto(child<QLineEdit>(delegatePage, "customManagerEdit"), manager);
        typeInto(child<QLineEdit>(delegatePage, "memoryEdit"), QStringLiteral("256m"));
        QCOMPARE(wizard.model()->config().delegate.manager, manager);
        QVERIFY(run->accountCheck());
        QTRY_COMPARE(run->accountCheck()->managerUrl(), manager);
        QTRY_COMPARE(run->accountCheck()->accountId(), kAccountId);
        QVERIFY(runPanel(run->runPanel(steps::StepKind::Delegate), &decisions));
        QCOMPARE(docker({"inspect", "-f", "{{.State.Health.Status}}", "docker-delegate"}).trimmed(),
                 QByteArray("healthy"));
        QVERIFY(docker({"logs", "docker-delegate"}).contains("Delegate registered with id"));
        // The token reached the container (so the checks below could have failed).
        QVERIFY(docker({"inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}",
                        "docker-delegate"})
                    .contains("DELEGATE_TOKEN=" + kCanary.toUtf8()));
        QCOMPARE(decisions, QStringList()); // a fresh host asks nothing
        QCOMPARE(parseDockerRun(commandText(child<CommandView>(delegatePage, "delegateCommands"),
                                            QStringLiteral("delegate.run")))
                     .options,
                 parseDockerRun(ranScript(QStringLiteral("delegate.run"))).options);
        next(wizard, SetupWizard::Selector);
        QVERIFY(run->delegateStatus());
        next(wizard, SetupWizard::Summary);

        // Summary: the transcript (masked), saved; the uninstall commands shown first.
        auto *results = child<QLabel>(wizard.currentPage(), "runResults");
        QVERIFY2(results->text().contains(steps::stepTitle(steps::StepKind::Delegate) +
                                          QStringLiteral(": done")),
                 qPrintable(results->text()));
        QVERIFY(!results->text().contains(kCanary));
        QVERIFY(run->transcriptView());
        const QString shown = run->transcriptView()->toPlainText();
        QVERIFY(shown.contains(QLatin1String("docker run")));
        QVERIFY(shown.contains(QStringLiteral("DELEGATE_TOKEN=••••••••")));
        QVERIFY(!shown.contains(kCanary));
        const QString saved = m_local.filePath(QStringLiteral("transcript.txt"));
        FileDialogs::setNextAnswerForTests(saved);
        QTest::mouseClick(child<QPushButton>(wizard.currentPage(), "saveTranscriptButton"),
                          Qt::LeftButton);
        QFile savedFile(saved);
        QVERIFY(savedFile.open(QIODevice::ReadOnly));
        const QByteArray savedText = savedFile.readAll();
        QVERIFY(savedText.contains("delegate.run"));
        QVERIFY(!savedText.contains(kCanary.toUtf8()));
        QVERIFY(run->uninstallCommands());
        QVERIFY(run->uninstallCommands()->displayedText().contains(QLatin1String("vm-runner")));
        QVERIFY(run->runPanel(steps::StepKind::Uninstall)->isEnabled());

        // A second "Run for me" on the runner converges: still one runner, one network.
        QStringList again;
        QVERIFY(runPanel(run->runPanel(steps::StepKind::Runner), &again));
        QCOMPARE(containerCount(QStringLiteral("vm-runner")), 1);
        QCOMPARE(networkCount(QStringLiteral("harness")), 1);

        // Uninstall from the Summary page: both containers gone.
        QVERIFY(runPanel(run->runPanel(steps::StepKind::Uninstall), &again));
        QCOMPARE(containerCount(QStringLiteral("vm-runner")), 0);
        QCOMPARE(containerCount(QStringLiteral("docker-delegate")), 0);

        // The canary: nowhere in the log, the transcript or a file on either side.
        {
            QMutexLocker lock(&g_logMutex);
            QVERIFY(!g_log.isEmpty());
            for (const QString &line : std::as_const(g_log))
                QVERIFY2(!line.contains(kCanary), qPrintable(line));
        }
        int scanned = 0;
        QStringList leaks = filesContaining(sshd.dir(), kCanary.toUtf8(), &scanned);
        leaks += filesContaining(m_local.path(), kCanary.toUtf8(), &scanned);
        QVERIFY(scanned > 5);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(tst_WizardRunForMe)
#include "tst_WizardRunForMe.moc"
