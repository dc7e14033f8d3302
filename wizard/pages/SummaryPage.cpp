#include "SummaryPage.h"
#include "util/AtomicFile.h"

#include "SecretsKeeper.h"
#include "WizardModel.h"
#include "widgets/FileDialogs.h"
#include "widgets/Tones.h"

#include "plan/AnsibleExport.h"
#include "plan/ConfigFile.h"
#include "plan/SetupScript.h"
#include "util/LoggingCategories.h"

#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gs {

SummaryPage::SummaryPage(WizardModel *wizardModel, SecretsKeeper *secrets, QWidget *parent)
    : SetupPage(wizardModel, parent)
    , m_secrets(secrets)
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    setSubTitle(tr("Everything the setup does on the VM, step by step. Export it as one script "
                   "or as an Ansible playbook for many VMs, or save your answers to open them "
                   "again later."));
    setFinalPage(true);
}

void SummaryPage::build()
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(QStringLiteral("summaryText"));
    m_summary->setAccessibleName(tr("Summary of the setup"));
    m_summary->setReadOnly(true);
    m_summary->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_summary->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_summary, 1);

    auto *buttons = new QHBoxLayout;
    m_export = new QPushButton(tr("Export script…"), this);
    m_export->setObjectName(QStringLiteral("exportScriptButton"));
    m_export->setToolTip(tr("The whole run as one commented shell script; it asks for the token "
                            "at a hidden prompt"));
    m_exportAnsible = new QPushButton(tr("Export for Ansible…"), this);
    m_exportAnsible->setObjectName(QStringLiteral("exportAnsibleButton"));
    m_exportAnsible->setToolTip(tr("An inventory, a playbook with the same steps and a README in "
                                   "a folder, for setting up many VMs with Ansible; the token is "
                                   "not written"));
    m_save = new QPushButton(tr("Save answers…"), this);
    m_save->setObjectName(QStringLiteral("saveAnswersButton"));
    m_save->setToolTip(tr("Everything but the token and the account id, which stay in the "
                          "keychain"));
    m_open = new QPushButton(tr("Open answers…"), this);
    m_open->setObjectName(QStringLiteral("openAnswersButton"));
    buttons->addWidget(m_export);
    buttons->addWidget(m_exportAnsible);
    buttons->addStretch();
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("summaryStatusLabel"));
    m_status->setWordWrap(true);
    m_status->hide(); // until there is something to say
    layout->addWidget(m_status);
    m_runArea = addArea(layout, QStringLiteral("summaryRunArea"));

    const QString yamlFilter = tr("Setup answers (*.yaml *.yml);;All files (*)");
    connect(m_export, &QPushButton::clicked, this, [this] {
        FileDialogs::saveFile(this, tr("Export script"), QStringLiteral("gitspaces-setup.sh"),
                              tr("Shell scripts (*.sh);;All files (*)"),
                              [this](const QString &path) { exportScript(path); });
    });
    connect(m_exportAnsible, &QPushButton::clicked, this, [this] {
        FileDialogs::openFolder(this, tr("Export for Ansible"), QStringLiteral("ansible"),
                                  [this](const QString &path) { exportAnsible(path); });
    });
    connect(m_save, &QPushButton::clicked, this, [this, yamlFilter] {
        const QString suggestion = model()->answersFile().isEmpty()
                                       ? QStringLiteral("gitspaces.yaml")
                                       : model()->answersFile();
        FileDialogs::saveFile(this, tr("Save answers"), suggestion, yamlFilter,
                              [this](const QString &path) { saveAnswers(path); });
    });
    connect(m_open, &QPushButton::clicked, this, [this, yamlFilter] {
        FileDialogs::openFile(this, tr("Open answers"), model()->answersFile(), yamlFilter,
                              [this](const QString &path) { openAnswers(path); });
    });
}

void SummaryPage::showResult(bool ok, const QString &message)
{
    m_status->setPalette(ok ? palette() : tonedPalette(Tone::Error, palette()));
    m_status->setText(message);
    m_status->setHidden(message.isEmpty());
}

