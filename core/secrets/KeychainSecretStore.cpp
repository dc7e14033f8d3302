#include "KeychainSecretStore.h"

#include "util/LoggingCategories.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace gs {

namespace {

enum class Operation { Read, Write, Remove };

const char *operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "remove";
    }
    return "?";
}

// Wraps one QtKeychain job: maps its error codes to what the user can act on and guards it with
// a watchdog, since a hung job blocks QtKeychain's process-wide queue.
class KeychainJob : public SecretJob
{
    Q_OBJECT
public:
    KeychainJob(QKeychain::Job *job, Operation operation, int timeoutMs, QObject *parent)
        : SecretJob(parent)
        , m_job(job)
        , m_operation(operation)
    {
        // We own the job; QtKeychain's auto-delete would race with our reading its result.
        m_job->setParent(this);
        m_job->setAutoDelete(false);
        // Never a plain-text QSettings fallback, whatever the backend.
        m_job->setInsecureFallback(false);
        connect(m_job, &QKeychain::Job::finished, this, &KeychainJob::onJobFinished);

        m_watchdog.setSingleShot(true);
        m_watchdog.setInterval(timeoutMs);
        connect(&m_watchdog, &QTimer::timeout, this, &KeychainJob::onTimeout);
    }

    void start()
    {
        m_watchdog.start();
        m_job->start();
    }

private:
    void onJobFinished(QKeychain::Job *job)
    {
        m_jobFinished = true;
        SecretResult result;
        result.key = job->key();
        switch (job->error()) {
        case QKeychain::NoError:
            result.status = SecretResult::Status::Ok;
            if (m_operation == Operation::Read)
                result.value = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
            break;
        case QKeychain::EntryNotFound:
            if (m_operation == Operation::Read) {
                askWhetherLocked(result);
                return;
            }
            // Forgetting something that is not there is not an error.
            result.status = m_operation == Operation::Remove ? SecretResult::Status::Ok
                                                             : SecretResult::Status::NotFound;
            break;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            result.status = SecretResult::Status::AccessDenied;
            result.message = tr("The keychain refused access (%1). Unlock it and try again.")
                                 .arg(job->errorString());
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::OtherError:
            // libsecret reports a missing D-Bus session or Secret Service as OtherError, not as
            // NoBackendAvailable (its availability check only dlopen()s the library).
            result.status = SecretResult::Status::Unavailable;
            result.message = tr("No keychain is available (%1). Nothing was stored; the values "
                                "are kept in memory until the wizard closes.")
                                 .arg(job->errorString());
            break;
        case QKeychain::CouldNotDeleteEntry:
            result.status = SecretResult::Status::Failed;
            result.message =
                tr("The keychain could not delete the entry: %1").arg(job->errorString());
            break;
        }
        finish(result);
    }

    // libsecret reads a locked collection as "not found" when nobody can answer the unlock
    // prompt. The Secret Service tells locked entries apart without unlocking them.
    void askWhetherLocked(SecretResult result)
    {
        result.status = SecretResult::Status::NotFound;
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected()) {
            finish(result);
            return;
        }
        QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
        // The attributes QtKeychain stores an entry under.
        const QMap<QString, QString> attributes{
            {QStringLiteral("user"), result.key},
            {QStringLiteral("server"), QLatin1String(KeychainSecretStore::ServiceName)}};
        call << QVariant::fromValue(attributes);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, result](auto *w) {
            w->deleteLater();
            QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *w;
            SecretResult answer = result;
            if (reply.isValid() && reply.argumentAt<0>().isEmpty() &&
                !reply.argumentAt<1>().isEmpty()) {
                answer.status = SecretResult::Status::AccessDenied;
                answer.message = tr("The keychain is locked, so the stored value could not be "
                                    "read. Unlock the keychain and try again.");
            }
            finish(answer);
        });
    }

    void onTimeout()
    {
        // The job may still finish some day: let it clean up after itself then, detached from us.
        // (A finished job waiting for the locked-or-not answer stays ours.)
        if (!m_jobFinished) {
            disconnect(m_job, nullptr, this, nullptr);
            m_job->setParent(nullptr);
            m_job->setAutoDelete(true);
        }
        SecretResult result;
        result.key = m_job->key();
        result.status = SecretResult::Status::Unavailable;
        result.message = tr("The keychain did not answer within %n second(s). Nothing was "
                            "stored; check that the keychain is unlocked and try again.",
                            nullptr, m_watchdog.interval() / 1000);
        finish(result);
    }

    void finish(const SecretResult &result)
    {
        if (m_done)
            return;
        m_done = true;
        m_watchdog.stop();
        // Key and status only: the value is a secret.
        qCDebug(lcSecrets) << "keychain" << operationName(m_operation) << result.key
                           << result.status;
        Q_EMIT finished(result);
        deleteLater();
    }

    QKeychain::Job *m_job;
    Operation m_operation;
    QTimer m_watchdog;
    bool m_done = false;
    bool m_jobFinished = false;
};

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{
    qRegisterMetaType<SecretResult>();
    qDBusRegisterMetaType<QMap<QString, QString>>(); // a{ss}, the Secret Service's attributes
}

SecretJob *KeychainSecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(ServiceName));
    job->setKey(key);
    auto *wrapper = new KeychainJob(job, Operation::Read, m_timeoutMs, this);
    wrapper->start();
    return wrapper;
}

SecretJob *KeychainSecretStore::write(const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(ServiceName));
    job->setKey(key);
    job->setTextData(value);
    auto *wrapper = new KeychainJob(job, Operation::Write, m_timeoutMs, this);
    wrapper->start();
    return wrapper;
}

SecretJob *KeychainSecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(QLatin1String(ServiceName));
    job->setKey(key);
    auto *wrapper = new KeychainJob(job, Operation::Remove, m_timeoutMs, this);
    wrapper->start();
    return wrapper;
}

QString KeychainSecretStore::displayName() const
{
    return tr("the system keychain");
}

} // namespace gs

#include "KeychainSecretStore.moc"
