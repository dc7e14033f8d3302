#include "ManageActions.h"

#include "ContainerLogView.h"
#include "pooleditor/PoolEditorWidget.h"
#include "widgets/CommandView.h"
#include "widgets/ScrollingPage.h"

#include "manage/ContainerLogsJob.h"
#include "manage/DelegateUpgradeJob.h"
#include "manage/RestartJob.h"
#include "manage/UpgraderJob.h"
#include "steps/SetupRun.h"
#include "steps/StepContext.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace gs {

using manage::ManagedContainer;

namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

ManageActions::ManageActions(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("manageActions"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("&Action:"), this);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("manageActionCombo"));
    label->setBuddy(m_combo);
    row->addWidget(label);
    row->addWidget(m_combo, 1);
    layout->addLayout(row);
    // One page shows at a time: hidden pages take no room (a stacked widget would keep the
    // tallest one's, the pool editor's).
    m_pagesLayout = new QVBoxLayout;
    m_pagesLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_pagesLayout);

    buildRestart(Action::RestartRunner);
    buildRestart(Action::RestartDelegate);
    buildUpgrade();
    buildPool();
    buildLogs();
    buildUpgrader();
    buildUninstall();
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        const int current = m_combo->currentData().toInt();
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            it.value()->setVisible(it.key() == current);
        if (action() == Action::EditPool)
            loadPool();
        // Its options and its button, below the fold otherwise.
        if (QWidget *page = m_pages.value(current); page && isVisible())
            revealInPage(page);
    });
    setAction(Action::RestartRunner);
    updateGates();
}

QString ManageActions::key(Action action)
{
    switch (action) {
    case Action::RestartRunner:
        return QStringLiteral("restart-runner");
    case Action::RestartDelegate:
        return QStringLiteral("restart-delegate");
    case Action::Upgrade:
        return QStringLiteral("upgrade");
    case Action::EditPool:
        return QStringLiteral("pool");
    case Action::Logs:
        return QStringLiteral("logs");
    case Action::Upgrader:
        return QStringLiteral("upgrader");
    case Action::Uninstall:
        return QStringLiteral("uninstall");
    }
    return {};
}

QWidget *ManageActions::addPage(Action action, const QString &title, const QString &description)
{
    m_combo->addItem(title, int(action));
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("manageActionPage_") + key(action));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(wrappedLabel(description, page));
    page->hide();
    m_pagesLayout->addWidget(page);
    m_pages.insert(int(action), page);
    return page;
}

RunPanel *ManageActions::addPanel(Action action, QWidget *page, const QString &runText)
{
    auto *panel = new RunPanel(page);
    panel->setObjectName(QStringLiteral("manageActionPanel_") + key(action));
    panel->setRunText(runText);
    if (action == Action::Uninstall)
        panel->setRunFactory(
            [this](QObject *parent, QString *whyNot) { return makeUninstall(parent, whyNot); });
    else
        panel->setJobFactory([this, action](QObject *parent, QString *whyNot) {
            return makeJob(action, parent, whyNot);
        });
    panel->setReconnect([this](std::function<void(bool, const QString &)> done) {
        if (m_env.reconnect)
            m_env.reconnect(std::move(done));
        else
            done(false, tr("Not connected."));
    });
    connect(panel, &RunPanel::started, this, [this, action] {
        m_ran.insert(int(action));
        updateGates();
        Q_EMIT started(action);
    });
    // A run refused before it started (no tag) changed nothing: no finished() for it.
    connect(panel, &RunPanel::finished, this, [this, action](const steps::StepResult &result) {
        updateGates();
        if (m_ran.remove(int(action)))
            Q_EMIT finished(action, result);
    });
    page->layout()->addWidget(panel);
    m_panels.insert(int(action), panel);
    return panel;
}

void ManageActions::buildRestart(Action action)
{
    const bool runner = action == Action::RestartRunner;
    QWidget *page = addPage(
        action, runner ? tr("Restart the VM runner") : tr("Restart the delegate"),
        runner ? tr("Restarts the vm-runner container and waits until its health check answers "
                    "again.")
               : tr("Restarts the delegate container and waits until it is healthy and "
                    "registered with Harness again."));
    addPanel(action, page, runner ? tr("Restart the runner") : tr("Restart the delegate"));
}

