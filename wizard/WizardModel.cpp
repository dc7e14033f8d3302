#include "WizardModel.h"

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
