#include "ConnectPage.h"

#include "WizardModel.h"
#include "widgets/CommandView.h"
#include "widgets/FileDialogs.h"
#include "widgets/InlineError.h"
#include "widgets/ScrollingPage.h"

#include "plan/GcloudSshCommand.h"
#include "plan/InputChecks.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QCompleter>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gs {

ConnectPage::ConnectPage(WizardModel *wizardModel, QWidget *parent)
    : SetupPage(wizardModel, parent)
{
    setObjectName(QStringLiteral("connectPage"));
    setTitle(tr("Connect to the VM"));
    setSubTitle(tr("In the Cloud Console open the VM instance, click SSH → View gcloud command, "
                   "and paste the command here. Or give the address of the VM."));
}

void ConnectPage::build()
{
    // The page scrolls as a whole: the connection's boxes (host key, password, host info) come
    // and go below the form without making the window grow.
    QVBoxLayout *layout = makeScrollingPage(this);
    m_gcloudMode = new QRadioButton(tr("Through gcloud (pasted \"View gcloud command\")"), this);
    m_gcloudMode->setObjectName(QStringLiteral("gcloudModeRadio"));
    m_directMode = new QRadioButton(tr("Directly with SSH"), this);
    m_directMode->setObjectName(QStringLiteral("directModeRadio"));
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_gcloudMode);
    modes->addButton(m_directMode);
    m_gcloudMode->setChecked(true);

    layout->addWidget(m_gcloudMode);
    layout->addWidget(buildGcloudFields());
    layout->addWidget(m_directMode);
    QPushButton *browseKey = nullptr;
    layout->addLayout(buildDirectForm(&browseKey));
    buildSudo(layout);

    m_commands = new CommandView(this);
    m_commands->setObjectName(QStringLiteral("connectCommands"));
    m_commands->setPlaceholder(tr("Paste the gcloud command or enter a host to see the command."));
    m_commands->setFitContent(true);
    layout->addWidget(m_commands);
    m_connectionArea = addArea(layout, QStringLiteral("connectionArea"));
    // The host-key question, a password prompt, an error: they appear at the panel's end.
    keepBottomInView(m_connectionArea->parentWidget());
    layout->addStretch(1);

    connectEdits(browseKey);
    applyEnvironment();
    updateModeWidgets();
}

QWidget *ConnectPage::buildGcloudFields()
{
    m_gcloudFields = new QWidget(this);
    auto *gcloudForm = new QFormLayout(m_gcloudFields);
    m_gcloudCommand = new QLineEdit(m_gcloudFields);
    m_gcloudCommand->setObjectName(QStringLiteral("gcloudCommandEdit"));
    m_gcloudCommand->setPlaceholderText(QStringLiteral(
        "gcloud compute ssh --zone \"us-west1-a\" \"gs-runner-vm\" --project \"my-proj\""));
    m_gcloudCommand->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    gcloudForm->addRow(tr("gcloud command:"), m_gcloudCommand);
    m_gcloudError = new InlineError(QStringLiteral("gcloudCommandError"), m_gcloudFields);
    gcloudForm->addRow(QString(), m_gcloudError);
    m_instance = new QLineEdit(m_gcloudFields);
    m_instance->setObjectName(QStringLiteral("instanceEdit"));
    m_zone = new QLineEdit(m_gcloudFields);
    m_zone->setObjectName(QStringLiteral("zoneEdit"));
    m_project = new QLineEdit(m_gcloudFields);
    m_project->setObjectName(QStringLiteral("projectEdit"));
    m_iap = new QCheckBox(tr("Tunnel through IAP (--tunnel-through-iap)"), m_gcloudFields);
    m_iap->setObjectName(QStringLiteral("iapCheck"));
    gcloudForm->addRow(tr("Instance *:"), m_instance);
    gcloudForm->addRow(tr("Zone *:"), m_zone);
    gcloudForm->addRow(tr("Project:"), m_project);
    gcloudForm->addRow(QString(), m_iap);
    return m_gcloudFields;
}

QFormLayout *ConnectPage::buildDirectForm(QPushButton **browseKey)
{
    auto *directForm = new QFormLayout;
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setPlaceholderText(tr("203.0.113.7, or a Host alias from ~/.ssh/config"));
    m_hostError = new InlineError(QStringLiteral("hostError"), this);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(22);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_userError = new InlineError(QStringLiteral("userError"), this);
    auto *keyRow = new QHBoxLayout;
    m_identityFile = new QLineEdit(this);
    m_identityFile->setObjectName(QStringLiteral("identityFileEdit"));
    *browseKey = new QPushButton(tr("Browse…"), this);
    (*browseKey)->setObjectName(QStringLiteral("identityFileBrowseButton"));
    keyRow->addWidget(m_identityFile, 1);
    keyRow->addWidget(*browseKey);
    directForm->addRow(tr("Host *:"), m_host);
    directForm->addRow(QString(), m_hostError);
    directForm->addRow(tr("Port:"), m_port);
    directForm->addRow(tr("User:"), m_user);
    directForm->addRow(QString(), m_userError);
    directForm->addRow(tr("Key file:"), keyRow);
    if (auto *keyLabel = qobject_cast<QLabel *>(directForm->labelForField(keyRow)))
        keyLabel->setBuddy(m_identityFile);
    return directForm;
}

