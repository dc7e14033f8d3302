// The QtKeychain store against a real Secret Service (gnome-keyring in a private D-Bus session,
// see run-with-keyring.sh), and against no Secret Service at all.

#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretStore.h"

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

private:
    bool m_expectKeychain = true;
    QString m_prefix;
};

void TestKeychainSecretStore::initTestCase()
{
    // The ctest entry without the keyring wrapper sets this: no session bus at all.
    m_expectKeychain = qEnvironmentVariable("GS_EXPECT_NO_KEYCHAIN") != QLatin1String("1");
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
    if (m_expectKeychain)
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

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_KeychainSecretStore.moc"
