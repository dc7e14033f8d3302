#include "ManagePage.h"

#include "WizardModel.h"
#include "manage/ManageStatusView.h"
#include "widgets/InlineError.h"
#include "widgets/ScrollingPage.h"

#include "manage/StatusJob.h"
#include "remote/RemoteSession.h"
#include "steps/StepContext.h"
#include "util/LoggingCategories.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace gs {

ManagePage::ManagePage(WizardModel *wizardModel, QWidget *parent)
    : SetupPage(wizardModel, parent)
{
    setObjectName(QStringLiteral("managePage"));
    setTitle(tr("Manage the VM"));
    setSubTitle(tr("How the runner and the delegate on the VM are doing, and what you can do "
                   "about it: restart, upgrade, edit pool.yaml, read the logs, or uninstall."));
}

void ManagePage::build()
{
    QVBoxLayout *layout = makeScrollingPage(this);
    m_connectHint = new InlineError(QStringLiteral("manageConnectHint"), this);
    layout->addWidget(m_connectHint);
    buildStatusBox(layout);

    auto *actionsBox = new QGroupBox(tr("Actions"), this);
    actionsBox->setObjectName(QStringLiteral("manageActionsBox"));
    auto *actionsLayout = new QVBoxLayout(actionsBox);
    m_actions = new ManageActions(actionsBox);
    actionsLayout->addWidget(m_actions);
    layout->addWidget(actionsBox);
    layout->addStretch();
    connect(m_actions, &ManageActions::started, this, &ManagePage::actionStarted);
    connect(m_actions, &ManageActions::delegateUpgraded, this, &ManagePage::delegateUpgraded);
    connect(m_actions, &ManageActions::finished, this,
            [this](ManageActions::Action action, const steps::StepResult &) {
                Q_EMIT actionFinished();
                // A log changes nothing on the VM; everything else may have.
                if (action != ManageActions::Action::Logs)
                    refreshStatus();
            });
    if (m_env.context)
        m_actions->setEnvironment(m_env);
    updateConnection();
}

void ManagePage::buildStatusBox(QVBoxLayout *layout)
{
    auto *box = new QGroupBox(tr("Status"), this);
    box->setObjectName(QStringLiteral("manageStatusBox"));
    auto *boxLayout = new QVBoxLayout(box);
    auto *form = new QFormLayout;
    m_apiKey = new QLineEdit(box);
    m_apiKey->setObjectName(QStringLiteral("manageApiKeyEdit"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("Optional: to ask Harness whether the delegate is connected"));
    form->addRow(tr("Harness API &key:"), m_apiKey);
    boxLayout->addLayout(form);
    auto *row = new QHBoxLayout;
    m_refresh = new QPushButton(tr("&Refresh"), box);
    m_refresh->setObjectName(QStringLiteral("manageRefreshButton"));
    m_refresh->setAutoDefault(false);
    m_state = new QLabel(box);
    m_state->setObjectName(QStringLiteral("manageStatusState"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    row->addWidget(m_refresh);
    row->addWidget(m_state, 1);
    boxLayout->addLayout(row);
    m_error = new InlineError(QStringLiteral("manageStatusError"), box);
    boxLayout->addWidget(m_error);
    m_view = new ManageStatusView(box);
    boxLayout->addWidget(m_view);
    layout->addWidget(box);
    connect(m_refresh, &QPushButton::clicked, this, &ManagePage::refreshStatus);
    connect(m_apiKey, &QLineEdit::textEdited, this, [this](const QString &key) {
        Q_EMIT apiKeyEdited(key);
        if (m_actions)
            m_actions->setEnvironment(m_env); // the upgrade's hint follows the key
    });
}

void ManagePage::setEnvironment(const ManageActions::Environment &environment)
{
    m_env = environment;
    // The page's own field is where the key is read when a job starts.
    const std::function<QString()> outer = m_env.apiKey;
    m_env.apiKey = [this, outer] {
        if (m_apiKey && !m_apiKey->text().isEmpty())
            return m_apiKey->text();
        return outer ? outer() : QString();
    };
    if (m_actions)
        m_actions->setEnvironment(m_env);
    updateConnection();
}

void ManagePage::setApiKey(const QString &key)
{
    ensureBuilt();
    if (m_apiKey->text() != key)
        m_apiKey->setText(key);
    m_actions->setEnvironment(m_env);
}

QString ManagePage::apiKey() const
{
    return m_env.apiKey ? m_env.apiKey() : QString();
}

bool ManagePage::isConnected() const
{
    return m_env.context && m_env.context->session() && m_env.context->session()->isConnected();
}

void ManagePage::initializePage()
{
    SetupPage::initializePage();
    updateConnection();
    if (isConnected())
        refreshStatus();
}

void ManagePage::updateConnection()
{
    if (!isBuilt())
        return;
    const bool connected = isConnected();
    m_connectHint->setMessage(connected ? QString()
                                        : tr("Not connected: go back to the SSH page and connect "
                                             "to the VM to see its status and act on it."),
                              InlineError::Kind::Info);
    m_refresh->setEnabled(connected && !isRefreshing());
    m_actions->setBlockedReason(connected ? QString() : tr("Connect on the SSH page first."));
    if (!connected && !m_hasStatus)
        m_view->showMessage(tr("No status yet."));
    // Connected just now with the page in front: look at once.
    if (connected && !m_wasConnected && isVisible() && !isRefreshing())
        refreshStatus();
    m_wasConnected = connected;
}

void ManagePage::refreshStatus()
{
    ensureBuilt();
    if (!isConnected() || isRefreshing())
        return;
    if (m_env.prepare)
        m_env.prepare();
    auto *job = new manage::StatusJob(m_env.context, this);
    QString key = apiKey();
    if (!key.isEmpty() && m_env.harness)
        job->setHarness(m_env.harness(), Secret::take(key));
    m_statusJob = job;
    connect(job, &steps::StepJob::finished, this, &ManagePage::statusFinished);
    m_refresh->setEnabled(false);
    m_state->setText(tr("Asking the VM…"));
    m_error->setError(QString());
    qCDebug(lcWizard) << "manage: asking the VM for its status";
    job->start();
}

void ManagePage::statusFinished()
{
    manage::StatusJob *job = m_statusJob;
    if (!job)
        return;
    m_statusJob = nullptr;
    job->deleteLater();
    m_refresh->setEnabled(isConnected());
    const steps::StepResult &result = job->result();
    if (!result.ok()) {
        m_state->setText(tr("The status could not be read."));
        m_error->setError(result.error.isEmpty() ? tr("The VM did not answer.") : result.error);
        return;
    }
    showStatus(job->status());
}

void ManagePage::showStatus(const manage::VmStatus &status)
{
    ensureBuilt();
    m_status = status;
    m_hasStatus = true;
    m_error->setError(QString());
    m_state->setText(
        tr("Checked at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_view->showStatus(status);
    m_actions->setStatus(status);
    Q_EMIT statusShown();
}

} // namespace gs
