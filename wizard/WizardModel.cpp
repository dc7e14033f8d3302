#include "WizardModel.h"

#include "widgets/FileDialogs.h"

#include "plan/ConfigFile.h"
#include "steps/EffectivePlan.h"
#include "util/LocalPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace gs {

namespace {

QByteArray answersBytes(const SetupConfig &config)
{
    // Without the account id, as every file the wizard writes; a fixed path so that relative
    // paths compare the same way each time.
    return ConfigFile::serialize(config, QStringLiteral("/answers.yaml"), {});
}

} // namespace

WizardModel::WizardModel(QObject *parent)
    : QObject(parent)
{}

bool WizardModel::hasUnsavedAnswers() const
{
    if (!m_savedAnswers)
        m_savedAnswers = answersBytes(SetupConfig());
    return answersBytes(m_config) != *m_savedAnswers;
}

void WizardModel::markAnswersSaved()
{
    m_savedAnswers = answersBytes(m_config);
}

QString WizardModel::autosaveFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/last-answers.yaml");
}

bool WizardModel::autosave(QString *error) const
{
    // Nothing given yet: nothing to continue with later.
    if (answersBytes(m_config) == answersBytes(SetupConfig()))
        return true;
    const QString path = autosaveFile();
    QDir().mkpath(QFileInfo(path).absolutePath());
    ConfigFile::SaveOptions options;
    options.includeAccountId = false; // never a secret, nor the account id, in a file we write
    QString ignored;
    return ConfigFile::save(m_config, path, options, error ? error : &ignored);
}

void WizardModel::removeAutosave() const
{
    QFile::remove(autosaveFile());
}

CommandBuilder WizardModel::builder() const
{
    return steps::effectivePlan(m_config,
                                m_decidedPrivileges ? *m_decidedPrivileges
                                                    : Privileges::fromAnswer(m_config.ssh.sudo),
                                preparedPool());
}

const steps::PreparedPool &WizardModel::preparedPool() const
{
    // A pool file is a few KiB; one this big is not one, and is neither prepared on the GUI
    // thread nor pasted into a terminal.
    constexpr qint64 largest = 4 * 1024 * 1024;
    QStringList stamp;
    for (const QString &path : {m_config.runner.poolFile, m_config.runner.serviceAccountKey}) {
        const QFileInfo info(expandHome(path));
        stamp << path << QString::number(info.size())
              << QString::number(info.lastModified().toMSecsSinceEpoch());
    }
    if (stamp != m_poolCache.stamp) {
        m_poolCache.stamp = stamp;
        const QFileInfo pool(expandHome(m_config.runner.poolFile));
        m_poolCache.pool = pool.isFile() && pool.size() <= largest ? steps::preparePool(m_config)
                                                                   : steps::PreparedPool();
    }
    return m_poolCache.pool;
}

void WizardModel::setDecidedPrivileges(const std::optional<Privileges> &privileges)
{
    if (privileges == m_decidedPrivileges)
        return;
    m_decidedPrivileges = privileges;
    Q_EMIT changed();
}

void WizardModel::edit(const std::function<void(SetupConfig &)> &edit)
{
    SetupConfig next = m_config;
    edit(next);
    if (next == m_config)
        return;
    m_config = std::move(next);
    Q_EMIT changed();
}

void WizardModel::replace(const SetupConfig &config)
{
    m_config = config;
    Q_EMIT replaced();
    Q_EMIT changed();
}

bool WizardModel::openAnswers(const QString &path, QString *error)
{
    const ConfigFile::LoadResult loaded = ConfigFile::load(path);
    if (!loaded.ok) {
        *error = loaded.error;
        return false;
    }
    SetupConfig config = loaded.config;
    if (config.delegate.accountId.isEmpty())
        config.delegate.accountId = m_config.delegate.accountId;
    setAnswersFile(path);
    replace(config);
    markAnswersSaved();
    return true;
}

bool WizardModel::restoreAnswers(const QByteArray &yaml, const QString &path, QString *error)
{
    const ConfigFile::LoadResult loaded = ConfigFile::parse(yaml, path);
    if (!loaded.ok) {
        *error = loaded.error;
        return false;
    }
    SetupConfig config = loaded.config;
    if (config.delegate.accountId.isEmpty())
        config.delegate.accountId = m_config.delegate.accountId;
    replace(config); // kept as you go, not saved by the user: still "not saved"
    return true;
}

void WizardModel::setAnswersFile(const QString &path)
{
    m_answersFile = path;
    FileDialogs::setAnswersFile(path);
}

void WizardModel::setToken(const QString &token, steps::SecretSource source)
{
    if (token == m_token)
        return;
    m_token = token;
    m_tokenSource = token.isEmpty() ? steps::SecretSource::Unknown : source;
    Q_EMIT tokenChanged();
    Q_EMIT changed();
}

void WizardModel::setTokenRevealed(bool revealed)
{
    if (revealed == m_tokenRevealed)
        return;
    m_tokenRevealed = revealed;
    Q_EMIT tokenRevealedChanged(revealed);
    Q_EMIT changed();
}

void WizardModel::setManageMode(bool manage)
{
    if (manage == m_manageMode)
        return;
    m_manageMode = manage;
    Q_EMIT manageModeChanged(manage);
}

void WizardModel::setEnvironment(const LocalEnvironment &environment)
{
    m_environment = environment;
    Q_EMIT environmentChanged();
}

} // namespace gs
