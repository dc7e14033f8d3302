#include "TerraformFolderBox.h"

#include "WizardModel.h"
#include "terraform/TerraformReadJob.h"
#include "util/AtomicFile.h"
#include "util/LoggingCategories.h"
#include "widgets/FileDialogs.h"
#include "widgets/InlineError.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gs {

TerraformFolderBox::TerraformFolderBox(WizardModel *model, QWidget *parent)
    : QGroupBox(tr("From the Terraform folder"), parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("terraformFolderBox"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Pick the folder you ran terraform apply in: its pool.yaml, the "
                                "service-account key and the runner VM fill the next pages."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    m_open = new QPushButton(tr("Open the &Terraform folder…"), this);
    m_open->setObjectName(QStringLiteral("terraformOpenButton"));
    m_open->setAutoDefault(false);
    m_folder = new QLabel(this);
    m_folder->setObjectName(QStringLiteral("terraformFolderLabel"));
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_open);
    row->addWidget(m_folder, 1);
    layout->addLayout(row);

    m_vmRow = new QWidget(this);
    auto *vmLayout = new QHBoxLayout(m_vmRow);
    vmLayout->setContentsMargins(0, 0, 0, 0);
    auto *vmLabel = new QLabel(tr("Runner &VM:"), m_vmRow);
    m_vms = new QComboBox(m_vmRow);
    m_vms->setObjectName(QStringLiteral("terraformVmCombo"));
    vmLabel->setBuddy(m_vms);
    vmLayout->addWidget(vmLabel);
    vmLayout->addWidget(m_vms, 1);
    m_vmRow->hide();
    layout->addWidget(m_vmRow);

    m_status = new InlineError(QStringLiteral("terraformStatus"), this);
    layout->addWidget(m_status);
    m_report = new QLabel(this);
    m_report->setObjectName(QStringLiteral("terraformReport"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_report->hide();
    layout->addWidget(m_report);

    connect(m_open, &QPushButton::clicked, this, &TerraformFolderBox::browse);
    connect(m_vms, &QComboBox::activated, this, &TerraformFolderBox::applyVm);
}

TerraformFolderBox::~TerraformFolderBox() = default;

bool TerraformFolderBox::isReading() const
{
    return !m_job.isNull();
}

void TerraformFolderBox::browse()
{
    FileDialogs::openFolder(this, tr("Open the Terraform folder"), m_findings.folder,
                            [this](const QString &folder) { openFolder(folder); });
}

void TerraformFolderBox::openFolder(const QString &folder)
{
    if (m_job) {
        // Its answer would be about the folder picked before.
        terraform::TerraformReadJob *old = m_job;
        m_job = nullptr;
        old->cancel();
    }
    m_findings = terraform::Findings();
    m_vmRow->hide();
    m_report->hide();
    m_folder->setText(QDir::toNativeSeparators(folder));
    m_open->setEnabled(false);
    m_status->setMessage(tr("Reading the Terraform folder…"), InlineError::Kind::Info);
    auto *job = new terraform::TerraformReadJob(folder, this);
    m_job = job;
    connect(job, &terraform::TerraformReadJob::progress, this, [this, job](const QString &text) {
        if (job == m_job)
            m_status->setMessage(text, InlineError::Kind::Info);
    });
    connect(job, &terraform::TerraformReadJob::finished, this,
            [this, job](const terraform::Findings &findings) {
                job->deleteLater();
                if (job != m_job)
                    return;
                m_job = nullptr;
                m_open->setEnabled(true);
                showFindings(findings);
            });
    job->start();
}

void TerraformFolderBox::showFindings(const terraform::Findings &findings)
{
    m_findings = findings;
    if (!findings.ok()) {
        m_status->setError(findings.error);
        return;
    }
    QStringList lines;
    for (const QString &line : findings.found)
        lines << QStringLiteral("\u2714 ") + line.toHtmlEscaped();
    for (const QString &line : findings.missing)
        lines << QStringLiteral("\u26a0 ") + line.toHtmlEscaped();

    // Without pool.yaml, the output is written where the module would have put it.
    m_poolFile = findings.poolFile;
    if (m_poolFile.isEmpty() && !findings.poolYamlOutput.isEmpty()) {
        const QString path = QDir(findings.folder).filePath(QStringLiteral("pool.yaml"));
        QString why;
        if (writeFileAtomically(path, findings.poolYamlOutput, &why)) {
            m_poolFile = path;
            lines << QStringLiteral("\u2714 ") +
                         tr("Wrote the instance_yaml output to %1.").arg(path).toHtmlEscaped();
        } else {
            lines << QStringLiteral("\u26a0 ") +
                         tr("Cannot write %1: %2").arg(path, why).toHtmlEscaped();
        }
    }
    m_report->setText(lines.join(QStringLiteral("<br>")));
    m_report->show();

    m_vms->clear();
    for (const terraform::RunnerVm &vm : findings.vms)
        m_vms->addItem(tr("%1 (zone %2, project %3)").arg(vm.name, vm.zone, vm.project));
    m_vmRow->setVisible(findings.vms.size() > 1);
    if (findings.vms.size() > 1) {
        // Nothing is chosen for the user: the pool file and key are filled, the VM waits.
        m_vms->setCurrentIndex(-1);
        m_status->setMessage(tr("The state has %1 runner VMs, one per region: choose the one to "
                                "set up.")
                                 .arg(findings.vms.size()),
                             InlineError::Kind::Warning);
    }
    applyVm(findings.vms.size() == 1 ? 0 : -1);
}

void TerraformFolderBox::applyVm(int index)
{
    const terraform::RunnerVm *vm =
        index >= 0 && index < m_findings.vms.size() ? &m_findings.vms.at(index) : nullptr;
    SetupConfig config = m_model->config();
    const SshSettings before = config.ssh;
    const Result made = terraform::setupConfigFrom(m_findings, vm, m_poolFile, &config);
    if (!made) {
        m_status->setError(made.message); // the answers stay as they were
        return;
    }
    if (!vm)
        config.ssh = before; // no VM chosen yet: the connection stays as it was
    // What the folder does not have stays as answered before.
    if (config.runner.poolFile.isEmpty())
        config.runner.poolFile = m_model->config().runner.poolFile;
    if (config.runner.serviceAccountKey.isEmpty())
        config.runner.serviceAccountKey = m_model->config().runner.serviceAccountKey;
    m_model->replace(config);
    qCInfo(lcWizard) << "answers filled from the Terraform folder" << m_findings.folder;
    if (vm && !config.ssh.user.isEmpty())
        m_status->setMessage(tr("The Connect page now reaches %1 through IAP as %2; the VM "
                                "Runner page has the pool file and the key.")
                                 .arg(vm->name, config.ssh.user),
                             InlineError::Kind::Info);
    else if (vm)
        m_status->setMessage(tr("The Connect page now reaches %1 through IAP; the VM Runner page "
                                "has the pool file and the key.")
                                 .arg(vm->name),
                             InlineError::Kind::Info);
    else if (m_findings.vms.size() <= 1)
        m_status->setMessage(tr("The pool file and the key are filled in; the connection is "
                                "not: enter it on the Connect page."),
                             InlineError::Kind::Warning);
    Q_EMIT applied();
}

} // namespace gs
