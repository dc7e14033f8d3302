#include "SetupWizard.h"

#include "RunController.h"
#include "SecretsKeeper.h"
#include "WizardModel.h"
#include "pages/ConnectPage.h"
#include "pages/DelegatePage.h"
#include "pages/DockerPage.h"
#include "pages/ManagePage.h"
#include "pages/PrerequisitesPage.h"
#include "pages/RunnerPage.h"
#include "pages/SelectorPage.h"
#include "pages/SetupPage.h"
#include "pages/SummaryPage.h"
#include "widgets/StepList.h"
#include "widgets/TabOrder.h"

#include "plan/ConfigFile.h"
#include "secrets/KeychainSecretStore.h"
#include "steps/SetupState.h"
#include "steps/StepContext.h"
#include "util/LoggingCategories.h"
#include "widgets/FileDialogs.h"

#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTimer>

#include <optional>

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
    m_manage = new ManagePage(m_model, this);
    setPage(Prerequisites, m_prerequisites);
    setPage(Connect, m_connect);
    setPage(Docker, m_docker);
    setPage(Runner, m_runner);
    setPage(Delegate, m_delegate);
    setPage(Selector, m_selector);
    setPage(Summary, m_summary);
    setPage(Manage, m_manage);
    setStartId(Prerequisites);
    m_run = new RunController(this, m_store);
    // The steps at the side, each with its status; the page in front marked.
    m_steps = new StepList(this);
    for (int id : pageIds())
        m_steps->addStep(id, page(id)->title());
    setSideWidget(m_steps);
    connect(this, &QWizard::currentIdChanged, this, &SetupWizard::updateSteps);
    connect(m_run, &RunController::stepsChanged, this, &SetupWizard::updateSteps);
    connect(m_model, &WizardModel::manageModeChanged, this, &SetupWizard::updateSteps);
    connect(m_manage, &ManagePage::actionStarted, this, &SetupWizard::updateSteps);
    connect(m_manage, &ManagePage::actionFinished, this, &SetupWizard::updateSteps);
    // The setup flow first: the manage step shows once it is chosen (updateSteps() follows the
    // first page's currentIdChanged, before the first paint).
    m_steps->setStepVisible(Manage, false);
    // Fits a 1366x768 screen with its panels and title bar; the window keeps this size from page
    // to page (only a minimum the user went below makes it grow).
    resize(1100, 680);
    for (int id : pageIds())
        page(id)->installEventFilter(this);
    m_minimumTimer.setSingleShot(true);
    connect(&m_minimumTimer, &QTimer::timeout, this, &SetupWizard::updateMinimumSize);
    // Content changed: Tab follows what the page shows, in the order it shows it.
    connect(&m_minimumTimer, &QTimer::timeout, this, [this] {
        if (QWizardPage *current = currentPage())
            setTabOrderFromLayout(current);
    });
    connect(this, &QWizard::currentIdChanged, &m_minimumTimer, qOverload<>(&QTimer::start));

    // The answers are kept as you go (never a secret), for "Continue where you left off".
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(500);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        QString error;
        if (!m_model->autosave(&error))
            qCWarning(lcWizard).noquote() << "could not keep the answers:" << error;
    });
    connect(m_model, &WizardModel::changed, m_autosave, qOverload<>(&QTimer::start));
}

void SetupWizard::reject()
{
    if (m_leaving || !m_model->hasUnsavedAnswers()) {
        leave();
        return;
    }
    askAboutUnsavedAnswers();
}

void SetupWizard::leave()
{
    m_leaving = true;
    if (m_autosave->isActive()) {
        m_autosave->stop();
        m_model->autosave();
    }
    QWizard::reject();
}

void SetupWizard::askAboutUnsavedAnswers()
{
    if (findChild<QMessageBox *>(QStringLiteral("unsavedAnswersDialog")))
        return; // asked already
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("unsavedAnswersDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Answers not saved"));
    box->setText(tr("Your answers are not saved in a file."));
    box->setInformativeText(tr("Save them to open them again later (the token is never saved), "
                               "discard them, or go back to the wizard."));
    QPushButton *save = box->addButton(tr("&Save…"), QMessageBox::AcceptRole);
    save->setObjectName(QStringLiteral("unsavedSaveButton"));
    QPushButton *discard = box->addButton(QMessageBox::Discard);
    discard->setObjectName(QStringLiteral("unsavedDiscardButton"));
    QPushButton *back = box->addButton(tr("&Go back"), QMessageBox::RejectRole);
    back->setObjectName(QStringLiteral("unsavedGoBackButton"));
    box->setDefaultButton(back);
    box->setEscapeButton(back);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, save, discard] {
        QAbstractButton *clicked = box->clickedButton();
        if (clicked == discard) {
            // Discarded: nothing to continue with next time either.
            m_autosave->stop();
            m_model->removeAutosave();
            m_leaving = true;
            QWizard::reject();
        } else if (clicked == save) {
            const QString suggestion = m_model->answersFile().isEmpty()
                                           ? QStringLiteral("gitspaces-setup.yaml")
                                           : m_model->answersFile();
            // Cancelled, or not written (the Summary page says why): the wizard stays.
            FileDialogs::saveFile(this, tr("Save answers"), suggestion,
                                  tr("Setup answers (*.yaml *.yml);;All files (*)"),
                                  [this](const QString &path) {
                                      if (m_summary->saveAnswers(path))
                                          leave();
                                  });
        }
        // Go back: nothing happens; the wizard stays as it was.
    });
    box->open();
}

