#include "ConnectionPanel.h"

#include "HostKeyDialog.h"

#include "remote/KnownHosts.h"
#include "remote/ResolveConnectJob.h"
#include "remote/SshSession.h"
#include "secrets/SecretStore.h"
#include "util/LoggingCategories.h"
#include "util/Secret.h"
#include "widgets/InlineError.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

namespace gs {

using namespace gs::remote;

namespace {

QFrame *makeBox(const QString &name, QWidget *parent)
{
    auto *box = new QFrame(parent);
    box->setObjectName(name);
    box->setFrameShape(QFrame::StyledPanel);
    box->hide();
    return box;
}

QLabel *makeLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPushButton *makeButton(const QString &name, const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    return button;
}

} // namespace

ConnectionPanel::ConnectionPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("connectionPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    buildButtonRow(layout);
    buildProgressRows(layout);

    // Host key decision: a window-modal dialog, made once (tests find it by its name).
    m_hostKeyDialog = new HostKeyDialog(this);
    m_hostKeyDialog->hide();
    connect(m_hostKeyDialog, &QDialog::finished, this, &ConnectionPanel::onHostKeyAnswered);

    buildCredentialBox(layout);
    m_error = new InlineError(QStringLiteral("connectError"), this);
    layout->addWidget(m_error);
    buildChangedKeyBox(layout);
    buildHostInfoBox(layout);

    connect(m_connect, &QPushButton::clicked, this, &ConnectionPanel::connectToHost);
    connect(m_cancel, &QPushButton::clicked, this, &ConnectionPanel::cancel);
    connect(m_disconnect, &QPushButton::clicked, this, &ConnectionPanel::disconnectFromHost);
    connect(m_credentialOk, &QPushButton::clicked, this, &ConnectionPanel::submitCredential);
    connect(m_credential, &QLineEdit::returnPressed, this, &ConnectionPanel::submitCredential);
    connect(m_credentialSkip, &QPushButton::clicked, this, &ConnectionPanel::skipCredential);
    connect(m_replaceConfirm, &QCheckBox::toggled, m_replaceKey, &QPushButton::setEnabled);
    connect(m_replaceKey, &QPushButton::clicked, this, &ConnectionPanel::replaceHostKey);
    updateButtons();
}

void ConnectionPanel::buildButtonRow(QVBoxLayout *layout)
{
    auto *buttons = new QHBoxLayout;
    m_connect = makeButton(QStringLiteral("connectButton"), tr("&Connect"), this);
    m_cancel = makeButton(QStringLiteral("cancelConnectButton"), tr("Cancel"), this);
    m_disconnect = makeButton(QStringLiteral("disconnectButton"), tr("Disconnect"), this);
    buttons->addWidget(m_connect);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_disconnect);
    m_blocked = makeLabel(QStringLiteral("connectBlockedLabel"), this);
    m_blocked->hide();
    buttons->addWidget(m_blocked, 1);
    layout->addLayout(buttons);
}

void ConnectionPanel::buildProgressRows(QVBoxLayout *layout)
{
    // "Connected" is said with a mark as well as in words.
    auto *progressRow = new QHBoxLayout;
    m_progressIcon = new QLabel(this);
    m_progressIcon->setObjectName(QStringLiteral("connectProgressIcon"));
    m_progressIcon->hide();
    progressRow->addWidget(m_progressIcon, 0, Qt::AlignTop);
    m_progress = makeLabel(QStringLiteral("connectProgress"), this);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);
    // What the gcloud path decided: user, key, IAP or address, and what may stand in the way.
    m_plan = makeLabel(QStringLiteral("connectPlanLabel"), this);
    m_plan->hide();
    layout->addWidget(m_plan);
}