void ManageActions::buildUpgrade()
{
    QWidget *page = addPage(Action::Upgrade, tr("Upgrade the delegate"),
                            tr("Replaces the delegate with another image tag. Its name, account, "
                               "tags, manager and token are read from the running container and "
                               "kept; you confirm before anything changes."));
    auto *form = new QFormLayout;
    m_tag = new QLineEdit(page);
    m_tag->setObjectName(QStringLiteral("upgradeTagEdit"));
    form->addRow(tr("Image &tag:"), m_tag);
    static_cast<QVBoxLayout *>(page->layout())->addLayout(form);
    m_tagHint = wrappedLabel(QString(), page);
    m_tagHint->setObjectName(QStringLiteral("upgradeTagHint"));
    page->layout()->addWidget(m_tagHint);
    addPanel(Action::Upgrade, page, tr("Upgrade the delegate"));
    connect(m_tag, &QLineEdit::textChanged, this, &ManageActions::updateUpgradeHint);
    updateUpgradeHint();
}

void ManageActions::updateUpgradeHint()
{
    const bool key = m_env.apiKey && !m_env.apiKey().isEmpty();
    m_tag->setPlaceholderText(key ? tr("Latest from Harness") : tr("e.g. 26.02.88404"));
    if (!m_tag->text().trimmed().isEmpty())
        m_tagHint->setText(tr("The delegate's image keeps its repository; only the tag changes."));
    else if (key)
        m_tagHint->setText(tr("Empty: Harness is asked for the latest supported version."));
    else
        m_tagHint->setText(tr("Type the tag to upgrade to, or give a Harness API key above to "
                              "use the latest supported version."));
}

void ManageActions::buildPool()
{
    QWidget *page =
        addPage(Action::EditPool, tr("Edit pool.yaml on the VM"),
                tr("The pool file the runner reads, as it is on the VM. Saving replaces it "
                   "atomically, restarts the runner and waits for its health check."));
    auto *row = new QHBoxLayout;
    m_poolNote = wrappedLabel(tr("Check the status first: the file comes from the VM."), page);
    m_poolNote->setObjectName(QStringLiteral("managePoolNote"));
    auto *reload = new QPushButton(tr("Load from the VM again"), page);
    reload->setObjectName(QStringLiteral("managePoolReload"));
    reload->setAutoDefault(false);
    row->addWidget(m_poolNote, 1);
    row->addWidget(reload);
    static_cast<QVBoxLayout *>(page->layout())->addLayout(row);
    m_poolEditor = new PoolEditorWidget(page);
    m_poolEditor->setObjectName(QStringLiteral("managePoolEditor"));
    m_poolEditor->setMinimumHeight(320);
    m_poolEditor->hide();
    // The file is the VM's, not one on this computer: the panel below saves it there.
    m_poolEditor->setSaveButtonVisible(false);
    page->layout()->addWidget(m_poolEditor);
    addPanel(Action::EditPool, page, tr("Save to the VM and restart the runner"));
    connect(reload, &QPushButton::clicked, this, [this] {
        m_poolEditor->setText(QString()); // not "modified": the VM's file replaces it
        loadPool();
    });
    connect(m_poolEditor, &PoolEditorWidget::reportChanged, this, &ManageActions::updateGates);
}

void ManageActions::loadPool()
{
    if (!m_poolKnown) {
        m_poolEditor->hide();
        return;
    }
    // Edits not sent yet stay; a refreshed status does not throw them away.
    if (m_poolEditor->isVisible() && !m_poolEditor->text().isEmpty() &&
        m_poolEditor->text() != QString::fromUtf8(m_poolOnVm))
        return;
    m_poolEditor->setText(QString::fromUtf8(m_poolOnVm));
    m_poolEditor->show();
    updateGates();
}

void ManageActions::buildLogs()
{
    QWidget *page = addPage(Action::Logs, tr("Follow a log"),
                            tr("The container's log as it comes; known failure lines are marked "
                               "and explained. Cancel stops it at once."));
    auto *row = new QHBoxLayout;
    m_logsRunner = new QRadioButton(tr("VM runner"), page);
    m_logsRunner->setObjectName(QStringLiteral("logsRunnerRadio"));
    auto *delegate = new QRadioButton(tr("Delegate"), page);
    delegate->setObjectName(QStringLiteral("logsDelegateRadio"));
    auto *group = new QButtonGroup(page);
    group->addButton(m_logsRunner);
    group->addButton(delegate);
    m_logsRunner->setChecked(true);
    m_logsFollow = new QCheckBox(tr("Keep following"), page);
    m_logsFollow->setObjectName(QStringLiteral("logsFollowCheck"));
    m_logsFollow->setChecked(true);
    row->addWidget(m_logsRunner);
    row->addWidget(delegate);
    row->addWidget(m_logsFollow);
    row->addStretch();
    static_cast<QVBoxLayout *>(page->layout())->addLayout(row);
    RunPanel *panel = addPanel(Action::Logs, page, tr("Show the log"));
    m_logView = new ContainerLogView(page);
    page->layout()->addWidget(m_logView);
    Q_UNUSED(panel);
}

