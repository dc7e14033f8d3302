#pragma once

#include "SecretStore.h"

#include <QHash>

namespace gs {

// An in-memory SecretStore for unit and widget tests. Behaves like the keychain at its edges:
// results arrive asynchronously, and an "unavailable" store stores nothing.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QString &value) override;
    SecretJob *remove(const QString &key) override;
    QString displayName() const override;

    void setAvailable(bool available) { m_available = available; }
    bool isAvailable() const { return m_available; }
    const QHash<QString, QString> &entries() const { return m_entries; }
    void setEntry(const QString &key, const QString &value) { m_entries.insert(key, value); }
    int operationCount() const { return m_operations; }

private:
    SecretJob *finishLater(SecretResult result);

    QHash<QString, QString> m_entries;
    bool m_available = true;
    int m_operations = 0;
};

} // namespace gs
