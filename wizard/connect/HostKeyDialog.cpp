#include "HostKeyDialog.h"

#include "plan/GcloudSshCommand.h"
#include "plan/ShellQuote.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gs {

namespace {

QLabel *makeLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

HostKeyDialog::HostKeyDialog(QWidget *parent)
    : QDialog(parent)
{
    // The name the tests and screenshots look for, from the days of the inline box.
    setObjectName(QStringLiteral("hostKeyBox"));
    setWindowTitle(tr("Trust this host key?"));
    setWindowModality(Qt::WindowModal);

    auto *layout = new QVBoxLayout(this);
    m_text = makeLabel(QStringLiteral("hostKeyText"), this);
    layout->addWidget(m_text);

    auto *form = new QFormLayout;
    m_type = makeLabel(QStringLiteral("hostKeyType"), this);
    form->addRow(tr("Key type:"), m_type);
    m_fingerprint = makeLabel(QStringLiteral("hostKeyFingerprint"), this);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.4);
    mono.setBold(true);
    m_fingerprint->setFont(mono);
    // A fingerprint is one word: wrapping would break it where the eye does not expect it.
    m_fingerprint->setWordWrap(false);
    form->addRow(tr("Fingerprint:"), m_fingerprint);
    m_keygenLine = makeLabel(QStringLiteral("hostKeyKeygenLine"), this);
    m_keygenLine->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(tr("ssh-keygen -lf:"), m_keygenLine);
    layout->addLayout(form);

    m_howToCheck = makeLabel(QStringLiteral("hostKeyHowToCheck"), this);
    m_howToCheck->setTextFormat(Qt::RichText);
    layout->addWidget(m_howToCheck);

    auto *buttons = new QDialogButtonBox(this);
    m_trust = buttons->addButton(tr("&Trust this key"), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("acceptHostKeyButton"));
    m_reject = buttons->addButton(tr("&Reject"), QDialogButtonBox::RejectRole);
    m_reject->setObjectName(QStringLiteral("rejectHostKeyButton"));
    // Enter rejects; trusting takes a deliberate click (or Alt+T).
    m_trust->setAutoDefault(false);
    m_trust->setDefault(false);
    m_reject->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void HostKeyDialog::setHostKey(const remote::HostKeyInfo &key, const QString &gcloudCommand)
{
    m_text->setText(
        tr("This is the first connection to %1. Compare its host key with what the VM reports "
           "before trusting it. Once trusted it is remembered in %2.")
            .arg(key.knownHostsName, key.knownHostsFile));
    m_type->setText(key.keyType);
    m_fingerprint->setText(key.fingerprint);
    m_keygenLine->setText(key.sshKeygenLine());

    // Each way to check: what to do in words, then the command in the fixed-width font.
    auto way = [](const QString &text, const QString &command) {
        return QStringLiteral("<p>%1</p><pre>%2</pre>")
            .arg(text.toHtmlEscaped(), command.toHtmlEscaped());
    };
    QStringList how;
    how << way(
        tr("On the VM (serial console or an existing session):"),
        QStringLiteral("ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub").arg(key.keyType.toLower()));
    GcloudSshCommand gcloud;
    QString error;
    const bool haveGcloud = !gcloudCommand.trimmed().isEmpty() &&
                            GcloudSshCommand::parse(gcloudCommand, &gcloud, &error) &&
                            !gcloud.instance.isEmpty();
    QString command =
        QStringLiteral("gcloud compute instances get-guest-attributes %1 --zone %2 "
                       "--query-path=hostkeys/")
            .arg(haveGcloud ? shellQuote(gcloud.instance) : QStringLiteral("INSTANCE"),
                 haveGcloud && !gcloud.zone.isEmpty() ? shellQuote(gcloud.zone)
                                                      : QStringLiteral("ZONE"));
    if (haveGcloud && !gcloud.project.isEmpty())
        command += QStringLiteral(" --project ") + shellQuote(gcloud.project);
    how << way(tr("For a Google Cloud VM, the host keys the instance published (pipe one line, "
                  "type and key, into ssh-keygen -lf - to get its fingerprint):"),
               command);
    m_howToCheck->setText(how.join(QString()));
    m_reject->setDefault(true);
    m_reject->setFocus(Qt::OtherFocusReason);
}

} // namespace gs
