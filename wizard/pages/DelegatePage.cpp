#include "DelegatePage.h"

#include "DelegateCommandDialog.h"
#include "SecretsKeeper.h"
#include "WizardModel.h"
#include "widgets/CommandView.h"
#include "widgets/InlineError.h"
#include "widgets/ScrollingPage.h"
#include "widgets/Tones.h"

#include "harness/DelegateImage.h"
#include "plan/InputChecks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace gs {

QStringList splitTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty())
            tags.append(tag);
    }
    return tags;
}

namespace {

QLineEdit *addField(QFormLayout *form, QWidget *parent, const QString &label, const QString &name,
                    InlineError **error)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    form->addRow(label, edit);
    *error = new InlineError(name.chopped(4) + QStringLiteral("Error"), parent); // "…Edit"
    form->addRow(QString(), *error);
    return edit;
}

} // namespace

DelegatePage::DelegatePage(WizardModel *wizardModel, SecretsKeeper *secrets, QWidget *parent)
    : SetupPage(wizardModel, parent)
    , m_secrets(secrets)
{
    setObjectName(QStringLiteral("delegatePage"));
    setTitle(tr("Install the Delegate"));
    setSubTitle(tr("In Harness: Account Settings → Account Resources → Delegates → New Delegate "
                   "→ Docker. Copy the account id and the delegate token from there. Gitspaces "
                   "work only with account-level delegates."));
}

void DelegatePage::buildPasteRow(QVBoxLayout *layout, QWidget *content)
{
    // The command Harness generates has every value of this form: pasting it saves typing them.
    auto *pasteRow = new QHBoxLayout;
    m_paste = new QPushButton(tr("Paste the command from Harness…"), content);
    m_paste->setObjectName(QStringLiteral("pasteCommandButton"));
    m_paste->setToolTip(tr("Fill the fields from the docker run command that Harness shows "
                           "under New Delegate → Docker"));
    pasteRow->addWidget(m_paste);
    pasteRow->addStretch(1);
    layout->addLayout(pasteRow);
    m_importNote = new QLabel(content);
    m_importNote->setObjectName(QStringLiteral("importNoteLabel"));
    m_importNote->setWordWrap(true);
    m_importNote->setTextFormat(Qt::PlainText);
    m_importNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_importNote->hide();
    layout->addWidget(m_importNote);
    connect(m_paste, &QPushButton::clicked, this, &DelegatePage::openCommandDialog);
    // Other answers opened: the note about the last paste no longer describes the fields.
    connect(model(), &WizardModel::replaced, m_importNote, &QLabel::hide);
}

void DelegatePage::build()
{
    // The page scrolls as a whole (the form is long): one scroll bar.
    QVBoxLayout *layout = makeScrollingPage(this);
    QWidget *content = layout->parentWidget();

    buildPasteRow(layout, content);

    auto *form = new QFormLayout;
    m_name = addField(form, content, tr("Delegate name *:"), QStringLiteral("delegateNameEdit"),
                      &m_nameError);
    m_accountId = addField(form, content, tr("Account id *:"), QStringLiteral("accountIdEdit"),
                           &m_accountIdError);
    m_accountId->setPlaceholderText(tr("22 characters, e.g. 6_vVHzo9Qeu9fXvj-AcQCb"));
    addTokenRows(form, content);
    addKeychainRows(form, content);

    m_tags = addField(form, content, tr("Tags:"), QStringLiteral("delegateTagsEdit"), &m_tagsError);
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. gitspaces, gcp"));
    addManagerRows(form, content);

    m_image = addField(form, content, tr("Delegate image *:"), QStringLiteral("delegateImageEdit"),
                       &m_imageError);
    m_cpus = addField(form, content, tr("CPUs *:"), QStringLiteral("cpusEdit"), &m_cpusError);
    m_memory =
        addField(form, content, tr("Memory *:"), QStringLiteral("memoryEdit"), &m_memoryError);
    layout->addLayout(form);

    m_accountCheckArea = addArea(layout, QStringLiteral("accountCheckArea"));
    m_commands = new CommandView(content);
    m_commands->setObjectName(QStringLiteral("delegateCommands"));
    // The page scrolls as a whole: the commands take their full height instead of scrolling.
    m_commands->setFitContent(true);
    layout->addWidget(m_commands);
    m_runArea = addArea(layout, QStringLiteral("delegateRunArea"));
    // Room to spare goes below the content, not between its rows.
    layout->addStretch(1);

    connectEdits();
    showKeychainState();
}