void ManageActions::buildUpgrader()
{
    QWidget *page = addPage(
        Action::Upgrader, tr("Install the upgrader"),
        tr("Docker delegates do not upgrade themselves. Harness's upgrader container replaces "
           "the delegate with the current version on a schedule; it reads the delegate's token "
           "from the running delegate (on standard input, never on the command line)."));
    m_upgraderCommand = new CommandView(page);
    m_upgraderCommand->setObjectName(QStringLiteral("upgraderCommand"));
    m_upgraderCommand->setFitContent(true);
    page->layout()->addWidget(m_upgraderCommand);
    addPanel(Action::Upgrader, page, tr("Install the upgrader"));
}

void ManageActions::buildUninstall()
{
    QWidget *page = addPage(Action::Uninstall, tr("Uninstall"),
                            tr("Removes the delegate and the runner containers this setup made "
                               "or adopted, and nothing else; each command checks that first. "
                               "You see the exact commands before anything is removed."));
    auto *network = new QCheckBox(
        tr("Also remove the harness network (kept while another container uses it)"), page);
    network->setObjectName(QStringLiteral("manageUninstallNetworkCheck"));
    auto *directory =
        new QCheckBox(tr("Also remove the files the setup wrote and the runner directory"), page);
    directory->setObjectName(QStringLiteral("manageUninstallDirectoryCheck"));
    page->layout()->addWidget(network);
    page->layout()->addWidget(directory);
    connect(network, &QCheckBox::toggled, this, [this](bool on) {
        if (m_env.context)
            m_env.context->options().removeNetworkOnUninstall = on;
    });
    connect(directory, &QCheckBox::toggled, this, [this](bool on) {
        if (m_env.context)
            m_env.context->options().removeDirectoryOnUninstall = on;
    });
    RunPanel *panel = addPanel(Action::Uninstall, page, tr("Uninstall for me"));
    panel->setDestructive([this](std::function<void()> proceed) {
        if (m_env.confirmUninstall)
            m_env.confirmUninstall(std::move(proceed));
    });
}

void ManageActions::setEnvironment(Environment environment)
{
    m_env = std::move(environment);
    if (m_env.context)
        m_upgraderCommand->setEntries(
            {{QStringLiteral("manage.upgrader.run"), tr("Start the upgrader"),
              manage::UpgraderJob::runCommand(m_env.context->builder()),
              manage::UpgraderJob::runCommand(m_env.context->builder())}});
    updateUpgradeHint();
    updateGates();
}

void ManageActions::setStatus(const manage::VmStatus &status)
{
    m_poolKnown = status.dockerProblem.isEmpty() && status.poolOnVmRead;
    m_poolOnVm = status.poolOnVm;
    m_poolNote->setText(
        m_poolKnown ? tr("%1 as read from the VM with the last status.").arg(status.poolPath)
                    : tr("%1 could not be read from the VM: %2")
                          .arg(status.poolPath, status.poolOnVmError));
    if (action() == Action::EditPool || m_poolEditor->isVisible())
        loadPool();
    if (m_env.context) {
        const QString command = manage::UpgraderJob::runCommand(m_env.context->builder());
        m_upgraderCommand->setEntries(
            {{QStringLiteral("manage.upgrader.run"), tr("Start the upgrader"), command, command}});
    }
    updateUpgradeHint();
}

void ManageActions::setBlockedReason(const QString &reason)
{
    m_blockedReason = reason;
    updateGates();
}

ManageActions::Action ManageActions::action() const
{
    return Action(m_combo->currentData().toInt());
}

void ManageActions::setAction(Action action)
{
    m_combo->setCurrentIndex(m_combo->findData(int(action)));
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        it.value()->setVisible(it.key() == int(action));
}

bool ManageActions::isRunning() const
{
    for (const QPointer<RunPanel> &panel : m_panels)
        if (panel && panel->isRunning())
            return true;
    return false;
}

