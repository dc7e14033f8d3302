#pragma once

#include "SetupPage.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace gs {

class SecretsKeeper;

// What the run does (or did), the whole run exported as a script, and the answers saved to or
// opened from the config file.
class SummaryPage : public SetupPage
{
    Q_OBJECT
public:
    SummaryPage(WizardModel *model, SecretsKeeper *secrets, QWidget *parent = nullptr);

    // Write targets without a dialog (the buttons ask for the file, then call these).
    bool exportScript(const QString &path);
    // The wizard's answers as an Ansible inventory + playbook in `directory` (one host).
    bool exportAnsible(const QString &directory);
    bool saveAnswers(const QString &path);
    bool openAnswers(const QString &path);

    // Empty: the "Run for me" panel for the whole run (and its transcript) goes here.
    QVBoxLayout *runArea()
    {
        ensureBuilt();
        return m_runArea;
    }

protected:
    void build() override;
    void refresh() override;

private:
    void showResult(bool ok, const QString &message);

    QPlainTextEdit *m_summary;
    QPushButton *m_export;
    QPushButton *m_exportAnsible;
    QPushButton *m_save;
    QPushButton *m_open;
    QLabel *m_status;
    QVBoxLayout *m_runArea = nullptr;
    SecretsKeeper *m_secrets;
};

} // namespace gs