void ConnectionPanel::buildCredentialBox(QVBoxLayout *layout)
{
    // Passphrase / password / the server's own prompts.
    m_credentialBox = makeBox(QStringLiteral("credentialBox"), this);
    auto *credLayout = new QVBoxLayout(m_credentialBox);
    m_credentialPrompt = makeLabel(QStringLiteral("credentialPrompt"), m_credentialBox);
    m_credential = new QLineEdit(m_credentialBox);
    m_credential->setObjectName(QStringLiteral("credentialEdit"));
    m_credential->setEchoMode(QLineEdit::Password);
    auto *credButtons = new QHBoxLayout;
    m_credentialOk = makeButton(QStringLiteral("credentialOkButton"), tr("&OK"), m_credentialBox);
    m_credentialSkip =
        makeButton(QStringLiteral("credentialSkipButton"), tr("&Skip"), m_credentialBox);
    m_credentialOk->setDefault(true);
    credButtons->addWidget(m_credential, 1);
    credButtons->addWidget(m_credentialOk);
    credButtons->addWidget(m_credentialSkip);
    m_rememberPassphrase = new QCheckBox(m_credentialBox);
    m_rememberPassphrase->setObjectName(QStringLiteral("rememberPassphraseCheck"));
    m_rememberPassphrase->hide();
    credLayout->addWidget(m_credentialPrompt);
    credLayout->addLayout(credButtons);
    credLayout->addWidget(m_rememberPassphrase);
    layout->addWidget(m_credentialBox);
}

void ConnectionPanel::buildChangedKeyBox(QVBoxLayout *layout)
{
    // A changed key: the one guarded way to replace it.
    m_changedKeyBox = makeBox(QStringLiteral("changedHostKeyBox"), this);
    auto *changedLayout = new QVBoxLayout(m_changedKeyBox);
    m_replaceConfirm = new QCheckBox(
        tr("I know why the key changed (the VM was rebuilt) and checked the new fingerprint"),
        m_changedKeyBox);
    m_replaceConfirm->setObjectName(QStringLiteral("replaceHostKeyConfirm"));
    m_replaceKey = makeButton(QStringLiteral("replaceHostKeyButton"),
                              tr("Replace the recorded key and connect"), m_changedKeyBox);
    m_replaceKey->setEnabled(false);
    changedLayout->addWidget(m_replaceConfirm);
    changedLayout->addWidget(m_replaceKey, 0, Qt::AlignLeft);
    layout->addWidget(m_changedKeyBox);
}

void ConnectionPanel::buildHostInfoBox(QVBoxLayout *layout)
{
    // What we are connected to.
    m_hostInfoBox = makeBox(QStringLiteral("hostInfoBox"), this);
    auto *infoLayout = new QFormLayout(m_hostInfoBox);
    m_hostOs = makeLabel(QStringLiteral("hostOsLabel"), m_hostInfoBox);
    m_hostArch = makeLabel(QStringLiteral("hostArchLabel"), m_hostInfoBox);
    m_hostName = makeLabel(QStringLiteral("hostNameLabel"), m_hostInfoBox);
    infoLayout->addRow(tr("Operating system:"), m_hostOs);
    infoLayout->addRow(tr("Architecture:"), m_hostArch);
    infoLayout->addRow(tr("Host name:"), m_hostName);
    layout->addWidget(m_hostInfoBox);
}

ConnectionPanel::~ConnectionPanel() = default;

void ConnectionPanel::setOptions(const ConnectOptions &options)
{
    m_answers.reset();
    m_options = options;
    updateButtons();
}

void ConnectionPanel::setAnswers(const gs::SshSettings &ssh)
{
    if (m_answers == ssh)
        return;
    m_answers = ssh;
    // Until Connect asks gcloud: what the answers say without it.
    m_options = ConnectOptions::fromSetup(ssh);
    m_plan->hide();
    updateButtons();
}

void ConnectionPanel::setSecretStore(SecretStore *store)
{
    m_store = store;
}

QString ConnectionPanel::sshPassphraseKey(const QString &keyFile)
{
    return QStringLiteral("ssh-passphrase:") + keyFile;
}

SshSession *ConnectionPanel::session() const
{
    return isConnected() ? m_session.data() : nullptr;
}

bool ConnectionPanel::isConnected() const
{
    return m_session && m_session->isConnected();
}