void DelegatePage::addTokenRows(QFormLayout *form, QWidget *content)
{
    auto *tokenRow = new QHBoxLayout;
    m_token = new QLineEdit(content);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(
        tr("Needed for Run for me; copied commands ask for it on the VM instead"));
    // No completion, no drag: the token only leaves this field through the keychain or a reveal.
    m_token->setDragEnabled(false);
    m_token->setContextMenuPolicy(Qt::NoContextMenu);
    m_reveal = new QToolButton(content);
    m_reveal->setObjectName(QStringLiteral("revealTokenButton"));
    m_reveal->setCheckable(true);
    m_reveal->setText(tr("Reveal"));
    m_reveal->setToolTip(tr("Show the token here and in the commands, and copy it in clear"));
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_reveal);
    form->addRow(tr("Delegate token:"), tokenRow);
    if (auto *tokenLabel = qobject_cast<QLabel *>(form->labelForField(tokenRow)))
        tokenLabel->setBuddy(m_token);
    m_tokenError = new InlineError(QStringLiteral("tokenError"), content);
    form->addRow(QString(), m_tokenError);
}

void DelegatePage::addKeychainRows(QFormLayout *form, QWidget *content)
{
    auto *keychainRow = new QHBoxLayout;
    m_remember = new QCheckBox(tr("Remember the token and account id in the keychain"), content);
    m_remember->setObjectName(QStringLiteral("rememberSecretsCheck"));
    m_forget = new QPushButton(tr("Forget"), content);
    m_forget->setObjectName(QStringLiteral("forgetSecretsButton"));
    m_forget->setToolTip(tr("Remove the token and account id from the keychain"));
    keychainRow->addWidget(m_remember, 1);
    keychainRow->addWidget(m_forget);
    form->addRow(QString(), keychainRow);
    m_keychainStatus = new QLabel(content);
    m_keychainStatus->setObjectName(QStringLiteral("keychainStatusLabel"));
    m_keychainStatus->setWordWrap(true);
    m_keychainStatus->hide();
    form->addRow(QString(), m_keychainStatus);
}

void DelegatePage::addManagerRows(QFormLayout *form, QWidget *content)
{
    m_cluster = new QComboBox(content);
    m_cluster->setObjectName(QStringLiteral("clusterCombo"));
    for (const HarnessCluster &cluster : harnessClusters())
        m_cluster->addItem(cluster.label, cluster.id);
    form->addRow(tr("Harness cluster *:"), m_cluster);
    m_customManager = new QLineEdit(content);
    m_customManager->setObjectName(QStringLiteral("customManagerEdit"));
    m_customManager->setPlaceholderText(QStringLiteral("https://harness.example.com"));
    form->addRow(tr("Manager URL:"), m_customManager);
    m_managerError = new InlineError(QStringLiteral("managerError"), content);
    form->addRow(QString(), m_managerError);
}

void DelegatePage::connectEdits()
{
    for (QLineEdit *edit :
         {m_name, m_accountId, m_tags, m_customManager, m_image, m_cpus, m_memory})
        connect(edit, &QLineEdit::textEdited, this, &DelegatePage::edited);
    connect(m_cluster, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            edited();
    });
    connect(m_token, &QLineEdit::textEdited, this, &DelegatePage::tokenEdited);
    connect(m_reveal, &QToolButton::toggled, this, &DelegatePage::setRevealed);
    connect(m_remember, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        model()->setRememberSecrets(on);
        // Chosen now: what the keychain already holds (the token typed here wins).
        if (on && m_secrets->state() == SecretsKeeper::State::Idle)
            m_secrets->load();
    });
    connect(m_forget, &QPushButton::clicked, m_secrets, &SecretsKeeper::forget);
    connect(m_forget, &QPushButton::clicked, this, &DelegatePage::secretsForgotten);
    connect(m_secrets, &SecretsKeeper::stateChanged, this, &DelegatePage::showKeychainState);
    connect(model(), &WizardModel::tokenChanged, this, [this] {
        if (m_token->text() != model()->token())
            m_token->setText(model()->token());
        check();
    });
}

QString DelegatePage::managerFromPicker() const
{
    const QString id = m_cluster->currentData().toString();
    for (const HarnessCluster &cluster : harnessClusters()) {
        if (cluster.id == id && !cluster.managerUrl.isEmpty())
            return cluster.managerUrl;
    }
    return m_customManager->text().trimmed();
}

void DelegatePage::openCommandDialog()
{
    if (!m_commandDialog) {
        m_commandDialog = new DelegateCommandDialog(this);
        connect(m_commandDialog, &DelegateCommandDialog::imported, this,
                &DelegatePage::importCommand);
    }
    m_commandDialog->open();
}

