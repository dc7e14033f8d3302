// The Delegate page's "Paste the command from Harness…": the fields fill from the pasted
// docker run command, the token goes the way a typed one goes (model, masked field, keychain)
// and shows nowhere; a command that does not read changes nothing and says where it went wrong.
#include "WizardTestUtil.h"

#include "SecretsKeeper.h"
#include "pages/DelegateCommandDialog.h"
#include "pages/DelegatePage.h"
#include "widgets/InlineError.h"

#include "plan/ConfigFile.h"
#include "secrets/MemorySecretStore.h"
#include "util/EnvironmentSecrets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <memory>

using namespace gs;
using namespace gs::test;

namespace {

const QString canary = QStringLiteral("Q0FOQVJZY2FuYXJ5Q0FOQVJZY2FuYXJ5Q0FOQVJZY2E=");
const QString account = QStringLiteral("6_vVHzo9Qeu9fXvj-AcQCb");
const QString image = QStringLiteral("us-docker.pkg.dev/gar-prod-setup/harness-public/harness/"
                                     "delegate:26.02.88404");

QString harnessUiCommand()
{
    return QStringLiteral("docker run --cpus=1 --memory=4g \\\n"
                          "  -e DELEGATE_NAME=gitspaces-delegate \\\n"
                          "  -e NEXT_GEN=\"true\" \\\n"
                          "  -e DELEGATE_TYPE=\"DOCKER\" \\\n"
                          "  -e ACCOUNT_ID=%1 \\\n"
                          "  -e DELEGATE_TOKEN=%2 \\\n"
                          "  -e DELEGATE_TAGS=\"gitspaces, gcp\" \\\n"
                          "  -e MANAGER_HOST_AND_PORT=https://app3.harness.io %3\n")
        .arg(account, canary, image);
}

} // namespace

class TestDelegateCommandPaste : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<SetupWizard> m_wizard;
    DelegatePage *m_page = nullptr;

    DelegateCommandDialog *openDialog()
    {
        // The page is built but not shown (the wizard is on its first page).
        child<QPushButton>(m_page, "pasteCommandButton")->click();
        auto *dialog = child<DelegateCommandDialog>(m_page, "delegateCommandDialog");
        if (!QTest::qWaitForWindowExposed(dialog))
            qWarning("dialog not exposed");
        return dialog;
    }
    // Every text a person can see on the page and in the dialog, the masked field aside.
    QString visibleText() const
    {
        QStringList texts;
        for (QWidget *root :
             {static_cast<QWidget *>(m_wizard.get()),
              static_cast<QWidget *>(m_page->findChild<DelegateCommandDialog *>())}) {
            if (!root)
                continue;
            for (auto *edit : root->findChildren<QLineEdit *>())
                if (edit->echoMode() == QLineEdit::Normal)
                    texts << edit->text();
            for (auto *label : root->findChildren<QLabel *>())
                texts << label->text() << label->toolTip();
            for (auto *edit : root->findChildren<QPlainTextEdit *>())
                texts << edit->toPlainText();
        }
        return texts.join(u'\n');
    }

