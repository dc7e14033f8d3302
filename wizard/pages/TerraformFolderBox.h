#pragma once

#include "terraform/TerraformFolder.h"

#include <QGroupBox>
#include <QPointer>

class QComboBox;
class QLabel;
class QPushButton;

namespace gs {

class InlineError;
class WizardModel;

namespace terraform {
class TerraformReadJob;
}

// "Open the Terraform folder…" on the first page: reads the folder the Harness Gitspaces module
// was applied in (terraform::TerraformReadJob), says what was found and what was not, offers a
// choice when the state has several runner VMs, and fills the answers (pool file, key, the
// gcloud IAP command and the user) that the Connect and Runner pages show.
class TerraformFolderBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit TerraformFolderBox(WizardModel *model, QWidget *parent = nullptr);
    ~TerraformFolderBox() override;

    // Reads `folder` as if picked in the dialog.
    void openFolder(const QString &folder);
    bool isReading() const;

Q_SIGNALS:
    void applied(); // the answers were filled from a folder

private:
    void browse();
    void showFindings(const terraform::Findings &findings);
    void applyVm(int index);

    WizardModel *m_model;
    QPushButton *m_open;
    QLabel *m_folder;
    InlineError *m_status;
    QLabel *m_report;
    QWidget *m_vmRow;
    QComboBox *m_vms;
    QPointer<terraform::TerraformReadJob> m_job;
    terraform::Findings m_findings;
    QString m_poolFile; // the pool file the answers name
};

} // namespace gs