void DelegatePage::importCommand()
{
    const DockerRunImport imported = m_commandDialog->takeResult();
    model()->edit([&imported](SetupConfig &c) { imported.applyTo(&c.delegate); });
    if (!imported.token.isEmpty()) {
        // The way a typed token goes: into the model, masked in the token field, and to the
        // keychain when the user asked for it to be remembered.
        m_reveal->setChecked(false);
        QString token = imported.token.toString();
        model()->setToken(token);
        wipeIfLast(token); // the model holds the same buffer
        if (model()->rememberSecrets())
            m_secrets->save();
    }
    loadFromModel();
    QString note = tr("Filled in from the pasted command.");
    for (const QString &line : imported.summary())
        note += QStringLiteral("\n• ") + line;
    m_importNote->setText(note);
    m_importNote->show();
}

void DelegatePage::edited()
{
    model()->edit([this](SetupConfig &c) {
        c.delegate.name = m_name->text().trimmed();
        c.delegate.accountId = m_accountId->text().trimmed();
        c.delegate.tags = splitTags(m_tags->text());
        c.delegate.manager = managerFromPicker();
        c.delegate.image = m_image->text().trimmed();
        c.delegate.cpus = m_cpus->text().trimmed();
        c.delegate.memory = m_memory->text().trimmed();
    });
    check();
}

void DelegatePage::tokenEdited(const QString &token)
{
    // Never trimmed of its trailing '=': the token is taken exactly as pasted, minus whitespace
    // a paste picks up at the ends.
    model()->setToken(token.trimmed());
    check();
}

void DelegatePage::setRevealed(bool revealed)
{
    m_token->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setText(revealed ? tr("Hide") : tr("Reveal"));
    model()->setTokenRevealed(revealed);
}

// An empty required field gets a hint, not a red error: nothing is wrong yet.
static void showCheck(InlineError *error, const QString &value, const QString &message)
{
    if (value.isEmpty())
        error->setMessage(message, InlineError::Kind::Info);
    else
        error->setError(message);
}

void DelegatePage::check()
{
    const DelegateSettings &d = model()->config().delegate;
    showCheck(m_nameError, d.name, InputChecks::delegateName(d.name));
    showCheck(m_accountIdError, d.accountId, InputChecks::accountId(d.accountId));
    const QString token = model()->token();
    if (token.isEmpty())
        m_tokenError->setMessage(tr("Without a token here the copied command asks for it at a "
                                    "hidden prompt (read -rs), so it stays out of the shell "
                                    "history."),
                                 InlineError::Kind::Info);
    else
        m_tokenError->setError(InputChecks::delegateToken(token));
    m_tagsError->setError(InputChecks::delegateTags(d.tags));
    const bool custom = m_cluster->currentData().toString() == QLatin1String("custom");
    m_customManager->setEnabled(custom);
    showCheck(m_managerError, d.manager, InputChecks::managerUrl(d.manager));
    checkImage();
    showCheck(m_cpusError, d.cpus, InputChecks::cpus(d.cpus));
    showCheck(m_memoryError, d.memory, InputChecks::memory(d.memory));
    Q_EMIT completeChanged();
}

void DelegatePage::checkImage()
{
    const QString image = model()->config().delegate.image;
    const QString problem = InputChecks::imageReference(image);
    if (image.isEmpty() || !problem.isEmpty()) {
        showCheck(m_imageError, image, problem);
    } else if (m_latestDelegateVersion.isEmpty()) {
        // No word from Harness: the tag's own date tells whether the image expired.
        const harness::ImageTagCheck age = harness::DelegateImage::checkAge(image);
        m_imageError->setMessage(age.message, age.warning ? InlineError::Kind::Warning
                                                          : InlineError::Kind::Info);
    } else {
        m_imageError->setMessage(QString(), InlineError::Kind::Info); // the account check tells
    }
}

void DelegatePage::setLatestDelegateVersion(const QString &version)
{
    if (version == m_latestDelegateVersion)
        return;
    m_latestDelegateVersion = version;
    if (isBuilt())
        checkImage();
}

void DelegatePage::useManagerUrl(const QString &url)
{
    ensureBuilt();
    const HarnessCluster cluster = clusterForManagerUrl(url);
    m_loading = true;
    m_cluster->setCurrentIndex(qMax(0, m_cluster->findData(cluster.id)));
    m_customManager->setText(cluster.managerUrl.isEmpty() ? url : QString());
    m_loading = false;
    edited();
}