void ConnectPage::buildSudo(QVBoxLayout *layout)
{
    // Until the VM was checked, sudo is the user's call for the commands they copy; once
    // connected, Run for me decides per command and the pages show its decision instead.
    m_sudo = new QCheckBox(tr("Put sudo in front of the commands to copy"), this);
    m_sudo->setObjectName(QStringLiteral("useSudoCheck"));
    m_sudo->setToolTip(tr("The documented commands omit sudo, but on a fresh GCP VM your user "
                          "needs it. Once connected, Run for me checks the VM and uses sudo "
                          "exactly where it is needed, and the commands shown follow."));
    layout->addWidget(m_sudo);
    m_sudoDecided = new QLabel(this);
    m_sudoDecided->setObjectName(QStringLiteral("sudoDecidedLabel"));
    m_sudoDecided->setWordWrap(true);
    m_sudoDecided->hide();
    layout->addWidget(m_sudoDecided);
}

void ConnectPage::connectEdits(QPushButton *browseKey)
{
    connect(m_gcloudMode, &QRadioButton::toggled, this, [this] {
        updateModeWidgets();
        if (useGcloud())
            gcloudTextEdited();
        else
            directEdited();
    });
    connect(m_gcloudCommand, &QLineEdit::textEdited, this, &ConnectPage::gcloudTextEdited);
    for (QLineEdit *edit : {m_instance, m_zone, m_project})
        connect(edit, &QLineEdit::textEdited, this, &ConnectPage::gcloudPartsEdited);
    connect(m_iap, &QCheckBox::clicked, this, &ConnectPage::gcloudPartsEdited);
    for (QLineEdit *edit : {m_host, m_user, m_identityFile})
        connect(edit, &QLineEdit::textEdited, this, &ConnectPage::directEdited);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectPage::directEdited);
    connect(browseKey, &QPushButton::clicked, this, [this] {
        FileDialogs::openFile(this, tr("SSH private key"),
                              model()->environment().home + QStringLiteral("/.ssh"),
                              tr("All files (*)"), [this](const QString &path) {
                                  m_identityFile->setText(path);
                                  directEdited();
                              });
    });
    connect(m_sudo, &QCheckBox::toggled, this,
            [this](bool on) { model()->edit([on](SetupConfig &c) { c.ssh.sudo = on; }); });
    connect(model(), &WizardModel::environmentChanged, this, &ConnectPage::applyEnvironment);
}

void ConnectPage::applyEnvironment()
{
    const LocalEnvironment &env = model()->environment();
    if (!env.scanned)
        return;
    m_host->setCompleter(new QCompleter(env.hostAliases, m_host));
    // The most likely key, so a plain "ssh" works without typing it.
    if (m_identityFile->text().isEmpty() && !env.sshKeys.isEmpty()) {
        m_identityFile->setText(env.sshKeys.constFirst());
        if (!useGcloud())
            directEdited();
    }
}

bool ConnectPage::useGcloud() const
{
    return m_gcloudMode->isChecked();
}

void ConnectPage::updateModeWidgets()
{
    m_gcloudFields->setEnabled(useGcloud());
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_port, m_user, m_identityFile})
        w->setEnabled(!useGcloud());
}

void ConnectPage::gcloudTextEdited()
{
    applyGcloudText(true);
}

void ConnectPage::applyGcloudText(bool byUser)
{
    GcloudSshCommand parsed;
    QString error;
    const QString text = m_gcloudCommand->text().trimmed();
    m_gcloudValid = false;
    if (text.isEmpty()) {
        m_gcloudError->setError(QString());
    } else if (!GcloudSshCommand::parse(text, &parsed, &error)) {
        // Nothing the user typed is lost: the text stays, the fields keep their last values.
        m_gcloudError->setError(error);
    } else {
        m_gcloudError->setError(QString());
        m_gcloudValid = true;
        m_instance->setText(parsed.instance);
        m_zone->setText(parsed.zone);
        m_project->setText(parsed.project);
        m_iap->setChecked(parsed.tunnelThroughIap);
        m_gcloudParsed = parsed;
    }
    const QString command = m_gcloudValid ? parsed.toCommandLine() : QString();
    model()->edit([&](SetupConfig &c) {
        c.ssh.gcloudCommand = command;
        if (m_gcloudValid && byUser) {
            // The direct fields are off in this mode: what they held must not pick the login.
            c.ssh.user = parsed.user;
            c.ssh.identityFile.clear();
        } else if (m_gcloudValid && !parsed.user.isEmpty()) {
            c.ssh.user = parsed.user;
        }
    });
    Q_EMIT completeChanged();
}

