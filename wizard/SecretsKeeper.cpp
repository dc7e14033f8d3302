#include "SecretsKeeper.h"

#include "WizardModel.h"

#include "secrets/SecretStore.h"
#include "util/LoggingCategories.h"

namespace gs {

SecretsKeeper::SecretsKeeper(SecretStore *store, WizardModel *model, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_model(model)
{}

void SecretsKeeper::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    Q_EMIT stateChanged(state, message);
}

void SecretsKeeper::begin(int jobs)
{
    // Jobs of an earlier call may still run (save right after load): count them all.
    if (m_pending == 0) {
        m_failed = false;
        m_found = 0;
    }
    m_pending += jobs;
    setState(State::Busy, tr("Talking to %1…").arg(m_store->displayName()));
}

void SecretsKeeper::jobDone(const SecretResult &result, const QString &doneMessage)
{
    using Status = SecretResult::Status;
    if (!m_failed && result.status != Status::Ok && result.status != Status::NotFound) {
        m_failed = true;
        if (result.status == Status::Unavailable) {
            // In words, not the D-Bus error; and "remember" is off because nothing can be.
            qCInfo(lcWizard).noquote() << "keychain unavailable:" << result.message;
            m_model->setRememberSecrets(false);
            setState(State::Unavailable, unavailableMessage());
        } else {
            setState(State::Failed, result.message);
        }
    }
    if (--m_pending > 0)
        return;
    if (!m_failed)
        setState(State::Ok, doneMessage);
    if (m_loading) {
        m_loading = false;
        Q_EMIT loaded();
    }
}

QString SecretsKeeper::unavailableMessage()
{
    return tr("No keychain is available on this computer (no Secret Service or KWallet "
              "answered), so nothing can be remembered. The token stays in memory until the "
              "wizard closes.");
}

QString SecretsKeeper::loadMessage() const
{
    return m_found > 0 ? tr("Loaded from %1.").arg(m_store->displayName())
                       : tr("Nothing remembered in %1 yet.").arg(m_store->displayName());
}

void SecretsKeeper::load()
{
    if (!m_store)
        return;
    m_loading = true;
    begin(2);
    auto *tokenJob = m_store->read(QLatin1String(SecretKeys::DelegateToken));
    connect(tokenJob, &SecretJob::finished, this, [this](const SecretResult &result) {
        // A value the user typed while the keychain was answering wins.
        if (result.ok() && m_model->token().isEmpty())
            m_model->setToken(result.value, steps::SecretSource::Keychain);
        m_found += int(result.ok());
        jobDone(result, loadMessage());
    });
    auto *accountJob = m_store->read(QLatin1String(SecretKeys::AccountId));
    connect(accountJob, &SecretJob::finished, this, [this](const SecretResult &result) {
        if (result.ok() && m_model->config().delegate.accountId.isEmpty()) {
            SetupConfig config = m_model->config();
            config.delegate.accountId = result.value;
            m_model->replace(config);
        }
        m_found += int(result.ok());
        jobDone(result, loadMessage());
    });
}

void SecretsKeeper::save()
{
    if (!m_store || !m_model->rememberSecrets())
        return;
    const QString token = m_model->token();
    const QString accountId = m_model->config().delegate.accountId;
    if (token.isEmpty() && accountId.isEmpty())
        return;
    qCDebug(lcWizard) << "saving secrets to the keychain";
    begin(int(!token.isEmpty()) + int(!accountId.isEmpty()));
    const QString done = tr("Saved in %1.").arg(m_store->displayName());
    if (!token.isEmpty()) {
        auto *job = m_store->write(QLatin1String(SecretKeys::DelegateToken), token);
        connect(job, &SecretJob::finished, this,
                [this, done](const SecretResult &result) { jobDone(result, done); });
    }
    if (!accountId.isEmpty()) {
        auto *job = m_store->write(QLatin1String(SecretKeys::AccountId), accountId);
        connect(job, &SecretJob::finished, this,
                [this, done](const SecretResult &result) { jobDone(result, done); });
    }
}

void SecretsKeeper::forget()
{
    if (!m_store)
        return;
    qCDebug(lcWizard) << "removing secrets from the keychain";
    begin(2);
    const QString done = tr("Forgotten: %1 no longer holds the token or the account id.")
                             .arg(m_store->displayName());
    for (const char *key : {SecretKeys::DelegateToken, SecretKeys::AccountId}) {
        auto *job = m_store->remove(QLatin1String(key));
        connect(job, &SecretJob::finished, this,
                [this, done](const SecretResult &result) { jobDone(result, done); });
    }
}

} // namespace gs
