#include "MemorySecretStore.h"

#include <QTimer>

namespace gs {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
    qRegisterMetaType<SecretResult>();
}

SecretJob *MemorySecretStore::finishLater(SecretResult result)
{
    ++m_operations;
    auto *job = new SecretJob(this);
    // Queued like the real keychain, so callers cannot depend on a synchronous answer.
    QTimer::singleShot(0, job, [job, result] {
        Q_EMIT job->finished(result);
        job->deleteLater();
    });
    return job;
}

SecretJob *MemorySecretStore::read(const QString &key)
{
    SecretResult result;
    result.key = key;
    if (!m_available) {
        result.status = SecretResult::Status::Unavailable;
        result.message = tr("No keychain is available (test store switched off).");
    } else if (const auto it = m_entries.constFind(key); it != m_entries.cend()) {
        result.value = it.value();
    } else {
        result.status = SecretResult::Status::NotFound;
    }
    return finishLater(result);
}

SecretJob *MemorySecretStore::write(const QString &key, const QString &value)
{
    SecretResult result;
    result.key = key;
    if (!m_available) {
        result.status = SecretResult::Status::Unavailable;
        result.message = tr("No keychain is available (test store switched off).");
    } else {
        m_entries.insert(key, value);
    }
    return finishLater(result);
}

SecretJob *MemorySecretStore::remove(const QString &key)
{
    SecretResult result;
    result.key = key;
    if (!m_available) {
        result.status = SecretResult::Status::Unavailable;
        result.message = tr("No keychain is available (test store switched off).");
    } else {
        m_entries.remove(key);
    }
    return finishLater(result);
}

QString MemorySecretStore::displayName() const
{
    return tr("the in-memory test store");
}

} // namespace gs
