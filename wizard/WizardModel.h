#pragma once

#include "LocalEnvironment.h"

#include "plan/CommandBuilder.h"
#include "plan/SetupConfig.h"
#include "steps/PoolUpload.h"
#include "steps/StepContext.h"

#include <QDateTime>

#include <QObject>

#include <functional>
#include <optional>

namespace gs {

// The one model every page edits: the answers (SetupConfig) plus what never goes into the config
// file: the delegate token, held only in memory, and whether the user revealed it.
class WizardModel : public QObject
{
    Q_OBJECT
public:
    explicit WizardModel(QObject *parent = nullptr);

    const SetupConfig &config() const { return m_config; }
    // The commands every page shows: with the privileges the VM's check decided, once it ran.
    CommandBuilder builder() const;
    // What preflight decided about sudo on the connected VM; empty before (the "use sudo"
    // answer decides then).
    const std::optional<Privileges> &decidedPrivileges() const { return m_decidedPrivileges; }
    // The pool file (and key) as they would go up now; prepared again only when the paths or
    // the files on disk changed.
    const steps::PreparedPool &preparedPool() const;
    void setDecidedPrivileges(const std::optional<Privileges> &privileges);

    // A field edit: applies `edit` and emits changed() when something changed.
    void edit(const std::function<void(SetupConfig &)> &edit);
    // A new set of answers (opened file): emits replaced() so every page reloads its fields.
    void replace(const SetupConfig &config);
    // Replaces the answers with a config file's (ConfigFile's rules). A file without an account
    // id, as the wizard writes them, keeps the one the keychain gave. On failure *error says
    // what is wrong (line and column) and nothing changes.
    bool openAnswers(const QString &path, QString *error);
    // The same with a file's text read earlier (the answers kept at the last session: the file
    // is overwritten as soon as anything is typed); the answers file stays what it was.
    bool restoreAnswers(const QByteArray &yaml, const QString &path, QString *error);

    QString token() const { return m_token; }
    // Typed on the Delegate page unless said otherwise (the keychain); the transcript says which.
    void setToken(const QString &token, steps::SecretSource source = steps::SecretSource::Typed);
    steps::SecretSource tokenSource() const { return m_tokenSource; }
    bool tokenRevealed() const { return m_tokenRevealed; }
    void setTokenRevealed(bool revealed);

    bool rememberSecrets() const { return m_rememberSecrets; }
    void setRememberSecrets(bool remember) { m_rememberSecrets = remember; }

    // Answers given since the last save or open (the account id aside: the keychain's).
    // A fresh wizard's defaults are "nothing to save".
    bool hasUnsavedAnswers() const;
    void markAnswersSaved();
    // Where the answers are kept as you go (never a secret: ConfigFile without the account
    // id), for "Continue where you left off" at the next start.
    static QString autosaveFile();
    bool autosave(QString *error = nullptr) const;
    void removeAutosave() const;

    QString answersFile() const { return m_answersFile; } // last saved or opened
    void setAnswersFile(const QString &path);             // file dialogs start in its folder

    const LocalEnvironment &environment() const { return m_environment; }
    void setEnvironment(const LocalEnvironment &environment);

    // The first page's choice: set up a VM (the default) or manage one that is already set
    // up. A state of this window, never part of the answers or the config file.
    bool manageMode() const { return m_manageMode; }
    void setManageMode(bool manage);

Q_SIGNALS:
    void changed();
    void replaced();
    void tokenChanged();
    void tokenRevealedChanged(bool revealed);
    void environmentChanged();
    void manageModeChanged(bool manage);

private:
    SetupConfig m_config;
    std::optional<Privileges> m_decidedPrivileges;
    struct PoolCache
    {
        QStringList stamp; // paths, sizes and modification times it was prepared from
        steps::PreparedPool pool;
    };
    mutable PoolCache m_poolCache;
    QString m_token;
    steps::SecretSource m_tokenSource = steps::SecretSource::Unknown;
    bool m_tokenRevealed = false;
    bool m_rememberSecrets = false; // opt-in: the keychain is touched only when chosen
    QString m_answersFile;
    // The answers as last saved or opened, serialized. Unset: the defaults, serialized when first
    // compared rather than at start-up (the first page paints before yaml-cpp's emitter runs).
    mutable std::optional<QByteArray> m_savedAnswers;
    LocalEnvironment m_environment;
    bool m_manageMode = false;
};

} // namespace gs
