// Drives the real wizard offscreen through every page by objectName and checks that each page's
// commands are the seed's commands for the same inputs (shared/seed), plus our documented
// additions: --name, --restart unless-stopped, the sudo prefix and the token on stdin.

#include "WizardTestUtil.h"

#include "RunController.h"
#include "SecretsKeeper.h"
#include "pages/DelegatePage.h"
#include "pages/PrerequisitesPage.h"
#include "pages/RunnerPage.h"
#include "pages/SummaryPage.h"
#include "widgets/FileDialogs.h"
#include "widgets/InlineError.h"

#include "plan/ConfigFile.h"
#include "plan/GcloudSshCommand.h"
#include "plan/SetupScript.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/SecretStore.h"
#include "steps/EffectivePlan.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace gs;
using namespace gs::test;

namespace {

const QString AccountId = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
const QString Token = QStringLiteral("NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg=");
const QString Gcloud = QStringLiteral(
    "gcloud compute ssh --zone \"us-west1-a\" \"gs-runner-vm\" --tunnel-through-iap --project "
    "\"my-proj\"");

// The seed's commands (shared/seed/setup-vm-runner-and-install-delegate.md) with its
// placeholders filled in with the inputs the test types.
const QString SeedRunner = QString::fromUtf8("docker run -d \\\n"
                                             "  --network harness \\\n"
                                             "  --hostname vm-runner \\\n"
                                             "  -v /runner:/runner \\\n"
                                             "  -p 3000:3000 \\\n"
                                             "  --platform linux/amd64 \\\n"
                                             "  drone/drone-runner-aws:latest \\\n"
                                             "  delegate \\\n"
                                             "  --pool /runner/pool.yaml");

const QString SeedDelegate =
    QString::fromUtf8("docker run -d \\\n"
                      "  --network harness \\\n"
                      "  --cpus=1 \\\n"
                      "  --memory=2g \\\n"
                      "  -e DELEGATE_NAME=docker-delegate \\\n"
                      "  -e DEPLOY_MODE=KUBERNETES_ONPREM \\\n"
                      "  -e NEXT_GEN=\"true\" \\\n"
                      "  -e DELEGATE_TYPE=\"DOCKER\" \\\n"
                      "  -e ACCOUNT_ID=6_vVHzo9Qeu9fXvj-AcQCb \\\n"
                      "  -e DELEGATE_TOKEN=NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg= \\\n"
                      "  -e DELEGATE_TAGS=gitspaces \\\n"
                      "  -e RUNNER_URL=\"http://vm-runner:3000/\" \\\n"
                      "  -e MANAGER_HOST_AND_PORT=https://app.harness.io \\\n"
                      "  us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504");

} // namespace

class TestSetupWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void walksEveryPageWithSeedCommands();
    void connectPageFillsFieldsFromGcloud_data();
    void connectPageFillsFieldsFromGcloud();
    void gcloudModeTakesUserAndKeyFromTheCommand();
    void badInputShowsInlineErrorsAndKeepsText();
    void delegateImageAgeWarnsInline();
    void tokenMaskedUntilRevealed();
    void sudoCheckboxPrefixesCommands();
    void copyAllAndExportAreTheEnginesPlan();
    void customClusterShowsUrlField();
    void keychainLoadsAtStartAndForgets();
    void delegatePageTakesSuggestions();
    void noKeychainSaysSoAndStoresNothing();
    void keychainUntouchedUnlessRememberChosen();
    void closeWithUnsavedAnswersAsks();
    void continueWhereYouLeftOff();
    void answersRoundTripWithoutSecrets();
    void answersOpenedOnTheFirstPage();
    void inlineErrorsCanBeCopied();
    void pagesBuildOnFirstShowAndSayWhen();
    void localEnvironmentIsFound();

private:
    SetupWizard *makeWizard();
    void next(int expectedId);
    void walkTo(int id);

    QTemporaryDir m_dir;
    QString m_poolFile;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<SetupWizard> m_wizard;
};

void TestSetupWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    // A home of our own: a gcloud key and an ssh config with aliases, no agent.
    QDir(m_dir.path()).mkpath(QStringLiteral("home/.ssh"));
    const QString home = m_dir.filePath(QStringLiteral("home"));
    qputenv("HOME", home.toUtf8());
    qunsetenv("SSH_AUTH_SOCK");
    QFile key(home + QStringLiteral("/.ssh/google_compute_engine"));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    key.close();
    QFile config(home + QStringLiteral("/.ssh/config"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("Host runner-vm gs-*\n  HostName 203.0.113.7\nHost=bastion # jump\nHost *\n");
    config.close();

    m_poolFile = m_dir.filePath(QStringLiteral("pool.yaml"));
    QFile pool(m_poolFile);
    QVERIFY(pool.open(QIODevice::WriteOnly));
    pool.write("version: \"1\"\ninstances:\n  - name: gitspaces\n    type: google\n");
    pool.close();
}

void TestSetupWizard::init()
{
    QSettings().clear();
    QFile::remove(WizardModel::autosaveFile());
    m_store = std::make_unique<MemorySecretStore>();
}

void TestSetupWizard::cleanup()
{
    m_wizard.reset();
    m_store.reset();
}

SetupWizard *TestSetupWizard::makeWizard()
{
    m_wizard = std::make_unique<SetupWizard>(m_store.get());
    m_wizard->show();
    if (!QTest::qWaitForWindowExposed(m_wizard.get()))
        qWarning("wizard not exposed");
    // The keychain answers asynchronously at start.
    QTest::qWait(0);
    return m_wizard.get();
}

void TestSetupWizard::next(int expectedId)
{
    QAbstractButton *nextButton = m_wizard->button(QWizard::NextButton);
    QVERIFY(nextButton->isEnabled());
    QTest::mouseClick(nextButton, Qt::LeftButton);
    QTRY_COMPARE(m_wizard->currentId(), expectedId);
}

// Fills every page with valid input up to page `id`.
void TestSetupWizard::walkTo(int id)
{
    SetupWizard *w = m_wizard.get();
    if (w->currentId() == SetupWizard::Prerequisites && id > SetupWizard::Prerequisites) {
        typeInto(child<QLineEdit>(w->currentPage(), "prereqPoolFileEdit"), m_poolFile);
        next(SetupWizard::Connect);
    }
    if (w->currentId() == SetupWizard::Connect && id > SetupWizard::Connect) {
        typeInto(child<QLineEdit>(w->currentPage(), "gcloudCommandEdit"), Gcloud);
        next(SetupWizard::Docker);
    }
    if (w->currentId() == SetupWizard::Docker && id > SetupWizard::Docker)
        next(SetupWizard::Runner);
    if (w->currentId() == SetupWizard::Runner && id > SetupWizard::Runner) {
        continueDespitePoolErrors(w->currentPage());
        next(SetupWizard::Delegate);
    }
    if (w->currentId() == SetupWizard::Delegate && id > SetupWizard::Delegate) {
        typeInto(child<QLineEdit>(w->currentPage(), "accountIdEdit"), AccountId);
        typeInto(child<QLineEdit>(w->currentPage(), "tokenEdit"), Token);
        typeInto(child<QLineEdit>(w->currentPage(), "delegateTagsEdit"),
                 QStringLiteral("gitspaces"));
        next(SetupWizard::Selector);
    }
    if (w->currentId() == SetupWizard::Selector && id > SetupWizard::Selector)
        next(SetupWizard::Summary);
    QCOMPARE(w->currentId(), id);
}

void TestSetupWizard::walksEveryPageWithSeedCommands()
{
    SetupWizard *w = makeWizard();
    QCOMPARE(w->currentId(), int(SetupWizard::Prerequisites));

    // Prerequisites: the pool file picked here is the one the runner page uses.
    QWizardPage *page = w->currentPage();
    QVERIFY(child<QCheckBox>(page, "fundamentalsCheck"));
    QVERIFY(child<QAbstractButton>(page, "guideLink2")
                ->toolTip()
                .contains(QLatin1String("gitspace-infra-terraform")));
    typeInto(child<QLineEdit>(page, "prereqPoolFileEdit"), m_poolFile);
    QVERIFY(child<QLabel>(page, "prereqPoolFileError")->isHidden());
    next(SetupWizard::Connect);

    // Connect: the pasted gcloud command is understood and shown back.
    page = w->currentPage();
    typeInto(child<QLineEdit>(page, "gcloudCommandEdit"), Gcloud);
    QCOMPARE(child<QLineEdit>(page, "instanceEdit")->text(), QStringLiteral("gs-runner-vm"));
    auto *connectCommands = child<CommandView>(page, "connectCommands");
    QStringList words;
    QVERIFY(shellSplit(commandText(connectCommands, QStringLiteral("connect.gcloud")), &words));
    QStringList seedWords;
    QVERIFY(shellSplit(Gcloud, &seedWords));
    std::sort(words.begin(), words.end());
    std::sort(seedWords.begin(), seedWords.end());
    QCOMPARE(words, seedWords);
    QVERIFY(child<QCheckBox>(page, "useSudoCheck")->isChecked());
    QVERIFY(page->findChild<QLayout *>(QStringLiteral("connectionArea")));
    next(SetupWizard::Docker);

    // Docker: check first, install only when missing.
    auto *dockerCommands = child<CommandView>(w->currentPage(), "dockerCommands");
    QVERIFY(commandText(dockerCommands, QStringLiteral("docker.check"))
                .contains(QLatin1String("docker version")));
    QVERIFY(!commandText(dockerCommands, QStringLiteral("docker.install")).isEmpty());
    next(SetupWizard::Runner);

    // VM Runner: mkdir, pool.yaml, network only if missing, the seed's docker run.
    page = w->currentPage();
    QCOMPARE(child<QLineEdit>(page, "runnerPoolFileEdit")->text(), m_poolFile);
    auto *runnerCommands = child<CommandView>(page, "runnerCommands");
    QCOMPARE(commandText(runnerCommands, QStringLiteral("runner.directory")),
             QStringLiteral("sudo mkdir -p /runner"));
    const QString poolPaste = commandText(runnerCommands, QStringLiteral("runner.pool"), true);
    QVERIFY2(poolPaste.contains(QLatin1String("/runner/pool.yaml")), qPrintable(poolPaste));
    QVERIFY2(poolPaste.contains(QLatin1String("instances:\n  - name: gitspaces")),
             qPrintable(poolPaste));
    const QString network = commandText(runnerCommands, QStringLiteral("runner.network"));
    QVERIFY(network.contains(QLatin1String("docker network inspect harness")));
    QVERIFY(network.contains(QLatin1String("|| sudo docker network create harness")));
    const DockerRun runner =
        parseDockerRun(commandText(runnerCommands, QStringLiteral("runner.run"), true));
    const DockerRun seedRunner = parseDockerRun(SeedRunner);
    QStringList expected = seedRunner.options;
    // What the seed's command lacks: a name, a restart policy, and our label (uninstall removes
    // only what is ours).
    expected << QStringLiteral("--name vm-runner") << QStringLiteral("--restart unless-stopped")
             << QStringLiteral("--label io.harness.gitspaces-setup=runner");
    expected.sort();
    QCOMPARE(runner.options, expected);
    QCOMPARE(runner.image, seedRunner.image);
    QCOMPARE(runner.arguments, seedRunner.arguments);
    QVERIFY(runner.sudo);
    QVERIFY(page->findChild<QLayout *>(QStringLiteral("poolEditorArea")));
    QVERIFY(page->findChild<QLayout *>(QStringLiteral("runnerRunArea")));
    continueDespitePoolErrors(page);
    next(SetupWizard::Delegate);

    // Delegate: every variable of the seed's command; the token on stdin, not in argv.
    page = w->currentPage();
    QCOMPARE(child<QLineEdit>(page, "delegateNameEdit")->text(), QStringLiteral("docker-delegate"));
    QVERIFY(!w->button(QWizard::NextButton)->isEnabled()); // account id still missing
    typeInto(child<QLineEdit>(page, "accountIdEdit"), AccountId);
    typeInto(child<QLineEdit>(page, "tokenEdit"), Token);
    typeInto(child<QLineEdit>(page, "delegateTagsEdit"), QStringLiteral("gitspaces"));
    auto *delegateCommands = child<CommandView>(page, "delegateCommands");
    const QString delegatePaste =
        commandText(delegateCommands, QStringLiteral("delegate.run"), true);
    const DockerRun delegate = parseDockerRun(delegatePaste);
    const DockerRun seedDelegate = parseDockerRun(SeedDelegate);
    expected = seedDelegate.options;
    expected.removeAll(QStringLiteral("-e DELEGATE_TOKEN=") + Token);
    expected << QStringLiteral("--name docker-delegate")
             << QStringLiteral("--restart unless-stopped")
             << QStringLiteral("--label io.harness.gitspaces-setup=delegate")
             << QStringLiteral("--env-file /dev/stdin");
    expected.sort();
    QCOMPARE(delegate.options, expected);
    QCOMPARE(delegate.image, seedDelegate.image);
    QCOMPARE(delegate.arguments, seedDelegate.arguments);
    QVERIFY(delegatePaste.contains(QLatin1String("read -rs")));
    QVERIFY(!delegatePaste.contains(Token));
    // "Remember" is opt-in; ticked, leaving the page remembers the secrets.
    auto *remember = child<QCheckBox>(page, "rememberSecretsCheck");
    QVERIFY(!remember->isChecked());
    clickIndicator(remember);
    next(SetupWizard::Selector);
    QTRY_COMPARE(m_store->entries().value(QLatin1String(SecretKeys::DelegateToken)), Token);
    QCOMPARE(m_store->entries().value(QLatin1String(SecretKeys::AccountId)), AccountId);

    // Delegate Selector: the values with copy buttons.
    page = w->currentPage();
    QCOMPARE(child<QLineEdit>(page, "selectorDelegateName")->text(),
             QStringLiteral("docker-delegate"));
    QTest::mouseClick(child<QToolButton>(page, "selectorDelegateNameCopy"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("docker-delegate"));
    QCOMPARE(child<QLineEdit>(page, "selectorDelegateTags")->text(), QStringLiteral("gitspaces"));
    QVERIFY(page->findChild<QLayout *>(QStringLiteral("delegateStatusArea")));
    next(SetupWizard::Summary);

    // Summary: every step, the export, the answers.
    page = w->currentPage();
    const QString summary = child<QPlainTextEdit>(page, "summaryText")->toPlainText();
    QVERIFY(summary.contains(QLatin1String("docker network create harness")));
    QVERIFY(summary.contains(QLatin1String("--env-file /dev/stdin")));
    QVERIFY(!summary.contains(Token));
    const QString script = m_dir.filePath(QStringLiteral("setup.sh"));
    FileDialogs::setNextAnswerForTests(script);
    QTest::mouseClick(child<QPushButton>(page, "exportScriptButton"), Qt::LeftButton);
    QFile scriptFile(script);
    QVERIFY(scriptFile.open(QIODevice::ReadOnly));
    const QString scriptText = QString::fromUtf8(scriptFile.readAll());
    QVERIFY(scriptText.startsWith(QLatin1String("#!/usr/bin/env bash")));
    QVERIFY(scriptText.contains(QLatin1String("read -rs")));
    QVERIFY(!scriptText.contains(Token));
    QVERIFY(w->button(QWizard::FinishButton)->isVisible());
}

void TestSetupWizard::connectPageFillsFieldsFromGcloud_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("project");
    QTest::addColumn<bool>("iap");

    QTest::newRow("console") << Gcloud << "gs-runner-vm"
                             << "us-west1-a"
                             << "my-proj" << true;
    QTest::newRow("no iap, flags after")
        << QStringLiteral("gcloud compute ssh gs-vm --zone=europe-west1-b --project=p-1") << "gs-vm"
        << "europe-west1-b"
        << "p-1" << false;
}

void TestSetupWizard::connectPageFillsFieldsFromGcloud()
{
    QFETCH(QString, command);
    QFETCH(QString, instance);
    QFETCH(QString, zone);
    QFETCH(QString, project);
    QFETCH(bool, iap);
    makeWizard();
    walkTo(SetupWizard::Connect);
    QWizardPage *page = m_wizard->currentPage();
    typeInto(child<QLineEdit>(page, "gcloudCommandEdit"), command);
    QCOMPARE(child<QLineEdit>(page, "instanceEdit")->text(), instance);
    QCOMPARE(child<QLineEdit>(page, "zoneEdit")->text(), zone);
    QCOMPARE(child<QLineEdit>(page, "projectEdit")->text(), project);
    QCOMPARE(child<QCheckBox>(page, "iapCheck")->isChecked(), iap);
    QVERIFY(child<QLabel>(page, "gcloudCommandError")->isHidden());

    // Editing a part rewrites the command the wizard uses.
    typeInto(child<QLineEdit>(page, "zoneEdit"), QStringLiteral("asia-east1-a"));
    QVERIFY(m_wizard->model()->config().ssh.gcloudCommand.contains(QLatin1String("asia-east1-a")));
    QVERIFY(
        commandText(child<CommandView>(page, "connectCommands"), QStringLiteral("connect.gcloud"))
            .contains(QLatin1String("asia-east1-a")));
}

// In gcloud mode the direct fields are off: what they held must not pick the login. The pasted
// command alone names the user (user@) and the key (--ssh-key-file, else gcloud's own).
void TestSetupWizard::gcloudModeTakesUserAndKeyFromTheCommand()
{
    makeWizard();
    walkTo(SetupWizard::Connect);
    QWizardPage *page = m_wizard->currentPage();
    clickIndicator(child<QAbstractButton>(page, "directModeRadio"));
    typeInto(child<QLineEdit>(page, "hostEdit"), QStringLiteral("203.0.113.7"));
    typeInto(child<QLineEdit>(page, "userEdit"), QStringLiteral("ops"));
    typeInto(child<QLineEdit>(page, "identityFileEdit"), QStringLiteral("/keys/direct"));
    QCOMPARE(m_wizard->model()->config().ssh.user, QStringLiteral("ops"));

    clickIndicator(child<QAbstractButton>(page, "gcloudModeRadio"));
    typeInto(child<QLineEdit>(page, "gcloudCommandEdit"),
             QStringLiteral("gcloud compute ssh --zone z admin@gs-vm --tunnel-through-iap"));
    QCOMPARE(m_wizard->model()->config().ssh.user, QStringLiteral("admin"));
    QVERIFY(m_wizard->model()->config().ssh.identityFile.isEmpty());
    typeInto(child<QLineEdit>(page, "gcloudCommandEdit"),
             QStringLiteral("gcloud compute ssh --zone z gs-vm --tunnel-through-iap "
                            "--ssh-key-file /keys/gce --ssh-flag='-p 2222'"));
    QVERIFY(m_wizard->model()->config().ssh.user.isEmpty()); // no stale "admin"
    // Editing a part keeps the key file and the port of the pasted command.
    typeInto(child<QLineEdit>(page, "zoneEdit"), QStringLiteral("z2"));
    GcloudSshCommand command;
    QString error;
    QVERIFY2(
        GcloudSshCommand::parse(m_wizard->model()->config().ssh.gcloudCommand, &command, &error),
        qPrintable(error));
    QCOMPARE(command.zone, QStringLiteral("z2"));
    QCOMPARE(command.sshKeyFile, QStringLiteral("/keys/gce"));
    QCOMPARE(command.port, 2222);
    // The direct fields still hold what was typed there, for going back.
    clickIndicator(child<QAbstractButton>(page, "directModeRadio"));
    QCOMPARE(m_wizard->model()->config().ssh.user, QStringLiteral("ops"));
    QCOMPARE(m_wizard->model()->config().ssh.identityFile, QStringLiteral("/keys/direct"));
}

void TestSetupWizard::badInputShowsInlineErrorsAndKeepsText()
{
    makeWizard();
    walkTo(SetupWizard::Connect);
    QWizardPage *page = m_wizard->currentPage();
    const QString garbage = QStringLiteral("ssh me@host --zone");
    typeInto(child<QLineEdit>(page, "gcloudCommandEdit"), garbage);
    auto *gcloudError = child<QLabel>(page, "gcloudCommandError");
    QVERIFY(gcloudError->isVisible());
    QVERIFY(!gcloudError->text().isEmpty());
    QCOMPARE(child<QLineEdit>(page, "gcloudCommandEdit")->text(), garbage);
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());

    // The direct mode checks the host as typed.
    clickIndicator(child<QAbstractButton>(page, "directModeRadio"));
    typeInto(child<QLineEdit>(page, "hostEdit"), QStringLiteral("bad host name"));
    QVERIFY(child<QLabel>(page, "hostError")->isVisible());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    typeInto(child<QLineEdit>(page, "hostEdit"), QStringLiteral("203.0.113.7"));
    QVERIFY(child<QLabel>(page, "hostError")->isHidden());
    QVERIFY(commandText(child<CommandView>(page, "connectCommands"), QStringLiteral("connect.ssh"))
                .contains(QLatin1String("203.0.113.7")));
    // The pasted text survives switching modes.
    QCOMPARE(child<QLineEdit>(page, "gcloudCommandEdit")->text(), garbage);

    walkTo(SetupWizard::Delegate);
    page = m_wizard->currentPage();
    const struct
    {
        const char *field;
        const char *error;
        QString bad;
    } cases[] = {
        {"delegateNameEdit", "delegateNameError", QStringLiteral("Docker_Delegate")},
        {"accountIdEdit", "accountIdError", QStringLiteral("too-short")},
        {"tokenEdit", "tokenError", QStringLiteral("not-a-token")},
        {"cpusEdit", "cpusError", QStringLiteral("lots")},
        {"memoryEdit", "memoryError", QStringLiteral("2 gigs")},
        {"delegateImageEdit", "delegateImageError", QStringLiteral("not an image")},
    };
    typeInto(child<QLineEdit>(page, "accountIdEdit"), AccountId);
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    for (const auto &c : cases) {
        auto *edit = child<QLineEdit>(page, c.field);
        const QString good = edit->text();
        typeInto(edit, c.bad);
        auto *error = child<QLabel>(page, c.error);
        QVERIFY2(error->isVisible() && !error->text().isEmpty(), c.field);
        QVERIFY2(!m_wizard->button(QWizard::NextButton)->isEnabled(), c.field);
        QCOMPARE(edit->text(), c.bad); // nothing the user typed is lost
        typeInto(edit, good);
        QVERIFY2(m_wizard->button(QWizard::NextButton)->isEnabled(), c.field);
    }
}

