#include "KeychainLookup.h"

#include <QTimer>

namespace gs {

KeychainLookup::KeychainLookup(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

void KeychainLookup::start(const QStringList &keys)
{
    m_pending = keys;
    QTimer::singleShot(0, this, &KeychainLookup::readNext);
}

void KeychainLookup::readNext()
{
    if (m_pending.isEmpty() || !m_store) {
        Q_EMIT finished();
        return;
    }
    const QString key = m_pending.takeFirst();
    SecretJob *job = m_store->read(key);
    connect(job, &SecretJob::finished, this, [this, key](const SecretResult &result) {
        if (!result.ok() && result.status != SecretResult::Status::NotFound && m_error.isEmpty())
            m_error = result.message;
        QString value = result.ok() ? result.value : QString();
        m_values.insert_or_assign(key, Secret::take(value));
        readNext();
    });
}

Secret KeychainLookup::take(const QString &key)
{
    auto it = m_values.find(key);
    if (it == m_values.end())
        return {};
    Secret value = std::move(it->second);
    m_values.erase(it);
    return value;
}

} // namespace gs
