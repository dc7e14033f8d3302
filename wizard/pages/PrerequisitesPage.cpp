#include "PrerequisitesPage.h"
#include "TerraformFolderBox.h"

#include "WizardModel.h"
#include "util/LoggingCategories.h"
#include "widgets/EmptyState.h"
#include "widgets/FileDialogs.h"
#include "widgets/InlineError.h"
#include "widgets/LinkButton.h"
#include "widgets/ScrollingPage.h"
#include "widgets/Tones.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

namespace gs {

namespace {

QCheckBox *addCheckItem(QVBoxLayout *layout, const QString &name, const QString &text)
{
    auto *check = new QCheckBox(text);
    check->setObjectName(name);
    layout->addWidget(check);
    return check;
}

void setStatus(QLabel *label, bool ok, const QString &text)
{
    // Text marks, not images: they need no image plugin and read well in any theme.
    label->setText(QStringLiteral("<span style=\"color:%1\">%2</span> %3")
                       .arg(toneColor(ok ? Tone::Good : Tone::Warning, label->palette()).name(),
                            ok ? QStringLiteral("\u2714") : QStringLiteral("\u26a0"),
                            text.toHtmlEscaped()));
}

QString subTitleFor(bool manage)
{
    if (manage)
        return PrerequisitesPage::tr("Open the answers the VM was set up with (or pick its "
                                     "pool.yaml), then connect to it to see how it is doing and "
                                     "look after it.");
    return PrerequisitesPage::tr("This is the third step of self-hosted Gitspaces: the Terraform "
                                 "module has created the runner VM and generated pool.yaml. "
                                 "Check that you are ready.");
}

} // namespace

PrerequisitesPage::PrerequisitesPage(WizardModel *wizardModel, QWidget *parent)
    : SetupPage(wizardModel, parent)
{
    setObjectName(QStringLiteral("prerequisitesPage"));
    setTitle(tr("Prerequisites"));
    setSubTitle(subTitleFor(false));
}

void PrerequisitesPage::build()
{
    // The checklist, the Terraform folder and the pool file: more than the default height holds
    // once the Terraform findings show, so the page scrolls as a whole.
    QVBoxLayout *layout = makeScrollingPage(this);
    buildModeChoice(layout);
    buildChecklist(layout);
    m_terraformBox = new TerraformFolderBox(model(), this);
    layout->addWidget(m_terraformBox);
    buildPoolFileBox(layout);
    buildResume(layout);

    // "This computer" is added once the scan after the first paint answered (showEnvironment):
    // until then it could only say "Looking…", and the first paint need not build a list view.
    m_layout = layout;
    layout->addStretch();

    connect(model(), &WizardModel::environmentChanged, this, &PrerequisitesPage::showEnvironment);
    connect(model(), &WizardModel::manageModeChanged, this, &PrerequisitesPage::showMode);
    showMode();
}

void PrerequisitesPage::buildChecklist(QVBoxLayout *layout)
{
    auto *checklist = new QGroupBox(tr("Before you start"), this);
    m_checklist = checklist;
    auto *checkLayout = new QVBoxLayout(checklist);
    const QString docs = QStringLiteral(
        "https://developer.harness.io/docs/cloud-development-environments/self-hosted-gitspaces/");
    m_fundamentals =
        addCheckItem(checkLayout, QStringLiteral("fundamentalsCheck"),
                     tr("I have read the Fundamentals and Prerequisites of self-hosted Gitspaces"));
    m_terraform = addCheckItem(
        checkLayout, QStringLiteral("terraformCheck"),
        tr("The Harness Gitspaces Terraform module is applied and generated pool.yaml"));
    m_vmRunning = addCheckItem(checkLayout, QStringLiteral("vmRunningCheck"),
                               tr("The GCP VM instance it created is active and running"));
    auto *links = new QHBoxLayout;
    links->addWidget(new QLabel(tr("Guides:"), checklist));
    const std::pair<QString, QString> guides[] = {
        {tr("Fundamentals"), docs + QStringLiteral("fundamentals")},
        {tr("Terraform module"), docs + QStringLiteral("steps/gitspace-infra-terraform")},
        {tr("VM instances in the Cloud Console"),
         QStringLiteral("https://console.cloud.google.com/compute/instances")}};
    int index = 0;
    for (const auto &[text, url] : guides) {
        auto *link = new LinkButton(text, QUrl(url), checklist);
        link->setObjectName(QStringLiteral("guideLink%1").arg(++index));
        links->addWidget(link);
    }
    links->addStretch();
    checkLayout->addLayout(links);
    layout->addWidget(checklist);
}

void PrerequisitesPage::buildPoolFileBox(QVBoxLayout *layout)
{
    auto *poolBox = new QGroupBox(tr("Pool file from Terraform"), this);
    auto *poolLayout = new QVBoxLayout(poolBox);
    auto *poolRow = new QHBoxLayout;
    auto *poolLabel = new QLabel(tr("pool.yaml *"), poolBox);
    m_poolFile = new QLineEdit(poolBox);
    m_poolFile->setObjectName(QStringLiteral("prereqPoolFileEdit"));
    m_poolFile->setPlaceholderText(tr("Path to the pool.yaml Terraform generated"));
    poolLabel->setBuddy(m_poolFile);
    auto *browse = new QPushButton(tr("Browse…"), poolBox);
    browse->setObjectName(QStringLiteral("prereqPoolFileBrowseButton"));
    poolRow->addWidget(poolLabel);
    poolRow->addWidget(m_poolFile, 1);
    poolRow->addWidget(browse);
    poolLayout->addLayout(poolRow);
    m_poolFileError = new InlineError(QStringLiteral("prereqPoolFileError"), poolBox);
    poolLayout->addWidget(m_poolFileError);
    m_poolCheckArea = addArea(poolLayout, QStringLiteral("poolCheckArea"));
    layout->addWidget(poolBox);

    connect(browse, &QPushButton::clicked, this, &PrerequisitesPage::browsePoolFile);
    connect(m_poolFile, &QLineEdit::textEdited, this, [this](const QString &text) {
        model()->edit([&](SetupConfig &c) { c.runner.poolFile = text.trimmed(); });
    });
}

void PrerequisitesPage::buildResume(QVBoxLayout *layout)
{
    // Resuming: the answers saved on the Summary page (or written by hand for the CLI).
    auto *resumeRow = new QHBoxLayout;
    resumeRow->addWidget(new QLabel(tr("Resuming an earlier setup?"), this));
    auto *openAnswers = new QPushButton(tr("Open saved answers…"), this);
    openAnswers->setObjectName(QStringLiteral("prereqOpenAnswersButton"));
    openAnswers->setToolTip(tr("A file saved with \"Save answers…\" on the Summary page, or a "
                               "config file of the command line"));
    resumeRow->addWidget(openAnswers);
    resumeRow->addStretch();
    layout->addLayout(resumeRow);
    m_answersMessage = new InlineError(QStringLiteral("prereqAnswersMessage"), this);
    layout->addWidget(m_answersMessage);
    // Shown by offerResume() when an earlier run left its answers behind.
    m_resumeBox = new QWidget(this);
    m_resumeBox->setObjectName(QStringLiteral("prereqResumeBox"));
    auto *resumeLayout = new QHBoxLayout(m_resumeBox);
    resumeLayout->setContentsMargins(0, 0, 0, 0);
    m_resumeText = new QLabel(m_resumeBox);
    m_resumeText->setObjectName(QStringLiteral("prereqResumeText"));
    m_resumeText->setWordWrap(true);
    auto *resume = new QPushButton(tr("&Continue where you left off"), m_resumeBox);
    resume->setObjectName(QStringLiteral("prereqResumeButton"));
    resume->setAutoDefault(false);
    resumeLayout->addWidget(m_resumeText, 1);
    resumeLayout->addWidget(resume);
    m_resumeBox->hide();
    layout->addWidget(m_resumeBox);
    connect(resume, &QPushButton::clicked, this, [this] {
        // Loaded like "Open saved answers"; the answers file to save to stays the user's own.
        QString error;
        if (!model()->restoreAnswers(m_resumeYaml, m_resumePath, &error)) {
            m_answersMessage->setError(error);
            return;
        }
        qCInfo(lcWizard) << "continued with the answers kept at the last session";
        m_answersMessage->setMessage(tr("Your last session's answers are back on every page. "
                                        "Enter the token again on the Delegate page."),
                                     InlineError::Kind::Info);
        m_resumeBox->hide();
    });
    connect(openAnswers, &QPushButton::clicked, this, [this] {
        FileDialogs::openFile(this, tr("Open answers"), model()->answersFile(),
                              tr("Setup answers (*.yaml *.yml);;All files (*)"),
                              [this](const QString &path) { this->openAnswers(path); });
    });
}

void PrerequisitesPage::buildModeChoice(QVBoxLayout *layout)
{
    // Day one or day two: the rest of the wizard follows this choice.
    auto *row = new QHBoxLayout;
    m_setupMode = new QRadioButton(tr("Set up a VM"), this);
    m_setupMode->setObjectName(QStringLiteral("modeSetupRadio"));
    m_manageMode = new QRadioButton(tr("Manage a VM that is already set up"), this);
    m_manageMode->setObjectName(QStringLiteral("modeManageRadio"));
    m_manageMode->setToolTip(tr("Connect to the VM, see how the runner and the delegate are "
                                "doing, and restart, upgrade, edit pool.yaml or uninstall."));
    auto *group = new QButtonGroup(this);
    group->addButton(m_setupMode);
    group->addButton(m_manageMode);
    m_setupMode->setChecked(true);
    row->addWidget(m_setupMode);
    row->addWidget(m_manageMode);
    row->addStretch();
    layout->addLayout(row);
    connect(m_manageMode, &QRadioButton::toggled, model(), &WizardModel::setManageMode);
}

void PrerequisitesPage::showMode()
{
    const bool manage = model()->manageMode();
    if (m_manageMode->isChecked() != manage)
        (manage ? m_manageMode : m_setupMode)->setChecked(true);
    // The checklist is about setting up; managing starts from a VM that was set up.
    m_checklist->setVisible(!manage);
    setSubTitle(subTitleFor(manage));
}

void PrerequisitesPage::initializePage()
{
    SetupPage::initializePage();
    // The wizard scans after its first paint; the box appears when the scan answers.
    showEnvironment();
}

void PrerequisitesPage::loadFromModel()
{
    if (m_poolFile->text().trimmed() != model()->config().runner.poolFile)
        m_poolFile->setText(model()->config().runner.poolFile);
}

void PrerequisitesPage::refresh()
{
    const QString path = model()->config().runner.poolFile;
    if (path.isEmpty())
        m_poolFileError->setMessage(tr("Pick the pool.yaml here or on the VM Runner page."),
                                    InlineError::Kind::Info);
    else if (!QFileInfo(path).isFile())
        m_poolFileError->setError(tr("%1 does not exist. Pick the pool.yaml the Terraform module "
                                     "generated.")
                                      .arg(path));
    else
        m_poolFileError->setError(QString());
}

bool PrerequisitesPage::openAnswers(const QString &path)
{
    ensureBuilt();
    QString error;
    if (!model()->openAnswers(path, &error)) {
        m_answersMessage->setError(error); // the answers given so far stay as they are
        return false;
    }
    qCInfo(lcWizard) << "opened the answers from" << path;
    m_answersMessage->setMessage(tr("Opened %1: every page now shows its answers.").arg(path),
                                 InlineError::Kind::Info);
    return true;
}

void PrerequisitesPage::offerResume(const QString &path, const QByteArray &yaml,
                                    const QDateTime &when)
{
    ensureBuilt();
    m_resumePath = path;
    m_resumeYaml = yaml;
    m_resumeText->setText(
        tr("Answers from your last session (%1) were kept. The token is not among them.")
            .arg(QLocale().toString(when, QLocale::ShortFormat)));
    m_resumeBox->show();
}

bool PrerequisitesPage::resumeOffered() const
{
    return m_resumeBox && !m_resumeBox->isHidden();
}

void PrerequisitesPage::browsePoolFile()
{
    FileDialogs::openFile(this, tr("Open pool.yaml"), m_poolFile->text(),
                          tr("YAML files (*.yaml *.yml);;All files (*)"),
                          [this](const QString &path) {
                              m_poolFile->setText(path);
                              model()->edit([&](SetupConfig &c) { c.runner.poolFile = path; });
                          });
}

void PrerequisitesPage::buildEnvironmentBox()
{
    m_environmentBox = new QGroupBox(tr("This computer"), this);
    m_environmentBox->setObjectName(QStringLiteral("environmentBox"));
    auto *envLayout = new QFormLayout(m_environmentBox);
    m_sshKeyStatus = new QLabel(m_environmentBox);
    m_sshKeyStatus->setObjectName(QStringLiteral("sshKeyStatus"));
    m_agentStatus = new QLabel(m_environmentBox);
    m_agentStatus->setObjectName(QStringLiteral("sshAgentStatus"));
    m_gcloudStatus = new QLabel(m_environmentBox);
    m_gcloudStatus->setObjectName(QStringLiteral("gcloudStatus"));
    m_hostAliases = new QListWidget(m_environmentBox);
    m_hostAliases->setObjectName(QStringLiteral("hostAliasesList"));
    m_hostAliases->setMaximumHeight(64);
    m_hostAliases->setAccessibleName(tr("Hosts in ~/.ssh/config"));
    showWhenEmpty(m_hostAliases, tr("No Host entries in ~/.ssh/config."));
    for (QLabel *status : {m_sshKeyStatus, m_agentStatus, m_gcloudStatus})
        status->setWordWrap(true);
    envLayout->addRow(tr("SSH key:"), m_sshKeyStatus);
    envLayout->addRow(tr("ssh-agent:"), m_agentStatus);
    envLayout->addRow(tr("gcloud:"), m_gcloudStatus);
    envLayout->addRow(tr("Hosts in ~/.ssh/config:"), m_hostAliases);
    // Above the stretch that ends the page.
    m_layout->insertWidget(m_layout->count() - 1, m_environmentBox);
}

void PrerequisitesPage::showEnvironment()
{
    const LocalEnvironment &env = model()->environment();
    if (!env.scanned)
        return;
    if (!m_environmentBox)
        buildEnvironmentBox();
    if (env.sshKeys.isEmpty())
        setStatus(m_sshKeyStatus, false,
                  tr("No key in ~/.ssh. gcloud creates ~/.ssh/google_compute_engine on its first "
                     "run; or create one with ssh-keygen -t ed25519."));
    else
        setStatus(m_sshKeyStatus, true, env.sshKeys.join(QStringLiteral(", ")));
    if (env.agentSocket.isEmpty())
        setStatus(m_agentStatus, false,
                  tr("No agent (SSH_AUTH_SOCK is not set). Keys with a passphrase will ask for "
                     "it."));
    else
        setStatus(m_agentStatus, true, tr("Running at %1").arg(env.agentSocket));
    if (env.gcloudPath.isEmpty())
        setStatus(m_gcloudStatus, false,
                  tr("Not on PATH. Needed only to reach the VM through IAP; or connect with plain "
                     "ssh."));
    else
        setStatus(m_gcloudStatus, true, env.gcloudPath);
    m_hostAliases->clear();
    m_hostAliases->addItems(env.hostAliases);
}

} // namespace gs