// Without an API key the Delegate page judges the image by its tag's date, under the field. The
// default (documented) tag is long expired: the admin is told at once, not let through silently.
void TestSetupWizard::delegateImageAgeWarnsInline()
{
    makeWizard();
    walkTo(SetupWizard::Delegate);
    DelegatePage *page = m_wizard->delegatePage();
    auto *image = child<QLineEdit>(page, "delegateImageEdit");
    auto *note = child<InlineError>(page, "delegateImageError");
    QCOMPARE(image->text(), SetupConfig().delegate.image);
    QVERIFY(image->text().endsWith(QLatin1String(":25.03.85504")));
    QVERIFY(note->isVisible());
    for (const char *part :
         {"25.03.85504", "months ago", "expired around", "Harness UI", "Harness API key"})
        QVERIFY2(note->text().contains(QLatin1String(part)), qPrintable(note->text()));
    // A warning, not a blocker (a mirror may re-tag images): Next stays possible.
    QVERIFY(!note->hasError());
    typeInto(child<QLineEdit>(page, "accountIdEdit"), AccountId);
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());

    const QString repo = QStringLiteral("harness/delegate:");
    const auto tagMonthsAgo = [&](int months) {
        return repo + QDate::currentDate().addMonths(-months).toString(QStringLiteral("yy.MM")) +
               QStringLiteral(".88404");
    };
    typeInto(image, tagMonthsAgo(0));
    QVERIFY2(note->isHidden(), qPrintable(note->text()));
    typeInto(image, tagMonthsAgo(4) + QStringLiteral(".minimal"));
    QVERIFY2(note->isHidden(), qPrintable(note->text()));
    typeInto(image, tagMonthsAgo(5));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("expires around")), qPrintable(note->text()));
    typeInto(image, repo + QStringLiteral("latest"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("deprecated")), qPrintable(note->text()));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());

    // Harness told the latest version (API key): its verdict, in the account check, wins.
    typeInto(image, SetupConfig().delegate.image);
    QVERIFY(note->isVisible());
    page->setLatestDelegateVersion(QStringLiteral("26.02.88404"));
    QVERIFY(note->isHidden());
    page->setLatestDelegateVersion(QString()); // withdrawn: the date speaks again
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("expired around")));

    // Set from outside the field (e.g. "Use this image"): judged all the same.
    m_wizard->model()->edit([&](SetupConfig &c) { c.delegate.image = tagMonthsAgo(1); });
    QVERIFY(note->isHidden());
}

