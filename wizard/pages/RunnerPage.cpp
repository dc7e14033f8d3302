#include "RunnerPage.h"

#include "WizardModel.h"
#include "widgets/CommandView.h"
#include "widgets/FileDialogs.h"
#include "widgets/InlineError.h"

#include "plan/InputChecks.h"

#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gs {

namespace {

QLineEdit *fileRow(QFormLayout *form, QWidget *parent, const QString &label, const QString &name,
                   const QString &buttonText, std::function<void()> browse)
{
    auto *row = new QHBoxLayout;
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    auto *button = new QPushButton(buttonText, parent);
    button->setObjectName(name + QStringLiteral("Browse"));
    QObject::connect(button, &QPushButton::clicked, parent, std::move(browse));
    row->addWidget(edit, 1);
    row->addWidget(button);
    form->addRow(label, row);
    // The label names the line edit, not the row: screen readers read it with the field.
    if (auto *labelWidget = qobject_cast<QLabel *>(form->labelForField(row)))
        labelWidget->setBuddy(edit);
    return edit;
}

} // namespace

RunnerPage::RunnerPage(WizardModel *wizardModel, QWidget *parent)
    : SetupPage(wizardModel, parent)
{
    setObjectName(QStringLiteral("runnerPage"));
    setTitle(tr("Start the VM Runner"));
    setSubTitle(tr("The runner (drone/drone-runner-aws) creates the Gitspace VMs described in "
                   "pool.yaml. It listens on port 3000 of the harness network as vm-runner."));
}

void RunnerPage::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_poolFile = fileRow(form, this, tr("pool.yaml *:"), QStringLiteral("runnerPoolFileEdit"),
                         tr("Browse…"), [this] {
                             FileDialogs::openFile(this, tr("Open pool.yaml"), m_poolFile->text(),
                                                   tr("YAML files (*.yaml *.yml);;All files (*)"),
                                                   [this](const QString &path) {
                                                       m_poolFile->setText(path);
                                                       edited();
                                                   });
                         });
    m_poolFileError = new InlineError(QStringLiteral("runnerPoolFileError"), this);
    form->addRow(QString(), m_poolFileError);
    m_keyFile =
        fileRow(form, this, tr("Service-account key:"), QStringLiteral("serviceAccountKeyEdit"),
                tr("Browse…"), [this] {
                    FileDialogs::openFile(this, tr("Service-account key"), m_keyFile->text(),
                                          tr("JSON files (*.json);;All files (*)"),
                                          [this](const QString &path) {
                                              m_keyFile->setText(path);
                                              edited();
                                          });
                });
    m_keyFile->setPlaceholderText(tr("Optional: uploaded next to pool.yaml"));
    m_keyFileError = new InlineError(QStringLiteral("serviceAccountKeyError"), this);
    form->addRow(QString(), m_keyFileError);
    m_directory = new QLineEdit(this);
    m_directory->setObjectName(QStringLiteral("runnerDirectoryEdit"));
    form->addRow(tr("Runner directory *:"), m_directory);
    m_directoryError = new InlineError(QStringLiteral("runnerDirectoryError"), this);
    form->addRow(QString(), m_directoryError);
    m_image = new QLineEdit(this);
    m_image->setObjectName(QStringLiteral("runnerImageEdit"));
    form->addRow(tr("Runner image *:"), m_image);
    m_imageError = new InlineError(QStringLiteral("runnerImageError"), this);
    form->addRow(QString(), m_imageError);
    layout->addLayout(form);

    // The editor gets the room; the commands are folded until asked for.
    m_poolEditorArea = addArea(layout, QStringLiteral("poolEditorArea"), 1);
    m_commands = new CommandView(this);
    m_commands->setObjectName(QStringLiteral("runnerCommands"));
    m_commands->setExpanded(false);
    layout->addWidget(m_commands);
    m_runArea = addArea(layout, QStringLiteral("runnerRunArea"));

    for (QLineEdit *edit : {m_poolFile, m_keyFile, m_directory, m_image})
        connect(edit, &QLineEdit::textEdited, this, &RunnerPage::edited);
}

void RunnerPage::edited()
{
    model()->edit([this](SetupConfig &c) {
        c.runner.poolFile = m_poolFile->text().trimmed();
        c.runner.serviceAccountKey = m_keyFile->text().trimmed();
        c.runner.directory = m_directory->text().trimmed();
        c.runner.image = m_image->text().trimmed();
    });
    check();
}

void RunnerPage::check()
{
    const RunnerSettings &runner = model()->config().runner;
    if (runner.poolFile.isEmpty())
        m_poolFileError->setError(tr("Pick the pool.yaml the Terraform module generated."));
    else if (!QFileInfo(runner.poolFile).isFile())
        m_poolFileError->setError(
            tr("%1 does not exist. Pick the pool.yaml the Terraform module generated.")
                .arg(runner.poolFile));
    else
        m_poolFileError->setError(QString());
    if (!runner.serviceAccountKey.isEmpty() && !QFileInfo(runner.serviceAccountKey).isFile())
        m_keyFileError->setError(tr("%1 does not exist. Pick the key file, or leave the field "
                                    "empty if pool.yaml needs none.")
                                     .arg(runner.serviceAccountKey));
    else if (!m_poolFileError->hasError())
        // pool.yaml names a key inside the runner directory and nothing would upload one.
        m_keyFileError->setMessage(
            steps::missingKeyWarning(model()->preparedPool(), runner.directory),
            InlineError::Kind::Warning);
    else
        m_keyFileError->setError(QString());
    m_directoryError->setError(InputChecks::runnerDirectory(runner.directory));
    m_imageError->setError(InputChecks::imageReference(runner.image));
    Q_EMIT completeChanged();
}

void RunnerPage::loadFromModel()
{
    const RunnerSettings &runner = model()->config().runner;
    m_poolFile->setText(runner.poolFile);
    m_keyFile->setText(runner.serviceAccountKey);
    m_directory->setText(runner.directory);
    m_image->setText(runner.image);
    check();
}

void RunnerPage::refresh()
{
    const CommandBuilder builder = model()->builder();
    m_commands->setEntries(entriesFor(builder, builder.runner()));
}

QString RunnerPage::runBlockedReason() const
{
    if (!isBuilt())
        return tr("Fill in this page first.");
    const QList<std::pair<const InlineError *, QString>> errors = {
        {m_poolFileError, tr("pool.yaml")},
        {m_keyFileError, tr("Service-account key")},
        {m_directoryError, tr("Runner directory")},
        {m_imageError, tr("Runner image")}};
    for (const auto &[error, name] : errors) {
        if (error->hasError())
            return tr("%1: %2").arg(name, error->text());
    }
    if (m_poolAcceptable && !m_poolAcceptable())
        return tr("pool.yaml has errors, or edits that are not saved: fix or save them in the "
                  "editor above, or tick \"Continue despite errors\".");
    return {};
}

bool RunnerPage::isComplete() const
{
    if (!isBuilt())
        return false;
    return !m_poolFileError->hasError() && !m_keyFileError->hasError() &&
           !m_directoryError->hasError() && !m_imageError->hasError() &&
           (!m_poolAcceptable || m_poolAcceptable());
}

} // namespace gs
