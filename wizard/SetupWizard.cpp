#include "SetupWizard.h"

#include "RunController.h"
#include "SecretsKeeper.h"
#include "WizardModel.h"
#include "pages/ConnectPage.h"
#include "pages/DelegatePage.h"
#include "pages/DockerPage.h"
#include "pages/PrerequisitesPage.h"
#include "pages/RunnerPage.h"
#include "pages/SelectorPage.h"
#include "pages/SummaryPage.h"

#include "secrets/KeychainSecretStore.h"
#include "util/LoggingCategories.h"

#include <QEvent>
#include <QIcon>
#include <QSettings>
#include <QTimer>

// Resources of a static library are registered by hand (outside any namespace).
static void initWizardResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace gs {

SetupWizard::SetupWizard(SecretStore *secrets, QWidget *parent)
    : QWizard(parent)
    , m_model(new WizardModel(this))
    , m_store(secrets ? secrets : new KeychainSecretStore(this))
{
    initWizardResources();
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Gitspaces Host Setup"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);

    m_keeper = new SecretsKeeper(m_store, m_model, this);

    m_prerequisites = new PrerequisitesPage(m_model, this);
    m_connect = new ConnectPage(m_model, this);
    m_docker = new DockerPage(m_model, this);
    m_runner = new RunnerPage(m_model, this);
    m_delegate = new DelegatePage(m_model, m_keeper, this);
    m_selector = new SelectorPage(m_model, this);
    m_summary = new SummaryPage(m_model, m_keeper, this);
    setPage(Prerequisites, m_prerequisites);
    setPage(Connect, m_connect);
    setPage(Docker, m_docker);
    setPage(Runner, m_runner);
    setPage(Delegate, m_delegate);
    setPage(Selector, m_selector);
    setPage(Summary, m_summary);
    setStartId(Prerequisites);
    m_run = new RunController(this, m_store);
    resize(780, 600);
}

bool SetupWizard::event(QEvent *event)
{
    const bool handled = QWizard::event(event);
    // A top-level widget paints while it handles UpdateRequest; queued after it is "after the
    // first paint", where start-up work that the first page does not need belongs.
    if (event->type() == QEvent::UpdateRequest && !m_firstPaintDone) {
        m_firstPaintDone = true;
        QTimer::singleShot(0, this, &SetupWizard::afterFirstPaint);
    }
    return handled;
}

void SetupWizard::afterFirstPaint()
{
    qCDebug(lcWizard) << "first page painted";
    // Preferences only; QSettings never sees an answer that is a secret. Its first use reads
    // config files: a few milliseconds the first paint does not wait for.
    {
        const QSettings settings;
        // Opt-in, remembered as a preference (never the secret): a keychain may ask to be
        // unlocked or to create a keyring when touched, so only a user who chose it meets that.
        m_model->setRememberSecrets(
            settings.value(QStringLiteral("rememberSecrets"), false).toBool());
        m_model->setAnswersFile(settings.value(QStringLiteral("answersFile")).toString());
    }
    // Reading ~/.ssh is I/O: off the GUI thread; the first page shows "Looking…" meanwhile.
    LocalEnvironment::scanAsync(
        m_model, [model = m_model](const LocalEnvironment &env) { model->setEnvironment(env); });
    // Loading an SVG icon scans the image plugins: ~10 ms nobody needs before the page shows.
    setWindowIcon(QIcon(QStringLiteral(":/icons/gitspaces-setup.svg")));
    // The keychain may be slow to answer; the window never waits for it. Read only for a user
    // who chose "remember" before: reading may prompt to unlock it.
    if (m_model->rememberSecrets())
        m_keeper->load();
}

SetupWizard::~SetupWizard()
{
    QSettings settings;
    settings.setValue(QStringLiteral("rememberSecrets"), m_model->rememberSecrets());
    settings.setValue(QStringLiteral("answersFile"), m_model->answersFile());
}

} // namespace gs
