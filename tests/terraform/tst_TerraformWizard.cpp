// "Open the Terraform folder…" on the first page, offscreen, with the stand-in terraform: what
// the box says, the choice between several runner VMs, and the answers the Connect and VM
// Runner pages then show.

#include "../wizard/WizardTestUtil.h"
#include "FakeTerraform.h"

#include "pages/PrerequisitesPage.h"
#include "pages/TerraformFolderBox.h"
#include "secrets/MemorySecretStore.h"
#include "terraform/TerraformFolder.h"
#include "widgets/FileDialogs.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace gs;
using namespace gs::test;

class TestTerraformWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<SetupWizard> m_wizard;

    void makeWizard()
    {
        m_store = std::make_unique<MemorySecretStore>();
        m_wizard = std::make_unique<SetupWizard>(m_store.get());
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        QTest::qWait(0);
    }
    void openFolder(const QString &folder)
    {
        QWidget *page = m_wizard->currentPage();
        FileDialogs::setNextAnswerForTests(folder);
        QTest::mouseClick(child<QPushButton>(page, "terraformOpenButton"), Qt::LeftButton);
        auto *box = child<TerraformFolderBox>(page, "terraformFolderBox");
        QTRY_VERIFY_WITH_TIMEOUT(!box->isReading(), 20000);
    }
    QString status() const
    {
        return child<QLabel>(m_wizard->currentPage(), "terraformStatus")->text();
    }
    QString report() const
    {
        return child<QLabel>(m_wizard->currentPage(), "terraformReport")->text();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QDir(m_dir.path()).mkpath(QStringLiteral("home/.ssh"));
        qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
        qunsetenv("SSH_AUTH_SOCK");
        qputenv("LOGNAME", "jane");
    }
    void init()
    {
        QSettings().clear();
        QFile::remove(WizardModel::autosaveFile());
    }
    void cleanup()
    {
        m_wizard.reset();
        m_store.reset();
    }

    void severalVmsAreAChoiceThenConnectAndRunnerShowIt()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"));
        FakeTerraform::write(tf.inFolder(QStringLiteral("service-account-key.json")),
                             FakeTerraform::serviceAccountKey());
        tf.answer(
            QStringLiteral("show.json"),
            FakeTerraform::showJson({QStringLiteral("us-west1"), QStringLiteral("europe-west4")}));
        makeWizard();
        openFolder(tf.folder());
        const SetupConfig &config = m_wizard->model()->config();
        QWidget *page = m_wizard->currentPage();
        auto *combo = child<QComboBox>(page, "terraformVmCombo");
        QVERIFY(combo->isVisible());
        QCOMPARE(combo->count(), 2);
        QVERIFY2(status().contains(QLatin1String("2 runner VMs")), qPrintable(status()));
        QVERIFY2(report().contains(QLatin1String("Service-account key: ") +
                                   tf.inFolder(QStringLiteral("service-account-key.json"))),
                 qPrintable(report()));
        // The files are taken, the VM is not chosen for the user.
        QCOMPARE(config.runner.poolFile, tf.inFolder(QStringLiteral("pool.yaml")));
        QCOMPARE(config.runner.serviceAccountKey,
                 tf.inFolder(QStringLiteral("service-account-key.json")));
        QVERIFY(config.ssh.gcloudCommand.isEmpty());

        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentIndex(), 1);
        QVERIFY2(config.ssh.gcloudCommand.contains(QLatin1String("mygs-europe-west4-runner-vm")),
                 qPrintable(config.ssh.gcloudCommand));
        QCOMPARE(config.ssh.user, QStringLiteral("jane"));
        QVERIFY2(status().contains(QLatin1String("through IAP as jane")), qPrintable(status()));

        QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTRY_COMPARE(m_wizard->currentId(), int(SetupWizard::Connect));
        page = m_wizard->currentPage();
        QCOMPARE(child<QLineEdit>(page, "instanceEdit")->text(),
                 QStringLiteral("mygs-europe-west4-runner-vm"));
        QCOMPARE(child<QLineEdit>(page, "zoneEdit")->text(), QStringLiteral("europe-west4-a"));
        QCOMPARE(child<QLineEdit>(page, "projectEdit")->text(), QStringLiteral("my-proj"));
        QVERIFY(child<QAbstractButton>(page, "iapCheck")->isChecked());
        QCOMPARE(m_wizard->model()->config().ssh.user, QStringLiteral("jane"));
    }

    void aBadFolderSaysSoAndChangesNothing()
    {
        FakeTerraform tf;
        makeWizard();
        const SetupConfig before = m_wizard->model()->config();
        openFolder(tf.folder());
        QVERIFY2(status().contains(QLatin1String("not a Terraform folder")), qPrintable(status()));
        QVERIFY(m_wizard->model()->config() == before);

        tf.writeModuleFolder(QStringLiteral("gone.json"));
        tf.answer(QStringLiteral("show.json"),
                  FakeTerraform::showJson({QStringLiteral("us-west1")}));
        openFolder(tf.folder());
        QVERIFY2(status().contains(QLatin1String("does not exist")), qPrintable(status()));
        QVERIFY2(status().contains(tf.inFolder(QStringLiteral("gone.json"))), qPrintable(status()));
        QVERIFY(m_wizard->model()->config() == before);
    }

    // Without terraform only the files are read: the key is taken, the connection is not, and
    // a pool file answered before stays when the folder has none.
    void withoutTerraformTheFilesOnly()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"), false);
        FakeTerraform::write(tf.inFolder(QStringLiteral("service-account-key.json")),
                             FakeTerraform::serviceAccountKey());
        makeWizard();
        const QString earlierPool = tf.workPath(QStringLiteral("earlier-pool.yaml"));
        m_wizard->model()->edit([&](SetupConfig &c) { c.runner.poolFile = earlierPool; });
        const QByteArray path = qgetenv("PATH");
        QTemporaryDir empty;
        qputenv("PATH", QFile::encodeName(empty.path()));
        openFolder(tf.folder());
        qputenv("PATH", path);
        const SetupConfig &config = m_wizard->model()->config();
        QVERIFY2(report().contains(QLatin1String("terraform is not installed")),
                 qPrintable(report()));
        QVERIFY2(status().contains(QLatin1String("the connection is not")), qPrintable(status()));
        QCOMPARE(config.runner.poolFile, earlierPool);
        QCOMPARE(config.runner.serviceAccountKey,
                 tf.inFolder(QStringLiteral("service-account-key.json")));
        QVERIFY(config.ssh.gcloudCommand.isEmpty());
    }

    // Without pool.yaml the output is written where the module would have put it.
    void theOutputBecomesThePoolFile()
    {
        FakeTerraform tf;
        tf.writeModuleFolder(QStringLiteral("service-account-key.json"), false);
        FakeTerraform::write(tf.inFolder(QStringLiteral("service-account-key.json")),
                             FakeTerraform::serviceAccountKey());
        tf.answer(QStringLiteral("show.json"),
                  FakeTerraform::showJson({QStringLiteral("us-west1")}));
        tf.answer(
            QStringLiteral("outputs.json"),
            R"({"instance_yaml": {"sensitive": false, "type": "string", "value": "version: '1'\n"}})");
        makeWizard();
        openFolder(tf.folder());
        QCOMPARE(m_wizard->model()->config().runner.poolFile,
                 tf.inFolder(QStringLiteral("pool.yaml")));
        QCOMPARE(FakeTerraform::read(tf.inFolder(QStringLiteral("pool.yaml"))),
                 QByteArray("version: '1'\n"));
        QVERIFY2(m_wizard->model()->config().ssh.gcloudCommand.contains(
                     QLatin1String("mygs-us-west1-runner-vm")),
                 qPrintable(report()));
        QVERIFY(!child<QComboBox>(m_wizard->currentPage(), "terraformVmCombo")->isVisible());
    }
};

QTEST_MAIN(TestTerraformWizard)
#include "tst_TerraformWizard.moc"