void TestSetupWizard::tokenMaskedUntilRevealed()
{
    makeWizard();
    walkTo(SetupWizard::Delegate);
    QWizardPage *page = m_wizard->currentPage();
    typeInto(child<QLineEdit>(page, "accountIdEdit"), AccountId);
    auto *token = child<QLineEdit>(page, "tokenEdit");
    typeInto(token, Token);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    auto *commands = child<CommandView>(page, "delegateCommands");
    auto *runText = child<QPlainTextEdit>(commands, "commandText_delegate_run");
    QVERIFY(!runText->toPlainText().contains(Token));
    QVERIFY(!runText->toPlainText().contains(QStringLiteral("••••••••")));

    // Not revealed: what is shown is what is copied, reading the token at a hidden prompt.
    QApplication::clipboard()->clear();
    QTest::mouseClick(child<QToolButton>(commands, "copyButton_delegate_run"), Qt::LeftButton);
    QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied, runText->toPlainText());
    QVERIFY(copied.contains(QLatin1String("read -rs")));
    QVERIFY(copied.contains(QLatin1String("--env-file /dev/stdin")));
    QVERIFY(!copied.contains(Token));
    QTest::mouseClick(child<QPushButton>(commands, "copyAllButton"), Qt::LeftButton);
    QVERIFY(!QApplication::clipboard()->text().contains(Token));

    // Revealed: shown and copied in clear, on the user's request only.
    auto *reveal = child<QToolButton>(page, "revealTokenButton");
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(token->echoMode(), QLineEdit::Normal);
    QVERIFY(runText->toPlainText().contains(Token));
    QTest::mouseClick(child<QToolButton>(commands, "copyButton_delegate_run"), Qt::LeftButton);
    copied = QApplication::clipboard()->text();
    QVERIFY(copied.contains(Token));
    QVERIFY(!copied.contains(QLatin1String("read -rs")));

    // Hidden again: masked again.
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QVERIFY(!runText->toPlainText().contains(Token));
    QTest::mouseClick(child<QToolButton>(commands, "copyButton_delegate_run"), Qt::LeftButton);
    QVERIFY(!QApplication::clipboard()->text().contains(Token));
}

