// The host-key question: a window-modal dialog whose default is Reject. Enter and Escape both
// reject; only a deliberate "Trust" accepts.

#include "WizardTestUtil.h"

#include "connect/HostKeyDialog.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace gs;
using namespace gs::test;

namespace {

remote::HostKeyInfo sampleKey()
{
    remote::HostKeyInfo key;
    key.keyType = QStringLiteral("ED25519");
    key.sshKeyType = QStringLiteral("ssh-ed25519");
    key.bits = 256;
    key.fingerprint = QStringLiteral("SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
    key.knownHostsName = QStringLiteral("[127.0.0.1]:2222");
    key.knownHostsFile = QStringLiteral("/home/admin/.ssh/known_hosts");
    return key;
}

} // namespace

class TestHostKeyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheFingerprintAndHowToCheckIt()
    {
        QWidget parent;
        HostKeyDialog dialog(&parent);
        dialog.setHostKey(sampleKey(),
                          QStringLiteral("gcloud compute ssh --zone us-west1-a gs-runner-vm "
                                         "--tunnel-through-iap --project my-proj"));
        QCOMPARE(dialog.objectName(), QStringLiteral("hostKeyBox"));
        QCOMPARE(child<QLabel>(&dialog, "hostKeyFingerprint")->text(), sampleKey().fingerprint);
        // Large and monospaced.
        const QFont font = child<QLabel>(&dialog, "hostKeyFingerprint")->font();
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        QCOMPARE(font.family(), fixed.family());
        QVERIFY(font.pointSizeF() > fixed.pointSizeF());
        QCOMPARE(child<QLabel>(&dialog, "hostKeyType")->text(), QStringLiteral("ED25519"));
        // Exactly what `ssh-keygen -lf` prints.
        QCOMPARE(child<QLabel>(&dialog, "hostKeyKeygenLine")->text(),
                 QStringLiteral("256 %1 [127.0.0.1]:2222 (ED25519)").arg(sampleKey().fingerprint));
        const QString how = child<QLabel>(&dialog, "hostKeyHowToCheck")->text();
        QVERIFY2(how.contains(QLatin1String("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub")),
                 qPrintable(how));
        // The commands in the fixed-width font, the words around them not.
        QVERIFY2(how.contains(
                     QLatin1String("<pre>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</pre>")),
                 qPrintable(how));
        QVERIFY2(how.contains(QLatin1String("gcloud compute instances get-guest-attributes "
                                            "gs-runner-vm --zone us-west1-a "
                                            "--query-path=hostkeys/ --project my-proj")),
                 qPrintable(how));
        // Without a gcloud command: placeholders.
        dialog.setHostKey(sampleKey());
        QVERIFY(child<QLabel>(&dialog, "hostKeyHowToCheck")
                    ->text()
                    .contains(QLatin1String("get-guest-attributes INSTANCE --zone ZONE")));
    }

    void rejectIsTheDefault_data()
    {
        QTest::addColumn<int>("key");
        QTest::newRow("Escape") << int(Qt::Key_Escape);
        QTest::newRow("Enter") << int(Qt::Key_Return);
    }
    void rejectIsTheDefault()
    {
        QFETCH(int, key);
        QWidget parent;
        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        HostKeyDialog dialog(&parent);
        dialog.setHostKey(sampleKey());
        QSignalSpy finished(&dialog, &QDialog::finished);
        dialog.open();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.windowModality(), Qt::WindowModal);
        QVERIFY(dialog.rejectButton()->isDefault());
        QVERIFY(!dialog.trustButton()->isDefault());
        QVERIFY(!dialog.trustButton()->autoDefault());
        QTest::keyClick(&dialog, Qt::Key(key));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }

    void trustAccepts()
    {
        QWidget parent;
        HostKeyDialog dialog(&parent);
        dialog.setHostKey(sampleKey());
        QSignalSpy finished(&dialog, &QDialog::finished);
        dialog.open();
        QTest::mouseClick(child<QPushButton>(&dialog, "acceptHostKeyButton"), Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestHostKeyDialog)
#include "tst_HostKeyDialog.moc"
