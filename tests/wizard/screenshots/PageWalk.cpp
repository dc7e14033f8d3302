#include "PageWalk.h"

#include "../WizardTestUtil.h"
#include "FakeTerraform.h"
#include "TestSshd.h"
#include "harness/AccountCheckWidget.h"
#include "harness/DelegateImage.h"
#include "manage/ContainerLogView.h"
#include "manage/LineDiff.h"
#include "manage/ManageActions.h"
#include "manage/ManageStatusView.h"
#include "pages/DelegateCommandDialog.h"
#include "pages/ManagePage.h"
#include "pages/TerraformFolderBox.h"
#include "steps/LogDiagnosis.h"
#include "util/Catalogues.h"
#include "widgets/FileDialogs.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTreeWidget>

#include <unistd.h>

namespace gs::test {

namespace {

const QString Gcloud = QStringLiteral(
    "gcloud compute ssh --zone \"us-west1-a\" \"gs-runner-vm\" --tunnel-through-iap --project "
    "\"my-proj\"");
const QString AccountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
const QString Token = QStringLiteral("NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg=");

// What Terraform writes, give or take, for one Gitspaces pool.
const char GoodPool[] = "version: \"1\"\n"
                        "instances:\n"
                        "  - name: gitspaces-gcp\n"
                        "    default: true\n"
                        "    type: google\n"
                        "    pool: 1\n"
                        "    limit: 4\n"
                        "    platform:\n"
                        "      os: linux\n"
                        "      arch: amd64\n"
                        "    spec:\n"
                        "      account:\n"
                        "        project_id: my-proj\n"
                        "        json_path: /runner/key.json\n"
                        "      image: projects/my-proj/global/images/gitspaces-vm\n"
                        "      machine_type: e2-standard-4\n"
                        "      zone:\n"
                        "        - us-west1-a\n";

// The same, edited by hand and broken: errors, warnings and notes for the editor to show.
const char BadPool[] = "version: \"1\"\n"
                       "instances:\n"
                       "  - name: gitspaces-gcp\n"
                       "    type: google\n"
                       "    pool: -1\n"
                       "    limits: 4\n"
                       "    spec:\n"
                       "      account:\n"
                       "        project_id: my-proj\n"
                       "        json_path: /home/admin/keys/sa.json\n"
                       "      image: projects/my-proj/global/images/gitspaces-vm\n"
                       "      machineType: e2-standard-4\n"
                       "  - name: gitspaces-gcp\n"
                       "    type: gogle\n"
                       "    spec:\n"
                       "      zone: [us-west1-a]\n";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Waits for `done`, keeping the event loop turning; false after `ms`.
template<class F>
bool waitFor(F done, int ms = 5000)
{
    return QTest::qWaitFor(done, ms);
}

bool next(SetupWizard *w, int expectedId)
{
    QAbstractButton *button = w->button(QWizard::NextButton);
    if (!button->isEnabled()) {
        qWarning("Next is disabled on page %d", w->currentId());
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    return waitFor([&] { return w->currentId() == expectedId; });
}

} // namespace

PageWalkFixtures::PageWalkFixtures()
{
    if (!m_dir.isValid())
        return;
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    const QString home = m_dir.filePath(QStringLiteral("home"));
    QDir(m_dir.path()).mkpath(QStringLiteral("home/.ssh"));
    QDir(m_dir.path()).mkpath(QStringLiteral("terraform"));
    QDir(m_dir.path()).mkpath(QStringLiteral("edited"));
    qputenv("HOME", home.toUtf8());
    qunsetenv("SSH_AUTH_SOCK");
    m_ok = writeFile(home + QStringLiteral("/.ssh/google_compute_engine"),
                     "-----BEGIN OPENSSH PRIVATE KEY-----\n") &&
           writeFile(home + QStringLiteral("/.ssh/config"),
                     "Host runner-vm gs-*\n  HostName 203.0.113.7\nHost bastion\nHost *\n") &&
           writeFile(goodPool(), GoodPool) && writeFile(badPool(), BadPool);
    m_terraform = std::make_unique<FakeTerraform>();
    m_terraform->writeModuleFolder(QStringLiteral("service-account-key.json"));
    FakeTerraform::write(m_terraform->inFolder(QStringLiteral("service-account-key.json")),
                         FakeTerraform::serviceAccountKey());
    m_terraform->answer(
        QStringLiteral("show.json"),
        FakeTerraform::showJson({QStringLiteral("us-west1"), QStringLiteral("europe-west4")}));
    if (const QString error = m_pki.create(); !error.isEmpty()) {
        qWarning("page walk: no test certificates: %s", qPrintable(error));
        m_ok = false;
        return;
    }
    m_harness.accounts = {AccountId};
    m_manager.setHandler(
        [this](const TestHttpServer::Request &request) { return m_harness.handle(request); });
    m_ok = m_ok && m_manager.listenTls(m_pki.serverCert, m_pki.serverKey);
}

PageWalkFixtures::~PageWalkFixtures() = default;

QString PageWalkFixtures::terraformFolder() const
{
    return m_terraform->folder();
}

QString PageWalkFixtures::managerUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_manager.port());
}