// What the Runner page shows and "Copy all" copies, and the script the Summary page exports,
// are the plan the engine runs: pool.yaml as it goes up, with the relative json_path Terraform
// wrote pointed at the key inside the container.
void TestSetupWizard::copyAllAndExportAreTheEnginesPlan()
{
    const QString poolFile = m_dir.filePath(QStringLiteral("terraform/pool.yaml"));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("terraform")));
    QFile pool(poolFile);
    QVERIFY(pool.open(QIODevice::WriteOnly));
    pool.write("version: \"1\"\ninstances:\n  - name: gitspaces\n    type: google\n    spec:\n"
               "      account:\n        project_id: my-proj\n        json_path: sa.json");
    pool.close();
    QFile key(m_dir.filePath(QStringLiteral("terraform/sa.json")));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write("{\"type\": \"service_account\", \"private_key\": \"SECRETKEYMATERIAL\"}");
    key.close();
    const QString seedPool = m_poolFile;
    m_poolFile = poolFile;
    makeWizard();
    walkTo(SetupWizard::Runner);
    m_poolFile = seedPool;

    const SetupConfig config = m_wizard->model()->config();
    const CommandBuilder engine = steps::effectivePlan(
        config, Privileges::fromAnswer(config.ssh.sudo), steps::preparePool(config));
    auto *commands = child<CommandView>(m_wizard->currentPage(), "runnerCommands");
    QApplication::clipboard()->clear();
    QTest::mouseClick(child<QPushButton>(commands, "copyAllButton"), Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied, engine.renderStepForPaste(engine.runner(), TokenDisplay::HiddenPrompt));
    QCOMPARE(commands->displayedText().isEmpty(), false);
    QVERIFY2(copied.contains(QLatin1String("json_path: /runner/sa.json\n")), qPrintable(copied));
    QVERIFY(!copied.contains(QLatin1String("json_path: sa.json")));
    QVERIFY(copied.contains(QLatin1String("< sa.json")));
    QVERIFY(!copied.contains(QLatin1String("SECRETKEYMATERIAL")));

    walkTo(SetupWizard::Summary);
    auto *summary = qobject_cast<SummaryPage *>(m_wizard->currentPage());
    QVERIFY(summary);
    const QString exported = m_dir.filePath(QStringLiteral("setup-export.sh"));
    QVERIFY(summary->exportScript(exported));
    QFile script(exported);
    QVERIFY(script.open(QIODevice::ReadOnly));
    const QString expected = setupScript(
        steps::effectivePlan(m_wizard->model()->config(),
                             Privileges::fromAnswer(m_wizard->model()->config().ssh.sudo),
                             steps::preparePool(m_wizard->model()->config())),
        QStringLiteral("setup-export.sh"));
    QCOMPARE(QString::fromUtf8(script.readAll()), expected);
    QVERIFY(!expected.contains(QLatin1String("SECRETKEYMATERIAL")));
    QVERIFY(!expected.contains(Token));
}

