// The connection panel end to end: a real sshd, the panel's own buttons and fields.

#include "FakeGcloud.h"
#include "RealParts.h"
#include "TestSshd.h"

#include "connect/ConnectionPanel.h"
#include "remote/SshSession.h"
#include "secrets/MemorySecretStore.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace gs::remote;
using gs::ConnectionPanel;
using gs::test::FakeGcloud;
using gs::test::TestSshd;

class TestConnectionPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestSshd> m_sshd;
    QTemporaryDir m_home;

    template<typename T>
    T *child(ConnectionPanel &panel, const char *name)
    {
        T *w = panel.findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    ConnectOptions options(const QString &knownHosts) const
    {
        ConnectOptions o;
        o.host = m_sshd->host();
        o.port = m_sshd->port();
        o.user = m_sshd->user();
        o.identityFiles = {m_sshd->clientKey(TestSshd::PlainKey)};
        o.knownHostsFile = m_home.filePath(knownHosts);
        o.useAgent = false;
        o.allowPassword = false;
        o.allowKeyboardInteractive = false;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        GS_REQUIRE_REAL_PART(geteuid() == 0, "TestSshd needs root");
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qunsetenv("SSH_AUTH_SOCK");
        m_sshd = std::make_unique<TestSshd>();
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
    }

    void trustKeyThenShowHostInfo()
    {
        ConnectionPanel panel;
        panel.show();
        panel.setOptions(options(QStringLiteral("kh1")));
        QSignalSpy connected(&panel, &ConnectionPanel::connected);
        SshSession *announced = nullptr;
        connect(&panel, &ConnectionPanel::connected, this,
                [&announced](SshSession *s) { announced = s; });
        auto *box = child<QWidget>(panel, "hostKeyBox");
        QVERIFY(!box->isVisible());
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        QVERIFY(child<QPushButton>(panel, "cancelConnectButton")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 15000);
        // A window-modal dialog: the fingerprint exactly as ssh-keygen -lf prints it.
        QVERIFY(box->isWindow());
        QCOMPARE(box->windowModality(), Qt::WindowModal);
        QCOMPARE(child<QLabel>(panel, "hostKeyFingerprint")->text(), m_sshd->hostKeyFingerprint());
        QCOMPARE(child<QLabel>(panel, "hostKeyType")->text(), QStringLiteral("ED25519"));
        QVERIFY(child<QLabel>(panel, "hostKeyKeygenLine")
                    ->text()
                    .contains(m_sshd->hostKeyFingerprint() + QLatin1Char(' ')));
        QVERIFY(child<QLabel>(panel, "hostKeyHowToCheck")
                    ->text()
                    .contains(QStringLiteral("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub")));
        QVERIFY(child<QPushButton>(panel, "rejectHostKeyButton")->isDefault());
        QVERIFY(!child<QPushButton>(panel, "acceptHostKeyButton")->isDefault());
        QTest::mouseClick(child<QPushButton>(panel, "acceptHostKeyButton"), Qt::LeftButton);
        QVERIFY(connected.wait(15000));
        QVERIFY(panel.isConnected());
        QCOMPARE(announced, panel.session());
        // "Connected" in words and with a mark; the mark goes with the connection.
        QVERIFY(child<QLabel>(panel, "connectProgress")
                    ->text()
                    .startsWith(QLatin1String("Connected to")));
        QVERIFY(child<QLabel>(panel, "connectProgressIcon")->isVisible());
        QVERIFY(!child<QLabel>(panel, "connectProgressIcon")->pixmap().isNull());
        QVERIFY(child<QWidget>(panel, "hostInfoBox")->isVisible());
        QVERIFY(child<QLabel>(panel, "hostArchLabel")
                    ->text()
                    .contains(QSysInfo::currentCpuArchitecture() == QLatin1String("x86_64")
                                  ? QStringLiteral("x86_64")
                                  : QString()));
        QCOMPARE(child<QLabel>(panel, "hostNameLabel")->text(), QSysInfo::machineHostName());
        QVERIFY(!child<QLabel>(panel, "hostOsLabel")->text().isEmpty());
        QVERIFY(!child<QPushButton>(panel, "connectButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(panel, "disconnectButton"), Qt::LeftButton);
        QTRY_VERIFY(!panel.isConnected());
        QVERIFY(!child<QLabel>(panel, "connectProgressIcon")->isVisible());
    }

    void rejectKeyShowsAnError()
    {
        ConnectionPanel panel;
        panel.show();
        panel.setOptions(options(QStringLiteral("kh2")));
        QSignalSpy failed(&panel, &ConnectionPanel::connectionFailed);
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(panel, "hostKeyBox")->isVisible(), 15000);
        // Escape is Reject.
        QTest::keyClick(child<QWidget>(panel, "hostKeyBox"), Qt::Key_Escape);
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.at(0).at(0).value<ConnectResult>().error, ConnectError::HostKeyRejected);
        QVERIFY(child<QLabel>(panel, "connectError")->isVisible());
    }

    void passphrasePromptInline()
    {
        ConnectionPanel panel;
        panel.show();
        ConnectOptions o = options(QStringLiteral("kh3"));
        o.identityFiles = {m_sshd->clientKey(TestSshd::EncryptedKey)};
        o.pinnedFingerprint = m_sshd->hostKeyFingerprint();
        panel.setOptions(o);
        QSignalSpy connected(&panel, &ConnectionPanel::connected);
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        auto *box = child<QWidget>(panel, "credentialBox");
        auto *edit = child<QLineEdit>(panel, "credentialEdit");
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 15000);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(edit, QStringLiteral("wrong"));
        QTest::mouseClick(child<QPushButton>(panel, "credentialOkButton"), Qt::LeftButton);
        QVERIFY(edit->text().isEmpty()); // never kept in the widget
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 15000);
        QVERIFY(child<QLabel>(panel, "credentialPrompt")->text().contains(QStringLiteral("wrong")));
        QTest::keyClicks(edit, QString::fromLatin1(TestSshd::encryptedKeyPassphrase()));
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(connected.wait(15000));
    }

    void passphraseKeptInTheKeychainOnRequest()
    {
        gs::MemorySecretStore store;
        ConnectOptions o = options(QStringLiteral("kh6"));
        o.identityFiles = {m_sshd->clientKey(TestSshd::EncryptedKey)};
        o.pinnedFingerprint = m_sshd->hostKeyFingerprint();
        {
            ConnectionPanel panel;
            panel.show();
            panel.setSecretStore(&store);
            panel.setOptions(o);
            QSignalSpy connected(&panel, &ConnectionPanel::connected);
            QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
            auto *edit = child<QLineEdit>(panel, "credentialEdit");
            QTRY_VERIFY_WITH_TIMEOUT(edit->isVisible(), 15000);
            auto *remember = child<QCheckBox>(panel, "rememberPassphraseCheck");
            QVERIFY(remember->isVisible());
            // A wrong passphrase is never kept, even with the box ticked.
            remember->setChecked(true);
            QTest::keyClicks(edit, QStringLiteral("wrong"));
            QTest::keyClick(edit, Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(edit->isVisible(), 15000);
            QVERIFY(store.entries().isEmpty());
            remember->setChecked(true);
            QTest::keyClicks(edit, QString::fromLatin1(TestSshd::encryptedKeyPassphrase()));
            QTest::keyClick(edit, Qt::Key_Return);
            QVERIFY(connected.wait(15000));
            QTRY_COMPARE(
                store.entries().value(ConnectionPanel::sshPassphraseKey(o.identityFiles.first())),
                QString::fromLatin1(TestSshd::encryptedKeyPassphrase()));
        }
        // Next time: no question.
        ConnectionPanel panel;
        panel.show();
        panel.setSecretStore(&store);
        panel.setOptions(o);
        QSignalSpy connected(&panel, &ConnectionPanel::connected);
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        QVERIFY(connected.wait(15000));
        QVERIFY(!child<QWidget>(panel, "credentialBox")->isVisible());
    }

    // The keychain is read for a passphrase only when the user chose to keep that key's
    // passphrase (a preference naming the key file, never the secret): reading a keychain may
    // ask to unlock it.
    void passphraseNotReadFromTheKeychainUnasked()
    {
        ConnectOptions o = options(QStringLiteral("kh7"));
        o.identityFiles = {m_sshd->clientKey(TestSshd::EncryptedKey)};
        o.pinnedFingerprint = m_sshd->hostKeyFingerprint();
        QSettings().remove(QStringLiteral("keptPassphrases"));
        gs::MemorySecretStore store;
        store.setEntry(ConnectionPanel::sshPassphraseKey(o.identityFiles.first()),
                       QString::fromLatin1(TestSshd::encryptedKeyPassphrase()));
        ConnectionPanel panel;
        panel.show();
        panel.setSecretStore(&store);
        panel.setOptions(o);
        QSignalSpy failed(&panel, &ConnectionPanel::connectionFailed);
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>(panel, "credentialEdit")->isVisible(), 15000);
        QCOMPARE(store.operationCount(), 0);
        panel.cancel();
        QVERIFY(failed.wait(5000));
    }

    void changedKeyNeedsTheGuardedReplace()
    {
        TestSshd other;
        QString error;
        QVERIFY2(other.start(&error), qPrintable(error));
        ConnectOptions o = options(QStringLiteral("kh4"));
        o.port = other.port();
        o.identityFiles = {other.clientKey(TestSshd::PlainKey)};
        QFile f(o.knownHostsFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[127.0.0.1]:%1 %2\n")
                    .arg(other.port())
                    .arg(m_sshd->knownHostsLine().section(' ', 1))
                    .toUtf8());
        f.close();
        ConnectionPanel panel;
        panel.show();
        panel.setOptions(o);
        QSignalSpy failed(&panel, &ConnectionPanel::connectionFailed);
        QSignalSpy connected(&panel, &ConnectionPanel::connected);
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        QVERIFY(failed.wait(15000));
        const QString message = child<QLabel>(panel, "connectError")->text();
        QVERIFY(message.contains(m_sshd->hostKeyFingerprint()));
        QVERIFY(message.contains(other.hostKeyFingerprint()));
        auto *replace = child<QPushButton>(panel, "replaceHostKeyButton");
        QVERIFY(replace->isVisible());
        QVERIFY(!replace->isEnabled()); // guarded by an explicit confirmation
        child<QCheckBox>(panel, "replaceHostKeyConfirm")->setChecked(true);
        QTest::mouseClick(replace, Qt::LeftButton);
        QVERIFY2(connected.wait(15000), qPrintable(child<QLabel>(panel, "connectError")->text()));
    }

    void cancelWhileAsked()
    {
        ConnectionPanel panel;
        panel.show();
        panel.setOptions(options(QStringLiteral("kh5")));
        QSignalSpy failed(&panel, &ConnectionPanel::connectionFailed);
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(panel, "hostKeyBox")->isVisible(), 15000);
        // The dialog is window-modal, so the panel's own Cancel is not clickable meanwhile;
        // a cancel from elsewhere (the wizard closing) still closes the question.
        panel.cancel();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<ConnectResult>().error, ConnectError::Cancelled);
        QVERIFY(!child<QWidget>(panel, "hostKeyBox")->isVisible());
        QVERIFY(child<QPushButton>(panel, "connectButton")->isEnabled());
    }

    // Pasted gcloud command: Connect asks gcloud first (OS Login on, so the OS Login user), shows
    // what it decided (user, key, IAP) and connects that way. Without IAP and an external
    // address, the panel says to add --tunnel-through-iap.
    void gcloudAnswersShowWhatWasDecided()
    {
        FakeGcloud gcloud(m_sshd->port());
        gcloud.answer(QStringLiteral("instance.json"),
                      FakeGcloud::instanceJson(QStringLiteral("TRUE"), {}));
        gcloud.answer(QStringLiteral("profile.json"), FakeGcloud::profileJson(m_sshd->user()));
        QDir().mkpath(m_home.filePath(QStringLiteral(".ssh")));
        const QString key = m_home.filePath(QStringLiteral(".ssh/google_compute_engine"));
        QFile::copy(m_sshd->clientKey(TestSshd::PlainKey), key);
        QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray logname = qgetenv("LOGNAME");
        qputenv("LOGNAME", "jane");
        auto restore = qScopeGuard([&] { qputenv("LOGNAME", logname); });

        gs::SshSettings ssh;
        ssh.gcloudCommand = QStringLiteral("gcloud compute ssh --zone us-west1-a gs-runner-vm "
                                           "--tunnel-through-iap --project my-proj");
        ConnectionPanel panel;
        panel.show();
        panel.setAnswers(ssh);
        auto *plan = child<QLabel>(panel, "connectPlanLabel");
        QVERIFY(!plan->isVisible());
        QVERIFY(child<QPushButton>(panel, "connectButton")->isEnabled());
        QSignalSpy busy(&panel, &ConnectionPanel::busyChanged);
        QSignalSpy connected(&panel, &ConnectionPanel::connected);
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        QVERIFY(panel.isBusy());
        QVERIFY(child<QPushButton>(panel, "cancelConnectButton")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QWidget>(panel, "hostKeyBox")->isVisible() || !connected.isEmpty(), 30000);
        if (connected.isEmpty()) {
            QTest::mouseClick(child<QPushButton>(panel, "acceptHostKeyButton"), Qt::LeftButton);
            QVERIFY2(connected.wait(15000), qPrintable(panel.lastResult().message));
        }
        QCOMPARE(panel.options().user, m_sshd->user());
        QVERIFY(plan->isVisible());
        QVERIFY2(plan->text().contains(
                     QStringLiteral("User: %1 (your OS Login user").arg(m_sshd->user())),
                 qPrintable(plan->text()));
        QVERIFY2(plan->text().contains(QLatin1String("~/.ssh/google_compute_engine")),
                 qPrintable(plan->text()));
        QVERIFY2(plan->text().contains(QLatin1String("IAP")), qPrintable(plan->text()));
        QVERIFY(gcloud.read(QStringLiteral("iap-args")).startsWith("compute start-iap-tunnel"));
        QCOMPARE(busy.size(), 2); // busy once, from the lookup through the connect
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
        panel.disconnectFromHost();

        gcloud.answer(QStringLiteral("instance.json"),
                      FakeGcloud::instanceJson(QStringLiteral("FALSE"), {}));
        ssh.gcloudCommand =
            QStringLiteral("gcloud compute ssh --zone us-west1-a gs-runner-vm --project my-proj");
        panel.setAnswers(ssh);
        QSignalSpy failed(&panel, &ConnectionPanel::connectionFailed);
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.at(0).at(0).value<ConnectResult>().error, ConnectError::InvalidOptions);
        const QString message = child<QLabel>(panel, "connectError")->text();
        QVERIFY2(message.contains(QLatin1String("--tunnel-through-iap")), qPrintable(message));
        QVERIFY(!panel.isBusy());
    }

    void cancelWhileAskingGcloud()
    {
        FakeGcloud gcloud(m_sshd->port());
        gcloud.answer(QStringLiteral("hang"), "");
        gs::SshSettings ssh;
        ssh.gcloudCommand = QStringLiteral("gcloud compute ssh --zone us-west1-a gs-runner-vm "
                                           "--tunnel-through-iap --project my-proj");
        ConnectionPanel panel;
        panel.show();
        panel.setAnswers(ssh);
        QSignalSpy busy(&panel, &ConnectionPanel::busyChanged);
        QTest::mouseClick(child<QPushButton>(panel, "connectButton"), Qt::LeftButton);
        QTRY_VERIFY(gcloud.calls().contains("instances describe"));
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(child<QPushButton>(panel, "cancelConnectButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 1000);
        QVERIFY(clock.elapsed() < 1000);
        QCOMPARE(busy.size(), 2);
        QVERIFY(child<QPushButton>(panel, "connectButton")->isEnabled());
        QCOMPARE(child<QLabel>(panel, "connectProgress")->text(), QStringLiteral("Cancelled."));
    }
};

QTEST_MAIN(TestConnectionPanel)
#include "tst_ConnectionPanel.moc"