void ConnectionPanel::connectToHost()
{
    if (isBusy() || !m_blockedReason.isEmpty())
        return;
    clearQuestions();
    m_error->setError({});
    m_changedKeyBox->hide();
    m_hostInfoBox->hide();
    m_hostInfo = {};
    if (!m_answers) {
        startConnect(true);
        return;
    }
    m_plan->hide();
    m_resolve = new ResolveConnectJob(*m_answers, this);
    connect(m_resolve, &ResolveConnectJob::progress, this,
            [this](const QString &text) { setProgress(text); });
    connect(m_resolve, &ResolveConnectJob::finished, this, &ConnectionPanel::onResolved);
    setProgress(ConnectOptions::needsGcloudLookup(*m_answers)
                    ? tr("Asking gcloud how to reach the VM…")
                    : tr("Connecting…"));
    m_resolve->start();
    updateButtons();
    Q_EMIT busyChanged(true);
}

void ConnectionPanel::onResolved(const ConnectOptions &options)
{
    const bool cancelled = m_resolve && m_resolve->isCancelled();
    if (m_resolve)
        m_resolve->deleteLater();
    m_resolve = nullptr;
    if (cancelled) {
        setProgress(tr("Cancelled."));
        updateButtons();
        Q_EMIT busyChanged(false);
        return;
    }
    m_options = options;
    m_plan->setText(options.notes.join(QLatin1Char('\n')));
    m_plan->setVisible(!options.notes.isEmpty());
    startConnect(false); // busy since the lookup started
}

void ConnectionPanel::startConnect(bool announceBusy)
{
    m_keychainTried.clear();
    m_passphraseToKeep.clear();
    if (!m_session) {
        m_session = new SshSession(this);
        connect(m_session, &SshSession::connectionLost, this, [this](const QString &message) {
            m_error->setError(message);
            m_hostInfoBox->hide();
            setProgress(tr("Disconnected."));
            updateButtons();
            Q_EMIT disconnected();
        });
    }
    m_job = m_session->connectToHost(m_options);
    connect(m_job, &ConnectJob::progress, this, &ConnectionPanel::onProgress);
    connect(m_job, &ConnectJob::hostKeyDecisionRequested, this,
            &ConnectionPanel::onHostKeyQuestion);
    connect(m_job, &ConnectJob::credentialRequested, this, &ConnectionPanel::onCredentialQuestion);
    connect(m_job, &ConnectJob::finished, this, &ConnectionPanel::onFinished);
    setProgress(tr("Connecting to %1…").arg(m_options.displayName()));
    updateButtons();
    if (announceBusy)
        Q_EMIT busyChanged(true);
}

void ConnectionPanel::cancel()
{
    if (m_resolve) {
        m_resolve->cancel();
        return;
    }
    if (m_job) {
        setProgress(tr("Cancelling…"));
        m_job->cancel();
    }
}

void ConnectionPanel::disconnectFromHost()
{
    if (m_session)
        m_session->disconnectFromHost();
    m_hostInfoBox->hide();
    setProgress(tr("Disconnected."));
    updateButtons();
    m_disconnect->setEnabled(false);
    m_connect->setEnabled(true);
    Q_EMIT disconnected();
}

void ConnectionPanel::setProgress(const QString &text, bool connected)
{
    m_progress->setText(text);
    if (connected) {
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        m_progressIcon->setPixmap(
            style()->standardIcon(QStyle::SP_DialogApplyButton, nullptr, this).pixmap(size, size));
    }
    m_progressIcon->setVisible(connected);
}

void ConnectionPanel::onProgress(ConnectPhase, const QString &text)
{
    setProgress(text);
}

void ConnectionPanel::onHostKeyQuestion(const HostKeyInfo &key)
{
    m_hostKeyDialog->setHostKey(key, m_answers ? m_answers->gcloudCommand : QString());
    m_hostKeyPending = true;
    setProgress(tr("Waiting for your decision on the host key of %1…").arg(key.knownHostsName));
    m_hostKeyDialog->open();
}

void ConnectionPanel::onHostKeyAnswered(int result)
{
    // Hidden by clearQuestions() (cancel, finished): nobody is asking any more.
    if (!m_hostKeyPending)
        return;
    m_hostKeyPending = false;
    if (!m_job)
        return;
    if (result == QDialog::Accepted)
        m_job->acceptHostKey();
    else
        m_job->rejectHostKey();
}