void TestSetupWizard::sudoCheckboxPrefixesCommands()
{
    makeWizard();
    walkTo(SetupWizard::Connect);
    auto *sudo = child<QCheckBox>(m_wizard->currentPage(), "useSudoCheck");
    clickIndicator(sudo);
    QVERIFY(!sudo->isChecked());
    walkTo(SetupWizard::Runner);
    auto *commands = child<CommandView>(m_wizard->currentPage(), "runnerCommands");
    QCOMPARE(commandText(commands, QStringLiteral("runner.directory")),
             QStringLiteral("mkdir -p /runner"));
    const DockerRun run = parseDockerRun(commandText(commands, QStringLiteral("runner.run")));
    QVERIFY(!run.sudo);
    QCOMPARE(run.options, [] {
        QStringList options = parseDockerRun(SeedRunner).options;
        options << QStringLiteral("--name vm-runner") << QStringLiteral("--restart unless-stopped")
                << QStringLiteral("--label io.harness.gitspaces-setup=runner");
        options.sort();
        return options;
    }());
}

void TestSetupWizard::customClusterShowsUrlField()
{
    makeWizard();
    walkTo(SetupWizard::Delegate);
    QWizardPage *page = m_wizard->currentPage();
    typeInto(child<QLineEdit>(page, "accountIdEdit"), AccountId);
    auto *combo = child<QComboBox>(page, "clusterCombo");
    auto *custom = child<QLineEdit>(page, "customManagerEdit");
    QVERIFY(!custom->isEnabled());
    const int customIndex = combo->findData(QStringLiteral("custom"));
    QVERIFY(customIndex >= 0);
    combo->setCurrentIndex(customIndex);
    QVERIFY(custom->isEnabled());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    typeInto(custom, QStringLiteral("https://harness.example.com"));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    const DockerRun run = parseDockerRun(
        commandText(child<CommandView>(page, "delegateCommands"), QStringLiteral("delegate.run")));
    QVERIFY(run.options.contains(
        QStringLiteral("-e MANAGER_HOST_AND_PORT=https://harness.example.com")));
}

void TestSetupWizard::keychainLoadsAtStartAndForgets()
{
    // Read at start only for a user who chose "remember" before.
    QSettings().setValue(QStringLiteral("rememberSecrets"), true);
    m_store->setEntry(QLatin1String(SecretKeys::DelegateToken), Token);
    m_store->setEntry(QLatin1String(SecretKeys::AccountId), AccountId);
    makeWizard();
    QTRY_COMPARE(m_wizard->model()->token(), Token);
    QTRY_COMPARE(m_wizard->model()->config().delegate.accountId, AccountId);
    walkTo(SetupWizard::Delegate);
    QWizardPage *page = m_wizard->currentPage();
    QCOMPARE(child<QLineEdit>(page, "accountIdEdit")->text(), AccountId);
    QCOMPARE(child<QLineEdit>(page, "tokenEdit")->text(), Token);
    QVERIFY(child<QCheckBox>(page, "rememberSecretsCheck")->isChecked());
    QTest::mouseClick(child<QPushButton>(page, "forgetSecretsButton"), Qt::LeftButton);
    QTRY_VERIFY(m_store->entries().isEmpty());
    QTRY_VERIFY(
        child<QLabel>(page, "keychainStatusLabel")->text().contains(QLatin1String("Forgotten")));
}

// The account check's "Try <cluster>" and "Use this image" go through the page's own interface:
// the fields show the choice and the model keeps it, as if the user had picked it.
void TestSetupWizard::delegatePageTakesSuggestions()
{
    makeWizard();
    walkTo(SetupWizard::Delegate);
    DelegatePage *page = m_wizard->delegatePage();
    auto *cluster = child<QComboBox>(page, "clusterCombo");
    auto *custom = child<QLineEdit>(page, "customManagerEdit");
    page->useManagerUrl(QStringLiteral("https://app3.harness.io"));
    QCOMPARE(cluster->currentData().toString(), QStringLiteral("prod3"));
    QVERIFY(custom->text().isEmpty());
    QCOMPARE(m_wizard->model()->config().delegate.manager,
             QStringLiteral("https://app3.harness.io"));
    page->useManagerUrl(QStringLiteral("https://harness.example.com"));
    QCOMPARE(cluster->currentData().toString(), QStringLiteral("custom"));
    QCOMPARE(custom->text(), QStringLiteral("https://harness.example.com"));
    QCOMPARE(m_wizard->model()->config().delegate.manager,
             QStringLiteral("https://harness.example.com"));
    const QString image = QStringLiteral("harness/delegate:26.02.88404");
    page->useImage(image);
    QCOMPARE(child<QLineEdit>(page, "delegateImageEdit")->text(), image);
    QCOMPARE(m_wizard->model()->config().delegate.image, image);
}

void TestSetupWizard::noKeychainSaysSoAndStoresNothing()
{
    m_store->setAvailable(false);
    makeWizard();
    walkTo(SetupWizard::Delegate);
    QWizardPage *page = m_wizard->currentPage();
    auto *status = child<QLabel>(page, "keychainStatusLabel");
    auto *remember = child<QCheckBox>(page, "rememberSecretsCheck");
    QVERIFY(!remember->isChecked()); // opt-in
    QVERIFY(remember->isEnabled());
    clickIndicator(remember);
    // In words, not the D-Bus error; and the box says what really happens: nothing is kept.
    QTRY_VERIFY(status->text().contains(QLatin1String("No keychain")));
    QCOMPARE(status->text(), SecretsKeeper::unavailableMessage());
    QVERIFY(status->text().contains(
        QLatin1String("The token stays in memory until the wizard closes")));
    QVERIFY(!status->text().contains(QLatin1String("D-Bus")));
    QVERIFY(!remember->isChecked());
    QVERIFY(!remember->isEnabled());
    QCOMPARE(remember->toolTip(), status->text());
    QVERIFY(!m_wizard->model()->rememberSecrets());
    walkTo(SetupWizard::Selector);
    QTRY_VERIFY(m_wizard->secretsKeeper()->state() == SecretsKeeper::State::Unavailable);
    QVERIFY(m_store->entries().isEmpty());
    // The values stay in memory for this session.
    QCOMPARE(m_wizard->model()->token(), Token);
}

