#pragma once

#include "SecretStore.h"

namespace gs {

// The OS keychain through QtKeychain (Secret Service or KWallet on Linux). Jobs run on the
// thread that owns the store, which must run a Qt event loop (libsecret answers through the
// GLib main context that Qt's dispatcher drives).
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static constexpr auto ServiceName = "gitspaces-setup";

    explicit KeychainSecretStore(QObject *parent = nullptr);

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QString &value) override;
    SecretJob *remove(const QString &key) override;
    QString displayName() const override;

    // A keychain that never answers (a wallet waiting for an unlock nobody sees) would otherwise
    // hold the job forever; after this long the job reports Unavailable.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

private:
    int m_timeoutMs = 15000;
};

} // namespace gs