void ManageActions::updateGates()
{
    // One change at a time; a log can be followed while another action runs.
    QString busy;
    for (auto it = m_panels.cbegin(); it != m_panels.cend(); ++it)
        if (it.value() && it.value()->isRunning() && it.key() != int(Action::Logs))
            busy = tr("Another action is running: wait for it, or cancel it.");
    for (auto it = m_panels.cbegin(); it != m_panels.cend(); ++it) {
        RunPanel *panel = it.value();
        if (!panel || panel->isRunning())
            continue;
        QString reason = m_blockedReason;
        if (reason.isEmpty() && !m_env.context)
            reason = tr("Not ready yet.");
        if (reason.isEmpty() && it.key() != int(Action::Logs))
            reason = busy;
        if (reason.isEmpty() && it.key() == int(Action::EditPool)) {
            if (!m_poolEditor->isVisible())
                reason = tr("Nothing to save yet: the pool file comes with the status.");
            else if (m_poolEditor->hasErrors())
                reason = tr("Fix the errors in pool.yaml first: the runner would refuse it.");
        }
        panel->setBlockedReason(reason);
    }
}

steps::StepJob *ManageActions::makeJob(Action action, QObject *parent, QString *whyNot)
{
    steps::StepContext *ctx = m_env.context;
    if (!ctx) {
        *whyNot = tr("Not connected.");
        return nullptr;
    }
    if (m_env.prepare)
        m_env.prepare();
    switch (action) {
    case Action::RestartRunner:
        return new manage::RestartJob(ctx, ManagedContainer::Runner, parent);
    case Action::RestartDelegate:
        return new manage::RestartJob(ctx, ManagedContainer::Delegate, parent);
    case Action::Upgrade:
        return makeUpgrade(parent, whyNot);
    case Action::EditPool: {
        auto *job = new manage::RestartJob(ctx, ManagedContainer::Runner, parent);
        job->setPoolContent(m_poolEditor->fileBytes());
        return job;
    }
    case Action::Logs:
        return makeLogs(parent);
    case Action::Upgrader:
        return new manage::UpgraderJob(ctx, parent);
    case Action::Uninstall: // a SetupRun: makeUninstall()
        break;
    }
    return nullptr;
}

// Uninstall from the Manage page: the same SetupRun as the Summary page, preflight first when
// it has not decided yet which commands carry sudo.
steps::SetupRun *ManageActions::makeUninstall(QObject *parent, QString *whyNot)
{
    steps::StepContext *ctx = m_env.context;
    if (!ctx) {
        *whyNot = tr("Not connected.");
        return nullptr;
    }
    if (m_env.prepare)
        m_env.prepare();
    auto *run = new steps::SetupRun(ctx, steps::StepKind::Uninstall, parent);
    connect(run, &steps::SetupRun::stepFinished, this, [this](const steps::StepResult &result) {
        if (result.step == steps::StepKind::Preflight && m_env.afterPreflight)
            m_env.afterPreflight();
    });
    return run;
}

steps::StepJob *ManageActions::makeUpgrade(QObject *parent, QString *whyNot)
{
    const QString tag = m_tag->text().trimmed();
    QString apiKey = m_env.apiKey ? m_env.apiKey() : QString();
    // The job keeps its own copy; this one is wiped when the Secret goes.
    const Secret key = Secret::take(apiKey);
    if (tag.isEmpty() && key.isEmpty()) {
        *whyNot = tr("Which tag? Type one, or give a Harness API key above so that the latest "
                     "supported version is used.");
        return nullptr;
    }
    auto *job = new manage::DelegateUpgradeJob(m_env.context, parent);
    connect(job, &steps::StepJob::finished, this, [this, job](const steps::StepResult &result) {
        if (result.ok() && !job->toImage().isEmpty())
            Q_EMIT delegateUpgraded(job->toImage());
    });
    if (!tag.isEmpty())
        job->setTag(tag);
    else if (m_env.harness)
        job->setHarness(m_env.harness(), key);
    return job;
}

steps::StepJob *ManageActions::makeLogs(QObject *parent)
{
    const ManagedContainer which =
        m_logsRunner->isChecked() ? ManagedContainer::Runner : ManagedContainer::Delegate;
    auto *job =
        new manage::ContainerLogsJob(m_env.context, which, m_logsFollow->isChecked(), 200, parent);
    m_logView->clear();
    connect(job, &manage::ContainerLogsJob::linesReceived, m_logView,
            &ContainerLogView::appendLines);
    return job;
}

} // namespace gs