void ConnectPage::gcloudPartsEdited()
{
    GcloudSshCommand parts = m_gcloudParsed;
    parts.instance = m_instance->text().trimmed();
    parts.zone = m_zone->text().trimmed();
    parts.project = m_project->text().trimmed();
    parts.tunnelThroughIap = m_iap->isChecked();
    if (parts.tunnelThroughIap)
        parts.internalIp = false; // gcloud takes one or the other
    m_gcloudValid = !parts.instance.isEmpty() && !parts.zone.isEmpty();
    const QString command = m_gcloudValid ? parts.toCommandLine() : QString();
    if (m_gcloudValid) {
        m_gcloudCommand->setText(command);
        m_gcloudError->setError(QString());
    } else {
        m_gcloudError->setError(tr("Enter the instance name and its zone, or paste the command."));
    }
    model()->edit([&](SetupConfig &c) {
        c.ssh.gcloudCommand = command;
        if (m_gcloudValid) {
            c.ssh.user = parts.user;
            c.ssh.identityFile.clear();
        }
    });
    Q_EMIT completeChanged();
}

void ConnectPage::checkDirect()
{
    const QString host = m_host->text().trimmed();
    m_hostError->setError(host.isEmpty() ? QString() : InputChecks::host(host));
    const QString user = m_user->text().trimmed();
    m_userError->setError(user.isEmpty() ? QString() : InputChecks::user(user));
}

void ConnectPage::directEdited()
{
    checkDirect();
    model()->edit([this](SetupConfig &c) {
        c.ssh.host = m_host->text().trimmed();
        c.ssh.port = m_port->value();
        c.ssh.user = m_user->text().trimmed();
        c.ssh.identityFile = m_identityFile->text().trimmed();
        if (!useGcloud())
            c.ssh.gcloudCommand.clear();
    });
    Q_EMIT completeChanged();
}

void ConnectPage::loadFromModel()
{
    const SshSettings &ssh = model()->config().ssh;
    m_host->setText(ssh.host);
    m_port->blockSignals(true);
    m_port->setValue(ssh.port);
    m_port->blockSignals(false);
    m_user->setText(ssh.user);
    if (!ssh.identityFile.isEmpty() || m_identityFile->text().isEmpty())
        m_identityFile->setText(ssh.identityFile);
    m_sudo->setChecked(ssh.sudo);
    if (!ssh.gcloudCommand.isEmpty()) {
        m_gcloudMode->setChecked(true);
        if (m_gcloudCommand->text().trimmed() != ssh.gcloudCommand) {
            m_gcloudCommand->setText(ssh.gcloudCommand);
            applyGcloudText(false);
        }
    } else if (!ssh.host.isEmpty()) {
        m_directMode->setChecked(true);
    }
    checkDirect();
    updateModeWidgets();
    Q_EMIT completeChanged();
}

void ConnectPage::refresh()
{
    const std::optional<Privileges> &decided = model()->decidedPrivileges();
    m_sudo->setVisible(!decided);
    m_sudoDecided->setVisible(bool(decided));
    if (decided)
        m_sudoDecided->setText(tr("Checked on the VM: %1").arg(decided->describe()));
    const CommandBuilder builder = model()->builder();
    const SshSettings &ssh = model()->config().ssh;
    if (ssh.gcloudCommand.isEmpty() && ssh.host.isEmpty())
        m_commands->setEntries({});
    else
        m_commands->setEntries(entriesFor(builder, builder.connect()));
}

bool ConnectPage::isComplete() const
{
    if (!isBuilt())
        return false;
    if (useGcloud())
        return m_gcloudValid;
    const QString host = m_host->text().trimmed();
    return !host.isEmpty() && !m_hostError->hasError() && !m_userError->hasError();
}

QString ConnectPage::runBlockedReason() const
{
    if (!isBuilt() || isComplete())
        return {};
    if (useGcloud())
        return m_gcloudError->text().isEmpty()
                   ? tr("Paste the gcloud compute ssh command, or enter the instance and zone.")
                   : m_gcloudError->text();
    if (m_host->text().trimmed().isEmpty())
        return tr("Enter the host to connect to.");
    return m_hostError->hasError() ? m_hostError->text() : m_userError->text();
}

} // namespace gs
