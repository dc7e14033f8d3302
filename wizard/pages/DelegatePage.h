#pragma once

#include "SetupPage.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace gs {

class CommandView;
class DelegateCommandDialog;
class InlineError;
class SecretsKeeper;

// "Install the Delegate": every variable of the documented install command, checked as typed;
// the token masked everywhere until revealed and kept in the keychain, never in a file.
class DelegatePage : public SetupPage
{
    Q_OBJECT
public:
    DelegatePage(WizardModel *model, SecretsKeeper *secrets, QWidget *parent = nullptr);

    bool isComplete() const override;
    // A required field empty, a field in error, or no token (the step needs it).
    QString runBlockedReason() const override;
    bool validatePage() override;

    // Empty: the Harness account check goes here.
    QVBoxLayout *accountCheckArea()
    {
        ensureBuilt();
        return m_accountCheckArea;
    }
    // The latest supported delegate version Harness told (with an API key), empty when unknown.
    // While it is known, the account check shows Harness's verdict on the image; without it the
    // image field warns by the tag's own date (DelegateImage::checkAge()).
    void setLatestDelegateVersion(const QString &version);
    // A manager URL or an image chosen elsewhere (the account check's suggestions): shown in the
    // fields and kept in the model, as a user's own pick is.
    void useManagerUrl(const QString &url);
    void useImage(const QString &image);

    // Empty: the "Run for me" panel goes here.
    QVBoxLayout *runArea()
    {
        ensureBuilt();
        return m_runArea;
    }

Q_SIGNALS:
    // "Forget" was pressed: the token and the account id leave the keychain.
    void secretsForgotten();

protected:
    void build() override;
    void loadFromModel() override;
    void refresh() override;

private:
    void edited();
    void check();
    void checkImage(); // the format, then the age of the delegate image
    void tokenEdited(const QString &token);
    void setRevealed(bool revealed);
    void showKeychainState();
    QString managerFromPicker() const;
    void buildPasteRow(QVBoxLayout *layout, QWidget *content);
    // build()'s parts: the token with its reveal button and error, remember/forget with the
    // keychain's state, the cluster picker with a custom manager URL; then the signals.
    void addTokenRows(QFormLayout *form, QWidget *content);
    void addKeychainRows(QFormLayout *form, QWidget *content);
    void addManagerRows(QFormLayout *form, QWidget *content);
    void connectEdits();
    void openCommandDialog();
    void importCommand(); // the dialog read a command: the fields take its values

    QPushButton *m_paste;
    QLabel *m_importNote;
    DelegateCommandDialog *m_commandDialog = nullptr;
    QLineEdit *m_name;
    InlineError *m_nameError;
    QLineEdit *m_accountId;
    InlineError *m_accountIdError;
    QLineEdit *m_token;
    QToolButton *m_reveal;
    InlineError *m_tokenError;
    QCheckBox *m_remember;
    QPushButton *m_forget;
    QLabel *m_keychainStatus;
    QLineEdit *m_tags;
    InlineError *m_tagsError;
    QComboBox *m_cluster;
    QLineEdit *m_customManager;
    InlineError *m_managerError;
    QLineEdit *m_image;
    InlineError *m_imageError;
    QLineEdit *m_cpus;
    InlineError *m_cpusError;
    QLineEdit *m_memory;
    InlineError *m_memoryError;
    CommandView *m_commands;
    QVBoxLayout *m_accountCheckArea = nullptr;
    QVBoxLayout *m_runArea = nullptr;
    SecretsKeeper *m_secrets;
    QString m_latestDelegateVersion;
    bool m_loading = false;
};

// "a, b,,c" → {"a", "b", "c"}
QStringList splitTags(const QString &text);

} // namespace gs
