#pragma once

#include "SetupPage.h"

#include "plan/GcloudSshCommand.h"

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace gs {

class CommandView;
class InlineError;

// "SSH → View gcloud command": the pasted gcloud command understood (instance, zone, project,
// IAP), or a plain host/port/user/key; the equivalent command shown.
class ConnectPage : public SetupPage
{
    Q_OBJECT
public:
    explicit ConnectPage(WizardModel *model, QWidget *parent = nullptr);

    bool isComplete() const override;
    QString runBlockedReason() const override; // why Connect is off

    // Empty: the connection panel (connect for real, host key, OS/arch) goes here.
    QVBoxLayout *connectionArea()
    {
        ensureBuilt();
        return m_connectionArea;
    }

protected:
    void build() override;
    void loadFromModel() override;
    void refresh() override;

private:
    // build()'s parts, top to bottom.
    QWidget *buildGcloudFields();
    QFormLayout *buildDirectForm(QPushButton **browseKey);
    void buildSudo(QVBoxLayout *layout);
    void connectEdits(QPushButton *browseKey);

    bool useGcloud() const;
    void gcloudTextEdited();
    // `byUser`: the user's edit, so the command alone names the user and the key (gcloud's own
    // unless --ssh-key-file); a loaded file keeps its explicit user and identity_file.
    void applyGcloudText(bool byUser);
    void gcloudPartsEdited();
    void directEdited();
    void updateModeWidgets();
    void checkDirect();
    void applyEnvironment();

    QRadioButton *m_gcloudMode;
    QRadioButton *m_directMode;
    QLineEdit *m_gcloudCommand;
    InlineError *m_gcloudError;
    QLineEdit *m_instance;
    QLineEdit *m_zone;
    QLineEdit *m_project;
    QCheckBox *m_iap;
    QWidget *m_gcloudFields;
    QLineEdit *m_host;
    InlineError *m_hostError;
    QSpinBox *m_port;
    QLineEdit *m_user;
    InlineError *m_userError;
    QLineEdit *m_identityFile;
    QCheckBox *m_sudo;
    QLabel *m_sudoDecided;
    CommandView *m_commands;
    QVBoxLayout *m_connectionArea = nullptr;

    GcloudSshCommand m_gcloudParsed; // the last pasted command: user, key, port, other flags
    bool m_gcloudValid = false;
};

} // namespace gs