QString PageWalkFixtures::goodPool() const
{
    return m_dir.filePath(QStringLiteral("terraform/pool.yaml"));
}

QString PageWalkFixtures::badPool() const
{
    return m_dir.filePath(QStringLiteral("edited/pool.yaml"));
}

PageWalkLanguage::PageWalkLanguage(const QString &lang)
{
    const QLocale locale(lang == QLatin1String("de")
                             ? QLocale(QLocale::German, QLocale::Germany)
                             : QLocale(QLocale::English, QLocale::UnitedStates));
    QLocale::setDefault(locale);
    // The catalogues lrelease built (the app embeds the same files at :/i18n).
    installCatalogues(&m_catalogues, locale, QStringLiteral(GS_BINARY_DIR "/translations"));
}

PageWalkLanguage::~PageWalkLanguage() = default;

namespace {

// What a VM that was set up half a year ago might answer: the runner healthy, the delegate
// stopped with an old tag, pool.yaml edited on the VM since.
manage::VmStatus walkStatus()
{
    manage::VmStatus s;
    const QString started =
        QDateTime::currentDateTimeUtc().addSecs(-3 * 3600).toString(Qt::ISODate);
    s.runner = {QStringLiteral("vm-runner"),
                true,
                QStringLiteral("running"),
                QString(),
                QStringLiteral("drone/drone-runner-aws:latest"),
                QStringLiteral("sha256:5b0e3c8f9d2a41c7b6e1f0a9d8c7b6a5"),
                QStringLiteral("drone/drone-runner-aws@sha256:9f86d081884c7d659a2feaa0c55ad015"),
                QStringLiteral("2026-10-14T08:12:00Z"),
                started,
                0,
                QStringLiteral("runner")};
    s.runnerHealth = QStringLiteral("OK");
    s.delegate = {QStringLiteral("docker-delegate"),
                  true,
                  QStringLiteral("exited"),
                  QString(),
                  QStringLiteral("us-docker.pkg.dev/gar-prod-setup/harness-public/harness/"
                                 "delegate:25.05.85903"),
                  QStringLiteral("sha256:c3ab8ff13720e8ad9047dd39466b3c89"),
                  QString(),
                  QStringLiteral("2025-05-20T10:00:00Z"),
                  started,
                  3,
                  QStringLiteral("delegate")};
    s.delegateImage = harness::DelegateImage::checkAge(s.delegate.image);
    s.delegateFindings =
        steps::LogDiagnosis::delegateFindings(QStringLiteral("ERROR Delegate used expired token"));
    s.upgrader.name = QStringLiteral("docker-delegate-upgrader");
    s.networkPresent = true;
    s.networkContainers = {QStringLiteral("vm-runner")};
    s.poolPath = QStringLiteral("/runner/pool.yaml");
    s.poolOnVmRead = true;
    s.poolLocalKnown = true;
    s.poolOnVm = QByteArray(GoodPool).replace("pool: 1", "pool: 2");
    s.poolLocal = GoodPool;
    s.poolDiff = manage::unifiedDiff(QString::fromUtf8(s.poolOnVm), QString::fromUtf8(s.poolLocal),
                                     s.poolPath + QStringLiteral(" (VM)"),
                                     QStringLiteral("pool.yaml (local)"));
    return s;
}

// The other flow: managing a VM that is set up. No VM behind the walk: the page shows a status
// made here, as StatusJob would have found it, and a log as ContainerLogsJob would stream it.
bool walkManagePages(SetupWizard *w, const PageWalkShot &shot)
{
    w->restart();
    if (!waitFor([&] { return w->currentId() == SetupWizard::Prerequisites; }))
        return false;
    clickIndicator(child<QRadioButton>(w->currentPage(), "modeManageRadio"));
    shot(SetupWizard::Prerequisites, QStringLiteral("manage-mode"));
    if (!next(w, SetupWizard::Connect) || !next(w, SetupWizard::Manage))
        return false;
    auto *page = qobject_cast<ManagePage *>(w->currentPage());
    if (!page)
        return false;
    shot(SetupWizard::Manage, QStringLiteral("not-connected"));
    page->showStatus(walkStatus());
    shot(SetupWizard::Manage, QStringLiteral("status"));
    page->statusView()->diffToggle()->click();
    shot(SetupWizard::Manage, QStringLiteral("pool-diff"));
    page->statusView()->diffToggle()->click();
    // Each action's options and button come into view as it is chosen.
    ManageActions *actions = page->actions();
    actions->setAction(ManageActions::Action::Upgrade);
    shot(SetupWizard::Manage, QStringLiteral("upgrade"));
    actions->setAction(ManageActions::Action::Logs);
    clickIndicator(child<QRadioButton>(page, "logsDelegateRadio"));
    QList<manage::LogLine> lines;
    for (const char *line :
         {"INFO Delegate process started", "INFO Connecting to the manager",
          "ERROR Delegate used expired token, shutting down", "INFO Retrying in 60 seconds"})
        lines << manage::ContainerLogsJob::classify(manage::ManagedContainer::Delegate,
                                                    QString::fromLatin1(line));
    actions->logView()->appendLines(lines);
    shot(SetupWizard::Manage, QStringLiteral("logs"));
    actions->setAction(ManageActions::Action::EditPool);
    shot(SetupWizard::Manage, QStringLiteral("pool-editor"));
    actions->setAction(ManageActions::Action::Uninstall);
    shot(SetupWizard::Manage, QStringLiteral("uninstall"));
    return true;
}

} // namespace

