#pragma once

#include "SetupPage.h"

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace gs {

class InlineError;

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

protected:
    void build() override;
    void loadFromModel() override;
    void refresh() override;

private:
    void showEnvironment();
    void browsePoolFile();

    QCheckBox *m_fundamentals;
    QCheckBox *m_terraform;
    QCheckBox *m_vmRunning;
    QLineEdit *m_poolFile;
    InlineError *m_poolFileError;
    QLabel *m_sshKeyStatus;
    QLabel *m_agentStatus;
    QLabel *m_gcloudStatus;
    QListWidget *m_hostAliases;
    QGroupBox *m_environmentBox = nullptr;
    QVBoxLayout *m_poolCheckArea = nullptr;
};

} // namespace gs
