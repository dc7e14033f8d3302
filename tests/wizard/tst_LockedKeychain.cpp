// The wizard's keychain reads against a real, locked Secret Service (run-with-keyring.sh with
// GS_KEYRING_LOCKED_ENTRY=delegate-token): a locked keychain is said as such, never as
// "nothing remembered", and "remember" stays as the user chose it.

#include "SecretsKeeper.h"
#include "WizardModel.h"

#include "secrets/KeychainSecretStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace gs;

class tst_LockedKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lockedIsNotNothingRemembered()
    {
        if (qEnvironmentVariable("GS_KEYRING_LOCKED_ENTRY").isEmpty())
            QSKIP("needs run-with-keyring.sh with GS_KEYRING_LOCKED_ENTRY");
        KeychainSecretStore store;
        WizardModel model;
        model.setRememberSecrets(true);
        SecretsKeeper keeper(&store, &model);
        QSignalSpy loaded(&keeper, &SecretsKeeper::loaded);
        keeper.load();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(keeper.state(), SecretsKeeper::State::Failed);
        QVERIFY2(keeper.message().contains(QLatin1String("locked")), qPrintable(keeper.message()));
        QVERIFY(!keeper.message().contains(QLatin1String("Nothing remembered")));
        QVERIFY(model.token().isEmpty());
        QVERIFY(model.rememberSecrets());
    }
};

QTEST_MAIN(tst_LockedKeychain)
#include "tst_LockedKeychain.moc"
