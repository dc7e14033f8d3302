#pragma once

#include <QObject>
#include <QString>

namespace gs {

// Entry names in the keychain. The service name is fixed ("gitspaces-setup"), so these are the
// only keys the app ever reads or writes.
namespace SecretKeys {
inline constexpr auto DelegateToken = "delegate-token";
inline constexpr auto AccountId = "account-id";
inline constexpr auto HarnessApiKey = "harness-api-key";
} // namespace SecretKeys

struct SecretResult
{
    Q_GADGET
public:
    enum class Status {
        Ok,           // read: value holds the secret; write/remove: done
        NotFound,     // nothing stored under the key (remove treats this as Ok)
        Unavailable,  // no keychain (no backend, no D-Bus, no Secret Service, not responding)
        AccessDenied, // keychain locked, or the user refused access
        Failed        // anything else; message says what
    };
    Q_ENUM(Status)

    Status status = Status::Ok;
    QString key;
    QString value;   // the secret, only for a successful read
    QString message; // translated, for the user; never contains the secret

    bool ok() const { return status == Status::Ok; }
};

// One asynchronous keychain operation. It reports exactly once through finished() and deletes
// itself afterwards; connect with a context object and do not keep the pointer.
class SecretJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void finished(const gs::SecretResult &result);
};

// Where secrets live. Every call returns at once; the result arrives through the job's
// finished(). No implementation ever falls back to a plain-text store.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual SecretJob *read(const QString &key) = 0;
    virtual SecretJob *write(const QString &key, const QString &value) = 0;
    virtual SecretJob *remove(const QString &key) = 0;

    // A short human name for messages ("the system keychain").
    virtual QString displayName() const = 0;
};

} // namespace gs

Q_DECLARE_METATYPE(gs::SecretResult)
