// The Manage page's wiring: its jobs run over this window's context and session, with the
// Harness client and API key every Harness widget shares, and uninstall asks as the Summary
// page's does (the same plan, the same confirmation).
#include "RunController.h"

#include "SetupWizard.h"
#include "WizardModel.h"
#include "pages/ManagePage.h"

#include "steps/StepContext.h"

namespace gs {

void RunController::embedManage()
{
    ManagePage *page = m_wizard->managePage();
    page->ensureBuilt();
    ManageActions::Environment env;
    env.context = m_context.get();
    env.harness = [this] {
        return harnessClient();
    };
    env.apiKey = [this] {
        return m_apiKey;
    };
    // A job takes the answers as they are now; a running one keeps those it started with.
    env.prepare = [this] {
        m_context->setConfig(m_model->config());
    };
    env.afterPreflight = [this] {
        followEffectiveConfig();
    };
    env.reconnect = [this](std::function<void(bool, const QString &)> done) {
        reconnect(std::move(done));
    };
    env.confirmUninstall = [this](std::function<void()> proceed) {
        confirmUninstall(std::move(proceed));
    };
    page->setEnvironment(env);
    connect(page, &ManagePage::apiKeyEdited, this, &RunController::storeApiKey);
    // The answers follow what runs: set up again from them, the delegate keeps its new image.
    connect(page, &ManagePage::delegateUpgraded, this, [this](const QString &image) {
        if (m_model->config().delegate.image != image)
            m_model->edit([&image](SetupConfig &c) { c.delegate.image = image; });
    });
    connect(page, &ManagePage::actionFinished, this, [this] {
        followEffectiveConfig();
        updateResults();
        updateUninstallPlan();
    });
    updateManagePage();
    loadApiKey(); // the keychain's key, for a user who chose to remember it
}

void RunController::updateManagePage()
{
    if (!m_embedded.value(SetupWizard::Manage))
        return;
    ManagePage *page = m_wizard->managePage();
    if (!m_apiKey.isEmpty() && page->apiKey().isEmpty())
        page->setApiKey(m_apiKey);
    page->updateConnection();
}

} // namespace gs
