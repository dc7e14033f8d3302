#include "WizardModel.h"

#include "plan/ConfigFile.h"

namespace gs {

WizardModel::WizardModel(QObject *parent)
    : QObject(parent)
{}

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
    m_answersFile = path;
    replace(config);
    return true;
}

void WizardModel::setToken(const QString &token)
{
    if (token == m_token)
        return;
    m_token = token;
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

void WizardModel::setEnvironment(const LocalEnvironment &environment)
{
    m_environment = environment;
    Q_EMIT environmentChanged();
}

} // namespace gs