// A counting SecretStore: leaving the Delegate page, saving the answers and reaching the Summary
// never touch the keychain unless "remember" was chosen (a keychain may ask to create or unlock
// a keyring when touched).
void TestSetupWizard::keychainUntouchedUnlessRememberChosen()
{
    m_store->setEntry(QLatin1String(SecretKeys::DelegateToken), Token);
    makeWizard();
    walkTo(SetupWizard::Delegate);
    QWizardPage *page = m_wizard->currentPage();
    auto *remember = child<QCheckBox>(page, "rememberSecretsCheck");
    QVERIFY(!remember->isChecked());
    walkTo(SetupWizard::Summary);
    m_wizard->runController()->embedAll(); // the Harness widgets would read the API key
    QTest::qWait(50);
    QCOMPARE(m_store->operationCount(), 0);
    QCOMPARE(m_wizard->model()->token(), Token); // typed, in memory

    // Chosen: then (and only then) the keychain is used, and the choice is remembered as a
    // preference for the next start.
    m_wizard->back();
    m_wizard->back();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Delegate));
    clickIndicator(child<QCheckBox>(m_wizard->currentPage(), "rememberSecretsCheck"));
    QVERIFY(m_wizard->model()->rememberSecrets());
    next(SetupWizard::Selector);
    QTRY_COMPARE(m_store->entries().value(QLatin1String(SecretKeys::AccountId)), AccountId);
    QVERIFY(m_store->operationCount() > 0);
    m_wizard.reset();
    QVERIFY(QSettings().value(QStringLiteral("rememberSecrets")).toBool());
    // Next start: read at once, as chosen.
    makeWizard();
    QTRY_COMPARE(m_wizard->model()->token(), Token);
}

void TestSetupWizard::closeWithUnsavedAnswersAsks()
{
    makeWizard();
    // Nothing given: closing asks nothing.
    QVERIFY(!m_wizard->model()->hasUnsavedAnswers());
    walkTo(SetupWizard::Connect);
    QVERIFY(m_wizard->model()->hasUnsavedAnswers());

    // Close: a window-modal question, the wizard stays; "Go back" (the default, and Escape)
    // keeps it open with the answers.
    QVERIFY(!m_wizard->close());
    QVERIFY(m_wizard->isVisible());
    auto *box = m_wizard->findChild<QMessageBox *>(QStringLiteral("unsavedAnswersDialog"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    auto *back = child<QPushButton>(box, "unsavedGoBackButton");
    QCOMPARE(box->defaultButton(), back);
    QVERIFY(child<QPushButton>(box, "unsavedSaveButton"));
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!m_wizard->findChild<QMessageBox *>(QStringLiteral("unsavedAnswersDialog")));
    QVERIFY(m_wizard->isVisible());
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Connect));

    // Cancel asks too; "Save…" writes the answers (no secret) and closes.
    QTest::mouseClick(m_wizard->button(QWizard::CancelButton), Qt::LeftButton);
    box = m_wizard->findChild<QMessageBox *>(QStringLiteral("unsavedAnswersDialog"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    const QString answers = m_dir.filePath(QStringLiteral("closing.yaml"));
    FileDialogs::setNextAnswerForTests(answers);
    QTest::mouseClick(child<QPushButton>(box, "unsavedSaveButton"), Qt::LeftButton);
    QTRY_VERIFY(!m_wizard->isVisible());
    QVERIFY(ConfigFile::load(answers).ok);

    // Discard closes without saving.
    m_wizard.reset();
    makeWizard();
    walkTo(SetupWizard::Connect);
    QVERIFY(!m_wizard->close());
    box = m_wizard->findChild<QMessageBox *>(QStringLiteral("unsavedAnswersDialog"));
    QVERIFY(box);
    QTest::mouseClick(child<QPushButton>(box, "unsavedDiscardButton"), Qt::LeftButton);
    QTRY_VERIFY(!m_wizard->isVisible());
}

void TestSetupWizard::continueWhereYouLeftOff()
{
    makeWizard();
    walkTo(SetupWizard::Delegate);
    typeInto(child<QLineEdit>(m_wizard->currentPage(), "accountIdEdit"), AccountId);
    typeInto(child<QLineEdit>(m_wizard->currentPage(), "tokenEdit"), Token);
    typeInto(child<QLineEdit>(m_wizard->currentPage(), "delegateNameEdit"),
             QStringLiteral("kept-delegate"));
    // Kept as you go: a config file in the app's config folder, never a secret.
    QTRY_VERIFY(QFile::exists(WizardModel::autosaveFile()));
    QTRY_VERIFY([] {
        QFile f(WizardModel::autosaveFile());
        return f.open(QIODevice::ReadOnly) && f.readAll().contains("kept-delegate");
    }());
    {
        QFile f(WizardModel::autosaveFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray kept = f.readAll();
        QVERIFY(!kept.contains(Token.toUtf8()));
        QVERIFY(!kept.contains(AccountId.toUtf8()));
    }
    m_wizard.reset();

    // Next start: offered inline on the first page, loaded only when asked.
    makeWizard();
    auto *page = m_wizard->prerequisitesPage();
    QTRY_VERIFY(page->resumeOffered());
    auto *resume = child<QPushButton>(page, "prereqResumeButton");
    QVERIFY(resume->isVisible());
    QVERIFY(m_wizard->model()->config().delegate.name != QLatin1String("kept-delegate"));
    QTest::mouseClick(resume, Qt::LeftButton);
    QCOMPARE(m_wizard->model()->config().delegate.name, QStringLiteral("kept-delegate"));
    QCOMPARE(m_wizard->model()->config().runner.poolFile, m_poolFile);
    QVERIFY(m_wizard->model()->config().ssh.gcloudCommand.contains(QLatin1String("gs-runner-vm")));
    QVERIFY(m_wizard->model()->token().isEmpty());                     // no secret
    QVERIFY(m_wizard->model()->config().delegate.accountId.isEmpty()); // nor the account id
    QVERIFY(!page->resumeOffered());
}

void TestSetupWizard::answersRoundTripWithoutSecrets()
{
    // The account id goes to the keychain only for a user who chose to remember it.
    QSettings().setValue(QStringLiteral("rememberSecrets"), true);
    makeWizard();
    walkTo(SetupWizard::Summary);
    auto *summary = static_cast<SummaryPage *>(m_wizard->currentPage());
    const QString answers = m_dir.filePath(QStringLiteral("answers.yaml"));
    FileDialogs::setNextAnswerForTests(answers);
    QTest::mouseClick(child<QPushButton>(summary, "saveAnswersButton"), Qt::LeftButton);
    QFile file(answers);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray yaml = file.readAll();
    QVERIFY(yaml.contains("gs-runner-vm"));
    QVERIFY(!yaml.contains(AccountId.toUtf8()));
    QVERIFY(!yaml.contains(Token.toUtf8()));
    const auto loaded = ConfigFile::load(answers);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QCOMPARE(loaded.config.runner.poolFile, m_poolFile);

    // Opening them in a fresh wizard fills every page; the account id comes from the keychain.
    m_wizard.reset();
    makeWizard();
    QTRY_COMPARE(m_wizard->model()->config().delegate.accountId, AccountId);
    m_wizard->summaryPage()->openAnswers(answers);
    QCOMPARE(m_wizard->model()->config().ssh.gcloudCommand, loaded.config.ssh.gcloudCommand);
    QCOMPARE(m_wizard->model()->config().delegate.accountId, AccountId);
    QCOMPARE(m_wizard->model()->config().delegate.tags, QStringList{QStringLiteral("gitspaces")});
    next(SetupWizard::Connect);
    QCOMPARE(child<QLineEdit>(m_wizard->currentPage(), "instanceEdit")->text(),
             QStringLiteral("gs-runner-vm"));
}

// Resuming starts on the first page: a saved file fills the answers; a broken one says where it
// is broken and changes nothing.
void TestSetupWizard::answersOpenedOnTheFirstPage()
{
    makeWizard();
    QWizardPage *page = m_wizard->currentPage();
    QCOMPARE(page, static_cast<QWizardPage *>(m_wizard->prerequisitesPage()));
    // The account id typed (or read from the keychain) so far.
    m_wizard->model()->edit([](SetupConfig &c) { c.delegate.accountId = AccountId; });
    SetupConfig saved = m_wizard->model()->config();
    saved.ssh.host = QStringLiteral("resumed-vm.example");
    saved.ssh.gcloudCommand.clear();
    saved.delegate.name = QStringLiteral("resumed-delegate");
    saved.delegate.accountId.clear(); // as the wizard saves them: the keychain holds it
    const QString answers = m_dir.filePath(QStringLiteral("resume.yaml"));
    QString error;
    QVERIFY2(ConfigFile::save(saved, answers, {}, &error), qPrintable(error));

    auto *message = child<QLabel>(page, "prereqAnswersMessage");
    FileDialogs::setNextAnswerForTests(answers);
    QTest::mouseClick(child<QPushButton>(page, "prereqOpenAnswersButton"), Qt::LeftButton);
    QCOMPARE(m_wizard->model()->config().ssh.host, QStringLiteral("resumed-vm.example"));
    QCOMPARE(m_wizard->model()->config().delegate.name, QStringLiteral("resumed-delegate"));
    QCOMPARE(m_wizard->model()->config().delegate.accountId, AccountId);
    QCOMPARE(m_wizard->model()->answersFile(), answers);
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(answers));

    const QString broken = m_dir.filePath(QStringLiteral("broken.yaml"));
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ssh:\n  host: other-vm\n  bogus_key: 1\n");
    }
    FileDialogs::setNextAnswerForTests(broken);
    QTest::mouseClick(child<QPushButton>(page, "prereqOpenAnswersButton"), Qt::LeftButton);
    QVERIFY2(message->text().contains(QLatin1String("bogus_key")), qPrintable(message->text()));
    QVERIFY2(message->text().contains(QLatin1String("3:")), qPrintable(message->text()));
    QCOMPARE(m_wizard->model()->config().ssh.host, QStringLiteral("resumed-vm.example"));
    QCOMPARE(m_wizard->model()->answersFile(), answers);
    next(SetupWizard::Connect);
    QCOMPARE(child<QLineEdit>(m_wizard->currentPage(), "hostEdit")->text(),
             QStringLiteral("resumed-vm.example"));
}