private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        QFile::remove(WizardModel::autosaveFile());
        m_store = std::make_unique<MemorySecretStore>();
        m_wizard = std::make_unique<SetupWizard>(m_store.get());
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        QTest::qWait(0); // after the first paint: the preferences are read
        m_page = m_wizard->delegatePage();
        m_page->ensureBuilt();
        m_page->initializePage();
    }
    void cleanup()
    {
        m_wizard.reset();
        m_store.reset();
    }

    void pasteFillsTheFields()
    {
        child<QCheckBox>(m_page, "rememberSecretsCheck")->setChecked(true);
        QVERIFY(m_wizard->model()->rememberSecrets());
        DelegateCommandDialog *dialog = openDialog();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->isModal()); // window-modal, opened with open()
        dialog->textEdit()->setPlainText(harnessUiCommand());
        // The pasted token is drawn as a bar, not as text.
        const QTextBlock tokenLine = dialog->textEdit()->document()->findBlockByNumber(5);
        const int at = int(tokenLine.text().indexOf(canary));
        QVERIFY(at > 0);
        bool masked = false;
        for (const QTextLayout::FormatRange &range : tokenLine.layout()->formats())
            masked = masked || (range.start <= at && range.start + range.length >= at + 44 &&
                                range.format.foreground() == range.format.background());
        QVERIFY(masked);
        QTest::mouseClick(dialog->fillButton(), Qt::LeftButton);
        QVERIFY(!dialog->isVisible());
        QVERIFY(dialog->textEdit()->toPlainText().isEmpty()); // the token does not stay there

        QCOMPARE(child<QLineEdit>(m_page, "delegateNameEdit")->text(),
                 QStringLiteral("gitspaces-delegate"));
        QCOMPARE(child<QLineEdit>(m_page, "accountIdEdit")->text(), account);
        QCOMPARE(child<QLineEdit>(m_page, "delegateTagsEdit")->text(),
                 QStringLiteral("gitspaces, gcp"));
        QCOMPARE(child<QComboBox>(m_page, "clusterCombo")->currentData().toString(),
                 QStringLiteral("prod3"));
        QCOMPARE(child<QLineEdit>(m_page, "delegateImageEdit")->text(), image);
        QCOMPARE(child<QLineEdit>(m_page, "memoryEdit")->text(), QStringLiteral("4g"));
        const DelegateSettings &d = m_wizard->model()->config().delegate;
        QCOMPARE(d.manager, QStringLiteral("https://app3.harness.io"));
        QCOMPARE(d.tags, (QStringList{QStringLiteral("gitspaces"), QStringLiteral("gcp")}));
        QVERIFY(m_page->isComplete());

        // The token: in the model, masked in its field, and in the keychain as asked.
        QCOMPARE(m_wizard->model()->token(), canary);
        QCOMPARE(child<QLineEdit>(m_page, "tokenEdit")->echoMode(), QLineEdit::Password);
        QTRY_COMPARE(m_store->entries().value(QLatin1String(SecretKeys::DelegateToken)), canary);

        // The note: what is added and what differs.
        auto *note = child<QLabel>(m_page, "importNoteLabel");
        QVERIFY(!note->isHidden());
        for (const char *part : {"--network harness", "RUNNER_URL=http://vm-runner:3000/",
                                 "--name gitspaces-delegate", "--memory 4g"})
            QVERIFY2(note->text().contains(QLatin1String(part)), qPrintable(note->text()));

        // Shown nowhere, saved nowhere.
        QVERIFY(!visibleText().contains(canary));
        const QByteArray saved = ConfigFile::serialize(m_wizard->model()->config(),
                                                       QStringLiteral("/tmp/answers.yaml"), {});
        QVERIFY(!saved.contains(canary.toUtf8()));
        QVERIFY(!saved.contains(account.toUtf8())); // the wizard keeps it out of the file

        // Other answers opened: the note no longer describes the fields.
        m_wizard->model()->replace(SetupConfig());
        QVERIFY(note->isHidden());
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<int>("offset");
        QTest::newRow("no ACCOUNT_ID") << "docker run -e DELEGATE_TOKEN=" + canary + " \\\n  img:1"
                                       << "Line 2, column 3" << int(29 + canary.size() + 5);
        QTest::newRow("not docker run") << "kubectl run x --image=y"
                                        << "Line 1, column 1" << 0;
        QTest::newRow("two images") << "docker run -e ACCOUNT_ID=" + account + " a:1 b:2"
                                    << "Line 1, column 53" << 52;
        QTest::newRow("unterminated quote")
            << "docker run \\\n -e DELEGATE_TOKEN=\"" + canary << "Line 2, column 20" << 32;
    }
    void badInputChangesNothing()
    {
        QFETCH(QString, text);
        const SetupConfig before = m_wizard->model()->config();
        DelegateCommandDialog *dialog = openDialog();
        dialog->textEdit()->setPlainText(text);
        QTest::mouseClick(dialog->fillButton(), Qt::LeftButton);

        QVERIFY(dialog->isVisible());
        InlineError *error = dialog->errorLabel();
        QVERIFY(error->isVisible());
        QVERIFY(error->hasError());
        QFETCH(QString, where);
        QVERIFY2(error->text().startsWith(where), qPrintable(error->text()));
        // The place is marked, and the caret is there.
        QCOMPARE(dialog->textEdit()->extraSelections().size(), 1);
        QFETCH(int, offset);
        QCOMPARE(dialog->textEdit()->textCursor().position(), offset);

        QCOMPARE(m_wizard->model()->config(), before);
        QVERIFY(m_wizard->model()->token().isEmpty());
        QVERIFY(m_store->entries().isEmpty());
        QVERIFY(child<QLabel>(m_page, "importNoteLabel")->isHidden());
        QVERIFY(!error->text().contains(canary));

        // Editing the text takes the stale error away; closing clears the text.
        dialog->textEdit()->insertPlainText(QStringLiteral(" "));
        QVERIFY(error->isHidden());
        QVERIFY(dialog->textEdit()->extraSelections().isEmpty());
        dialog->reject();
        QVERIFY(dialog->textEdit()->toPlainText().isEmpty());
        QCOMPARE(m_wizard->model()->config(), before);
    }
};

QTEST_MAIN(TestDelegateCommandPaste)
#include "tst_DelegateCommandPaste.moc"
