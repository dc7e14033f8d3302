#pragma once

#include "SecretStore.h"
#include "util/Secret.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <map>

namespace gs {

// Reads several keys from a SecretStore one after the other, for a command that needs them
// before it starts: each value straight into a Secret, and the first failure in words, because a
// locked, unavailable or silent keychain is not "nothing stored". finished() comes once, after
// start() returned.
class KeychainLookup : public QObject
{
    Q_OBJECT
public:
    KeychainLookup(SecretStore *store, QObject *parent = nullptr);

    void start(const QStringList &keys);

    // The value read for `key` (empty: not stored, or the read failed), moved out.
    Secret take(const QString &key);
    // Why a read failed (the first one); empty when every read worked or found nothing.
    QString error() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    void readNext();

    QPointer<SecretStore> m_store;
    QStringList m_pending;
    std::map<QString, Secret> m_values;
    QString m_error;
};

} // namespace gs