void TestSetupWizard::inlineErrorsCanBeCopied()
{
    InlineError message(QStringLiteral("probe"));
    message.setError(QStringLiteral("json_path must be inside /runner"));
    QVERIFY(message.textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(message.hasError());
    message.setMessage(QStringLiteral("Pick the pool.yaml"), InlineError::Kind::Info);
    QCOMPARE(message.textInteractionFlags(), Qt::NoTextInteraction);
    QVERIFY(!message.hasError());
    message.setMessage(QStringLiteral("an old image"), InlineError::Kind::Warning);
    QVERIFY(message.textInteractionFlags() & Qt::TextSelectableByMouse);
}

void TestSetupWizard::pagesBuildOnFirstShowAndSayWhen()
{
    SetupWizard *w = makeWizard();
    QVERIFY(w->prerequisitesPage()->isBuilt());
    QVERIFY(!w->runnerPage()->isBuilt());
    QSignalSpy built(w->runnerPage(), &SetupPage::built);
    // Asking for a container builds the page, so a widget can always be embedded.
    QVERIFY(w->runnerPage()->runArea());
    QCOMPARE(built.size(), 1);
    QVERIFY(w->runnerPage()->isBuilt());
    QVERIFY(w->runnerPage()->poolEditorArea());
    QCOMPARE(built.size(), 1);
}

void TestSetupWizard::localEnvironmentIsFound()
{
    makeWizard();
    QWizardPage *page = m_wizard->currentPage();
    // The box is added when the scan after the first paint answers.
    QTRY_VERIFY(page->findChild<QListWidget *>(QStringLiteral("hostAliasesList")));
    auto *aliases = child<QListWidget>(page, "hostAliasesList");
    QTRY_COMPARE(aliases->count(), 2);
    QCOMPARE(aliases->item(0)->text(), QStringLiteral("runner-vm"));
    QCOMPARE(aliases->item(1)->text(), QStringLiteral("bastion"));
    QVERIFY(child<QLabel>(page, "sshKeyStatus")
                ->text()
                .contains(QLatin1String("google_compute_engine")));
    QVERIFY(child<QLabel>(page, "sshAgentStatus")->text().contains(QLatin1String("SSH_AUTH_SOCK")));
}

QTEST_MAIN(TestSetupWizard)
#include "tst_SetupWizard.moc"
