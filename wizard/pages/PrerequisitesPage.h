#pragma once

#include "SetupPage.h"

class QCheckBox;
class QDateTime;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace gs {

class InlineError;
class TerraformFolderBox;

// The seed's prerequisites as a checklist with links, the pool.yaml picker, and what this
// machine brings for SSH (keys, agent, gcloud, ~/.ssh/config aliases).
class PrerequisitesPage : public SetupPage
{
    Q_OBJECT
public:
    explicit PrerequisitesPage(WizardModel *model, QWidget *parent = nullptr);

    void initializePage() override;

    // Empty: for a pool-file check widget shown right after picking the file.
    QVBoxLayout *poolCheckArea()
    {
        ensureBuilt();
        return m_poolCheckArea;
    }

    // Replaces the answers with a saved file's; says inline what happened.
    bool openAnswers(const QString &path);
    // "Continue where you left off": the answers kept as you went (WizardModel::autosave) at
    // an earlier run, offered inline with a button that opens them like openAnswers().
    void offerResume(const QString &path, const QByteArray &yaml, const QDateTime &when);
    bool resumeOffered() const;
    TerraformFolderBox *terraformBox()
    {
        ensureBuilt();
        return m_terraformBox;
    }

protected:
    void build() override;
    void loadFromModel() override;
    void refresh() override;

private:
    void showEnvironment();
    void buildEnvironmentBox();
    void browsePoolFile();
    void buildModeChoice(QVBoxLayout *layout);
    void buildChecklist(QVBoxLayout *layout);
    void buildPoolFileBox(QVBoxLayout *layout);
    // "Open saved answers…", and "Continue where you left off" when an earlier run left them.
    void buildResume(QVBoxLayout *layout);
    void showMode();

    QRadioButton *m_setupMode = nullptr;
    QRadioButton *m_manageMode = nullptr;
    QWidget *m_checklist = nullptr;
    QCheckBox *m_fundamentals;
    QCheckBox *m_terraform;
    QCheckBox *m_vmRunning;
    QLineEdit *m_poolFile;
    InlineError *m_poolFileError;
    TerraformFolderBox *m_terraformBox = nullptr;
    InlineError *m_answersMessage = nullptr;
    QWidget *m_resumeBox = nullptr;
    QLabel *m_resumeText = nullptr;
    QString m_resumePath;
    QByteArray m_resumeYaml;
    QVBoxLayout *m_layout = nullptr;
    // Built when the environment scan has answered.
    QGroupBox *m_environmentBox = nullptr;
    QLabel *m_sshKeyStatus = nullptr;
    QLabel *m_agentStatus = nullptr;
    QLabel *m_gcloudStatus = nullptr;
    QListWidget *m_hostAliases = nullptr;
    QVBoxLayout *m_poolCheckArea = nullptr;
};

} // namespace gs