QList<int> SetupWizard::flowIds() const
{
    if (m_model->manageMode())
        return {Prerequisites, Connect, Manage};
    return {Prerequisites, Connect, Docker, Runner, Delegate, Selector, Summary};
}

int SetupWizard::nextId() const
{
    const QList<int> flow = flowIds();
    const qsizetype at = flow.indexOf(currentId());
    return at >= 0 && at + 1 < flow.size() ? flow.at(at + 1) : -1;
}

void SetupWizard::updateSteps()
{
    const int current = currentId();
    const QList<int> flow = flowIds();
    int &furthest = m_model->manageMode() ? m_furthestManage : m_furthest;
    furthest = qMax(furthest, int(flow.indexOf(current)));
    m_steps->setCurrent(current);
    for (int id : pageIds())
        m_steps->setStepVisible(id, flow.contains(id));
    const steps::SetupState &state = m_run->context()->state();
    for (int position = 0; position < flow.size(); ++position) {
        const int id = flow.at(position);
        // Pages without a step of their own are done once passed; the others say what their
        // step did on the VM (run by hand, the wizard cannot know: still "to do").
        StepList::Status status =
            position < furthest && id != current ? StepList::Status::Done : StepList::Status::ToDo;
        std::optional<steps::StepKind> kind;
        if (id == Connect)
            kind = steps::StepKind::Preflight;
        else if (id == Docker)
            kind = steps::StepKind::Docker;
        else if (id == Runner)
            kind = steps::StepKind::Runner;
        else if (id == Delegate)
            kind = steps::StepKind::Delegate;
        if (kind) {
            switch (state.status(*kind)) {
            case steps::SetupState::Status::Done:
                status = StepList::Status::Done;
                break;
            case steps::SetupState::Status::DoneWithWarnings:
                status = StepList::Status::Warning;
                break;
            case steps::SetupState::Status::Failed:
                status = StepList::Status::Failed;
                break;
            case steps::SetupState::Status::NotDone:
            case steps::SetupState::Status::Removed:
                if (id != Connect)
                    status = StepList::Status::ToDo;
                break;
            }
            if (m_run->isRunning(*kind))
                status = StepList::Status::Running;
        }
        if (id == Manage && m_manage->isBuilt() && m_manage->actions()->isRunning())
            status = StepList::Status::Running;
        m_steps->setStatus(id, status);
    }
}

bool SetupWizard::eventFilter(QObject *watched, QEvent *event)
{
    // A page's content changed (built, a box shown or hidden): its minimum may have too.
    if (event->type() == QEvent::LayoutRequest && !m_minimumTimer.isActive())
        m_minimumTimer.start();
    return QWizard::eventFilter(watched, event);
}

void SetupWizard::updateMinimumSize()
{
    const QWizardPage *current = currentPage();
    if (!current || !isVisible())
        return;
    // The smallest size at which every page built so far still gets what its layout needs.
    // QWizard fixes its minimum when a page first shows, before the page has its content.
    // Word-wrapped labels need more height the narrower they are: at the pages' present width.
    const int width = current->width();
    QSize pages(0, 0);
    for (int id : pageIds()) {
        const auto *setupPage = qobject_cast<const SetupPage *>(page(id));
        if (!setupPage || !setupPage->isBuilt())
            continue;
        QSize needs = setupPage->minimumSizeHint();
        if (const QLayout *layout = setupPage->layout(); layout && layout->hasHeightForWidth())
            needs.setHeight(qMax(needs.height(), layout->totalMinimumHeightForWidth(width)));
        pages = pages.expandedTo(needs);
    }
    // The steps at the side stand beside the page: the page area is at least as tall as they are.
    pages.setHeight(qMax(pages.height(), m_steps->minimumSizeHint().height()));
    // The window around the page: header, buttons and margins.
    const QSize chrome = size() - current->size();
    const QSize minimum = pages + chrome;
    if (minimum != minimumSize())
        setMinimumSize(minimum);
}

bool SetupWizard::event(QEvent *event)
{
    const bool handled = QWizard::event(event);
    // Narrower, the pages' wrapped text takes more lines: the minimum height follows.
    if (event->type() == QEvent::Resize && !m_minimumTimer.isActive())
        m_minimumTimer.start();
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
    // An earlier session's answers, kept as it went: offered, never loaded unasked.
    {
        const QFileInfo kept(WizardModel::autosaveFile());
        QFile file(kept.filePath());
        // Read now: the file is written again as soon as anything is typed.
        if (kept.isFile() && !m_model->hasUnsavedAnswers() && file.open(QIODevice::ReadOnly))
            m_prerequisites->offerResume(kept.filePath(), file.readAll(), kept.lastModified());
    }
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