std::unique_ptr<TestSshd> startWalkSshd(QString *error)
{
    if (geteuid() != 0) {
        *error = QStringLiteral("not root");
        return nullptr;
    }
    auto sshd = std::make_unique<TestSshd>();
    if (!sshd->start(error))
        return nullptr;
    return sshd;
}

bool walkPages(SetupWizard *w, const PageWalkFixtures &fixtures, TestSshd *sshd,
               const PageWalkShot &shot)
{
    // Prerequisites, as it opens; "This computer" appears once the scan after the first paint
    // answered.
    waitFor(
        [&] { return w->currentPage()->findChild<QWidget *>(QStringLiteral("environmentBox")); });
    shot(SetupWizard::Prerequisites, QStringLiteral("empty"));
    // The Terraform folder: two runner VMs, a choice for the user (the walk's own answers
    // below replace what it filled in).
    FileDialogs::setNextAnswerForTests(fixtures.terraformFolder());
    QTest::mouseClick(child<QPushButton>(w->currentPage(), "terraformOpenButton"), Qt::LeftButton);
    auto *terraformBox = child<TerraformFolderBox>(w->currentPage(), "terraformFolderBox");
    if (!waitFor([&] { return !terraformBox->isReading(); }, 20000))
        qWarning("page walk: the Terraform folder was not read");
    shot(SetupWizard::Prerequisites, QStringLiteral("terraform"));
    typeInto(child<QLineEdit>(w->currentPage(), "prereqPoolFileEdit"), fixtures.badPool());
    waitFor([&] {
        auto *summary = w->currentPage()->findChild<QWidget *>(QStringLiteral("poolCheckSummary"));
        return summary && summary->isVisible();
    });
    shot(SetupWizard::Prerequisites, QStringLiteral("pool-errors"));
    if (!next(w, SetupWizard::Connect))
        return false;

    shot(SetupWizard::Connect, QStringLiteral("empty"));
    typeInto(child<QLineEdit>(w->currentPage(), "gcloudCommandEdit"), Gcloud);
    shot(SetupWizard::Connect, QStringLiteral("gcloud"));
    if (sshd) {
        // Directly to a real sshd: the unknown host key is asked about inline. Rejected, and
        // back to gcloud, so that the pages after show the commands to copy.
        QWizardPage *connectPage = w->currentPage();
        clickIndicator(child<QRadioButton>(connectPage, "directModeRadio"));
        typeInto(child<QLineEdit>(connectPage, "hostEdit"), sshd->host());
        child<QSpinBox>(connectPage, "portSpin")->setValue(sshd->port());
        typeInto(child<QLineEdit>(connectPage, "userEdit"), sshd->user());
        typeInto(child<QLineEdit>(connectPage, "identityFileEdit"),
                 sshd->clientKey(TestSshd::PlainKey));
        QTest::mouseClick(child<QPushButton>(connectPage, "connectButton"), Qt::LeftButton);
        auto *hostKeyBox = child<QWidget>(connectPage, "hostKeyBox");
        if (!waitFor([&] { return hostKeyBox->isVisible(); }, 30000))
            qWarning("no host-key question from the test sshd");
        shot(SetupWizard::Connect, QStringLiteral("direct-hostkey"));
        QTest::mouseClick(child<QPushButton>(connectPage, "rejectHostKeyButton"), Qt::LeftButton);
        auto *error = child<QWidget>(connectPage, "connectError");
        waitFor([&] { return error->isVisible(); }, 30000);
        shot(SetupWizard::Connect, QStringLiteral("direct-hostkey-rejected"));
        clickIndicator(child<QRadioButton>(connectPage, "gcloudModeRadio"));
    }
    if (!next(w, SetupWizard::Docker))
        return false;

    shot(SetupWizard::Docker, QStringLiteral("default"));
    if (!next(w, SetupWizard::Runner))
        return false;

    // The editor validates off the GUI thread; the findings list fills when it answers.
    auto findings = [&] {
        auto *list =
            w->currentPage()->findChild<QTreeWidget *>(QStringLiteral("poolEditorDiagnostics"));
        return list ? list->topLevelItemCount() : -1;
    };
    waitFor([&] { return findings() > 0; });
    shot(SetupWizard::Runner, QStringLiteral("pool-errors"));
    typeInto(child<QLineEdit>(w->currentPage(), "runnerPoolFileEdit"), fixtures.goodPool());
    waitFor([&] { return findings() == 0; });
    shot(SetupWizard::Runner, QStringLiteral("pool-valid"));
    if (!next(w, SetupWizard::Delegate))
        return false;

    shot(SetupWizard::Delegate, QStringLiteral("empty"));
    QWizardPage *page = w->currentPage();
    // The account is checked against the walk's own manager on 127.0.0.1.
    auto *accountCheck = page->findChild<AccountCheckWidget *>();
    if (!accountCheck)
        return false;
    accountCheck->client()->addCaCertificates(fixtures.managerCaPem());
    auto *cluster = child<QComboBox>(page, "clusterCombo");
    cluster->setCurrentIndex(cluster->findData(QStringLiteral("custom")));
    typeInto(child<QLineEdit>(page, "customManagerEdit"), fixtures.managerUrl());
    typeInto(child<QLineEdit>(page, "accountIdEdit"), AccountId);
    typeInto(child<QLineEdit>(page, "tokenEdit"), Token);
    typeInto(child<QLineEdit>(page, "delegateTagsEdit"), QStringLiteral("gitspaces, gcp"));
    const bool accountChecked = waitFor([&] {
        const auto *status = page->findChild<QLabel *>(QStringLiteral("accountCheckStatusLabel"));
        return status && status->property("state").toString() == QLatin1String("ok");
    });
    if (!accountChecked) {
        qWarning("page walk: the account check against %s did not succeed",
                 qPrintable(fixtures.managerUrl()));
        return false;
    }
    shot(SetupWizard::Delegate, QStringLiteral("filled"));
    // The command from the Harness UI, pasted: first with a mistake (marked in the dialog, the
    // page unchanged), then as Harness shows it.
    QTest::mouseClick(child<QPushButton>(page, "pasteCommandButton"), Qt::LeftButton);
    auto *dialog = page->findChild<DelegateCommandDialog *>();
    if (!dialog || !waitFor([&] { return dialog->isVisible(); }))
        return false;
    auto *pasted = child<QPlainTextEdit>(dialog, "delegateCommandEdit");
    pasted->setPlainText(QStringLiteral("docker run --cpus=1 --memory=2g \\\n"
                                        "  -e ACCOUNT_ID=%1 \\\n"
                                        "  -e DELEGATE_TOKEN=\"%2 \\\n"
                                        "  harness/delegate:26.02.88404")
                             .arg(AccountId, Token));
    QTest::mouseClick(child<QPushButton>(dialog, "fillFieldsButton"), Qt::LeftButton);
    shot(SetupWizard::Delegate, QStringLiteral("paste-error"));
    pasted->setPlainText(
        QStringLiteral("docker run --cpus=1 --memory=2g \\\n"
                       "  -e DELEGATE_NAME=docker-delegate \\\n  -e NEXT_GEN=\"true\" \\\n"
                       "  -e DELEGATE_TYPE=\"DOCKER\" \\\n  -e ACCOUNT_ID=%1 \\\n"
                       "  -e DELEGATE_TOKEN=%2 \\\n  -e DELEGATE_TAGS=\"\" \\\n"
                       "  -e LOG_STREAMING_SERVICE_URL=https://app.harness.io/log-service/ \\\n"
                       "  -e MANAGER_HOST_AND_PORT=%3 \\\n"
                       "  us-docker.pkg.dev/gar-prod-setup/harness-public/harness/"
                       "delegate:26.02.88404")
            .arg(AccountId, Token, fixtures.managerUrl()));
    QTest::mouseClick(child<QPushButton>(dialog, "fillFieldsButton"), Qt::LeftButton);
    if (!waitFor([&] { return !dialog->isVisible(); }))
        return false;
    shot(SetupWizard::Delegate, QStringLiteral("pasted"));
    // The page scrolls: its lower half too.
    if (auto *scroll = page->findChild<QScrollArea *>(QStringLiteral("delegatePageScroll"))) {
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        shot(SetupWizard::Delegate, QStringLiteral("filled-scrolled"));
        scroll->verticalScrollBar()->setValue(0);
    }
    if (!next(w, SetupWizard::Selector))
        return false;

    shot(SetupWizard::Selector, QStringLiteral("default"));
    if (!next(w, SetupWizard::Summary))
        return false;

    shot(SetupWizard::Summary, QStringLiteral("default"));
    return walkManagePages(w, shot);
}

} // namespace gs::test