void ConnectionPanel::onCredentialQuestion(const CredentialRequest &request)
{
    const bool passphrase = request.kind == CredentialRequest::Kind::Passphrase;
    if (passphrase) {
        m_passphraseKeyFile = request.keyFile;
        m_passphraseToKeep.clear();
    }
    // A passphrase kept in the keychain is tried once, before anyone is asked; only for a key
    // whose passphrase the user chose to keep (a preference, not the secret): reading the
    // keychain may ask to unlock it.
    if (passphrase && m_store && !m_keychainTried.contains(request.keyFile) &&
        QSettings()
            .value(QStringLiteral("keptPassphrases"))
            .toStringList()
            .contains(request.keyFile)) {
        m_keychainTried << request.keyFile;
        SecretJob *read = m_store->read(sshPassphraseKey(request.keyFile));
        connect(read, &SecretJob::finished, this, [this, request](const SecretResult &result) {
            if (!m_job)
                return;
            if (result.ok() && !result.value.isEmpty()) {
                setProgress(tr("Using the passphrase kept in %1…").arg(m_store->displayName()));
                m_job->provideCredential(result.value.toUtf8());
            } else {
                askUser(request);
            }
        });
        return;
    }
    askUser(request);
}

void ConnectionPanel::askUser(const CredentialRequest &request)
{
    QString text = request.prompt;
    if (request.kind == CredentialRequest::Kind::KeyboardInteractive &&
        !request.instruction.isEmpty())
        text = request.instruction + QLatin1Char('\n') + request.prompt;
    if (request.retry) {
        text = (request.kind == CredentialRequest::Kind::Passphrase
                    ? tr("That passphrase was wrong. Try again.")
                    : tr("The server rejected that password. Try again.")) +
               QLatin1Char('\n') + text;
    }
    m_credentialPrompt->setText(text);
    const bool offerKeychain = m_store && request.kind == CredentialRequest::Kind::Passphrase;
    m_rememberPassphrase->setText(
        offerKeychain ? tr("Keep the passphrase in %1").arg(m_store->displayName()) : QString());
    m_rememberPassphrase->setVisible(offerKeychain);
    m_credential->clear();
    m_credential->setEchoMode(request.echo ? QLineEdit::Normal : QLineEdit::Password);
    m_credentialBox->show();
    m_credential->setFocus();
}

void ConnectionPanel::submitCredential()
{
    if (!m_job || !m_credentialBox->isVisible())
        return;
    // The line edit keeps copies of its own (and its undo history) that no API reaches; it is
    // cleared at once, so at least the widget holds the text no longer than this.
    QByteArray secret = m_credential->text().toUtf8();
    if (m_rememberPassphrase->isVisible() && m_rememberPassphrase->isChecked())
        m_passphraseToKeep = Secret::fromBytes(secret);
    m_credential->clear();
    m_credentialBox->hide();
    m_job->provideCredential(std::move(secret)); // the job zeroes it once the worker is done
    wipeIfLast(secret);
}

void ConnectionPanel::skipCredential()
{
    m_credential->clear();
    m_credentialBox->hide();
    if (m_job)
        m_job->declineCredential();
}

void ConnectionPanel::onFinished(const ConnectResult &result)
{
    m_lastResult = result;
    if (m_job)
        m_job->deleteLater();
    m_job = nullptr;
    clearQuestions();
    Q_EMIT busyChanged(false);
    if (!result.ok()) {
        m_passphraseToKeep.clear();
        setProgress(result.error == ConnectError::Cancelled ? tr("Cancelled.")
                                                            : tr("Not connected."));
        if (result.error != ConnectError::Cancelled)
            m_error->setError(result.message);
        if (result.error == ConnectError::HostKeyChanged &&
            !result.hostKey.oldFingerprint.isEmpty()) {
            m_replaceConfirm->setChecked(false);
            m_changedKeyBox->show();
        }
        updateButtons();
        Q_EMIT connectionFailed(result);
        return;
    }
    updateButtons();
    rememberPassphrase();
    queryHostInfo();
}