void DelegatePage::useImage(const QString &image)
{
    ensureBuilt();
    m_image->setText(image);
    edited();
}

void DelegatePage::loadFromModel()
{
    m_loading = true;
    const DelegateSettings &d = model()->config().delegate;
    m_name->setText(d.name);
    m_accountId->setText(d.accountId);
    m_tags->setText(d.tags.join(QStringLiteral(", ")));
    const HarnessCluster cluster = clusterForManagerUrl(d.manager);
    m_cluster->setCurrentIndex(qMax(0, m_cluster->findData(cluster.id)));
    m_customManager->setText(cluster.managerUrl.isEmpty() ? d.manager : QString());
    m_image->setText(d.image);
    m_cpus->setText(d.cpus);
    m_memory->setText(d.memory);
    if (m_token->text() != model()->token())
        m_token->setText(model()->token());
    m_remember->setChecked(model()->rememberSecrets() &&
                           m_secrets->state() != SecretsKeeper::State::Unavailable);
    m_loading = false;
    check();
}

void DelegatePage::refresh()
{
    // The image also changes from outside the field ("Use this image", opened answers).
    const bool blocked = m_imageError->hasError();
    checkImage();
    if (m_imageError->hasError() != blocked)
        Q_EMIT completeChanged();
    const CommandBuilder builder = model()->builder();
    m_commands->setEntries(entriesFor(builder, builder.delegate()));
}

bool DelegatePage::isComplete() const
{
    if (!isBuilt())
        return false;
    const DelegateSettings &d = model()->config().delegate;
    for (const QString *required :
         {&d.name, &d.accountId, &d.manager, &d.image, &d.cpus, &d.memory}) {
        if (required->isEmpty())
            return false;
    }
    for (const InlineError *error : {m_nameError, m_accountIdError, m_tokenError, m_tagsError,
                                     m_managerError, m_imageError, m_cpusError, m_memoryError}) {
        if (error->hasError())
            return false;
    }
    return true;
}

QString DelegatePage::runBlockedReason() const
{
    if (!isBuilt())
        return tr("Fill in this page first.");
    const DelegateSettings &d = model()->config().delegate;
    const QList<std::pair<const QString *, QString>> required = {
        {&d.name, tr("the delegate name")},  {&d.accountId, tr("the account id")},
        {&d.manager, tr("the manager URL")}, {&d.image, tr("the delegate image")},
        {&d.cpus, tr("the CPUs")},           {&d.memory, tr("the memory")}};
    for (const auto &[value, name] : required) {
        if (value->isEmpty())
            return tr("Run for me needs %1.").arg(name);
    }
    const QList<std::pair<const InlineError *, QString>> errors = {
        {m_nameError, tr("Delegate name")},
        {m_accountIdError, tr("Account id")},
        {m_tokenError, tr("Delegate token")},
        {m_tagsError, tr("Tags")},
        {m_managerError, tr("Manager URL")},
        {m_imageError, tr("Delegate image")},
        {m_cpusError, tr("CPUs")},
        {m_memoryError, tr("Memory")}};
    for (const auto &[error, name] : errors) {
        if (error->hasError())
            return tr("%1: %2").arg(name, error->text());
    }
    if (model()->token().isEmpty())
        return tr("Run for me needs the delegate token; the copied commands ask for it on the VM "
                  "instead.");
    return {};
}

bool DelegatePage::validatePage()
{
    // Fire and forget: the keychain answers later and the status line shows how it went.
    m_secrets->save();
    return true;
}

void DelegatePage::showKeychainState()
{
    QString text = m_secrets->message();
    const auto state = m_secrets->state();
    if (state == SecretsKeeper::State::Unavailable) {
        // What really happens: nothing is remembered, and the box cannot say otherwise.
        m_keychainStatus->setPalette(palette());
        const bool loading = m_loading;
        m_loading = true;
        m_remember->setChecked(false);
        m_loading = loading;
        m_remember->setEnabled(false);
        m_remember->setToolTip(text);
        m_remember->setAccessibleDescription(text);
        m_forget->setEnabled(false);
    } else if (state == SecretsKeeper::State::Failed) {
        m_keychainStatus->setPalette(tonedPalette(Tone::Error, palette()));
        m_forget->setEnabled(true);
    } else {
        m_keychainStatus->setPalette(palette());
        m_forget->setEnabled(state != SecretsKeeper::State::Busy);
    }
    m_keychainStatus->setText(text);
    // An empty line would leave a gap in the form.
    m_keychainStatus->setVisible(!text.isEmpty());
}

} // namespace gs