bool SummaryPage::exportScript(const QString &path)
{
    ensureBuilt();
    // The same script as `commands --script`; it asks for the token on the VM, never holds it.
    const QByteArray script = setupScript(model()->builder(), QFileInfo(path).fileName()).toUtf8();
    QString why;
    if (!writeFileAtomically(path, script, &why,
                             QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                 QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                 QFileDevice::ExeGroup)) {
        showResult(false, tr("Could not write %1: %2").arg(path, why));
        return false;
    }
    qCInfo(lcWizard) << "exported the script to" << path;
    showResult(true, tr("Exported to %1. Copy it to the VM and run it there with bash (its first "
                        "lines say how); it asks for the delegate token when it needs it.")
                         .arg(path));
    return true;
}

bool SummaryPage::exportAnsible(const QString &directory)
{
    ensureBuilt();
    // One host: named after the answers file when there is one, else after the VM.
    const QString answers = model()->answersFile();
    const QString suggestion =
        answers.isEmpty() ? model()->config().ssh.host : QFileInfo(answers).completeBaseName();
    const AnsibleExport::Host host{AnsibleExport::hostName(suggestion, {}), model()->builder(),
                                   QFileInfo(answers).fileName()};
    QString error;
    if (!AnsibleExport::write(AnsibleExport::files({host}), directory, &error)) {
        showResult(false, error);
        return false;
    }
    qCInfo(lcWizard) << "exported the Ansible playbook to" << directory;
    showResult(true, tr("Exported to %1. Its README.md says how to run the playbook and how it "
                        "gets the delegate token, which is not in the folder.")
                         .arg(directory));
    return true;
}

bool SummaryPage::saveAnswers(const QString &path)
{
    ensureBuilt();
    QString error;
    ConfigFile::SaveOptions options;
    options.includeAccountId = false; // the keychain holds it
    if (!ConfigFile::save(model()->config(), path, options, &error)) {
        showResult(false, error);
        return false;
    }
    model()->setAnswersFile(path);
    model()->markAnswersSaved();
    m_secrets->save();
    qCInfo(lcWizard) << "saved the answers to" << path;
    showResult(
        true, model()->rememberSecrets()
                  ? tr("Saved to %1. The token and the account id are not in the file; "
                       "they go to the keychain.")
                        .arg(path)
                  : tr("Saved to %1. The token and the account id are not in the file.").arg(path));
    return true;
}

bool SummaryPage::openAnswers(const QString &path)
{
    ensureBuilt();
    QString error;
    if (!model()->openAnswers(path, &error)) {
        showResult(false, error);
        return false;
    }
    qCInfo(lcWizard) << "opened the answers from" << path;
    showResult(true, tr("Opened %1.").arg(path));
    return true;
}

void SummaryPage::refresh()
{
    const CommandBuilder builder = model()->builder();
    QString text;
    for (const StepPlan &step : builder.all()) {
        text += QStringLiteral("## ") + step.title + QLatin1Char('\n');
        for (const PlannedCommand &command : step.commands) {
            text += QStringLiteral("# ") + command.summary + QLatin1Char('\n');
            // The engine's form: the token and file contents go through stdin, never in here.
            text += command.script + QLatin1Char('\n');
        }
        text += QLatin1Char('\n');
    }
    const DelegateSettings &d = model()->config().delegate;
    text += QStringLiteral("## ") + tr("Delegate Selector") + QLatin1Char('\n');
    text += tr("# Enter in the Gitspace infrastructure UI: %1").arg(d.name) + QLatin1Char('\n');
    if (!d.tags.isEmpty())
        text += tr("# or one of the tags: %1").arg(d.tags.join(QStringLiteral(", "))) +
                QLatin1Char('\n');
    if (m_summary->toPlainText() != text)
        m_summary->setPlainText(text);
}

} // namespace gs