void ConnectionPanel::rememberPassphrase()
{
    // Only a passphrase that opened an accepted key is worth keeping.
    if (m_store && !m_passphraseToKeep.isEmpty() && !m_passphraseKeyFile.isEmpty()) {
        QString passphrase = m_passphraseToKeep.toString(); // the keychain job has its own copy
        SecretJob *write = m_store->write(sshPassphraseKey(m_passphraseKeyFile), passphrase);
        wipeIfLast(passphrase);
        connect(write, &SecretJob::finished, this,
                [this, keyFile = m_passphraseKeyFile](const SecretResult &result) {
                    if (result.ok()) {
                        QSettings settings;
                        QStringList kept =
                            settings.value(QStringLiteral("keptPassphrases")).toStringList();
                        if (!kept.contains(keyFile))
                            settings.setValue(QStringLiteral("keptPassphrases"), kept << keyFile);
                    }
                    if (!result.ok())
                        m_error->setMessage(
                            tr("The passphrase could not be kept: %1").arg(result.message),
                            InlineError::Kind::Warning);
                });
    }
    m_passphraseToKeep.clear();
}

void ConnectionPanel::queryHostInfo()
{
    if (!m_session)
        return;
    setProgress(tr("Connected. Reading the host's details…"));
    CommandJob *job = m_session->run(HostInfo::command());
    connect(job, &CommandJob::finished, this, [this, job](const CommandResult &result) {
        job->deleteLater();
        m_hostInfo = HostInfo::parse(result.stdOut);
        if (m_hostInfo.isValid()) {
            m_hostOs->setText(m_hostInfo.osName.isEmpty()
                                  ? m_hostInfo.kernel
                                  : m_hostInfo.osName + QStringLiteral(" (") + m_hostInfo.kernel +
                                        QLatin1Char(')'));
            m_hostArch->setText(
                m_hostInfo.dockerArch().isEmpty()
                    ? m_hostInfo.arch
                    : QStringLiteral("%1 (%2)").arg(m_hostInfo.arch, m_hostInfo.dockerArch()));
            m_hostName->setText(m_hostInfo.hostname);
            m_hostInfoBox->show();
        }
        if (!isConnected())
            return;
        setProgress(tr("Connected to %1.").arg(m_options.displayName()), true);
        updateButtons();
        Q_EMIT connected(m_session);
    });
}

void ConnectionPanel::replaceHostKey()
{
    if (!m_replaceConfirm->isChecked())
        return;
    const gs::Result r = KnownHosts::replaceHostKey(m_lastResult.hostKey);
    if (!r.ok) {
        m_error->setError(r.message);
        return;
    }
    qCInfo(lcWizard).noquote() << "host key of" << m_lastResult.hostKey.knownHostsName
                               << "replaced by the user:" << m_lastResult.hostKey.fingerprint;
    m_changedKeyBox->hide();
    connectToHost();
}

void ConnectionPanel::clearQuestions()
{
    if (m_hostKeyPending) {
        m_hostKeyPending = false;
        m_hostKeyDialog->reject();
    }
    m_credentialBox->hide();
    m_credential->clear();
}

void ConnectionPanel::setBlockedReason(const QString &reason)
{
    m_blockedReason = reason;
    m_blocked->setText(reason);
    m_blocked->setHidden(reason.isEmpty());
    m_connect->setToolTip(reason);
    m_connect->setAccessibleDescription(reason);
    updateButtons();
}

void ConnectionPanel::updateButtons()
{
    const bool busy = isBusy();
    const bool connectedNow = isConnected();
    const bool haveTarget =
        m_answers
            ? !m_answers->gcloudCommand.trimmed().isEmpty() || !m_answers->host.trimmed().isEmpty()
            : !m_options.host.isEmpty() || !m_options.proxyCommand.isEmpty();
    m_connect->setEnabled(!busy && !connectedNow && haveTarget && m_blockedReason.isEmpty());
    m_cancel->setEnabled(busy);
    m_disconnect->setEnabled(!busy && connectedNow);
}

} // namespace gs
