// The QtKeychain store against a real Secret Service (gnome-keyring in a private D-Bus session,
// see run-with-keyring.sh), and against no Secret Service at all.

#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace gs;

namespace {

// Runs one job to its end; the keyring daemon can take a few seconds on its first answer.
SecretResult wait(SecretJob *job)
{
    QSignalSpy spy(job, &SecretJob::finished);
    if (!spy.wait(30000))
        return {SecretResult::Status::Failed, {}, {}, QStringLiteral("no answer")};
    return spy.at(0).at(0).value<SecretResult>();
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void missingEntry();
    void noSecretService();
    void silentSecretService();
    void lockedKeychain(); // last: the keyring stays locked

private:
    bool m_expectKeychain = true;
    bool m_silentService = false;
    QString m_prefix;
};

void TestKeychainSecretStore::initTestCase()
{
    // The ctest entry without the keyring wrapper sets this: no session bus at all.
    m_expectKeychain = qEnvironmentVariable("GS_EXPECT_NO_KEYCHAIN") != QLatin1String("1");
    // The ctest entry in a private bus where a Secret Service that never answers runs.
    m_silentService = qEnvironmentVariable("GS_TEST_SILENT_SECRET_SERVICE") == QLatin1String("1");
    // Unique names, so a rerun against a persistent keyring starts clean.
    m_prefix = QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('/');
}

void TestKeychainSecretStore::roundTrip()
{
    if (!m_expectKeychain)
        QSKIP("needs the keyring session (run-with-keyring.sh)");
    KeychainSecretStore store;
    const QString key = m_prefix + QLatin1String(SecretKeys::DelegateToken);
    // A token as Harness makes them, trailing '=' included, plus non-ASCII to check encoding.
    const QString value = QStringLiteral("NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg=ü");

    SecretResult result = wait(store.write(key, value));
    QVERIFY2(result.ok(), qPrintable(result.message));

    result = wait(store.read(key));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.value, value);
    QCOMPARE(result.key, key);
    QVERIFY(!result.message.contains(value));

    // Overwrite keeps one entry with the new value.
    result = wait(store.write(key, QStringLiteral("second")));
    QVERIFY(result.ok());
    QCOMPARE(wait(store.read(key)).value, QStringLiteral("second"));

    result = wait(store.remove(key));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(wait(store.read(key)).status, SecretResult::Status::NotFound);
    // Forgetting twice is fine.
    QVERIFY(wait(store.remove(key)).ok());
}

void TestKeychainSecretStore::missingEntry()
{
    if (!m_expectKeychain)
        QSKIP("needs the keyring session (run-with-keyring.sh)");
    KeychainSecretStore store;
    const SecretResult result = wait(store.read(m_prefix + QStringLiteral("never-written")));
    QCOMPARE(result.status, SecretResult::Status::NotFound);
    QVERIFY(result.value.isEmpty());
}

void TestKeychainSecretStore::noSecretService()
{
    if (m_expectKeychain || m_silentService)
        QSKIP("runs in the ctest entry without a session bus");
    KeychainSecretStore store;
    const SecretResult write =
        wait(store.write(m_prefix + QStringLiteral("x"), QStringLiteral("v")));
    // libsecret says OtherError here; the store reports it as "no keychain", clearly.
    QCOMPARE(write.status, SecretResult::Status::Unavailable);
    QVERIFY2(write.message.contains(QLatin1String("No keychain")), qPrintable(write.message));
    const SecretResult read = wait(store.read(m_prefix + QStringLiteral("x")));
    QCOMPARE(read.status, SecretResult::Status::Unavailable);
}

// A keyring daemon that never answers (locked behind a prompt nobody sees, or wedged): every job
// ends at the watchdog, as "unavailable" with what to do, and the next job is not stuck behind
// the first one in QtKeychain's queue.
void TestKeychainSecretStore::silentSecretService()
{
    if (!m_silentService)
        QSKIP("runs in the ctest entry with the silent Secret Service (its own D-Bus session)");
    QProcess service;
    service.start(QStringLiteral(GS_SILENT_SECRET_SERVICE));
    QVERIFY2(service.waitForReadyRead(10000), qPrintable(service.readAllStandardError()));
    QCOMPARE(service.readAllStandardOutput().trimmed(), QByteArray("ready"));

    KeychainSecretStore store;
    store.setTimeout(1000);
    QElapsedTimer clock;
    clock.start();
    const SecretResult write =
        wait(store.write(m_prefix + QStringLiteral("x"), QStringLiteral("CANARY-value")));
    QCOMPARE(write.status, SecretResult::Status::Unavailable);
    QVERIFY2(write.message.contains(QLatin1String("did not answer")), qPrintable(write.message));
    QVERIFY(!write.message.contains(QLatin1String("CANARY")));
    // Ended by the watchdog, not by D-Bus's own 25-second call timeout.
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    const SecretResult read = wait(store.read(m_prefix + QStringLiteral("x")));
    QCOMPARE(read.status, SecretResult::Status::Unavailable);
    QVERIFY2(read.message.contains(QLatin1String("did not answer")), qPrintable(read.message));
    service.kill();
    service.waitForFinished(5000);
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
// A locked keyring (no prompt can unlock it without a display): libsecret reads its entries as
// "not found"; the store says "locked" instead. Entries that are not there stay NotFound.
void TestKeychainSecretStore::lockedKeychain()
{
    if (!m_expectKeychain)
        QSKIP("needs the keyring session (run-with-keyring.sh)");
    KeychainSecretStore store;
    const QString key = m_prefix + QLatin1String(SecretKeys::DelegateToken);
    QVERIFY(wait(store.write(key, QStringLiteral("locked-away"))).ok());
    QDBusMessage lock = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    lock << QVariant::fromValue(QList<QDBusObjectPath>{
        QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login"))});
    const QDBusMessage locked = QDBusConnection::sessionBus().call(lock);
    QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));

    SecretResult result = wait(store.read(key));
    QCOMPARE(result.status, SecretResult::Status::AccessDenied);
    QVERIFY2(result.message.contains(QLatin1String("locked")), qPrintable(result.message));
    QVERIFY(result.value.isEmpty());
    QCOMPARE(wait(store.read(m_prefix + QLatin1String("never-stored"))).status,
             SecretResult::Status::NotFound);
    // Writing into the locked keyring is refused as such too.
    result = wait(store.write(key, QStringLiteral("other")));
    QCOMPARE(result.status, SecretResult::Status::AccessDenied);
}

#include "tst_KeychainSecretStore.moc"
